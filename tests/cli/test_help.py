"""`plancompare --help` lists each command with its summary as one sentence, not cut where the
docstring's lines end."""

from __future__ import annotations

import inspect

from typer.testing import CliRunner

from plancompare.cli import app


def test_the_command_list_joins_each_summary_into_one_line() -> None:
    # Wide enough that rich wraps no summary: any break left in one comes from the docstring.
    result = CliRunner().invoke(app, ["--help"], env={"COLUMNS": "400"})
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    for info in app.registered_commands:
        summary = " ".join(inspect.cleandoc(info.callback.__doc__ or "").split("\n\n")[0].split())
        assert any(summary in line for line in lines), f"{info.name}: {summary!r} is cut in --help"


def test_a_command_help_still_shows_its_whole_docstring() -> None:
    result = CliRunner().invoke(app, ["calibrate", "--help"], env={"COLUMNS": "400"})
    assert result.exit_code == 0
    assert "cross-validation: thresholds fit on the other folds" in result.stdout
