"""A query: the sentences of a proposal (or of a base measure) as units, asks weighing more than
the context sentences around them (« doit », « il faut », « Prévoir ... »)."""

from __future__ import annotations

from dataclasses import dataclass

from plancompare.match.units import Stems, Unit, joined, unit
from plancompare.text.normalise import is_ask, sentences

CONTEXT_WEIGHT = 0.25


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
        units = [unit(s, stems) for s in sents]
        weights = [1.0 if f else CONTEXT_WEIGHT for f in flags]
        whole = joined([u for u, f in zip(units, flags, strict=True) if f], stems)
        return cls(units, weights, whole, has_ask=has_ask, commitments=asks)
