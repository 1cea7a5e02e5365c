"""What a plan declines to do, leaves out of its scope, or keeps as it is: sentences that answer no
ask for a change (« Il n'est pas prévu de… », « n'entre pas dans le champ du présent plan », « La
délivrance restera subordonnée à… »). They may help find the measure an ask is about; a refusal in
the measure that answers the rest of an ask also says which part is not given (judge/refused.py).
"""

from __future__ import annotations

import re

from plancompare.text.tense import folded_for_tense

# The plan declining to act: « Aucune modification législative n’est envisagée », « il n’est pas prévu
# de… », « ne sera pas reconduit ». A prohibition the plan commits to (« aucun soin ne sera pratiqué
# sans… ») is no refusal: only the plan's own verbs of planning and doing count.
_PLANNING = (
    r"(?:envisag|prevu|programm|retenu|cree|mis en place|mise en place|mise? en oeuvre|modifi|etendu|instaur|"
    r"engag|generalis|reconduit)"
)
_REFUSAL = re.compile(
    rf"\bn'(?:est|sont) (?:pas |plus |)(?:envisag|prevu|programm|retenu)\w*|"
    rf"\bne (?:sera|seront) (?:pas|plus) {_PLANNING}\w*|"
    # « Aucun fonds dédié ne sera créé » (« aucun soin ne sera pratiqué sans… » is a prohibition).
    # Only verbs of setting up: « aucune poursuite ne sera engagée contre les victimes » protects them.
    r"\baucune? [^.;:]{0,60}? ne (?:sera|seront) (?:cree|mis en place|mise en place|instaur|prevu|programm|"
    r"envisag)\w*|"
    # « n'est pas jugée nécessaire », « le Gouvernement n'entend pas », « le Gouvernement écarte ».
    r"\bn'(?:est|sont) pas (?:jugee?s?|estimee?s?|consideree?s?) (?:necessaire|utile|opportun|prioritaire|"
    r"souhaitable)\w*|\bn'(?:apparait|parait) pas (?:necessaire|utile|opportun|prioritaire|souhaitable)\w*|"
    r"\bn'(?:entend|entendent) pas\b|\b(?:le gouvernement|l'etat|le plan) (?:ecarte|rejette|refuse)\b|"
    r"\bne (?:prevoit|prevoient|prevoyons|retient|retiennent|retenons|envisage|envisagent|envisageons) "
    r"(?:pas|plus)\b|"
    # In the active voice: « L'État ne créera pas de fonds », « nous ne reconduirons pas le dispositif »
    # (« nous ne tolérerons plus… » is a commitment: only the plan's verbs of setting up count).
    # « nous ne la rattacherons pas », « nous n'ajouterons pas de module »: a pronoun may come between.
    r"\b(?:ne|n') ?(?:(?:le|la|les|l'|leur|lui|y|en) ?)?"
    r"(?:creer|instaurer|reconduir|generaliser|etendr|modifier|programmer|prevoir|mettr|ouvrir|financer|developper|deploier|retiendr|lancer|renouveller|renouveler|"
    r"prolonger|augmenter|elargir|ajouter|rattacher|inscrir|integrer|accorder|octroyer|attribuer|"
    r"reconnaitr|autoriser|doter|consacrer|affecter|recruter|designer|instituer|etablir|installer)"
    r"(?:a|ont|ons) (?:pas|plus)\b|"
    # Left out of the plan's scope: « La formation initiale n'entre pas dans le champ du présent
    # contrat », « ces dispositifs ne relèvent pas du plan », « ne donnent lieu à aucun financement »,
    # « le présent contrat ne modifie pas le code », « l'aide juridictionnelle en est exclue ».
    r"\bn'(?:entre|entrent|entrera|entreront) pas dans (?:le|son|leur) champ|\bhors (?:du )?champ d|"
    # (« ces mineurs, qui ne relèvent pas du dispositif Ac-Sé » only says who they are.)
    r"(?<!qui )\bne (?:releve|relevent|relevera|releveront) pas d(?:u|e ce|e cette|e la|es) (?:presente? |"
    r"presents )?(?:plan|contrat|programme|strategie|feuille de route|present)\b|"
    r"\bne (?:donne|donnent|donnera|donneront) lieu (?:@|a) aucun|"
    r"\bne (?:modifie|modifient|modifiera|modifieront) (?:pas|en rien)\b|"
    # (« aucune victime n'en est exclue » includes them all.)
    r"(?<!n')(?<!n'en )\b(?:est|sont|reste|restent|demeure|demeurent) exclue?s?\b|"
    r"\bis not (?:planned|envisaged|foreseen)|\bwill not be (?:created|extended|renewed)|"
    r"\b(?:falls?|is|are) outside (?:the|its|their) scope"
)


def is_refusal(sentence: str) -> bool:
    """A sentence in which the plan declines to do something: it answers no ask."""
    return bool(_REFUSAL.search(folded_for_tense(sentence)))
