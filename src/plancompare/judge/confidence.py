"""Confidence: the estimated probability that a verdict is right, from the engine's own signals.

A model reads, for each proposal, what its verdict was decided from (the best passage's score and
its distance to the thresholds, the second candidate of another measure and the margin, how much of
the ask's weight the passage covers, the change reasons, whether the passage was claimed, whether
the ask reads as one, lengths, the verdict itself, how the labelled drafts treated the same ask) and
a few things a reader checks first (is the passage a commitment in the future tense, a sentence
about the past or present, a field line, the measure's title?), and gives the probability of each
gold verdict: adopted, changed, dropped or not an ask. A verdict's confidence is the probability of
that verdict. The model is a multinomial logistic regression (softmax.py) blended with
gradient-boosted trees (forest.py), which read signals together.

This module reads the inputs; model.py holds the model and how it is shipped. Both parts are fit by
`scripts/fit_confidence.py` on the labelled drafts (never the held-out one); `judge/adapt.py` refits
the regression on an analyst's decisions, with the shipped coefficients as the prior. Everything here
is deterministic: the same alignment and thresholds give the same features, the same model the same
probabilities.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

from plancompare.config import MatchConfig
from plancompare.judge.diff import Alignment, effective
from plancompare.judge.reasons import change_reasons
from plancompare.match.query import clauses
from plancompare.models import MeasureResult
from plancompare.text.normalise import fold
from plancompare.text.tense import plural_future

# The gold verdicts the model gives a probability to; « n-a »: not an ask (praise, a statement).
CLASSES: tuple[str, ...] = ("adopted", "changed", "dropped", "n-a")
VERDICTS: tuple[str, ...] = CLASSES[:3]
CHANGE_CODES = ("figure", "modality", "actor", "scope")
DIGITS = 3  # confidences are rounded to this many decimals

# A commitment of the next plan: a verb in the future tense (« sera », « mettront », « pourra »).
_FUTURE = re.compile(
    r"\b(ser(?:a|ont|ons)|aur(?:a|ont|ons)|pourr(?:a|ont|ons)|devr(?:a|ont|ons)|fer(?:a|ont|ons)|"
    r"[a-z]{3,}(?:er|ir|r)(?:a|ont)|(?:va|vont|allons) [a-z]+(?:er|ir|re)|"
    r"will|shall)\b"
)
# The present or the past (« depuis 2013 », « a publié », « aujourd’hui », an imperfect).
_PAST_PRESENT = re.compile(
    r"\b(depuis|aujourd'hui|actuellement|a ete|ont ete|a cree|ont cree|[a-z]{3,}ai(?:t|ent)|n'a pas|"
    r"n'ont pas|annon\w+|a publie|en (?:19|20)\d\d|precedent|since|currently|has been|have been)\b"
)
# Weaker or narrower wording anywhere (« pourra », « à titre expérimental », « trois départements »).
_WEAK = re.compile(
    r"\b(pourr(?:a|ont|ons|ait|aient|ions)|peu(?:t|vent) etre|le cas echeant|a titre experimental|"
    r"experiment\w*|etudi(?:er|era|eront|erons)|une etude|reflexion|envisag\w*|pilotes?|"
    r"dans (?:un|deux|trois|quatre|cinq|six|\d+) (?:departements|regions|sites|villes)|si possible|"
    r"au cas par cas|progressivement|premier\w* temps|d'abord|may|might|pilot)\b"
)
# A field line (« Pilote : », « Partenaires : ») or a « Constat » paragraph: never evidence.
_FIELD = re.compile(
    r"^(pilotes?|partenaires?|calendrier|echeance|indicateurs?|financement|instrument|mise en oeuvre|"
    r"responsables?)\b|\b(partenaires|constat)\b"
)

# What kind of thing the ask asks, whatever the plan says: money, a change of the law, every case or
# place (« toutes », « chaque », « systématiquement »), or a reminder of what matters (« rappelle
# l'importance »). On the labelled drafts, asks for all of something are more often changed than
# adopted, and reminders more often dropped: the kind shifts how likely each verdict is.
ASK_KINDS: dict[str, re.Pattern[str]] = {
    "ask_money": re.compile(r"\b(financ\w*|budget\w*|moyens|credits|fonds|funding|funds)\b"),
    "ask_law": re.compile(r"\b(loi|legislat\w*|code|article|reglementa\w*|law|legislation)\b"),
    "ask_plea": re.compile(r"\b(rappelle|importance|attention|souligne|insiste|recalls|stresses)\b"),
    "ask_all": re.compile(r"\b(toutes?|tous|chaque|systemati\w*|ensemble|all|every|each|systematic\w*)\b"),
}


# How the ask is written (the regression gains nothing from it alone; the trees do): asks of several
# sentences or set out in parts (brackets, colons, dashes, bullets), with examples (« notamment »,
# « tels que »), or hedged (« pourrait », « souhaite »), are more often partly answered than plain
# one-line asks.
_MARKED = re.compile(r"\(|:|;| - |•")
_EXAMPLES = re.compile(r"\b(notamment|tels? que|comme|par exemple|ex\.|such as|for example|e\.g\.|including)")
_HEDGED = re.compile(r"\b(pourrai(?:t|ent)|serai(?:t|ent)|souhait\w*|espere|could|would|wish\w*|hope\w*)")


def ask_shape(text: str) -> dict[str, Any]:
    """How the proposal `text` is written: its demands (query.clauses), its full stops, and whether
    it is set out in parts, gives examples or is hedged (the Signals fields of those names)."""
    folded = fold(text)
    return {
        "demands": len(clauses(text)),
        "stops": folded.count("."),
        "marked": bool(_MARKED.search(text)),
        "examples": bool(_EXAMPLES.search(folded)),
        "hedged": bool(_HEDGED.search(folded)),
    }


def ask_kinds(ask: str) -> tuple[str, ...]:
    """The ASK_KINDS `ask` is of."""
    folded = fold(ask)
    return tuple(k for k, kind in ASK_KINDS.items() if kind.search(folded))


# The inputs that tell one ask from another rather than how well the plan answers it: how long the
# ask is and how it is written. The general regression for asks the model never saw goes without them
# (model.py).
ASK_WRITING: tuple[str, ...] = (
    "ask_words",
    "ask_demands",
    "ask_stops",
    "ask_marked",
    "ask_examples",
    "ask_hedged",
)

# How the labelled drafts of the fit judged this very ask: the share of each gold verdict (judge/model.py,
# `history_rates`). The drafts all answer the same review, and some asks are taken up by most plans
# (a national training module) while others hardly ever are (a reminder of what matters). A draft's
# own labels are never among its inputs, in the fit as in the benchmarks. Like ASK_WRITING, these tell
# one ask from another, so the general regression (for asks never labelled) goes without them.
HISTORY: tuple[str, ...] = ("history_adopted", "history_changed", "history_dropped", "history_na")
# How like the measure of the verdict's passage is to the measures where the labelled drafts of the fit
# put the ask (judge/places.py, a cosine; 0 for an ask they never put anywhere). Read, like HISTORY, from
# the other drafts only when a draft's rows are fit, and not by the general regression.
PLACE: tuple[str, ...] = ("place",)
# How far the score is above the ask's own mean score where the labelled drafts of the fit took it up,
# and where they dropped it (judge/scales.py; 0 where none did). Read, like HISTORY, from the other
# drafts only when a draft's rows are fit, and not by the general regression.
SCALE: tuple[str, ...] = ("above_taken", "above_dropped")

FEATURES: tuple[str, ...] = (
    "bias",
    "score",
    "above_match",
    "above_adopt",
    "second",
    "margin",
    "coverage",
    "missing",
    "claimed",
    "has_ask",
    *ASK_WRITING,
    *HISTORY,
    *PLACE,
    *SCALE,
    "passage_words",
    "general",
    "continues_base",
    "context",
    "percentile",
    *(f"change_{code}" for code in CHANGE_CODES),
    "future",
    "past_present",
    "title",
    "field",
    "weak_passage",
    "weak_measure",
    "rank_margin",
    *ASK_KINDS,
    *(f"verdict_{v}" for v in VERDICTS),
    # The same signals read per verdict: how far above `match` a dropped proposal scores says
    # something else than how far above it an adopted one does.
    *(f"{v}_x_{name}" for v in VERDICTS for name in ("above_match", "coverage", "rank_margin")),
)


@dataclass(frozen=True)
class Signals:
    """What does not depend on the thresholds, for one proposal of an alignment."""

    id: str
    score: float  # the best candidate's score, lowered when claimed (what the verdict reads)
    second: float  # the best score among the other measures' candidates
    margin: float  # the best candidate's own score minus `second`
    coverage: float
    missing: int
    claimed: bool
    has_ask: bool
    ask_words: int
    passage_words: int
    general: bool
    continues_base: bool  # the best measure continues the proposal's base measure
    context: float  # what the base measure's context added to the best candidate's rank
    percentile: float  # share of this plan's proposals scoring lower: the plan's own score scale
    changes: tuple[str, ...]  # change reasons between the ask and the best passage
    future: bool
    past_present: bool
    title: bool
    field: bool
    weak_passage: bool
    weak_measure: bool
    rank_margin: float = 0.0  # the first candidate's rank minus the second's (capped at 40)
    kinds: tuple[str, ...] = ()  # the ASK_KINDS the ask is of
    demands: int = 1  # the demands the proposal makes (query.clauses)
    stops: int = 0  # its full stops
    marked: bool = False  # set out in parts (_MARKED)
    examples: bool = False
    hedged: bool = False


def _same(a: str, b: str) -> bool:
    return " ".join(fold(a).split()).strip(" .") == " ".join(fold(b).split()).strip(" .")


def signals(al: Alignment, cfg: MatchConfig) -> list[Signals]:
    """The signals of every proposal of `al`, in order (`cfg`: only `claimed` is read)."""
    raw: list[Signals] = []
    for p, (query, cands) in zip(al.proposals, al.aligned, strict=True):
        first = cands[0] if cands else None
        best = effective(first, al.claims.get(p.id), cfg)
        measure = al.next_by_number.get(first.measure) if first is not None else None
        passage = fold(first.passage) if first is not None else ""
        whole = f"{measure.title}. {measure.text}" if measure is not None else ""
        second = max((c.score for c in cands[1:]), default=0.0)
        priors = {c.measure for c in al.priors.get(p.measure, [])} if p.measure is not None else set()
        raw.append(
            Signals(
                id=p.id,
                score=best.score if best is not None else 0.0,
                second=second,
                margin=(first.score - second) if first is not None else 0.0,
                coverage=first.coverage if first is not None else 0.0,
                missing=len(first.missing) if first is not None else 0,
                claimed=p.id in al.claims,
                has_ask=query.has_ask,
                ask_words=len(p.text.split()),
                passage_words=len(passage.split()),
                general=p.measure is None,
                continues_base=first is not None and first.measure in priors,
                context=(first.rank - first.score) if first is not None else 0.0,
                percentile=0.0,
                changes=tuple(
                    sorted({r.code for r in change_reasons(query.whole.text, first.passage, measure)})
                )
                if first is not None
                else (),
                future=bool(_FUTURE.search(passage)) or plural_future(first.passage if first else ""),
                past_present=bool(_PAST_PRESENT.search(passage)),
                title=measure is not None and _same(first.passage if first else "", measure.title),
                field=bool(_FIELD.search(passage)),
                weak_passage=bool(_WEAK.search(passage)),
                weak_measure=bool(_WEAK.search(fold(whole))),
                rank_margin=min(first.rank - cands[1].rank, 40.0) if len(cands) > 1 and first else 40.0,
                kinds=ask_kinds(query.whole.text),
                **ask_shape(p.text),
            )
        )
    scores = sorted(s.score for s in raw)
    n = len(scores) or 1
    return [_with_percentile(s, sum(x < s.score for x in scores) / n) for s in raw]


def _with_percentile(s: Signals, value: float) -> Signals:
    from dataclasses import replace

    return replace(s, percentile=round(value, 6))


def features(
    s: Signals,
    verdict: str,
    cfg: MatchConfig,
    history: tuple[float, ...] = (0.0,) * len(HISTORY),
    place: float = 0.0,
    scale: tuple[float, float] = (0.0, 0.0),
) -> list[float]:
    """The model's inputs for one proposal judged `verdict` with the thresholds of `cfg`; `history`:
    the share of each gold verdict the labelled drafts gave the ask (HISTORY; none by default);
    `place`: PLACE; `scale`: SCALE."""
    values = [
        1.0,
        s.score / 50,
        (s.score - cfg.match) / 10,
        (s.score - cfg.adopt) / 10,
        s.second / 50,
        s.margin / 20,
        s.coverage,
        s.missing / 6,
        float(s.claimed),
        float(s.has_ask),
        math.log1p(s.ask_words) / 5,
        s.demands / 3,
        s.stops / 3,
        float(s.marked),
        float(s.examples),
        float(s.hedged),
        *history,
        place,
        *scale,
        math.log1p(s.passage_words) / 5,
        float(s.general),
        float(s.continues_base),
        s.context / 50,
        s.percentile,
        *(float(code in s.changes) for code in CHANGE_CODES),
        float(s.future),
        float(s.past_present),
        float(s.title),
        float(s.field),
        float(s.weak_passage),
        float(s.weak_measure),
        s.rank_margin / 20,
        *(float(k in s.kinds) for k in ASK_KINDS),
        *(float(verdict == v) for v in VERDICTS),
    ]
    per_verdict = ((s.score - cfg.match) / 10, s.coverage, s.rank_margin / 20)
    values += [value if verdict == v else 0.0 for v in VERDICTS for value in per_verdict]
    return values


# --- base measures --------------------------------------------------------------------------------

MEASURE_VERDICTS = ("kept", "revised", "merged", "split", "dropped")
MEASURE_FEATURES: tuple[str, ...] = (
    "bias",
    "score",
    "above_successor",
    "above_kept",
    "successors",
    *(f"verdict_{v}" for v in MEASURE_VERDICTS),
    # The share of the labelled drafts of the fit that gave this base measure the verdict it now reads
    # (judge/model.py, `measure_share`). Without it the measures' confidence ranked right verdicts above
    # wrong ones hardly better than chance (area under the curve 0.56 over the development drafts each
    # left out in turn, 0.57 over the four written blind, all their measures pooled); with it, 0.80
    # and 0.78.
    "history_verdict",
)


def measure_features(m: MeasureResult, cfg: MatchConfig, history: float = 0.5) -> list[float]:
    """The measure regression's inputs for base measure `m`; `history`: the share of labelled drafts
    that gave it the verdict it reads (one half when no draft labelled it)."""
    return [
        1.0,
        m.score / 50,
        (m.score - cfg.successor) / 10,
        (m.score - cfg.kept) / 10,
        len(m.next) / 3,
        *(float(m.verdict == v) for v in MEASURE_VERDICTS),
        history,
    ]
