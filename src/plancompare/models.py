"""The canonical form of plans, reviews and diff results (pydantic v2).

Everything plancompare reads or writes goes through these models: the extractor produces
`Plan` and `Review`, the diff engine produces `DiffResult`, reports only read them.
Field order is part of the JSON contract (README), so keep it stable.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, field_validator

from plancompare.errors import printable

SCHEMA_VERSION = "1"

# `n-a` (« sans objet », not an ask): an item of a review that asks nothing (praise, a statement of
# fact); it counts in no adoption rate.
ProposalVerdict = Literal["adopted", "changed", "dropped", "n-a"]
MeasureVerdict = Literal["kept", "revised", "merged", "split", "dropped"]
# The same values as tuples, in this order (reports count and list verdicts in it).
PROPOSAL_VERDICTS: tuple[ProposalVerdict, ...] = get_args(ProposalVerdict)
MEASURE_VERDICTS: tuple[MeasureVerdict, ...] = get_args(MeasureVerdict)
NOT_AN_ASK: ProposalVerdict = "n-a"
# The verdicts of asks: what adoption rates count (adopted / all three) and macro-F1 averages.
ASK_VERDICTS: tuple[ProposalVerdict, ...] = tuple(v for v in PROPOSAL_VERDICTS if v != NOT_AN_ASK)
DecidedBy = Literal["engine", "analyst"]


def id_part(name: str) -> str:
    """« 05 » for measure 5, « 01.02 » for 1.2, « 12bis » for 12 bis: ids that sort in the plan's order."""
    return re.sub(r"\d+", lambda d: f"{int(d.group()):02d}", name).replace(" ", "")


def measure_id(name: str) -> str:
    """The id of the base measure printed `name` (« M05 »): its proposals' ids open with it (« M05-P02 »),
    and an analyst's decision on what became of it is kept under it."""
    return f"M{id_part(name)}"


def is_measure_id(key: str) -> bool:
    """Whether `key` names a base measure (« M05 », « M01.02 »), not a proposal (« M05-P02 », « G03 »)."""
    return re.fullmatch(r"M\d[\w.]*", key) is not None


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


def _absent(value: object) -> bool:
    return value is None


# The number as printed when a plan numbers its measures « 1.1, 1.2, 2.1 … » (`number` is then the
# measure's place in the document). Left out of the JSON when null: plans numbered 1, 2, 3 are
# written exactly as before the field existed.
_LABEL_DESCRIPTION = (
    "The number as printed when it is not a whole number (« 1.1 », « 2.3 »); `number` is then the "
    "measure's place in the document, 1 to N. Absent when the plan numbers its measures 1, 2, 3."
)


def _label() -> Any:
    return Field(default=None, exclude_if=_absent, description=_LABEL_DESCRIPTION)


def _field(description: str) -> Any:
    """An optional field of a measure left out of the JSON when null: measures without it (most
    plans' measures) are written exactly as before the field existed."""
    return Field(default=None, exclude_if=_absent, description=description)


class _Numbered(_Model):
    number: int
    label: str | None = _label()

    @property
    def name(self) -> str:
        """The measure's number as its plan prints it: what reports show."""
        return self.label or str(self.number)


class Source(_Model):
    """Where a document came from; `sha256` is the hash of the file's bytes."""

    # Assignments are checked too: a cached result is given the name of the file read this time.
    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    file: str = Field(description="File name (no directory), as given by the user.")
    sha256: str | None = None
    pages: int | None = Field(default=None, description="Number of pages in the PDF.")

    @field_validator("file")
    @classmethod
    def _printable(cls, value: str) -> str:
        # A file name that is not UTF-8 (b"plan-\xff.pdf") is kept with `\xff` escapes: results
        # are UTF-8 JSON, CSV and HTML, and must stay writable.
        return printable(value)


class Responsibility(_Model):
    """One « Mise en œuvre : ... » / « Pilotes : ... » / « Partenaires : ... » line of a measure."""

    role: str = Field(
        description="The label as written: « Mise en œuvre », « Pilote(s) », « Responsable », ..."
    )
    text: str = Field(description="What follows the label, verbatim (normalised spaces).")
    bodies: list[str] = Field(default_factory=list, description="The bodies named, one per item.")


class Priority(_Model):
    """A priority or axis (« PRIORITE II », « AXE 4 ») with its sections in reading order."""

    id: str = Field(description="Roman or arabic numeral as written: « I », « II », « 4 ».")
    title: str
    sections: list[str] = Field(default_factory=list)


class Measure(_Numbered):
    """A numbered measure of a plan (or the plan-text column of a review)."""

    title: str
    priority: str | None = Field(default=None, description="Id of its priority/axis, e.g. « I » or « 4 ».")
    section: str | None = None
    action: str | None = Field(default=None, description="Sub-action heading, e.g. « Action 3.2 ».")
    responsible: list[Responsibility] = Field(default_factory=list)
    instrument: str | None = None
    calendar: str | None = None
    indicators: str | None = _field(
        "The « Indicateur(s) : » field (how progress is measured), out of the text. Absent when the "
        "measure has none."
    )
    financing: str | None = _field(
        "The « Financement : » / « Budget : » / « Coût : » field, out of the text. Absent when the measure "
        "has none."
    )
    text: str = Field(default="", description="Body text; paragraphs separated by a blank line.")
    first_page: int | None = None
    last_page: int | None = None
    heading_inferred: bool = Field(
        default=False, description="True when the document had no heading for this measure."
    )


class ReviewMeasure(Measure):
    """A measure row of a review table: the plan text plus the reviewer's observations."""

    observations: str | None = Field(default=None, description="The « constats » column, paragraphs.")


class Proposal(_Model):
    """One demand of a review: `M05-P02` (measure 5, proposal 2) or a general demand `G03`."""

    id: str
    measure: int | None = Field(description="Base measure number, or null for a general demand.")
    text: str
    page: int | None = None


class Plan(_Model):
    kind: Literal["plan"] = "plan"
    schema_version: str = SCHEMA_VERSION
    title: str | None = None
    source: Source | None = None
    priorities: list[Priority] = Field(default_factory=list)
    measures: list[Measure] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)


class Review(_Model):
    kind: Literal["review"] = "review"
    schema_version: str = SCHEMA_VERSION
    title: str | None = None
    author: str | None = None
    source: Source | None = None
    priorities: list[Priority] = Field(default_factory=list)
    measures: list[ReviewMeasure] = Field(default_factory=list)
    proposals: list[Proposal] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)


Document = Annotated[Plan | Review, Field(discriminator="kind")]


# --- diff results -------------------------------------------------------------------------------


class Match(_Model):
    """A next-plan measure that answers a proposal (or continues a base measure)."""

    measure: int = Field(description="Next-plan measure number.")
    score: float = Field(description="0-100, higher is closer.")
    passage: str = Field(description="The sentence(s) of the next-plan measure that answer best.")
    base_passage: str | None = Field(
        default=None, description="The sentence of the proposal or base measure that matched it."
    )
    before: str | None = _field(
        "When the passage opens with a pronoun or a demonstrative (« Elle sera diffusée… », « Ces actions "
        "seront… », « À cette fin : »): the plan's last sentence before it that opens with no pronoun, "
        "followed by « […] » when others come between. Reports show it before the passage; the verdict "
        "never reads it. Left out of the JSON when null."
    )

    @property
    def shown(self) -> str:
        """The passage as a reader sees it: after what its opening words point back to."""
        return f"{self.before} {self.passage}" if self.before else self.passage


class Reason(_Model):
    """A checkable reason for a verdict: « 6 mois » became « 1 an », « doit » became « pourra »."""

    code: Literal[
        "figure",
        "modality",
        "actor",
        "scope",
        "partial",
        "no-match",
        "topic-only",
        "claimed",
        "no-ask",
        "weighed",
        "analyst",
        "twin",
    ]
    base: str | None = Field(default=None, description="What the base text says (words quoted from it).")
    next: str | None = Field(default=None, description="What the next plan says instead.")
    detail: str | None = None
    labelled: dict[str, int] | None = Field(
        default=None,
        exclude_if=_absent,
        description="For `weighed`: how many times the labelled drafts the confidence model was fit on "
        "gave this very ask each verdict (what the model knew of it); absent for an ask it never saw.",
    )


class Decision(_Model):
    """An analyst's recorded decision on one proposal, or on what became of one base measure."""

    verdict: ProposalVerdict | MeasureVerdict
    measures: list[int] | None = None
    comment: str | None = None
    author: str | None = None
    fingerprint: str
    stale: bool = False
    stale_reason: str | None = None


class ProposalResult(_Model):
    id: str
    measure: int | None
    text: str
    verdict: ProposalVerdict
    engine_verdict: ProposalVerdict
    score: float
    matches: list[Match] = Field(default_factory=list)
    reasons: list[Reason] = Field(default_factory=list)
    decided_by: DecidedBy = "engine"
    decision: Decision | None = None
    priority: str | None = None
    confidence: float = Field(
        default=0.0,
        description="Estimated probability (0-1) that `verdict` is right; 1 for an analyst's decision.",
    )


class MeasureResult(_Numbered):
    title: str
    priority: str | None = None
    verdict: MeasureVerdict
    next: list[int] = Field(default_factory=list)
    score: float = 0.0
    matches: list[Match] = Field(default_factory=list)
    confidence: float = Field(
        default=0.0,
        description="Estimated probability (0-1) that `verdict` is right; 1 for an analyst's decision.",
    )
    decision: Decision | None = _field(
        "The analyst's decision on this base measure (id « M » and its number, « M05 »), if any: "
        "`verdict` and `next` are the analyst's unless it is `stale` (the measure's title or a decided "
        "next measure changed since)."
    )

    @property
    def decided(self) -> bool:
        """Whether an analyst's decision stands for this measure (recorded and not stale)."""
        return self.decision is not None and not self.decision.stale


class NextMeasure(_Numbered):
    """The next plan's measures, as reports need them (title, axis)."""

    title: str
    priority: str | None = None
    antecedents: list[int] = Field(default_factory=list)


class Settings(_Model):
    """What produced a result, so that two results can be compared knowingly."""

    plancompare: str
    engine: str
    thresholds: dict[str, float] = Field(default_factory=dict)
    glossary: dict[str, Any] | None = Field(
        default=None,
        description="The analysts' [glossary] of the config file (acronyms, equivalents), if any.",
    )
    config: str | None = Field(default=None, description="Config file the thresholds came from, if any.")
    adapted_on: int = Field(
        default=0,
        description="Analyst decisions the thresholds and confidences were adapted on (0: the engine's).",
    )
    history_from: int = Field(
        default=0,
        description="Decisions of earlier reviews counted in the confidence model's history (`--history`).",
    )
    own_history: bool = Field(
        default=False,
        description="The labelled drafts' history was set aside for those decisions alone (`--own-history`).",
    )


class DocumentRef(_Model):
    title: str | None = None
    source: str | None = None
    language: str | None = None

    @field_validator("source")
    @classmethod
    def _printable(cls, value: str | None) -> str | None:
        return None if value is None else printable(value)  # file names, as in `Source.file`


class DiffResult(_Model):
    schema_version: str = SCHEMA_VERSION
    settings: Settings
    base: DocumentRef
    next: DocumentRef
    priorities: list[Priority] = Field(default_factory=list, description="Base priorities (report grouping).")
    next_priorities: list[Priority] = Field(default_factory=list)
    proposals: list[ProposalResult] = Field(default_factory=list)
    measures: list[MeasureResult] = Field(default_factory=list)
    new_measures: list[int] = Field(default_factory=list)
    next_measures: list[NextMeasure] = Field(default_factory=list)
    stale_decisions: list[str] = Field(
        default_factory=list,
        description="Ids of the proposals and base measures (« M05 ») whose decision is stale.",
    )

    def recorded(self) -> dict[str, tuple[Decision, str]]:
        """Every recorded decision, applied or stale, by id (a proposal's, or a base measure's « M05 »),
        with the verdict that stands."""
        out = {p.id: (p.decision, str(p.verdict)) for p in self.proposals if p.decision is not None}
        out |= {
            measure_id(m.name): (m.decision, str(m.verdict)) for m in self.measures if m.decision is not None
        }
        return out


SCHEMAS: dict[str, type[BaseModel]] = {
    "plan": Plan,
    "review": Review,
    "diff": DiffResult,
}


@dataclass
class Side:
    """One side of a comparison: a plan and the reviews of it, with where they came from."""

    title: str | None
    language: str | None
    plan: Plan
    reviews: list[Review] = field(default_factory=list)
    root: Path | None = None
    sources: list[Path] = field(default_factory=list)
    config_path: Path | None = None
    decisions_path: Path | None = None
    # Every other file the side was read from, or is read from when it exists (a corpus folder's
    # manifest, its `plancompare.toml` and `decisions.yaml`): no output may be written over them.
    read_files: list[Path] = field(default_factory=list)

    @property
    def files(self) -> list[Path]:
        """Every file this side reads: its sources, and a corpus folder's own files."""
        found = [*self.sources, *self.read_files]
        found += [p for p in (self.config_path, self.decisions_path) if p is not None]
        return list(dict.fromkeys(found))
