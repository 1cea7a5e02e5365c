"""The text patterns of plans and reviews, in one place: what an ask looks like, and how far stems
are cut."""

from __future__ import annotations

import re

from plancompare.text.normalise import fold

PREFIX = 7  # stems cut to 7 letters: « identif(ication) » and « identifi(er) » meet

_ASK = re.compile(
    r"\b(doi[st]|doivent|devr(?:ai[st]|aient|a|ont|ions)|il faut|faudrait|faut|necessaire|indispensable|"
    r"souhait\w*|demand\w*|recommand\w*|insist\w*|exig\w*|convient|importe|urge\w*|propos\w*|"
    r"appel(?:le|lent|lons)? a|(?:serai(?:en)?t|(?:peu[tv]\w*|pourrai\w*) etre) (?:\w+ )?"
    r"(?:utiles?|preferable|souhaitable|opportun)|il est (?:important|essentiel|urgent)|veill\w* a|besoin d|"
    r"ne (?:peu[tv]\w*|doi\w*) (?:pas )?etre|oblig\w*|rappel\w* (?:l'importance|la necessite)|"
    r"should|must|need(?:s|ed)?|call\w* for|recommend\w*)\b"
)
_NOT_INFINITIVE = frozenset(
    {"entre", "outre", "notre", "votre", "contre", "autre", "leur", "pour", "sur", "par"}
)


def is_ask(sentence: str) -> bool:
    """An ask: a sentence with a modal of obligation or wish, or one opening on an infinitive."""
    folded = fold(sentence).lstrip('•-–— "«')
    if _ASK.search(folded):
        return True
    first = re.match(r"[a-z]+", folded)
    if first is None:
        return False
    word = first.group(0)
    return len(word) > 4 and word not in _NOT_INFINITIVE and word.endswith(("er", "ir", "re", "oir"))
