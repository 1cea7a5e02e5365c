"""The text patterns of plans and reviews, in one place: « N° » and numbers, the headings of plans
and reports (measures, actions, axes, sections, recommendations, tables of contents), the labels
of a measure's fields, list items, the words of an ask, and how far stems are cut. Constants and
regular expressions only, importing nothing: the stages apply them (normalise.is_ask, the extract
modules)."""

from __future__ import annotations

import re

PREFIX = 7  # stems cut to 7 letters: « identif(ication) » and « identifi(er) » meet


def one_of(*alternatives: str) -> str:
    """A group matching any of `alternatives` (regular expressions, tried in the order given)."""
    return "(?:" + "|".join(alternatives) + ")"


def whole_words(*alternatives: str) -> re.Pattern[str]:
    """Any of `alternatives` as whole words (or phrases), as asks and reasons are read in folded text."""
    return re.compile(rf"\b{one_of(*alternatives)}\b")


# --- numbering ----------------------------------------------------------------------------------

# « N° », « n° », « N ° », « Nº », « N o » (the degree sign or the masculine ordinal).
NUMERO = r"[Nn]\s?[°º˚]"
# After a heading's number: punctuation, the end of the line, or a space before a capital (designed
# plans set « MESURE 12  Former les … » with a gap, not a colon).
# « N° 7 · Titre »: a middle dot too.
_SEP = r"(?:\s*[:–—\-.·]\s*|\s*$|\s+(?=[«A-ZÀ-ÖØ-Þ]))"
_ROMAN = r"(?:[IVXLC]+|\d+)"
_WHOLE_NUMBER = r"(?P<num>\d{1,3})(?![\d.,/]\d)"  # « 12 », not « 2014 » nor « 1.1 »
# « Mesure 12 bis », inserted between 12 and 13: it keeps that as its label (numbering.numbered).
_INSERTED = r"(?:\s?(?P<inserted>(?i:bis|ter|quater))\b)?"
# « Mesure 1.2 » / « Action 2.3.1 »: plans numbering their measures within their axes.
_DOTTED_NUMBER = r"(?P<num>\d{1,2}(?:\.\d{1,3}){1,2})(?![\d/]|[.,]\d)"
# « 1. », « a) », « II – »: the numbering of a list item or of a heading in a review's plan column.
ENUMERATOR = re.compile(r"^\s*(?:\d{1,2}|[IVX]{1,4}|[a-z])\s*[.)\-–]\s*")
# « 2. La qualité … », « b) … »: a numbered list item.
ENUMERATED = re.compile(r"^(?:\d{1,2}|[a-z])[.)]\s+\S")
# « 12 », « Mesure 12 », « N° 12. »: a table's number cell (tableplan.py).
NUMBER_CELL = re.compile(r"^(?:(?:MESURE|Mesure|ENGAGEMENT|Engagement|N°|n°)\s*)?(?P<num>\d{1,3})\.?$")
# A page number in a page's margin: « 12 », « - 12 - », « Page 3 sur 40 », « 3/40 ».
PAGE_NUMBER = re.compile(
    r"^(?:[-–—]\s*)?(?:page\s+)?\d{1,4}(?:\s*(?:/|sur|of)\s*\d{1,4})?(?:\s*[-–—])?$", re.IGNORECASE
)

# --- headings -----------------------------------------------------------------------------------


def _heading(words: str, number: str, gap: str = r"\s*") -> re.Pattern[str]:
    """« MESURE N° 12 : Former … »: a heading word, « N° » perhaps, its number, a separator, then the
    title (group `rest`); the number is group `num`."""
    return re.compile(rf"^{words}{gap}(?:{NUMERO}\s*)?{number}{_SEP}(?P<rest>.*)$")


# « Engagement n° 7 – », as roadmaps (« feuilles de route ») head their measures: read as « Mesure ».
# « Décision 12 — », as a committee's record of decisions (« relevé de décisions ») heads them.
# « Article 12 — », as a contract or a charter heads its clauses.
_MEASURE = one_of(
    "MESURE", "Mesure", "ENGAGEMENT", "Engagement", "D[ÉE]CISION", "D[ée]cision", "ARTICLE", "Article"
)
# « Article 1er », « TITRE Ier »: the first, as French legal texts number it.
_FIRST = r"(?:er|re)?"
# « Fiche action n° 3 » / « Fiche-action 3 », as regional and thematic plans head their measures.
_ACTION = one_of(r"(?:FICHE|Fiche)[\s-]+(?:ACTION|[Aa]ction)", "ACTION", "Action")
MEASURE_RE = _heading(_MEASURE, _WHOLE_NUMBER + _FIRST + _INSERTED)
ACTION_RE = _heading(_ACTION, r"(?P<num>\d{1,3}(?:\.\d{1,3})*)(?![\d/]|[.,]\d)", gap=r"\s+")
# « Action 12 : » as a plan's measure heading, when the plan has no « Mesure » heading at all.
ACTION_MEASURE_RE = _heading(_ACTION, _WHOLE_NUMBER + _INSERTED, gap=r"\s+")
DOTTED_MEASURE_RE = _heading(_MEASURE, _DOTTED_NUMBER)
DOTTED_ACTION_RE = _heading(_ACTION, _DOTTED_NUMBER, gap=r"\s+")
# « Recommandation n° 3 : » in an evaluation report (recommendations.py).
RECOMMENDATION_RE = _heading(
    one_of("RECOMMANDATION", "Recommandation", "PROPOSITION", "Proposition"), _WHOLE_NUMBER
)
# « 4. Former les … » in bold or large type: measures headed by their number alone.
# « N° 7 · Titre »: a measure headed by its number sign alone, in bold or large type.
NUMERO_MEASURE_RE = re.compile(rf"^{NUMERO}\s*{_WHOLE_NUMBER}{_INSERTED}{_SEP}(?P<rest>.*)$")
BARE_NUMBER_RE = re.compile(rf"^{_WHOLE_NUMBER}\s?[.)–—-]\s+(?P<rest>[«A-ZÀ-ÖØ-Þ].*)$")
PRIORITY_RE = _heading(
    # « Ambition II », as roadmaps head their axes; « TITRE Ier », as a legal text its divisions.
    r"(?P<kind>PRIORIT[EÉ]|Priorit[ée]|AXE(?: STRAT[EÉ]GIQUE)?|Axe(?: strat[ée]gique)?|AMBITION|Ambition|"
    r"TITRE)",
    rf"(?P<num>{_ROMAN}){_FIRST}\b",
)
# « II. PROTÉGER LES VICTIMES » in bold or large type: an axis numbered in roman alone.
# « I. — REPÉRER LES VICTIMES »: a dash after the full stop too.
ROMAN_HEADING_RE = re.compile(r"^(?P<num>[IVX]{1,4})\s?[.)–—-](?:\s*[–—-])?\s+(?P<rest>[«A-ZÀ-ÖØ-Þ].*)$")
SECTION_RE = re.compile(
    r"^(?:SECTION|Section|OBJECTIF|Objectif|CHAPITRE|Chapitre|PARTIE|Partie)\s+\w+" + _SEP
)
# « Objectif 2 : Protéger », « Partie II – », « Objectif stratégique 3 » heading the measures.
NUMBERED_SECTION_RE = _heading(
    one_of("OBJECTIF", "Objectif", "PARTIE", "Partie", "CHAPITRE", "Chapitre", "SECTION", "Section")
    + r"(?:\s+(?:STRAT[EÉ]GIQUE|[Ss]trat[ée]gique|G[EÉ]N[EÉ]RAL|[Gg][ée]n[ée]ral))?",
    rf"(?P<num>{_ROMAN})\b",
    gap=r"\s+",
)
# The words heading a measure or an axis, to recognise a heading before its number is read.
_HEADING_WORDS = one_of(
    "MESURE",
    "Mesure",
    "ENGAGEMENT",
    "Engagement",
    "ACTION",
    "Action",
    "PRIORIT[EÉ]",
    "Priorit[ée]",
    "AXE",
    "Axe",
)
# A line opening on a heading word: a measure heading at the top of pages is no running header.
HEADING_START = re.compile(rf"^{_HEADING_WORDS}\b")
# A heading word set on its own line above its number (« MESURE » / « 12 »), as designed plans do.
HEADING_WORD = re.compile(rf"^{_HEADING_WORDS}(?:\s*{NUMERO})?$")
NUMBER_ONLY = re.compile(r"^(?:\d{1,3}|[IVX]{1,5})$")
# Headings after which the measures are over: annexes, glossaries, lists of acronyms, indexes,
# summary tables of the measures.
STOP_RE = re.compile(
    r"^(?:ANNEXES?|Annexes?|GLOSSAIRE|Glossaire|LEXIQUE|Lexique|INDEX|Index|SIGLES|Sigles|"
    r"ABR[EÉ]VIATIONS|Abr[ée]viations|ACRONYMES|Acronymes|"
    r"(?:LISTE|TABLE) DES (?:SIGLES|ACRONYMES|ABR[EÉ]VIATIONS|MESURES|ENGAGEMENTS|ACTIONS)|"
    r"(?:Liste|Table) des (?:sigles|acronymes|abr[ée]viations|mesures|engagements|actions)|"
    r"TABLEAU (?:R[EÉ]CAPITULATIF|DE SUIVI|DE SYNTH[EÈ]SE)|"
    r"Tableau (?:r[ée]capitulatif|de suivi|de synth[èe]se)|"
    r"R[EÉ]CAPITULATIF DES (?:MESURES|ENGAGEMENTS|ACTIONS)|"
    r"R[ée]capitulatif des (?:mesures|engagements|actions)|SYNTH[EÈ]SE DES (?:MESURES|ENGAGEMENTS|ACTIONS)|"
    r"Synth[èe]se des (?:mesures|engagements|actions)|"
    # A press kit's or a brochure's closing matter (« Contacts presse », « Pour en savoir plus »).
    r"CONTACTS?(?: PRESSE)?|Contacts?(?: presse)?|(?:POUR )?EN SAVOIR PLUS|(?:Pour en|En) savoir plus)\b"
)
# A table of contents: its entries end in dot leaders and a page number, under its title.
TOC_LINE = re.compile(r"(?:\.\s?){4,}\s*\d{1,3}$|…{2,}\s*\d{1,3}$|_{4,}\s*\d{1,3}$")
TOC_TITLE = re.compile(r"^(?:SOMMAIRE|Sommaire|TABLE DES MATI[EÈ]RES|Table des mati[eè]res)\s*$")
ENDS_WITH_PAGE = re.compile(r"\s\d{1,3}$")

# --- field labels -------------------------------------------------------------------------------

# Who carries a measure out: « Mise en œuvre : », « Pilotes : », « Pilotage : » … (fields.py).
ROLE_LABELS = (
    "Mise en œuvre",
    "Mise en oeuvre",
    "Pilotage",
    "Pilotes",
    "Pilote",
    "Copilotes",
    "Copilote",
    "Responsables",
    "Responsable",
    "Partenaires",
    "Partenaire",
    "Acteurs",
    "Porteurs",
    "Porteur",
    "Associés",
    "Associé",
    "Chef de file",
    "Cheffe de file",
)
# Who and when in a roadmap's plain words: « Qui : », « Quand : ». Common words too (« les victimes
# qui : – … »): labels only capitalised (« Qui », « QUI »), whatever the flags of the pattern using
# them, and (as every label) only where a line or a paragraph of fields opens or goes on.
CASED_ROLE_LABEL = "(?-i:Qui|QUI)"
CASED_CALENDAR_LABEL = "(?-i:Quand|QUAND)"
ROLE_LABEL = one_of(*(re.escape(r) for r in ROLE_LABELS), CASED_ROLE_LABEL)
# When: « Calendrier : », « Échéance(s) : », « Échéancier : », « Quand : ».
CALENDAR_LABEL = (
    rf"Calendrier(?: de mise en (?:œ|oe)uvre)?|[ÉE]ch[ée]ances?|[ÉE]ch[ée]ancier|{CASED_CALENDAR_LABEL}"
)
# How a measure's progress is measured: « Indicateur(s) : », « Indicateurs de suivi : » (fields.py).
INDICATOR_LABEL = (
    r"Indicateurs?(?:\(s\))?(?: de (?:suivi|r[ée]sultats?|r[ée]alisation|performance|[ée]valuation))?"
)
# What pays for it: « Financement : », « Budget : », « Coût estimé : ».
# « Combien ? 2 M€ »: roadmaps ask their fields as questions (« Qui ? · Quand ? · Combien ? »).
FINANCING_LABEL = r"Financements?(?:\(s\))?|Budgets?|Co[ûu]ts?(?: estim[ée]s?)?|Moyens|(?-i:Combien|COMBIEN)"
# Every label of a measure's fields: who (the roles above), with what, when, measured how, paid by what.
FIELD_LABELS = "|".join(
    (
        *(re.escape(r) for r in ROLE_LABELS),
        CASED_ROLE_LABEL,
        "Instruments?",
        CALENDAR_LABEL,
        INDICATOR_LABEL,
        FINANCING_LABEL,
    )
)
# Any label inside a paragraph, to cut « Mise en œuvre : X • Instrument : Y » into its parts.
# Or asked: « Qui ? DGCS · Quand ? 2037 · Combien ? 2 M€ ».
ANY_LABEL = re.compile(rf"(?:^|(?<=[\s•·;]))(?P<label>{FIELD_LABELS})\s*(?::|\?(?=\s))", re.IGNORECASE)
# A field label set in a cell of its own, without its colon (« Pilote(s) »).
LABEL_CELL = re.compile(rf"(?:{FIELD_LABELS})(?:\(s\))?", re.IGNORECASE)
# Any short label opening a paragraph (« Constat : », « Pilote : »): no heading.
LABEL_START = re.compile(r"^[\w’' ]{2,30}\s?:")

# --- list items ---------------------------------------------------------------------------------

# The one set of characters that open a list item: symbols (Word's bullets, arrows, squares, a tick,
# a typed « * » or « · »), and dashes, which also join words and set off incises: patterns ask more
# of a dash (a space or a letter after it, or a line start).
BULLET_SYMBOL = "[•▪●◦■□➢►‣✓*·]"
DASH = "[-–—]"
BULLET_CHAR = rf"(?:{BULLET_SYMBOL}|{DASH})"
# A line opening a list item: a bullet, or a dash before a space or a letter.
BULLET = re.compile(rf"^(?:{BULLET_SYMBOL}|{DASH}(?=\s|[A-ZÀ-Ýa-zà-ÿ«]))")
# Where a text's bullet items start: a bullet after a space, or a dash opening a line.
BULLET_SPLIT = re.compile(rf"(?:^|\s){BULLET_SYMBOL}\s*|(?:^|\n)\s*{DASH}\s*", re.UNICODE)
# A sub-item: a bullet, then a lower-case word (« - l’aide … »).
SUB_ITEM = re.compile(rf"^{BULLET_CHAR}\s*[a-zà-ÿ0-9(«]")

# --- asks ---------------------------------------------------------------------------------------

# A modal of obligation or wish, in folded text (normalise.is_ask).
ASK = whole_words(
    r"doi[st]|doivent|devr(?:ai[st]|aient|a|ont|ions)|il faut|faudrait|faut|necessaire|indispensable|"
    r"souhait\w*|demand\w*|recommand\w*|insist\w*|exig\w*|convient|importe|urge|il y a urgence|propos\w*|"
    r"appel(?:le|lent|lons)? a|(?:serai(?:en)?t|(?:peu[tv]\w*|pourrai\w*) etre) (?:\w+ )?"
    r"(?:utiles?|preferable|souhaitable|opportun)|il est (?:important|essentiel|urgent)|veill\w* a|besoin d|"
    r"ne (?:peu[tv]\w*|doi\w*) (?:pas )?etre|oblig\w*|rappel\w* (?:l'importance|la necessite)|"
    # « Il s'agit (à la fois) de financer… »: what is to be done, an infinitive after it.
    r"il s'agit (?:a la fois |notamment |aussi |donc )?d(?:e |')\w+(?:er|ir|re)|"
    # Other reviews' ways of asking: « préconise », « il conviendrait », « nous appelons à », « plaide pour »,
    # « suggère », « invite le Gouvernement à », « attend de l'État qu'il ».
    r"preconis\w*|conviendrait|appelons a|plaid\w* pour|sugger\w*|"
    r"invit\w* (?:le gouvernement|les pouvoirs publics|l'etat|les autorites|les ministeres?) a|"
    r"attend\w* (?:du gouvernement|de l'etat|des pouvoirs publics)|"
    r"should|must|need(?:s|ed)?|call\w* for|recommend\w*"
)

# --- forms of exploitation ----------------------------------------------------------------------

# The forms of exploitation trafficking serves, as folded text names them; each group is one form.
FORMS_OF_EXPLOITATION: tuple[tuple[str, str], ...] = (
    ("sexual", r"exploitation sexuelle|prostitution\w*|proxenetisme|sexual exploitation"),
    ("labour", r"travail force|exploitation par le travail|forced labour|labour exploitation"),
    ("domestic", r"servitude domestique|esclavage domestique|domestic servitude"),
    ("begging", r"mendicite forcee|forced begging"),
    ("crime", r"contrainte a commettre des delits|delits forces|forced criminality"),
    ("organs", r"prelevement d.organes|organ removal"),
)
ONE_FORM = re.compile(r"\b(" + "|".join(p for _, p in FORMS_OF_EXPLOITATION) + r")\b")
_FORM_GROUPS = [(name, re.compile(rf"\b(?:{p})\b")) for name, p in FORMS_OF_EXPLOITATION]


def forms_named(folded: str) -> set[str]:
    """The forms of exploitation `folded` (folded text) names, by group."""
    return {name for name, pattern in _FORM_GROUPS if pattern.search(folded)}


# « … sur toutes les formes de traite et pas simplement sur l'exploitation à des fins sexuelles »: what
# follows, to the end of the clause, is what the ask says is not enough, not what it asks for. Read on
# the printed text (acronyms keep their capitals).
NOT_ENOUGH_OPENING = r"\b(?:et|mais) (?:pas|non) (?:seulement|simplement|uniquement|exclusivement)\b"
NOT_ENOUGH = re.compile(
    rf"{NOT_ENOUGH_OPENING}[^.;:(),]*|\band not (?:only|just|merely)\b[^.;:(),]*",
    re.IGNORECASE,
)


# An ask that names the measure it was written on (« … les services concernés par cette mesure »,
# « … dans ce dispositif »): it is about that measure, so only a measure that continues it can take
# it up. Read on the printed text; « la même mesure » and « la présente action » too.
ITS_MEASURE = re.compile(
    r"\b(?:cette|la présente|la même) (?:mesure|action)\b|\bce dispositif\b", re.IGNORECASE
)
