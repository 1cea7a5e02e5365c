"""The tense of a plan's sentence: whether it commits (a future, « s'engage », « désormais »).

A plan commits in the future tense (« sera créé », « nous ouvrirons », « l'État va financer ») or
with words that do the same (« est chargé de », « à compter de 2025 »); the present and the past
describe (text/commitment.py). Patterns read folded text (no accents), « à » kept as « @ » so that
« à ces » is no « a créé »; the first person plural is read with its accents.
"""

from __future__ import annotations

import re

from plancompare.text.normalise import fold

# The future tense and the other ways a plan commits (« sera », « pourra », « s'engage »).
_FUTURE = re.compile(
    r"(?<![\w@])(?:[a-z]{2,}(?:era|eront|ira|iront|dra|dront|ura|uront|ra|ront)|sera|seront|aura|auront|"
    r"fera|feront|pourra|pourront|devra|devront|ira|iront|"
    # A government speaking for itself: « nous nous engageons à » (« nous créerons »: _WE_FUTURE).
    r"(?:nous )?(?:nous )?engageons|"
    # The near future: « L'État va financer », « nous allons généraliser » (an infinitive follows).
    r"(?:va|vont|allons) (?:(?:tres |bientot |rapidement |enfin |aussi |egalement |donc )?)"
    r"(?:[a-z]+(?:er|ir|re|oir)|etre|faire)|"
    r"s'engage\w*|est charge\w*|sont charge\w*|il est prevu|est prevu\w*|sont prevu\w*|a vocation|"
    r"ont vocation|vise @|visent @|desormais|d'ici (?:@ |(?:19|20)\d\d|la fin)|chaque annee)(?!\w)|"
    r"(?<![\w@])(?:@ compter d|@ partir d|des (?:le|la|les|l')(?!\w))"
)
_NOT_FUTURE = frozenset({"extra", "opera", "camera", "sahara", "contra", "ultra", "tiara", "vera"})
# The future of the first and second persons plural (« nous créerons », « vous veillerez », « ouvrirons »,
# « mettrez », « prendrons »: a government speaking for itself, or instructing the préfets), read on the
# text with its accents: the present of a verb in « -érer » ends in « -érons » / « -érez » (« nous
# considérons »), its future in « -érerons »; a present in « -rons » / « -rez » of other verbs
# (« assurons », « montrez », « œuvrons », « encadrez ») is no future, nor are nouns (« les environs »).
_P = r"(?:ons|ez)"
_WE_FUTURE = re.compile(
    rf"(?<!\w)(?!(?:re)?tir{_P}|attir{_P}|inspir{_P}|desir{_P}|désir{_P}|admir{_P}|aspir{_P}|respir{_P}|"
    rf"soupir{_P}|vir{_P}|expir{_P}|chavir{_P}|transpir{_P}|conspir{_P}|empir{_P}|environs|avirons|"
    rf"(?:re)?cadr{_P}|encadr{_P}|engendr{_P}|effondr{_P}|bûcherons|bucherons|vignerons|forgerons|biberons|"
    rf"quarterons|mousserons|chaperons)"
    rf"(?:\w+er{_P}|\w+ir{_P}|\w+(?:tt|aît|ait|oît|oit)r{_P}|\w*(?:dev|cev|suiv|viv)r{_P}|\w+rr{_P}|"
    rf"\w+dr{_P}|aur{_P}|saur{_P}|\w*clur{_P})(?!\w)"
)


def plural_future(text: str) -> bool:
    """« Nous créerons », « vous veillerez », « nous mettrons » (not « nous considérons »)."""
    return bool(_WE_FUTURE.search(text.lower()))


def folded_for_tense(sentence: str) -> str:
    """Folded for the tense patterns, « à » kept apart from « a » (« à ces » is no « a créé »)."""
    return fold(re.sub(r"\b[àÀ]\b", "@", sentence)).replace("’", "'")


def has_future(folded: str) -> bool:
    return any(m.group(0) not in _NOT_FUTURE for m in _FUTURE.finditer(folded))


_ACRONYM = re.compile(r"\b[A-ZÀ-Ý]{2,}\b")


def commits(sentence: str) -> bool:
    """A verb in the future (or another way of committing) in `sentence`; acronyms are no verbs
    (« L'OFPRA a accordé… » is no « accordera »)."""
    bare = _ACRONYM.sub("", sentence)
    return has_future(folded_for_tense(bare)) or plural_future(bare)
