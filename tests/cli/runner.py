"""The real CLI, run in-process through typer's CliRunner."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from plancompare.cli import app


def invoke(*args: str | Path) -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of `plancompare ARGS`; an exception other than an exit is raised."""
    result = CliRunner().invoke(app, [str(a) for a in args])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr
