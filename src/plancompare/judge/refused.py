"""Part of the ask refused in the measure that answers the rest: « Les associations interviennent
dans les lycées […]. Ces interventions ne donnent lieu à aucun financement au titre du présent
contrat. » answers an ask for both the classes and their funding with the classes alone.

A refusal answers no ask (`text.refusal.is_refusal`), so the aligner never quotes it as
evidence; but the measure that gives one part of an ask may say in another sentence that it does
not give another. When a refusal of the best measure names a distinctive word of the ask that the
passage lacks, the ask is taken up only in part, and the refusal is quoted as the reason: two such
words, or one that the negation governs (« aucun financement », « pas de module »). One word
elsewhere in the sentence is too little: « le droit d'asile, que le présent contrat ne modifie
pas » refuses nothing of an ask that a permit « ouvre droit » to work.
"""

from __future__ import annotations

import re

from plancompare.judge.distinctive import FIELD_STEMS, generic
from plancompare.models import Measure, Reason
from plancompare.text.normalise import fold, sentences, stem, tokens, words
from plancompare.text.patterns import PREFIX
from plancompare.text.refusal import is_refusal

# What a negation governs: the (up to three) words after « aucun », « pas de », « sans », « ni ».
_GOVERNED = re.compile(
    r"\b(?:aucune?s? |(?:pas|plus) (?:de |d'|des |du )|sans (?:aucune? )?|ni (?:de |d'|des |du )?)"
    r"((?:[\w'-]+ ){0,2}[\w'-]+)"
)


def _content(text: str) -> dict[str, str]:
    """The distinctive words of `text`: cut stem → the word as written."""
    out: dict[str, str] = {}
    for w in words(text):
        if len(w) < 4 or w.isdigit() or not tokens(w, content_only=True) or generic(w):
            continue
        key = stem(w)[:PREFIX]
        if key not in FIELD_STEMS:
            out.setdefault(key, w)
    return out


def refused_reasons(ask: str, passage: str, measure: Measure | None) -> list[Reason]:
    """A `scope` reason when a refusal in `measure` names a distinctive word of `ask` that `passage`
    does not have."""
    if measure is None:
        return []
    asked = _content(ask)
    given = set(_content(passage))
    for sentence in sentences(measure.text):
        if not is_refusal(sentence) or sentence.strip() in passage:
            continue
        refused = [k for k in _content(sentence) if k in asked and k not in given]
        governed = {k for m in _GOVERNED.finditer(fold(sentence)) for k in _content(m.group(1))}
        if len(refused) >= 2 or governed.intersection(refused):
            return [
                Reason(
                    code="scope",
                    base=", ".join(asked[k] for k in refused),
                    next=sentence.strip(),
                    detail="the measure that answers the rest of the ask refuses this part",
                )
            ]
    return []
