"""Labelled outcomes of a comparison (`labels.yaml`): what an analyst says each verdict should be."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .errors import BadDataError

PROPOSAL_VERDICTS = ("adopted", "changed", "dropped")
MEASURE_VERDICTS = ("kept", "revised", "merged", "split", "dropped")


@dataclass(frozen=True)
class Labels:
    """proposal id → (verdict, next measures); `n-a` proposals (praise, not asks) are left out."""

    proposals: dict[str, tuple[str, tuple[int, ...]]]
    measures: dict[int, tuple[str, tuple[int, ...]]] = field(default_factory=dict)
    new_measures: tuple[int, ...] = ()


def load_labels(path: Path) -> Labels:
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise BadDataError(f"{path} is not a readable YAML file ({exc})", "fix the labels file") from exc
    if not isinstance(data, dict) or not isinstance(data.get("proposals"), dict):
        raise BadDataError(f"{path} has no `proposals` mapping", "see corpora/next/src/labels.yaml")
    try:
        proposals: dict[str, tuple[str, tuple[int, ...]]] = {}
        for pid, item in data["proposals"].items():
            verdict = item["verdict"]
            if verdict == "n-a":
                continue
            if verdict not in PROPOSAL_VERDICTS:
                raise ValueError(f"{pid}: unknown verdict {verdict!r}")
            proposals[str(pid)] = (verdict, tuple(int(n) for n in item.get("measures") or []))
        measures: dict[int, tuple[str, tuple[int, ...]]] = {}
        for number, item in (data.get("measures") or {}).items():
            if item["verdict"] not in MEASURE_VERDICTS:
                raise ValueError(f"measure {number}: unknown verdict {item['verdict']!r}")
            measures[int(number)] = (item["verdict"], tuple(int(n) for n in item.get("next") or []))
        new = tuple(int(n) for n in data.get("new_measures") or [])
    except (KeyError, TypeError, ValueError) as exc:
        raise BadDataError(
            f"{path} does not follow the labels format ({exc})", "fix the labels file"
        ) from exc
    return Labels(proposals, measures, new)
