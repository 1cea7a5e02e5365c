"""What the review app says, in French and English."""

from __future__ import annotations

_FR = {
    "title": "plancompare review",
    "progress": "{decided}/{total} décidées · exactitude estimée {accuracy} % · ordre : {order}",
    "order_confidence": "confiance",
    "order_document": "document",
    "order_measure": "mesure",
    "done": "Toutes les propositions et toutes les mesures sont décidées. q pour quitter.",
    "measures_done": "Toutes les mesures du plan de référence sont décidées. m : les propositions.",
    "to_measures": "Toutes les propositions sont décidées : voici les mesures de référence.",
    "measure_progress": (
        "Mesures : {decided}/{total} décidées · exactitude estimée {accuracy} % · ordre : {order}"
    ),
    "went": "Ses propositions : {counts}{where}",
    # A base measure's reading comes from its proposals as decided so far, not from the engine alone.
    "table_reads": "Le tableau dit : {verdict} · confiance {confidence}",
    "taken_in": "reprises dans les mesures",
    "measure_keys_here": "Pour une mesure : = maintenue, r révisée, f fusionnée, x scindée, d abandonnée",
    "proposal_keys_here": "Pour une proposition : a adoptée, c modifiée, d non reprise, n pas une demande",
    "general": "demande générale",
    "base_measure": "mesure {number}",
    "engine": "Moteur : {verdict} · confiance {confidence}",
    "reasons": "Raisons : {reasons}",
    "stale": "Décision périmée ({verdict}) : {reason}",
    "no_candidate": "Aucun passage candidat.",
    "candidate": "{key} {box} Mesure {name} « {title} » · score {score}",
    "search_result": "{key} {box} Mesure {name} « {title} »",
    "adopted": "Adoptée",
    "changed": "Modifiée",
    "dropped": "Non reprise",
    "n-a": "Pas une demande",
    "keys": (
        "a adoptée  c modifiée  d non reprise  n pas une demande  1-3 mesures  v texte\n"
        "/ chercher  k commentaire  u annuler  s passer  m mesures  q quitter"
    ),
    "measure_keys": (
        "= maintenue  r révisée  f fusionnée  x scindée  d abandonnée\n"
        "1-5 mesures  v texte  / chercher  k commentaire  u annuler  s passer\n"
        "m propositions  q quitter"
    ),
    "recorded": "{pid} : {verdict}{measures} enregistrée",
    "undone": "{pid} : décision annulée",
    "nothing_to_undo": "Rien à annuler dans cette session.",
    "skipped": "{pid} passée : elle reviendra en fin de file.",
    "search_prompt": "Mesure n° ou mots, puis Entrée (Échap : annuler)",
    "comment_prompt": "Commentaire pour la prochaine décision, puis Entrée",
    "comment_set": "Commentaire noté : « {comment} »",
    "no_match": "Aucune mesure ne contient ces mots.",
    "refused": "Refusé : {error}",
    "no_measure": "le plan suivant n’a pas de mesure {name}",
    "measure_help": "Échap, v ou q : fermer · 1-5 : autre candidate",
    "pilots": "Pilotes",
    # What the confidence model remembers (`--history`, `--own-history`), said once at the start.
    "memory_beside": "Revues antérieures : {counted}, avec les brouillons étiquetés",
    "memory_alone": "Revues antérieures : {counted}, seules (--own-history)",
    "counted_one": "1 décision comptée",
    "counted_many": "{n} décisions comptées",
    "memory_none": "Ni brouillons étiquetés ni revues antérieures : chaque demande lue comme neuve",
}

_EN = {
    "title": "plancompare review",
    "progress": "{decided}/{total} decided · estimated accuracy {accuracy} % · order: {order}",
    "order_confidence": "confidence",
    "order_document": "document",
    "order_measure": "measure",
    "done": "Every proposal and every base measure is decided. q to quit.",
    "measures_done": "Every base measure is decided. m: the proposals.",
    "to_measures": "Every proposal is decided: here are the base measures.",
    "measure_progress": (
        "Measures: {decided}/{total} decided · estimated accuracy {accuracy} % · order: {order}"
    ),
    "went": "Its proposals: {counts}{where}",
    "table_reads": "The table says: {verdict} · confidence {confidence}",
    "taken_in": "taken up in measures",
    "measure_keys_here": "For a measure: = kept, r revised, f merged, x split, d dropped",
    "proposal_keys_here": "For a proposal: a adopted, c changed, d dropped, n not an ask",
    "general": "general demand",
    "base_measure": "measure {number}",
    "engine": "Engine: {verdict} · confidence {confidence}",
    "reasons": "Reasons: {reasons}",
    "stale": "Stale decision ({verdict}): {reason}",
    "no_candidate": "No candidate passage.",
    "candidate": "{key} {box} Measure {name} « {title} » · score {score}",
    "search_result": "{key} {box} Measure {name} « {title} »",
    "adopted": "Adopted",
    "changed": "Changed",
    "dropped": "Dropped",
    "n-a": "Not an ask",
    "keys": (
        "a adopted  c changed  d dropped  n not an ask  1-3 measures  v text\n"
        "/ search  k comment  u undo  s skip  m base measures  q quit"
    ),
    "measure_keys": (
        "= kept  r revised  f merged  x split  d dropped\n"
        "1-5 next measures  v text  / search  k comment  u undo  s skip\n"
        "m proposals  q quit"
    ),
    "recorded": "{pid}: {verdict}{measures} recorded",
    "undone": "{pid}: decision undone",
    "nothing_to_undo": "Nothing to undo in this session.",
    "skipped": "{pid} skipped: it comes back at the end of the queue.",
    "search_prompt": "Measure number or words, then Enter (Esc: cancel)",
    "comment_prompt": "Comment for the next decision, then Enter",
    "comment_set": "Comment noted: « {comment} »",
    "no_match": "No measure holds these words.",
    "refused": "Refused: {error}",
    "no_measure": "the next plan has no measure {name}",
    "measure_help": "Esc, v or q: close · 1-5: another candidate",
    "pilots": "Pilots",
    "memory_beside": "Earlier reviews: {counted}, beside the labelled drafts'",
    "memory_alone": "Earlier reviews: {counted}, alone (--own-history)",
    "counted_one": "1 decision counted",
    "counted_many": "{n} decisions counted",
    "memory_none": "Neither labelled drafts nor earlier reviews: every ask read as new",
}

TEXTS = {"fr": _FR, "en": _EN}


def texts(lang: str) -> dict[str, str]:
    return TEXTS["fr" if lang == "fr" else "en"]


def percent(value: float, lang: str) -> str:
    return f"{100 * value:.0f}"


def decimal(value: float, lang: str) -> str:
    text = f"{value:.2f}"
    return text.replace(".", ",") if lang == "fr" else text
