"""Hand-made sides for the matching and judging tests (tests/match, tests/judge): a plan's measures
and, when given, one review's proposals about them."""

from __future__ import annotations

from pathlib import Path

from plancompare.models import Measure, Plan, Proposal, Review, ReviewMeasure, Side


def side(measures: list[Measure], proposals: list[Proposal] | None = None) -> Side:
    plan = Plan(title="p", measures=measures)
    reviews = []
    if proposals is not None:
        rms = [ReviewMeasure.model_validate(m.model_dump()) for m in measures]
        reviews = [Review(title="r", measures=rms, proposals=proposals)]
    return Side(title="p", language="fr", plan=plan, reviews=reviews, sources=[Path("/somewhere/x.yaml")])
