"""Something asked for on its own given in common: a module specific to one form of trafficking met
by a session on all forms, « un module spécifique » met by « le module commun »."""

from __future__ import annotations

import re

from plancompare.judge.quoting import quote, quoted_reason
from plancompare.judge.scope import ALL_FORMS
from plancompare.models import Reason
from plancompare.text.normalise import STOP_WORDS, fold, stem
from plancompare.text.patterns import ONE_FORM, whole_words

_SPECIFIC = whole_words(r"specifiques?|dedie(?:e|s|es)?|propres? a|particuli\w*")
# What the plan shares between publics or needs: « le module commun », « des structures généralistes ».
_COMMON = whole_words(r"communs?|communes?|generalistes?|mutualise(?:e|s|es)?")
_WORD = re.compile(r"\w+")
# How many words before « spécifique » or « commun » may name the thing (« lignes de financement »).
_NOUN_REACH = 3


def specific_reasons(ask: str, passage: str) -> list[Reason]:
    """A `scope` reason when the specific thing asked is given only in common (at most one)."""
    return _one_form(ask, passage) or _in_common(ask, passage)


def _one_form(ask: str, passage: str) -> list[Reason]:
    """One form of trafficking asked for on its own (« un module spécifique … à des fins
    d'exploitation par le travail »), all forms given together: the specific thing is not given."""
    folded_ask, folded = fold(ask), fold(passage)
    narrow = ONE_FORM.search(folded_ask)
    if narrow is None or ALL_FORMS.search(folded_ask) or not _SPECIFIC.search(folded_ask):
        return []
    wide = ALL_FORMS.search(folded)
    if wide is None or ONE_FORM.search(folded):
        return []
    return quoted_reason(
        "scope", ask, narrow, passage, wide, "one form of trafficking was asked for; the next plan covers all"
    )


def _named(folded: str, kind: re.Pattern[str]) -> dict[str, tuple[int, int]]:
    """The stem of each word that a `kind` word qualifies (up to _NOUN_REACH words before it), with
    the span from that word to the qualifier."""
    out: dict[str, tuple[int, int]] = {}
    for m in kind.finditer(folded):
        before = list(_WORD.finditer(folded, 0, m.start()))[-_NOUN_REACH:]
        for w in before:
            if len(w.group()) >= 4 and w.group() not in STOP_WORDS:
                out.setdefault(stem(w.group()), (w.start(), m.end()))
    return out


def _in_common(ask: str, passage: str) -> list[Reason]:
    """A thing asked for as specific (« un module spécifique ») given as one shared with others (« le
    module commun sera inscrit dans la formation initiale des policiers, des gendarmes… »). Not when
    the ask itself names the common thing, or the passage gives a specific one too."""
    folded_ask, folded = fold(ask), fold(passage)
    if _COMMON.search(folded_ask):
        return []
    asked = _named(folded_ask, _SPECIFIC)
    given = _named(folded, _COMMON)
    both = sorted(set(asked) & set(given) - set(_named(folded, _SPECIFIC)), key=lambda s: asked[s])
    if not both:
        return []
    a, g = asked[both[0]], given[both[0]]
    return [
        Reason(
            code="scope",
            base=quote(ask, *a),
            next=quote(passage, *g),
            detail="something specific was asked for; the next plan gives it in common with others",
        )
    ]
