"""Compare a base corpus (plan + reviews) with a next plan: `compare(base, next) -> DiffResult`."""

from __future__ import annotations

from dataclasses import dataclass, replace

from plancompare import __version__
from plancompare.config import MatchConfig
from plancompare.errors import UsageError
from plancompare.judge.actors import about_its_measure
from plancompare.judge.classify import (
    left_out,
    proposal_verdict,
    shares_more_than_the_field,
    topic_only,
    unanswered,
)
from plancompare.judge.measures import (
    MAX_MATCHES,
    as_match,
    judge_measures,
    measure_priors,
    proposal_evidence,
)
from plancompare.judge.reasons import change_reasons
from plancompare.match.aligner import Aligner, align_many
from plancompare.match.assign import Claim, claims
from plancompare.match.query import Query
from plancompare.match.scoring import Candidate
from plancompare.models import (
    DiffResult,
    DocumentRef,
    Match,
    Measure,
    MeasureResult,
    NextMeasure,
    Proposal,
    ProposalResult,
    ProposalVerdict,
    Reason,
    Settings,
    Side,
)
from plancompare.text.commitment import asks_nothing, first_year
from plancompare.text.patterns import ITS_MEASURE

ENGINE = (
    "plancompare-align 2 (BM25 sentence candidates, acronyms and set phrases unified, "
    "IDF-weighted F2 passage overlap, rapidfuzz stems)"
)


def _ref(side: Side) -> DocumentRef:
    names = sorted({p.name for p in side.sources})
    return DocumentRef(title=side.title, source=", ".join(names) or None, language=side.language)


def base_proposals(base: Side) -> list[Proposal]:
    """Every proposal of `base`'s reviews, sorted by id (an id two reviews use: the first one's)."""
    seen: dict[str, Proposal] = {}
    for review in base.reviews:
        for p in review.proposals:
            seen.setdefault(p.id, p)
    return sorted(seen.values(), key=lambda p: p.id)


def proposal_candidates(
    aligner: Aligner,
    proposals: list[Proposal],
    base_measures: dict[int, Measure],
    priors: dict[int, list[Candidate]],
) -> list[tuple[Query, list[Candidate]]]:
    """Each proposal read in the context of its base measure: the measure's words are its topic,
    and the next measures that continue it are candidates ranked up."""
    items: list[tuple[Query, dict[int, float] | None]] = []
    for p in proposals:
        base_measure = base_measures.get(p.measure) if p.measure is not None else None
        topic = f"{base_measure.title}. {base_measure.text}" if base_measure is not None else None
        prior = priors.get(p.measure, []) if p.measure is not None else []
        items.append((aligner.query(p.text, topic=topic), {c.measure: c.score for c in prior}))
    return list(zip([q for q, _ in items], align_many(aligner, items), strict=True))


def continuing(aligner: Aligner, query: Query, prior: list[Candidate], cfg: MatchConfig) -> list[Candidate]:
    """The candidates among the next measures that continue the proposal's base measure (its first
    by rank, and any scoring `successor`): where an ask about that measure alone can be taken up."""
    kept = {prior[0].measure} | {c.measure for c in prior if c.score >= cfg.successor}
    owners = [i for i, m in enumerate(aligner.measures) if m.number in kept]
    return aligner.align(query, owners=owners, prior={c.measure: c.score for c in prior})


def effective(best: Candidate | None, claim: Claim | None, cfg: MatchConfig) -> Candidate | None:
    """The best candidate with the score the verdict is decided from (lowered when claimed)."""
    if best is None or claim is None:
        return best
    return replace(best, score=round(best.score * cfg.claimed, 1))


def judge_proposal(
    query: Query,
    cands: list[Candidate],
    next_by_number: dict[int, Measure],
    cfg: MatchConfig,
    claim: Claim | None = None,
    missed: tuple[str, float] | None = None,
) -> tuple[ProposalVerdict, float, list[Candidate], list[Reason]]:
    """(verdict, score, matched candidates, reasons) of one proposal; `claim`: another proposal
    that its best passage answers better (assign.py). One sentence may answer several asks: a claim
    can make an adoption a change (the passage is more likely about the other ask), never turn a
    taken-up ask into a dropped one. `missed`: a demand of the ask that no candidate takes up
    (classify.unanswered), which makes an adoption a change."""
    best = cands[0] if cands else None
    change: list[Reason] = []
    if best is not None and best.score >= cfg.match:
        change = change_reasons(query.whole.text, best.passage, next_by_number.get(best.measure))
    verdict, reasons = proposal_verdict(best, change, cfg)
    if (
        verdict != "dropped"
        and best is not None
        and not shares_more_than_the_field(query.whole.text, best.passage)
    ):
        verdict, reasons = (
            "dropped",
            [topic_only(best, "it shares only the words of the field (« lutte contre la traite »)")],
        )
    if verdict == "adopted" and missed is not None:
        verdict, reasons = "changed", [left_out(*missed)]
    lowered = effective(best, claim, cfg)
    if claim and best and lowered and verdict == "adopted" and lowered.score < cfg.adopt:
        verdict = "changed"
        reasons.append(
            Reason(
                code="claimed",
                next=claim.by,
                detail=f"the passage answers {claim.by} better (score {claim.score:g}); "
                f"score {best.score:g} × {cfg.claimed:g}",
            )
        )
    if not query.has_ask:
        if asks_nothing([u.text for u in query.units]):
            # Praise or a statement of fact: nothing to take up (« Sans objet »), whatever matches.
            reason = Reason(
                code="no-ask", detail="no sentence reads as an ask: praise or a statement of fact"
            )
            return "n-a", (best.score if best else 0.0), [], [reason]
        reasons.append(
            Reason(code="no-ask", detail="no sentence reads as an ask: praise or a statement of fact?")
        )
    if verdict == "dropped":
        kept = cands[:1]  # the nearest candidate, as evidence of why it was judged not taken up
    else:
        assert best is not None
        floor = max(cfg.match, cfg.relative * cands[0].score)
        kept = [c for c in cands if c.score >= floor][:MAX_MATCHES]
    return verdict, (best.score if best else 0.0), kept, reasons


@dataclass(frozen=True)
class Alignment:
    """Everything verdicts are decided from, before thresholds: computed once per pair of sides
    (`compare` judges it; `calibrate` fits thresholds on it)."""

    aligner: Aligner
    proposals: list[Proposal]
    aligned: list[tuple[Query, list[Candidate]]]  # one per proposal, in order
    claims: dict[str, Claim]
    base_measures: list[Measure]
    priors: dict[int, list[Candidate]]  # base measure → next measures that continue it
    next_by_number: dict[int, Measure]
    missed: list[tuple[str, float] | None]  # one per proposal: a demand no candidate takes up


def align_sides(base: Side, next: Side, config: MatchConfig | None = None) -> Alignment:
    """Index the next plan, align every base measure and every proposal, and find the proposals
    that compete for one passage (`config`: only its glossary is read here)."""
    cfg = config or MatchConfig()
    if not next.plan.measures:
        # A report of recommendations (recommendations.py) has proposals, no measures to answer them.
        name = next.plan.title or ", ".join(sorted(p.name for p in next.sources)) or "NEXT"
        raise UsageError(
            f"{name} has no measures: there is nothing in it to take the proposals up",
            "NEXT must be a plan; a report of recommendations goes first, as BASE",
        )
    proposals = base_proposals(base)
    base_texts = [p.text for p in proposals] + [f"{m.title}. {m.text}" for m in base.plan.measures]
    aligner = Aligner(
        next.plan.measures,
        base_texts,
        acronyms=cfg.acronyms,
        equivalents=cfg.equivalents,
        since=first_year(next.plan.title),
    )
    priors = measure_priors(aligner, base.plan.measures)
    base_by_number = {m.number: m for m in base.plan.measures}
    aligned = proposal_candidates(aligner, proposals, base_by_number, priors)
    # An ask that only wants a body to take part in its measure (« La MIPROF doit être impliquée »),
    # or that names that measure (« … concernés par cette mesure »), is answered, if at all, in the
    # measures that continue that one, not wherever its words are.
    aligned = [
        (query, continuing(aligner, query, priors[p.measure], cfg))
        if p.measure is not None
        and priors.get(p.measure)
        and (about_its_measure(p.text) or ITS_MEASURE.search(p.text))
        else (query, cands)
        for p, (query, cands) in zip(proposals, aligned, strict=True)
    ]
    return Alignment(
        aligner=aligner,
        proposals=proposals,
        aligned=aligned,
        claims=claims(proposals, [cands for _, cands in aligned]),
        base_measures=base.plan.measures,
        priors=priors,
        next_by_number={m.number: m for m in next.plan.measures},
        missed=[unanswered(aligner, query, cands) for query, cands in aligned],
    )


def judge_proposals(
    al: Alignment, cfg: MatchConfig
) -> list[tuple[ProposalVerdict, float, list[Candidate], list[Reason]]]:
    """`judge_proposal` for every proposal of `al`, in order."""
    return [
        judge_proposal(query, cands, al.next_by_number, cfg, al.claims.get(p.id), missed)
        for p, (query, cands), missed in zip(al.proposals, al.aligned, al.missed, strict=True)
    ]


def judge_base_measures(
    al: Alignment,
    judged: list[tuple[ProposalVerdict, float, list[Candidate], list[Reason]]],
    cfg: MatchConfig,
) -> tuple[list[MeasureResult], dict[int, list[int]]]:
    """`judge_measures` on `al`, with the evidence of where its proposals were taken up (`judged`)."""
    evidence = proposal_evidence(al.proposals, [(verdict, kept) for verdict, _, kept, _ in judged])
    return judge_measures(al.aligner, al.base_measures, cfg, al.priors, evidence)


def _as_candidate(match: Match) -> Candidate:
    """A match as the base measures' evidence reads it (measure, score, passages)."""
    return Candidate(
        match.measure,
        match.score,
        match.score,
        match.passage,
        match.base_passage or "",
        0.0,
        (),
        match.before or "",
    )


def _settled(result: DiffResult) -> dict[int, set[int]]:
    """Base measure → the next measures its proposals went to (the first that answers each), for the
    base measures whose proposals an analyst has all decided, one at least taken up."""
    by_measure: dict[int, list[ProposalResult]] = {}
    for p in result.proposals:
        if p.measure is not None:
            by_measure.setdefault(p.measure, []).append(p)
    settled = {}
    for number, proposals in by_measure.items():
        if all(p.decided_by == "analyst" for p in proposals):
            went = {
                p.matches[0].measure for p in proposals if p.verdict in ("adopted", "changed") and p.matches
            }
            if went:
                settled[number] = went
    return settled


def measures_as_decided(result: DiffResult, al: Alignment, cfg: MatchConfig) -> DiffResult:
    """`result` with its base measures judged again from its proposals as they now read: where an
    analyst says an ask went (and its twin with it) is better evidence of where its measure went than
    the engine's reading. On the thirteen labelled drafts other than `heldout`, with every proposal
    decided, 195 base-measure verdicts of 299 were right instead of 172, and 208 successors instead of
    182 (none fewer on any draft). The next measures' antecedents follow."""
    judged = []
    for p, (_, cands) in zip(result.proposals, al.aligned, strict=True):
        found = {c.measure: c for c in cands}
        decided = p.decided_by == "analyst" or any(r.code == "twin" for r in p.reasons)
        # A decided measure keeps the engine's candidate passage there, if it had one.
        kept = [found[m.measure] if decided and m.measure in found else _as_candidate(m) for m in p.matches]
        judged.append((p.verdict, kept))
    evidence = proposal_evidence(al.proposals, judged)
    measures, antecedents = judge_measures(
        al.aligner, al.base_measures, cfg, al.priors, evidence, _settled(result)
    )
    next_measures = [
        m.model_copy(update={"antecedents": antecedents.get(m.number, [])}) for m in result.next_measures
    ]
    return result.model_copy(
        update={
            "measures": measures,
            "next_measures": next_measures,
            "new_measures": [m.number for m in next_measures if not m.antecedents],
        }
    )


def compare(base: Side, next: Side, config: MatchConfig | None = None) -> DiffResult:
    """The engine's verdicts alone, from the thresholds (what `plancompare diff` shows is these
    weighed by the confidence model: `adapt.compare`)."""
    cfg = config or MatchConfig()
    al = align_sides(base, next, cfg)
    return result_of(base, next, al, judge_proposals(al, cfg), cfg)


Judged = list[tuple[ProposalVerdict, float, list[Candidate], list[Reason]]]


def result_of(base: Side, next: Side, al: Alignment, judged: Judged, cfg: MatchConfig) -> DiffResult:
    """The `DiffResult` of an alignment whose proposals are judged (`compare`, and the adaptation to
    an analyst's decisions, which judges the same alignment again under other thresholds)."""
    priority_of = {m.number: m.priority for m in base.plan.measures}
    results = [
        ProposalResult(
            id=p.id,
            measure=p.measure,
            text=p.text,
            verdict=verdict,
            engine_verdict=verdict,
            score=score,
            matches=[as_match(c) for c in kept],
            reasons=reasons,
            priority=priority_of.get(p.measure) if p.measure is not None else None,
        )
        for p, (verdict, score, kept, reasons) in zip(al.proposals, judged, strict=True)
    ]
    measures, antecedents = judge_base_measures(al, judged, cfg)
    next_measures = [
        NextMeasure(
            number=m.number,
            label=m.label,
            title=m.title,
            priority=m.priority,
            antecedents=antecedents.get(m.number, []),
        )
        for m in next.plan.measures
    ]
    return DiffResult(
        settings=_settings(cfg),
        base=_ref(base),
        next=_ref(next),
        priorities=base.plan.priorities,
        next_priorities=next.plan.priorities,
        proposals=results,
        measures=measures,
        new_measures=[m.number for m in next_measures if not m.antecedents],
        next_measures=next_measures,
    )


def _settings(cfg: MatchConfig) -> Settings:
    return Settings(
        plancompare=__version__,
        engine=ENGINE,
        thresholds=cfg.thresholds(),
        glossary=cfg.glossary() or None,
        config=cfg.source,
    )
