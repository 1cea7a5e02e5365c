"""compare() on hand-made sides and on the bundled corpora (real PDFs through the extractor)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from plancompare.config import MatchConfig, load_config
from plancompare.corpus import load_side
from plancompare.judge.diff import align_sides, compare, judge_measures
from plancompare.match.aligner import Candidate
from plancompare.models import Measure, Proposal, Side
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
    assert verdicts == {"adopted", "changed", "dropped"}
    for p in result.proposals:
        assert p.matches, p.id  # dropped ones carry their nearest candidate
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
