"""Text → comparable tokens and passages (French first, English tolerated).

Only true function words are dropped here; words every measure shares (« victimes », « traite »,
« mesure ») are kept and down-weighted by the index's IDF instead, so that a plan about another
topic still weighs them correctly.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import snowballstemmer
from text_to_num import text2num

from plancompare.text.patterns import ASK, BULLET_SPLIT

_LIGATURES = str.maketrans(
    {"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'"}
)

# Function words only (articles, pronouns, prepositions, conjunctions, auxiliaries' common forms).
STOP_WORDS: frozenset[str] = frozenset(
    """
    a au aux avec ce ces cet cette ci ca dans de des du elle elles en et eux il ils je la le les leur
    leurs lui ma mais me meme mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses
    son sur ta te tes toi ton tu un une vos votre vous y c d j l m n s t
    ete etre etait etaient est sont ont ai as avons avez avait avaient eu
    donc or ni car si sans sous chez entre vers afin ainsi aussi alors comme dont lors
    tout tous toute toutes autre autres certains certaines plus moins tres bien deja aujourdhui
    quelquun quelqu etc
    cela celle celles celui ceux ici la-bas puis quand quel quelle quels quelles
    the of and to in for on with by an be is are as at or from that this which it its
    """.split()  # noqa: SIM905
)

# Words that carry an ask's form, not its content (« il est nécessaire de », « doit être », « Donner »,
# « le Collectif souhaite »). They are left out of matching; reasons.py reads the modality itself.
FORM_WORDS: frozenset[str] = frozenset(
    """
    doit doivent devra devront devrait devraient devoir faut faudrait falloir peut peuvent pourra
    pourront pourrait pourraient pouvoir veut voudrait souhaite souhaitent souhaiterait souhaitons
    souhaitable demande demandent demander insiste rappelle rappeler regrette note constate
    considere estime propose proposons recommande convient importe important importance necessaire
    necessite indispensable essentiel urgent nouveau nouvelle prochain prochaine present presente
    avoir faire donner mettre prevoir permettre veiller cas egalement notamment enfin
    collectif associations_membres
    should must need needs can could may will would shall
    """.split()  # noqa: SIM905
)

# Both read lower-cased text (_prepare): case-blind matching would double their cost.
_ELISION = re.compile(r"\b(?:l|d|qu|n|s|j|c|m|t|jusqu|lorsqu|puisqu|quoiqu)'")
# Words written with an apostrophe that are one word, not an elision: « aujourd’hui » would else
# give two rare tokens (« aujourd », « hui ») that match any text about the present.
_APOSTROPHE_WORDS = re.compile(r"\b(aujourd|prud|quelqu|presqu)'(?=\w)")
_WORD = re.compile(r"[0-9]+(?:[.,][0-9]+)?|[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)

_stemmer_fr = snowballstemmer.stemmer("french")


# Note calls (« 2013¹ ») are not part of the word: NFKC would make « 20131 » of them.
_NOTE_CALLS = str.maketrans("", "", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def fold(text: str) -> str:
    """NFKC, ligatures and apostrophes unified, lower case, accents removed, note calls dropped.

    The one folding of the package: for comparing text (tokens, asks, heading and header keys),
    never for output."""
    text = unicodedata.normalize("NFKC", text.translate(_NOTE_CALLS)).translate(_LIGATURES).lower()
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _prepare(text: str) -> str:
    text = unicodedata.normalize("NFKC", text.translate(_NOTE_CALLS)).translate(_LIGATURES).lower()
    return _ELISION.sub(" ", _APOSTROPHE_WORDS.sub(r"\1", text))


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Stem a lower-case word (accents still on: the French stemmer needs them), then fold accents."""
    if word[0].isdigit():
        return word.replace(",", ".")
    return fold(_stemmer_fr.stemWord(word))


def words(text: str) -> list[str]:
    """Lower-case words and figures, elisions removed, accents kept."""
    return _WORD.findall(_prepare(text))


# Light-verb phrases: « tenir compte de », « prendre en compte » mean « consider »; what is
# considered follows them. Their « compte » would else tie them to « rendre compte » (report).
_LIGHT_PHRASES = re.compile(r"\b(?:t(?:en|ien)\w*|pr(?:en|is|i)\w*) (?:en )?compte\b")


def tokens(text: str, *, content_only: bool = False) -> list[str]:
    """Stems of the words of `text` that are not function words, in order (figures kept as
    tokens); with `content_only`, the ask's form words (FORM_WORDS) are left out too."""
    out: list[str] = []
    for word in _WORD.findall(_LIGHT_PHRASES.sub(" ", _prepare(text))):
        out.extend(_word_stems(word, content_only))
    return out


# « être » and « avoir » in the tenses STOP_WORDS leaves in (« sera », « soit », « aura »). Matching
# keeps them (its thresholds were set on scores that count them), but a report never marks them as
# what a passage shares with an ask: a plan's « sera » says nothing of what it does.
AUXILIARIES: frozenset[str] = frozenset(
    """
    suis es sommes etes etais etions etiez etant fus fut fumes furent serai seras sera serons serez
    seront serais serait serions seriez seraient sois soit soyons soyez soient fusse fussent
    avais avions aviez eus eut eurent aurai auras aura aurons aurez auront aurais aurait aurions
    auriez auraient aie aies ait ayons ayez aient eusse eussent ayant eue eues
    """.split()  # noqa: SIM905
)


def marked_tokens(text: str) -> list[str]:
    """`tokens(text, content_only=True)` less the forms of « être » and « avoir »: the words a report
    may mark as shared with another text."""
    return [
        stem
        for word in _WORD.findall(_LIGHT_PHRASES.sub(" ", _prepare(text)))
        if fold(word) not in AUXILIARIES
        for stem in _word_stems(word, True)
    ]


# Numbers written in words match the same numbers in figures (« moins de seize ans », « 16 ans »);
# « un », « une » are articles far more often than numbers, and stay words.
_COUNTS = {
    "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9, "dix": 10,
    "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16, "vingt": 20,
    "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60, "cent": 100, "mille": 1000,
}  # fmt: skip


@lru_cache(maxsize=200_000)
def _word_stems(word: str, content_only: bool) -> tuple[str, ...]:
    folded_word = fold(word)
    if "-" in folded_word and _HYPHENATED_NUMBER.match(folded_word):  # « dix-huit » → 18
        read = _number_words(folded_word)
        if read is not None and read[1] == folded_word:
            return (f"{read[0]:g}",)
    if folded_word in _COUNTS:
        return (str(_COUNTS[folded_word]),)
    parts = word.split("-") if not word[0].isdigit() else (word,)
    out = []
    for part in parts:
        if not part:
            continue
        folded = fold(part)
        if folded in STOP_WORDS or (content_only and folded in FORM_WORDS):
            continue
        out.append(stem(part))
    return tuple(out)


# --- sentences, passages and asks --------------------------------------------------------------

# A sentence ends at . ! ? ; or : followed by a space and an upper-case letter, a bullet or a figure.
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[«\"(A-ZÀ-ÖØ-Þ0-9•-])|(?<=:)\s+(?=[A-ZÀ-ÖØ-Þ•-])")
_MIN_CHARS = 12
# A full stop that ends an abbreviation, not a sentence: « article L. 316-1 », « art. 12 », « M. Dupont »,
# « cf. », « p. 4 »: an initial or a short abbreviation (« etc. » may end a sentence: not here).
_ABBREVIATION = re.compile(
    r"(?:(?<![\w'’])[A-ZÀ-ÖØ-Þ]|(?<![\w'’])(?i:art|arts|al|alin|cf|p|pp|ch|chap|vol|no|n°|mme|mmes|"
    r"mlle|mm|dr|pr|me|st|ste|cass|civ|crim|soc|req|ibid|op|cit|env|min|max|hab|tel|fig))\.$"
)


def _joined_abbreviations(pieces: list[str]) -> list[str]:
    out: list[str] = []
    for piece in pieces:
        if out and _ABBREVIATION.search(out[-1].rstrip()):
            out[-1] = f"{out[-1]} {piece}"
        else:
            out.append(piece)
    return out


def sentences(text: str) -> list[str]:
    """Sentences and bullet items of a text, in order, whitespace normalised."""
    out: list[str] = []
    for para in re.split(r"\n\s*\n", text):
        for item in BULLET_SPLIT.split(para):
            item = " ".join(item.split())
            if not item:
                continue
            for sent in _joined_abbreviations(_SENTENCE_END.split(item)):
                sent = sent.strip(" ;-–—")
                if len(sent) >= _MIN_CHARS:
                    out.append(sent)
                elif sent and out:
                    out[-1] = f"{out[-1]} {sent}"
                elif sent:
                    out.append(sent)
    return out


_NOT_INFINITIVE = frozenset(
    {"entre", "outre", "notre", "votre", "contre", "autre", "leur", "pour", "sur", "par"}
)


def is_ask(sentence: str) -> bool:
    """An ask: a sentence with a modal of obligation or wish, or one opening on an infinitive."""
    folded = fold(sentence).lstrip('•-–— "«')
    if ASK.search(folded):
        return True
    first = re.match(r"[a-z]+", folded)
    if first is None:
        return False
    word = first.group(0)
    return len(word) > 4 and word not in _NOT_INFINITIVE and word.endswith(("er", "ir", "re", "oir"))


# --- figures (for reasons.py) -------------------------------------------------------------------

# Number words: French compounds (« dix-huit », « vingt et un », « quatre-vingts ») are read by
# text2num, which knows the language's arithmetic; the few English words by this table.
_FRENCH_NUMBER_WORDS = (
    "zero|zéro|une?|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|"
    "seize|vingts?|trente|quarante|cinquante|soixante|cents?|mille"
)
_HYPHENATED_NUMBER = re.compile(rf"^(?:{_FRENCH_NUMBER_WORDS})(?:-(?:et-)?(?:{_FRENCH_NUMBER_WORDS}))+$")
_ENGLISH_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "ten": 10, "twelve": 12}
_NUMBER_WORDS = (
    rf"(?<![\w-])(?:{_FRENCH_NUMBER_WORDS})(?:(?:-et-|\s+et\s+|-|\s+)(?:{_FRENCH_NUMBER_WORDS}))*(?![\w-])|"
    r"(?<![\w-])(?:" + "|".join(_ENGLISH_NUMBER_WORDS) + r")(?![\w-])"
)
_DURATION_MONTHS = {"jour": 1 / 30, "jours": 1 / 30, "semaine": 0.25, "semaines": 0.25, "mois": 1.0,
                    "an": 12.0, "ans": 12.0, "annee": 12.0, "annees": 12.0, "year": 12.0, "years": 12.0,
                    "month": 1.0, "months": 1.0}  # fmt: skip
_FIGURE = re.compile(
    r"(?P<num>\d+(?:[ \u00a0\u202f]\d{3})*(?:[.,]\d+)?|" + _NUMBER_WORDS + r")"
    r"\s*(?P<pct>%|pour ?cent)?\s*(?P<unit>[^\W\d_]+)?",
    re.IGNORECASE,
)


def _number_words(words: str) -> tuple[float, str] | None:
    """(value, the words read) for the longest run of number words at the start of `words` that
    makes one number: « seize à dix-huit » is two, « deux et trois » too."""
    english = _ENGLISH_NUMBER_WORDS.get(words.lower())
    if english is not None:
        return float(english), words
    parts = re.split(r"(-et-|\s+et\s+|-|\s+)", words)  # words at even places, joints at odd ones
    for end in range(len(parts), 0, -2):
        run = "".join(parts[:end])
        try:
            return float(text2num(run.lower(), "fr")), run
        except ValueError:
            continue
    return None


_YEAR = re.compile(r"^(19|20)\d\d$")
_ARTICLE_UNITS = frozenset({"des", "de", "du", "la", "le", "les", "l", "d", "et", "ou", "a"})


_TIME_LIMIT = re.compile(
    r"(?:delai|sous|d'ici|au plus tard|en moins de|dans(?: les| un| une)?)\s*(?:de |d')?\s*$"
)


# Sums of money, however the plan prints them (« 2 M€ », « 2 millions d'euros », « 2 000 000 € »,
# « 500 k€ »): compared in euros.
_MONEY = re.compile(
    r"\s*(?:(?P<scale>millions?|milliards?|md|m|k)\s*(?:€|d['’]\s*euros?|euros?|eur\b)|€|euros?\b|eur\b)",
    re.IGNORECASE,
)
_MONEY_SCALE = {
    "k": 1e3,
    "m": 1e6,
    "million": 1e6,
    "millions": 1e6,
    "md": 1e9,
    "milliard": 1e9,
    "milliards": 1e9,
}


def figures(text: str) -> list[tuple[float, str, str]]:
    """Quantities in a text: (value, unit, as written). Durations are converted to months; years
    (« 2016 »), article numbers (« article 6 ») and the article « un/une » alone are left out."""
    out: list[tuple[float, str, str]] = []
    plain = unicodedata.normalize("NFKC", text.translate(_NOTE_CALLS)).translate(_LIGATURES)
    pos = 0
    while (m := _FIGURE.search(plain, pos)) is not None:
        pos = m.end()
        raw_num = m.group("num")
        unit = fold(m.group("unit") or "")
        start = m.start()
        before = fold(plain[max(0, start - 12) : start])
        if raw_num[0].isdigit():
            digits = re.sub(r"[ \u00a0\u202f]", "", raw_num).replace(",", ".")
            try:
                value = float(digits)
            except ValueError:
                continue
            if _YEAR.match(digits) or re.search(r"(article|art\.|loi n|n°|no)\s*$", before):
                continue
            if re.match(r"^\d+-\d", plain[start : start + 12]):  # code article « 225-4-1 »
                continue
        else:
            read = _number_words(raw_num)
            if read is None:
                continue
            value, words = read
            if words != raw_num:
                # Only the first words make one number (« deux et trois jours »): read on after them.
                pos = m.start() + len(words)
                continue
            # « un/une » is mostly an article: keep it only before a duration word.
            if value == 1 and unit not in _DURATION_MONTHS:
                continue
            if unit in _ARTICLE_UNITS or not unit:
                continue
        money = None if m.group("pct") else _MONEY.match(plain, m.end("num"))
        if money is not None:
            scale = _MONEY_SCALE.get((money.group("scale") or "").lower(), 1.0)
            out.append((value * scale, "€", plain[m.start() : money.end()].strip()))
            pos = money.end()
        elif m.group("pct"):
            out.append((value, "%", plain[m.start() : m.end("pct")]))
        elif unit in _DURATION_MONTHS:
            # A time limit (« dans un délai d'un mois », « sous six mois ») is not the length of a
            # right (« un titre de six mois »): the two are never compared.
            kind = "mois-delai" if _TIME_LIMIT.search(before) else "mois"
            out.append((value * _DURATION_MONTHS[unit], kind, m.group(0).strip()))
        elif unit and unit not in _ARTICLE_UNITS:
            out.append((value, stem(unit), m.group(0).strip()))
    return out
