"""The kind of thing asked and the kind given: initial or continuing training, trained people or
not, money or none, compulsory or offered, apart from something or within it. Each narrows what the
ask wanted without a word of modality or place (scope.py, reasons.py)."""

from __future__ import annotations

import re

from plancompare.judge.quoting import NEGATED, quote
from plancompare.judge.scope import asked_given
from plancompare.models import Measure, Reason
from plancompare.text.normalise import fold
from plancompare.text.patterns import whole_words

# --- initial or continuing training --------------------------------------------------------------

_INITIAL = whole_words(r"formations? initiales?|cursus|initial training")
_CONTINUING = whole_words(r"formations? continues?|continuing training|in-service training")


def training_reasons(ask: str, passage: str) -> list[Reason]:
    """Initial training asked (« des modules dans la formation initiale »), continuing training
    given, or the other way round: not the training the ask wanted."""
    return asked_given(
        ask,
        passage,
        _INITIAL,
        _CONTINUING,
        "initial training was asked; the next plan gives continuing training",
    ) or asked_given(
        ask,
        passage,
        _CONTINUING,
        _INITIAL,
        "continuing training was asked; the next plan gives initial training",
    )


# --- money ---------------------------------------------------------------------------------------

# Money asked for as something to create (« souhaitent recevoir des financements », « des budgets de
# formation devraient être prévus »); « les fonds alloués … » speaks of money that exists.
_MONEY_ASKED = re.compile(
    r"(?:\b(?:des|de|du|un|une|plus de|davantage de) |\bd')"
    r"(budgets?|financements?|credits|moyens financiers|fonds|subventions?|dotations?)\b|"
    r"\b(?:more |new |dedicated |specific )(funding|budgets?|grants?)\b"
)
_MONEY = whole_words(
    r"budget\w*|financ\w*|credits?|fonds|euros?|subvention\w*|dotation\w*|moyens|millions?|enveloppes?|"
    r"prise? en charge|prendra en charge|rembours\w*|gratuit\w*|funding|funded|grants?"
)


# « la transparence des financements », « l'intégralité des fonds récoltés »: money that exists, spoken of.
_OF_EXISTING = re.compile(
    r"\b(?:transparence|manque|integralite|totalite|part|montant|utilisation|gestion|repartition|suivi|"
    r"origine|etat|controle|evaluation|tracabilite|affectation|publication|liste|detail)s? $"
)


def money_reasons(ask: str, passage: str) -> list[Reason]:
    """Money asked (« recevoir des financements »); the passage speaks of none: what it gives is unpaid
    for, or paid from what exists."""
    folded, folded_ask = fold(passage), fold(ask)
    asked = next(
        (
            m
            for m in _MONEY_ASKED.finditer(folded_ask)
            if not NEGATED.search(folded_ask[: m.start()])
            and not _OF_EXISTING.search(folded_ask[: m.start()])
        ),
        None,
    )
    if asked is None or _MONEY.search(folded) or "€" in passage:
        return []
    start, end = asked.span(1) if asked.group(1) else asked.span(2)
    detail = "money was asked; the next plan gives none"
    return [Reason(code="scope", base=quote(ask, start, end), next=None, detail=detail)]


# --- compulsory or offered -----------------------------------------------------------------------

_COMPULSORY = whole_words(r"obligatoire\w*|obligation|impose(?:e|s|es|r)?|mandatory|compulsory")
_OFFERED = whole_words(
    r"(?:sera|seront|est|sont) (?:propose|offert)(?:e|s|es)?|sur la base du volontariat|a titre volontaire|"
    r"on a voluntary basis|will be offered"
)


# Offered to institutions, which may take it or leave it (« Module proposé aux écoles de service public
# pour leur formation initiale », « une charte sera proposée aux plateformes »).
_OFFERED_TO = whole_words(
    r"(?:propose|offert)(?:e|s|es)? (?:aux|a des|a l'ensemble des) "
    r"(?:ecoles|etablissements|organismes|instituts|universites|entreprises|employeurs|plateformes|sites|"
    r"organisations|federations|collectivites|communes|departements|regions|academies)"
)
# Asked to be built in, not offered: into a curriculum, a training, a system.
_BUILT_IN = whole_words(r"inclu\w*|integr\w*|dans (?:le cadre de )?la formation (?:initiale|continue)|cursus")


def offered_reasons(ask: str, passage: str) -> list[Reason]:
    """Something compulsory asked (« une formation obligatoire »), offered given (« une formation lui
    sera proposée »): those it is for may decline it. Likewise something asked to be built into a
    training (« Prévoir des modules … dans le cadre de la formation initiale »), offered to the schools
    given: each school decides."""
    return asked_given(
        ask,
        passage,
        _COMPULSORY,
        _OFFERED,
        "it was asked to be compulsory; the next plan offers it",
        "modality",
    ) or asked_given(
        ask,
        passage,
        _BUILT_IN,
        _OFFERED_TO,
        "it was asked to be built in; the next plan offers it to the institutions",
        "modality",
        both=True,
    )


# A training asked (« Prévoir des formations des services consulaires »), a resource left for them to
# use given (« un module en ligne est mis à la disposition des agents »): nobody is trained.
_TRAINING = whole_words(r"formations?|former|formee?s?|modules?|training")
_MADE_AVAILABLE = whole_words(
    r"mise?s? a (?:la )?disposition|en libre acces|accessibles? (?:a|aux|en ligne|sur)|made available|"
    r"available online"
)


# Where one commitment of a passage ends and the next begins: « d'intensifier la formation des
# psychiatres et de rendre accessibles aux victimes des consultations » makes two, and so does « la
# formation sera renforcée et des consultations seront ouvertes ».
_COMMITMENTS = re.compile(r"[;:.]|\bet (?:de|d'|des|les|la|le|l'|un|une)\b|\bainsi que\b|\band\b")


def available_reasons(ask: str, passage: str) -> list[Reason]:
    """Training asked, a resource made available given (« des supports accessibles aux
    professionnels », « un module de formation est mis à la disposition des agents »): those it is for
    may never use it. Training given in a commitment of its own, beside something else made available
    (consultations for the victims), is no such reason."""
    folded = fold(passage)
    parts = _COMMITMENTS.split(folded)
    if _TRAINING.search(folded) and not any(_TRAINING.search(p) and _MADE_AVAILABLE.search(p) for p in parts):
        return []
    detail = "training was asked; the next plan makes a resource available"
    return asked_given(ask, passage, _TRAINING, _MADE_AVAILABLE, detail, "modality", both=True)


# Those the ask names are to be trained (« des points de contact …, formés, au sein des consulats », « un
# référent … (avec une formation obligatoire …) »); the passage that answers the rest of the ask and
# has no word of training gives the role without the training. Read with its accent: folded, « formés »
# is « formes » (of trafficking). « Un comité formé de représentants » is made up of them, not trained.
_TRAINED = re.compile(
    r"\bformé(?:e|s|es)?\b(?!\s*(?:de|d'|d’|des|du)\b)|\bavec une formation\b|\btrained\b|"
    r"\bwith (?:compulsory |mandatory )?training\b"
)
# Awareness-raising counts as training here: a passage that gives it gives some.
_AWARENESS = whole_words(r"sensibilis\w*|awareness")


def untrained_reasons(ask: str, passage: str) -> list[Reason]:
    """The people or the role asked for are to be trained; the passage has no word of training."""
    trained = _TRAINED.search(ask.lower())
    folded = fold(passage)
    if trained is None or _TRAINING.search(folded) or _AWARENESS.search(folded):
        return []
    detail = "those it names were to be trained; the next plan trains nobody"
    return [Reason(code="scope", base=quote(ask, trained.start(), trained.end()), next=None, detail=detail)]


# A guide, a reflex sheet or a kit given where people were to be trained: reading is not training.
_TOOL = whole_words(
    r"guides?|fiches? reflexes?|fiches? pratiques?|kits?|outils?|plaquettes?|depliants?|affiches?|memento|"
    r"vade-mecum|toolkit|leaflets?"
)


def tool_reasons(ask: str, passage: str, measure: Measure | None) -> list[Reason]:
    """Training asked; the measure gives a guide, a sheet or a kit and trains nobody (no word of
    training in the passage nor anywhere in its measure)."""
    whole = f"{passage} {measure.title} {measure.text}" if measure is not None else passage
    if _TRAINING.search(fold(whole)):
        return []
    detail = "training was asked; the next plan gives a guide or a tool"
    return asked_given(ask, passage, _TRAINING, _TOOL, detail, "modality")


# One event where people were to be trained: « Une journée de formation sera organisée en 2037 », « Un
# séminaire national réunira en 2031 les professionnels ». A session held every year is training.
_ONE_EVENT = whole_words(
    r"une (?:demi-)?journee|un seminaire|un colloque|une conference|une rencontre|un atelier|"
    r"une session unique|a one-day|a seminar|a conference"
)
_RECURRING = whole_words(
    r"chaque (?:annee|semestre|trimestre|mois|an)|tous les ans|annuel\w*|par an|regulier\w*|reguliere\w*|"
    r"cycle|every year|annual\w*|regular\w*"
)


def event_reasons(ask: str, passage: str) -> list[Reason]:
    """Training asked; one event given (a day, a seminar), held once: nobody is trained for good."""
    if _RECURRING.search(fold(passage)):
        return []
    detail = "training was asked; the next plan holds one event"
    return asked_given(ask, passage, _TRAINING, _ONE_EVENT, detail, "modality", both=True)


# --- on what terms -------------------------------------------------------------------------------

# Independence asked (« organisme indépendant »), a body placed under a minister given.
_INDEPENDENT = whole_words(r"independante?s?|independance|independent\w*")
_UNDER = whole_words(
    r"placee?s? (?:aupres|sous l'autorite) d\w*|sous l'autorite d\w*|rattachee?s? (?:a|au|aux)\b|"
    r"sous la tutelle d\w*|placed under|reporting to"
)
# Lasting asked, for a while given; free asked, a charge given; at once asked, within months given.
_LASTING = whole_words(
    r"perenn\w*|durables?|durablement|permanente?s?|structurel\w*|sur le long terme|lasting"
)
_FOR_A_WHILE = whole_words(
    r"ponctuel\w*|exceptionnel\w*|temporaire\w*|transitoire\w*|a titre transitoire|non reconductible\w*|"
    r"pour une duree (?:de|d') ?(?:un|une|deux|trois|quatre|cinq|\d+) (?:ans?|annees|mois)|"
    r"pendant (?:un|deux|trois|\d+) ans|pour (?:l'annee|l'exercice) (?:19|20)\d\d|one-off|temporary"
)
_FREE = whole_words(
    r"gratuit\w*|sans frais|sans avance de frais|sans reste a charge|prise? en charge (?:integrale|a 100)\w*|"
    r"free of charge"
)
_PAID = whole_words(
    r"participation (?:financiere|forfaitaire)|reste a charge|ticket moderateur|moyennant|payant\w*|"
    r"a la charge de (?:la victime|la personne|l'interesse\w*)|co-payment"
)
_AT_ONCE = whole_words(
    r"immediat\w*|sans delai|sans attendre|des (?:son|leur) (?:reperage|identification)|at once"
)
_LATER = whole_words(
    r"dans un delai (?:de|d') ?(?:un|une|deux|trois|quatre|six|\d+) (?:mois|semaines)|"
    r"(?:sous|apres) (?:un|une|deux|trois|quatre|six|\d+) (?:mois|semaines)|"
    r"within (?:\d+|a few) (?:months|weeks)"
)


# Done regularly asked, once given: « une réévaluation régulière », « Ces outils feront l'objet d'une
# révision en 2042 ».
_REGULAR = whole_words(r"regulier\w*|reguliere\w*|periodique\w*|regularly|periodic\w*")
_ONCE = whole_words(r"(?:une|un) (?:\w+ ){0,3}(?:en|d'ici|avant) (?:19|20)\d\d|une fois|once in")


def once_reasons(ask: str, passage: str) -> list[Reason]:
    """Something asked to be done regularly; done once (a single dated occurrence) given."""
    if _RECURRING.search(fold(passage)):
        return []
    return asked_given(
        ask, passage, _REGULAR, _ONCE, "it was asked regularly; the next plan does it once", "modality"
    )


def terms_reasons(ask: str, passage: str) -> list[Reason]:
    """Independence asked, a body placed under an authority given; something lasting asked
    (« pérenne »), something for a while given (« ponctuel », « pour deux ans »); free asked, a charge
    given; at once asked, within weeks or months given."""
    pairs = (
        (_INDEPENDENT, _UNDER, "it was asked to be independent; the next plan places it under an authority"),
        (_LASTING, _FOR_A_WHILE, "it was asked to last; the next plan gives it for a while"),
        (_FREE, _PAID, "it was asked to be free; the next plan charges for it"),
        (_AT_ONCE, _LATER, "it was asked at once; the next plan gives it later"),
    )
    for asked, given, detail in pairs:
        found = asked_given(ask, passage, asked, given, detail, "modality")
        if found:
            return found
    return []


# --- separate or within ---------------------------------------------------------------------------

# « des fonds distincts de ceux affectés à la prostitution »: a line « au sein du fonds pour la
# prévention de la prostitution » is kept within what the ask wanted it apart from.
_SEPARATE = whole_words(
    r"distincte?s? d(?:e|es|u)|separee?s? d(?:e|es|u)|independante?s? d(?:e|es|u)|separate from"
)
_WITHIN = whole_words(r"au sein d(?:u|e la|e l'|es)|within the")


def separate_reasons(ask: str, passage: str) -> list[Reason]:
    """Something asked apart from another (« distincts de »), given within it (« au sein du »)."""
    detail = "it was asked apart from something; the next plan keeps it within"
    return asked_given(ask, passage, _SEPARATE, _WITHIN, detail, both=True)
