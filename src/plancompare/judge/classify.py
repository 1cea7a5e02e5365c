"""Verdicts from scores and reasons, with the thresholds of `MatchConfig`."""

from __future__ import annotations

import re

from plancompare.config import MatchConfig
from plancompare.judge.distinctive import FIELD_STEMS, distinctive, said_otherwise, surface_words
from plancompare.match.aligner import Aligner
from plancompare.match.query import Query
from plancompare.match.scoring import Candidate
from plancompare.models import ProposalVerdict, Reason
from plancompare.text.normalise import tokens
from plancompare.text.patterns import PREFIX

# An ask of several demands (sentences, or « ; » clauses, that each ask) is taken up only in part
# when one demand has under this share of its weight in any of the proposal's best candidate
# measures: « les médiateurs devraient être intégrés dans une équipe ; des budgets de formation
# devraient être prévus » answered by a measure on the team alone. Chosen on the development drafts.
UNANSWERED = 0.25
DEMAND_MEASURES = 5  # how many of the best candidate measures a demand is looked for in
MIN_DEMAND_STEMS = 3  # a shorter demand (« Proposition de titre : ») has too few words to tell


def unanswered(aligner: Aligner, query: Query, cands: list[Candidate]) -> tuple[str, float] | None:
    """The first demand of a many-demand ask that the best candidate measures leave out, and the
    share of it they cover; None when every demand is found (or the ask makes only one)."""
    demands = [d for d in query.demands if sum("_" not in t for t in d.terms) >= MIN_DEMAND_STEMS]
    if len(demands) < 2 or not cands:
        return None
    near = [c.measure for c in cands[:DEMAND_MEASURES]]
    for demand in demands:
        share = aligner.covered(demand, near, query.topic)
        if share < UNANSWERED:
            return demand.text, share
    return None


# A connective opening the demand (« À cet égard, », « Par ailleurs, ») links it to the ask before; the
# demand is quoted without it.
_CONNECTIVE = re.compile(
    r"^(?:[àa] cet [ée]gard|par ailleurs|en outre|de plus|de m[êe]me|enfin|ensuite|aussi|également|"
    r"dans ce cadre|dans ce sens|en ce sens|pour ce faire|en particulier|notamment)\s*,\s*",
    re.IGNORECASE,
)


def left_out(demand: str, share: float) -> Reason:
    """A `partial` reason: the demand no candidate measure takes up, quoted whole (less a connective
    opening it), with its first letter in capitals."""
    shown = _CONNECTIVE.sub("", demand.strip(), count=1)
    if shown != demand.strip():
        shown = shown[:1].upper() + shown[1:]
    return Reason(
        code="partial",
        base=shown,
        detail=f"one of the ask's demands is in none of its candidate measures ({share:.0%} of its words)",
    )


def proposal_verdict(
    best: Candidate | None, change: list[Reason], cfg: MatchConfig
) -> tuple[ProposalVerdict, list[Reason]]:
    """adopted / changed / dropped for a proposal whose best candidate is `best`.

    Taken up when the best passage scores at least `match`; then adopted when it also reaches
    `adopt` and no change reason was found, else changed (« partial » names the ask's words the
    passage lacks when the score alone decides). Dropped proposals say whether nothing matched or
    the passage only shares the topic.
    """
    score = best.score if best is not None else 0.0
    if best is None or score < cfg.match:
        if best is not None and score >= cfg.topic:
            return "dropped", [topic_only(best, f"not the ask (threshold {cfg.match:g})")]
        detail = (
            f"no passage answers it (nearest: measure {best.measure}, score {score:g})"
            if best is not None
            else "no passage answers it"
        )
        return "dropped", [Reason(code="no-match", detail=detail)]
    if change:
        return "changed", change
    if score < cfg.adopt:
        return "changed", [partial(best, f"only part of the ask is found (score {score:g} < {cfg.adopt:g})")]
    return "adopted", []


def _missing(best: Candidate) -> str | None:
    """The ask's distinctive words the passage lacks, as the ask writes them."""
    lacking = [
        w
        for w in surface_words(best.base_passage, best.missing, PREFIX)
        if not said_otherwise(w, best.passage)
    ]
    return ", ".join(distinctive(lacking, best.base_passage)) or None


def topic_only(best: Candidate, why: str) -> Reason:
    """A dropped proposal whose nearest passage shares the topic: `why` it does not answer."""
    return Reason(
        code="topic-only",
        base=_missing(best),
        detail=f"nearest passage (measure {best.measure}, score {best.score:g}) shares the topic, {why}",
    )


def partial(best: Candidate, detail: str) -> Reason:
    """A proposal taken up in part: the ask's words the passage lacks, and `detail`."""
    return Reason(code="partial", base=_missing(best), detail=detail)


def shares_more_than_the_field(ask: str, passage: str) -> bool:
    """Whether `passage` shares a content word with `ask` besides the words of the field."""
    asked = {t[:PREFIX] for t in tokens(ask, content_only=True) if not t.isdigit()}
    return bool(asked & {t[:PREFIX] for t in tokens(passage, content_only=True)} - FIELD_STEMS)
