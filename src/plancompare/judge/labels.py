"""Labelled outcomes of a comparison (`labels.yaml`): what an analyst says each verdict should be."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from plancompare.errors import BadDataError
from plancompare.files import load_yaml
from plancompare.models import MEASURE_VERDICTS, PROPOSAL_VERDICTS, Proposal
from plancompare.text.normalise import fold


@dataclass(frozen=True)
class GoldLabels:
    """An analyst's verdicts for a draft, the gold standard the engine is measured against (not
    the wording of reports: that is `report.i18n.Labels`). proposal id → (verdict, next
    measures); the verdict is one of the four, `n-a` included (praise, a statement of fact: not
    an ask)."""

    proposals: dict[str, tuple[str, tuple[int, ...]]]
    measures: dict[int, tuple[str, tuple[int, ...]]] = field(default_factory=dict)
    new_measures: tuple[int, ...] = ()
    # proposal id → the opening words of the labelled text (`text:` in the file), if given.
    anchors: dict[str, str] = field(default_factory=dict)

    def resolve(self, proposals: Iterable[Proposal]) -> dict[str, tuple[str, tuple[int, ...]]]:
        """The labels keyed by the ids of `proposals`. A label with a `text` anchor goes to the
        proposal of the same measure whose text opens with it, so labels written against one
        segmentation of a review (ids are positions) still apply when the extractor numbers
        the proposals of a measure otherwise; labels whose anchor no proposal opens with are left
        out rather than applied to the wrong text. Labels without an anchor go by id."""
        proposals = list(proposals)
        opening = {p.id: _key(p.text) for p in proposals}
        out: dict[str, tuple[str, tuple[int, ...]]] = {}
        # Anchored labels first: text is better evidence than a position.
        for pid, label in self.proposals.items():
            anchor = self.anchors.get(pid)
            if anchor is None:
                continue
            key, group = _key(anchor), pid.split("-")[0]
            if opening.get(pid, "").startswith(key) and pid not in out:
                out[pid] = label
                continue
            moved = [q for q, text in opening.items() if q.split("-")[0] == group and text.startswith(key)]
            if len(moved) == 1 and moved[0] not in out:
                out[moved[0]] = label
        for pid, label in self.proposals.items():
            if pid not in self.anchors and pid in opening and pid not in out:
                out[pid] = label
        return out


def _key(text: str) -> str:
    """Text compared for anchors: folded, list dashes and punctuation dropped, spaces collapsed."""
    return " ".join(re.sub(r"[^\w]+", " ", fold(text)).split())


def load_labels(path: Path) -> GoldLabels:
    data = load_yaml(Path(path), "fix the labels file")
    if not isinstance(data, dict) or not isinstance(data.get("proposals"), dict):
        raise BadDataError(f"{path} has no `proposals` mapping", "see corpora/next/src/labels.yaml")
    try:
        proposals: dict[str, tuple[str, tuple[int, ...]]] = {}
        anchors: dict[str, str] = {}
        for pid, item in data["proposals"].items():
            verdict = item["verdict"]
            if verdict not in PROPOSAL_VERDICTS:
                raise ValueError(f"{pid}: unknown verdict {verdict!r}")
            proposals[str(pid)] = (verdict, tuple(int(n) for n in item.get("measures") or []))
            if item.get("text"):
                anchors[str(pid)] = str(item["text"])
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
    return GoldLabels(proposals, measures, new, anchors)
