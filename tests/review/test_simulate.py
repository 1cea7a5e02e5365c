"""`plancompare simulate`: the curves of an analyst replayed from a labels file."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from plancompare.cli import app
from plancompare.judge.adapt import Adapter
from plancompare.judge.labels import load_labels
from plancompare.review.plot import svg
from plancompare.review.simulate import Curve, Step, macro_f1, simulate

ROOT = Path(__file__).resolve().parents[2]
LABELS = ROOT / "corpora" / "next" / "src" / "labels.yaml"


def test_simulate_command_writes_curves_and_a_plot(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(ROOT)
    plot = tmp_path / "curves.svg"
    args = ["simulate", str(LABELS), "--order", "document", "--format", "json", "--plot", str(plot)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    (curve,) = json.loads(result.stdout)["curves"]
    assert curve["order"] == "document" and curve["total"] == 141
    steps = curve["steps"]
    assert [s["decided"] for s in steps] == list(range(142))
    assert steps[-1]["accuracy"] == 1.0 and steps[-1]["macro_f1"] == 1.0
    # Before any decision the table is the engine's, and not all right. (`next` is one of the drafts
    # the model is fit on, so it starts higher than a new draft would: 0.82 against 0.55-0.70.)
    assert 0.4 < steps[0]["accuracy"] < 0.9
    assert curve["decisions_to"]["1.00"] <= 141
    # What became of the 23 base measures, read from the proposals as decided: the labels say.
    assert all(0.0 <= s["measures"] <= 1.0 for s in steps)
    assert abs(steps[0]["measures"] * 23 - round(steps[0]["measures"] * 23)) < 0.01  # a count of 23
    assert plot.read_text(encoding="utf-8").startswith("<svg") and "document" in plot.read_text()


def test_simulate_refuses_an_unknown_order_and_format(monkeypatch) -> None:
    monkeypatch.chdir(ROOT)
    for extra in (["--order", "alphabet"], ["--format", "xml"]):
        result = CliRunner().invoke(app, ["simulate", str(LABELS), *extra])
        assert result.exit_code == 2
        assert "choose one of" in result.stderr


def test_the_same_labels_and_seed_give_the_same_curve(adapter: Adapter) -> None:
    labels = load_labels(LABELS)
    first = simulate(adapter, labels, "random", seed=3)
    assert simulate(adapter, labels, "random", seed=3) == first
    assert first.steps[-1].accuracy == 1.0


def test_macro_f1_and_the_plot_are_plain() -> None:
    assert macro_f1(["adopted", "dropped"], ["adopted", "dropped"]) == 1.0
    assert macro_f1(["adopted", "dropped"], ["dropped", "dropped"]) == (0 + 2 / 3) / 2
    curve = Curve("confidence", 2, [Step(0, 0.5, 0.3), Step(1, 0.5, 0.3), Step(2, 1.0, 1.0)])
    assert curve.decisions_to(0.9) == 2 and curve.at(0.5).decided == 1
    assert svg([curve]) == svg([curve]) and "polyline" in svg([curve])


def test_simulate_shows_the_base_measures_only_when_the_labels_say_what_became_of_them(
    tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.chdir(ROOT)
    table = CliRunner().invoke(app, ["simulate", str(LABELS), "--order", "document"])
    assert table.exit_code == 0 and "base measures right (verdict and next measures)" in table.stdout
    lines = table.stdout.splitlines()
    last = float(
        lines[lines.index(next(x for x in lines if x.startswith("base measures right"))) + 1].split()[-1]
    )
    left = round(23 * (1 - last / 100))
    assert f"then {left} of the 23 base measures to decide (`m` in review) for an exact table" in table.stdout
    text = LABELS.read_text(encoding="utf-8")
    proposals_only = tmp_path / "labels.yaml"
    proposals_only.write_text(text[: text.index("\nmeasures:")] + "\n", encoding="utf-8")
    args = ["simulate", str(proposals_only), "--order", "document"]
    table = CliRunner().invoke(app, args)
    assert table.exit_code == 0 and "base measures" not in table.stdout
    csv = CliRunner().invoke(app, [*args, "--format", "csv"]).stdout.splitlines()
    assert csv[0] == "order,decided,accuracy,macro_f1,measures" and csv[1].endswith(",")
    steps = json.loads(CliRunner().invoke(app, [*args, "--format", "json"]).stdout)["curves"][0]["steps"]
    assert "measures" not in steps[0]
    document = json.loads(CliRunner().invoke(app, [*args, "--format", "json"]).stdout)["curves"][0]
    assert "measures_left" not in document
