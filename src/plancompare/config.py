"""Matching thresholds, read from a `plancompare.toml` ([thresholds] table) or the defaults."""

from __future__ import annotations

import tomllib
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path

from .errors import BadDataError
from .output import write_atomic


@dataclass(frozen=True)
class MatchConfig:
    """Scores are 0-100 (align.py). The defaults are round values in the range calibration gives
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
    # The file these came from (its name only: results carry no absolute paths).
    source: str | None = field(default=None, compare=False)

    def thresholds(self) -> dict[str, float]:
        return {k: float(v) for k, v in asdict(self).items() if k != "source"}


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
    known = {f.name for f in fields(MatchConfig)} - {"source"}
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
    return replace(MatchConfig(), **values, source=Path(path).name)


def config_text(cfg: MatchConfig, comment: str = "") -> str:
    lines = ["# plancompare matching thresholds (see README, How matching works)."]
    lines += [f"# {line}" for line in comment.splitlines() if line]
    lines.append("[thresholds]")
    lines += [f"{k} = {v:.2f}" for k, v in cfg.thresholds().items()]
    return "\n".join(lines) + "\n"


def write_config(path: Path, cfg: MatchConfig, comment: str = "") -> None:
    write_atomic(path, config_text(cfg, comment))
