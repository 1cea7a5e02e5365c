"""The HTML report without a browser: self-contained, escaped, one card per proposal.

tests/report/test_html_browser.py opens it in Chromium and clicks the filters.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from plancompare.models import DiffResult, Reason
from plancompare.report import render
from plancompare.serialise import load_model

SAMPLE = Path(__file__).resolve().parents[1] / "snapshots" / "sample-diff.json"


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(page: str) -> _Collector:
    collector = _Collector()
    collector.feed(page)
    collector.close()
    return collector


def test_self_contained_no_external_resource() -> None:
    page = render(load_model(SAMPLE, DiffResult, "diff result"), "html", "fr")
    parsed = _parse(page)
    for tag, attrs in parsed.tags:
        assert tag not in ("link", "img", "iframe", "object", "embed")
        assert "src" not in attrs
        assert not (attrs.get("href") or "").startswith(("http", "//"))
    urls = re.findall(r"https?://[^\s\"'<>]+", page)
    assert set(urls) == {"http://www.w3.org/2000/svg"}  # the SVG namespace, not a request


def test_text_is_escaped_not_interpreted() -> None:
    sample = load_model(SAMPLE, DiffResult, "diff result")
    evil = sample.proposals[0].model_copy(update={"text": "<script>alert('x')</script> « traite » & co"})
    page = render(sample.model_copy(update={"proposals": [evil, *sample.proposals[1:]]}), "html", "fr")
    assert page.count("<script>") == 1  # only the report's own script
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; « traite » &amp; co" in page
    assert "&lt;Pôle emploi&gt;" in page


def test_one_card_per_proposal_with_verdict_axis_and_shared_words() -> None:
    sample = load_model(SAMPLE, DiffResult, "diff result")
    parsed = _parse(render(sample, "html", "en"))
    cards = [attrs for tag, attrs in parsed.tags if tag == "article"]
    assert [(c["id"], c["data-verdict"], c["data-axis"]) for c in cards] == [
        ("p-M01-P01", "changed", "I"),
        ("p-M01-P02", "adopted", "I"),
        ("p-M02-P01", "changed", "I"),
        ("p-M12-P01", "dropped", "II"),
        ("p-G01", "adopted", "general"),
        ("p-G02", "dropped", "general"),
        ("p-G03", "n-a", "general"),
    ]
    page = render(sample, "html", "en")
    card = page.split('id="p-M01-P01"', 1)[1].split("</article>", 1)[0]
    # What the passage shares with the ask is marked on both sides; nothing is struck through.
    assert "<p>Créer 50 postes de <mark>médiateurs culturels dans un délai</mark> de 6 mois</p>" in card
    assert (
        "<p>Des <mark>médiateurs culturels</mark> pourront être recrutés dans un <mark>délai</mark>" in card
    )
    assert "<del>" not in page and "<ins>" not in page
    options = [a.get("value") for t, a in parsed.tags if t == "option"]
    # The axis filter, then the confidence filter (any, below 50 %, below 75 %) and the order.
    assert options == ["", "I", "II", "general", "1.01", "0.5", "0.75", "document", "confidence"]
    assert [a["fill"] for t, a in parsed.tags if t == "rect" and a.get("height") == "22"] == [
        "#2e7d32",
        "#b26a00",
        "#c62828",
        "#2e7d32",
        "#c62828",
        "#6b7280",
    ]


def test_summary_counts_are_addressable_for_the_filters() -> None:
    page = render(load_model(SAMPLE, DiffResult, "diff result"), "html", "fr")
    assert '<td class="num" id="count-dropped">2</td>' in page
    assert '<td class="num" id="count-n-a">1</td>' in page
    assert '<td class="num" id="count-total">7</td>' in page
    assert '<html lang="fr">' in page


def test_an_item_that_is_not_an_ask_has_its_verdict_filter_and_no_rate() -> None:
    page = render(load_model(SAMPLE, DiffResult, "diff result"), "html", "en")
    assert '<button type="button" data-verdict="n-a" aria-pressed="false">Not an ask</button>' in page
    card = page.split('id="p-G03"', 1)[1].split("</article>", 1)[0]
    assert '<span class="verdict v-n-a">Not an ask</span>' in card
    assert "Nothing is asked: no passage to look for" in card
    # General demands: 1 adopted, 1 dropped, 1 not an ask: 50 %, not 33 %.
    row = next(r for r in page.split("<tr>") if r.startswith("<td>General demands</td>"))
    assert '<td class="num">3</td><td class="num">50%</td></tr>' in row
    assert "Adoption rate = adopted / (adopted + changed + dropped)" in page


def test_the_asks_missing_words_are_underlined() -> None:
    sample = load_model(SAMPLE, DiffResult, "diff result")
    proposal = sample.proposals[0].model_copy(
        update={"reasons": [Reason(code="partial", base="Premier, ministre")], "verdict": "changed"}
    )
    match = proposal.matches[0].model_copy(update={"passage": "La lutte est rattachée au gouvernement."})
    result = sample.model_copy(update={"proposals": [proposal.model_copy(update={"matches": [match]})]})
    card = render(result, "html", "fr").split('id="p-G01"', 1)[1].split("</article>", 1)[0]
    assert (
        # « soit » is never marked alone, but joins the mark of the shared words around it.
        '<p>la <mark>lutte soit rattachée</mark> au <span class="absent">Premier</span> '
        '<span class="absent">ministre</span></p>'
    ) in card
