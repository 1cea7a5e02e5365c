"""A query: the sentences of a proposal (or of a base measure) as units, asks weighing more than
the context sentences around them (« doit », « il faut », « Prévoir ... »)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from plancompare.match.units import Stems, Unit, joined, terms, unit
from plancompare.text.commitment import is_statement
from plancompare.text.normalise import is_ask, sentences
from plancompare.text.patterns import NOT_ENOUGH

CONTEXT_WEIGHT = 0.25
_CLAUSE = re.compile(r"\s*;\s+")


@dataclass(frozen=True)
class Query:
    """A proposal's sentences with their weights (asks count more than context)."""

    units: list[Unit]
    weights: list[float]
    whole: Unit  # all ask sentences together, for asks that span sentences
    # Terms of the base measure the proposal comments on: its topic, not its ask. They count for
    # less in how much of the ask a passage covers, so sharing the topic is not taking up the ask.
    topic: frozenset[str] = frozenset()
    # False when no sentence reads as an ask (praise, a statement of fact): every sentence then
    # counts as the ask, and the verdict carries a « no-ask » reason for the analyst.
    has_ask: bool = True
    # A proposal is answered by commitments only (text/commitment.py); a base measure's query reads
    # every passage of the next measures, titles included, to find where it went.
    commitments: bool = True
    # Each thing the proposal asks for, one per ask sentence or « ; » clause that asks on its own
    # (« … intégrés dans une équipe ; des budgets de formation devraient être prévus »): an answer to
    # one of them is only part of the ask (judge/diff.py).
    demands: tuple[Unit, ...] = ()

    @classmethod
    def of(cls, text: str, stems: Stems, *, asks: bool = True) -> Query:
        sents = sentences(text) or [text]
        flags = [is_ask(s) for s in sents] if asks else [True] * len(sents)
        # Items after an unfinished ask (« Il est nécessaire d’avoir : - ... ») are its object.
        for i in range(1, len(flags)):
            if flags[i - 1] and not sents[i - 1].rstrip().endswith((".", "!", "?")):
                flags[i] = True
        has_ask = any(flags)
        if not has_ask:
            flags = [True] * len(sents)
        units = [_asked(s, stems) if asks else unit(s, stems) for s in sents]
        weights = [1.0 if f else CONTEXT_WEIGHT for f in flags]
        whole = joined([u for u, f in zip(units, flags, strict=True) if f], stems)
        asked = [s for s, f in zip(sents, flags, strict=True) if f]
        demands = tuple(_asked(without_context(c), stems) for s in asked for c in clauses(s))
        return cls(units, weights, whole, has_ask=has_ask, commitments=asks, demands=demands)


def _asked(sentence: str, stems: Stems) -> Unit:
    """An ask sentence, or one of its demands, as a unit whose terms leave out what it says is not
    enough (« et pas simplement sur l'exploitation à des fins sexuelles »): a passage that gives that
    answers nothing of the ask (judge/extension.py says so when it is all the passage gives)."""
    return Unit(sentence, frozenset(terms(NOT_ENOUGH.sub(" ", sentence), stems)))


# A comma between two parts of a clause (not inside a number: « 1,5 M€ »).
_SEGMENT = re.compile(r"(?<=\D),\s+")


def without_context(clause: str) -> str:
    """A demand without the parts after a comma that say how things are or were, asking nothing
    (« …soit assurée, ce qui n'est pas le cas aujourd'hui, comme l'a remarqué le GRETA dans son
    rapport du 28 janvier 2013 »): what a plan does not repeat is not a part of the ask it leaves out."""
    first, *rest = _SEGMENT.split(clause)
    kept = [first, *(part for part in rest if is_ask(part) or not is_statement(part))]
    return ", ".join(kept) if len(kept) < len(rest) + 1 else clause


# « … aux côtés des enseignants et souhaitent recevoir des financements »: a second ask joined by « et ».
_JOINED = re.compile(r",?\s+(?:et|mais)\s+(?=(?:souhait|demand|doiv|doit|devr|veul|veut|exig|il faut)\w*\b)")
# « des référents dans les préfectures (avec une formation obligatoire sur la traite) »: more asked.
_ALSO = re.compile(r"\s*\(\s*(?=(?:avec|et|ainsi que|y compris)\b)([^()]{12,})\)")


def clauses(sentence: str) -> list[str]:
    """`sentence` split into the demands it makes: at each « ; » that opens a clause asking something
    on its own, where « et » joins two asks, and what brackets add (« (avec …) »), last."""
    also = [m.group(1) for m in _ALSO.finditer(sentence)]
    sentence = _ALSO.sub("", sentence)
    parts = [p for c in _CLAUSE.split(sentence) for p in _asks_joined(c) if p.strip()]
    return [*_clauses(parts), *also]


def _asks_joined(clause: str) -> list[str]:
    """`clause` split where « et » joins two asks; a reminder before « et souhaite » (« Le Collectif
    rappelle que … et souhaite que … ») is the context of the one ask."""
    parts = _JOINED.split(clause)
    return parts if len(parts) > 1 and all(is_ask(p) for p in parts) else [clause]


def _clauses(parts: list[str]) -> list[str]:
    """`parts` with each one that asks nothing joined back to the one before (« ; » between them)."""
    out = parts[:1]
    for part in parts[1:]:
        if is_ask(part):
            out.append(part)
        else:
            out[-1] = f"{out[-1]} ; {part}"
    return out
