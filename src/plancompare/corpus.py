"""One side of a comparison: a corpus folder, a PDF, an extracted JSON or a YAML file → `Side`."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from pathlib import Path

from plancompare.config import CONFIG_FILE, DECISIONS_FILE, MANIFEST_FILE
from plancompare.errors import BadDataError, UsageError, printable
from plancompare.extract.fields import parse_responsibilities
from plancompare.extract.pdf import EXPORT_HINT
from plancompare.files import load_yaml
from plancompare.models import Measure, Plan, Priority, Review, Side, Source
from plancompare.text.normalise import words

Progress = Callable[[str, int, int], None]


# --- plan YAML -----------------------------------------------------------------------------------


def _label_stripped(text: str | None, labels: tuple[str, ...]) -> str | None:
    if not text:
        return None
    stripped = " ".join(str(text).split())
    for label in labels:
        if stripped.lower().startswith(label.lower()):
            rest = stripped[len(label) :].lstrip()
            return rest[1:].strip() if rest.startswith(":") else rest
    return stripped


def _paragraphs(text: str | None) -> str:
    paras = [" ".join(p.split()) for p in (text or "").strip().split("\n\n")]
    return "\n\n".join(p for p in paras if p)


def load_plan_yaml(path: Path) -> Plan:
    """A plan typed as YAML: title, axes [{id, title, measures [{number, title, action, pilots,
    partners, instrument, calendar, text}]}] (a flat `measures` list is accepted too)."""
    data = load_yaml(path, "fix the file")
    if not isinstance(data, dict) or not (data.get("axes") or data.get("measures")):
        raise BadDataError(f"{path} has no `axes` or `measures`", "see corpora/next/src/plan.yaml")
    try:
        priorities: list[Priority] = []
        measures: list[Measure] = []
        groups = data.get("axes") or [{"id": None, "title": None, "measures": data["measures"]}]
        for axis in groups:
            axis_id = str(axis["id"]) if axis.get("id") is not None else None
            if axis_id is not None:
                priorities.append(Priority(id=axis_id, title=" ".join(str(axis["title"]).split())))
            for m in axis.get("measures") or []:
                responsible = []
                for key, label in (("pilots", "Pilotes"), ("partners", "Partenaires")):
                    value = m.get(key)
                    if value:
                        line = str(value) if ":" in str(value) else f"{label} : {value}"
                        responsible += parse_responsibilities(" ".join(line.split()))
                measures.append(
                    Measure(
                        number=int(m["number"]),
                        title=" ".join(str(m["title"]).split()),
                        priority=axis_id,
                        action=m.get("action"),
                        responsible=responsible,
                        instrument=_label_stripped(m.get("instrument"), ("Instruments", "Instrument")),
                        calendar=_label_stripped(m.get("calendar"), ("Calendrier",)),
                        text=_paragraphs(m.get("text")),
                    )
                )
    except (KeyError, TypeError, ValueError) as exc:
        raise BadDataError(f"{path} does not follow the plan YAML format ({exc})", "fix the file") from exc
    return Plan(
        title=data.get("title"), source=Source(file=path.name), priorities=priorities, measures=measures
    )


def plan_of_review(review: Review, title: str | None = None) -> Plan:
    """The plan a review reproduces measure by measure (its plan-text column)."""
    measures = [Measure.model_validate(m.model_dump(exclude={"observations"})) for m in review.measures]
    return Plan(
        title=title or review.title,
        source=review.source,
        priorities=review.priorities,
        measures=measures,
    )


# --- language ------------------------------------------------------------------------------------

_FR = frozenset("le la les des du de et est une un dans pour sur au aux que qui".split())  # noqa: SIM905
_EN = frozenset("the of and to in for is on with that by be are as an".split())  # noqa: SIM905


def guess_language(texts: list[str]) -> str | None:
    fr = en = 0
    for text in texts:
        for w in words(text)[:400]:
            fr += w in _FR
            en += w in _EN
    if fr == en == 0:
        return None
    return "fr" if fr >= en else "en"


def _texts(plan: Plan, reviews: list[Review]) -> list[str]:
    out = [m.text for m in plan.measures[:20]]
    for r in reviews:
        out += [p.text for p in r.proposals[:20]]
    return out


# --- loading -------------------------------------------------------------------------------------


def _extract(path: Path, layout: str, progress: Progress | None) -> Plan | Review:
    from plancompare.extract.document import extract  # the PDF stack loads only when a PDF is given

    def report(done: int, total: int) -> None:
        if progress is not None:
            progress(f"reading {path.name}", done, total)

    return extract(path, layout, progress=report)  # type: ignore[arg-type]


def _load_file(path: Path, layout: str, progress: Progress | None) -> Plan | Review:
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return _extract(path, layout, progress)
    if suffix == ".json":
        from plancompare.serialise import load_document

        return load_document(path)
    if suffix in (".yaml", ".yml"):
        data = load_yaml(path, "fix the file")
        if (
            isinstance(data, dict)
            and "axes" not in data
            and any(
                isinstance(m, dict) and ("plan_text" in m or "proposals" in m)
                for m in data.get("measures") or []
            )
        ):
            from plancompare.extract.reviewyaml import load_review_yaml

            return load_review_yaml(path)
        return load_plan_yaml(path)
    if suffix in _OFFICE:
        raise UsageError(f"{path} is a word-processor document, not a PDF", EXPORT_HINT)
    raise UsageError(
        f"{path}: unknown input type {suffix or '(none)'}", "give a corpus folder, PDF, JSON or YAML"
    )


_OFFICE = frozenset({".doc", ".docx", ".odt", ".rtf", ".pages"})


def _side_from_document(doc: Plan | Review, sources: list[Path], title: str | None = None) -> Side:
    if isinstance(doc, Review):
        plan = plan_of_review(doc, title)
        reviews = [doc]
    else:
        plan = doc
        reviews = []
    return Side(
        title=title or plan.title,
        language=guess_language(_texts(plan, reviews)),
        plan=plan,
        reviews=reviews,
        sources=sources,
    )


def _manifest(folder: Path) -> dict:
    path = folder / MANIFEST_FILE
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise BadDataError(f"{path} is not valid TOML ({exc})", "fix the manifest") from exc


def _source(folder: Path, entry: dict, what: str) -> Path:
    src = entry.get("source")
    if not isinstance(src, str) or not src:
        raise BadDataError(
            f"{folder / MANIFEST_FILE}: {what} has no `source`", "name the file it is read from"
        )
    path = folder / src
    if not path.resolve().is_relative_to(folder.resolve()):
        # A corpus reads only its own files: a manifest copied from elsewhere, or sent by someone
        # else, must not make plancompare read (and quote in its reports) any file of the machine.
        raise BadDataError(
            f"{printable(folder / MANIFEST_FILE)}: {what} source {printable(src)} is outside the corpus "
            f"folder {printable(folder)}",
            "copy the file into the corpus folder, or pass it on the command line as BASE or NEXT",
        )
    if not path.exists():
        raise BadDataError(
            f"{printable(folder / MANIFEST_FILE)}: {what} source {printable(src)} is missing",
            "add the file or fix the name",
        )
    return path


def _load_corpus(folder: Path, progress: Progress | None) -> Side:
    manifest = _manifest(folder)
    plan_entry = manifest.get("plan")
    if not isinstance(plan_entry, dict):
        raise BadDataError(
            f"{folder / MANIFEST_FILE} has no [plan] table", "see corpora/2014-2016/corpus.toml"
        )
    review_entries = manifest.get("reviews") or []
    if not isinstance(review_entries, list) or not all(isinstance(r, dict) for r in review_entries):
        raise BadDataError(
            f"{folder / MANIFEST_FILE}: `reviews` must be [[reviews]] tables", "fix the manifest"
        )
    loaded: dict[tuple[Path, str], Plan | Review] = {}

    def load(entry: dict, what: str, default_layout: str) -> tuple[Path, Plan | Review]:
        path = _source(folder, entry, what)
        layout = str(entry.get("layout") or default_layout)
        key = (path, layout)
        if key not in loaded:
            loaded[key] = _load_file(path, layout, progress)
        return path, loaded[key]

    sources: list[Path] = []
    reviews: list[Review] = []
    for i, entry in enumerate(review_entries):
        path, doc = load(entry, f"review {i + 1}", "review")
        if not isinstance(doc, Review):
            raise BadDataError(f"{path.name} was read as a plan, not a review", 'set layout = "review"')
        if entry.get("title"):
            doc = doc.model_copy(update={"title": entry["title"]})
        if entry.get("author"):
            doc = doc.model_copy(update={"author": entry["author"]})
        reviews.append(doc)
        sources.append(path)
    reviews = _distinct_ids(reviews, review_entries)
    plan_path, plan_doc = load(plan_entry, "plan", "auto")
    title = plan_entry.get("title") or manifest.get("name")
    plan = plan_of_review(plan_doc, title) if isinstance(plan_doc, Review) else plan_doc
    if title:
        plan = plan.model_copy(update={"title": title})
    if plan_path not in sources:
        sources.insert(0, plan_path)
    language = manifest.get("language") or guess_language(_texts(plan, reviews))
    config = folder / CONFIG_FILE
    decisions = folder / DECISIONS_FILE
    return Side(
        title=plan.title,
        language=str(language) if language else None,
        plan=plan,
        reviews=reviews,
        root=folder,
        sources=sources,
        config_path=config if config.is_file() else None,
        decisions_path=decisions if decisions.is_file() else None,
        read_files=[folder / MANIFEST_FILE, config, decisions],
    )


_ID_PREFIX = re.compile(r"^[A-Za-z0-9]{1,12}$")


def _distinct_ids(reviews: list[Review], entries: list[dict]) -> list[Review]:
    """Two reviews in one corpus often number their proposals alike (« M01-P01 », « G01 »): a later
    review whose ids meet an earlier one's has them prefixed (`id_prefix` in its [[reviews]] entry,
    else « r2- » for the second), so every proposal is followed and each id names one proposal."""
    taken: set[str] = set()
    out: list[Review] = []
    for n, (review, entry) in enumerate(zip(reviews, entries, strict=True), start=1):
        ids = {p.id for p in review.proposals}
        prefix = entry.get("id_prefix")
        if prefix is not None and not (isinstance(prefix, str) and _ID_PREFIX.match(prefix)):
            raise BadDataError(
                f"review {n}: id_prefix {prefix!r} is not 1-12 letters or digits", "fix the corpus.toml"
            )
        if prefix is None and ids & taken:
            prefix = f"r{n}"
            shared = sorted(ids & taken)
            warning = (
                f"its proposal ids are an earlier review's too ({', '.join(shared[:3])}"
                f"{' …' if len(shared) > 3 else ''}): they are prefixed « {prefix}- » "
                f'(set id_prefix = "…" in its [[reviews]] entry to choose another)'
            )
            review = review.model_copy(update={"warnings": [*review.warnings, warning]})
        if prefix:
            proposals = [p.model_copy(update={"id": f"{prefix}-{p.id}"}) for p in review.proposals]
            review = review.model_copy(update={"proposals": proposals})
            ids = {p.id for p in proposals}
            if ids & taken:
                raise BadDataError(
                    f"review {n}: id_prefix {prefix!r} gives it the ids of an earlier review",
                    "choose another id_prefix in the corpus.toml",
                )
        taken |= ids
        out.append(review)
    return out


def load_side(path: Path, *, progress: Progress | None = None) -> Side:
    """A corpus folder (with corpus.toml), a PDF, an extracted JSON, or a plan/review YAML."""
    path = Path(path)
    if not path.exists():
        raise UsageError(f"{path} does not exist", "pass a corpus folder, PDF, JSON or YAML file")
    if path.is_dir():
        if not (path / MANIFEST_FILE).is_file():
            raise UsageError(f"{path} has no {MANIFEST_FILE}", "pass a corpus folder (see corpora/2014-2016)")
        return _load_corpus(path, progress)
    return _side_from_document(_load_file(path, "auto", progress), [path])


def corpus_config(first: Side, second: Side) -> Path | None:
    """The `plancompare.toml` of the first side's corpus folder that has one (NEXT's, else BASE's)."""
    for side in (first, second):
        if side.config_path is not None and side.config_path.is_file():
            return side.config_path
    return None
