"""Word-level differences between a proposal's sentence and the plan's passage (difflib over words).

Words are compared case- and accent-insensitively with punctuation ignored, so « Mineurs, » and
« mineurs » count as the same word; the output keeps the words as written.
"""

from __future__ import annotations

import difflib
import html
import re
import unicodedata
from collections.abc import Sequence
from typing import Literal

Op = Literal["equal", "delete", "insert"]

_WORD = re.compile(r"\S+")
_EDGE_PUNCT = re.compile(r"^[^\w]+|[^\w]+$")


def _key(word: str) -> str:
    folded = unicodedata.normalize("NFKD", word.casefold())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return _EDGE_PUNCT.sub("", folded) or folded


Opcodes = Sequence[tuple[str, int, int, int, int]]


def _opcodes(before: str, after: str) -> tuple[list[str], list[str], Opcodes]:
    left = _WORD.findall(before)
    right = _WORD.findall(after)
    matcher = difflib.SequenceMatcher(None, [_key(w) for w in left], [_key(w) for w in right], autojunk=False)
    return left, right, matcher.get_opcodes()


def diff_words(before: str, after: str) -> list[tuple[Op, str]]:
    """Runs of words: equal in both (as `after` writes them), deleted from `before`, inserted in `after`."""
    left, right, opcodes = _opcodes(before, after)
    ops: list[tuple[Op, str]] = []
    for tag, i1, i2, j1, j2 in opcodes:
        if tag == "equal":
            ops.append(("equal", " ".join(right[j1:j2])))
            continue
        if i2 > i1:
            ops.append(("delete", " ".join(left[i1:i2])))
        if j2 > j1:
            ops.append(("insert", " ".join(right[j1:j2])))
    return ops


def side_by_side_html(before: str, after: str) -> tuple[str, str]:
    """Escaped HTML for both sides: deletions in `<del>` on the left, insertions in `<ins>` on the right."""
    left, right, opcodes = _opcodes(before, after)
    out_left: list[str] = []
    out_right: list[str] = []
    for tag, i1, i2, j1, j2 in opcodes:
        old = html.escape(" ".join(left[i1:i2]))
        new = html.escape(" ".join(right[j1:j2]))
        if tag == "equal":
            out_left.append(old)
            out_right.append(new)
            continue
        if old:
            out_left.append(f"<del>{old}</del>")
        if new:
            out_right.append(f"<ins>{new}</ins>")
    return " ".join(out_left), " ".join(out_right)
