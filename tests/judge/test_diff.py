"""compare() on hand-made sides and on the bundled corpora (real PDFs through the extractor)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from plancompare.config import MatchConfig, load_config
from plancompare.corpus import load_side
from plancompare.judge.diff import align_sides, compare
from plancompare.judge.measures import judge_measures
from plancompare.match.scoring import Candidate
from plancompare.models import Measure, Proposal, ProposalResult, Side
from plancompare.report import render
from plancompare.serialise import to_json
from sides import side

ROOT = Path(__file__).resolve().parents[2]


BASE = side(
    [
        Measure(
            number=1,
            title="Héberger les victimes",
            priority="I",
            text="Des places d’hébergement seront créées.",
        ),
        Measure(
            number=2, title="Former les magistrats", priority="II", text="Un module de formation sera créé."
        ),
    ],
    [
        Proposal(id="M01-P01", measure=1, text="Créer 50 places d’hébergement sécurisé pour les victimes."),
        Proposal(id="M02-P01", measure=2, text="La formation des magistrats doit être obligatoire."),
        Proposal(id="G01", measure=None, text="Les tests osseux doivent être interdits pour les mineurs."),
    ],
)
NEXT = side(
    [
        Measure(
            number=1,
            title="Héberger les victimes",
            priority="1",
            text="50 places d’hébergement sécurisé seront créées pour les victimes.",
        ),
        Measure(
            number=2,
            title="Former les magistrats",
            priority="1",
            text="La formation des magistrats pourra comporter un module sur la traite.",
        ),
        Measure(
            number=3, title="Sensibiliser le public", priority="2", text="Une campagne nationale sera lancée."
        ),
    ]
)
CFG = MatchConfig(match=30, adopt=45, topic=15, successor=20, kept=50)


def test_verdicts_reasons_and_evidence_on_a_small_case() -> None:
    result = compare(BASE, NEXT, CFG)
    by_id = {p.id: p for p in result.proposals}
    assert [p.id for p in result.proposals] == ["G01", "M01-P01", "M02-P01"]
    assert by_id["M01-P01"].verdict == "adopted" and by_id["M01-P01"].matches[0].measure == 1
    assert by_id["M01-P01"].priority == "I"
    changed = by_id["M02-P01"]
    assert changed.verdict == "changed"
    assert [(r.code, r.base, r.next) for r in changed.reasons] == [("modality", "doit", "pourra")]
    dropped = by_id["G01"]
    assert dropped.verdict == "dropped" and dropped.priority is None
    assert dropped.reasons[0].code in ("no-match", "topic-only")
    assert {m.number: m.next for m in result.measures} == {1: [1], 2: [2]}
    assert result.measures[0].verdict == "kept"
    assert result.new_measures == [3]
    assert result.next_measures[0].antecedents == [1]
    assert result.base.source == "x.yaml"  # a name, never a path


def test_two_runs_are_byte_identical() -> None:
    assert to_json(compare(BASE, NEXT, CFG)) == to_json(compare(BASE, NEXT, CFG))


def test_config_file_thresholds_are_read_and_named_without_the_folder(tmp_path: Path) -> None:
    path = tmp_path / "plancompare.toml"
    path.write_text("[thresholds]\nmatch = 95\nadopt = 99\n", encoding="utf-8")
    result = compare(BASE, NEXT, load_config(path))
    assert result.settings.config == "plancompare.toml"
    assert result.settings.thresholds["match"] == 95
    assert all(p.verdict == "dropped" for p in result.proposals)


@pytest.fixture(scope="module")
def bundled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Side, Side]]:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PLANCOMPARE_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        yield load_side(ROOT / "corpora/2014-2016"), load_side(ROOT / "corpora/next")


def test_bundled_corpora_compare_deterministically_with_evidence(bundled: tuple[Side, Side]) -> None:
    base, nxt = bundled
    result = compare(base, nxt, load_config(nxt.config_path))
    assert to_json(result) == to_json(compare(base, nxt, load_config(nxt.config_path)))
    assert len(result.proposals) >= 120 and len(result.measures) == 23
    verdicts = {p.verdict for p in result.proposals}
    assert verdicts == {"adopted", "changed", "dropped", "n-a"}
    for p in result.proposals:
        assert p.matches or p.verdict == "n-a", p.id  # dropped ones carry their nearest candidate
        assert p.verdict == "adopted" or p.reasons, p.id
    assert "/" not in (result.base.source or "") and "/" not in (result.next.source or "")


def test_a_statement_with_no_ask_is_flagged_for_the_analyst() -> None:
    base = side(
        [Measure(number=1, title="Héberger les victimes", text="Des places seront créées.")],
        [
            Proposal(id="M01-P01", measure=1, text="Le Collectif se réjouit de la création de places."),
            Proposal(id="M01-P02", measure=1, text="Il faut créer 50 places d’hébergement."),
        ],
    )
    result = compare(base, NEXT, CFG)
    codes = {p.id: [r.code for r in p.reasons] for p in result.proposals}
    assert "no-ask" in codes["M01-P01"] and "no-ask" not in codes["M01-P02"]


def test_where_its_proposals_went_shows_a_split_the_measure_texts_miss() -> None:
    base = side(
        [
            Measure(
                number=1,
                title="Héberger les victimes",
                text="Des places d’hébergement sécurisé seront créées pour les victimes.",
            )
        ],
        [
            Proposal(id="M01-P01", measure=1, text="Il faut créer des places d’hébergement sécurisé."),
            Proposal(id="M01-P02", measure=1, text="Les victimes doivent recevoir un pécule mensuel."),
            Proposal(id="M01-P03", measure=1, text="Le pécule mensuel doit être versé dès l’entrée."),
        ],
    )
    nxt = side(
        [
            Measure(number=1, title="Héberger", text="Des places d’hébergement sécurisé seront créées."),
            Measure(number=2, title="Ressources", text="Un pécule mensuel sera versé dès l’entrée."),
        ]
    )
    cfg = MatchConfig()
    # From the measure texts alone, measure 1 goes on into next measure 1 only.
    al = align_sides(base, nxt)
    alone, _ = judge_measures(al.aligner, base.plan.measures, cfg, al.priors)
    assert alone[0].next == [1]
    result = compare(base, nxt, cfg)
    taken = {p.id: p.matches[0].measure for p in result.proposals if p.verdict != "dropped"}
    assert taken.get("M01-P02") == 2 and taken.get("M01-P03") == 2
    measure = result.measures[0]
    assert measure.verdict == "split" and measure.next == [1, 2]


def _cand(measure: int, score: float) -> Candidate:
    return Candidate(measure, score, score, "passage", "base passage", 1.0, ())


def test_merged_means_the_main_successor_of_several_base_measures() -> None:
    base = [Measure(number=n, title=f"Mesure {n}", text="Texte.") for n in (1, 2, 3, 4)]
    priors = {
        # 1 and 2 both go on mainly into next measure 10: merged.
        1: [_cand(10, 40.0)],
        2: [_cand(10, 35.0)],
        # 3 is split into 11 and 12; 12 is 4's only successor, but 4 did not become part of 3.
        3: [_cand(11, 40.0), _cand(12, 38.0)],
        4: [_cand(12, 50.0)],
    }
    cfg = MatchConfig()
    results, antecedents = judge_measures(None, base, cfg, priors)  # type: ignore[arg-type]
    verdicts = {r.number: (r.verdict, r.next) for r in results}
    assert verdicts[1] == ("merged", [10]) and verdicts[2] == ("merged", [10])
    assert verdicts[3] == ("split", [11, 12])
    assert verdicts[4] == ("kept", [12])
    assert antecedents[12] == [3, 4]
    # Where a proposal of 3 was taken up says where 3's content went, not that 4 merged with it.
    evidence = {4: {10: [_cand(10, 30.0), _cand(10, 28.0)]}}
    results, _ = judge_measures(None, base, cfg, priors, evidence)  # type: ignore[arg-type]
    verdicts = {r.number: (r.verdict, r.next) for r in results}
    assert verdicts[4] == ("split", [10, 12])
    assert verdicts[1][0] == "merged" and verdicts[2][0] == "merged"


# --- evidence is a commitment of the next plan (issue #13) ---------------------------------------

ASKS = side(
    [
        Measure(number=1, title="Coordonner la lutte contre la traite", text="La MIPROF coordonne."),
        Measure(number=2, title="Protéger les victimes", text="Le titre de séjour est délivré."),
    ],
    [
        Proposal(id="M01-P01", measure=1, text="La MIPROF doit être impliquée dans le suivi des victimes."),
        Proposal(
            id="M02-P01",
            measure=2,
            text="Il faut permettre une solution pour les victimes qui ne déposent pas plainte, "
            "comme le parcours de sortie de la prostitution.",
        ),
        Proposal(
            id="M02-P02", measure=2, text="Il faut protéger les victimes tout au long de la procédure pénale."
        ),
        Proposal(
            id="M02-P03", measure=2, text="La carte de séjour doit être délivrée pour une durée d’un an."
        ),
    ],
)


def _answers(text: str, title: str = "Accompagner les victimes", number: int = 1) -> Side:
    return side([Measure(number=number, title=title, text=text)])


def _asking(ask: str, title: str, text: str, number: int = 1, pid: str = "M01-P01") -> Side:
    """A base plan of one measure (`title`, `text`, numbered `number`) and one proposal `ask` about it."""
    measure = Measure(number=number, title=title, text=text)
    return side([measure], [Proposal(id=pid, measure=number, text=ask)])


def test_a_passage_sharing_only_the_words_of_the_field_answers_no_ask() -> None:
    """« Le fonds de lutte contre la traite … » shares « lutte contre la traite des êtres humains »
    with an ask on the associations' part in a campaign, and nothing else: the ask is dropped, with
    that passage as the nearest, whatever its score."""
    ask = (
        "Les associations de lutte contre la traite des êtres humains doivent être étroitement associées "
        "à cette campagne de sensibilisation."
    )
    base = _asking(ask, "Sensibiliser le public", "Une campagne sera lancée.", number=3, pid="M03-P08")
    fund = "Le fonds de lutte contre la traite des êtres humains bénéficiera aux victimes."
    cfg = MatchConfig(match=5, adopt=10, topic=2, successor=20, kept=50)
    (one,) = compare(base, _answers(fund), cfg).proposals
    assert (one.verdict, [r.code for r in one.reasons]) == ("dropped", ["topic-only"])
    assert [m.passage for m in one.matches] == [fund]
    # One word of the ask besides them, and the passage answers (here, in part).
    both = "Les associations de lutte contre la traite des êtres humains relaieront la campagne."
    assert compare(base, _answers(both), cfg).proposals[0].verdict in ("adopted", "changed")


def test_a_field_line_never_makes_a_proposal_adopted() -> None:
    nxt = _answers(
        "Partenaires : MIPROF, préfectures, associations spécialisées\n\n"
        "Les victimes seront orientées vers un accueil de jour.",
        title="Suivre les victimes",
    )
    verdicts = {p.id: p.verdict for p in compare(ASKS, nxt, CFG).proposals}
    assert verdicts["M01-P01"] == "dropped"


def test_a_sentence_about_the_past_never_makes_a_proposal_adopted() -> None:
    nxt = _answers(
        "La loi du 13 avril 2016 a créé le parcours de sortie de la prostitution, ouvert aux victimes "
        "qui ne déposent pas plainte.\n\nLes associations agréées seront financées."
    )
    verdicts = {p.id: p.verdict for p in compare(ASKS, nxt, CFG).proposals}
    assert verdicts["M02-P01"] == "dropped"


def test_a_chronology_line_dated_before_the_plan_never_makes_a_proposal_adopted() -> None:
    # « 2016 : la loi … crée » is told in the present tense; the plan's title says it starts in 2017.
    text = (
        "2016 : la loi du 13 avril crée le parcours de sortie de la prostitution, ouvert aux victimes qui "
        "ne déposent pas plainte.\n\nLes associations agréées seront financées."
    )
    nxt = _answers(text)
    verdicts = {p.id: p.verdict for p in compare(ASKS, nxt, CFG).proposals}
    nxt.plan.title = "Plan d’action national contre la traite des êtres humains 2017-2019"
    dated = {p.id: p.verdict for p in compare(ASKS, nxt, CFG).proposals}
    # With no year to compare with the line is read as written; with the plan's years it is history.
    assert verdicts["M02-P01"] == "adopted"
    assert dated["M02-P01"] == "dropped"


def test_a_title_alone_never_makes_a_proposal_adopted() -> None:
    nxt = _answers(
        "Un guichet unique sera ouvert dans chaque département.",
        title="Protéger les victimes tout au long de la procédure pénale",
    )
    result = compare(ASKS, nxt, CFG)
    by_id = {p.id: p for p in result.proposals}
    assert by_id["M02-P02"].verdict == "dropped"
    # The title still shows which measure is nearest.
    assert by_id["M02-P02"].matches and by_id["M02-P02"].matches[0].measure == 1


def test_the_figure_of_a_change_comes_from_the_commitment_not_the_situation() -> None:
    nxt = _answers(
        "Aujourd’hui, la carte de séjour n’est délivrée que pour six mois.\n\n"
        "La carte de séjour sera désormais délivrée pour une durée d’un an aux victimes."
    )
    p = {p.id: p for p in compare(ASKS, nxt, CFG).proposals}["M02-P03"]
    assert p.verdict == "adopted", p.reasons
    assert all("six" not in (r.next or "") for r in p.reasons)


def test_one_sentence_may_answer_several_asks() -> None:
    base = side(
        [Measure(number=1, title="Former les professionnels", text="Des formations seront proposées.")],
        [
            Proposal(
                id="M01-P01",
                measure=1,
                text="Un module national de formation couvrant toutes les formes de traite doit être créé.",
            ),
            Proposal(
                id="M01-P02",
                measure=1,
                text="Il faut créer un module national de formation sur toutes les formes de traite, "
                "commun à tous les professionnels.",
            ),
        ],
    )
    nxt = _answers(
        "Un module national de formation couvrant toutes les formes de traite sera créé pour tous les "
        "professionnels."
    )
    verdicts = {p.id: p.verdict for p in compare(base, nxt, CFG).proposals}
    assert "dropped" not in verdicts.values(), verdicts


def test_praise_is_not_an_ask(bundled: tuple[Side, Side]) -> None:
    base, nxt = bundled
    result = compare(base, nxt, load_config(nxt.config_path))
    verdicts = {p.id: p.verdict for p in result.proposals}
    assert [verdicts[g] for g in ("G01", "G02", "G03")] == ["n-a", "n-a", "n-a"]
    g01 = next(p for p in result.proposals if p.id == "G01")
    assert not g01.matches and [r.code for r in g01.reasons] == ["no-ask"]


def test_an_ask_about_its_measure_is_answered_only_by_a_measure_that_continues_it() -> None:
    """« La MIPROF doit être impliquée » written on the housing measure: a sentence of another
    measure naming the MIPROF (its national coordination) does not take it up."""
    base = side(
        [
            Measure(
                number=1,
                title="Héberger les victimes",
                text="Des places d’hébergement sécurisé seront créées pour les victimes de traite.",
            ),
            Measure(number=2, title="Coordonner le plan", text="La MIPROF coordonnera le plan."),
        ],
        [Proposal(id="M01-P01", measure=1, text="La MIPROF doit être impliquée.")],
    )

    def nxt(housing: str) -> Side:
        return side(
            [
                Measure(number=1, title="Héberger les victimes en sécurité", text=housing),
                Measure(
                    number=2,
                    title="Piloter le plan",
                    text="La MIPROF sera impliquée dans le pilotage national et réunira les ministères.",
                ),
            ]
        )

    cfg = MatchConfig(match=10, adopt=15, topic=5, successor=20, kept=50)
    elsewhere = compare(
        base, nxt("Des places d’hébergement sécurisé seront créées pour les victimes de traite."), cfg
    )
    assert [(p.verdict, [m.measure for m in p.matches]) for p in elsewhere.proposals] == [("dropped", [1])]
    here = compare(
        base,
        nxt(
            "Des places d’hébergement sécurisé seront créées pour les victimes de traite. La MIPROF sera "
            "impliquée dans le recensement des places."
        ),
        cfg,
    )
    assert [(p.verdict, [m.measure for m in p.matches]) for p in here.proposals] == [("adopted", [1])]


def test_an_ask_that_names_its_measure_is_answered_only_by_a_measure_that_continues_it() -> None:
    """« … concernés par cette mesure » written on the identification measure: the list of services
    that another measure (a committee) names is not its list."""
    base = side(
        [
            Measure(
                number=1,
                title="Identifier les victimes",
                text="Une liste d’indicateurs d’identification sera diffusée aux services de police.",
            ),
            Measure(number=2, title="Coordonner le plan", text="Un comité coordonnera le plan."),
        ],
        [
            Proposal(
                id="M01-P01",
                measure=1,
                text="Il est nécessaire d’inclure les services de la préfecture dans la liste des "
                "institutions et services concernés par cette mesure.",
            )
        ],
    )
    nxt = side(
        [
            Measure(
                number=1,
                title="Identifier les victimes",
                text="La liste des indicateurs d’identification des victimes sera diffusée aux services "
                "de police et de gendarmerie.",
            ),
            Measure(
                number=2,
                title="Piloter le plan",
                text="La liste des institutions et services membres du comité comprendra les services "
                "de la préfecture.",
            ),
        ]
    )
    cfg = MatchConfig(match=10, adopt=15, topic=5, successor=20, kept=50)
    (result,) = compare(base, nxt, cfg).proposals
    assert [m.measure for m in result.matches][:1] == [1], result.matches
    assert result.verdict != "adopted"


def test_a_dropped_base_measure_shows_what_it_was_judged_against() -> None:
    base = side(
        [
            Measure(number=1, title="Héberger les victimes", text="Des places d’hébergement seront créées."),
            Measure(
                number=2,
                title="Mobiliser la cellule de renseignement financier",
                text="Les signalements financiers liés à la traite seront analysés par la cellule.",
            ),
        ]
    )
    result = compare(base, NEXT, CFG)
    dropped = next(m for m in result.measures if m.number == 2)
    assert dropped.verdict == "dropped" and dropped.next == []
    # Its nearest next measure is kept as evidence (in the report: in brackets), with its score.
    assert len(dropped.matches) == 1 and dropped.score == dropped.matches[0].score
    table = render(result, "md", "fr")
    row = next(line for line in table.splitlines() if line.startswith("| 2 |"))
    assert f"| ({dropped.matches[0].measure} – " in row


def test_an_ask_of_two_demands_answered_on_one_is_changed_and_names_the_other() -> None:
    """« … intégrés dans une équipe ; une supervision … devrait être prévue » answered by a measure
    on the team alone is taken up in part; answered on both, it is adopted."""
    ask = (
        "Les médiateurs culturels devraient être intégrés dans une équipe de travailleurs sociaux ; une "
        "supervision clinique des médiateurs devrait être également prévue."
    )
    base = _asking(ask, "Médiateurs culturels", "Des médiateurs seront recrutés.")
    team = "Chaque médiateur culturel sera intégré dans une équipe de travailleurs sociaux."
    cfg = MatchConfig(match=20, adopt=30, topic=10, successor=20, kept=50)
    one = {p.id: p for p in compare(base, _answers(team), cfg).proposals}["M01-P01"]
    assert one.verdict == "changed", one.reasons
    assert [r.code for r in one.reasons] == ["partial"]
    assert one.reasons[0].base and "supervision clinique" in one.reasons[0].base
    both = _answers(f"{team}\n\nUne supervision clinique des médiateurs sera prévue chaque mois.")
    assert {p.id: p for p in compare(base, both, cfg).proposals}["M01-P01"].verdict == "adopted"


def test_money_asked_and_none_given_is_a_change() -> None:
    """« … des budgets de formation devraient être prévus » answered by a measure that trains the
    mediators and pays for nothing: changed, and the reason says money was asked."""
    ask = (
        "Les médiateurs culturels devraient être intégrés dans une équipe de travailleurs sociaux ; des "
        "budgets de formation des médiateurs devraient être également prévus."
    )
    base = _asking(ask, "Médiateurs culturels", "Des médiateurs seront recrutés.")
    team = (
        "Chaque médiateur culturel sera intégré dans une équipe de travailleurs sociaux et suivra la "
        "formation en ligne des médiateurs."
    )
    cfg = MatchConfig(match=20, adopt=30, topic=10, successor=20, kept=50)
    one = {p.id: p for p in compare(base, _answers(team), cfg).proposals}["M01-P01"]
    assert one.verdict == "changed", one.reasons
    assert [(r.code, r.base) for r in one.reasons] == [("scope", "budgets")]
    paid = _answers(f"{team} Un budget de formation des médiateurs sera prévu chaque année.")
    assert {p.id: p for p in compare(base, paid, cfg).proposals}["M01-P01"].verdict == "adopted"


def test_what_the_ask_says_is_not_enough_is_no_evidence() -> None:
    """« … pour toutes les démarches administratives et pas seulement pour l’accès au droit au
    séjour »: the séjour is what the ask says is not enough. A passage giving every step answers it
    whole (it had scored 26.7, under `adopt`, for lacking the séjour's words); one giving the séjour
    alone is no adoption."""
    ask = (
        "La domiciliation administrative doit être utilisée pour toutes les démarches administratives "
        "et pas seulement pour l’accès au droit au séjour."
    )
    base = _asking(ask, "Domiciliation", "Les victimes pourront élire domicile auprès d’une association.")
    cfg = MatchConfig(match=20, adopt=30, topic=10, successor=20, kept=50)

    def judged(text: str) -> ProposalResult:
        return {p.id: p for p in compare(base, _answers(text), cfg).proposals}["M01-P01"]

    every = judged("Cette domiciliation vaudra pour toutes les démarches administratives des victimes.")
    assert every.verdict == "adopted", (every.score, every.reasons)
    assert (
        judged("La domiciliation vaudra pour l’accès au droit au séjour des victimes.").verdict != "adopted"
    )


@pytest.mark.parametrize(
    ("ask", "left"),
    [
        # A second ask joined by « et »: « … et souhaitent recevoir des supports ».
        (
            "Les associations souhaitent intervenir dans les classes aux côtés des enseignants et souhaitent "
            "recevoir des supports pédagogiques pour leurs interventions de sensibilisation.",
            "souhaitent recevoir des supports pédagogiques pour leurs interventions de sensibilisation.",
        ),
        # More asked in brackets: « (avec une formation obligatoire …) ».
        (
            "Il faut des intervenants associatifs dans les classes aux côtés des enseignants (avec des "
            "supports pédagogiques pour leurs interventions de sensibilisation).",
            "avec des supports pédagogiques pour leurs interventions de sensibilisation",
        ),
    ],
)
def test_an_ask_joined_by_et_or_added_in_brackets_is_a_demand_of_its_own(ask: str, left: str) -> None:
    base = _asking(ask, "Sensibiliser les élèves", "Des interventions auront lieu.")
    classes = "Des intervenants associatifs interviendront dans les classes aux côtés des enseignants."
    cfg = MatchConfig(match=20, adopt=30, topic=10, successor=20, kept=50)
    one = {p.id: p for p in compare(base, _answers(classes), cfg).proposals}["M01-P01"]
    assert (one.verdict, [(r.code, r.base) for r in one.reasons]) == ("changed", [("partial", left)])


def test_a_reminder_before_an_ask_joined_by_et_is_its_context() -> None:
    from plancompare.match.query import clauses

    sentence = (
        "Le Collectif rappelle que la loi vise aussi les individus et souhaite que cette précision figure "
        "dans la circulaire."
    )
    assert clauses(sentence) == [sentence]


def test_the_demand_left_out_is_quoted_without_the_connective_opening_it() -> None:
    from plancompare.judge.classify import left_out

    demand = "À cet égard, une articulation entre les dispositifs pour mineurs et majeurs doit être prévue."
    assert (
        left_out(demand, 0.1).base
        == "Une articulation entre les dispositifs pour mineurs et majeurs doit être prévue."
    )
    assert left_out("des budgets de formation devraient être prévus.", 0.1).base == (
        "des budgets de formation devraient être prévus."
    )


def test_a_demand_leaves_out_what_its_ask_says_is_not_enough() -> None:
    """The ask's sentences and its demands (each « ; » clause that asks on its own) read the words
    after « et pas simplement » alike: as what is not enough, not as what is asked."""
    from plancompare.match.query import Query
    from plancompare.match.units import Stems

    ask = (
        "La campagne doit porter sur toutes les formes de traite et pas simplement sur l’exploitation "
        "sexuelle ; des supports doivent être traduits."
    )
    query = Query.of(ask, Stems())
    sexual = set(Stems()("sexuelle"))
    assert len(query.demands) == 2
    assert not any(sexual & u.terms for u in (*query.units, *query.demands))
    assert set(Stems()("campagne")) <= query.demands[0].terms


def test_how_things_are_said_beside_a_demand_is_no_part_of_it() -> None:
    """« …soit assurée, ce qui n’est pas le cas aujourd’hui, comme l’a remarqué le GRETA dans son
    rapport du 28 janvier 2013 »: a plan that protects the victims during the trial answers the
    demand; it need not repeat what the review says of today. Said in the ask, the demand's context
    had counted as a part left out, and the verdict was « changed »."""
    ask = (
        "Le Collectif souhaite que la protection des victimes lors des procès soit assurée, ce qui n’est "
        "pas le cas aujourd’hui, comme l’a remarqué le GRETA dans son rapport du 28 janvier 2013. Les "
        "victimes doivent être protégées contre toute menace ou tentative de représailles durant toute la "
        "durée du procès."
    )
    base = _asking(ask, "Protéger les victimes", "Les victimes seront informées de leurs droits.")
    cfg = MatchConfig(match=20, adopt=30, topic=10, successor=20, kept=50)
    answer = (
        "La protection des victimes sera assurée lors du procès : elles seront protégées contre toute menace "
        "ou représailles pendant toute sa durée."
    )
    one = {p.id: p for p in compare(base, _answers(answer), cfg).proposals}["M01-P01"]
    assert not any(r.code == "partial" for r in one.reasons), one.reasons
    from plancompare.match.query import without_context

    assert without_context(ask.split(". ")[0]) == (
        "Le Collectif souhaite que la protection des victimes lors des procès soit assurée"
    )


def test_a_passage_opening_with_a_pronoun_is_shown_after_what_it_stands_for() -> None:
    # « Elle montrera … » alone does not say what will show it. The sentence before is shown with
    # it, but never read: its « le cas échéant » is no weakening of this passage.
    base = side(
        [Measure(number=1, title="Sensibiliser le public", text="Une campagne sera conduite.")],
        [
            Proposal(
                id="M01-P01",
                measure=1,
                text="La campagne doit montrer toutes les formes d’exploitation, le travail forcé comme "
                "la servitude domestique.",
            )
        ],
    )
    antecedent = (
        "Une campagne nationale d’information sera conduite chaque année, le cas échéant avec les régions."
    )
    answer = "Elle montrera toutes les formes d’exploitation, le travail forcé comme la servitude domestique."
    nxt = side([Measure(number=1, title="Informer le grand public", text=f"{antecedent} {answer}")])
    result = compare(base, nxt, CFG)
    [proposal] = result.proposals
    assert (proposal.verdict, proposal.reasons) == ("adopted", [])
    best = proposal.matches[0]
    assert (best.before, best.passage) == (antecedent, answer)
    assert f"{antecedent} {answer}" in render(result, "md", "fr")
    assert f"{antecedent} {answer}" in render(result, "csv", "fr")
    assert f'<span class="before">{antecedent}</span> ' in render(result, "html", "fr")
    assert '"before":' in to_json(result)
    # A result without such a passage writes no `before` at all.
    assert '"before"' not in to_json(compare(BASE, NEXT, CFG))
