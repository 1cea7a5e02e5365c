"""Reasons that quote the words of both sides: the ask's and the passage's, as printed, found by
patterns that read folded text."""

from __future__ import annotations

import re
from typing import Literal

from plancompare.models import Reason
from plancompare.text.normalise import fold

# « ne pourra ... sans », « aucun ... ne pourra »: a negated possibility is a constraint, not a weakening.
NEGATED = re.compile(r"(?:\bne\b|\bn'|\baucun\w*|\bjamais\b)[^.;:]{0,30}$")


def quoted_reason(
    code: Literal["scope", "modality"],
    ask: str,
    asked: re.Match[str],
    passage: str,
    given: re.Match[str],
    detail: str,
) -> list[Reason]:
    """One reason quoting the words of `ask` and of `passage` that `asked` and `given` found in
    their folded forms."""
    return [
        Reason(
            code=code,
            base=quote(ask, asked.start(), asked.end()),
            next=quote(passage, given.start(), given.end()),
            detail=detail,
        )
    ]


def quote(text: str, start: int, end: int) -> str:
    """The original words of `text` at the folded span [start, end) (folding keeps positions except
    for ligatures, so fall back on a word search), without the spaces, bullets and quotation marks
    a pattern may have taken at either end (« Vingt départements », not « Vingt départements  »)."""
    return _words_at(text, start, end).strip(_EDGES)


_EDGES = " \t\n\u00a0\u202f-–—•«»\"'’"


def _words_at(text: str, start: int, end: int) -> str:
    folded = fold(text)
    if len(folded) == len(text):
        return text[start:end]
    target = folded[start:end]
    for w_start in range(len(text)):
        if fold(text[w_start : w_start + len(target) + 2]).startswith(target):
            return text[w_start : w_start + len(target)]
    return target
