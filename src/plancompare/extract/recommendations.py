"""Reports that end in numbered recommendations (« Recommandation n° 12 : … »), read as reviews.

An evaluation report (the national rapporteur's, an inspection's, an NGO's) often is no
measure-by-measure table: its demands are numbered paragraphs set apart in bold or in a box,
between pages of analysis. Each becomes a proposal `R12` with no base measure, like a general
demand, so a diff says which of them the next plan took up. The recommendation is its heading
paragraph and what follows in the same type (a list of items in bold under it); the analysis in
regular type around it is the report's, not the ask.
"""

from __future__ import annotations

from plancompare.extract.flow import drop_toc, join_split_headings
from plancompare.extract.headings import prominent
from plancompare.extract.layout import PageLayout
from plancompare.extract.notes import split_notes
from plancompare.extract.paragraphs import Para, body_size, paragraphs
from plancompare.extract.textclean import normalise_spaces
from plancompare.extract.titles import document_title
from plancompare.models import Proposal, Review
from plancompare.text.normalise import tokens
from plancompare.text.patterns import PREFIX, RECOMMENDATION_RE

# Fewer than this many numbered recommendations: a plan quoting one, not a list of them.
MIN_RECOMMENDATIONS = 2
# Two occurrences of one number say the same thing when this share of the shorter one's stems is
# in the other (a summary shortens, rewords a little); a numbering that starts again per chapter
# puts different asks under one number.
SAME_TEXT = 0.5


def segment_recommendations(layouts: list[PageLayout]) -> Review | None:
    """The numbered recommendations of a report, or None when it has fewer than two."""
    lines = join_split_headings(drop_toc(layouts))
    # A report's footnotes are its sources, not its asks: out of the flow, a recommendation running
    # over a page stays whole.
    lines, _ = split_notes(layouts, lines, body_size(lines))
    paras = paragraphs(lines)
    starts = [i for i, p in enumerate(paras) if RECOMMENDATION_RE.match(p.first.text)]
    if len(starts) < MIN_RECOMMENDATIONS:
        return None
    body = body_size([line for p in paras for line in p.lines])
    found: list[tuple[int, str, int]] = []
    for k, i in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(paras)
        number, text = _recommendation(paras[i], paras[i + 1 : end], body)
        if text:
            found.append((number, text, paras[i].page))
    found = without_repeats(found)
    numbers = [n for n, _, _ in found]
    warnings: list[str] = []
    if len(set(numbers)) != len(numbers):
        # Numbering that starts again per chapter: ids follow the document's order instead.
        numbers = list(range(1, len(found) + 1))
        warnings.append(
            f"recommendation numbers repeat: they are numbered R01 to R{len(found):02d} in document order"
        )
    proposals = [
        Proposal(id=f"R{n:02d}", measure=None, text=text, page=page)
        for n, (_, text, page) in zip(numbers, found, strict=True)
    ]
    return Review(
        title=document_title(layouts),
        proposals=sorted(proposals, key=lambda p: p.id),
        warnings=warnings,
    )


def without_repeats(found: list[tuple[int, str, int]]) -> list[tuple[int, str, int]]:
    """A summary list (« Synthèse des recommandations ») repeats them, often shortened: of the
    occurrences of one number saying the same thing, the longest is kept, in document order."""
    kept: list[tuple[int, str, int]] = []
    for item in found:
        number, text, _ = item
        same = next((k for k, (n, other, _) in enumerate(kept) if n == number and _same(text, other)), None)
        if same is None:
            kept.append(item)
        elif len(text) > len(kept[same][1]):
            kept[same] = item
    return kept


def _same(a: str, b: str) -> bool:
    stems_a, stems_b = ({s[:PREFIX] for s in tokens(t, content_only=True)} for t in (a, b))
    shorter = min(len(stems_a), len(stems_b))
    return shorter > 0 and len(stems_a & stems_b) >= SAME_TEXT * shorter


def _recommendation(heading: Para, following: list[Para], body: float) -> tuple[int, str]:
    """(number, text): the heading paragraph's text after « Recommandation n° 3 : »; when it is set
    apart (bold or large type), the paragraphs after it in the same type too. A heading alone on
    its line takes the next paragraph as its text."""
    m = RECOMMENDATION_RE.match(normalise_spaces(heading.text))
    assert m is not None
    rest = m.group("rest").strip()
    if not rest:
        return int(m.group("num")), normalise_spaces(following[0].text) if following else ""
    head = heading.first
    parts = [rest]
    if prominent(head, body):
        for para in following:
            if para.first.bold != head.bold or abs(para.first.size - head.size) >= 0.5:
                break
            parts.append(normalise_spaces(para.text))
    return int(m.group("num")), "\n\n".join(parts)
