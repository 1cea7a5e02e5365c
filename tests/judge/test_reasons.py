"""Change reasons on small hand-written French cases."""

from __future__ import annotations

import pytest

from plancompare.extract.fields import parse_responsibilities
from plancompare.judge.actors import about_its_measure
from plancompare.judge.reasons import change_reasons
from plancompare.models import Measure


def codes(ask: str, passage: str, measure: Measure | None = None) -> list[tuple[str, str | None, str | None]]:
    return [(r.code, r.base, r.next) for r in change_reasons(ask, passage, measure)]


def test_a_duration_written_in_words_changed() -> None:
    assert codes(
        "Le titre de séjour doit être délivré pour six mois renouvelables.",
        "Un titre de séjour d’un an renouvelable sera délivré.",
    )[0] == ("figure", "six mois", "un an")


def test_a_number_of_posts_changed() -> None:
    reasons = change_reasons(
        "Créer 50 postes de médiateurs culturels.", "30 postes de médiateurs seront financés."
    )
    assert reasons[0].code == "figure"
    assert reasons[0].detail == "50 → 30"


def test_the_same_figure_is_no_reason() -> None:
    assert codes("Créer 50 postes de médiateurs.", "50 postes de médiateurs seront créés.") == []


def test_an_obligation_became_a_possibility() -> None:
    assert codes(
        "La désignation d’un administrateur ad hoc doit être systématique.",
        "Un administrateur ad hoc pourra être désigné.",
    ) == [("modality", "doit", "pourra")]


def test_an_experiment_in_a_few_departements_weakens_a_national_ask() -> None:
    reasons = codes(
        "Il faut généraliser l’accueil sécurisé.",
        "L’accueil sécurisé sera expérimenté dans trois départements.",
    )
    assert reasons[0][0] == "modality"


def test_all_forms_asked_one_form_given() -> None:
    assert codes(
        "Déconnecter l’identification de la plainte pour toutes les formes de traite.",
        "L’identification sans plainte sera ouverte aux victimes d’exploitation sexuelle.",
    ) == [("scope", "toutes les formes", "exploitation sexuelle")]


def test_the_form_a_law_already_covers_is_not_the_form_the_plan_keeps_to() -> None:
    ask = "Déconnecter l’identification de la plainte pour toute forme d’exploitation."
    # The plan extends to work what the 2016 law gave for sexual exploitation: the narrowing it keeps
    # to is work, not sex, which the clause on the law names.
    assert codes(
        ask,
        "L’identification indépendante de la plainte, ouverte par la loi du 13 avril 2016 aux victimes "
        "d’exploitation sexuelle, sera étendue aux victimes d’exploitation par le travail.",
    ) == [("scope", "toute forme", "exploitation par le travail")]
    # The clause ends at the sentence's own verb: what follows it is what the plan gives.
    assert (
        codes(
            ask,
            "Le parcours de sortie de la prostitution créé par la loi du 13 avril 2016 est complété par un "
            "parcours ouvert aux victimes des autres formes de traite.",
        )
        == []
    )


def test_another_body_is_given_the_task() -> None:
    assert codes(
        "Donner aux inspecteurs du travail la possibilité d’identifier les victimes.",
        "Les services de police identifieront les victimes.",
    ) == [("actor", "inspecteurs du travail", "police")]
    # The social-security and employment bodies plans name, and the independent authorities.
    assert codes(
        "L’OFII doit verser l’allocation aux victimes.", "La CAF versera l’allocation aux victimes."
    ) == [("actor", "OFII", "CAF")]
    # diapo M10-P16: an inquiry by the child-protection services of both countries asked, the consular
    # posts given; « les services chargés de l'enfance » are the same services written otherwise.
    ask = "Une enquête sociale doit être menée par les services de protection de l’enfance des deux pays."
    assert codes(ask, "La famille sera recherchée par les services consulaires.") == [
        ("actor", "services de protection de l’enfance", "consulaires")
    ]
    assert codes(ask, "Une enquête sera conduite par les services chargés de l’enfance des deux pays.") == []
    assert codes(
        "La CNCDH doit être désignée rapporteur national indépendant.",
        "La MIPROF exercera la fonction de rapporteur national.",
    ) == [("actor", "CNCDH", "MIPROF")]


def test_the_asked_body_among_the_measure_pilots_is_no_actor_change() -> None:
    measure = Measure(
        number=1,
        title="Identifier",
        responsible=parse_responsibilities("Pilotes : ministère du Travail, inspection du travail"),
    )
    assert (
        codes(
            "Donner aux inspecteurs du travail la possibilité d’identifier les victimes.",
            "Les services de police identifieront les victimes.",
            measure,
        )
        == []
    )


def test_a_negated_possibility_is_a_constraint_not_a_weakening() -> None:
    assert (
        codes(
            "Il faut que tout retour tienne compte de l’intérêt supérieur de l’enfant.",
            "Aucun retour ne pourra être envisagé sans une évaluation de l’intérêt supérieur de l’enfant.",
        )
        == []
    )


def test_a_legal_term_is_not_a_hedge() -> None:
    assert (
        codes(
            "La remise du récépissé doit être harmonisée.",
            "Les conditions de remise du récépissé du délai de réflexion seront unifiées.",
        )
        == []
    )


def test_two_forms_named_where_all_were_asked_is_still_narrower() -> None:
    reasons = codes(
        "Déconnecter l’identification de la plainte pour toute forme d’exploitation.",
        "L’identification sans plainte, ouverte à l’exploitation sexuelle, sera étendue au travail forcé.",
    )
    assert reasons == [("scope", "toute forme", "exploitation sexuelle")]


def test_must_be_able_to_is_an_obligation_met_weaker_by_may() -> None:
    assert codes(
        "Les victimes doivent pouvoir bénéficier d’une mise à l’abri.",
        "La personne pourra, le cas échéant, bénéficier d’une mise à l’abri.",
    ) == [("modality", "doivent", "le cas échéant")]  # « la personne pourra » is her right


def test_a_prohibition_is_no_possibility_unless_it_opens_a_task_to_others() -> None:
    # « ne peut être soumise à » forbids a requirement: « pourra accepter » weakens it (objectifs M05-P06).
    assert [
        c
        for c, _, _ in codes(
            "La délivrance de la carte de séjour ne peut être soumise à la présentation du passeport.",
            "À défaut de passeport, le préfet pourra accepter tout autre document établissant l’identité.",
        )
    ] == ["modality"]
    # « ne peut être réservée à la seule police » asks to open the task: « pourront » gives that.
    assert "modality" not in [
        c
        for c, _, _ in codes(
            "La qualification des faits ne peut être réservée à la seule police.",
            "Les inspecteurs du travail pourront de même qualifier les situations de traite.",
        )
    ]


def test_asking_for_a_possibility_is_met_by_may() -> None:
    assert (
        codes(
            "Donner aux associations la possibilité de saisir le préfet.",
            "Les associations pourront saisir le préfet.",
        )
        == []
    )


def test_a_possibility_met_does_not_hide_a_study_of_the_rest() -> None:
    # The « pourront » meets the possibility asked; the link to protection is only studied.
    assert codes(
        "Donner aux inspecteurs du travail la possibilité d’identifier les victimes "
        "et le lien avec les préfectures.",
        "Nous préciserons leur rôle : ils pourront identifier une victime. Nous étudierons les textes "
        "qui permettraient de relier leurs constats à la protection de la victime.",
    ) == [("modality", "Donner", "étudierons")]


def test_the_whole_territory_asked_some_regions_given() -> None:
    assert codes(
        "Une prise en charge du psychotraumatisme sur l’ensemble du territoire.",
        "Dix centres régionaux de prise en charge du psychotraumatisme seront désignés.",
    ) == [("scope", "l’ensemble du territoire", "Dix centres régionaux")]


def test_the_whole_territory_asked_the_departements_a_restriction_named_given() -> None:
    ask = "Des groupes de pilotage permanents dans chaque département."
    assert codes(ask, "Dans ces départements, un groupe de pilotage permanent sera constitué.") == [
        ("scope", "chaque département", "Dans ces départements")
    ]
    assert codes(ask, "Dans les autres départements, une séance annuelle restera consacrée à la traite.") == [
        ("scope", "chaque département", "Dans les autres départements")
    ]
    assert codes(ask, "Un groupe sera constitué dans les vingt départements les plus concernés.") == [
        ("scope", "chaque département", "dans les vingt départements")
    ]
    # Mainland France only, where the whole territory was asked.
    assert codes(
        "Répondre aux besoins d’accompagnement des victimes sur l’ensemble du territoire.",
        "Un diagnostic des besoins sera conduit dans chaque département métropolitain.",
    ) == [("scope", "l’ensemble du territoire", "département métropolitain")]
    # One in each département asked, one per region given.
    assert codes(
        "Une structure d’accueil dédiée doit être créée dans chaque département.",
        "Chaque région disposera d’une consultation spécialisée au sein de son centre régional.",
    ) == [("scope", "dans chaque département", "Chaque région")]
    # « systématiquement »: in every case, so wherever the body sits.
    assert codes(
        "Les associations doivent siéger systématiquement au sein des CDPD.",
        "Les associations seront membres de droit du CDPD dans les départements pilotes.",
    ) == [("scope", "systématiquement", "départements pilotes")]
    assert codes(
        "Des référents traite dans les parquets sur tout le territoire.",
        "Dans le parquet de chaque tribunal situé au siège d’une cour d’appel, un référent sera désigné.",
    ) == [("scope", "sur tout le territoire", "situé au siège d’une cour d’appel")]


def test_an_unconditional_right_asked_a_condition_given() -> None:
    assert codes(
        "Le titre de séjour doit être délivré sans condition aux victimes.",
        "Le titre de séjour sera délivré aux victimes qui déposent plainte.",
    ) == [("scope", "sans condition", "aux victimes qui")]


def test_funding_asked_and_a_call_for_projects_given_is_a_change() -> None:
    ask = "Des postes de médiateurs culturels devraient être financés par l’État au sein des associations."
    passage = "Quarante postes seront créés dans les associations ; ils seront financés sur appel à projets."
    assert ("modality", "financés", "appel à projets") in codes(ask, passage)


def test_a_body_whose_involvement_is_asked_and_that_the_measure_never_names() -> None:
    ask = "Les associations souhaitent être impliquées aux côtés des enseignants dans cette mesure."
    passage = "Un module consacré à la traite sera introduit dans la formation des enseignants."
    measure = Measure(number=2, title="Aborder la traite à l’école", text=passage)
    assert codes(ask, passage, measure) == [("actor", "associations", None)]
    # « la mise en place de coopérations avec … le secteur associatif » asks the associations in too.
    ask = "Des enquêtes sociales et des coopérations avec les services sociaux et le secteur associatif."
    passage = "Le retour sera décidé au vu d’une enquête menée avec les services sociaux du pays."
    measure = Measure(number=25, title="Sécuriser les retours", text=passage)
    assert codes(ask, passage, measure) == [("actor", "secteur associatif", None)]
    # The body to involve is the one the ask involves, not another it names: the object of
    # « impliquer », the subject of « être associées ».
    ask = "Il faut préciser le rôle de la MIPROF et impliquer les collectivités territoriales."
    passage = "La MIPROF coordonnera le repérage des mineurs au niveau national."
    measure = Measure(number=9, title="Repérer les mineurs", text=passage)
    assert codes(ask, passage, measure) == [("actor", "collectivités territoriales", None)]
    ask = "Les associations souhaitent être associées aux décisions du préfet."
    passage = "Les associations seront associées aux décisions d’orientation."
    measure = Measure(number=9, title="Orienter les victimes", text=passage)
    assert codes(ask, passage, measure) == []
    # Named elsewhere in the measure: the passage need not name it.
    measure = Measure(
        number=2, title="Aborder la traite à l’école", text=f"{passage} Les associations y interviendront."
    )
    assert codes(ask, passage, measure) == []


def test_a_say_asked_an_opinion_given() -> None:
    ask = "Donner plus de rôle aux associations spécialisées dans l’identification des victimes."
    passage = "Les indicateurs d’identification seront soumis pour avis aux associations spécialisées."
    assert codes(ask, passage) == [("modality", "plus de rôle", "pour avis")]


def test_some_first_is_a_narrower_reach() -> None:
    ask = "Les mineurs victimes doivent bénéficier d’administrateurs ad hoc formés dans un délai raisonnable."
    passage = (
        "Un administrateur ad hoc formé sera désigné, prioritairement pour les mineurs sans représentant."
    )
    assert codes(ask, passage) == [("scope", None, "prioritairement pour")]


def test_one_form_asked_for_on_its_own_and_all_forms_given() -> None:
    ask = "Renforcer la formation des magistrats avec un module spécifique à l’exploitation par le travail."
    passage = "L’ENM proposera chaque année une session consacrée à la traite sous toutes ses formes."
    assert codes(ask, passage) == [("scope", "exploitation par le travail", "sous toutes ses formes")]
    # The form given by name as well: taken up.
    passage = (
        "L’ENM proposera une session sur toutes les formes de traite, dont l’exploitation par le travail."
    )
    assert codes(ask, passage) == []


def test_a_specific_thing_given_in_common_is_a_narrower_take() -> None:
    ask = "Renforcer la formation des magistrats avec un module spécifique à la traite des êtres humains."
    passage = "Le module commun sera inscrit dans la formation initiale des policiers et des magistrats."
    assert codes(ask, passage) == [("scope", "module spécifique", "module commun")]
    # « Lignes de financement spécifiques »: the qualifier may stand a few words after the thing.
    ask = "Prévoir des lignes de financement spécifiques pour les structures d’hébergement."
    passage = "Les structures seront soutenues sur les lignes de financement communes du programme 177."
    assert codes(ask, passage) == [
        ("scope", "lignes de financement spécifiques", "lignes de financement communes")
    ]
    # A specific module given beside the common one, or the common one asked too: taken up.
    passage = "Un module commun et un module spécifique aux magistrats seront créés."
    assert codes("Prévoir un module spécifique pour les magistrats.", passage) == []
    assert codes("Un module commun, puis un module spécifique.", "Un module commun sera créé.") == []
    # Another thing in common: no change.
    passage = "Les magistrats suivront un module de formation continue ; le calendrier commun sera publié."
    assert codes("Prévoir un module spécifique pour les magistrats.", passage) == []


def test_a_few_named_places_and_a_size_threshold_narrow_the_ask() -> None:
    ask = "Prévoir des formations des services consulaires français, en première ligne pour les visas."
    passage = "Dans les douze consulats qui instruisent le plus de visas, un agent suivra une formation."
    assert codes(ask, passage) == [("scope", None, "Dans les douze consulats")]
    ask = "Des financements spécifiques pour les structures d’hébergement (sans condition de taille)."
    passage = "Les structures d’au moins dix places recevront un financement spécifique par place."
    assert codes(ask, passage) == [("scope", "sans condition", "d’au moins dix")]

    ask = (
        "Un récépissé doit être fourni et l’octroi ne doit pas être conditionné à l’ouverture d’une enquête."
    )
    passage = (
        "Un récépissé sera remis ; la délivrance du titre restera subordonnée à l’ouverture d’une enquête."
    )
    assert codes(ask, passage) == [("scope", "ne doit pas être conditionné", "subordonnée à")]


def test_the_same_reach_is_no_scope_reason() -> None:
    assert (
        codes(
            "Le titre de séjour doit être délivré sans condition aux victimes.",
            "Le titre de séjour sera délivré sans condition à toutes les victimes.",
        )
        == []
    )


def test_words_the_passage_lacks_are_named_without_auxiliaries() -> None:
    from plancompare.judge.distinctive import surface_words
    from plancompare.text.normalise import stem
    from plancompare.text.patterns import PREFIX

    ask = "Il faut que les associations soient associées et que l’État y mette les moyens."
    lacking = tuple(stem(w)[:PREFIX] for w in ("soient", "mette", "moyens", "associations"))
    assert surface_words(ask, lacking, PREFIX) == ["moyens", "associations"]


def test_involvement_asked_consultation_given() -> None:
    assert codes(
        "Les associations doivent être étroitement associées à la campagne.",
        "Les messages seront élaborés après consultation des associations.",
    ) == [("modality", "associées", "consultation")]


def test_state_funding_asked_a_call_for_projects_given() -> None:
    assert codes(
        "Des postes de médiateurs doivent être financés par l’État.",
        "Trente postes de médiateurs seront attribués par un appel à projets.",
    ) == [("modality", "financés", "appel à projets")]


def test_all_of_the_funds_asked_a_share_given() -> None:
    assert codes(
        "L’intégralité des avoirs saisis doit abonder le fonds pour les victimes.",
        "Une part des avoirs confisqués abondera le fonds pour les victimes.",
    ) == [("scope", "intégralité", "Une part")]


def test_the_most_affected_only_is_a_narrower_reach() -> None:
    ask = "Des points de contact formés doivent être créés dans les consulats français."
    assert codes(
        ask, "Des points de contact seront nommés dans les consulats des pays les plus concernés."
    ) == [("scope", None, "les plus concernés")]
    assert codes(ask, "Des points de contact formés à la traite seront nommés dans les consulats.") == []
    # Named, not trained: the training asked is not given.
    assert codes(ask, "Des points de contact seront nommés dans les consulats.") == [
        ("scope", "formés", None)
    ]
    # The embassies are another post than the consulates (next, diapo and releve label them so).
    # (And nobody there is said to be trained.)
    assert [c[0] for c in codes(ask, "Des points de contact seront nommés dans les ambassades.")] == [
        "actor",
        "scope",
    ]
    assert (
        codes(
            "Les victimes les plus vulnérables doivent être hébergées en priorité.",
            "Les victimes les plus vulnérables seront hébergées.",
        )
        == []
    )


def test_an_experiment_or_a_few_places_is_a_narrower_take_of_a_general_ask() -> None:
    from plancompare.judge.reasons import change_reasons

    ask = "Des équipes spécialisées doivent aller au-devant des mineurs en errance."
    for passage, quoted in [
        ("À titre expérimental, des équipes de rue iront à la rencontre des enfants en errance.", "titre"),
        ("Un point de contact sera désigné dans les consulats des dix principaux pays d’origine.", "dix"),
        ("Formation des agents chargés des visas dans quinze postes consulaires prioritaires", "quinze"),
        ("Un appel à projets soutiendra, dans deux pays d’origine, l’accompagnement des victimes.", "deux"),
        ("Les petites structures pourront y être éligibles au cas par cas.", "cas"),
        ("Vingt départements réservent des places aux mineurs en errance.", "Vingt départements"),
        # A government of its own few (a roadmap in the first person plural).
        ("Nos équipes iront au-devant des mineurs dans nos cinq principaux pays d’origine.", "cinq"),
        # Only for a while.
        ("Les équipes de rue suivront les mineurs pendant les six premiers mois.", "six premiers mois"),
        ("L’interprétariat sera pris en charge lors des trois premières consultations.", "trois premières"),
        # The negation governs the verb, not the while: the condition comes back after three months.
        ("Aucune condition n’est exigée pendant les trois premiers mois de suivi.", "trois premiers mois"),
    ]:
        reasons = change_reasons(ask, passage)
        assert any(r.code in ("scope", "modality") and quoted in (r.next or "") for r in reasons), passage
        # Quoted as printed, without the space the pattern read after it.
        assert all(r.next == (r.next or "").strip() for r in reasons), reasons
    # An ask that itself asks for an experiment is met by one; a bilateral « les deux pays » is no limit.
    asked = "Il faut une expérimentation dans deux départements."
    given = "Une expérimentation sera conduite dans deux départements."
    assert not [r for r in change_reasons(asked, given) if r.code == "scope"]
    assert not change_reasons(ask, "Un accord sera signé entre les deux pays pour les équipes de rue.")


def test_the_school_of_the_judiciary_is_not_the_schools() -> None:
    # « École nationale de la magistrature » read as « école » made a training of judges answer a
    # training of teachers (next M04-P02, a false « Adoptée »).
    assert "actor" in [
        code
        for code, _, _ in codes(
            "Nous souhaitons que la formation des enseignants inclue un module sur la traite.",
            "L’offre de formation continue de l’École nationale de la magistrature comportera une session "
            "consacrée à la traite des êtres humains.",
        )
    ]
    assert "actor" not in [
        code
        for code, _, _ in codes(
            "Des interventions doivent être organisées dans les écoles.",
            "Les établissements scolaires accueilleront chaque année une intervention sur la traite.",
        )
    ]


def test_many_languages_asked_three_named_given() -> None:
    # The issue's own example: « en plusieurs langues » → « en français, en anglais et en espagnol ».
    ask = "Les informations doivent être disponibles en plusieurs langues sur les sites web des consulats."
    assert codes(
        ask, "Une information sera publiée en français, en anglais et en espagnol sur France-Visas."
    ) == [("scope", "plusieurs langues", "en français, en anglais et en espagnol")]
    assert codes(ask, "Les règles seront présentées dans les langues des principaux pays de départ.") == []


def test_the_siao_written_in_full_is_an_actor() -> None:
    ask = "Des postes de médiateurs culturels devraient être positionnés au sein des associations."
    passage = (
        "Trente postes de médiateurs seront créés au sein des services intégrés d’accueil et d’orientation."
    )
    assert ("actor", "associations", "services intégrés d’accueil et d’orientation") in codes(ask, passage)


def test_a_right_given_to_the_victim_is_no_weakening_a_discretion_given_to_an_authority_is() -> None:
    ask = "La domiciliation des victimes doit être facilitée."
    assert codes(ask, "Les victimes pourront élire domicile auprès d’une association agréée.") == []
    assert codes(ask, "Les associations agréées pourront domicilier les victimes.") == []
    assert [
        c for c, _, _ in codes(ask, "Le préfet pourra accepter la domiciliation auprès d’une association.")
    ] == ["modality"]
    assert [c for c, _, _ in codes(ask, "Les victimes que le préfet désignera pourront élire domicile.")] == [
        "modality"
    ]


@pytest.mark.parametrize(
    ("passage", "given"),
    [
        (
            "Un groupe de travail étudiera l’opportunité de créer un fonds pour les victimes.",
            "groupe de travail",
        ),
        (
            "Un fonds pour les victimes sera créé dans la limite des crédits disponibles.",
            "dans la limite des crédits",
        ),
        (
            "La création d’un fonds pour les victimes sera examinée par une mission d’inspection.",
            "sera examinée",  # the first of its two hedges
        ),
        (
            "La création d’un fonds pour les victimes relèvera d’une mission d’inspection.",
            "mission d’inspection",
        ),
        ("Une étude de faisabilité précédera la création d’un fonds pour les victimes.", "Une étude"),
        ("Un fonds pour les victimes sera créé, sous réserve d’une évaluation préalable.", "sous réserve"),
        ("Un fonds pour les victimes sera créé selon des modalités fixées ultérieurement.", "ultérieurement"),
        ("Un fonds pour les victimes sera créé à terme.", "à terme"),
        ("Un fonds pour les victimes sera préfiguré en Île-de-France.", "préfiguré"),
    ],
)
def test_an_order_answered_with_a_hedge_is_a_change(passage: str, given: str) -> None:
    # An ask written as an order (« Créer… », after a first sentence too) is as firm as « il faut ».
    ask = "Le plan ne prévoit rien. - Créer un fonds d’indemnisation pour les victimes."
    assert codes(ask, passage)[0] == ("modality", "Créer", given)
    # A sentence opening on « Premier », « Dernier », « Centre »… gives no order.
    assert (
        codes("Premier constat : les victimes ne sont pas hébergées.", "Des places pourront être ouvertes.")
        == []
    )
    # Asking to give someone a possibility (« permettre aux inspecteurs de… ») is met by « pourra ».
    ask = "Prévoir des textes afin de permettre aux inspecteurs de signaler les victimes."
    assert codes(ask, "L’inspecteur pourra signaler la personne à la cellule d’identification.") == []
    # … but an authority's « pourra » is still discretion.
    ask = "Prévoir des textes afin de permettre aux victimes d’obtenir un titre de séjour."
    assert [c for c, _, _ in codes(ask, "Le préfet pourra délivrer un titre de séjour aux victimes.")] == [
        "modality"
    ]


def test_an_inquiry_commits_to_nothing_however_softly_it_was_asked() -> None:
    ask = "Il serait aussi utile de mettre en place un système d’avertissement des sites d’annonces."
    passage = "Une mission d’inspection examinera la faisabilité d’un avertissement des sites d’annonces."
    assert [c for c, _, _ in codes(ask, passage)] == ["modality"]
    # A soft ask is not weakened by a « pourra », and an ask for a working group is met by one.
    assert codes(ask, "Les sites d’annonces pourront recevoir un avertissement.") == []
    ask = "Le Collectif souhaite la création d’un groupe de travail sur les sites d’annonces."
    assert codes(ask, "Un groupe de travail sur les sites d’annonces sera créé.") == []


@pytest.mark.parametrize(
    ("passage", "given"),
    [
        ("Le module sera proposé à titre optionnel dans la formation initiale.", "à titre optionnel"),
        ("Il lui est recommandé de suivre la formation de la MIPROF.", "Il lui est recommandé"),
        # The participle agrees with what is recommended.
        ("Chaque préfecture désigne un référent ; une formation lui est recommandée.", "lui est recommandée"),
        ("Des sessions de formation sont recommandées aux référents.", "sont recommandées"),
        ("Les référents seront invités à suivre la formation de la MIPROF.", "seront invités à"),
    ],
)
def test_an_obligation_asked_a_choice_given(passage: str, given: str) -> None:
    ask = "Des référents dans les préfectures, avec une formation obligatoire."
    assert codes(ask, passage) == [("modality", "obligatoire", given)]


def test_every_form_given_answers_all_forms_asked() -> None:
    ask = (
        "Le Collectif veillera à ce que les campagnes portent sur toutes les formes de traite et pas "
        "simplement sur l’exploitation à des fins sexuelles."
    )
    passage = "La campagne donnera une place égale à chaque forme d’exploitation (sexuelle, par le travail)."
    assert codes(ask, passage) == []


def test_a_right_in_a_second_verb_of_the_same_subject() -> None:
    ask = "Les mineurs victimes doivent bénéficier pleinement de la protection de l’enfance."
    passage = (
        "Tout mineur victime relèvera de plein droit de la protection de l’enfance et pourra être reconnu "
        "victime par la cellule."
    )
    assert codes(ask, passage) == []


def test_a_pronoun_holds_the_right_of_the_victims_it_stands_for() -> None:
    ask = "Les victimes doivent être protégées contre toute menace lors des procès."
    passage = (
        "Les victimes seront protégées pendant le procès : elles pourront être entendues par visioconférence."
    )
    assert codes(ask, passage) == []
    passage = "Les préfectures seront informées des audiences : elles pourront y protéger les victimes."
    assert [c for c, _, _ in codes(ask, passage)] == ["modality"]


def test_victims_named_as_a_complement_hold_no_right() -> None:
    # The victims are whom the fund is for, not who « pourra »: the fund may or may not be created.
    ask = "Il faut créer un fonds d’indemnisation pour les victimes de traite."
    assert [c for c, _, _ in codes(ask, "Un fonds pour les victimes de traite pourrait être créé.")] == [
        "modality"
    ]
    # An opening phrase or an incise before the subject leaves the victims the holders of the right.
    ask = "Il faut que les victimes aient accès au séjour."
    assert codes(ask, "Sur cette base, les victimes pourront demander un titre de séjour.") == []
    assert codes(ask, "Les victimes, dès leur identification, pourront demander un titre de séjour.") == []


def test_a_study_answers_an_ask_for_knowledge() -> None:
    assert (
        codes(
            "Il est nécessaire d’ajouter au plan des éléments sur l’impact financier de la traite.",
            "Une étude évaluera le coût économique et financier de la traite.",
        )
        == []
    )
    assert [
        c
        for c, _, _ in codes(
            "Il faut créer des places d’hébergement.", "Une étude sera conduite sur les places."
        )
    ] == ["modality"]


def test_the_prevention_council_of_the_departement_is_no_child_welfare_body() -> None:
    from plancompare.judge.actors import actors

    assert actors("un groupe constitué au sein du conseil départemental de prévention") == {}
    assert actors("le conseil départemental assurera la prise en charge") == {
        "départements (ASE)": "conseil départemental"
    }


def test_a_time_limit_is_not_compared_with_the_length_of_a_right() -> None:
    # « six mois » of a permit against « dans un délai d’un mois » (objectifs G15): two quantities.
    ask = "Un titre de séjour de six mois ne suffit pas : il doit être d’un an."
    assert codes(ask, "La préfecture se prononcera dans un délai d’un mois au plus.") == []
    assert codes(ask, "Le titre sera délivré pour six mois, sous un mois.") == [
        ("figure", "un an", "six mois")
    ]


def test_both_countries_are_no_limit() -> None:
    ask = "Une enquête sociale doit être menée en coopération entre les services des pays concernés."
    assert codes(ask, "Une enquête sociale sera conduite conjointement par les services des deux pays.") == []
    assert [c for c, _, _ in codes(ask, "Une enquête sociale sera conduite dans deux pays pilotes.")] == [
        "scope"
    ]


def test_courts_chosen_by_where_they_sit_are_a_limit() -> None:
    assert [
        c
        for c, _, _ in codes(
            "Prévoir des référents traite des êtres humains dans les parquets.",
            "Dans le parquet de chaque tribunal judiciaire situé au siège d’une cour d’appel, un magistrat "
            "référent sera désigné.",
        )
    ] == ["scope"]


def test_one_regional_centre_is_some_places() -> None:
    assert codes(
        "Une prise en charge spécialisée doit exister dans chaque département.",
        "Chaque centre régional de psychotraumatisme désignera un référent pour les victimes.",
    ) == [("scope", "chaque département", "centre régional")]


def test_a_higher_amount_asked_and_the_amount_kept() -> None:
    ask = "Le Collectif souhaite que le montant de l’allocation, trop faible, soit revalorisé."
    assert codes(ask, "L’allocation pour demandeur d’asile sera versée dès la remise du récépissé.") == [
        ("figure", "revalorisé", None)
    ]
    assert codes(ask, "Le montant de l’allocation sera revalorisé chaque année.") == []
    # More places asked and places created: no amount is at stake.
    assert codes("Il faut augmenter le nombre de places.", "Trois cents places seront créées.") == []


BILATERAL = (
    "Les associations souhaitent des financements internationaux, non seulement sous une forme bilatérale, "
    "mais aussi de façon multilatérale, sachant que des victimes sont exploitées sur plusieurs pays."
)
EVERY_STEP = (
    "La domiciliation doit être utilisée pour toutes les démarches administratives et pas seulement pour "
    "l’accès au droit au séjour."
)


def test_what_the_ask_says_is_not_enough_given_alone_is_a_change() -> None:
    passage = "L’Agence française de développement financera, dans un cadre bilatéral, des projets locaux."
    assert codes(BILATERAL, passage) == [
        ("scope", "non seulement sous une forme bilatérale, mais aussi de façon multilatérale", "bilatéral")
    ]
    assert codes(EVERY_STEP, "La domiciliation vaudra pour la demande de titre de séjour.") == [
        (
            "scope",
            "pour toutes les démarches administratives et pas seulement pour l’accès au droit au séjour",
            "séjour",
        )
    ]


@pytest.mark.parametrize(
    ("ask", "passage"),
    [
        (BILATERAL, "Des financements bilatéraux et multilatéraux seront ouverts aux associations."),
        (EVERY_STEP, "L’élection de domicile vaudra pour l’ensemble des démarches administratives."),
        # The passage itself goes beyond X: it answers the ask.
        (
            "L’article 225-4-1 ne vise pas que les réseaux : il vise aussi les individus seuls.",
            "La circulaire précisera que l’infraction ne suppose pas l’existence d’un réseau organisé.",
        ),
        (
            "L’article 225-4-1 ne vise pas que les réseaux : il vise aussi les individus isolés.",
            "Elle visera les réseaux et s’appliquera également à la personne qui exploite seule.",
        ),
    ],
)
def test_what_the_ask_wants_besides_is_given_too(ask: str, passage: str) -> None:
    assert [c for c, _, _ in codes(ask, passage)] == []


@pytest.mark.parametrize(
    ("ask", "passage", "want"),
    [
        # The training the ask wanted, and another given.
        (
            "Elaborer des modules à inclure dans la formation initiale des inspecteurs.",
            "L’Institut national du travail inscrira le module à son offre de formation continue.",
            ("scope", "formation initiale", "formation continue"),
        ),
        # Compulsory asked, offered given.
        (
            "Il y a besoin de référents dans les préfectures (avec une formation obligatoire sur la traite).",
            "Un référent traite sera désigné dans chaque préfecture ; une formation lui sera proposée.",
            ("modality", "obligatoire", "sera proposée"),
        ),
        # Everywhere asked, only where the numbers warrant it given.
        (
            "Le Collectif souhaite la création systématique de groupes de pilotage.",
            "Dans les départements où le nombre de victimes le justifie, un groupe sera constitué.",
            ("scope", "systématique", "Dans les départements où"),
        ),
        # Apart asked, within given.
        (
            "Les fonds doivent être distincts de ceux affectés à la lutte contre la prostitution.",
            "Au sein du fonds pour la prévention de la prostitution, une ligne de crédits sera réservée.",
            ("scope", "distincts de", "Au sein du"),
        ),
        # No condition asked, a size set as one.
        (
            "Prévoir des financements pour les structures d’hébergement (sans condition de taille).",
            "Une ligne de financement sera réservée aux structures gérant au moins cinq places dédiées.",
            ("scope", "sans condition", "au moins cinq places"),
        ),
        # Training asked, a resource made available given.
        (
            "Prévoir des formations des services consulaires, en première ligne lors des demandes de visas.",
            "Un module de formation en ligne est mis à la disposition des agents des consulats.",
            ("modality", "formations", "mis à la disposition"),
        ),
        # Training asked, nothing but resources given.
        (
            "Prévoir des formations des services consulaires, en première ligne lors des demandes de visas.",
            "Un espace en ligne rendra les supports pédagogiques accessibles aux agents des consulats.",
            ("modality", "formations", "accessibles aux"),
        ),
    ],
)
def test_a_narrower_take_up_of_the_kind_asked_is_a_change(
    ask: str, passage: str, want: tuple[str, str, str]
) -> None:
    assert codes(ask, passage) == [want]


@pytest.mark.parametrize(
    ("ask", "passage"),
    [
        (
            "Prévoir des modules de formation dans le cadre de la formation initiale.",
            "Le module sera intégré à la formation initiale des policiers et proposé en formation continue.",
        ),
        (
            "Une formation obligatoire doit être prévue pour les référents.",
            "Les référents suivront une formation obligatoire, qui sera proposée dès leur désignation.",
        ),
        (
            "Les fonds doivent être distincts de ceux affectés à la lutte contre la prostitution.",
            "Un fonds distinct sera créé et doté de crédits propres.",
        ),
        (
            "Créer un groupe de pilotage dans chaque département.",
            "Un groupe de pilotage sera constitué dans chaque département, au moins deux fois par an réuni.",
        ),
        (
            "Prévoir des formations des services consulaires, en première ligne lors des demandes de visas.",
            "Les agents des consulats suivront une formation sur la traite.",
        ),
        # Training given, and beside it something else made available: the training is not a resource.
        (
            "Les médecins doivent être formés au psychotraumatisme ; des consultations seront ouvertes.",
            "La formation des médecins au psychotraumatisme sera renforcée et des consultations spécialisées "
            "seront rendues accessibles aux victimes.",
        ),
        (
            "Les médecins doivent être formés au psychotraumatisme ; des consultations seront ouvertes.",
            "Il s’agira de former les médecins au psychotraumatisme et de rendre accessibles aux victimes "
            "des consultations spécialisées.",
        ),
    ],
)
def test_the_kind_asked_given_is_no_change(ask: str, passage: str) -> None:
    assert codes(ask, passage) == []


@pytest.mark.parametrize(
    ("ask", "about"),
    [
        ("La MIPROF doit être impliquée dans la mise en œuvre de cette mesure.", True),
        ("La MIPROF doit être impliquée.", True),
        ("Les associations doivent être associées.", True),
        ("Il faut préciser le rôle de la MIPROF et impliquer les collectivités territoriales.", False),
        (
            "Les associations devront être étroitement associées au travail de formation des professionnels.",
            False,
        ),
    ],
)
def test_an_ask_only_for_a_body_to_take_part_is_about_its_measure(ask: str, about: bool) -> None:
    assert about_its_measure(ask) is about


def test_the_interministerial_mission_is_the_miprof() -> None:
    # dossier M02-P11: « la mission interministérielle » is how a plan names the MIPROF once it has
    # defined it; the MIPROF coordinating the training is no other body and no body left out.
    ask = "La Miprof devrait jouer un rôle réel dans la coordination des formations."
    passage = "La mission interministérielle coordonne désormais l’ensemble de ces formations."
    assert [c for c, _, _ in codes(ask, passage)] == []
    assert codes(ask, "Chaque préfet coordonnera les formations.") == [("actor", "Miprof", "préfet")]


def test_a_figure_the_ask_refuses_or_a_floor_met_is_no_change() -> None:
    # next M05-P03, engagements, synthese: « un an minimum, et non de six mois » answered by « valable
    # un an » was reported « changed: six mois → un an ».
    ask = "Les victimes doivent bénéficier d’un permis de séjour d’un an minimum, et non de six mois."
    assert codes(ask, "La carte de séjour sera valable un an, renouvelable.") == []
    assert codes(ask, "Une carte de dix-huit mois sera délivrée.") == []
    assert codes(ask, "Une autorisation de six mois sera remise.") == [("figure", "un an", "six mois")]
    assert codes("Créer au moins 50 places.", "30 places seront créées.") == [
        ("figure", "50 places", "30 places")
    ]
    assert codes("Le délai doit être de trois mois au plus.", "Le délai sera de deux mois.") == []
    assert codes("Le délai doit être de trois mois au plus.", "Le délai sera porté à six mois.") == [
        ("figure", "trois mois", "six mois")
    ]


def test_sums_of_money_are_compared_however_they_are_printed() -> None:
    # « 5 M€ » and « 2 millions d'euros » were two units, never compared: a fund cut by more than
    # half read as adopted.
    ask = "Le fonds doit être doté de 5 M€ par an."
    reasons = change_reasons(ask, "Le fonds sera doté de 2 millions d’euros par an.")
    assert [(r.code, r.base, r.next, r.detail) for r in reasons] == [
        ("figure", "5 M€", "2 millions d'euros", "5000000 → 2000000 €")
    ]
    assert codes(ask, "Le fonds sera doté de 5 000 000 € chaque année.") == []
    assert codes("Un budget d’au moins 500 k€ est nécessaire.", "Un budget de 0,8 million d’euros.") == []


def test_the_value_a_plan_replaces_is_not_its_figure() -> None:
    # « passera de 300 places à 400 places » commits to 400, not 300; « contre 2 000 en 2022 » and
    # « actuellement de six mois » are what the plan changes.
    ask = "Créer 500 places d’hébergement."
    assert codes(ask, "Le nombre de places passera de 300 places à 400 places.") == [
        ("figure", "500 places", "400 places")
    ]
    assert codes(ask, "Contre 300 places en 2022, 400 places seront ouvertes.") == [
        ("figure", "500 places", "400 places")
    ]
    assert codes(ask, "Le nombre de places passera de 300 places à 500 places.") == []
    ask = "La durée du titre de séjour doit être portée à un an."
    assert codes(ask, "Le titre de séjour, actuellement de six mois, sera de neuf mois.") == [
        ("figure", "un an", "neuf mois")
    ]
    assert codes(ask, "Le titre de séjour sera d’une durée de six mois.") == [("figure", "un an", "six mois")]


_FIRM = "Il faut créer des places d’hébergement sécurisé pour les victimes dans chaque département."


@pytest.mark.parametrize(
    ("passage", "code", "given"),
    [
        # Left to a study, to results or to the money found: nothing is committed.
        ("Le Gouvernement examinera la possibilité de créer des places d’hébergement sécurisé.", "modality",
         "examinera la possibilité"),
        ("La création de places d’hébergement sécurisé sera examinée.", "modality", "sera examinée"),
        ("La création de places d’hébergement sécurisé fera l’objet d’une expertise.", "modality",
         "fera l’objet d’une expertise"),
        ("La création de places d’hébergement sécurisé sera mise à l’étude.", "modality", "mise à l’étude"),
        ("Des places d’hébergement sécurisé seront créées si les crédits le permettent.", "modality",
         "si les crédits le permettent"),
        ("Des places d’hébergement sécurisé seront créées en fonction des moyens disponibles.", "modality",
         "en fonction des moyens disponibles"),
        ("Des places d’hébergement sécurisé seront créées à moyen terme.", "modality", "à moyen terme"),
        ("La création de places d’hébergement sécurisé sera favorisée.", "modality", "sera favorisée"),
        # Kept to a pilot, a few places, those that volunteer, the big cities.
        ("À titre pilote, des places d’hébergement sécurisé seront créées pour les victimes.", "scope",
         "À titre pilote"),
        ("Des places d’hébergement sécurisé seront créées dans une dizaine de départements.", "scope",
         "dans une dizaine de départements"),
        ("Des places d’hébergement sécurisé seront créées dans les départements volontaires.", "scope",
         "départements volontaires"),
        ("Des places d’hébergement sécurisé seront créées dans les grandes agglomérations.", "scope",
         "dans les grandes agglomérations"),
        # Where it can be done; first in some places, the rest decided later.
        ("Des places d’hébergement sécurisé seront créées, lorsque c’est possible.", "modality",
         "lorsque c’est possible"),
        ("Des places d’hébergement sécurisé seront créées d’abord dans les préfectures de Bretagne.",
         "scope", "d’abord dans"),
        ("Des places d’hébergement sécurisé seront créées en Bretagne ; nous déciderons de leur extension "
         "après évaluation.", "scope", "déciderons de leur extension"),
    ],
)  # fmt: skip
def test_a_hedged_or_narrowed_commitment_is_a_change(passage: str, code: str, given: str) -> None:
    assert [(r.code, r.next) for r in change_reasons(_FIRM, passage)] == [(code, given)]


def test_what_a_plan_instructs_or_examines_case_by_case_is_no_hedge() -> None:
    assert codes(_FIRM, "Des places d’hébergement sécurisé seront créées dans chaque département.") == []
    # A circular « invitera les parquets à » is how the government instructs them.
    assert (
        codes(
            "Prévoir des référents dans les parquets.",
            "Une circulaire invitera les parquets à désigner un magistrat référent.",
        )
        == []
    )
    assert (
        codes("Examiner les demandes d’hébergement rapidement.", "Les demandes seront examinées en priorité.")
        == []
    )


def test_a_say_asked_and_a_hearing_given_is_a_change() -> None:
    # diapo M01-P08: « plus de rôle » in identifying victims, answered by associations that « pourront
    # être entendues par la cellule », read as adopted.
    ask = "Donner plus de rôle aux associations spécialisées dans l’identification des victimes."
    passage = "Les associations spécialisées pourront être entendues par la cellule"
    assert codes(ask, passage) == [("modality", "plus de rôle", "entendues par")]
    ask = "Les associations doivent être membres du comité de pilotage du plan."
    assert codes(ask, "Les associations pourront être auditionnées par le comité.")[0][2] == "auditionnées"
    assert codes(ask, "Les associations siégeront au comité de pilotage.") == []


def test_training_asked_and_a_guide_or_a_resource_given_is_a_change() -> None:
    ask = "Une formation obligatoire de tous les policiers sur la traite doit être mise en place."
    guide = "Un guide de repérage de la traite sera diffusé aux policiers."
    assert codes(ask, guide, Measure(number=1, title="Repérer les victimes", text=guide)) == [
        ("modality", "formation", "guide")
    ]
    # The measure also trains them: the guide is only the passage nearest the ask.
    both = Measure(
        number=1, title="Former", text=f"{guide} Une formation sera dispensée à tous les policiers."
    )
    assert codes(ask, guide, both) == []
    online = "Un module de formation en ligne sur la traite sera accessible aux policiers."
    assert codes(ask, online)[0][::2] == ("modality", "accessible aux")


@pytest.mark.parametrize(
    ("ask", "passage", "given"),
    [
        ("Le financement des associations doit être pérenne.",
         "Les associations bénéficieront d’un financement ponctuel.", "ponctuel"),
        ("Le financement des associations doit être pérenne.",
         "Les associations seront financées pour une durée de deux ans.", "pour une durée de deux ans"),
        ("L’accès aux soins doit être gratuit pour les victimes.",
         "Les victimes auront accès aux soins moyennant une participation forfaitaire.", "moyennant"),
        ("Un hébergement doit être proposé immédiatement aux victimes.",
         "Un hébergement sera proposé aux victimes dans un délai d’un mois.", "dans un délai d’un mois"),
    ],
)  # fmt: skip
def test_lasting_free_or_at_once_asked_and_less_given_is_a_change(ask: str, passage: str, given: str) -> None:
    assert [(c, n) for c, _, n in codes(ask, passage)] == [("modality", given)]


def test_lasting_free_or_at_once_given_as_asked_is_no_change() -> None:
    assert (
        codes("L’accès aux soins doit être gratuit.", "Les victimes auront accès aux soins gratuitement.")
        == []
    )
    assert (
        codes("Le financement doit être pérenne.", "Les associations auront des conventions pluriannuelles.")
        == []
    )
    assert (
        codes("Les victimes doivent être hébergées sans délai.", "Les victimes seront hébergées sans délai.")
        == []
    )


def test_independence_asked_and_a_body_under_a_minister_given_is_a_change() -> None:
    ask = "Un organisme indépendant doit assurer l’évaluation de la politique publique."
    passage = (
        "L’évaluation sera confiée à une mission placée auprès du ministre chargé des droits des femmes."
    )
    assert codes(ask, passage) == [("modality", "indépendant", "placée auprès du")]
    assert codes(ask, "Une autorité indépendante, placée auprès du Premier ministre, l’évaluera.") == []


def test_on_request_or_as_the_case_may_be_is_a_condition() -> None:
    ask = "L’information des victimes sur leurs droits doit être systématique."
    for given in ("si elles en font la demande", "selon les situations"):
        assert codes(ask, f"Les victimes seront informées de leurs droits {given}.") == [
            ("scope", "systématique", given.removeprefix("si elles "))
        ]
    # « lorsque cela est possible » is a hedge of any firm ask too (the reports show it once).
    assert codes(ask, "Les victimes seront informées de leurs droits lorsque cela est possible.") == [
        ("modality", "doit", "lorsque cela est possible"),
        ("scope", "systématique", "lorsque cela est possible"),
    ]
    assert codes("Le titre doit être délivré de plein droit.", "Le titre sera délivré sur demande.") == [
        ("scope", "de plein droit", "sur demande")
    ]


def test_all_asked_and_a_share_given_is_a_change() -> None:
    ask = "Tous les enquêteurs doivent être formés."
    assert codes(ask, "La moitié des enquêteurs sera formée d’ici 2027.") == [
        ("scope", "Tous les", "La moitié des")
    ]
    assert codes(ask, "Une partie des enquêteurs sera formée.") == [("scope", "Tous les", "Une partie")]
    assert codes(ask, "Les enquêteurs seront formés.") == []
    assert codes(ask, "100 % des enquêteurs seront formés d’ici 2027.") == []
    assert codes(ask, "30 % des enquêteurs seront formés d’ici 2027.") == [("scope", "Tous les", "30 % des")]


def test_an_extension_to_a_few_more_places_is_no_generalisation() -> None:
    assert codes(
        "Le dispositif doit être généralisé.", "Le dispositif sera étendu à cinq nouveaux départements."
    ) == [("scope", None, "étendu à cinq nouveaux départements")]


def test_training_for_other_professions_does_not_answer() -> None:
    # diapo M04-P02, orientations, tableau: a module for the public-service schools adopted an ask
    # for the teachers' training; the measure never names teachers.
    from plancompare.models import Measure

    ask = "Nous souhaitons que la formation des enseignants inclue un module sur la traite des êtres humains."
    passage = "Module proposé aux écoles de service public pour leur formation initiale"
    measure = Measure(number=5, title="Former les professionnels", text=passage)
    assert ("actor", "enseignants", None) in codes(ask, passage, measure)
    named = measure.model_copy(update={"text": f"{passage}. Les professeurs des collèges seront formés."})
    assert [c for c in codes(ask, passage, named) if c[0] == "actor"] == []
    # An ask that is not about training, or that names no profession, is left to the other reasons.
    assert codes("Les enseignants doivent disposer de ressources sur la traite.", passage, measure) == []
    generic = codes("Prévoir des modules de formation dans la formation initiale.", passage, measure)
    assert [c for c in generic if c[0] == "actor"] == []


def test_a_passage_that_names_whom_it_trains_answers_for_them_only() -> None:
    # feuilleroute M13-P02: the inspectors' initial training asked; the measure's list of publics names
    # them, but its sentence on initial training is the police and gendarmerie schools'.
    from plancompare.models import Measure

    ask = "Elaborer des modules à inclure dans la formation initiale des inspecteurs."
    passage = "Le module sera intégré à la formation initiale des écoles de police et de gendarmerie."
    measure = Measure(
        number=3,
        title="Former tous les professionnels",
        text=f"Il s’adressera aux policiers et aux inspecteurs du travail. {passage}",
    )
    assert [c[:2] for c in codes(ask, passage, measure) if c[0] == "actor"] == [("actor", "inspecteurs")]
    # A passage that names no one leaves its audience to the measure.
    silent = "Le module sera intégré à la formation initiale."
    assert [c for c in codes(ask, silent, measure) if c[0] == "actor"] == []


def test_built_in_asked_offered_to_the_institutions_given() -> None:
    # diapo M02-P10: « Module proposé aux écoles de service public pour leur formation initiale »: each
    # school decides; the ask wanted modules in initial training.
    ask = "Prévoir des modules de formation dans le cadre de la formation initiale."
    offered = "Module proposé aux écoles de service public pour leur formation initiale"
    assert codes(ask, offered) == [
        ("modality", "dans le cadre de la formation initiale", "proposé aux écoles")
    ]
    assert (
        codes(ask, "Le module sera intégré à la formation initiale de chaque école de service public.") == []
    )
    # Offered to the victims is no offer to institutions.
    assert codes(ask, "Un module de formation initiale sera proposé à chaque victime.") == []


def test_one_event_where_training_was_asked_is_a_change() -> None:
    # feuilleroute M10-P03: the training of those in contact with children asked, one day given.
    ask = "Former les personnels de l’ASE et de la PJJ aux enjeux de la traite des mineurs."
    day = "Une journée de formation sera organisée en 2037 pour les personnels de l’ASE et de la PJJ."
    assert ("modality", "Former", "Une journée") in codes(ask, day)
    # A session held every year is training.
    yearly = "Une session de formation sera organisée chaque année pour les personnels de l’ASE et de la PJJ."
    assert codes(ask, yearly) == []


def test_a_study_for_a_thing_asked_by_name_is_a_change() -> None:
    # releve M07-P04: a list item names what it asks; a feasibility study of it commits to nothing.
    ask = (
        "- Un dispositif spécifique d’hébergement pour que les victimes ne retombent pas dans l’exploitation."
    )
    study = "Elle conduira une étude de faisabilité d’un dispositif d’hébergement."
    assert codes(ask, study) == [("modality", None, "une étude")]
    assert codes(ask, "Un dispositif d’hébergement spécifique sera créé.") == []
    # releve G16: an analysis of recommendations and of the follow-up they « could » receive.
    ask = "Le Collectif appelle à ce que les recommandations des experts soient intégrées au prochain plan."
    analysis = "Elle présentera en 2041 une analyse des recommandations des experts et de leurs suites."
    assert codes(ask, analysis)[0][::2] == ("modality", "une analyse")


def test_kept_to_some_a_ceiling_or_once_is_a_change() -> None:
    # releve M07-P05: a funding line asked for every structure « sans condition de taille ».
    ask = "Prévoir des lignes de financement pour les structures d’hébergement (sans condition de taille)."
    kept = "Une ligne de financement sera ouverte, réservée aux établissements autorisés (CHRS)."
    assert ("scope", "sans condition", "réservée aux") in codes(ask, kept)
    # Places reserved for the victims are theirs: dedicated, not conditioned (but not money either).
    dedicated = "Quatre cents places seront identifiées et réservées aux victimes de la traite."
    assert codes(ask, dedicated) == [("scope", "financement", None)]
    # releve M21-P02: all the confiscated assets asked, up to a ceiling given.
    ask = "Le Collectif souhaite que l’intégralité des avoirs confisqués soit affectée au fonds."
    capped = "Le produit des avoirs confisqués sera affecté au fonds, dans la limite de 5 M€ par an."
    assert ("scope", "intégralité", "dans la limite de") in codes(ask, capped)
    # releve M02-P05: a regular review asked, one review given.
    ask = "Les indicateurs de repérage devront faire l’objet d’une réévaluation régulière."
    assert codes(ask, "Ces indicateurs feront l’objet d’une révision en 2042.") == [
        ("modality", "régulière", "une révision en 2042")
    ]
    assert codes(ask, "Ces indicateurs seront révisés chaque année, une première fois en 2042.") == []


def test_the_courts_of_appeal_are_a_few_seats_and_embassies_no_consulates() -> None:
    # feuilleroute, synthese, engagements M12-P03: referents asked in the prosecution offices, given in
    # each court of appeal's.
    ask = "Prévoir des référents traite des êtres humains dans les parquets."
    given = "Un magistrat référent sera désigné dans chaque parquet général."
    assert ("scope", None, "chaque parquet général") in codes(ask, given)
    assert codes(ask, "Un magistrat référent sera désigné dans chaque parquet.") == []
    # diapo M15-P04: contact points asked in the consulates, the embassies' attachés given.
    ask = "Créer des points de contact formés à la traite au sein des consulats."
    given = "Les attachés de sécurité intérieure des ambassades seront formés à la traite."
    assert [c[:2] for c in codes(ask, given) if c[0] == "actor"] == [("actor", "consulats")]


def test_the_central_directorates_are_bodies() -> None:
    # feuilleroute M08-P02: an inventory asked of the MIPROF, made by the social affairs' directorate.
    ask = "Cet état des lieux doit être réalisé par la MIPROF."
    for body in ("La DGCS", "La DIHAL", "La DGEF", "La direction générale du travail"):
        given = f"{body} dressera en 2037 un état des lieux des solutions d’hébergement."
        assert [c[0] for c in codes(ask, given)] == ["actor"], body


def test_training_asked_for_many_professions_given_to_a_few_is_a_change() -> None:
    from plancompare.models import Measure

    ask = (
        "Il faut former à la traite des mineurs les personnels de l’ASE, les magistrats, les services de "
        "police et les hôpitaux."
    )
    few = "Un module de formation sera ouvert aux professionnels de l’ASE."
    measure = Measure(number=4, title="Former", text=few)
    assert [c for c in codes(ask, few, measure) if c[0] == "actor"] == [
        ("actor", "magistrats, police, hôpitaux", "ASE")
    ]
    # Half of them or more is no narrowing: the passage names its audience as the ask does.
    most = "Un module de formation sera ouvert aux professionnels de l’ASE, aux magistrats et à la police."
    assert [
        c for c in codes(ask, most, Measure(number=4, title="Former", text=most)) if c[0] == "actor"
    ] == []
    # Two professions asked are too few to call the passage's one a part.
    pair = "Il faut former les personnels de l’ASE et les magistrats."
    assert [c for c in codes(pair, few, measure) if c[0] == "actor"] == []


@pytest.mark.parametrize(
    ("ask", "passage", "want"),
    [
        # A trained role asked, the role given and nobody trained.
        (
            "Il faut un référent traite dans chaque préfecture (avec une formation obligatoire).",
            "Un référent « traite » sera désigné dans chaque préfecture.",
            [("scope", "avec une formation", None)],
        ),
        (
            "Des interprètes formés doivent être disponibles.",
            "Des interprètes seront disponibles.",
            [("scope", "formés", None)],
        ),
        # Trained, or made aware: given.
        (
            "Des interprètes formés doivent être disponibles.",
            "Des interprètes formés seront disponibles.",
            [],
        ),
        (
            "Des interprètes formés doivent être disponibles.",
            "Des interprètes sensibilisés à la traite seront disponibles.",
            [],
        ),
        # Made up of, not trained.
        (
            "Un comité formé de représentants des associations doit être créé.",
            "Un comité sera créé avec les associations.",
            [],
        ),
        # « Toutes les formes » is no training (folded, « formés » reads as « formes »).
        ("Le fonds doit couvrir toutes les formes de traite.", "Le fonds couvrira la traite.", []),
        # Money asked as something to create; the passage pays for nothing.
        (
            "Les associations souhaitent recevoir des financements pour leurs actions.",
            "Les associations interviendront dans les lycées.",
            [("scope", "financements", None)],
        ),
        (
            "Les associations souhaitent recevoir des financements pour leurs actions.",
            "Une enveloppe de 2 M€ financera les interventions des associations.",
            [],
        ),
        # Money that exists is spoken of, not asked for: « les fonds alloués », « la transparence des
        # financements ».
        (
            "Le Collectif regrette le manque de transparence des financements de la mission.",
            "Un rapport annuel sera publié.",
            [],
        ),
        (
            "Les fonds alloués à la lutte contre la traite doivent être transparents.",
            "Un rapport annuel sera publié.",
            [],
        ),
    ],
)
def test_a_part_of_the_ask_absent_from_the_passage(
    ask: str, passage: str, want: list[tuple[str, str | None, str | None]]
) -> None:
    assert codes(ask, passage) == want


def test_a_region_the_ask_names_itself_is_no_limit_however_it_is_hyphenated() -> None:
    # « Ile de France » (no hyphens, no accent) in the ask is the passage's « Île-de-France ».
    ask = "Il est nécessaire de prévoir des foyers d’urgence en Ile de France, mais hors Paris."
    passage = "Deux foyers d’urgence sont ouverts en Île-de-France, hors de Paris."
    assert [c for c, _, _ in codes(ask, passage)] == []
    general = "Il est nécessaire de prévoir des foyers d’urgence pour les mineurs victimes."
    assert [c for c, _, _ in codes(general, passage)] == ["scope"]
    # The region the ask names leaves its other limits to be read: an experiment is still narrower.
    experiment = "Dont 40 places pour hommes, à titre expérimental en Île-de-France."
    assert [c for c, _, _ in codes(ask, experiment)] == ["modality", "scope"]


def test_a_condition_that_names_the_body_the_ask_names_is_no_narrowing() -> None:
    # The ask wants access « sans conditions au sein des dispositifs existants (type CHRS) »: funding
    # reserved to the CHRS gives what was asked, where it was asked.
    ask = (
        "Il semble nécessaire de renforcer l’accès immédiat à l’hébergement pour toutes les victimes de "
        "traite sans conditions au sein des dispositifs existants (type CHRS) sur tout le territoire."
    )
    reserved = (
        "Une ligne de financement dédiée, réservée aux établissements autorisés au titre de l’aide "
        "sociale (CHRS), accueillera les victimes de la traite."
    )
    assert "scope" not in [c for c, _, _ in codes(ask, reserved)]
    # Reserved to some victims, in the CHRS: a condition all the same.
    plaint = "Une ligne de financement, réservée aux victimes qui portent plainte, sera ouverte en CHRS."
    assert "scope" in [c for c, _, _ in codes(ask, plaint)]


def test_the_others_given_something_else_is_a_narrower_take() -> None:
    ask = "Il faut proposer des mises en situation dans les formations sur la traite."
    given = "pour les autres publics"
    passage = (
        "Les sessions destinées aux enquêteurs comporteront des mises en situation ; pour les autres "
        "publics, la formation prendra la forme de conférences."
    )
    assert codes(ask, passage) == [("scope", None, given)]
    # The others get it too: no narrowing.
    assert (
        codes(
            ask,
            passage.replace("la formation prendra", "elles seront également proposées, la formation prendra"),
        )
        == []
    )
    assert codes(ask, "Les mises en situation seront également proposées pour les autres publics.") == []
    # The ask makes the difference itself.
    assert codes(ask + " Pour les autres publics, un parcours en ligne suffit.", passage) == []
