"""What counts as a commitment of a plan: the sentences that can answer an ask.

A plan's measure holds more than commitments: its title, field lines (« Pilote : », « Partenaires : »,
« Indicateur(s) : »), a « Constat » that describes today's situation, sentences about the past
(« La loi du 13 avril 2016 a créé… », « le premier plan a… »), bare references to articles. They
may help find the measure an ask is about, but they never show that the plan does what is asked
(DESIGN.md, Verdicts): only a commitment can make a proposal adopted or changed, or give the
figure of a change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from plancompare.text.normalise import fold, sentences
from plancompare.text.patterns import BULLET
from plancompare.text.refusal import is_refusal
from plancompare.text.tense import commits, folded_for_tense, has_future

# Lines that name who, when, with what money or how it is measured: never what is done.
_FIELD = re.compile(
    r"^(?:co-?)?(?:pilotes?|porteurs?|partenaires?|calendrier|echeances?|indicateurs?|"
    r"financements?|budget|cout|moyens|instrument|mise en oeuvre|responsables?|acteurs?|"
    r"services? pilotes?|ministeres? pilotes?|delai|duree|publics? vises?|publics? cibles?|"
    r"beneficiaires|pour qui|qui|quand|territoires?|references?|"
    # « Objectif : reconnaître la qualité de victime… »: the aim a measure states, not what it does.
    r"objectifs?(?: de la mesure| vises?| poursuivis?)?|finalites?)"
    r"(?:\s*\(s\))?(?=\s*:|\s*$|\s+\S)",
)
# A field's label with a complement before its colon (« Porteur de l'action : », « Coût estimé : »,
# « Calendrier de mise en œuvre : »): what follows names who, when or how much, never what is done.
_FIELD_HEAD = re.compile(
    r"^(?:co-?)?(?:pilotes?|porteurs?|partenaires?|calendrier|echeances?|echeancier|indicateurs?|"
    r"financements?|budgets?|couts?|moyens|responsables?|acteurs?|chefs? de file|delais?|durees?|"
    r"horizon|jalons?|livrables?|suivi|modalites de suivi|sources? de financement|perimetre|statut|"
    r"priorite|dates?|textes? de reference|references?|lien|liens|contributeurs?|associes?|"
    r"structures? associees?|publics?)\b"
)
# Heads that also name an audience (« Services de police : … », « Publics : … » may open a list item
# of what is done for them): a field only with the complement a field label has.
_AUDIENCE_FIELD = re.compile(
    r"^(?:ministeres?|services?|structures?|administrations?|publics?|referents?|organismes?)"
    r"(?: (?:concernee?s?|associee?s?|pilotes?|partenaires?|vises?|visees?|cibles?|ciblees?|mobilisee?s?|"
    r"impliquee?s?|competente?s?))+(?=\s*:)"
)
# An indicator's wording standing alone (a fields table read out of order): a count, no verb.
_INDICATOR = re.compile(r"^(?:nombre|part|taux|pourcentage|proportion|delai moyen|montant)s? d")
# Section headings inside a measure's text: what follows a « Constat » describes, what follows
# « Actions » commits.
_CONTEXT_HEADINGS = re.compile(
    r"^(?:constats?|contexte|etat des lieux|diagnostic|enjeux?|rappel|bilan|situation actuelle|"
    r"presentation|justification|pourquoi(?: agir)?|le constat|les constats|objectifs? de la mesure|"
    # What exists already and what was done: « Ce qui existe déjà », « Les acquis du premier plan ».
    r"ce qui existe(?: deja)?|l'existant|existant|(?:les )?acquis(?: d\w* (?:precedent|premier) plan)?|"
    r"bilan d\w* (?:precedent|premier) plan|realisations|etat d'avancement|point d'etape|ce qui a ete fait|"
    r"ou en est-on|(?:le )?cadre (?:juridique|actuel|existant)|(?:le )?droit (?:existant|en vigueur)|"
    r"dispositifs? existants?|historique|(?:rappel du |elements de )contexte|situation)\s*\??\s*:?$"
)
_ACTION_HEADINGS = re.compile(
    r"^(?:actions?|mesures?|engagements?|ce que nous (?:allons faire|ferons)|"
    r"modalites(?: de mise en oeuvre)?|"
    r"mise en oeuvre|descriptif|description(?: de l'action)?|contenu(?: de l'action)?|"
    r"actions? (?:prevues?|a conduire|a mener)|ce qui (?:va )?chang(?:e|er|era)|"
    r"ce que (?:prevoit|propose) le plan|nouveautes?|(?:les )?engagements? du gouvernement|"
    r"ce que fera l'etat|"
    r"mesures? nouvelles?)\s*:?$"
)
# The past and the present state of things (« a créé », « ont été » — not « il y a lieu de », « a besoin »).
_PAST = re.compile(
    r"\b(?:a|ont|avait|avaient|avons|avez|avions|ayant)\s+(?:(?:deja|ete|pas|jamais|notamment|egalement|aussi|"
    r"ainsi|en effet|recemment|longtemps)\s+)*(?:ete\s+)?(?!lieu\b|besoin\b|trait\b)"
    r"[a-z]+(?:e|es|ee|ees|i|is|ie|ies|u|us|ue|ues|"
    r"it|its|ite|ites|ert|erts|erte|ertes|ait|aint)\b"
)
_NOW = re.compile(
    r"(?<![\w@])(?:aujourd'hui|actuellement|@ l'heure actuelle|@ ce jour|jusqu'@ present|jusqu'ici|"
    r"jusqu'alors|@ ce stade|encore trop|depuis(?: (?:19|20)\d\d| la| le| l'| plusieurs| des)?|"
    r"le (?:precedent|premier|dernier) plan|les? plans? (?:precedents?|anterieurs?)|"
    r"(?:reste|restent|demeure|demeurent) (?:trop|encore|peu|insuffisant\w*|mal|tres|la|le|les|l'|une?|des|"
    r"en deca|inferieure?s?|faibles?|rares?|limitee?s?|marginale?s?)|de plus en plus|"
    # A finding of a report or a monitoring body (« Le bilan du premier plan montre… », « Le GRETA
    # recommande… », « Selon la MIPROF, … »).
    r"^\W*(?:(?:(?:le|la|les|ce|cette|ces) |l')"
    r"(?:bilan|evaluation|rapport|etude|enquete|audit|chiffres|donnees|statistiques|observatoire|greta|"
    r"cncdh|cour des comptes)s?\b[^,;:]{0,60}?\b"
    r"(?:montre|souligne|releve|constate|recommande|indique|revele|pointe|observe|note|estime|fait etat)"
    r"(?:nt)?|"
    r"selon (?:le |la |l'|les )?(?:bilan|evaluation|rapport|etude|enquete|chiffres|donnees|statistiques|"
    r"estimations|miprof|greta|cncdh|ocrteh|associations|ong|nations unies|onu|oit))\b|"
    # The plan placing itself (« Le plan s'inscrit dans la continuité du précédent »).
    r"(?:plan|strategie) s'inscri\w*|s'appui\w* sur (?:le|les) (?:bilan|acquis|travaux)|"
    r"^(?:certaine?s|la plupart des|beaucoup de|nombre de)|"
    # A reminder of what already holds: « Rappel : l'infraction vise aussi… », « Pour mémoire, … ».
    r"^\W*(?:(?:rappel|pour rappel|pour memoire)\s*[:,]|(?:rappelons|il est rappele) qu(?:e|'\w+))|"
    # « Le Comité rappelle que la médiation familiale relève du ministère de la Justice ».
    r"\b(?:le comite|le gouvernement|l'etat|le plan|la ministre|le ministre|le conseil) rappelle qu(?:e|')|"
    r"de nombreuses? (?:victimes|personnes)|peu de|trop peu|en (?:19|20)\d\d,)(?!\w)"
)
# A description in the present: « La traite est une activité lucrative », « Les mineurs représentent une
# part importante des victimes », « il existe » (a copula before an article or an evaluative word), and
# what a thing needs or depends on (« La mise en sécurité suppose… », « La formation conditionne… »).
_DESCRIPTION = re.compile(
    r"(?<![\w@])(?:(?:est|sont|constitue|constituent|represente|representent|demeure|demeurent)\s+"
    r"(?:(?:pas|plus|jamais|majoritairement|principalement|essentiellement|generalement|frequemment|"
    r"en majorite|pour la plupart) )?"
    r"(?:une?|des|particulierement|souvent|parmi|l'une?|la premiere|le premier|"
    r"essentiel\w*|fondamenta\w*|majeur\w*|crucia\w*|complexe\w*|"
    r"(?:la|le|l'|les) (?:condition|conditions|cle|clef|base|fondement|priorite|preuve)s?)|"
    r"jou(?:e|ent) un (?:role|grand role)|suppos(?:e|ent)|conditionn(?:e|ent)|necessit(?:e|ent)|"
    r"repos(?:e|ent) sur|depend(?:ent)? d[eu']|exig(?:e|ent)|requier(?:t|ent)|"
    r"il existe|il y a(?! lieu)|on estime|on observe|on constate)(?!\w)"
)
# What already holds (« Les préfectures disposent déjà d'un référent »), the law described as it
# stands (« Le code pénal punit la traite… », « Comme le prévoit la loi de 2016, … ») and things left
# as they are (« Les frais de justice restent pris en charge dans les conditions de droit commun »,
# « L'accès au logement continue de relever du DALO »): in a sentence with no future, no commitment
# of the plan.
_STANDING = re.compile(
    r"(?<![\w@])(?:deja|d'ores et deja)(?!\w)|"
    # The main verb only: « La MIPROF, qui demeure placée auprès du ministre, assure… » commits.
    r"^\W*[^,;:]{0,80}?(?<!\bqui )(?<!\bqu'elle )(?<!\bqu'il )\b(?:reste|restent|demeure|demeurent)\s+"
    r"(?:toujours\s+|ainsi\s+)?[a-z]+"
    r"(?:e|es|ee|ees|is|us|ue|ues|it|ite|ites|ert|erts|erte|ertes|ible|ibles|able|ables)\b(?! @)|"
    r"^\W*[^,;:]{0,80}?(?<!\bqui )\b(?:continue|continuent) (?:de |d')|"
    r"^\W*(?:comme (?:le |la |l')?(?:prevoi\w*|dispos\w*|rappell?\w*)|"
    r"selon (?:l'article|les articles|la loi|le code)|aux termes d(?:e|u|es)\b)|"
    r"^\W*(?:la|le|l'|les) "
    r"(?:loi|code|articles?|directive|convention|circulaire|decret|ordonnance|protocole)\b"
    r"[^,;:]{0,80}?\b(?:prevoi(?:t|ent)|dispos(?:e|ent)|puni(?:t|ssent)|reprim(?:e|ent)|defini(?:t|ssent)|"
    r"permet(?:tent)?|impos(?:e|ent)|reconnai(?:t|ssent)|garanti(?:t|ssent)|rappell?(?:e|ent)|ouvre(?:nt)?|"
    r"consacr(?:e|ent)|sanctionn(?:e|ent)|encadr(?:e|ent)|autoris(?:e|ent)|interdi(?:t|sent)|oblig(?:e|ent))\b"
)
# The past of verbs conjugated with « être » (« La France s'est dotée… », « Le dispositif est né… »,
# « Le nombre est passé de… »): a present passive (« est désigné ») stays a commitment.
_PAST_ETRE = re.compile(
    r"(?<![\w@])(?:(?:s'est|se sont|s'etait|s'etaient|nous nous sommes|vous vous etes)\s+(?:\w+\s+)?"
    r"[a-z]+(?:e|es|ee|ees|i|is|ie|ies|u|us|ue|ues|it|its|ite|ites|ert|erts|erte|ertes)|"
    r"(?:est|sont|etait|etaient|sommes|etes)\s+(?:deja\s+)?(?:nee?s?|passee?s?|"
    r"devenue?s?|arrivee?s?|entree?s? en vigueur|intervenue?s?|venue?s?|parvenue?s?|restee?s?|apparue?s?)"
    r")(?!\w)"
)
# Imperfect tense (« prévoyait », « existaient »): description, not commitment.
_IMPERFECT = re.compile(r"\b(?:etai(?:t|ent)|avai(?:t|ent)|[a-z]{3,}(?:ait|aient))\b")
# A reference to a text with nothing else: « articles L. 316-1 et L. 316-1-1 du CESEDA ».
_REFERENCE = re.compile(
    r"\b(?:articles?|art|al|alinea|loi|lois|decret|decrets|arrete|circulaire|ordonnance|code|directive|"
    r"convention|n|no|du|de|des|la|le|les|l|et|a|au|aux|penal|civil|travail|ceseda|cass|"
    r"[lrd]|[0-9][0-9.\-]*|(?:janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|"
    r"octobre|novembre|decembre))\b"
)


def is_field_line(sentence: str) -> bool:
    """« Pilote : MIPROF », « Indicateur(s) : nombre de … », « Financement Sans objet »."""
    stripped = sentence.strip(" •-–—*")
    folded = fold(stripped)
    label = _FIELD.match(folded)
    if label is not None:
        rest = folded[label.end() :].lstrip()
        if not rest or rest.startswith(":"):
            return True
        # « Financement Sans objet »: a label then a value set apart by its capital (a table row).
        words = stripped.split()
        n = len(label.group(0).split())
        if len(words) > n and (words[n][:1].isupper() or words[n][:1].isdigit()):
            return True
    head = _AUDIENCE_FIELD.match(folded) or _FIELD_HEAD.match(folded)
    if head is not None:
        # « Porteur de l'action : DGCS », « Coût estimé : 2 M€ »: a colon within a few words of the
        # label, and a value that commits to nothing (« Suivi des victimes : un référent sera
        # désigné » is a topic set before a commitment, not a field).
        complement, colon, _ = folded[head.end() :].partition(":")
        if colon and len(complement.split()) <= 5 and not re.search(r"\d", complement):
            return not has_future(complement) and not commits(stripped.partition(":")[2])
    return bool(_INDICATOR.match(folded)) and not has_future(folded)


def is_statement(sentence: str) -> bool:
    """A sentence about the past or the present state of things, with no commitment in it."""
    if commits(sentence):
        return False
    folded = folded_for_tense(sentence)
    return any(p.search(folded) for p in (_PAST, _PAST_ETRE, _NOW, _IMPERFECT, _DESCRIPTION, _STANDING))


def is_bare_reference(sentence: str) -> bool:
    """A sentence that only names texts (articles, laws, codes) and says nothing of its own."""
    words = re.findall(r"[\w']+", fold(sentence))
    if not words:
        return False
    rest = [w for w in words if not _REFERENCE.fullmatch(w)]
    return len(rest) <= 1 and len(words) >= 2


# A line of a chronology: « 2016 : la loi du 13 avril crée le parcours de sortie », « En 2014, … »,
# « Juin 2016 – … ». Told in the present tense, it reads as a commitment unless its year is known to
# come before the plan.
_DATED = re.compile(
    r"^\W*(?:en |depuis |des |au |le )?(?:\d{1,2}(?:er)? )?(?:(?:janvier|fevrier|mars|avril|mai|juin|juillet|"
    r"aout|septembre|octobre|novembre|decembre) )?((?:19|20)\d\d)\s*[:–—,-]"
)
_PERIOD = re.compile(r"\b((?:19|20)\d\d)\s*[-–—/]\s*(?:19|20)\d\d\b|\b((?:19|20)\d\d)\b")


def first_year(title: str | None) -> int | None:
    """The year a plan starts, from its title (« … 2017-2019 », « … 2024 »), if it names one."""
    m = _PERIOD.search(title or "")
    return int(m.group(1) or m.group(2)) if m else None


def dated_before(sentence: str, year: int | None) -> bool:
    """A chronology line (« 2016 : la loi … crée … ») whose year comes before `year`."""
    m = _DATED.match(fold(sentence))
    return year is not None and m is not None and int(m.group(1)) < year


def is_commitment(sentence: str, since: int | None = None) -> bool:
    """Whether `sentence` can answer an ask: not a field line, a statement, a refusal, a bare
    reference, or a line of a chronology dated before `since` (the year the plan starts)."""
    return not (
        is_field_line(sentence)
        or is_statement(sentence)
        or is_refusal(sentence)
        or is_bare_reference(sentence)
        or dated_before(sentence, since)
    )


@dataclass(frozen=True)
class Sentence:
    text: str
    commits: bool
    # The sentence announcing the list this item belongs to (« … : »), if any: the item is shown
    # with it (match/aligner.py).
    lead: str = ""
    # What the pronoun or demonstrative the sentence (or its list's lead-in) opens with points back
    # to: the last sentence before it that opens with no pronoun (« Une campagne nationale sera
    # conduite. » for « Elle sera diffusée en deux vagues »), followed by « […] » when others come
    # between. Shown before it, never read.
    before: str = ""


# A heading set inline, before its text: « Constat : les victimes… », « Actions : une instruction… ».
_INLINE_HEADING = re.compile(r"\s*([^:\n]{3,40}?)\s*:\s+(?=\S)")
# A run-in heading closed by a full stop (« Constat. Les pratiques des préfectures divergent… »): only a
# heading of context reads so, a sentence of one word being rare.
_RUN_IN_CONTEXT = re.compile(r"\s*([^\W\d_][^.:\n]{2,30}?)\.\s+(?=[A-ZÀ-Ý«])")
_INLINE_ACTIONS = re.compile(r"^(?:actions?|engagements?|actions? (?:prevues?|a conduire|a mener))$")


def _heading(para: str) -> tuple[str | None, str]:
    """(« context », « context here » (this paragraph only), « action » or None; what of `para` is left
    heading, or opens with one inline."""
    whole = fold(" ".join(para.split())).strip(" :.")
    if _CONTEXT_HEADINGS.match(whole):
        return "context", ""
    if _ACTION_HEADINGS.match(whole):
        return "action", ""
    run_in = _RUN_IN_CONTEXT.match(para)
    if run_in is not None and _CONTEXT_HEADINGS.match(fold(" ".join(run_in.group(1).split()))):
        # Its own paragraph only: the text after it (« Le Comité décide : ») is no more context.
        return "context here", para[run_in.end() :]
    inline = _INLINE_HEADING.match(para)
    if inline is not None:
        label = fold(" ".join(inline.group(1).split()))
        if _CONTEXT_HEADINGS.match(label):
            return "context", para[inline.end() :]
        if _INLINE_ACTIONS.match(label):
            return "action", para[inline.end() :]
    return None, para


# A sentence whose subject is a pronoun standing for something named before (« Elle sera diffusée… »,
# « Il servira de fondement… »): alone, a reader cannot tell what it commits to. Not an impersonal
# « il » (« Il faut », « Il est nécessaire de »), which stands for nothing.
_ANAPHORIC = re.compile(
    r"^(?:(?:Il|Elle|Ils|Elles)\s"
    r"(?!(?:y a|faut|convient|importe|existe|s[’']agit|est \w+ (?:de|d[’']|que))\b)"
    r"|(?:Celui|Celle|Ceux|Celles)-ci\b"
    # « Ces actions seront conduites… », « Ce socle sera : », « À cette fin : », « Dans ce cadre, »:
    # what they point back to is in the sentences before.
    r"|(?:(?:À|A|Pour|Dans|Sur|Par|De|En|Avec) )?(?:ce|cet|cette|ces|Ce|Cet|Cette|Ces)\s(?!qui\b|que\b))"
)


# Nor can a sentence opening with an impersonal « il » name what a later pronoun stands for.
_PRONOUN_FIRST = re.compile(r"^(?:Il|Elle|Ils|Elles|Celui-ci|Celle-ci|Ceux-ci|Celles-ci)\b")


def _before(sentences_: list[Sentence], opening: str) -> str:
    """What to show before `opening`, a sentence after `sentences_`, when it opens with a pronoun or a
    demonstrative: the last of them that opens with no pronoun, and « […] » when it is not the one
    just before."""
    if not _ANAPHORIC.match(opening):
        return ""
    for back, earlier in enumerate(reversed(sentences_)):
        text = earlier.text
        if not (_PRONOUN_FIRST.match(text) or text.rstrip().endswith(":") or is_field_line(text)):
            # A list item is shown as a passage would be: after its lead-in (« … : item ») and what
            # the lead-in points back to.
            if earlier.lead:
                text = " ".join(part for part in (earlier.before, earlier.lead, text) if part)
            return text if back == 0 else f"{text} […]"
    return ""


def measure_sentences(text: str, since: int | None = None) -> list[Sentence]:
    """The sentences of a measure's text, each with whether it can be evidence: sentences under
    a « Constat » heading (until « Actions ») and those `is_commitment` rejects cannot (`since`: the
    year the plan starts, for chronology lines)."""
    out: list[Sentence] = []
    in_context = False
    lead: str | None = None  # a sentence announcing a list (« … selon la situation : »)
    lead_bullet = ""  # the bullet of the item that announced it, if it was one
    lead_before = ""  # what the lead-in's pronoun stands for (`_before`)
    for block in re.split(r"\n\s*\n", text):
        heading, para = _heading(block)
        if heading in ("context", "action"):
            in_context = heading == "context"
        context = in_context or heading == "context here"
        if not para.strip():
            continue
        bullet = BULLET.match(para.lstrip())
        bulleted = bullet is not None
        if lead is not None and bullet is not None and bullet.group() == lead_bullet:
            # « – Le fonds sera scindé … : • … • … – Un état annuel … »: the next item of the same
            # level as the lead-in is its sibling, not one of its items.
            lead = None
        label = False  # the sentence before was a field's label alone (« Pour qui : »)
        for k, s in enumerate(sentences(para)):
            if label:
                # « Pour qui : Le grand public »: its value, split from it at the colon, is the field.
                out.append(Sentence(s, False))
                label = False
                continue
            label = s.rstrip().endswith(":") and is_field_line(s)
            in_list = lead is not None and (bulleted or s[:1].islower())
            # The lead-in governs an item's first sentence (or a continuation in lower case), not
            # the sentences that follow it in the item; the list goes on until a paragraph that
            # is not an item.
            if lead is not None and in_list and (k == 0 or s[:1].islower()):
                # A list item commits to what its lead-in says: « l'éloignement géographique »
                # alone is no commitment, and a reader could not check it as evidence.
                item = Sentence(s, not context and is_commitment(f"{lead} {s}", since), lead, lead_before)
            else:
                if not in_list:
                    lead = None
                item = Sentence(s, not context and is_commitment(s, since), before=_before(out, s))
            if s.endswith(":"):
                lead, lead_bullet = s, (bullet.group() if bullet is not None and k == 0 else "")
                lead_before = item.before
            out.append(item)
    return out


# Praise in a review (« Le Collectif se réjouit de… », « Il salue… »): it asks nothing.
_PRAISE = re.compile(
    r"\b(?:se rejoui\w*|salu(?:e|ent|ons)|se felicit\w*|felicit\w*|remerci\w*|apprecie\w*|"
    r"(?:note|notons|constate|constatons|accueille|accueillons) (?:avec satisfaction|favorablement))\b"
)


def asks_nothing(sentences_: list[str]) -> bool:
    """Whether a review's item, none of whose sentences reads as an ask, is praise or a statement
    of fact (it then gets the verdict « n-a »): it praises, or every sentence is about the past or
    the present state of things."""
    folded = [folded_for_tense(s) for s in sentences_]
    if any(_PRAISE.search(s) for s in folded):
        return True
    lead_states = False
    for s in sentences_:
        # The items of a list a statement leads into (« Il existe … : – le foyer AFJ ; – 186 places… »)
        # state what it states.
        if lead_states and (s[:1].islower() or s[:1].isdigit()):
            continue
        if not is_statement(s):
            return False
        lead_states = s.rstrip().endswith(":")
    return bool(sentences_)
