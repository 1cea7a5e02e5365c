"""Reviews written measure after measure in one column, not in a table's three columns.

Under each « Mesure 5 : … » heading come the plan's text, then sections headed « Constats » (or
« Nos observations », « Analyse » …) and « Propositions » (« Nos recommandations », « Demandes » …):
a coalition's or a rapporteur's review as a word processor lays it out. Read as a plan, every
proposal would be plan text and the diff would follow none. When at least two measures, and a third
of them, have a proposals section, the document is such a review: each measure's text is what
precedes its sections, its observations and proposals are the sections' paragraphs, and the general
demands (G01 …) are the bullets of its opening pages, then a « Propositions générales » section.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from plancompare.extract.demands import demands_in, group_demands
from plancompare.extract.flow import drop_toc
from plancompare.extract.headings import heading_like
from plancompare.extract.layout import PageLayout
from plancompare.extract.lines import Line
from plancompare.extract.textclean import normalise_spaces
from plancompare.extract.titles import author_in
from plancompare.models import Plan, Proposal, Review, ReviewMeasure, id_part

_KINDS = {
    "general": r"(?:propositions?|recommandations?|demandes|revendications)\s+"
    r"(?:g[ée]n[ée]rales|transversales)",
    "proposals": r"propositions?|recommandations?|demandes|revendications|ce que nous demandons",
    "observations": r"constats?|observations?|analyses?|commentaires?|appr[ée]ciations?|bilan"
    r"|[ée]tat des lieux",
    "plan": r"ce que pr[ée]vo(?:it|yait) le plan|texte du plan|rappel de la mesure|contenu de la mesure"
    r"|le plan pr[ée]vo(?:it|yait)",
}
_KIND_RE = "|".join(f"(?P<{kind}>{words})" for kind, words in _KINDS.items())
# A section heading alone: « Nos propositions », « CONSTATS ET OBSERVATIONS », « Propositions du
# Collectif : » (a few words after the kind, no sentence).
_HEADING = re.compile(rf"^(?:(?:nos|les|leurs?)\s+)?(?:{_KIND_RE})\b[^.!?;]{{0,50}}?\s*:?$", re.IGNORECASE)
# Or opening its paragraph: « Propositions : créer … ».
_INLINE = re.compile(
    rf"^(?:(?:nos|les|leurs?)\s+)?(?:{_KIND_RE})\s*:\s*(?P<rest>\S.*)$", re.IGNORECASE | re.DOTALL
)
# At least this many measures, and this share of them, with a proposals section: a review.
MIN_MEASURES = 2
MIN_SHARE = 1 / 3


@dataclass(frozen=True)
class _Chunk:
    text: str
    page: int
    last_page: int


def _kind(m: re.Match[str]) -> str:
    return next(kind for kind in _KINDS if m.group(kind))


def _sections(text: str) -> dict[str, list[str]]:
    """A measure's paragraphs by section: « plan » until a section heading, then that section's."""
    out: dict[str, list[str]] = {kind: [] for kind in _KINDS}
    kind = "plan"
    for para in (p for p in text.split("\n\n") if p.strip()):
        flat = normalise_spaces(para.replace("\n", " "))
        if len(flat) <= 80 and (m := _HEADING.match(flat)):
            kind = _kind(m)
            continue
        if m := _INLINE.match(para):
            kind = _kind(m)
            para = m.group("rest")
        out[kind].append(para)
    return out


def _opening(layouts: list[PageLayout], last_page: int) -> list[Line]:
    """The lines before the first priority or measure heading (on `last_page` at the latest):
    where a review states its general demands (« Le Collectif demande : • … »)."""
    out: list[Line] = []
    for line in drop_toc(layouts):
        if heading_like(line) or line.page > last_page:
            break
        out.append(line)
    return out


def sectioned_review(plan: Plan, layouts: list[PageLayout]) -> Review | None:
    """The review `plan` (read from `layouts`) is when its measures hold « Constats » and
    « Propositions » sections."""
    sections = [_sections(m.text) for m in plan.measures]
    with_proposals = sum(1 for s in sections if s["proposals"])
    if with_proposals < MIN_MEASURES or with_proposals < MIN_SHARE * len(plan.measures):
        return None
    measures: list[ReviewMeasure] = []
    proposals: list[Proposal] = []
    general: list[str] = []
    for measure, parts in zip(plan.measures, sections, strict=True):
        measures.append(
            ReviewMeasure(
                **measure.model_dump(exclude={"text"}),
                text="\n\n".join(parts["plan"]),
                observations="\n\n".join(parts["observations"]) or None,
            )
        )
        page = measure.first_page or 0
        demands = group_demands([_Chunk(t, page, page) for t in parts["proposals"]])
        number = id_part(measure.name)
        proposals += [
            Proposal(id=f"M{number}-P{k:02d}", measure=measure.number, text=text)
            for k, (text, _) in enumerate(demands, start=1)
        ]
        general += parts["general"]
    first_page = plan.measures[0].first_page or 1
    opening = demands_in(_opening(layouts, first_page), plan.title or "")
    closing = group_demands([_Chunk(t, 0, 0) for t in general])
    proposals += [
        *opening,
        *(
            Proposal(id=f"G{k:02d}", measure=None, text=text)
            for k, (text, _) in enumerate(closing, start=len(opening) + 1)
        ),
    ]
    return Review(
        title=plan.title,
        author=author_in(plan.title),
        source=plan.source,
        priorities=plan.priorities,
        measures=measures,
        proposals=sorted(proposals, key=lambda p: p.id),
        warnings=plan.warnings,
    )
