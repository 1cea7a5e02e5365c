"""Why a matched ask counts as changed: a figure, the modality, the actor, the scope.

Each detector compares the proposal's ask with the next plan's passage that answers it and returns
`Reason`s quoting the words of both sides, so a reader can check them.
"""

from __future__ import annotations

import re

from plancompare.judge.actors import absent_actor_reasons, actor_reasons, audience_reasons, others_reasons
from plancompare.judge.extension import extension_reasons
from plancompare.judge.kinds import (
    available_reasons,
    event_reasons,
    money_reasons,
    offered_reasons,
    once_reasons,
    separate_reasons,
    terms_reasons,
    tool_reasons,
    training_reasons,
    untrained_reasons,
)
from plancompare.judge.quoting import NEGATED, quote, quoted_reason
from plancompare.judge.refused import refused_reasons
from plancompare.judge.scope import (
    condition_reasons,
    funding_reasons,
    involvement_reasons,
    language_reasons,
    limited_reasons,
    scope_reasons,
    selection_reasons,
    share_reasons,
    territory_reasons,
)
from plancompare.judge.specific import specific_reasons
from plancompare.models import Measure, Reason
from plancompare.text.normalise import figures, fold, stem
from plancompare.text.patterns import ASK, PREFIX

# --- figures -------------------------------------------------------------------------------------


def _fmt(value: float) -> str:
    # Whole numbers in full (« 2000000 », not « 2e+06 »): sums of money are compared in euros.
    return f"{value:.0f}" if value == int(value) else f"{value:g}"


# An amount raised asked (« que le montant de l'allocation soit revalorisé »), the amount kept given.
_RAISE_ASKED = re.compile(
    r"\b(revaloris\w*|(?:augment\w*|hausse|relev\w*|rehauss\w*) (?:du |de l'|de la |des |le |la |les )?"
    r"(?:montants?|allocations?|remunerations?|indemnit\w*|aides?|budgets?|credits|financements?|dotations?))\b"
)
_RAISED = re.compile(r"\b(revaloris\w*|augment\w*|hausse|relev\w*|rehauss\w*|porte\w* a|major\w*|doubl\w*)\b")


def raise_reasons(ask: str, passage: str) -> list[Reason]:
    """A higher amount asked; the passage grants the thing but raises nothing."""
    asked = _RAISE_ASKED.search(fold(ask))
    if asked is None or _RAISED.search(fold(passage)):
        return []
    return [
        Reason(
            code="figure",
            base=quote(ask, asked.start(), asked.end()),
            detail="a higher amount was asked; the next plan does not raise it",
        )
    ]


# How the ask holds a figure: « et non de six mois » refuses it, « un an minimum » / « au moins un an »
# sets a floor, « au plus » / « maximum » a ceiling.
_REFUSED_BEFORE = re.compile(r"(?:et non|non pas|plutot que|au lieu|et pas)\s*(?:de |d'|des |du )?$")
_FLOOR_BEFORE = re.compile(r"(?:au moins|au minimum|minimum|pas moins|(?<!pas )plus)\s*(?:de |d'|que )?$")
_FLOOR_AFTER = re.compile(r"^\s*(?:minimum|au moins|au minimum|ou plus|et plus)\b")
_CEILING_BEFORE = re.compile(
    r"(?:au plus|au maximum|maximum|pas plus|(?<!au )(?<!pas )moins|jusqu'a)\s*(?:de |d'|que )?$"
)
_CEILING_AFTER = re.compile(r"^\s*(?:maximum|au plus|au maximum|ou moins)\b")


def _around(text: str, raw: str) -> tuple[str, str] | None:
    """The folded words just before and just after the figure written `raw` in `text` (None when
    `text` does not hold it as written)."""
    at = text.find(raw)
    if at < 0:
        return None
    return fold(text[max(0, at - 24) : at]), fold(text[at + len(raw) : at + len(raw) + 16])


def _held(ask: str, raw: str) -> str:
    """« refused », « floor », « ceiling » or « exact »: how the ask holds the figure written `raw`."""
    around = _around(ask, raw)
    if around is None:
        return "exact"
    before, after = around
    if _REFUSED_BEFORE.search(before):
        return "refused"
    if _FLOOR_BEFORE.search(before) or _FLOOR_AFTER.match(after):
        return "floor"
    if _CEILING_BEFORE.search(before) or _CEILING_AFTER.match(after):
        return "ceiling"
    return "exact"


# A figure the plan gives as the value it replaces (« contre 2 000 en 2022 », « passera de 300 à 500 »,
# « au lieu de six mois », « actuellement de six mois »): not what the plan commits to.
_FORMER_BEFORE = re.compile(
    r"(?:\bcontre|au lieu|\bactuellement|aujourd'hui|jusqu'ici|jusqu'a present|"
    r"\b(?:pass|port|augment|relev|ramen|redui)\w* de(?:s)?)\s*(?:de |d'|des |du )?$"
)
_FORMER_AFTER = re.compile(r"^\s*(?:a|au|aux)\s+(?:\d|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix)")


def _former(passage: str, raw: str) -> bool:
    """Whether the passage gives `raw` as the value it replaces."""
    around = _around(passage, raw)
    if around is None:
        return False
    before, after = around
    # « une durée de six mois » is the value given, « de six mois à un an » the old one.
    return bool(_FORMER_BEFORE.search(before)) or (
        re.search(r"\bde\s*$", before) is not None and _FORMER_AFTER.match(after) is not None
    )


def figure_reasons(ask: str, passage: str) -> list[Reason]:
    """Same unit, another value: « six mois » → « un an », « 50 postes » → « 30 postes ». A figure
    the ask refuses (« et non de six mois ») is not what it asks; a floor (« un an minimum ») is met
    by as much or more, a ceiling by as much or less."""
    theirs = [f for f in figures(passage) if not _former(passage, f[2])]
    out: list[Reason] = []
    for value, unit, raw in figures(ask):
        same_unit = [(v, r) for v, u, r in theirs if u == unit]
        held = _held(ask, raw)
        if not same_unit or held == "refused" or any(abs(v - value) < 1e-9 for v, _ in same_unit):
            continue
        other_value, other_raw = same_unit[0]
        if (held == "floor" and other_value >= value) or (held == "ceiling" and other_value <= value):
            continue
        suffix = " (months)" if unit.startswith("mois") else " €" if unit == "€" else ""
        detail = f"{_fmt(value)} → {_fmt(other_value)}{suffix}"
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
# What a plan writes instead of doing the thing asked. An inquiry: a study, a reflection, a working
# group, a mission, a feasibility or opportunity review.
_INQUIRY = (
    r"etudi(?:er|era|eront|erons)|une etude|(?:engager|mener|conduire|ouvrir) une reflexion|"
    r"une reflexion sera|"
    r"groupe de reflexion|groupe de travail|mission d'(?:inspection|evaluation|expertise)|"
    r"(?:la|une) faisabilite|l'opportunite|reflechir|reflechira|reflechirons|"
    # « Le Gouvernement examinera la possibilité de… », « La création … sera examinée », « mise à l'étude ».
    r"(?:examin|etudi|expertis|analys)\w* la possibilite|mise? a l'etude|"
    # « une analyse des recommandations … et des suites qui pourraient leur être données ».
    r"une analyse|"
    r"fera l'objet d'une (?:etude|expertise|reflexion|analyse|evaluation prealable)|"
    r"(?:sera|seront) (?:examinee?s?|expertisee?s?|etudiee?s?|analysee?s?)"
)
# What is examined must be a step not yet taken (« La création … sera examinée »), not a file dealt
# with (« Les demandes seront examinées en priorité »).
_EXAMINED = re.compile(r"(?:sera|seront) (?:examin|expertis|etudi|analys)")
_NOT_YET_TAKEN = re.compile(
    r"\b(?:creation|mise en place|extension|ouverture|generalisation|instauration|possibilite|"
    r"opportunite|reforme|modification)\b[^.;:]*$"
)
# Deferred: an inquiry, an experiment or pilot, a budget cap, a condition, a later decision. These
# commit to nothing however softly the ask was put.
_DEFERRED = (
    _INQUIRY + r"|a titre experimental|experiment\w*|prefigur\w*|envisag\w*|"
    r"dans la limite des (?:credits|moyens|credits disponibles|moyens disponibles)|sous reserve|"
    r"a terme|ulterieurement|selon des modalites a (?:definir|preciser)|"
    # Left to the money found or to results to come.
    r"au vu des (?:resultats|conclusions)|si les (?:credits|moyens|financements) le permettent|"
    r"en fonction des (?:moyens|credits|financements|ressources)(?: disponibles)?|"
    r"dans la mesure des (?:moyens|credits|places|financements|ressources)(?: disponibles)?|"
    r"sous condition de financement|a (?:moyen|long) terme"
)
# Left to choice: a possibility, a few places, an option, a recommendation, an invitation. These
# weaken a firm ask only.
_CHOICE = (
    r"pourr(?:a|ont|ons|ait|aient|ions)|peu(?:t|vent) etre|le cas echeant|site[s]? pilote[s]?|"
    r"dans (?:un|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|\d+) (?:departements|regions|sites|villes)|"
    r"si possible|dans (?:toute )?la mesure du possible|au cas par cas|progressivement|en tant que de besoin|"
    # « lorsque c'est possible », « autant que possible »: where it can be done, not always.
    r"(?:lorsque|quand|si) (?:cela est|c'est|ce sera|cela sera) possible|"
    r"autant que (?:possible|faire se peut)|"
    r"a titre (?:optionnel|facultatif)|optionnel\w*|facultati\w*|"
    r"(?:(?:il )?(?:lui|leur) )?(?:est|sont|sera|seront) recommande(?:e|s|es)?|"
    r"(?:est|sont|seront|sera) (?:invite|encourage|incite)(?:e|s|es)? a|"
    # « … sera favorisée »: urged, not done. (« Une circulaire invitera les parquets à… » is how a
    # government instructs them: not a weakening.)
    r"(?:sera|seront) favorisee?s?|"
    r"may|might|could|pilot|where appropriate|case by case"
)
_WEAK = re.compile(rf"\b({_DEFERRED}|{_CHOICE})\b")
_INQUIRY_RE = re.compile(_INQUIRY)
_DEFERRED_RE = re.compile(_DEFERRED)


# An ask that itself asks for a possibility (« donner la possibilité de ») is met by a « pourra ».
# « doivent pouvoir bénéficier » is an obligation (« must be able to »), not such an ask, and neither is
# a prohibition (« ne peut être soumise à… ») unless it forbids keeping a task to one body (« ne peut être
# réservée à la seule police »): opening it to others is giving them a possibility.
_ASKS_POSSIBILITY = re.compile(
    r"\b(possibilit\w*|(?<!doit )(?<!doivent )(?<!devrait )(?<!devraient )(?<!devront )(?<!devra )pouvoir|"
    r"(?<!ne )pourr\w*|(?<!ne )peu(?:t|vent)|faculte|option|"
    r"ne (?:peu(?:t|vent)|doi(?:t|vent)) (?:pas |plus )?etre reserve\w*)\b"
)


# Who « pourra »: a victim who may claim a right is given that right (« les victimes pourront élire
# domicile »), and so is an association (« les associations pourront conclure des conventions »); an
# authority that may act is given discretion (« le préfet pourra »).
# The holder must be the clause's subject (« les victimes de traite pourront », « sur cette base,
# toute personne pourra »), not a complement (« un fonds pour les victimes pourrait être créé »).
_RIGHT_HOLDER = re.compile(
    r"^\W*(?:[^,]{0,40},\s*)?(?:(?:les|la|le|l'|toute?s?|chaque|ces|cette|ce|leurs?|une?|des)\s*)?"
    r"(victimes?|personnes?|mineurs?|enfants?|interesse(?:e|s|es)?|beneficiaires?|demandeurs?|titulaires?|associations?|elles|ils)"
    r"(?:(?:\W+\w+){0,6}|.*\bet)\W*$"  # « Tout mineur relèvera de … et pourra »: the same subject
)

_AUTHORITY = re.compile(
    r"\b(prefets?|prefectures?|juges?|procureurs?|parquets?|administrations?|services?|ministres?|etat|"
    r"autorites?|commissions?|agents?|inspecteurs?|caisses?|office|ofii|ofpra|miprof|maires?)\b"
)
_HOLDERS = frozenset(
    {"victime", "victimes", "personne", "personnes", "mineur", "mineurs", "enfant", "enfants"}
    | {"association", "associations"}
)
_NAMED = re.compile(
    r"\b(victimes?|personnes?|mineurs?|enfants?|associations?|prefets?|prefectures?|services?|juges?|"
    r"parquets?|autorites?|commissions?|cellules?|caisses?|administrations?)\b"
)
# An ask for knowledge (« des éléments sur l'impact financier ») is met by a study, not weakened by it.
_ASKS_KNOWLEDGE = re.compile(
    r"\b(elements? sur|donnees|connaissances?|evaluations?|etudes?|recherches?|diagnostics?|"
    r"etat des lieux|cartographie|chiffres|statistiques?)\b"
)


def _weakens(m: re.Match[str], folded_passage: str, folded_ask: str) -> bool:
    """Whether the weak wording `m` of the passage weakens the ask: not negated, not a right given
    to the person it is for, not a study where knowledge was asked."""
    before = folded_passage[: m.start()]
    if NEGATED.search(before):
        return False
    word = m.group(1)
    if word.startswith(("pourr", "peu")):
        clause = re.split(r"[.;:]", before)[-1]
        holder = _RIGHT_HOLDER.search(clause)
        if holder is not None and holder.group(1) in ("elles", "ils"):
            # A pronoun holds the right when the last body named before it is the victims (or the
            # associations), not an authority (« Les victimes seront protégées : elles pourront … »).
            named = _NAMED.findall(before[: len(before) - len(clause)])
            holder = holder if named and named[-1] in _HOLDERS else None
        if holder is not None and not _AUTHORITY.search(clause[holder.end(1) :]):
            return False
    if _EXAMINED.match(word) and not _NOT_YET_TAKEN.search(before):
        return False
    if _INQUIRY_RE.fullmatch(word) and _ASKS_KNOWLEDGE.search(folded_ask):
        return False
    # What the ask itself asks for (« une expérimentation », « un groupe de travail ») is no weakening.
    return stem(word.split()[-1])[:PREFIX] not in {stem(w)[:PREFIX] for w in folded_ask.split()}


# « permettre aux inspecteurs de … » asks a possibility for them: their own « pourra » meets it.
_ENABLE = re.compile(r"\bpermet\w* (?:a|au|aux) (?:la |les |l')?(\w+)")


def _enabled(folded_ask: str, before: str) -> bool:
    """Whether the ask enables someone (« permettre aux inspecteurs ») whom the clause of the
    passage's « pourra » names (« L'inspecteur pourra signaler… »)."""
    clause = re.split(r"[.;:]", before)[-1]
    stems = {stem(w)[:PREFIX] for w in re.findall(r"\w+", clause)}
    return any(stem(m.group(1))[:PREFIX] in stems for m in _ENABLE.finditer(folded_ask))


def modality_reasons(ask: str, passage: str) -> list[Reason]:
    """An obligation asked, a possibility or an experiment given."""
    folded_ask = fold(ask)
    order = _ORDER.search(folded_ask)
    # The order's verb alone is quoted, not the punctuation before it.
    strong = (
        _STRONG.search(folded_ask)
        or _ASK_WORD.search(folded_ask)
        or (order and _VERB.match(folded_ask, order.start(1)))
    )
    folded_passage = fold(passage)

    def met(m: re.Match[str]) -> bool:
        """A « pourra » that meets an ask for a possibility (or enables whom the ask enables)."""
        return m.group(1).startswith(("pourr", "peu")) and bool(
            _ASKS_POSSIBILITY.search(folded_ask) or _enabled(folded_ask, folded_passage[: m.start()])
        )

    # A study, an inquiry or a later decision commits to nothing, however softly it was asked
    # (« il serait utile de mettre en place »); a « pourra » only weakens a firm ask. A « pourra » that
    # meets the ask is no weakening, but a study later in the passage still defers it (« ils pourront
    # identifier une victime. Nous étudierons les textes qui permettraient… »).
    weak = next(
        (
            m
            for m in _WEAK.finditer(folded_passage)
            if _weakens(m, folded_passage, folded_ask)
            and (strong is not None or _DEFERRED_RE.fullmatch(m.group(1)) is not None)
            and not met(m)
        ),
        None,
    )
    if weak is None:
        return []
    strong = strong or ASK.search(folded_ask)
    if strong is None:
        # A nominal item (« - Un dispositif spécifique d'hébergement… ») asks for the thing itself.
        return [
            Reason(
                code="modality",
                next=quote(passage, weak.start(1), weak.end(1)),
                detail="the thing was asked; the next plan gives a study or a later decision",
            )
        ]
    return quoted_reason(
        "modality",
        ask,
        strong,
        passage,
        weak,
        "an obligation was asked; the next plan gives a possibility, a study or an experiment",
    )


_ASK_WORD = re.compile(r"\b(il faut|necessaire|indispensable|souhaite\w*|demande\w*|devrai\w*)\b")
_VERB = re.compile(r"\w+")
# An ask written as an order (« Créer un fonds… », « - Prévoir des modules… ») is as firm as « il faut ».
_ORDER = re.compile(
    r"(?:^|[.!?;]\s+)[-–•*\s]*"
    r"(?!(?:notre|votre|entre|autre|contre|titre|cadre|ordre|premier|dernier|hier|leur|centre|nombre|membre)\b)"
    r"([a-z]+(?:er|ir|re))\b"
)


def change_reasons(ask: str, passage: str, measure: Measure | None = None) -> list[Reason]:
    scope = (
        scope_reasons(ask, passage)
        or specific_reasons(ask, passage)
        or territory_reasons(ask, passage)
        or training_reasons(ask, passage)
        or condition_reasons(ask, passage)
        or share_reasons(ask, passage)
        or selection_reasons(ask, passage)
        or others_reasons(ask, passage)
        or language_reasons(ask, passage)
        or limited_reasons(ask, passage)
        or extension_reasons(ask, passage)
        or separate_reasons(ask, passage)
        or refused_reasons(ask, passage, measure)
        or untrained_reasons(ask, passage)
        or money_reasons(ask, passage)
    )
    modality = (
        modality_reasons(ask, passage)
        or involvement_reasons(ask, passage)
        or funding_reasons(ask, passage)
        or offered_reasons(ask, passage)
        or available_reasons(ask, passage)
        or tool_reasons(ask, passage, measure)
        or event_reasons(ask, passage)
        or once_reasons(ask, passage)
        or terms_reasons(ask, passage)
    )
    return [
        *(figure_reasons(ask, passage) or raise_reasons(ask, passage)),
        *modality[:1],
        *(
            actor_reasons(ask, passage, measure)
            or absent_actor_reasons(ask, passage, measure)
            or audience_reasons(ask, passage, measure)
        ),
        *scope[:1],
    ]
