"""Matching thresholds, read from a `plancompare.toml` ([thresholds] table) or the defaults."""

from __future__ import annotations

import json
import tomllib
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from plancompare.errors import BadDataError
from plancompare.files import write_atomic

# The files a corpus folder may hold, and the bundled corpora `diff` compares when given no paths.
MANIFEST_FILE = "corpus.toml"
CONFIG_FILE = "plancompare.toml"
DECISIONS_FILE = "decisions.yaml"
DEFAULT_BASE = Path("corpora/2014-2016")
DEFAULT_NEXT = Path("corpora/next")


@dataclass(frozen=True)
class MatchConfig:
    """Scores are 0-100 (match/aligner.py). The defaults are round values in the range calibration gives
    on the bundled sample (which the held-out draft confirms); `plancompare calibrate` fits your own."""

    # A proposal is taken up (adopted or changed) when its best score reaches `match`.
    match: float = 16.0
    # Taken up and scoring at least `adopt`, with no change reason: adopted; else changed.
    adopt: float = 22.0
    # Dropped proposals scoring at least `topic` share the topic but not the ask (« topic-only »).
    topic: float = 10.0
    # Other next measures are listed as matches when they score at least `relative` × the best.
    relative: float = 0.85
    # A base measure continues into a next measure scoring at least `successor` (and `relative`
    # × its best); with one successor scoring at least `kept` it is kept, else revised.
    successor: float = 16.0
    kept: float = 32.0
    # A proposal whose best passage answers another proposal better counts for this share of its
    # score (assign.py).
    claimed: float = 0.8
    # The analysts' own vocabulary ([glossary] of plancompare.toml), added to glossary.py's: acronym
    # → long form, and groups of phrases that mean the same (the first is the one all are read as).
    acronyms: tuple[tuple[str, str], ...] = ()
    equivalents: tuple[tuple[str, ...], ...] = ()
    # The file these came from (its name only: results carry no absolute paths).
    source: str | None = field(default=None, compare=False)

    def thresholds(self) -> dict[str, float]:
        return {k: float(v) for k, v in asdict(self).items() if k in THRESHOLDS}

    def glossary(self) -> dict[str, object]:
        """The [glossary] table, for results to record it (empty when there is none)."""
        out: dict[str, object] = {}
        if self.acronyms:
            out["acronyms"] = dict(self.acronyms)
        if self.equivalents:
            out["equivalents"] = [list(group) for group in self.equivalents]
        return out


THRESHOLDS = ("match", "adopt", "topic", "relative", "successor", "kept", "claimed")


def load_config(path: Path | None) -> MatchConfig:
    """The thresholds of `path` over the defaults; the defaults when `path` is None."""
    if path is None:
        return MatchConfig()
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise BadDataError(f"{path} is not a readable TOML file ({exc})", "fix or remove it") from exc
    table = data.get("thresholds", {})
    if not isinstance(table, dict):
        raise BadDataError(f"{path}: [thresholds] must be a table", "see README, How matching works")
    known = set(THRESHOLDS)
    unknown = sorted(set(table) - known)
    if unknown:
        raise BadDataError(
            f"{path}: unknown threshold(s) {', '.join(unknown)}", f"known: {', '.join(sorted(known))}"
        )
    values: dict[str, float] = {}
    for key, value in table.items():
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise BadDataError(f"{path}: threshold {key} must be a number", "e.g. match = 42.0")
        values[key] = float(value)
    acronyms, equivalents = _glossary(path, data.get("glossary", {}))
    return replace(
        MatchConfig(), **values, acronyms=acronyms, equivalents=equivalents, source=Path(path).name
    )


def _glossary(path: Path, table: object) -> tuple[tuple[tuple[str, str], ...], tuple[tuple[str, ...], ...]]:
    hint = 'e.g. [glossary.acronyms] DNAPV = "dispositif national d\'accueil", see README'
    if not isinstance(table, dict):
        raise BadDataError(f"{path}: [glossary] must be a table", hint)
    unknown = sorted(set(table) - {"acronyms", "equivalents"})
    if unknown:
        raise BadDataError(
            f"{path}: unknown glossary key(s) {', '.join(unknown)}", "known: acronyms, equivalents"
        )
    acronyms = table.get("acronyms", {})
    if not isinstance(acronyms, dict) or not all(
        isinstance(k, str) and isinstance(v, str) and k.strip() and v.strip() for k, v in acronyms.items()
    ):
        raise BadDataError(f"{path}: glossary acronyms must map each acronym to its long form", hint)
    groups = table.get("equivalents", [])
    if not isinstance(groups, list) or not all(
        isinstance(g, list) and len(g) >= 2 and all(isinstance(x, str) and x.strip() for x in g)
        for g in groups
    ):
        raise BadDataError(
            f"{path}: glossary equivalents must be a list of lists of two phrases or more",
            'e.g. equivalents = [["socle commun de formation", "module national"]]',
        )
    return tuple(sorted(acronyms.items())), tuple(tuple(g) for g in groups)


def config_text(cfg: MatchConfig, comment: str = "") -> str:
    lines = ["# plancompare matching thresholds (see README, How matching works)."]
    lines += [f"# {line}" for line in comment.splitlines() if line]
    lines.append("[thresholds]")
    lines += [f"{k} = {v:.2f}" for k, v in cfg.thresholds().items()]
    if cfg.equivalents:
        # JSON strings are TOML basic strings.
        groups = ", ".join(
            "[" + ", ".join(json.dumps(x, ensure_ascii=False) for x in g) + "]" for g in cfg.equivalents
        )
        lines += ["", "[glossary]", f"equivalents = [{groups}]"]
    if cfg.acronyms:
        lines += ["", "[glossary.acronyms]"]
        lines += [
            f"{json.dumps(k, ensure_ascii=False)} = {json.dumps(v, ensure_ascii=False)}"
            for k, v in cfg.acronyms
        ]
    return "\n".join(lines) + "\n"


def write_config(path: Path, cfg: MatchConfig, comment: str = "", *, inputs: Iterable[Path] = ()) -> None:
    write_atomic(path, config_text(cfg, comment), inputs=inputs)
