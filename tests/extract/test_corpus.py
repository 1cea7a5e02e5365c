"""Loading one side of a comparison: corpus folders, YAML, JSON, and the errors users see."""

from __future__ import annotations

from pathlib import Path

import pytest

from plancompare.corpus import load_plan_yaml, load_side
from plancompare.errors import BadDataError, UsageError
from plancompare.models import Review
from plancompare.serialise import to_json

ROOT = Path(__file__).resolve().parents[2]
PLAN_YAML = ROOT / "corpora/next/src/plan.yaml"
REVIEW_TEXT = """
document: {title: "Bilan du plan", author: "Un collectif"}
priorities:
  - id: I
    title: PROTÉGER
    sections: [{title: Héberger, measures: [5]}]
general_demands:
  - {id: G01, text: "Le Collectif demande que la lutte contre la traite soit rattachée au Premier ministre."}
measures:
  - number: 5
    title: "HÉBERGER LES VICTIMES"
    implementation: "Mise en œuvre : ministère du Logement"
    plan_text: "Des places d’hébergement seront créées pour les victimes de la traite."
    constats: "Les places manquent."
    proposals:
      - {id: M05-P01, text: "Créer 50 places d’hébergement sécurisé."}
"""


@pytest.fixture
def review_yaml(tmp_path: Path) -> Path:
    path = tmp_path / "review.yaml"
    path.write_text(REVIEW_TEXT, encoding="utf-8")
    return path


def test_plan_yaml_gives_axes_measures_and_responsible_bodies() -> None:
    plan = load_plan_yaml(PLAN_YAML)
    assert plan.priorities[0].id == "1"
    first = plan.measures[0]
    assert first.number == 1 and first.priority == "1"
    assert [r.role for r in first.responsible] == ["Pilotes", "Partenaires"]
    assert first.instrument and not first.instrument.startswith("Instrument")


def test_a_review_yaml_gives_the_plan_from_its_measures(review_yaml: Path) -> None:
    side = load_side(review_yaml)
    assert side.language == "fr"
    assert [(m.number, m.priority, m.title) for m in side.plan.measures] == [
        (5, "I", "HÉBERGER LES VICTIMES")
    ]
    assert [p.id for p in side.reviews[0].proposals] == ["G01", "M05-P01"]
    assert side.root is None and side.sources == [review_yaml]


def test_an_extracted_json_is_read_back(tmp_path: Path, review_yaml: Path) -> None:
    review = load_side(review_yaml).reviews[0]
    path = tmp_path / "review.json"
    path.write_text(to_json(review), encoding="utf-8")
    side = load_side(path)
    assert isinstance(side.reviews[0], Review)
    assert side.plan.measures[0].title == review.measures[0].title


def test_a_corpus_folder_reads_its_manifest(tmp_path: Path) -> None:
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "plan.yaml").write_bytes(PLAN_YAML.read_bytes())
    (folder / "plancompare.toml").write_text("[thresholds]\nmatch = 30\n", encoding="utf-8")
    (folder / "corpus.toml").write_text(
        'name = "x"\nlanguage = "fr"\n[plan]\ntitle = "Mon plan"\nsource = "plan.yaml"\n', encoding="utf-8"
    )
    side = load_side(folder)
    assert side.title == "Mon plan" and side.language == "fr"
    assert side.config_path == folder / "plancompare.toml"
    assert side.decisions_path is None
    assert side.sources == [folder / "plan.yaml"]


def test_bad_inputs_raise_the_documented_errors(tmp_path: Path) -> None:
    with pytest.raises(UsageError):
        load_side(tmp_path / "missing")
    with pytest.raises(UsageError):
        load_side(tmp_path)  # a folder without corpus.toml
    (tmp_path / "corpus.toml").write_text("name = [", encoding="utf-8")
    with pytest.raises(BadDataError):
        load_side(tmp_path)
    (tmp_path / "corpus.toml").write_text('name = "x"\n[plan]\nsource = "gone.pdf"\n', encoding="utf-8")
    with pytest.raises(BadDataError, match=r"gone\.pdf"):
        load_side(tmp_path)


def test_reviews_numbered_alike_keep_apart_and_a_clashing_prefix_is_refused(tmp_path: Path) -> None:
    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.yaml").write_text(REVIEW_TEXT, encoding="utf-8")
    reviews = "".join(f'[[reviews]]\nsource = "{n}.yaml"\n' for n in "abc")
    manifest = f'[plan]\nsource = "a.yaml"\n{reviews}'
    (tmp_path / "corpus.toml").write_text(manifest, encoding="utf-8")
    side = load_side(tmp_path)
    assert [[p.id for p in r.proposals] for r in side.reviews] == [
        ["G01", "M05-P01"],
        ["r2-G01", "r2-M05-P01"],
        ["r3-G01", "r3-M05-P01"],
    ]
    assert (
        side.reviews[1].warnings[-1].startswith("its proposal ids are an earlier review's too (G01, M05-P01)")
    )
    (tmp_path / "corpus.toml").write_text(manifest + 'id_prefix = "r2"\n', encoding="utf-8")
    with pytest.raises(BadDataError, match="review 3: id_prefix 'r2' gives it the ids of an earlier review"):
        load_side(tmp_path)
