"""Why a matched ask counts as changed: a figure, the modality, the actor, the scope.

Each detector compares the proposal's ask with the next plan's passage that answers it and returns
`Reason`s quoting the words of both sides, so a reader can check them.
"""

from __future__ import annotations

import re
from typing import Literal

from plancompare.models import Measure, Reason
from plancompare.text.normalise import figures, fold, stem, words
from plancompare.text.patterns import whole_words

# --- figures -------------------------------------------------------------------------------------


def _fmt(value: float) -> str:
    return f"{value:g}"


def figure_reasons(ask: str, passage: str) -> list[Reason]:
    """Same unit, another value: « six mois » → « un an », « 50 postes » → « 30 postes »."""
    theirs = figures(passage)
    out: list[Reason] = []
    for value, unit, raw in figures(ask):
        same_unit = [(v, r) for v, u, r in theirs if u == unit]
        if not same_unit or any(abs(v - value) < 1e-9 for v, _ in same_unit):
            continue
        other_value, other_raw = same_unit[0]
        detail = f"{_fmt(value)} → {_fmt(other_value)}" + (" (months)" if unit == "mois" else "")
        out.append(Reason(code="figure", base=raw, next=other_raw, detail=detail))
        break  # one figure reason says enough; the passage is quoted in the match
    return out


# --- modality ------------------------------------------------------------------------------------

_STRONG = re.compile(
    r"\b(ne (?:peu[tv]\w*|doi\w*) (?:pas |plus )?(?:etre|plus)|doi[st]|doivent|devr(?:a|ont|ait|aient)|"
    r"il faut|faudrait|obligatoire\w*|obligation|"
    r"systemati\w*|tou(?:s|tes) les|chaque|generalis\w*|imperati\w*|automatique\w*|de plein droit|"
    r"must|shall|all|every|systematic\w*|mandatory)\b"
)
_WEAK = re.compile(
    r"\b(pourr(?:a|ont|ait|aient)|peu(?:t|vent) etre|le cas echeant|a titre experimental|"
    r"experiment\w*|etudi(?:er|era|eront)|une etude|(?:engager|mener|conduire|ouvrir) une reflexion|"
    r"une reflexion sera|groupe de reflexion|envisag\w*|site[s]? pilote[s]?|"
    r"dans (?:un|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|\d+) (?:departements|regions|sites|villes)|"
    r"si possible|dans (?:toute )?la mesure du possible|au cas par cas|progressivement|"
    r"may|might|could|pilot|where appropriate|case by case)\b"
)
# « ne pourra ... sans », « aucun ... ne pourra »: a negated possibility is a constraint, not a weakening.
_NEGATED = re.compile(r"(?:\bne\b|\bn'|\baucun\w*|\bjamais\b)[^.;:]{0,30}$")


# An ask that itself asks for a possibility (« donner la possibilité de ») is met by a « pourra ».
# « doivent pouvoir bénéficier » is an obligation (« must be able to »), not such an ask.
_ASKS_POSSIBILITY = re.compile(
    r"\b(possibilit\w*|(?<!doit )(?<!doivent )(?<!devrait )(?<!devraient )(?<!devront )(?<!devra )pouvoir|"
    r"pourr\w*|peu(?:t|vent)|faculte|option)\b"
)


def modality_reasons(ask: str, passage: str) -> list[Reason]:
    """An obligation asked, a possibility or an experiment given."""
    folded_ask = fold(ask)
    strong = _STRONG.search(folded_ask) or _ASK_WORD.search(folded_ask)
    folded_passage = fold(passage)
    weak = next(
        (m for m in _WEAK.finditer(folded_passage) if not _NEGATED.search(folded_passage[: m.start()])), None
    )
    if strong is None or weak is None:
        return []
    if weak.group(1).startswith(("pourr", "peu")) and _ASKS_POSSIBILITY.search(folded_ask):
        return []
    return _quoted_reason(
        "modality",
        ask,
        strong,
        passage,
        weak,
        "an obligation was asked; the next plan gives a possibility, a study or an experiment",
    )


_ASK_WORD = re.compile(r"\b(il faut|necessaire|indispensable|souhaite\w*|demande\w*|devrai\w*)\b")


def _quoted_reason(
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
            base=_quote(ask, asked.start(), asked.end()),
            next=_quote(passage, given.start(), given.end()),
            detail=detail,
        )
    ]


def _quote(text: str, start: int, end: int) -> str:
    """The original words of `text` at the folded span [start, end) (folding keeps positions except
    for ligatures, so fall back on a word search)."""
    folded = fold(text)
    if len(folded) == len(text):
        return text[start:end]
    target = folded[start:end]
    for w_start in range(len(text)):
        if fold(text[w_start : w_start + len(target) + 2]).startswith(target):
            return text[w_start : w_start + len(target)]
    return target


# --- actors --------------------------------------------------------------------------------------

# Bodies that French plans name as responsible (generic public actors, not one plan's list).
ACTORS: dict[str, str] = {
    r"associations?": "associations",
    r"miprof": "MIPROF",
    r"prefe(?:t|ts|ture|tures|ctoral)": "préfet",
    r"inspect(?:eurs?|ion) du travail": "inspection du travail",
    r"parquets?|procureurs?": "parquet",
    r"magistrats?|magistrature|juges?|juridictions?": "magistrats",
    r"police|gendarmerie|services d.enquete|enqueteurs?|forces de l.ordre|ocrteh|oclti": "police",
    r"ofpra|cnda": "OFPRA",
    r"ofii": "OFII",
    r"aide sociale a l.enfance|ase|conseils? departementa\w*|departements": "départements (ASE)",
    r"collectivites territoriales|communes|maires?": "collectivités",
    r"education nationale|ecoles?|etablissements scolaires|enseignants?|professeurs?": "éducation nationale",
    r"agences? regionales? de sante|ars|hopita\w*": "santé",
    r"douanes?": "douanes",
    r"ambassades?|consula\w*|ministere des affaires etrangeres": "affaires étrangères",
    r"entreprises?|employeurs?": "entreprises",
    r"siao|115": "SIAO",
}
_ACTOR_RES = [(re.compile(rf"\b(?:{pattern})\b"), name) for pattern, name in ACTORS.items()]


def actors(text: str) -> dict[str, str]:
    """Actor name → the words that named it."""
    folded = fold(text)
    found: dict[str, str] = {}
    for regex, name in _ACTOR_RES:
        m = regex.search(folded)
        if m and name not in found:
            found[name] = _quote(text, m.start(), m.end())
    return found


def actor_reasons(ask: str, passage: str, measure: Measure | None = None) -> list[Reason]:
    """The ask gives a task to one actor; the passage (and the measure's pilots) to others only."""
    asked = actors(ask)
    given = actors(passage)
    if not asked or not given:
        return []
    named_by_measure: set[str] = set()
    if measure is not None:
        for resp in measure.responsible:
            named_by_measure |= set(actors(resp.text))
    if set(asked) & (set(given) | named_by_measure):
        return []
    return [
        Reason(
            code="actor",
            base=", ".join(asked.values()),
            next=", ".join(given.values()),
            detail="the next plan gives it to another body",
        )
    ]


# --- scope ---------------------------------------------------------------------------------------

_ALL_FORMS = re.compile(
    r"\b(toutes? (?:les )?formes?|toute forme|quelle que soit (?:la|leur) forme|sous toutes ses formes|"
    r"differentes formes|autres formes|all forms)\b"
)
_ONE_FORM = re.compile(
    r"\b(exploitation sexuelle|prostitution\w*|proxenetisme|travail force|exploitation par le travail|"
    r"servitude domestique|mendicite forcee|contrainte a commettre des delits|prelevement d.organes|"
    r"sexual exploitation|forced labour)\b"
)


def scope_reasons(ask: str, passage: str) -> list[Reason]:
    """All forms of trafficking asked, one form given."""
    wide = _ALL_FORMS.search(fold(ask))
    if wide is None:
        return []
    folded = fold(passage)
    if _ALL_FORMS.search(folded):
        return []
    forms = {m.group(1) for m in _ONE_FORM.finditer(folded)}
    if not 1 <= len(forms) <= 2:  # three forms or more listed: the passage is broad, not narrowed
        return []
    narrow = _ONE_FORM.search(folded)
    assert narrow is not None
    return _quoted_reason(
        "scope",
        ask,
        wide,
        passage,
        narrow,
        "all forms of trafficking were asked; the next plan names only some",
    )


# Where: the whole territory asked, some places given.
_EVERYWHERE = re.compile(
    r"\b(tout le territoire|l'ensemble du territoire|territoire national|chaque (?:departement|region|ville)|"
    r"tous les departements|toutes les regions|partout|dans toute la france|sur tout le territoire|"
    r"nationwide|every (?:region|county))\b"
)
_SOME_PLACES = re.compile(
    r"\b((?:dans|sur) (?:un|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quelques|certains|plusieurs|\d+) "
    r"(?:departements|regions|sites|villes|territoires|ressorts)|"
    r"(?:un|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|\d+) (?:centres|sites|poles|plateformes) regionaux|"
    r"(?:centres|poles|plateformes|referents?) regiona\w*|"
    r"(?:la|les) ou les besoins|departements? pilotes?|sites? pilotes?|in (?:a few|some|\d+) regions)\b"
)
# On what terms: unconditionally or systematically asked, on a condition given.
_UNCONDITIONAL = re.compile(
    r"\b(sans condition\w*|sans (?:aucune|autre) condition|inconditionnel\w*|systemati\w*|automatique\w*|"
    r"de plein droit|quelle que soit|qu'elles? (?:aie|soie)nt|unconditional\w*|automatic\w*)\b"
)
_CONDITION = re.compile(
    r"\b(sous reserve (?:de|d'|que)|a condition (?:de|d'|que)|"
    r"(?:a|aux) (?:la )?(?:seule?s? )?(?:victimes?|personnes?) qui|"
    r"lorsque (?:la victime|la personne|l'interesse|celle-ci|celui-ci)|des lors qu(?:e|')|sur decision d\w*|"
    r"a la discretion|apres avis|uniquement|seulement|exclusivement|provided that|only if|subject to)\b"
)


def _asked_given(
    ask: str,
    passage: str,
    wide_re: re.Pattern[str],
    narrow_re: re.Pattern[str],
    detail: str,
    code: Literal["scope", "modality"] = "scope",
) -> list[Reason]:
    """`wide_re` in the ask and not in the passage, `narrow_re` (not negated) in the passage."""
    folded_ask, folded_passage = fold(ask), fold(passage)
    wide = wide_re.search(folded_ask)
    if wide is None or wide_re.search(folded_passage):
        return []
    narrowing = narrow_re.finditer(folded_passage)
    narrow = next((m for m in narrowing if not _NEGATED.search(folded_passage[: m.start()])), None)
    if narrow is None:
        return []
    return _quoted_reason(code, ask, wide, passage, narrow, detail)


def territory_reasons(ask: str, passage: str) -> list[Reason]:
    """The whole territory asked, some départements, regions or pilot sites given."""
    return _asked_given(
        ask, passage, _EVERYWHERE, _SOME_PLACES, "the whole territory was asked; the next plan covers some"
    )


def condition_reasons(ask: str, passage: str) -> list[Reason]:
    """An unconditional or systematic measure asked, a conditional one given."""
    return _asked_given(
        ask, passage, _UNCONDITIONAL, _CONDITION, "it was asked without conditions; the next plan sets one"
    )


# Involvement asked (« étroitement associées », « impliquer », « co-construire »), consultation given.
_INVOLVED = whole_words(
    r"associe(?:e|es|s)?|associer|implique\w*|impliquer|participe\w*|participation|co-?constru\w*|"
    r"co-?elabor\w*|sieg\w*|involve\w*|take part"
)
_CONSULTED = whole_words(
    r"consult\w*|seront informe\w*|sera informe\w*|a titre consultatif|avis consultatif|"
    r"consulted|informed"
)
# Funding asked, a call for projects, co-funding or constant means given.
_FUNDING = whole_words(r"financ\w*|budget\w*|moyens|credits|funding|funded")
_FUNDED_LESS = whole_words(
    r"appels? a projets|cofinanc\w*|co-financ\w*|a moyens constants|dans la limite des credits\w*|"
    r"sans cout supplementaire|par redeploiement|call for projects|co-funded|within existing resources"
)
# All of something asked, a share of it given.
_ALL_OF = whole_words(r"integralite|totalite|l'ensemble des|all of the|the whole")
_SHARE_OF = whole_words(r"une (?:part|partie|fraction|quote-part)|a hauteur de|a share|part of")


def involvement_reasons(ask: str, passage: str) -> list[Reason]:
    """Being involved or associated asked; being consulted or informed given."""
    return _asked_given(
        ask, passage, _INVOLVED, _CONSULTED, "involvement was asked; the next plan consults", code="modality"
    )


def funding_reasons(ask: str, passage: str) -> list[Reason]:
    """Funding asked; a call for projects, co-funding or constant means given."""
    return _asked_given(
        ask, passage, _FUNDING, _FUNDED_LESS, "funding was asked; the plan funds it less", code="modality"
    )


def share_reasons(ask: str, passage: str) -> list[Reason]:
    """All of something asked; a share of it given."""
    return _asked_given(ask, passage, _ALL_OF, _SHARE_OF, "all of it was asked; the next plan gives a share")


# « dans les pays les plus concernés »: a superlative that keeps a measure to a chosen few.
_MOST_AFFECTED = re.compile(
    r"\b(les plus (?:concerne|expose|touche|vulnerable|affecte)(?:e|s|es)?|"
    r"most (?:affected|exposed|concerned))\b"
)


def selection_reasons(ask: str, passage: str) -> list[Reason]:
    """The passage keeps to « les plus concernés » (exposés, touchés ...) where the ask set no such
    limit: a narrower reach, whatever words the ask used for the whole."""
    folded_ask, folded_passage = fold(ask), fold(passage)
    if _MOST_AFFECTED.search(folded_ask):
        return []
    found = _MOST_AFFECTED.search(folded_passage)
    if found is None or _NEGATED.search(folded_passage[: found.start()]):
        return []
    return [
        Reason(
            code="scope",
            base=None,
            next=_quote(passage, found.start(), found.end()),
            detail="the next plan keeps it to the most affected",
        )
    ]


_COUNT = (
    r"(?:un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|douze|quinze|vingt|trente|quarante|"
    r"cinquante|\d+)"
)
# A plan's ways of keeping a measure to a few: an experiment, pilot sites, a handful of places
# (« dans deux pays d'origine », « les consulats des dix principaux pays »), case by case.
_LIMITED = re.compile(
    r"\b(a titre experimental|experimentation|experimentee?s?|(?:sites?|departements?|regions?|territoires?) "
    r"pilotes?|(?:dans|sur|des|aux) " + _COUNT + r" (?:premiers? |principaux |)"
    r"(?:departements|regions|pays|villes|sites|consulats|parquets|tribunaux|territoires|ressorts|academies|"
    r"metropoles|juridictions|centres)|au cas par cas|par derogation|"
    r"in (?:a few|some|\d+) (?:regions|countries))\b"
)


def limited_reasons(ask: str, passage: str) -> list[Reason]:
    """The next plan keeps to an experiment, a few places or a case-by-case basis where the ask set
    no such limit (an ask is general unless it says otherwise)."""
    folded_ask, folded_passage = fold(ask), fold(passage)
    limits = _LIMITED.finditer(folded_passage)
    found = next((m for m in limits if not _NEGATED.search(folded_passage[: m.start()])), None)
    if found is None or _LIMITED.search(folded_ask):
        return []
    return [
        Reason(
            code="scope",
            base=None,
            next=_quote(passage, found.start(), found.end()),
            detail="the next plan keeps it to an experiment, a few places or a case-by-case basis",
        )
    ]


def change_reasons(ask: str, passage: str, measure: Measure | None = None) -> list[Reason]:
    scope = (
        scope_reasons(ask, passage)
        or territory_reasons(ask, passage)
        or condition_reasons(ask, passage)
        or share_reasons(ask, passage)
        or selection_reasons(ask, passage)
        or limited_reasons(ask, passage)
    )
    modality = (
        modality_reasons(ask, passage) or involvement_reasons(ask, passage) or funding_reasons(ask, passage)
    )
    return [
        *figure_reasons(ask, passage),
        *modality[:1],
        *actor_reasons(ask, passage, measure),
        *scope[:1],
    ]


# Forms of auxiliaries and light verbs (« soient », « mette », « s'agir », « mise en œuvre »), adverbs
# and prepositions (« parmi », « toujours »), and the words of « traite des êtres humains »: they
# still count in matching, but are not worth naming as words of the ask that the passage lacks.
_LIGHT_WORDS = frozenset(
    """
    soit soient sera seront serait seraient ait aient aura auront aurait auraient fait font fera feront
    ferait mette mettent met agir agit agissant oeuvre etre etres humains semble vu etant
    parmi aupres toujours souvent simplement seulement toutefois neanmoins cependant exemple aucun aucune
    """.split()  # noqa: SIM905
)


def surface_words(text: str, stems: tuple[str, ...], prefix: int) -> list[str]:
    """The words of `text` whose (cut) stems are in `stems`, in the order of `stems` (auxiliaries and
    light verbs left out)."""
    by_stem: dict[str, str] = {}
    for w in words(text):
        if fold(w) in _LIGHT_WORDS:
            continue
        key = stem(w)[:prefix] if w else ""
        by_stem.setdefault(key, w)
    return [by_stem[s] for s in stems if s in by_stem]
