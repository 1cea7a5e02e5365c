"""The library API README shows: the same report as the command line, from Python."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

import plancompare
from plancompare.cli import app

ROOT = Path(__file__).resolve().parents[1]


def _readme_example() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Library", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```python\n(.*?)```", section, flags=re.S)[0]


def test_readme_example_prints_the_markdown_report_of_the_cli(monkeypatch, capsys) -> None:
    monkeypatch.chdir(ROOT)
    example = _readme_example()
    assert len([line for line in example.splitlines() if line.strip()]) == 5
    exec(compile(example, "README.md", "exec"), {})
    printed = capsys.readouterr().out
    # The CLI applies the corpus's thresholds; the bare library call uses the defaults unless
    # given them, so compare with the CLI run on the same thresholds.
    from plancompare import MatchConfig, compare, load, render

    assert (
        printed
        == render(compare(load("corpora/2014-2016"), load("corpora/next"), MatchConfig()), "md", "fr") + "\n"
    )
    assert printed.startswith("# ")


def test_run_diff_gives_the_bytes_of_plancompare_diff(monkeypatch) -> None:
    monkeypatch.chdir(ROOT)
    run = plancompare.run_diff(None, None)
    cli = CliRunner().invoke(app, ["diff", "--format", "json"])
    assert cli.exit_code == 0
    assert plancompare.render(run.result, "json", run.lang) == cli.stdout


def test_import_is_light() -> None:
    """`import plancompare` loads no PDF, matching or report module until a name is used."""
    heavy = "('pdfplumber', 'pydantic', 'rapidfuzz')"
    code = f"import sys, plancompare; print(sorted(m for m in sys.modules if m.startswith({heavy})))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_unknown_name_is_an_attribute_error() -> None:
    try:
        plancompare.nothing_here  # noqa: B018
    except AttributeError as exc:
        assert "nothing_here" in str(exc)
    else:
        raise AssertionError("expected AttributeError")
