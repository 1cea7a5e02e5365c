"""Assignment: proposals that compete for one passage of the next plan."""

from __future__ import annotations

from plancompare.config import MatchConfig
from plancompare.judge.diff import compare
from plancompare.match.assign import claims
from plancompare.models import Measure, Proposal
from sides import side

BASE = side(
    [Measure(number=1, title="Former les professionnels", text="Des formations seront organisées.")],
    [
        # Both asks are about training; the next plan's one sentence answers the first.
        Proposal(
            id="M01-P01",
            measure=1,
            text="Les magistrats doivent suivre une formation initiale sur la traite des êtres humains.",
        ),
        Proposal(id="M01-P02", measure=1, text="Les greffiers doivent suivre une formation sur la traite."),
        # The review repeats an ask word for word: a repeat does not compete with itself.
        Proposal(
            id="M01-P03",
            measure=1,
            text="Les magistrats doivent suivre une formation initiale sur la traite des êtres humains.",
        ),
    ],
)
NEXT = side(
    [
        Measure(
            number=1,
            title="Former les acteurs",
            text="Une formation initiale sur la traite des êtres humains sera suivie par les magistrats.",
        )
    ]
)


def test_the_passage_goes_to_the_ask_it_answers_best_and_others_are_marked_claimed() -> None:
    result = compare(BASE, NEXT, MatchConfig())
    by_id = {p.id: p for p in result.proposals}
    first, second, repeat = by_id["M01-P01"], by_id["M01-P02"], by_id["M01-P03"]
    assert first.verdict == "adopted" and not first.reasons
    assert repeat.verdict == "adopted"  # a repeat is not claimed
    # The second ask found the same passage, which answers the first better: the claim makes its
    # adoption a change (its passage score × `claimed` is below `adopt`), never a drop (issue #13:
    # one sentence may answer several asks).
    assert second.matches[0].passage == first.matches[0].passage
    assert second.score == second.matches[0].score
    assert second.score * MatchConfig().claimed < MatchConfig().adopt <= second.score
    claimed = [r for r in second.reasons if r.code == "claimed"]
    assert second.verdict == "changed" and claimed and claimed[0].next == "M01-P01"


def test_claims_are_independent_of_the_order_of_proposals() -> None:
    from plancompare.match.aligner import Aligner

    proposals = BASE.reviews[0].proposals
    aligner = Aligner(NEXT.plan.measures)
    cands = [aligner.align(aligner.query(p.text)) for p in proposals]
    forward = claims(proposals, cands)
    backward = claims(proposals[::-1], cands[::-1])
    assert forward == backward and set(forward) == {"M01-P02"}
