"""Report labels in French and English, and the few formatting rules that differ between them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from plancompare.errors import UsageError

if TYPE_CHECKING:  # the command line reads LANGUAGES before any model is needed
    from plancompare.models import Reason

LANGUAGES = ("fr", "en")

_FR = {
    "title": "Écarts entre plans",
    "base": "Plan de référence",
    "next": "Plan suivant",
    "summary": "Synthèse",
    "proposals": "Propositions",
    "priority": "Priorité",
    "general": "Demandes générales",
    "recommendations": "Recommandations",
    "no_priority": "Sans priorité",
    "total": "Total",
    "adoption_rate": "Taux d’adoption",
    "adopted": "Adoptée",
    "changed": "Modifiée",
    "dropped": "Non reprise",
    "n-a": "Sans objet",
    "kept": "Maintenue",
    "revised": "Révisée",
    "merged": "Fusionnée",
    "split": "Scindée",
    "measure_dropped": "Abandonnée",
    "id": "Id",
    "proposal": "Proposition",
    "verdict": "Verdict",
    "next_measures": "Mesure(s) du plan suivant",
    "score": "Score",
    "evidence": "Passage",
    "reasons": "Raisons",
    "decided": "Décision",
    "confidence": "Confiance",
    "conf": "Conf.",
    "sort": "Ordre",
    "sort_document": "du document",
    "sort_confidence": "les moins sûres d’abord",
    "filter_confidence": "Confiance",
    "any_confidence": "toute",
    "below": "sous {pct}",
    "analyst": "✔ analyste",
    "base_measures": "Mesures du plan de référence",
    "measure": "Mesure",
    "title_col": "Intitulé",
    "becomes": "Devient",
    "new_measures": "Nouvelles mesures",
    "none": "aucune",
    "stale": "Décisions d’analyste périmées",
    "stale_intro": "Ces décisions n’ont pas été appliquées ; revoyez-les avec `plancompare decide` :",
    "engine": "moteur",
    "all": "Toutes",
    "all_axes": "Tous les axes",
    "filter_verdict": "Verdict",
    "filter_axis": "Axe",
    "shown": "affichées",
    "legend_shared_word": "Surligné",
    "legend_shared": "ce que le passage partage avec la proposition (mêmes mots ou même racine)",
    "legend_absent_word": "souligné",
    "legend_absent": "les mots distinctifs de la demande que le passage n’a pas",
    "full_text": "Texte complet",
    "nearest": "la plus proche",
    "no_proposals": (
        "Le document de référence est un plan sans tableau d’observations : il n’a pas de propositions à"
        " suivre, seules ses mesures sont comparées."
    ),
    "nearest_note": (
        "Pour une proposition non reprise ou sans objet, la mesure entre parenthèses et son passage sont les"
        " plus proches trouvés : ils ne répondent pas à la demande."
    ),
    "adoption_note": (
        "Taux d’adoption = adoptées / (adoptées + modifiées + non reprises) : les éléments sans objet"
        " (éloges, constats, qui ne demandent rien) ne comptent dans aucun taux."
    ),
    "no_passage": "Aucun passage correspondant",
    "no_ask": "Rien n’est demandé : aucun passage à chercher",
    "verdicts_by_axis": "Verdicts par priorité",
    "by_measure": "Propositions par mesure",
    "more_rows": (
        "{n} propositions au total ; --all pour toutes les lister, --format md ou html pour le rapport"
    ),
    "settings": "Réglages",
}

_EN = {
    "title": "Gaps between plans",
    "base": "Base plan",
    "next": "Next plan",
    "summary": "Summary",
    "proposals": "Proposals",
    "priority": "Priority",
    "general": "General demands",
    "recommendations": "Recommendations",
    "no_priority": "No priority",
    "total": "Total",
    "adoption_rate": "Adoption rate",
    "adopted": "Adopted",
    "changed": "Changed",
    "dropped": "Dropped",
    "n-a": "Not an ask",
    "kept": "Kept",
    "revised": "Revised",
    "merged": "Merged",
    "split": "Split",
    "measure_dropped": "Dropped",
    "id": "Id",
    "proposal": "Proposal",
    "verdict": "Verdict",
    "next_measures": "Next-plan measure(s)",
    "score": "Score",
    "evidence": "Passage",
    "reasons": "Reasons",
    "decided": "Decision",
    "confidence": "Confidence",
    "conf": "Conf.",
    "sort": "Order",
    "sort_document": "document",
    "sort_confidence": "least certain first",
    "filter_confidence": "Confidence",
    "any_confidence": "any",
    "below": "below {pct}",
    "analyst": "✔ analyst",
    "base_measures": "Base-plan measures",
    "measure": "Measure",
    "title_col": "Title",
    "becomes": "Becomes",
    "new_measures": "New measures",
    "none": "none",
    "stale": "Stale analyst decisions",
    "stale_intro": "These decisions were not applied; review them with `plancompare decide`:",
    "engine": "engine",
    "all": "All",
    "all_axes": "All axes",
    "filter_verdict": "Verdict",
    "filter_axis": "Axis",
    "shown": "shown",
    "legend_shared_word": "Highlighted",
    "legend_shared": "what the passage shares with the proposal (the same words or stems)",
    "legend_absent_word": "underlined",
    "legend_absent": "the ask's distinctive words the passage lacks",
    "full_text": "Full text",
    "nearest": "nearest",
    "no_proposals": (
        "The base document is a plan without a review table: it has no proposals to follow; only its"
        " measures are compared."
    ),
    "nearest_note": (
        "For a dropped proposal or an item that is not an ask, the measure in brackets and its passage are"
        " the nearest found: they do not answer the ask."
    ),
    "adoption_note": (
        "Adoption rate = adopted / (adopted + changed + dropped): items that are not asks (praise,"
        " statements of fact) count in no rate."
    ),
    "no_passage": "No matching passage",
    "no_ask": "Nothing is asked: no passage to look for",
    "verdicts_by_axis": "Verdicts by priority",
    "by_measure": "Proposals by measure",
    "more_rows": "{n} proposals in all; --all to list every one, --format md or html for the full report",
    "settings": "Settings",
}

_REASONS = {
    "fr": {
        "figure": "chiffre",
        "modality": "modalité",
        "actor": "acteur",
        "scope": "portée",
        "partial": "partielle",
        "no-match": "aucune mesure correspondante",
        "topic-only": "même thème seulement",
        "claimed": "passage mieux repris par",
        "no-ask": "aucune demande repérée (constat ?)",
        "weighed": "verdict pesé par le modèle de confiance",
        "analyst": "analyste",
        "twin": "même demande que",
    },
    "en": {
        "figure": "figure",
        "modality": "modality",
        "actor": "actor",
        "scope": "scope",
        "partial": "partial",
        "no-match": "no matching measure",
        "topic-only": "same topic only",
        "claimed": "passage answers better",
        "no-ask": "no ask found (a statement?)",
        "weighed": "verdict weighed by the confidence model",
        "analyst": "analyst",
        "twin": "same ask as",
    },
}

# Codes whose base/next are quoted words (« doit » → « pourra »); figures read better bare (6 mois → 1 an).
_QUOTED = {"modality", "actor", "scope"}
# Before the counts of a weighed reason's `labelled`: the drafts the confidence model was fit on.
_LABELLED = {"fr": "brouillons étiquetés", "en": "labelled drafts"}
# Codes whose `base` lists the words of the ask that the passage lacks.
_MISSING = {"partial", "topic-only"}


@dataclass(frozen=True)
class Labels:
    lang: str
    words: dict[str, str]

    def __getitem__(self, key: str) -> str:
        return self.words[key]

    def verdict(self, verdict: str) -> str:
        """Proposal verdicts (adopted/changed/dropped/n-a) and measure verdicts (kept/.../dropped)."""
        return self.words[verdict]

    def measure_verdict(self, verdict: str) -> str:
        return self.words["measure_dropped" if verdict == "dropped" else verdict]

    @property
    def sep(self) -> str:
        """Between items of a list in one cell (French puts a space before the semicolon)."""
        return "\u00a0; " if self.lang == "fr" else "; "

    def quote(self, text: str) -> str:
        return f"«\u00a0{text}\u00a0»" if self.lang == "fr" else f"“{text}”"

    def colon(self, label: str) -> str:
        # French typography puts a (non-breaking) space before the colon.
        return f"{label}\u00a0:" if self.lang == "fr" else f"{label}:"

    def percent(self, part: int, whole: int) -> str:
        if whole == 0:
            return "–"
        value = round(100 * part / whole)
        return f"{value}\u00a0%" if self.lang == "fr" else f"{value}%"

    def confidence(self, value: float) -> str:
        """The probability that a verdict is right, as a percentage (« 72 % »)."""
        return self.percent(round(1000 * value), 1000)

    def reasons(self, reasons: list[Reason]) -> list[str]:
        """The reasons a reader is shown, in the report's language. A scope reason quoting the very
        words a modality reason quotes (« à titre expérimental » is both) is said once: the JSON keeps
        both, as the confidence model reads both."""
        modal = {r.next for r in reasons if r.code == "modality" and r.next}
        return [self.reason(r) for r in reasons if not (r.code == "scope" and r.next in modal)]

    def reason(self, reason: Reason) -> str:
        """A reason in the report's language, from its structured fields.

        The engine's `detail` is an English note for the JSON reader; reports rebuild the sentence
        from `base`/`next` instead, except for an analyst's comment, which is shown as written.
        """
        name = _REASONS[self.lang][reason.code]
        if reason.code == "analyst":
            return f"{self.colon(name)} {reason.detail}" if reason.detail else name
        if reason.code in _MISSING:
            if not reason.base:
                return name
            missing = "absent" if self.lang == "fr" else "missing"
            return f"{name}, {self.colon(missing)} {reason.base}"
        if reason.code == "weighed" and reason.base and reason.next:  # « Modifiée → Non reprise »
            moved = f"{self.colon(name)} {self.verdict(reason.base)} → {self.verdict(reason.next)}"
            if not reason.labelled:
                return moved
            # What the model knew of the ask: « (brouillons étiquetés : Adoptée 9) »
            told = " · ".join(f"{self.verdict(v)} {n}" for v, n in reason.labelled.items())
            return f"{moved} ({self.colon(_LABELLED[self.lang])} {told})"
        if reason.code == "claimed":  # « passage mieux repris par : M01-P02 »
            return f"{self.colon(name)} {reason.next}" if reason.next else name
        if reason.code == "twin":  # « même demande que M03-P04 (analyste) »
            return f"{name} {reason.base} ({_REASONS[self.lang]['analyst']})"
        if reason.base is None and reason.next is None:
            return name
        quoted = reason.code in _QUOTED
        before = "–" if reason.base is None else self.quote(reason.base) if quoted else reason.base
        after = "–" if reason.next is None else self.quote(reason.next) if quoted else reason.next
        return f"{self.colon(name)} {before} → {after}"


def labels(lang: str) -> Labels:
    if lang not in LANGUAGES:
        raise UsageError(f"unknown report language {lang!r}", f"choose one of: {', '.join(LANGUAGES)}")
    return Labels(lang, _FR if lang == "fr" else _EN)
