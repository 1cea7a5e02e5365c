"""Calibration: fitting thresholds, cross-validation, and the `calibrate` command on the bundled corpora."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from typer.testing import CliRunner

from plancompare.cli import app
from plancompare.config import load_config
from plancompare.judge.calibrate import Observation, cross_validate, fit, fold_of, predict, score

ROOT = Path(__file__).resolve().parents[2]


def obs(pid: str, gold: str, score: float, changes: bool = False) -> Observation:
    return Observation(pid, gold, (1,) if gold != "dropped" else (), score, 1, changes)


SEPARABLE = [obs(f"D{i}", "dropped", 5 + i) for i in range(10)]
SEPARABLE += [obs(f"C{i}", "changed", 30 + i) for i in range(10)]
SEPARABLE += [obs(f"A{i}", "adopted", 60 + i) for i in range(10)]


def test_fit_finds_thresholds_that_separate_separable_scores() -> None:
    match, adopt = fit(SEPARABLE)
    assert 14 < match < 30 and 39 < adopt < 60
    assert [predict(o, match, adopt) for o in SEPARABLE] == [o.gold for o in SEPARABLE]


def test_cross_validation_on_separable_scores_is_perfect_and_folds_are_stable() -> None:
    scores = cross_validate(SEPARABLE, 5)
    assert scores.macro_f1 == 1.0 and scores.taken_up_f1 == 1.0 and scores.first_measure == 1.0
    assert [fold_of(o.id, 5) for o in SEPARABLE] == [fold_of(o.id, 5) for o in reversed(SEPARABLE)][::-1]


def test_not_an_ask_is_scored_apart_from_macro_f1() -> None:
    praise = [obs(f"N{i}", "n-a", 90 + i) for i in range(3)]  # praise that shares words with the plan
    match, adopt = fit(SEPARABLE)
    predicted = [predict(o, match, adopt) for o in SEPARABLE + praise]
    assert predicted[-3:] == ["adopted"] * 3  # the engine read them as asks
    scores = score(SEPARABLE + praise, predicted)
    # The asks are all right: macro-F1 (adopted, changed, dropped) and taken-up F1 stay perfect.
    assert scores.macro_f1 == 1.0 and scores.taken_up_f1 == 1.0
    assert scores.per_verdict["n-a"] == (0.0, 0.0, 0.0)
    assert scores.confusion["n-a"]["adopted"] == 3 and scores.not_asks == 3 and scores.n == 33
    # Once the engine reads them as asking nothing, n-a is right, and the asks are unchanged.
    read = [replace(o, not_an_ask=True) for o in praise]
    scores = score(SEPARABLE + read, [predict(o, match, adopt) for o in SEPARABLE + read])
    assert scores.per_verdict["n-a"] == (1.0, 1.0, 1.0) and scores.macro_f1 == 1.0
    # An ask the engine reads as asking nothing is a miss of its class.
    missed = [replace(SEPARABLE[-1], not_an_ask=True), *SEPARABLE[:-1]]
    scores = score(missed, [predict(o, match, adopt) for o in missed])
    assert scores.per_verdict["adopted"][1] == 0.9 and scores.macro_f1 < 1.0
    assert scores.per_verdict["n-a"][0] == 0.0  # predicted n-a, labelled adopted


def test_a_change_reason_turns_a_high_score_into_changed() -> None:
    assert predict(obs("X", "changed", 90, changes=True), 20, 50) == "changed"
    assert predict(obs("X", "changed", 90, changes=True), 20, 50, use_changes=False) == "adopted"


def test_calibrate_command_on_the_bundled_corpora(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(ROOT)
    target = tmp_path / "plancompare.toml"
    result = CliRunner().invoke(
        app, ["calibrate", "corpora/next/src/labels.yaml", "--folds", "4", "--write-config", str(target)]
    )
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "4-fold cross-validation" in out
    for label in ("adopted", "changed", "dropped", "macro-F1", "taken-up F1", "first measure right"):
        assert label in out
    # The items labelled n-a (praise) are observed, and scored apart from macro-F1.
    assert re.search(r"labelled proposals \(\d+ asks, 7 n-a\)", out)
    assert re.search(r"not an ask, apart from macro-F1:\nn-a +[\d.]+ +[\d.]+ +[\d.]+", out)
    macro = float(re.search(r"macro-F1\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    assert 40 < macro <= 100  # above chance (33 for three verdicts) on held-out folds
    cfg = load_config(target)
    assert 0 < cfg.match <= cfg.adopt and cfg.topic < cfg.match
    assert cfg.source == "plancompare.toml"


def test_calibrate_refuses_a_missing_labels_file(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["calibrate", str(tmp_path / "none.yaml"), str(tmp_path), str(tmp_path)])
    assert result.exit_code == 2
