"""The application flow the command line, the CI gate and other programs share: which inputs, which
config and which decisions apply, then extraction, comparison and decisions in that order.

Nothing here prints: warnings are returned for the caller to show.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from plancompare.config import CONFIG_FILE, DECISIONS_FILE, DEFAULT_BASE, DEFAULT_NEXT
from plancompare.errors import UsageError
from plancompare.models import MEASURE_VERDICTS, DiffResult, Plan, Review, Side

if TYPE_CHECKING:
    from plancompare.judge.calibrate import Scores
    from plancompare.judge.history import EarlierReviews

Progress = Callable[[str, int, int], None]


def resolve_inputs(base: Path | None, next_: Path | None) -> tuple[Path, Path]:
    """BASE and NEXT as given, or the bundled corpora when run from a checkout."""
    if base is None or next_ is None:
        chosen_base = base or DEFAULT_BASE
        chosen_next = next_ or DEFAULT_NEXT
        missing = [
            p for p in (chosen_base, chosen_next) if p in (DEFAULT_BASE, DEFAULT_NEXT) and not p.exists()
        ]
        if missing:
            given = "no BASE and NEXT given" if base is None else "no NEXT given"
            raise UsageError(
                f"{given} and {' or '.join(f'{p}/' for p in missing)} is not in the current folder",
                "pass BASE and NEXT (corpus folders, PDFs or JSON files from `plancompare extract`)",
            )
        if not chosen_base.exists():
            raise UsageError(
                f"{chosen_base} does not exist", "pass an existing corpus folder, PDF or JSON file"
            )
        return chosen_base, chosen_next
    for path in (base, next_):
        if not path.exists():
            raise UsageError(f"{path} does not exist", "pass an existing corpus folder, PDF or JSON file")
    return base, next_


def default_decisions_file(base_side: Side, next_side: Side) -> Path | None:
    """`decisions.yaml` of NEXT's corpus folder, else of BASE's; None when neither is a corpus."""
    for side in (next_side, base_side):
        if side.decisions_path is not None:
            return Path(side.decisions_path)
        if side.root is not None:
            return Path(side.root) / DECISIONS_FILE
    return None


def load_sides(base: Path | None, next_: Path | None, progress: Progress | None = None) -> tuple[Side, Side]:
    """Both sides of a comparison, from the paths given (or the bundled corpora)."""
    from plancompare.corpus import load_side

    base_path, next_path = resolve_inputs(base, next_)
    return load_side(base_path, progress=progress), load_side(next_path, progress=progress)


def extraction_warnings(base_side: Side, next_side: Side, next_path: Path, base_path: Path) -> list[str]:
    """What extraction had to guess (an inferred heading, renumbered measures), and a swapped NEXT."""
    found = []
    for side in (base_side, next_side):
        documents: list[Plan | Review] = [side.plan, *side.reviews]
        for document in documents:
            name = document.source.file if document.source else "?"
            found += [f"{name}: {warning}" for warning in document.warnings]
    if next_side.reviews:
        # The proposals followed are BASE's: a review given as NEXT is most often a swap.
        hint = (
            "its proposals are not followed (BASE's are); to follow them, give it first: "
            f"plancompare diff {next_path} {base_path}"
            if not base_side.reviews
            else "its proposals are not followed (BASE's are)"
        )
        found.append(f"NEXT {next_path} holds a review: {hint}")
    return found


@dataclass
class Run:
    """Everything a command needs after the diff: the result, its inputs, the report language."""

    result: DiffResult
    inputs: list[Path]
    lang: str
    base_side: Side
    next_side: Side
    warnings: list[str] = field(default_factory=list)


def run_diff(
    base: Path | None,
    next_: Path | None,
    *,
    lang: str | None = None,
    config: Path | None = None,
    decisions: Path | None = None,
    earlier: EarlierReviews | None = None,
    progress: Progress | None = None,
) -> Run:
    """Load both sides, compare them with the config that applies and apply the analyst decisions.

    A config given by hand wins over the corpus's; decisions given by hand over NEXT's (else BASE's)
    `decisions.yaml`; the language is French when the base corpus is, unless `lang` says otherwise.
    `earlier`: decisions files of earlier reviews, counted in the confidence model's history
    (judge/history.py), beside the labelled drafts' or instead of them.
    """
    from plancompare.config import load_config
    from plancompare.corpus import corpus_config, load_side
    from plancompare.judge.adapt import adapted_result
    from plancompare.judge.decisions import load_decisions
    from plancompare.judge.history import EarlierReviews
    from plancompare.report import LANGUAGES

    if lang is not None and lang not in LANGUAGES:
        raise UsageError(f"unknown language {lang!r}", f"choose one of: {', '.join(LANGUAGES)}")
    for given, option in ((config, "--config"), (decisions, "--decisions")):
        if given is not None and not given.is_file():
            raise UsageError(f"{option} {given}: no such file", "check the path")
    base_path, next_path = resolve_inputs(base, next_)
    # A config given by hand is read first, and earlier reviews' decisions: a mistake in them shows
    # before any PDF is extracted.
    given_config = load_config(config) if config is not None else None
    earlier = earlier or EarlierReviews()
    model = earlier.model()
    base_side = load_side(base_path, progress=progress)
    next_side = load_side(next_path, progress=progress)
    warnings = extraction_warnings(base_side, next_side, next_path, base_path)
    config_path = config or corpus_config(next_side, base_side)
    cfg = given_config if given_config is not None else load_config(config_path)
    language = lang or ("fr" if (base_side.language or "").lower().startswith("fr") else "en")
    decisions_path = decisions or default_decisions_file(base_side, next_side)
    earlier.refuse(decisions_path)
    decided = (
        load_decisions(decisions_path) if decisions_path is not None and decisions_path.is_file() else {}
    )
    # The decisions override their verdicts and adapt the engine for the other proposals (adapt.py).
    result = adapted_result(base_side, next_side, cfg, decided, lang=language, model=model)
    # Every file read, or read next time (a corpus's decisions and config before they exist): `-o`
    # and `--summary` are refused there.
    inputs = [*base_side.files, *next_side.files, base_path, next_path]
    inputs += [p for p in (config_path, decisions_path) if p is not None] + list(earlier.files)
    return Run(result, inputs, language, base_side, next_side, warnings)


def as_printed(name: str) -> str:
    """« 07 » → « 7 », « 12BIS » → « 12 bis »: a measure's number as the reports print it."""
    name = " ".join(name.split()).lower()
    if name.isdigit():
        return str(int(name))
    return re.sub(r"^(\d+)\s?(bis|ter|quater)$", r"\1 \2", name)


@dataclass(frozen=True)
class Recorded:
    """Where a decision was written, and the measures it names as printed."""

    file: Path
    measures: list[str]


def _check_measure_decision(verdict: str, given: list[str]) -> None:
    """What a base measure became, and into how many next measures."""
    from plancompare.judge.decided_measures import measure_decision_problem

    problem = measure_decision_problem(verdict, len(given))
    if problem is not None:
        hints = {"dropped": "leave out --measure", "split": "repeat --measure"}
        hint = hints.get(verdict, "give one --measure") if verdict in MEASURE_VERDICTS else None
        raise UsageError(problem, hint)


def _check_proposal_decision(verdict: str, given: list[str]) -> None:
    """A proposal's verdict, and the next measures that answer it: none when dropped or not an ask."""
    from plancompare.models import NOT_AN_ASK
    from plancompare.models import PROPOSAL_VERDICTS as VERDICTS

    if verdict not in VERDICTS:
        raise UsageError(f"unknown verdict {verdict!r}", f"choose one of: {', '.join(VERDICTS)}")
    if verdict == "dropped" and given:
        raise UsageError("a dropped proposal has no next-plan measure", "leave out --measure")
    if verdict == NOT_AN_ASK and given:
        raise UsageError("an item that is not an ask (n-a) has no next-plan measure", "leave out --measure")
    if verdict not in ("dropped", NOT_AN_ASK) and not given:
        raise UsageError(f"an {verdict} proposal needs its next-plan measure(s)", "add --measure N")


def _check_decision(verdict: str, given: list[str], date: str | None, *, on_measure: bool = False) -> None:
    if on_measure:
        _check_measure_decision(verdict, given)
    else:
        _check_proposal_decision(verdict, given)
    if date is not None:
        try:
            dt.date.fromisoformat(date)
        except ValueError:
            raise UsageError(f"--date {date!r} is not a date", "write it as YYYY-MM-DD") from None


def decide(
    proposal_id: str,
    verdict: str,
    measures: list[str] | None = None,
    *,
    comment: str | None = None,
    author: str | None = None,
    date: str | None = None,
    base: Path | None = None,
    next_: Path | None = None,
    file: Path | None = None,
    progress: Progress | None = None,
) -> Recorded:
    """Record an analyst's verdict for one proposal, with the next-plan measures that answer it; or,
    for a base measure (« M05 »), what became of it and the next-plan measures it went into."""
    from plancompare.judge.decisions import RecordedDecision, RecordedMeasure, fingerprint, record_decision
    from plancompare.models import is_measure_id, measure_id

    given = list(dict.fromkeys(as_printed(m) for m in measures or []))
    on_measure = is_measure_id(proposal_id)
    _check_decision(verdict, given, date, on_measure=on_measure)
    base_side, next_side = load_sides(base, next_, progress)
    # What the decision is on: a proposal's text, or a base measure's title.
    decided = (
        {measure_id(m.name): m.title for m in base_side.plan.measures}
        if on_measure
        else {p.id: p.text for review in base_side.reviews for p in review.proposals}
    )
    if proposal_id not in decided:
        where = base if base is not None else DEFAULT_BASE
        what, see = ("base measure", "--format md") if on_measure else ("proposal", "--all")
        raise UsageError(f"no {what} {proposal_id} in {where}", f"see the ids in `plancompare diff {see}`")
    titles = {m.number: m.title for m in next_side.plan.measures}
    # As the reports show them: the printed number (« 1.2 ») of a plan numbered within its axes.
    by_name = {m.name: m.number for m in next_side.plan.measures}
    missing = [name for name in given if name not in by_name]
    if missing:
        raise UsageError(
            f"the next plan has no measure {', '.join(missing)}",
            "give its number as the reports show it (`plancompare diff --format md`)",
        )
    numbers = list(dict.fromkeys(by_name[name] for name in given))
    target = file or default_decisions_file(base_side, next_side)
    if target is None:
        raise UsageError(
            "neither BASE nor NEXT is a corpus folder", "say where to keep decisions with --file"
        )
    decision = RecordedDecision(
        id=proposal_id,
        fingerprint=fingerprint(decided[proposal_id]),
        verdict=verdict,
        measures=[RecordedMeasure(n, " ".join(titles[n].split())) for n in numbers],
        comment=comment,
        author=author,
        date=date,
    )
    record_decision(target, decision)
    return Recorded(target, given)


@dataclass(frozen=True)
class Gate:
    """What `check` found: the summary to print, how many findings fail, and the kinds that fail."""

    text: str
    failing: int
    fail_on: tuple[str, ...]
    warnings: list[str]


def run_check(
    base: Path,
    next_: Path,
    baseline: Path,
    *,
    fail_on: str,
    fmt: str = "term",
    summary: Path | None = None,
    lang: str | None = None,
    config: Path | None = None,
    decisions: Path | None = None,
    earlier: EarlierReviews | None = None,
    progress: Progress | None = None,
) -> Gate:
    """The CI gate: diff BASE with NEXT, compare with the reviewed baseline, write the summary."""
    from plancompare.check import compare_with_baseline, failures, parse_fail_on, stale_decisions
    from plancompare.files import check_output, write_atomic
    from plancompare.models import DiffResult
    from plancompare.report.gate import summary_markdown, summary_text
    from plancompare.serialise import load_model

    kinds = parse_fail_on(fail_on)
    if fmt not in ("term", "md"):
        raise UsageError(f"unknown format {fmt!r}", "choose term or md")
    if not baseline.is_file():
        raise UsageError(
            f"--baseline {baseline}: no such file", "save one with `plancompare diff --format json -o`"
        )
    if summary is not None:
        check_output(summary)  # before the comparison, not after it
    reviewed = load_model(baseline, DiffResult, "diff result (baseline)")
    run = run_diff(
        base, next_, lang=lang, config=config, decisions=decisions, earlier=earlier, progress=progress
    )
    findings = compare_with_baseline(run.result, reviewed) + stale_decisions(run.result)
    markdown = summary_markdown(findings, kinds, run.result, reviewed, run.lang)
    if summary is not None:
        write_atomic(summary, markdown, inputs=[*run.inputs, baseline])
    text = markdown if fmt == "md" else summary_text(findings, kinds, run.result, reviewed, run.lang)
    return Gate(text, len(failures(findings, kinds)), kinds, run.warnings)


@dataclass(frozen=True)
class Calibration:
    """Cross-validated scores of the matcher on labelled outcomes, and how many were observed."""

    scores: Scores
    observed: int


def run_calibration(
    labels: Path, base: Path, next_: Path, *, folds: int = 5, write_config: Path | None = None
) -> Calibration:
    """Score the matcher on LABELS by k-fold cross-validation; with `write_config`, also write
    thresholds fit on all labels there."""
    from dataclasses import replace

    from plancompare.config import load_config
    from plancompare.config import write_config as write
    from plancompare.corpus import corpus_config, load_side
    from plancompare.judge.calibrate import cross_validate, fit, fit_measures, observe
    from plancompare.judge.diff import align_sides
    from plancompare.judge.labels import load_labels

    for path in (labels, base, next_):
        if not path.exists():
            raise UsageError(
                f"{path} does not exist", "pass LABELS, and BASE and NEXT if not in the repo root"
            )
    gold = load_labels(labels)
    base_side = load_side(base)
    next_side = load_side(next_)
    # The corpus config's glossary is read (matching then reads as `diff` does); its thresholds are
    # what is being fit, and are not.
    current = load_config(corpus_config(next_side, base_side))
    alignment = align_sides(base_side, next_side, current)  # once: `observe` and `fit_measures` read it
    obs = observe(alignment, gold, current)
    if len(obs) < folds:
        raise UsageError(f"only {len(obs)} labelled proposals found in BASE", "check that LABELS fits BASE")
    scores = cross_validate(obs, folds)
    if write_config is not None:
        match, adopt = fit(obs)
        cfg, share = fit_measures(
            alignment, gold, replace(current, match=match, adopt=adopt, topic=round(0.6 * match, 2))
        )
        note = (
            f"Fit on all {len(obs)} labels of {labels.name} by `plancompare calibrate`; "
            f"cross-validated macro-F1 {scores.macro_f1:.3f}, base measures right {share:.3f} "
            "(not cross-validated)."
        )
        # The thresholds go to a config file (the corpus's own, most often): never over the labels or
        # another file the corpora are read from.
        read = [labels, *base_side.files, *next_side.files]
        write(write_config, cfg, note, inputs=[p for p in read if p.name != CONFIG_FILE])
    return Calibration(scores, len(obs))
