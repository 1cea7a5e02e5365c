"""What counts as a commitment of a plan (text/commitment.py): only commitments can answer an ask."""

from __future__ import annotations

import pytest

from plancompare.text.commitment import (
    asks_nothing,
    dated_before,
    first_year,
    is_bare_reference,
    is_commitment,
    is_field_line,
    is_refusal,
    is_statement,
    measure_sentences,
)


@pytest.mark.parametrize(
    "line",
    [
        "Pilote : MIPROF",
        "Pilote(s) : ministère de l’Intérieur",
        "Partenaires : MIPROF, préfectures, associations spécialisées",
        "Calendrier : 2025-2026",
        "Échéance : fin 2019",
        "Indicateur(s) : nombre de professionnels formés par an",
        "Porteur : DGCS",
        "Financement Sans objet",
        "Nombre de mineurs victimes pris en charge par l’aide sociale à l’enfance",
        # The aim a measure states is no commitment: what the measure does follows it.
        "Objectif : reconnaître la qualité de victime indépendamment de l’enquête pénale.",
        # Who and when, as a press kit puts them.
        "Pour qui : les victimes mineures",
        "Public visé : les professionnels de santé",
        "Quand : dès 2031",
        # A label with a complement before its colon, as fiches of other plans write them.
        "Porteur de l’action : DGCS",
        "Responsable de la mise en œuvre : direction générale du travail",
        "Calendrier de mise en œuvre : 2025-2026",
        "Coût estimé : 2 M€",
        "Budget de l’État : 2 M€ par an",
        "Chef de file : ministère de l’Intérieur",
        "Acteurs concernés : associations spécialisées, MIPROF",
        "Ministères concernés : Justice, Intérieur",
        "Structures associées : OCRTEH, OFPRA",
        "Livrables : un guide national",
        "Suivi : comité de pilotage annuel",
        "Textes de référence : article L. 425-1 du CESEDA",
    ],
)
def test_field_lines_are_not_commitments(line: str) -> None:
    assert is_field_line(line) and not is_commitment(line)


@pytest.mark.parametrize(
    "sentence",
    [
        "La loi du 13 avril 2016 a créé le parcours de sortie de la prostitution.",
        "Le premier plan a permis de structurer la coordination nationale.",
        "La MIPROF coordonne depuis 2013 la lutte contre la traite.",
        "Les délais d’instruction atteignent aujourd’hui plusieurs mois.",
        "Actuellement, les victimes sont hébergées dans des structures généralistes.",
        "Le précédent plan prévoyait une campagne nationale d’information.",
        "De nombreuses victimes se présentent sans passeport, ceux-ci ayant été confisqués.",
        "La traite des êtres humains est une activité criminelle fortement lucrative.",
        "Les mineurs représentent une part importante des victimes repérées en France.",
        "La France est particulièrement touchée par ce phénomène.",
        "Il existe peu de places adaptées aux hommes victimes.",
        "Les associations jouent un rôle essentiel dans l’identification des victimes.",
        "La mise en sécurité des victimes suppose une offre d’hébergement protectrice et diversifiée.",
        "La formation des professionnels conditionne le repérage des victimes.",
        "Le droit au séjour est la condition de la sécurité des victimes étrangères.",
        "La MIPROF, placée auprès du ministre des droits des femmes, demeure la coordinatrice nationale.",
        "Certaines préfectures refusent d’enregistrer la demande d’asile d’une victime.",
        "Les témoignages des victimes ne sont pas des « transmissions d’informations » mais des plaintes.",
        # A reminder of what already holds (diapo's « Rappel : » bullet).
        "Rappel : l’infraction vise aussi la personne qui exploite seule, hors de tout réseau.",
        "Pour mémoire, le fonds finance déjà les associations agréées.",
        "Il est rappelé qu’une victime peut porter plainte à tout moment.",
        # What already holds, and the law as it stands, told in the present.
        "Les préfectures disposent déjà d’un référent traite.",
        "Le code pénal punit la traite de sept ans d’emprisonnement.",
        "La circulaire du 19 mai 2015 prévoit la délivrance d’un titre de séjour.",
        "Comme le prévoit la loi de 2016, le parcours de sortie est ouvert aux victimes.",
        "Selon l’article L. 425-1 du CESEDA, la victime qui porte plainte reçoit une carte de séjour.",
        # The past of verbs conjugated with « être », findings of reports, trends, the plan placing itself.
        "La France s’est dotée en 2014 d’un premier plan d’action national.",
        "Le dispositif Ac.Sé est né en 2001 de la volonté des associations.",
        "Le nombre de victimes identifiées est passé de 800 à 1 800.",
        "Le bilan du premier plan montre des avancées réelles.",
        "L’évaluation du plan 2014-2016 souligne l’insuffisance des places d’hébergement.",
        "Le GRETA recommande à la France de renforcer l’identification des victimes.",
        "Selon les associations, les victimes mineures sont de plus en plus nombreuses.",
        "Les réseaux utilisent de plus en plus internet pour recruter.",
        "Les victimes d’exploitation sexuelle sont majoritairement des femmes.",
        "Ces chiffres restent en deçà de la réalité.",
        "Le plan s’inscrit dans la continuité du précédent.",
        # An acronym ending in « -ra » is no future tense.
        "L’OFPRA a accordé la protection internationale à 200 victimes en 2016.",
        # A government speaking in the first person of what it did: « nous considérons » is a present
        # (the future is « considérerons »).
        "Depuis 2033, nous avons ouvert 300 places dédiées.",
        "Vous nous avez signalé des délais d’instruction trop longs.",
        "Nous nous sommes dotés d’un référent par département.",
        "Nous sommes passés de 300 à 500 places en trois ans.",
        "Nous le considérons comme tel, même lorsque son exploitation l’a conduit à voler.",
        "Vous considérez déjà ces personnes comme des victimes.",
        # The imperfect of « être » and « avoir », the most common of all.
        "Les associations étaient les grandes absentes du plan 2014-2016.",
        "Le précédent plan avait un volet sur la formation.",
        # Things left as they are: the main verb keeps, it does not commit.
        "Les frais de justice des victimes restent pris en charge dans les conditions de droit commun.",
        "Les crédits d’hébergement restent délégués aux préfets de région.",
        "Le droit de timbre demeure exigible lors de la remise du titre.",
        "L’accès au logement continue de relever du droit au logement opposable.",
        "Le parcours de sortie reste ouvert aux seules victimes d’exploitation sexuelle.",
    ],
)
def test_sentences_about_the_past_or_the_present_are_statements(sentence: str) -> None:
    assert is_statement(sentence) and not is_commitment(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Une ligne de crédits réservée à l’accueil des victimes sera créée au sein du programme 177.",
        "Les victimes qui ont été identifiées bénéficieront d’un hébergement sécurisé.",
        "À compter de 2019, la durée du titre de séjour est portée à un an.",
        "La MIPROF est chargée de coordonner les formations.",
        "Créer des places d’hébergement sécurisé dans chaque région.",
        "Un module national de formation couvrant toutes les formes de traite.",
        "Il est rattaché à ces services dès sa création.",
        "Le référent est désigné par le procureur dans chaque parquet.",
        "Une campagne d’information est une priorité : elle sera lancée en 2025.",
        "Il y a lieu de renforcer la formation des agents consulaires.",
        "Le dispositif Ac.Sé est fortement renforcé et très largement ouvert aux hommes.",
        "Certaines préfectures accueilleront un référent dès 2025.",
        "La MIPROF restera la coordinatrice nationale du plan.",
        "La délivrance du titre restera subordonnée à l’ouverture d’une enquête.",
        # A status kept in a relative clause, or after the main clause, leaves the commitment standing.
        "La MIPROF, qui demeure placée auprès du ministre, assure le pilotage du contrat.",
        "Elle met en ligne les outils de formation ; chaque ministère continue d’organiser les siennes.",
        "Rappel des droits de la victime dès le premier contact.",
        "Rappel systématique des droits aux victimes repérées.",
        "Rappel : une circulaire sera diffusée aux parquets en 2033.",
        # A topic or an audience set before what is done for it is no field; the law changed is no
        # law described.
        "Suivi des victimes : un référent sera désigné pour chaque victime.",
        "Suivi : un comité se réunira chaque année avec les associations.",
        "Services de police : formation obligatoire de chaque enquêteur dès 2025.",
        "Le code de l’action sociale est modifié pour ouvrir l’hébergement aux victimes.",
        "Le dispositif, déjà expérimenté à Paris, sera étendu à toute la France.",
        "La loi permettra aux victimes de bénéficier d’un titre de séjour.",
        "Les victimes sont accompagnées par un référent unique.",
        "Le bilan annuel sera publié par la MIPROF.",
        "Selon les cas, un hébergement est proposé à la victime.",
        "Une campagne de sensibilisation est menée chaque année.",
        # Prohibitions the plan commits to are no refusals.
        "Aucun soin ne sera pratiqué sans que la victime y ait consenti.",
        "Cet hébergement ne dépendra d’aucune condition de régularité du séjour.",
        "La victime ne sera pas poursuivie pour les infractions commises sous la contrainte.",
        "Aucune poursuite ne sera engagée contre les victimes pour des infractions commises sous contrainte.",
        "Aucune condition de régularité du séjour ne sera exigée.",
        "Il n’est pas nécessaire que la victime porte plainte pour être hébergée.",
        # The first person plural, and the near future.
        "Depuis 2016, les victimes attendent trop : nous réduirons ce délai à un mois.",
        "Nous mettrons fin aux nuitées hôtelières, auxquelles l’État recourt déjà trop.",
        "Actuellement, chaque région compte un référent : nous en ouvrirons un par département.",
        "Aujourd’hui encore, les mineurs sont mal repérés : nous allons former chaque éducateur.",
        "Les préfectures disposent déjà d’un référent ; l’État va financer un second poste.",
        "Nous nous engageons à former chaque enquêteur, comme le précédent plan le prévoyait.",
        # An instruction to the préfets, in the second person plural.
        "Comme le prévoit déjà la circulaire de 2016, vous veillerez à désigner un référent.",
        "Nous ne tolérerons plus aucune exploitation des mineurs.",
        "Nous n’exigerons plus de passeport pour la première carte.",
        "L’État ne les laissera pas sans abri.",
    ],
)
def test_commitments_stay_commitments(sentence: str) -> None:
    assert is_commitment(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Aucune modification législative n’est envisagée à ce stade : les victimes continueront de relever "
        "des droits sociaux existants.",
        "Il n’est pas prévu de créer un fonds dédié.",
        "Le dispositif expérimental ne sera pas reconduit.",
        "Le plan ne prévoit pas de places réservées aux hommes.",
        "Aucun fonds dédié ne sera créé.",
        "La création d’un fonds dédié n’est pas jugée nécessaire.",
        "Il n’apparaît pas opportun de créer un fonds dédié.",
        "Le Gouvernement n’entend pas modifier la loi sur ce point.",
        "Le Gouvernement écarte la création d’un fonds dédié.",
        "Cette proposition ne sera pas mise en œuvre.",
        # In the active voice, and in the first person plural.
        "L’État ne créera pas de fonds dédié.",
        "Nous ne reconduirons pas le dispositif expérimental.",
        "Nous ne prévoyons pas de places réservées aux hommes.",
        # Elided, or with a pronoun before the verb.
        "La MIPROF restera placée auprès de la ministre : nous ne la rattacherons pas au Premier ministre.",
        "Nous n’ajouterons pas de module à la formation des enseignants.",
        "Nous n’ouvrirons pas de procédure dérogatoire de regroupement familial.",
    ],
)
def test_a_refusal_answers_no_ask(sentence: str) -> None:
    assert is_refusal(sentence) and not is_commitment(sentence)


def test_a_bare_reference_is_no_commitment() -> None:
    assert is_bare_reference("Articles L. 316-1 et L. 316-1-1 du CESEDA ; article 225-4-1 du code pénal")
    assert not is_bare_reference("L’article L. 316-1 du CESEDA sera appliqué sans condition de plainte.")


def test_sentences_under_a_constat_heading_are_context_until_actions() -> None:
    text = (
        "Constat\n\nLes victimes attendent plusieurs mois leur titre.\n\nLes pratiques varient fortement.\n\n"
        "Actions\n\nUne instruction harmonisera les pratiques des préfectures.\n\n"
        "Les pratiques des préfectures seront évaluées chaque année."
    )
    read = [(s.text, s.commits) for s in measure_sentences(text)]
    assert read == [
        ("Les victimes attendent plusieurs mois leur titre.", False),
        ("Les pratiques varient fortement.", False),
        ("Une instruction harmonisera les pratiques des préfectures.", True),
        ("Les pratiques des préfectures seront évaluées chaque année.", True),
    ]


def test_what_exists_already_is_context_until_what_changes() -> None:
    text = (
        "Ce qui existe déjà\n\nUn référent est désigné dans chaque préfecture.\n\n"
        "Ce qui va changer\n\nUn référent sera désigné dans chaque parquet. Les victimes reçoivent une "
        "information écrite.\n\nLes acquis du premier plan : un guide est diffusé aux enquêteurs."
    )
    got = [(s.text, s.commits) for s in measure_sentences(text) if s.text.strip(" :")]
    assert got == [
        ("Un référent est désigné dans chaque préfecture.", False),
        ("Un référent sera désigné dans chaque parquet.", True),
        ("Les victimes reçoivent une information écrite.", True),
        ("un guide est diffusé aux enquêteurs.", False),
    ]


def test_an_inline_constat_is_context_until_inline_actions() -> None:
    text = (
        "Constat : les victimes attendent plusieurs mois leur titre. Les pratiques varient.\n\n"
        "Les préfectures seront réunies chaque année.\n\n"
        "Actions : une instruction harmonisera les pratiques des préfectures.\n\n"
        "Mise en œuvre : ministère de l’Intérieur"
    )
    read = [(s.text, s.commits) for s in measure_sentences(text)]
    assert read == [
        ("les victimes attendent plusieurs mois leur titre.", False),
        ("Les pratiques varient.", False),
        ("Les préfectures seront réunies chaque année.", False),
        ("une instruction harmonisera les pratiques des préfectures.", True),
        ("Mise en œuvre : ministère de l’Intérieur", False),
    ]


def test_a_list_item_commits_with_its_lead_in_and_is_shown_with_it() -> None:
    text = (
        "Constat\n\nLes formes d’exploitation sont mal connues :\n\n• le travail forcé ;\n\n"
        "Actions\n\nLa campagne donnera une place à chacune des formes d’exploitation :\n\n"
        "• le travail forcé et la servitude domestique. Ils seront montrés.\n\n• l’exploitation sexuelle.\n\n"
        "Elle sera diffusée en deux vagues."
    )
    read = measure_sentences(text)
    lead = "La campagne donnera une place à chacune des formes d’exploitation :"
    assert [(s.text, s.commits, s.lead) for s in read] == [
        ("Les formes d’exploitation sont mal connues :", False, ""),
        ("le travail forcé", False, "Les formes d’exploitation sont mal connues :"),
        (lead, True, ""),
        ("le travail forcé et la servitude domestique.", True, lead),
        ("Ils seront montrés.", True, ""),
        ("l’exploitation sexuelle.", True, lead),
        ("Elle sera diffusée en deux vagues.", True, ""),
    ]


def test_a_lead_in_set_as_an_item_governs_its_sub_items_not_its_siblings() -> None:
    text = (
        "Ce que nous ferons :\n\n– Le fonds sera scindé en deux sections :\n\n"
        "• cette section recevra la part des confiscations ;\n\n• une ligne de crédits sera réservée.\n\n"
        "– Un état annuel détaillera les crédits consacrés à la traite."
    )
    lead = "Le fonds sera scindé en deux sections :"
    assert [(s.text, s.lead) for s in measure_sentences(text)] == [
        (lead, ""),
        ("cette section recevra la part des confiscations", lead),
        ("une ligne de crédits sera réservée.", lead),
        ("Un état annuel détaillera les crédits consacrés à la traite.", ""),
    ]


def test_praise_and_statements_ask_nothing() -> None:
    assert asks_nothing(["Le Collectif se réjouit de la création d’un premier Plan National."])
    assert asks_nothing(["Il salue l’arrêté du 17 octobre 2016 portant nomination au comité."])
    assert asks_nothing(["Le foyer AFJ a mis en place un dispositif de prise en charge psychologique."])
    assert not asks_nothing(["Un dispositif spécifique d’hébergement pour les victimes."])


def test_the_items_of_a_list_a_statement_leads_into_state_too() -> None:
    lead = "Il existe actuellement en France plusieurs types d’hébergements pour les victimes :"
    items = ["l’éloignement géographique par Ac-Sé", "186 places en France – Amicale du Nid"]
    assert asks_nothing([lead, *items])
    # After an ask's lead-in, the items are what it asks.
    assert not asks_nothing(["Le Collectif demande :", *items])


def test_a_field_s_value_set_apart_from_its_label_is_the_field_too() -> None:
    """« Pour qui : Le grand public »: read as two sentences at the colon, the value alone (« Le grand
    public ») would otherwise pass for a commitment; « Ce qui change : … » is no field."""
    text = (
        "Nous lançons une campagne nationale chaque année.\n\nPour qui : Le grand public, les jeunes.\n\n"
        "Ce qui change : Une campagne sera diffusée à la télévision."
    )
    commits = {s.text: s.commits for s in measure_sentences(text)}
    assert commits["Le grand public, les jeunes."] is False
    assert commits["Une campagne sera diffusée à la télévision."] is True
    assert commits["Nous lançons une campagne nationale chaque année."] is True


def test_a_chronology_line_before_the_plan_is_no_commitment() -> None:
    assert first_year("Plan d’action national contre la traite des êtres humains 2017-2019 — projet") == 2017
    assert first_year("Feuille de route 2025") == 2025
    assert first_year("Plan national") is None
    for line in (
        "2016 : la loi du 13 avril crée le parcours de sortie.",
        "En 2014, le premier plan crée la MIPROF.",
        "13 avril 2016 – la loi crée le parcours de sortie.",
    ):
        assert dated_before(line, 2017) and not is_commitment(line, 2017), line
    # The plan's own calendar, a year named inside a commitment, or no year to compare with.
    for line, since in (
        ("2018 : déploiement du dispositif dans cinq départements.", 2017),
        ("Le fonds créé en 2016 sera reconduit.", 2017),
        ("2016 : la loi du 13 avril crée le parcours de sortie.", None),
    ):
        assert not dated_before(line, since) and is_commitment(line, since), line


def test_a_run_in_constat_is_context_for_its_paragraph_only() -> None:
    # releve: « Constat. » set in bold before its text, then what the Comité decides.
    text = (
        "Constat. L’affiliation des victimes suit la procédure de droit commun. Le délai atteint sept mois."
        "\n\nLe Comité décide : de créer un référent dans chaque caisse.\n\n"
        "Le Comité rappelle que la médiation familiale relève du ministère de la Justice."
    )
    assert [(s.commits, s.text[:20]) for s in measure_sentences(text)] == [
        (False, "L’affiliation des vi"),
        (False, "Le délai atteint sep"),
        (True, "Le Comité décide : d"),
        (False, "Le Comité rappelle q"),
    ]
    # A sentence of one word that is no heading of context stays what it is.
    assert [s.commits for s in measure_sentences("Mesure. Un référent sera désigné.")] == [True, True]


def test_a_sentence_opening_with_a_pronoun_knows_what_it_stands_for() -> None:
    text = (
        "Une circulaire sera adressée aux préfets. Il est nécessaire de les former. "
        "Elle prévoira notamment que :\n\n"
        "• un récépissé est remis sans délai ;\n\n"
        "• la carte est renouvelable.\n\n"
        "Un guide sera publié en 2025. Il sera mis à jour chaque année. Il sera traduit en anglais.\n\n"
        "Un fonds sera créé. À cette fin, une ligne budgétaire sera ouverte. Ce fonds sera abondé par "
        "l’AGRASC. Ce que les victimes obtiendront sera publié.\n\n"
        "Les pays partenaires bénéficieront :\n\n• d’une formation des enquêteurs ;\n\n"
        "• d’une assistance technique.\n\nCes actions seront conduites avec les associations."
    )
    before = {s.text: s.before for s in measure_sentences(text)}
    # An impersonal « il » stands for nothing.
    assert before["Il est nécessaire de les former."] == ""
    # The sentence before, when it opens with no pronoun; « […] » when others come between.
    # Nor does it name what a later pronoun stands for.
    assert before["Elle prévoira notamment que :"] == "Une circulaire sera adressée aux préfets. […]"
    assert before["Il sera traduit en anglais."] == "Un guide sera publié en 2025. […]"
    # A demonstrative points back too, alone or in a connective; « Ce que … » points forward.
    assert before["À cette fin, une ligne budgétaire sera ouverte."] == "Un fonds sera créé."
    assert before["Ce fonds sera abondé par l’AGRASC."] == "À cette fin, une ligne budgétaire sera ouverte."
    assert before["Ce que les victimes obtiendront sera publié."] == ""
    # A list item, after its lead-in.
    assert before["Ces actions seront conduites avec les associations."] == (
        "Les pays partenaires bénéficieront : d’une assistance technique."
    )
    # A list's items are shown after what their lead-in's pronoun stands for.
    assert before["un récépissé est remis sans délai"] == "Une circulaire sera adressée aux préfets. […]"
