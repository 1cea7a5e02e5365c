"""Names that say the same thing: acronyms and their long forms, and the few set phrases that
French public policy uses interchangeably (« titre de séjour » / « carte de séjour »).

A plan writes « l'ASE » where the review wrote « l'Aide Sociale à l'Enfance », or « mineurs non
accompagnés » where the review wrote « mineurs isolés étrangers »: to a lexical matcher these share
no word. Matching reads both through this glossary; the text shown to readers is never rewritten.

The lists are general vocabulary of French administration and of the fight against trafficking,
not read off any one plan. Acronyms whose long form is itself a list of topics (MIPROF) are left
out: expanding them would make every mention look like an answer about those topics.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from plancompare.text.normalise import STOP_WORDS, fold, tokens
from plancompare.text.patterns import forms_named

# Upper-case acronym → long form. Matched case-sensitively, so « ame » (âme) or « ars » are not read.
ACRONYMS: dict[str, str] = {
    "ASE": "aide sociale à l'enfance",
    "PJJ": "protection judiciaire de la jeunesse",
    "OFPRA": "office français de protection des réfugiés et apatrides",
    "OFII": "office français de l'immigration et de l'intégration",
    "CESEDA": "code de l'entrée et du séjour des étrangers et du droit d'asile",
    "MIE": "mineurs isolés étrangers",
    "MNA": "mineurs non accompagnés",
    "SIAO": "service intégré d'accueil et d'orientation",
    "ARS": "agence régionale de santé",
    "CNCDH": "commission nationale consultative des droits de l'homme",
    "OCRTEH": "office central pour la répression de la traite des êtres humains",
    "TEH": "traite des êtres humains",
    "ENM": "école nationale de la magistrature",
    "CHRS": "centre d'hébergement et de réinsertion sociale",
    "CADA": "centre d'accueil de demandeurs d'asile",
    "ATA": "allocation temporaire d'attente",
    "ADA": "allocation pour demandeur d'asile",
    "AME": "aide médicale de l'État",
    "CMU": "couverture maladie universelle",
    "CPAM": "caisse primaire d'assurance maladie",
    "CAF": "caisse d'allocations familiales",
    "AGRASC": "agence de gestion et de recouvrement des avoirs saisis et confisqués",
    "CIVI": "commission d'indemnisation des victimes d'infractions",
    "SARVI": "service d'aide au recouvrement des victimes d'infractions",
    "OIT": "organisation internationale du travail",
    "ONG": "organisations non gouvernementales",
    "UE": "union européenne",
    "INTEFP": "institut national du travail, de l'emploi et de la formation professionnelle",
    "DIRECCTE": "direction régionale des entreprises, de la concurrence, de la consommation, du "
    "travail et de l'emploi",
}

# A list of this many forms of exploitation reads as « all forms » too (see `Glossary.expand`).
ALL_FORMS_FROM = 3
ALL_FORMS = "toutes les formes d'exploitation"

# Groups of set phrases with the same meaning; the first is the one matching reads all of them as.
EQUIVALENTS: tuple[tuple[str, ...], ...] = (
    ("titre de séjour", "carte de séjour", "permis de séjour", "autorisation de séjour"),
    ("mineurs non accompagnés", "mineurs isolés étrangers", "mineurs étrangers isolés"),
    ("traite des êtres humains", "traite des personnes"),
)


@dataclass(frozen=True)
class Glossary:
    """For one comparison: acronym → long form (the built-in list, what its documents define and
    the analysts' own), and the groups of equivalent phrases."""

    acronyms: tuple[tuple[str, str], ...]
    equivalents: tuple[tuple[str, ...], ...] = EQUIVALENTS
    _table: dict[str, str] = field(init=False, compare=False, hash=False, repr=False)
    _pattern: re.Pattern[str] | None = field(init=False, compare=False, hash=False, repr=False)

    def __post_init__(self) -> None:
        names = sorted((a for a, _ in self.acronyms), key=len, reverse=True)
        alternatives = "|".join(re.escape(n) for n in names)
        pattern = re.compile(r"(?<![\w-])(" + alternatives + r")(?![\w-])") if names else None
        object.__setattr__(self, "_table", dict(self.acronyms))
        object.__setattr__(self, "_pattern", pattern)

    def expand(self, text: str) -> str:
        """`text` with each known upper-case acronym followed by its long form (both kept, so a
        document that writes only the acronym still meets one that writes only the long form), and
        « toutes les formes » after a list of three forms of exploitation or more: a plan lists the
        forms where an ask writes « toutes les formes de traite »."""
        folded = fold(text)
        if "forme" not in folded and len(forms_named(folded)) >= ALL_FORMS_FROM:
            text = f"{text} ({ALL_FORMS})"
        if self._pattern is None:
            return text
        return self._pattern.sub(lambda m: f"{m.group(1)} ({self._table[m.group(1)]})", text)

    def variants(self, cut: int) -> Variants:
        return variant_table(cut, self.equivalents)


BUILT_IN = Glossary(tuple(sorted(ACRONYMS.items())))

# « l’Aide Sociale à l’Enfance (ASE) »: the acronym in brackets, its long form just before.
_BRACKETED = re.compile(r"\(([^\W\d_][\w-]{1,9})\)")
_WORDS_BEFORE = 200  # characters read back from the bracket
# « l’ADA (allocation pour demandeur d’asile) »: the acronym first, its long form in brackets.
_ACRONYM_FIRST = re.compile(r"(?<![\w-])([A-Z][A-Za-z-]{1,9})\s*\(([^()]{3,150})\)")


def defined_acronyms(text: str) -> dict[str, str]:
    """Acronyms `text` defines, « long form (ACR) » or « ACR (long form) », when the initials of
    the long form's words spell the acronym (function words may be skipped)."""
    found: dict[str, str] = {}
    for m in _BRACKETED.finditer(text):
        letters = _letters(m.group(1))
        before = text[max(0, m.start() - _WORDS_BEFORE) : m.start()]
        long_form = _spelled_by(_words(before), letters) if letters else None
        if long_form:
            found.setdefault(m.group(1), long_form)
    for m in _ACRONYM_FIRST.finditer(text):
        letters = _letters(m.group(1))
        words = _words(m.group(2))
        long_form = _spelled_by(words, letters) if letters else None
        # All of the bracket is the long form (function words aside), not a remark that ends so.
        lead = words[: len(words) - len(long_form.split())] if long_form else []
        if long_form and all(fold(w) in STOP_WORDS for w in lead):
            found.setdefault(m.group(1), long_form)
    return found


def _letters(acronym: str) -> str | None:
    """The letters an acronym's long form must spell; None if it does not look like one."""
    letters = fold(acronym).replace("-", "")
    return letters if sum(c.isupper() for c in acronym) >= 2 and letters.isalpha() else None


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W\d_]+", text.replace("’", "'"))


def _spelled_by(words: list[str], letters: str) -> str | None:
    """The shortest tail of `words` whose initials spell `letters`; a function word may give its
    initial or be skipped (« allocation de demandeur d’asile » spells ADA, not ADDA)."""
    initials = [fold(w)[0] for w in words]
    optional = [fold(w) in STOP_WORDS for w in words]

    def spells(wi: int, li: int) -> bool:
        if wi == len(words):
            return li == len(letters)
        if li < len(letters) and initials[wi] == letters[li] and spells(wi + 1, li + 1):
            return True
        return optional[wi] and spells(wi + 1, li)

    for start in range(len(words) - 1, -1, -1):
        if not optional[start] and initials[start] == letters[0] and spells(start, 0):
            return " ".join(words[start:])
    return None


def learn(
    texts: Iterable[str],
    acronyms: Iterable[tuple[str, str]] = (),
    equivalents: tuple[tuple[str, ...], ...] = (),
) -> Glossary:
    """The built-in acronyms, those `texts` define (a document's definition wins over the built-in
    one) and the analysts' `acronyms` (which win over both); the built-in phrase groups and theirs."""
    table = dict(ACRONYMS)
    for text in texts:
        table.update(defined_acronyms(text))
    table.update(acronyms)
    return Glossary(tuple(sorted(table.items())), EQUIVALENTS + tuple(equivalents))


@dataclass(frozen=True)
class Variants:
    """Variant stem runs → the stem run of their group's first phrase."""

    table: dict[tuple[str, ...], tuple[str, ...]]
    firsts: frozenset[str]  # first stems of the variants: most texts hold none, and skip the scan
    longest: int


def unify(stems: tuple[str, ...], variants: Variants) -> tuple[str, ...]:
    """Replace each run of stems that spells a variant phrase by the stems of its group's first
    phrase (longest variant first)."""
    if variants.firsts.isdisjoint(stems):
        return stems
    out: list[str] = []
    i = 0
    while i < len(stems):
        if stems[i] in variants.firsts:
            for size in range(min(variants.longest, len(stems) - i), 0, -1):
                canonical = variants.table.get(stems[i : i + size])
                if canonical is not None:
                    out.extend(canonical)
                    i += size
                    break
            else:
                out.append(stems[i])
                i += 1
        else:
            out.append(stems[i])
            i += 1
    return tuple(out)


@lru_cache(maxsize=16)
def variant_table(cut: int, equivalents: tuple[tuple[str, ...], ...] = EQUIVALENTS) -> Variants:
    """The variants of `equivalents`, for stems cut to `cut` letters."""

    def run(phrase: str) -> tuple[str, ...]:
        return tuple(s[:cut] for s in tokens(phrase, content_only=True))

    table: dict[tuple[str, ...], tuple[str, ...]] = {}
    for group in equivalents:
        canonical = run(group[0])
        for phrase in group[1:]:
            variant = run(phrase)
            if variant and variant != canonical:
                table[variant] = canonical
    return Variants(table, frozenset(v[0] for v in table), max(map(len, table), default=0))
