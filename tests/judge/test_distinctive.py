"""The ask's missing words that reasons name: distinctive ones, rarest first, as the ask writes them."""

from __future__ import annotations

from plancompare.config import MatchConfig
from plancompare.judge.classify import proposal_verdict
from plancompare.judge.distinctive import LIMIT, as_written, distinctive, generic
from plancompare.match.aligner import Candidate
from plancompare.text.normalise import stem
from plancompare.text.patterns import PREFIX

G04 = (
    "Dans cet esprit, le Collectif demande à ce que la MIPROF établisse un bilan détaillé de son travail "
    "avec les associations."
)
M01_P01 = (
    "Des postes de médiateurs culturels devraient être financés par l’Etat et être positionnés au sein des "
    "associations. Il devrait s’agir de postes nouveaux et pas d’une réaffectation de postes existants."
)


def test_generic_words_are_left_out_and_the_content_kept() -> None:
    assert distinctive(["esprit", "détaillé", "établisse", "travail"], G04) == ["travail"]
    assert distinctive(["positionnés", "réaffectation", "nouveaux", "existants", "etat"], M01_P01) == [
        "réaffectation",
        "Etat",
    ]


def test_the_reviewers_stance_is_not_a_word_of_the_ask() -> None:
    # « le Collectif sera attentif et veillera à ce que … »: how the review watches, not what it asks.
    ask = (
        "Dans la mise en œuvre du Plan d’action national, le Collectif sera attentif et veillera à ce que la "
        "campagne de sensibilisation porte sur toutes les formes de traite et pas simplement sur "
        "l’exploitation à des fins sexuelles."
    )
    assert distinctive(["attentif", "campagne"], ask) == ["campagne"]


def test_adverbs_in_itement_go_the_noun_traitement_stays() -> None:
    # « absent : étroitement, campagne, … »: how closely, not what, is asked.
    ask = "Les associations doivent être étroitement associées au traitement des signalements."
    assert distinctive(["étroitement", "traitement", "explicitement"], ask) == ["traitement"]


def test_the_words_of_a_date_are_not_named() -> None:
    # M10-P09 of the bundled review: « absent : 31, mai, 2013, jeunes » named the circular's date.
    ask = (
        "Cette question devra être travaillée dans le cadre de l’évaluation de la Circulaire du 31 mai 2013 "
        "relative aux modalités de prise en charge des jeunes isolés étrangers, et de ses 50 places."
    )
    assert distinctive(["31", "mai", "2013", "jeunes", "50"], ask) == ["jeunes", "50"]


def test_verbs_in_any_form_go_nouns_made_from_them_stay() -> None:
    for word in (
        "établir",
        "établisse",
        "établie",
        "veillera",
        "portent",
        "siègent",
        "positionnés",
        "permettant",
    ):
        assert generic(word), word
    for word in ("établissement", "utilisation", "visas", "fonds", "hébergement", "signalement", "2013"):
        assert not generic(word), word
    for word in ("largement", "clairement", "systématiquement", "particulièrement", "éventuellement"):
        assert generic(word), word


def test_acronyms_and_names_are_written_as_the_ask_writes_them() -> None:
    text = "Banlieues lointaines : les victimes hébergées en CHRS à Paris ont droit à l’AME."
    assert [as_written(w, text) for w in ("chrs", "paris", "ame", "banlieues", "victimes")] == [
        "CHRS",
        "Paris",
        "AME",
        "banlieues",  # capitalised only as the first word of its sentence
        "victimes",
    ]


def test_at_most_a_few_rarest_first() -> None:
    words = ["réaffectation", "esprit", "médiateurs", "budgets", "consulaires", "visas", "passeport"]
    assert distinctive(words, "") == ["réaffectation", "médiateurs", "budgets", "consulaires"]
    assert LIMIT == 4


def test_reasons_name_the_distinctive_missing_words() -> None:
    stems = tuple(stem(w)[:PREFIX] for w in ("esprit", "détaillé", "établisse", "travail"))
    best = Candidate(1, 15.0, 15.0, "Les associations seront consultées sur le bilan.", G04, 0.4, stems)
    verdict, reasons = proposal_verdict(best, [], MatchConfig(match=18.0, adopt=22.0, topic=10.0))
    assert verdict == "dropped" and [(r.code, r.base) for r in reasons] == [("topic-only", "travail")]
    verdict, reasons = proposal_verdict(best, [], MatchConfig(match=12.0, adopt=22.0, topic=10.0))
    assert verdict == "changed" and [(r.code, r.base) for r in reasons] == [("partial", "travail")]


def test_a_reference_is_named_whole() -> None:
    text = "Le Collectif rappelle que l’article 225-4-1 vise aussi les individus."
    assert distinctive(["individus", "225", "4"], text) == ["individus", "225-4-1"]


def test_words_in_most_of_the_plan_are_never_named_absent() -> None:
    # next M01-P08 read « même thème seulement, absent : victimes »: the word is in more than a fourth
    # of the plan's sentences, and its absence says nothing a reader would look for.
    from plancompare.match.aligner import Aligner
    from plancompare.models import Measure

    filler = "Les victimes de traite seront orientées vers un accueil adapté."
    plan = [
        Measure(
            number=1,
            title="Identifier",
            text="Les associations spécialisées pourront signaler les personnes.",
        ),
        *(
            Measure(number=n, title=f"Mesure {n}", text=f"{filler} Un guide {n} sera publié.")
            for n in range(2, 6)
        ),
    ]
    aligner = Aligner(plan)
    assert aligner.idf.ubiquitous(stem("victimes")[:PREFIX])
    ask = "Donner plus de rôle aux associations spécialisées dans l’identification des victimes."
    best = aligner.align(aligner.query(ask))[0]
    assert best.measure == 1
    assert stem("victimes")[:PREFIX] not in best.missing
    assert stem("identification")[:PREFIX] in best.missing


def test_what_the_ask_sets_aside_is_not_named_absent() -> None:
    # The plan need not mention what the ask sets aside (« pas simplement … », « et non … »); the
    # reason given for it (« car … ») is still the ask's.
    ask = (
        "Les campagnes doivent porter sur toutes les formes de traite et pas simplement sur l’exploitation "
        "à des fins sexuelles."
    )
    assert distinctive(["sexuelles", "campagnes"], ask) == ["campagnes"]
    ask = (
        "Les mineurs doivent bénéficier de la couverture maladie universelle et non de l’Aide Médicale "
        "d’Etat (AME) car les taux de remboursement sont faibles."
    )
    assert distinctive(["AME", "universelle", "remboursement"], ask) == ["universelle", "remboursement"]
    # A word also asked for outside what is set aside stays.
    ask = "Former les magistrats à l’exploitation par le travail, et pas seulement à l’exploitation sexuelle."
    assert distinctive(["exploitation", "sexuelle"], ask) == ["exploitation"]


def test_the_words_of_a_set_phrase_are_not_named_absent() -> None:
    # « Les pouvoirs publics » is the government, « à l'heure actuelle » now, « sur le terrain » in
    # practice: a passage need not say them, so a reader learns nothing from them as absent.
    ask = "Les pouvoirs publics doivent prendre en charge les frais d’interprétariat."
    assert distinctive(["pouvoirs", "publics", "interprétariat"], ask) == ["interprétariat"]
    ask = (
        "Les pratiques diffèrent à l’heure actuelle selon les préfectures, et les associations de "
        "terrain le constatent."
    )
    assert distinctive(["heure", "terrain", "préfectures"], ask) == ["préfectures"]
    ask = (
        "Il demande avec insistance que les outils soient réalisés de concert avec les associations, "
        "face à l’urgence."
    )
    assert distinctive(["insistance", "concert", "face", "urgence"], ask) == ["urgence"]
    # The same word outside the phrase is the ask's own: « un terrain » to build on stays.
    ask = "Les associations de terrain demandent qu’un terrain soit réservé à l’hébergement."
    assert distinctive(["terrain", "hébergement"], ask) == ["terrain", "hébergement"]
    # « déterminer », « offrant »: generic verbs in any form.
    ask = "Déterminer la procédure, en offrant un hébergement."
    assert distinctive(["déterminer", "offrant", "procédure"], ask) == ["procédure"]


def test_a_noun_in_ation_is_not_absent_where_the_passage_says_its_verb() -> None:
    ask = "Il faut un référent traite dans chaque préfecture, avec une formation obligatoire."
    stems = tuple(stem(w)[:PREFIX] for w in ("obligatoire", "formation"))
    trained = "Dans chaque préfecture, un référent traite, spécialement formé, sera désigné."
    best = Candidate(9, 30.0, 30.0, trained, ask, 0.6, stems)
    verdict, reasons = proposal_verdict(best, [], MatchConfig(match=18.0, adopt=40.0, topic=10.0))
    assert verdict == "changed" and [(r.code, r.base) for r in reasons] == [("partial", "obligatoire")]
    # « formes » is another word: the training is still absent.
    other = Candidate(
        9, 30.0, 30.0, "Un référent traitera toutes les formes d’exploitation.", ask, 0.6, stems
    )
    _, reasons = proposal_verdict(other, [], MatchConfig(match=18.0, adopt=40.0, topic=10.0))
    assert [(r.code, r.base) for r in reasons] == [("partial", "obligatoire, formation")]
