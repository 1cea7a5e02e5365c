"""Extracting the bundled review PDF gives back the review it was typeset from (the corpus YAML)."""

from __future__ import annotations

from pathlib import Path

import pytest
from rapidfuzz import fuzz

from plancompare.extract.demands import group_demands
from plancompare.extract.document import extract
from plancompare.extract.reviewyaml import load_review_yaml
from plancompare.models import Proposal, Review

ROOT = Path(__file__).resolve().parents[2]
REVIEW_PDF = ROOT / "corpora" / "2014-2016" / "collectif-2017-review.pdf"
# The review as reconstructed from the published PDF, bundled with the corpus it was typeset into
# (a copy of ../shared/corpus-src/, so that a clone alone runs the suite).
REVIEW_YAML = ROOT / "corpora" / "2014-2016" / "src" / "collectif-2017-review.yaml"
SHARED_YAML = ROOT.parent / "shared" / "corpus-src" / "collectif-2017-review.yaml"


@pytest.mark.skipif(not SHARED_YAML.is_file(), reason="../shared is not beside this clone")
def test_the_bundled_review_source_is_the_shared_one() -> None:
    assert REVIEW_YAML.read_bytes() == SHARED_YAML.read_bytes()


def ws(text: str | None) -> str:
    return " ".join((text or "").split())


@pytest.fixture(scope="module")
def extracted() -> Review:
    result = extract(REVIEW_PDF, "auto", use_cache=False)
    assert isinstance(result, Review)
    return result


@pytest.fixture(scope="module")
def gold() -> Review:
    return load_review_yaml(REVIEW_YAML)


def test_review_is_detected_and_titled(extracted: Review, gold: Review) -> None:
    assert extracted.kind == "review"
    assert extracted.title == gold.title
    assert extracted.author == gold.author == "Collectif « Ensemble contre la traite des êtres humains »"
    assert extracted.source is not None and extracted.source.pages == 29


def test_measures_titles_and_priorities(extracted: Review, gold: Review) -> None:
    assert [m.number for m in extracted.measures] == list(range(1, 24))
    for got, want in zip(extracted.measures, gold.measures, strict=True):
        assert (got.number, got.title, got.priority, got.section) == (
            want.number,
            want.title,
            want.priority,
            want.section,
        )
        assert got.responsible == want.responsible, got.number
        assert got.instrument == want.instrument, got.number
        assert got.first_page is not None and got.last_page is not None
        assert 3 <= got.first_page <= got.last_page <= 29
    assert [(p.id, p.title, p.sections) for p in extracted.priorities] == [
        (p.id, p.title, p.sections) for p in gold.priorities
    ]


def test_measure_without_heading_is_inferred(extracted: Review) -> None:
    first = extracted.measures[0]
    assert first.heading_inferred is True
    assert first.title == "ALLER AU DEVANT DES VICTIMES POUR FAVORISER L’ACCES AUX DROITS"
    assert all(not m.heading_inferred for m in extracted.measures[1:])
    assert len(extracted.warnings) == 1 and "measure 1 " in extracted.warnings[0]


def test_general_demands_match_exactly(extracted: Review, gold: Review) -> None:
    got = [(p.id, p.text) for p in extracted.proposals if p.measure is None]
    want = [(p.id, p.text) for p in gold.proposals if p.measure is None]
    assert got == want


def test_proposals_keep_the_reviews_own_ids(extracted: Review, gold: Review) -> None:
    # The coalition's 125 proposals and 16 general demands, under the coalition's ids: a paragraph
    # without dash inside a list of dash items (M10-P14's second paragraph, between two items;
    # M10-P16's last, closing the column) is the item's own, no proposal of its own, so that no
    # id after it shifts.
    assert len(gold.proposals) == 141 and sum(p.measure is None for p in gold.proposals) == 16
    assert [(p.id, p.measure) for p in extracted.proposals] == [(p.id, p.measure) for p in gold.proposals]
    assert [ws(p.text) for p in extracted.proposals] == [ws(p.text) for p in gold.proposals]


def _best(text: str, candidates: list[Proposal]) -> float:
    return max((fuzz.token_sort_ratio(ws(text), ws(c.text)) for c in candidates), default=0.0)


def _contained(text: str, candidates: list[Proposal]) -> float:
    """How well `text` fits inside one proposal or a run of consecutive ones of its measure."""
    best = 0.0
    for i in range(len(candidates)):
        for j in range(i + 1, min(i + 4, len(candidates)) + 1):
            whole = ws(" ".join(c.text for c in candidates[i:j]))
            if len(ws(text)) <= len(whole):
                score = fuzz.partial_ratio(ws(text), whole)  # a piece of one demand
            else:
                score = fuzz.token_sort_ratio(ws(text), whole)  # several demands together
            best = max(best, score)
    return best


def test_proposals_recall_and_purity(extracted: Review, gold: Review) -> None:
    by_measure: dict[int | None, list[Proposal]] = {}
    for p in extracted.proposals:
        by_measure.setdefault(p.measure, []).append(p)
    gold_by_measure: dict[int | None, list[Proposal]] = {}
    for p in gold.proposals:
        gold_by_measure.setdefault(p.measure, []).append(p)
    found = [p for p in gold.proposals if _best(p.text, by_measure.get(p.measure, [])) >= 95]
    recall = len(found) / len(gold.proposals)
    impure = [p for p in extracted.proposals if _contained(p.text, gold_by_measure.get(p.measure, [])) < 95]
    print(
        f"\nproposals: {len(found)}/{len(gold.proposals)} of the YAML found (≥95 similar, same measure) "
        f"= {recall:.1%}; extracted {len(extracted.proposals)}, impure {len(impure)}"
    )
    assert recall >= 0.98
    assert impure == []
    ids = [p.id for p in extracted.proposals if p.measure is not None]
    assert len(ids) == len(set(ids))
    for p in extracted.proposals:
        if p.measure is not None:
            assert p.id.startswith(f"M{p.measure:02d}-P")
            assert p.page is not None and p.page >= 3


def test_plan_text_and_observations_per_measure(extracted: Review, gold: Review) -> None:
    text_scores = []
    obs_scores = []
    for got, want in zip(extracted.measures, gold.measures, strict=True):
        text_scores.append(fuzz.ratio(got.text, want.text))
        obs_scores.append(fuzz.ratio(got.observations or "", want.observations or ""))
    print(
        f"\nplan text similarity: min {min(text_scores):.1f} mean {sum(text_scores) / 23:.1f}; "
        f"observations: min {min(obs_scores):.1f} mean {sum(obs_scores) / 23:.1f}"
    )
    assert min(text_scores) >= 97
    assert min(obs_scores) >= 97
    same_paragraphs = sum(
        got.text.count("\n\n") == want.text.count("\n\n")
        for got, want in zip(extracted.measures, gold.measures, strict=True)
    )
    assert same_paragraphs >= 21


def test_forced_plan_layout_reads_the_plan_column() -> None:
    """`--layout plan` on a review does not crash; the table's measures come out as a plan's."""
    plan = extract(REVIEW_PDF, "plan", use_cache=False)
    assert plan.kind == "plan"
    assert {m.number for m in plan.measures} >= set(range(2, 24))


class _Para:
    def __init__(self, text: str, page: int = 1) -> None:
        self.text, self.page, self.last_page = text, page, page


def test_a_paragraph_without_dash_inside_a_list_of_dash_items_stays_with_the_item_before_it() -> None:
    def grouped(*texts: str) -> list[str]:
        return [text for text, _ in group_demands([_Para(t) for t in texts])]

    # Between two dash items, or closing the column: the item's second paragraph.
    assert grouped(
        "- Une attention aux 16-18 ans.", "Des formations doivent être offertes.", "- D’autre part, …"
    ) == [
        "- Une attention aux 16-18 ans.\n\nDes formations doivent être offertes.",
        "- D’autre part, …",
    ]
    assert grouped(
        "- Le retour doit tenir compte de l’enfant.", "Nous recommandons une enquête sociale."
    ) == ["- Le retour doit tenir compte de l’enfant.\n\nNous recommandons une enquête sociale."]
    # Prose again after the list (two paragraphs without dash): each a demand of its own.
    assert grouped(
        "- Un dispositif spécifique.", "Prévoir des financements.", "Il faut intégrer la taille."
    ) == [
        "- Un dispositif spécifique.",
        "Prévoir des financements.",
        "Il faut intégrer la taille.",
    ]
