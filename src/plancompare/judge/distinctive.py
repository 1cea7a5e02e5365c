"""The words of an ask worth naming when a passage lacks them: its distinctive words, not its
generic ones.

A `partial` or `topic-only` reason names the words of the ask that the passage lacks (« absent :
réaffectation, État »). The aligner ranks an ask's missing stems rarest first (IDF over the next
plan's sentences and the review's texts, `match.index.Idf`), but in a corpus of a few hundred
sentences a generic word is as rare as a distinctive one: « esprit », « détaillé », « établisse »
occur once, as « réaffectation » does. So after rarity, what a reader could not check against the
passage anyway is left out: generic verbs in any form (« établir », « positionner », « permettre »),
generic adjectives (« nouveaux », « existants », « nécessaires »), adverbs (« largement »,
« clairement ») and nouns that say how, not what (« esprit », « manière », « type », « cadre »).
Nouns of the ask's content, names, acronyms and figures stay, at most `LIMIT`, rarest first, as
the ask writes them (« CHRS », « Varsovie », « État »).
"""

from __future__ import annotations

import re

from plancompare.text.normalise import AUXILIARIES, fold, stem, tokens, words
from plancompare.text.patterns import PREFIX

LIMIT = 4

# The words of the field every plan against trafficking shares with every ask (« la lutte contre la
# traite des êtres humains », « les victimes », « l'exploitation »): they tell nothing of what an ask
# wants, what a passage answers or what a refusal refuses.
FIELD_STEMS = frozenset(
    t[:PREFIX]
    for w in "traite êtres humains lutte contre victimes exploitation trafficking victims".split()  # noqa: SIM905
    for t in tokens(w)
)

# Generic verbs of the first and second groups, whose forms share the infinitive's stem (« établir »,
# « établisse », « établie »; « positionner », « positionnés »).
_VERBS = """
    adapter allouer ameliorer amener apporter articuler assurer baser beneficier charger
    chercher citer clarifier commencer compter concerner confier confronter considerer consister
    consolider constater constituer continuer contribuer creer definir demander detacher detailler
    developper disposer donner doter eclairer effectuer elargir encourager engager entrainer
    envisager essayer etablir etudier examiner exister faciliter favoriser figurer fonder garantir
    generaliser ignorer impliquer indiquer initier insister integrer jouer jouir laisser lancer
    limiter masquer mener mobiliser montrer necessiter negliger noter organiser parler passer
    penser perenniser porter poser positionner posseder preciser preparer presenter privilegier
    proceder profiter proposer rappeler realiser recommander regretter relever remplir renforcer
    repenser rester retomber reunir reussir saluer sembler sieger situer souhaiter souligner subir
    systematiser tenter terminer toucher trouver utiliser valoriser veiller viser aboutir agir
    choisir fournir augmenter eviter discuter rencontrer appeler appliquer ajouter elaborer obliger
    remarquer respecter rejouir diversifier intensifier amplifier determiner
"""
# Forms of generic verbs whose stems vary (third group), and generic words of every other kind.
_WORDS = """
    faire fait faite faits faites font fera feront ferait feraient faisant
    mettre met mettent mis mise mises mettra mettront mettant remise
    permettre permet permettent permis permise permettra permettront permettrait permettant
    soumettre soumet soumis soumise soumises
    prendre prend prennent pris prise prises prendra prenant comprendre compris comprise
    dire dit dite dits dites disant voir voit voient vu vue vus vues verra revoir revu revue
    savoir sait savent su sachant saura pouvoir pu devoir du vouloir voulu
    venir vient viennent venu venue venus venant viendra tenir tient tiennent tenu tenue tenant
    maintenir maintient maintenu maintenue obtenir obtient obtiennent obtenu obtenue obtenus
    intervenir intervient interviennent intervenu intervenant intervenants
    partir part partent parti partie parties partant rendre rend rendent rendu rendue rendus rendra
    rendant repondre repond repondent repondu repondant recevoir recoit recoivent recu recue recus
    recues recevant recevra suffire suffit suffisent suffira vivre vit vivent vecu vecue vecus
    vecues vivant inclure inclut incluent inclus incluse incluses incluant entendre entendu
    atteindre atteint connaitre connu connue conduire conduit paraitre parait existe existent
    offrir offre offrent offert offerte offrant ouvrir ouvre ouvrent ouvert ouverte pouvant inclue
    etendre etend etendent etendu etendue etendus etendues transmettre transmet transmis transmise
    transmettant

    nouveau nouvelle nouveaux nouvelles nouvel existant existante existants existantes necessaire
    necessaires effectif effective effectifs effectives different differente differents differentes
    premier premiere premiers premieres second seconde seconds secondes deuxieme grand grande
    grands grandes petit petite petits petites large larges specifique specifiques particulier
    particuliere particuliers particulieres adapte adaptee adaptes adaptees adequat adequate
    adequats adequates suffisant suffisante suffisants suffisantes insuffisant insuffisante
    insuffisants insuffisantes global globale globaux globales total totale totaux totales
    classique classiques reel reelle reels reelles veritable veritables important importante
    importants importantes plusieurs certain certaine certains certaines divers diverse diverses
    propre propres possible possibles meilleur meilleure meilleurs meilleures clair claire clairs
    claires simple simples seul seule seuls seules general generale generaux generales principal
    principale principaux principales actuel actuelle actuels actuelles futur future futurs futures
    prochain prochaine prochains prochaines dernier derniere derniers dernieres entier entiere
    plein pleine complet complete concret concrete concrets concretes precis precise preferable
    souhaitable utile utiles efficace efficaces pertinent pertinente pertinents pertinentes
    nombreux nombreuse nombreuses tel telle tels telles quelque quelques chaque aucun aucune
    systematique systematiques operationnel operationnelle operationnels operationnelles recent
    recente recents recentes long longue longs longues court courte courts courtes moindre autre
    autres meme memes nul nulle prevu prevue prevus prevues essentiel essentielle essentiels
    essentielles faible faibles similaire similaires pret prete prets pretes immediat immediate
    attentif attentive attentifs attentives vigilant vigilante vigilants vigilantes

    type types maniere manieres facon facons nombre nombres part parts sein terme termes temps
    objet objets question questions esprit cote cotes cadre cadres fin fins ensemble place forme
    formes niveau niveaux point points lieu lieux base bases sujet sujets egard matiere matieres
    suite besoin besoins mesure mesures action actions plan plans lutte oeuvre personne personnes
    proposition propositions problematique problematiques thematique thematiques enjeu enjeux
    dispositif dispositifs modalite modalites processus pratique pratiques absence principe
    principes logique difficulte difficultes probleme problemes situation situations domaine
    domaines aspect aspects element elements mode modes role roles objectif objectifs effet effets
    sens moment moments fois cours regard chose choses exemple exemples cas ordre demande demandes
    reponse reponses texte textes outil outils acteur acteurs genre champ effort efforts contexte
    palette diversite possibilite possibilites tentative creation liste listes structure structures
    detriment developpement faute integralite souhait revanche

    largement clairement simplement seulement toujours souvent vraiment notamment egalement davantage
    encore deja ensuite enfin parfois surtout plutot tres trop peu beaucoup assez ainsi aussi bien
    mieux non oui plus moins tant tellement vite hors amont aval dela travers concernant suivant
    selon malgre parmi aupres pendant durant depuis jusque afin lors desormais toutefois neanmoins
    cependant pourtant outre ailleurs via contre lorsque laquelle lequel lesquels lesquelles auquel
    auxquels duquel desquels chacun chacune ici apres avant presque quoi conformement
"""
_GENERIC = frozenset(_WORDS.split())
_VERB_STEMS = frozenset(stem(v)[:PREFIX] for v in _VERBS.split())
# What a form of a verb ends with (accents folded): « positionnés », « établisse », « veillera ».
_VERB_FORM = re.compile(
    r"(?:er|ir|re|e|es|ent|i|ie|is|ies|it|ant|ants|ante|antes|ons|ez|ait|aient|ais|era|eront|erait"
    r"|eraient|ira|iront|irait|iraient|isse|issent|u|ue|us|ues)$"
)
# Nouns derived from a verb share its stem (« établissement », « utilisation »): they are content.
_NOUN_ENDINGS = re.compile(
    r"(?:ments?|tions?|sions?|ages?|eurs?|euses?|ures?|ances?|ences?|ites?|ismes?|istes?)$"
)
# Adverbs: endings that no common noun has.
_ADVERB = re.compile(
    r"(?:iquement|amment|emment|ivement|ablement|iblement|eusement|ierement|airement|oirement|ctement"
    r"|alement|ellement|itement)$"
)
# Nouns with those endings (« traitement » is no adverb, « étroitement » is).
_NOT_ADVERBS = frozenset({"signalement", "ravalement", "renouvellement", "traitement", "retraitement"})


def generic(word: str) -> bool:
    """Whether `word` (as written) is one a reader learns nothing from when a passage lacks it."""
    key = fold(word)
    if key.isdigit():
        return False
    if key in _GENERIC or len(key) < 3:
        return True
    if _ADVERB.search(key) and key not in _NOT_ADVERBS:
        return True
    if _NOUN_ENDINGS.search(key) or not _VERB_FORM.search(key):
        return False
    lower = word.lower()
    # The stemmer leaves « -ent » on « portent », « siègent »: « porte », « siège » are stemmed.
    forms = (lower, lower[:-2]) if key.endswith("ent") else (lower,)
    return any(stem(form)[:PREFIX] in _VERB_STEMS for form in forms)


_TOKEN = re.compile(r"[0-9]+|[^\W\d_]+(?:-[^\W\d_]+)*")
_SENTENCE_START = re.compile(r"(?:^|[.!?…:;•«(\"\-–—])\s*$")


def as_written(word: str, text: str) -> str:
    """`word` (lower case) as `text` writes it when that tells something: an acronym (« CHRS ») or a
    name capitalised within a sentence (« Varsovie », « État »); else in lower case."""
    key = fold(word)
    for m in _TOKEN.finditer(text):
        token = m.group()
        if fold(token) != key:
            continue
        if len(token) > 1 and token.isupper():
            return token
        if token[0].isupper() and not _SENTENCE_START.search(text[: m.start()]):
            return token
    return word


_MONTHS = (
    "janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre "
    "january february march april may june july august september october november december"
)
# A date names when a text was signed, not what is asked: « la circulaire du 31 mai 2013 ».
_DATE = re.compile(rf"\b(?:(\d{{1,2}})(?:er)?\s+)?(?:{'|'.join(_MONTHS.split())})(?:\s+((?:19|20)\d\d))?\b")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _dates(text: str) -> frozenset[str]:
    """The words of `text` that only write a date: month names, their day and year, and years."""
    folded = fold(text)
    out = set(_MONTHS.split()) | set(_YEAR.findall(folded))
    for m in _DATE.finditer(folded):
        out |= {g for g in m.groups() if g}
    return frozenset(out)


# « l'article 225-4-1 », « L. 316-1 »: a reference is named whole, never as « 225, 4 ».
_REFERENCE = re.compile(r"\b\d+(?:-\d+)+\b")


def _references(text: str) -> dict[str, str]:
    """Each number of `text` that is part of a reference → the whole reference."""
    return {part: m.group() for m in _REFERENCE.finditer(text) for part in m.group().split("-")}


# What the ask sets aside, not what it asks for: « … sur toutes les formes de traite et pas simplement
# sur l'exploitation à des fins sexuelles », « … de la CMU, et non de l'AME ».
# It runs to the end of the clause, or to the reason given for it (« et non de l'AME, car … »).
_CLAUSE = r"(?:(?!\b(?:car|parce|puisque|afin|because|since)\b)[^.;:!?,])*"
_SET_ASIDE = re.compile(
    rf"\b(?:(?:et|mais) )?(?:pas|non) (?:simplement|seulement|uniquement|plus seulement|pas)\b{_CLAUSE}"
    rf"|\bet non (?:pas )?{_CLAUSE}|\bnot (?:only|just|merely)\b{_CLAUSE}|\band not\b{_CLAUSE}"
)


# Set phrases that say how or who in general, not what is asked: « sur le terrain », « les pouvoirs
# publics », « avec insistance », « à l'heure actuelle », « face à », « de concert avec ».
_SET_PHRASE = re.compile(
    r"\b(?:sur le terrain|de terrain|pouvoirs publics|avec insistance|a l'heure (?:actuelle|ou)|"
    r"faire face|face a(?:ux?)?|de concert|mouvement de balancier)\b"
)


def _only_in(text: str, pattern: re.Pattern[str]) -> frozenset[str]:
    """The words of `text` found only in what `pattern` finds in it, folded."""
    folded = fold(text)
    spans = [m.span() for m in pattern.finditer(folded)]
    if not spans:
        return frozenset()
    inside: set[str] = set()
    outside: set[str] = set()
    for m in _TOKEN.finditer(folded):
        (inside if any(a <= m.start() < b for a, b in spans) else outside).add(m.group())
    return frozenset(inside - outside)


# A first-group verb's noun in -ation and the verb's own forms (« formation » and « formé »,
# « création » and « créés »): their stems are cut apart (« format », « form »), yet a passage that
# says the one says the other. Not « e », « es », « ent »: « formes » is another word.
_ACTION = re.compile(r"(\w{3,})ations?")
_VERB_FORMS = ("é", "ée", "és", "ées", "er", "era", "eront", "erait", "eraient", "ant")


def said_otherwise(word: str, passage: str) -> bool:
    """Whether `passage` holds `word`, a noun in -ation, as its verb (« spécialement formé » for
    « formation »)."""
    noun = _ACTION.fullmatch(word.lower())
    if noun is None:
        return False
    held = set(words(passage))
    return any(noun.group(1) + ending in held for ending in _VERB_FORMS)


def distinctive(words: list[str], text: str, limit: int = LIMIT) -> list[str]:
    """Of the ask's missing `words` (rarest first, as `surface_words` gives them from the
    aligner's IDF ranking), the distinctive ones, at most `limit`, as `text` (the ask) writes them;
    never the words of a date, of what the ask sets aside (« et non … ») or of a set phrase (« sur
    le terrain »), and a reference's numbers as the reference."""
    dates, references = _dates(text), _references(text)
    aside = _only_in(text, _SET_ASIDE) | _only_in(text, _SET_PHRASE)
    out: list[str] = []
    for w in words:
        if generic(w) or fold(w) in dates or fold(w) in aside:
            continue
        shown = references.get(w) or as_written(w, text)
        if shown not in out:
            out.append(shown)
    return out[:limit]


# Forms of auxiliaries and light verbs (« soient », « mette », « s'agir », « mise en œuvre »), adverbs
# and prepositions (« parmi », « toujours »), and the words of « traite des êtres humains »: they
# still count in matching, but are not worth naming as words of the ask that the passage lacks.
_LIGHT_WORDS = AUXILIARIES | frozenset(
    """
    fait font fera feront ferait mette mettent met agir agit agissant oeuvre etre etres humains
    semble vu
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
