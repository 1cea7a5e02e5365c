"""An analyst's answers for a labelled draft: the gold labels with the « n-a » ones (not an ask).

`labels.load_labels` leaves « n-a » proposals out (calibration fits adopted / changed / dropped);
the confidence model and `simulate` need them: an analyst answers them too, and a verdict given to
praise is not right.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from plancompare.files import load_yaml
from plancompare.judge.labels import GoldLabels, load_labels

NOT_AN_ASK = "n-a"


def load_answers(path: Path) -> GoldLabels:
    """`load_labels(path)` with the « n-a » proposals kept (verdict `n-a`, no measures)."""
    gold = load_labels(path)
    data = load_yaml(Path(path), "fix the labels file")
    extra: dict[str, tuple[str, tuple[int, ...]]] = {}
    anchors: dict[str, str] = {}
    for pid, item in data["proposals"].items():
        if isinstance(item, dict) and item.get("verdict") == NOT_AN_ASK:
            extra[str(pid)] = (NOT_AN_ASK, ())
            if item.get("text"):
                anchors[str(pid)] = str(item["text"])
    return replace(gold, proposals={**gold.proposals, **extra}, anchors={**gold.anchors, **anchors})
