"""Scope changes: the ask wanted all forms, the whole territory, no condition, a real say, full
funding or all of something; the next plan keeps to one form, some places, an experiment, a
condition, a consultation, a call for projects or a share."""

from __future__ import annotations

import re
from typing import Literal

from plancompare.judge.quoting import NEGATED, quote, quoted_reason
from plancompare.models import Reason
from plancompare.text.normalise import fold
from plancompare.text.patterns import ONE_FORM, whole_words

# --- scope ---------------------------------------------------------------------------------------

ALL_FORMS = re.compile(
    r"\b(toutes? (?:les )?formes?|toute forme|chaque forme|chacune des formes|"
    r"(?:les )?differents types (?:de traite|d'exploitation)|tous les types (?:de traite|d'exploitation)|"
    r"quelle que soit (?:la|leur) forme|sous toutes ses formes|"
    r"differentes formes|autres formes|all forms)\b"
)


# What a law already gives, named inside the sentence that extends it (« l'identification …, ouverte
# par la loi du 13 avril 2016 aux victimes d'exploitation sexuelle …, sera étendue … »): the state of
# things, not what the plan gives, so not where the form the plan keeps to is read.
_ALREADY_GIVEN = re.compile(
    r"\b(?:ouverte?s?|prevue?s?|creee?s?|instituee?s?|introduite?s?|reservee?s?) (?:par|depuis) "
    r"(?:la |le |l'|une |un )?(?:loi|article|decret|ordonnance|code)\b"
    # to the end of the clause: a comma, or the sentence's own verb (« … créé par la loi du 13 avril
    # 2016 est complété par … »)
    r"[^,;:()]*?(?=[,;:()]|\s(?:est|sont|sera|seront|a|ont|reste|restera|demeure)\b|$)"
)


def _given_now(folded: str) -> str:
    """`folded` with what a law already gives blanked out, its length kept (quotes are read from it)."""
    return _ALREADY_GIVEN.sub(lambda m: " " * len(m.group()), folded)


def scope_reasons(ask: str, passage: str) -> list[Reason]:
    """All forms of trafficking asked, one form given."""
    wide = ALL_FORMS.search(fold(ask))
    if wide is None:
        return []
    folded = _given_now(fold(passage))
    if ALL_FORMS.search(folded):
        return []
    forms = {m.group(1) for m in ONE_FORM.finditer(folded)}
    if not 1 <= len(forms) <= 2:  # three forms or more listed: the passage is broad, not narrowed
        return []
    narrow = ONE_FORM.search(folded)
    assert narrow is not None
    return quoted_reason(
        "scope",
        ask,
        wide,
        passage,
        narrow,
        "all forms of trafficking were asked; the next plan names only some",
    )


# Courts chosen by where they sit: « le parquet de chaque tribunal situé au siège d'une cour d'appel ».
_COURT_SEAT = r"(?:situe(?:e|s|es)? )?au siege d(?:e|')\s?(?:la|une|chaque)? ?cour d'appel"
# Where: the whole territory asked (« systématiquement »: in every case, so everywhere), some places given.
_EVERYWHERE = re.compile(
    r"\b(tout le territoire|l'ensemble du territoire|territoire national|"
    # « chaque département métropolitain » is not every one: the overseas ones are left out.
    r"chaque (?:departement|region|ville)(?! metropolitain)|tous les departements(?! metropolitain)|"
    r"toutes les regions(?! metropolitaines)|partout|dans toute la france|sur tout le territoire|"
    r"systemati\w*|nationwide|every (?:region|county))\b"
)
_SOME_PLACES = re.compile(
    r"\b((?:dans|sur) (?:(?:les|ces) )?(?:un|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quinze|vingt|"
    r"trente|quarante|cinquante|quelques|certains|plusieurs|\d+) "
    r"(?:departements|regions|sites|villes|territoires|ressorts)|"
    # « Dans ces départements » (those a restriction named), « dans les autres départements ».
    r"dans (?:ces|les autres) (?:departements|regions|territoires|ressorts)|" + _COURT_SEAT + r"|"
    r"(?:un|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|\d+) (?:centres|sites|poles|plateformes) regionaux|"
    r"(?:centres?|poles?|plateformes?|referents?) regiona\w*|"
    r"(?:la|les) ou les besoins|departements? pilotes?|sites? pilotes?|in (?:a few|some|\d+) regions|"
    # « Dans les départements où le nombre de victimes le justifie »: only those.
    r"(?:dans|pour) (?:les|ceux des) (?:departements|regions|territoires|villes|ressorts) (?:ou|dont|qui)|"
    # Mainland France only: the overseas territories are left out.
    r"(?:departements?|regions?|territoires?) metropolitain\w*|en (?:france )?metropol\w*|dans l'hexagone)\b"
)
# On what terms: unconditionally or systematically asked, on a condition given.
_UNCONDITIONAL = re.compile(
    r"\b(sans condition\w*|sans (?:aucune|autre) condition|inconditionnel\w*|systemati\w*|automatique\w*|"
    r"de plein droit|quelle que soit|qu'elles? (?:aie|soie)nt|unconditional\w*|automatic\w*|"
    # Every case: « toute situation individuelle fasse l'objet d'une évaluation ».
    r"toute situation|chaque situation|dans tous les cas|chaque cas|in every case|"
    r"ne (?:doi\w*|devr\w*) (?:pas|plus) etre (?:conditionn|subordonn)\w*)\b"
)
_CONDITION = re.compile(
    r"\b(sous reserve (?:de|d'|que)|a condition (?:de|d'|que)|"
    r"(?:a|aux) (?:la )?(?:seule?s? )?(?:victimes?|personnes?) qui|subordonn\w* a|conditionn\w* (?:a|par)|"
    r"d'au moins (?:un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quinze|vingt|trente|\d+) |"
    # « réservée aux structures gérant au moins cinq places »: a size set as a condition.
    r"au moins (?:deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quinze|vingt|trente|\d+) "
    r"(?:places|lits|salaries|agents|victimes|personnes)|"
    r"lorsque (?:la victime|la personne|l'interesse|celle-ci|celui-ci)|des lors qu(?:e|')|sur decision d\w*|"
    # Some cases only: « Lorsqu'un mineur est placé hors de son département, une évaluation… ».
    r"lorsqu'une? \w+ (?:est|sont|a|ont|fait|se trouve)[^,.;:]{0,60}|"
    # When the one who decides sees fit: « Lorsqu'il l'estime nécessaire, le préfet constitue… ».
    r"(?:lorsqu|s)'(?:il|elle|ils|elles) l'estim\w*(?: (?:necessaire|utile|opportun)\w*)?|"
    r"s'(?:il|elle|ils|elles) le jug\w*(?: (?:necessaire|utile|opportun)\w*)?|"
    r"lorsque (?:la situation|les circonstances) l(?:e|es) (?:justifi|exig|requi)\w*|en tant que de besoin|"
    # As far as places or means allow: « dans la limite des places disponibles ».
    r"dans la limite des (?:places|moyens|capacites|credits) disponibles|selon les disponibilites|"
    r"as (?:he|she|it|they) sees? fit|where (?:he|she|it|they) deems? (?:it )?necessary|"
    # « réservée aux établissements autorisés au titre de l'aide sociale »: only some may have it
    # (« places réservées aux victimes de la traite » are theirs: dedicated, not conditioned).
    # A size named after it is quoted instead (« réservée aux structures gérant au moins cinq places »).
    r"reservee?s? (?:aux|a des|au|a la|a l')(?! ?(?:seules? )?(?:victimes|personnes) (?!qui|ayant|dont))"
    r"(?![^.;]{0,40}\bau moins\b)|"
    r"a la discretion|apres avis|uniquement|seulement|exclusivement|provided that|only if|subject to|"
    # On request, or as the case may be: « sur demande », « si elles en font la demande », « selon les cas ».
    r"sur (?:simple )?demande|en font? la demande|a (?:leur|sa) demande|a la demande d(?:e|u|es)|"
    r"lorsque (?:cela est|c'est) possible|selon les (?:situations|cas|besoins)|si necessaire|au besoin|"
    r"on request|where possible)\b"
)


def asked_given(
    ask: str,
    passage: str,
    wide_re: re.Pattern[str],
    narrow_re: re.Pattern[str],
    detail: str,
    code: Literal["scope", "modality"] = "scope",
    *,
    both: bool = False,
) -> list[Reason]:
    """`wide_re` in the ask and not in the passage (unless `both`: the narrowing qualifies the same
    word, « financés … sur appel à projets »), `narrow_re` (not negated) in the passage."""
    folded_ask, folded_passage = fold(ask), fold(passage)
    wide = wide_re.search(folded_ask)
    if wide is None or (not both and wide_re.search(folded_passage)):
        return []
    narrowing = narrow_re.finditer(folded_passage)
    narrow = next((m for m in narrowing if not NEGATED.search(folded_passage[: m.start()])), None)
    if narrow is None:
        return []
    return quoted_reason(code, ask, wide, passage, narrow, detail)


def territory_reasons(ask: str, passage: str) -> list[Reason]:
    """The whole territory asked, some départements, regions or pilot sites given; or one in each
    département asked, one in each region given."""
    return asked_given(
        ask, passage, _EVERYWHERE, _SOME_PLACES, "the whole territory was asked; the next plan covers some"
    ) or asked_given(
        ask,
        passage,
        _EACH_DEPARTEMENT,
        _EACH_REGION,
        "one in each département was asked; the plan gives one per region",
    )


_EACH_DEPARTEMENT = whole_words(
    r"(?:dans )?chaque departement|tous les departements|in every (?:county|department)"
)
_EACH_REGION = whole_words(
    r"chaque region|toutes les regions|(?:centres?|poles?|consultations?|referents?|plateformes?) regiona\w*|"
    r"au niveau regional|par region|in every region"
)


def condition_reasons(ask: str, passage: str) -> list[Reason]:
    """An unconditional or systematic measure asked, a conditional one given; not when the condition
    names a body the ask names itself (« réservée aux établissements … (CHRS) » where the ask wants
    access « au sein des dispositifs existants (type CHRS) »)."""
    found = asked_given(
        ask, passage, _UNCONDITIONAL, _CONDITION, "it was asked without conditions; the next plan sets one"
    )
    if found and found[0].next is not None:
        at = passage.find(found[0].next)
        after = CLAUSE_END.split(passage[at + len(found[0].next) :], maxsplit=1)[0] if at >= 0 else ""
        if set(_ACRONYM.findall(after)) & set(_ACRONYM.findall(ask)):
            return []
    return found


# The rest of the clause a condition opens, and the acronyms that name bodies in it.
CLAUSE_END = re.compile(r"[,;.:]")
_ACRONYM = re.compile(r"\b[A-Z][A-Z0-9]{1,}\b")


# Involvement asked (« étroitement associées », « impliquer », « co-construire »), consultation given.
INVOLVED = whole_words(
    r"associe(?:e|es|s)?|associer|implique\w*|impliquer|participe\w*|participation|co-?constru\w*|"
    r"co-?elabor\w*|sieg\w*|(?:plus de|un|davantage de) role|cooperations? avec|membres? d(?:u|e|es)|"
    r"involve\w*|take part"
)
_CONSULTED = whole_words(
    r"consult\w*|seront informe\w*|sera informe\w*|a titre consultatif|avis consultatif|pour avis|"
    # Heard when the body sees fit: « pourront être entendues par la cellule », « auditionnées ».
    r"auditionne\w*|entendue?s? par|"
    r"consulted|informed"
)
# Funding asked, a call for projects, co-funding or constant means given.
_FUNDING = whole_words(r"financ\w*|budget\w*|moyens|credits|funding|funded")
_FUNDED_LESS = whole_words(
    r"appels? a projets|cofinanc\w*|co-financ\w*|a moyens constants|dans la limite des credits\w*|"
    r"sans cout supplementaire|par redeploiement|call for projects|co-funded|within existing resources|"
    # Nothing paid: « apportent leur concours sans contrepartie financière », « à titre gracieux ».
    r"sans (?:aucune )?contrepartie(?: financiere)?|sans (?:aucun )?financement\w*|a titre gracieux|"
    r"a titre benevole|without (?:any )?(?:funding|payment)"
)
# All of something asked, a share of it given.
_ALL_OF = whole_words(r"integralite|totalite|l'ensemble des|tou(?:s|tes) les|all of the|the whole|all")
_SHARE_OF = whole_words(
    r"une (?:part|partie|fraction|quote-part)|a hauteur de|"
    # A ceiling: « dans la limite de 5 M€ par an », « plafonné à ».
    r"dans la limite d(?:e|u|'un|'une) (?!credits)|plafonnee?s? a|dans la limite d'un plafond|"
    r"(?:la moitie|un tiers|un quart|(?!100\b)\d+ ?%) d(?:es|u|e la)|a share|part of|half of"
)


def involvement_reasons(ask: str, passage: str) -> list[Reason]:
    """Being involved or associated asked; being consulted or informed given."""
    return asked_given(
        ask, passage, INVOLVED, _CONSULTED, "involvement was asked; the next plan consults", code="modality"
    )


def funding_reasons(ask: str, passage: str) -> list[Reason]:
    """Funding asked; a call for projects, co-funding or constant means given."""
    return asked_given(
        ask,
        passage,
        _FUNDING,
        _FUNDED_LESS,
        "funding was asked; the plan funds it less",
        code="modality",
        both=True,
    )


def share_reasons(ask: str, passage: str) -> list[Reason]:
    """All of something asked; a share of it given."""
    return asked_given(ask, passage, _ALL_OF, _SHARE_OF, "all of it was asked; the next plan gives a share")


# « dans les pays les plus concernés »: a superlative that keeps a measure to a chosen few.
_MOST_AFFECTED = re.compile(
    r"\b(les plus (?:concerne|expose|touche|vulnerable|affecte)(?:e|s|es)?|"
    # « prioritairement pour les mineurs dépourvus de représentant »: some of them first.
    r"prioritairement (?:pour|aux?|a|dans)|en priorite (?:pour|aux?|a|dans) (?:les |la |l')?|"
    r"most (?:affected|exposed|concerned))\b"
)


# Languages: information « en plusieurs langues » asked, two or three named languages given.
_MANY_LANGUAGES = re.compile(
    r"\b((?:plusieurs|differentes|diverses|toutes les|de nombreuses) langues|multilingue\w*|"
    r"langues? (?:des victimes|des pays|maternelles?|d'origine)|(?:several|many) languages)\b"
)
_LANGUAGE_NAMES = (
    "francais anglais espagnol portugais arabe chinois mandarin roumain bulgare albanais russe "
    "ukrainien nigerian pidgin tigrinya somali dari pachto ourdou vietnamien tagalog"
)
_NAMED_LANGUAGE = re.compile(rf"\ben ({'|'.join(_LANGUAGE_NAMES.split())})\b")


def language_reasons(ask: str, passage: str) -> list[Reason]:
    """Many languages asked (« en plusieurs langues »); the passage names a few and no more."""
    wide = _MANY_LANGUAGES.search(fold(ask))
    folded = fold(passage)
    if wide is None or _MANY_LANGUAGES.search(folded) or re.search(r"\blangues\b", folded):
        return []
    named = list(_NAMED_LANGUAGE.finditer(folded))
    if not 1 <= len(named) <= 3:
        return []
    start, end = named[0].start(), named[-1].end()
    return [
        Reason(
            code="scope",
            base=quote(ask, wide.start(), wide.end()),
            next=quote(passage, start, end),
            detail="many languages were asked; the next plan names a few",
        )
    ]


def selection_reasons(ask: str, passage: str) -> list[Reason]:
    """The passage keeps to « les plus concernés » (exposés, touchés ...) where the ask set no such
    limit: a narrower reach, whatever words the ask used for the whole."""
    if _MOST_AFFECTED.search(fold(ask)):
        return []
    return _kept_to(passage, _MOST_AFFECTED, "the next plan keeps it to the most affected")


def _kept_to(passage: str, limit: re.Pattern[str], detail: str) -> list[Reason]:
    """A scope reason quoting the first match of `limit` in `passage` that no negation governs (a time
    limit holds after a negation too)."""
    folded = fold(passage)
    found = next(
        (
            m
            for m in limit.finditer(folded)
            if _FOR_A_WHILE.match(m.group()) or not NEGATED.search(folded[: m.start()])
        ),
        None,
    )
    if found is None:
        return []
    return [Reason(code="scope", base=None, next=quote(passage, found.start(), found.end()), detail=detail)]


# « Aucune condition n'est exigée pendant les trois premiers mois »: the negation governs the verb; the
# time limit still holds (the condition comes back after three months).
_FOR_A_WHILE = re.compile(r"(?:pendant|durant|lors|pour|au cours) ")

_COUNT = (
    r"(?:un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|douze|quinze|vingt|trente|quarante|"
    r"cinquante|\d+)"
)
# A plan's ways of keeping a measure to a few: an experiment, pilot sites, a handful of places
# (« dans deux pays d'origine », « les consulats des dix principaux pays »), case by case.
_LIMITED = re.compile(
    r"\b(a titre experimental|experimentation|experimentee?s?|prefigur\w*|"
    r"(?:sites?|departements?|regions?|territoires?) "
    # « des deux pays », « aux deux pays », « dans les deux pays »: both countries, no limit.
    r"pilotes?|(?:(?:dans|sur) (?:(?:les|ces) (?!deux pays))?|(?:des|aux) (?!deux pays)|"
    # A government of its own few: « les consulats de nos douze principaux pays d'origine ».
    r"(?:(?:de|dans|sur) )?(?:nos|leurs|ses) (?!deux pays))" + _COUNT + r" (?:premiers? |principaux |)"
    r"(?:departements|regions|pays|villes|sites|consulats|postes (?:consulaires|diplomatiques)|parquets|"
    r"tribunaux|territoires|ressorts|academies|metropoles|juridictions|centres)|"
    r"au cas par cas|par derogation|" + _COURT_SEAT + r"|"
    # A pilot, some or a dozen places, those that volunteer, the big cities.
    r"a titre pilote|en (?:mode|phase) pilote|"
    # The courts of appeal's prosecution offices, the specialised interregional courts: a few seats.
    r"parquets? generaux|(?:chaque|un|le) parquet general|juridictions interregionales specialisees|jirs|"
    # « étendu à cinq nouveaux départements »: some more places, not all.
    r"(?:etendue?s?|elargie?s?|deploye\w*) (?:a|dans|sur) " + _COUNT + r" (?:nouveaux |nouvelles |autres )?"
    r"(?:departements|regions|villes|sites|territoires|juridictions|parquets|academies|metropoles)|"
    r"(?:dans|sur|pour) (?:certain(?:e)?s|quelques|plusieurs|une (?:dizaine|quinzaine|vingtaine|trentaine)"
    r" d(?:e|es)) (?:departements|regions|villes|sites|territoires|juridictions|parquets|tribunaux|"
    r"academies|metropoles|communes|ressorts)|"
    r"(?:departements|regions|territoires|collectivites|structures|etablissements|academies|juridictions|"
    r"communes|villes) (?:volontaires|qui le souhaitent|qui se porteront volontaires)|"
    r"(?:dans|pour) les grandes (?:agglomerations|villes|metropoles)|"
    # First in some places, the rest left to a later decision: « d'abord dans les préfectures de… »,
    # « nous déciderons de son extension après évaluation ».
    r"d'abord (?:dans|en|sur|aupres) |"
    r"(?:decid|statu|envisag|examin)\w* (?:de |sur )?(?:son|sa|leur) (?:extension|generalisation)|"
    r"(?:extension|generalisation) (?:sera |seront )?(?:decidee?|envisagee?|examinee?|etudiee?) "
    r"(?:apres|au vu|a l'issue)|"
    # A few places as the subject: « Vingt départements réservent des places… ».
    r"^\W*" + _COUNT + r" (?:departements|regions|villes|sites|metropoles|academies|juridictions) |"
    # Only for a while: « pendant les trois premiers mois », « lors des trois premières consultations ».
    r"(?:pendant|durant|lors|pour|au cours) (?:les|des|de ses|de leurs) " + _COUNT + r" premi(?:ers|eres) "
    r"(?:mois|jours|semaines|annees|consultations|seances|entretiens|rendez-vous)|"
    r"in (?:a few|some|\d+) (?:regions|countries))\b"
)


# One region named: a limit unless the ask names it too (« foyers d'urgence en Ile de France »), which
# leaves the ask's other limits to be read (« à titre expérimental en Île-de-France »).
_REGION = re.compile(r"\b(?:en|d') ?(?:ile[- ]de[- ]france|region parisienne)\b")
_LIMITED_DETAIL = "the next plan keeps it to an experiment, a few places or a case-by-case basis"


def limited_reasons(ask: str, passage: str) -> list[Reason]:
    """The next plan keeps to an experiment, a few places or a case-by-case basis where the ask set
    no such limit (an ask is general unless it says otherwise)."""
    folded = fold(ask)
    if _LIMITED.search(folded):
        return []
    found = _kept_to(passage, _LIMITED, _LIMITED_DETAIL)
    if found or _REGION.search(folded):
        return found
    return _kept_to(passage, _REGION, _LIMITED_DETAIL)
