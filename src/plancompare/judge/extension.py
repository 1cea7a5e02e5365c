"""More than X asked: « non seulement X, mais aussi Y », « Y et pas seulement X », « ne vise pas que X : il
vise aussi Y ». A passage that gives X and nothing of Y gives what the ask said was not enough."""

from __future__ import annotations

import re

from plancompare.judge.distinctive import FIELD_STEMS
from plancompare.judge.quoting import NEGATED, quote
from plancompare.models import Reason
from plancompare.text.normalise import fold, stem, tokens
from plancompare.text.patterns import NOT_ENOUGH_OPENING, PREFIX

# « non seulement X, mais aussi Y », « Y et pas seulement X », « ne vise pas que X : il vise aussi Y »:
# the ask says X is not enough. A passage that gives X and nothing of Y gives what the ask refused.
_NOT_ONLY = re.compile(
    r"\bnon seulement\b(?P<x>[^.;:()]+?),?\s*\bmais\b(?:\s+(?:aussi|egalement|encore))?(?P<y>[^.;:(),]+)"
)
_AND_NOT_ONLY = re.compile(rf"(?P<y>[^.;:()]+?)\s*,?\s*{NOT_ENOUGH_OPENING}(?P<x>[^.;:(),]+)")
_NOT_JUST = re.compile(
    r"\bne \w+ pas (?:que|seulement|uniquement)(?P<x>[^.;:(),]+)[.;:]\s*\w+ \w+ aussi(?P<y>[^.;:(),]+)"
)
_BEYOND = re.compile(r"\b(egalement|aussi|au-dela|non seulement|pas seulement|pas uniquement|y compris)\b")
_PREPOSITION = re.compile(r"\s*(pour|sur|aux?|de|des|dans|en|par|avec)\b")
_CONTENT = re.compile(r"[a-z]{5,}")


def _stems(text: str) -> set[str]:
    # Content words, generic ones included: « toutes les formes » wants forms, not « toutes ».
    return {t[:PREFIX] for t in tokens(text) if len(t) >= 4 and not t.isdigit()} - FIELD_STEMS


def _wanted(found: re.Match[str]) -> tuple[int, int]:
    """The span of what the ask wants besides X: for « pour Y et pas seulement pour X », from the
    preposition X opens with (the words before are the ask's subject, not its Y)."""
    start, end = found.span("y")
    opening = _PREPOSITION.match(found.group("x"))
    if found.re is _AND_NOT_ONLY and opening is not None:
        text = found.string[start:end]
        at = [m.start() for m in re.finditer(rf"\b{opening.group(1)}\b", text)]
        if at:
            start += at[-1]
    return start, end


def extension_reasons(ask: str, passage: str) -> list[Reason]:
    """The ask wants more than X (« non seulement X, mais aussi Y »); the passage gives X only."""
    folded_ask = fold(ask)
    found = _NOT_ONLY.search(folded_ask) or _AND_NOT_ONLY.search(folded_ask) or _NOT_JUST.search(folded_ask)
    if found is None:
        return []
    y_start, y_end = _wanted(found)
    wanted = _stems(folded_ask[y_start:y_end])
    refused = _stems(found.group("x")) - wanted
    folded = fold(passage)
    if not wanted or wanted & _stems(folded):
        return []
    given = next((m for m in _CONTENT.finditer(folded) if stem(m.group())[:PREFIX] in refused), None)
    # « ne suppose pas l'existence d'un réseau : elle s'applique également à… » goes beyond X too.
    if given is None or NEGATED.search(folded[: given.start()]) or _BEYOND.search(folded):
        return []
    return [
        Reason(
            code="scope",
            base=quote(
                ask, y_start if found.re is _AND_NOT_ONLY else found.start(), max(y_end, found.end("x"))
            ).strip(" ,"),
            next=quote(passage, given.start(), given.end()),
            detail="the ask wants more than what the next plan gives",
        )
    ]
