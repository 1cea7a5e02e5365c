"""Normalisation: folding, elisions, stems, figures and passages of French text."""

from __future__ import annotations

from plancompare.text.normalise import figures, fold, sentences, tokens


def test_fold_handles_ligatures_accents_and_apostrophes() -> None:
    assert fold("Œuvre « ÉTÉ » l’ﬁn") == "oeuvre « ete » l'fin"


def test_tokens_drop_elisions_and_function_words_and_keep_figures() -> None:
    assert tokens("L’administrateur ad hoc d’un enfant ; 50 postes en 2016") == [
        "administr",
        "ad",
        "hoc",
        "enfant",
        "50",
        "post",
        "2016",
    ]


def test_numbers_in_words_meet_the_same_numbers_in_figures() -> None:
    assert tokens("les mineurs de moins de seize ans") == tokens("les mineurs de moins de 16 ans")
    assert tokens("trente postes, dix-huit mois, vingt-et-un ans") == tokens("30 postes, 18 mois, 21 ans")
    # « un », « une » are articles: they stay out, as other function words do.
    assert tokens("un titre d’un an") == tokens("titre an")


def test_words_written_with_an_apostrophe_stay_one_word() -> None:
    # « aujourd’hui » is a time adverb, not « aujourd » + « hui »; « prud’hommes » is one court.
    assert tokens("Aujourd’hui, le conseil de prud’hommes") == ["conseil", "prudhomm"]
    assert tokens("aujourd'hui") == tokens("AUJOURD’HUI") == []


def test_light_verb_phrases_leave_their_object() -> None:
    # « tenir compte de » / « prendre en compte » mean « consider »; « rendre compte » (report) stays.
    assert tokens("en tenant compte de la diversité des cas") == tokens("la diversité des cas")
    assert tokens("la prise en compte des victimes") == tokens("des victimes")
    assert "compt" in tokens("Le préfet rendra compte chaque année")


def test_inflections_share_a_stem_and_ask_form_words_can_be_left_out() -> None:
    assert tokens("victimes") == tokens("victime")
    assert tokens("Il doit être formé", content_only=True) == tokens("formés")


def test_sentences_split_bullets_and_sentences_but_not_abbreviations_inside() -> None:
    text = "Le plan prévoit :\n\n• des places d’hébergement ;\n\n• un référent. Il sera formé en 2018."
    assert sentences(text) == [
        "Le plan prévoit :",
        "des places d’hébergement",
        "un référent.",
        "Il sera formé en 2018.",
    ]


def test_a_sentence_does_not_end_at_an_abbreviation() -> None:
    # « article L. » cut in two made « L’allocation … de l’article L. » a passage of its own.
    text = (
        "L’allocation, à laquelle ouvre droit la délivrance d’un titre au titre de l’article L. 316-1 "
        "du CESEDA, sera versée dès la remise du récépissé. Voir art. 12 du code pénal, qui sera modifié. "
        "M. le préfet réunira le comité chaque année."
    )
    assert sentences(text) == [
        "L’allocation, à laquelle ouvre droit la délivrance d’un titre au titre de l’article L. 316-1 "
        "du CESEDA, sera versée dès la remise du récépissé.",
        "Voir art. 12 du code pénal, qui sera modifié.",
        "M. le préfet réunira le comité chaque année.",
    ]


def test_figures_are_compared_in_months_and_years_are_not_figures() -> None:
    found = figures("un titre de six mois puis d’un an ; 50 postes ; article 6 ; la loi de 2016 ; 225-4-1")
    assert [(value, unit) for value, unit, _ in found] == [(6.0, "mois"), (12.0, "mois"), (50.0, "post")]
    assert figures("douze mois")[0][0] == 12.0


def test_compound_number_words_are_one_number_as_the_plan_prints_it() -> None:
    # « seize à dix-huit ans » was read « huit ans »: a reason then said « 18 ans → huit ans ».
    assert figures("les victimes âgées de seize à dix-huit ans") == [(216.0, "mois", "dix-huit ans")]
    assert figures("vingt et un ans")[0][:2] == (252.0, "mois")
    assert figures("Quatre-vingts places et deux cents lits") == [
        (80.0, "plac", "Quatre-vingts places"),
        (200.0, "lit", "deux cents lits"),
    ]
    # Two numbers side by side are two, and the second keeps its unit.
    assert figures("dans deux et trois jours") == [(0.1, "mois", "trois jours")]
    assert figures("10 pour cent des crédits") == [(10.0, "%", "10 pour cent")]
