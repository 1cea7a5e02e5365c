"""Acronyms and set phrases: a plan that writes « l’ASE » answers a proposal about « l’Aide
Sociale à l’Enfance », and one document's own « long form (ACR) » counts for the other."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from plancompare.cli import app
from plancompare.config import MatchConfig, load_config, write_config
from plancompare.judge.diff import compare
from plancompare.match.aligner import Aligner
from plancompare.match.glossary import defined_acronyms
from plancompare.models import Measure, Proposal, Side
from sides import side

OTHER = Measure(
    number=2,
    title="Former les enquêteurs",
    text="Les enquêteurs et les magistrats suivront une formation commune sur la traite des enfants.",
)


def best(measures: list[Measure], ask: str, base_texts: tuple[str, ...] = ()) -> tuple[int, float]:
    al = Aligner(measures, base_texts)
    top = al.align(al.query(ask))[0]
    return top.measure, top.score


def test_an_acronym_in_the_plan_answers_the_long_form_in_the_proposal() -> None:
    plan = [
        Measure(
            number=1,
            title="Protéger les mineurs",
            text="Chaque mineur victime sera confié à l’ASE sans délai.",
        ),
        OTHER,
    ]
    measure, score = best(
        plan, "Les mineurs victimes doivent être pris en charge par l’Aide Sociale à l’Enfance."
    )
    assert measure == 1
    lowered = [
        Measure(number=1, title="Protéger les mineurs", text="Chaque mineur victime sera confié sans délai."),
        OTHER,
    ]
    assert (
        score
        > best(lowered, "Les mineurs victimes doivent être pris en charge par l’Aide Sociale à l’Enfance.")[1]
        + 10
    )


def test_an_acronym_a_document_defines_is_read_in_the_other() -> None:
    plan = [
        Measure(number=1, title="Loger les victimes", text="Le DNAPV proposera une place à chaque victime."),
        OTHER,
    ]
    ask = "Chaque victime doit avoir une place du dispositif national d’accueil et de protection des victimes"
    mention = "Le dispositif national d’accueil et de protection des victimes est saturé."
    without = best(plan, ask, (mention,))[1]
    definition = "Le dispositif national d’accueil et de protection des victimes (DNAPV) est saturé."
    measure, score = best(plan, ask, (definition,))
    assert measure == 1 and score > without + 10


def test_set_phrases_of_the_same_meaning_meet() -> None:
    plan = [
        Measure(number=1, title="Séjour", text="Une carte de séjour d’un an sera délivrée aux victimes."),
        Measure(number=2, title="Séjour", text="Un titre de transport sera délivré aux victimes."),
    ]
    assert best(plan, "Délivrer un titre de séjour aux victimes.")[0] == 1


def test_a_list_of_the_forms_of_exploitation_answers_all_forms() -> None:
    ask = "La campagne doit porter sur toutes les formes de traite."
    listing = (
        "Chaque vague de la campagne accordera une place égale à l’exploitation sexuelle, au travail forcé "
        "et à la servitude domestique."
    )
    two = (
        "Chaque vague de la campagne accordera une place égale à l’exploitation sexuelle et au travail forcé."
    )
    assert best([Measure(number=1, title="Informer", text=listing)], ask)[1] > (
        best([Measure(number=1, title="Informer", text=two)], ask)[1] + 5
    )


def test_only_definitions_whose_initials_spell_the_acronym_are_learned() -> None:
    text = (
        "les mineurs non accompagnés (MNA), l’Office central pour la répression de la traite des êtres "
        "humains (OCRTEH), la Mission interministérielle pour la protection des femmes (MIPROF), "
        "l’article 4 (art. 4), la commission (CNCDH), l’ADA (allocation de demandeur d’asile), "
        "le PNR (voir plus haut)"
    )
    assert defined_acronyms(text) == {
        "MNA": "mineurs non accompagnés",
        "OCRTEH": "Office central pour la répression de la traite des êtres humains",
        "ADA": "allocation de demandeur d asile",
    }


def _sides() -> tuple[Side, Side]:
    base = side(
        [Measure(number=1, title="Former les professionnels", text="Des formations seront proposées.")],
        [Proposal(id="M01-P01", measure=1, text="Un module national de formation doit être créé.")],
    )
    nxt = side(
        [
            Measure(number=1, title="Former", text="Un socle commun de formation sera élaboré en 2018."),
            Measure(number=2, title="Héberger", text="Des places d’hébergement seront ouvertes."),
        ]
    )
    return base, nxt


def test_the_analysts_glossary_in_plancompare_toml_reads_their_paraphrase(tmp_path: Path) -> None:
    base, nxt = _sides()
    path = tmp_path / "plancompare.toml"
    path.write_text("[thresholds]\nmatch = 30\nadopt = 40\n", encoding="utf-8")
    without = compare(base, nxt, load_config(path))
    assert without.proposals[0].verdict == "dropped"
    assert without.settings.glossary is None
    path.write_text(
        "[thresholds]\nmatch = 30\nadopt = 40\n\n"
        '[glossary]\nequivalents = [["socle commun", "module national"]]\n',
        encoding="utf-8",
    )
    result = compare(base, nxt, load_config(path))
    proposal = result.proposals[0]
    assert proposal.verdict == "adopted" and proposal.matches[0].measure == 1
    assert proposal.matches[0].passage.startswith("Un socle commun de formation")  # shown as written
    assert result.settings.glossary == {"equivalents": [["socle commun", "module national"]]}


def test_a_written_config_keeps_the_glossary(tmp_path: Path) -> None:
    path = tmp_path / "plancompare.toml"
    cfg = replace(
        MatchConfig(match=18.1),
        acronyms=(("DNAPV", "dispositif national d’accueil « sécurisant »"),),
        equivalents=(("socle commun", "module national", 'l\'"outil"'),),
    )
    write_config(path, cfg, "refit")
    again = load_config(path)
    assert (again.acronyms, again.equivalents, again.match) == (cfg.acronyms, cfg.equivalents, 18.1)


@pytest.mark.parametrize(
    "table",
    [
        "[glossary]\nacronyms = 3\n",
        '[glossary]\nequivalents = [["seul"]]\n',
        "[glossary]\nsynonyms = []\n",
    ],
)
def test_a_bad_glossary_is_one_clear_line(tmp_path: Path, table: str) -> None:
    path = tmp_path / "plancompare.toml"
    path.write_text(table, encoding="utf-8")
    root = Path(__file__).resolve().parents[2]
    result = CliRunner().invoke(
        app, ["diff", str(root / "corpora/2014-2016"), str(root / "corpora/next"), "--config", str(path)]
    )
    assert result.exit_code == 3
    assert "glossary" in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
