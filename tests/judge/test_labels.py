"""Labels files: text anchors keep labels on the right proposals when the extractor numbers a
measure's proposals otherwise than the labeller did."""

from __future__ import annotations

from pathlib import Path

from plancompare.judge.labels import load_labels
from plancompare.models import Proposal

LABELS = """\
proposals:
  M01-P01: {verdict: adopted, measures: [2], text: "- Former les agents"}
  M01-P02: {verdict: dropped, measures: [], text: "« Grande Cause Nationale » demandée"}
  M01-P03: {verdict: changed, measures: [4]}
  M02-P01: {verdict: changed, measures: [5], text: "Un texte que personne n’a"}
"""


def proposal(pid: str, text: str) -> Proposal:
    return Proposal(id=pid, measure=int(pid[1:3]), text=text, page=1)


def test_anchored_labels_follow_their_text_and_unanchored_ones_their_id(tmp_path: Path) -> None:
    path = tmp_path / "labels.yaml"
    path.write_text(LABELS, encoding="utf-8")
    labels = load_labels(path)
    # The extractor split M01-P01 in two, so the next proposals moved up by one.
    extracted = [
        proposal("M01-P01", "- Former les agents des préfectures."),
        proposal("M01-P02", "Ils devront l’être chaque année."),
        proposal("M01-P03", "« Grande cause nationale » demandée depuis 2014."),
        proposal("M02-P01", "Un autre texte."),
    ]
    resolved = labels.resolve(extracted)
    assert resolved["M01-P01"] == ("adopted", (2,))
    assert resolved["M01-P03"] == ("dropped", ())  # followed its text, accents and case aside
    assert "M01-P02" not in resolved  # the continuation paragraph was never labelled
    assert "M02-P01" not in resolved  # an anchor no proposal opens with is not applied to another text


def test_labels_without_anchors_go_by_id(tmp_path: Path) -> None:
    path = tmp_path / "labels.yaml"
    path.write_text("proposals:\n  G01: {verdict: adopted, measures: [3]}\n", encoding="utf-8")
    resolved = load_labels(path).resolve(
        [proposal("M01-P01", "x"), Proposal(id="G01", measure=None, text="y")]
    )
    assert resolved == {"G01": ("adopted", (3,))}


def test_items_labelled_n_a_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "labels.yaml"
    path.write_text(
        "proposals:\n  G01: {verdict: n-a, measures: [], why: praise}\n  G02: {verdict: dropped}\n",
        encoding="utf-8",
    )
    labels = load_labels(path)
    assert labels.proposals == {"G01": ("n-a", ()), "G02": ("dropped", ())}


def test_the_bundled_label_files_load_with_their_four_verdicts() -> None:
    root = Path(__file__).resolve().parents[2] / "corpora"
    for path in sorted(root.glob("*/src/labels.yaml")):
        verdicts = {verdict for verdict, _ in load_labels(path).proposals.values()}
        assert verdicts == {"adopted", "changed", "dropped", "n-a"}, path
