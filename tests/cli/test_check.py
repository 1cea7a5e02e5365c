"""The CI gate's comparison with a reviewed baseline (the CLI and docs/ci.md are in test_cli_check)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from plancompare.check import compare_with_baseline, failures, parse_fail_on
from plancompare.errors import UsageError
from plancompare.models import DiffResult
from plancompare.report.gate import summary_markdown
from plancompare.serialise import load_model

SAMPLE = Path(__file__).resolve().parents[1] / "snapshots" / "sample-diff.json"


def _sample() -> DiffResult:
    return load_model(SAMPLE, DiffResult, "diff result")


def _with(result: DiffResult, **verdicts: str) -> DiffResult:
    proposals = [
        p.model_copy(update={"verdict": verdicts.get(p.id.replace("-", "_"), p.verdict)})
        for p in result.proposals
    ]
    return result.model_copy(update={"proposals": proposals})


def test_same_result_has_no_findings() -> None:
    assert compare_with_baseline(_sample(), _sample()) == []


def test_adopted_to_changed_and_changed_to_dropped_regress() -> None:
    baseline = _sample()
    current = _with(baseline, G01="changed", M01_P01="dropped", G02="adopted")
    found = {(f.kind, f.id, f.before, f.after) for f in compare_with_baseline(current, baseline)}
    assert found == {
        ("regressed", "G01", "adopted", "changed"),
        ("regressed", "M01-P01", "changed", "dropped"),
        ("improved", "G02", "dropped", "adopted"),
    }


def test_a_change_to_or_from_not_an_ask_is_listed_for_information_only() -> None:
    baseline = _sample()  # G03 is n-a there (praise)
    current = _with(baseline, G01="n-a", G03="dropped")
    findings = compare_with_baseline(current, baseline)
    assert {(f.kind, f.id, f.before, f.after) for f in findings} == {
        ("n-a", "G01", "adopted", "n-a"),
        ("n-a", "G03", "n-a", "dropped"),
    }
    assert failures(findings, ("regressed", "dropped", "new-drops")) == []
    # A new item that asks nothing is no new drop.
    extra = baseline.proposals[2].model_copy(update={"id": "G17"})
    grown = baseline.model_copy(update={"proposals": [*baseline.proposals, extra]})
    assert compare_with_baseline(grown, baseline) == []
    text = summary_markdown(findings, ("regressed",), current, baseline, "fr")
    assert "Aucun écart bloquant (regressed)." in text
    assert "### Propositions devenues ou n’étant plus sans objet (pour information)" in text
    assert "- G01: Adoptée → Sans objet – Le Collectif appelle" in text
    assert "- G03: Sans objet → Non reprise – Il salue" in text


def test_measure_newly_dropped_and_new_proposal_dropped() -> None:
    baseline = _sample()
    measures = [
        m.model_copy(update={"verdict": "dropped", "next": []}) if m.number == 2 else m
        for m in baseline.measures
    ]
    extra = baseline.proposals[1].model_copy(update={"id": "G17"})
    current = baseline.model_copy(update={"measures": measures, "proposals": [*baseline.proposals, extra]})
    findings = compare_with_baseline(current, baseline)
    assert [(f.kind, f.id) for f in findings] == [("new-drops", "G17"), ("dropped", "2")]
    assert [f.id for f in failures(findings, ("regressed", "dropped"))] == ["2"]
    assert [f.id for f in failures(findings, ("new-drops",))] == ["G17"]


def test_fail_on_is_validated() -> None:
    assert parse_fail_on("regressed, new-drops") == ("regressed", "new-drops")
    for bad in ("", "regresed", "dropped,everything"):
        with pytest.raises(UsageError):
            parse_fail_on(bad)


def test_markdown_summary_lists_the_regressions() -> None:
    baseline = _sample()
    current = _with(baseline, G01="dropped")
    text = summary_markdown(compare_with_baseline(current, baseline), ("regressed",), current, baseline, "fr")
    assert "1 écart(s) bloquant(s) (regressed)." in text
    assert "### Propositions en recul" in text
    assert "- G01: Adoptée → Non reprise – Le Collectif appelle" in text
    english = summary_markdown([], ("regressed",), baseline, baseline, "en")
    assert "Nothing that fails the check (regressed)." in english


# --- the command and the workflow of docs/ci.md, on the bundled corpora -------------------------

ROOT = Path(__file__).resolve().parents[2]
PLANCOMPARE = Path(sys.executable).with_name("plancompare")


def workflow_commands() -> list[str]:
    """The shell commands of docs/ci.md's workflow steps that run plancompare."""
    doc = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", doc, flags=re.S)
    assert len(blocks) == 1, "docs/ci.md should hold one workflow"
    workflow = yaml.safe_load(blocks[0])
    trigger = workflow.get("on") or workflow.get(True)  # YAML 1.1 reads a bare `on` as true
    assert "corpora/next/**.pdf" in trigger["push"]["paths"]
    steps = [s for job in workflow["jobs"].values() for s in job["steps"]]
    return [s["run"] for s in steps if "plancompare " in s.get("run", "")]


def baseline_commands() -> list[str]:
    """The commands of docs/ci.md's « Making the baseline », one a line, as a user types them."""
    doc = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    section = doc.split("## Making the baseline", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```sh\n(.*?)```", section, flags=re.S)
    assert len(blocks) == 1, "« Making the baseline » should hold one sh block"
    return [line for line in blocks[0].splitlines() if line.strip()]


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """A checkout as CI sees it: a git repository holding the corpora, and the reviewed baseline made
    from them by the commands of docs/ci.md, run as written."""
    shutil.copytree(ROOT / "corpora", tmp_path / "corpora")
    for command in ("git init -q", "git add corpora", "git commit -q -m corpora"):
        assert _run(command, tmp_path).returncode == 0, command
    commands = baseline_commands()
    assert any("plancompare diff" in c and "-o reviewed/baseline.json" in c for c in commands)
    for command in commands:
        done = _run(command, tmp_path)
        assert done.returncode == 0, f"{command}\n{done.stdout}\n{done.stderr}"
    committed = _run("git show --stat --format=%s HEAD", tmp_path).stdout
    assert committed.startswith("Reviewed baseline") and "reviewed/baseline.json" in committed
    return tmp_path


def _run(command: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PATH": f"{PLANCOMPARE.parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    env["GITHUB_STEP_SUMMARY"] = str(cwd / "step-summary.md")
    # Whoever runs the tests: git needs a name to commit under, and no global config of theirs.
    env |= {"GIT_AUTHOR_NAME": "CI", "GIT_AUTHOR_EMAIL": "ci@example.org", "GIT_CONFIG_GLOBAL": os.devnull}
    env |= {"GIT_COMMITTER_NAME": "CI", "GIT_COMMITTER_EMAIL": "ci@example.org", "GIT_CONFIG_NOSYSTEM": "1"}
    return subprocess.run(
        ["bash", "-c", command], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )


def test_the_documented_workflow_passes_on_an_unchanged_draft(workspace: Path) -> None:
    commands = workflow_commands()
    assert any(c.startswith("plancompare check ") for c in commands)
    for command in commands:
        done = _run(command, workspace)
        assert done.returncode == 0, f"{command}\n{done.stdout}\n{done.stderr}"
    summary = (workspace / "check-summary.md").read_text(encoding="utf-8")
    assert summary.startswith("## Contrôle par rapport à la référence revue\n")
    assert "Aucun écart bloquant (regressed, dropped)." in summary
    assert (workspace / "gaps.md").read_text(encoding="utf-8").startswith("# Écarts entre plans")


def test_a_regression_against_the_baseline_fails_with_its_id(workspace: Path) -> None:
    baseline_path = workspace / "reviewed" / "baseline.json"
    baseline = json.loads(baseline_path.read_text(encoding="utf-8"))
    dropped = next(p for p in baseline["proposals"] if p["verdict"] == "dropped")
    dropped["verdict"] = "adopted"  # the reviewed baseline said the plan had taken it up
    baseline_path.write_text(json.dumps(baseline, ensure_ascii=False), encoding="utf-8")
    check = next(c for c in workflow_commands() if c.startswith("plancompare check "))
    done = _run(check, workspace)
    assert done.returncode == 1, done.stderr
    assert f"{dropped['id']}: Adoptée → Non reprise" in done.stdout
    assert "check failed: 1 finding(s)" in done.stderr
    summary = (workspace / "check-summary.md").read_text(encoding="utf-8")
    assert "### Propositions en recul" in summary and f"- {dropped['id']}: Adoptée → Non reprise" in summary
    # Only the kinds named in --fail-on fail; the regression is still listed.
    done = _run(f"{check.split(' --summary')[0]} --fail-on new-drops --format md --lang en", workspace)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(
        "## Check against the reviewed baseline\n\nNothing that fails the check (new-drops)."
    )
    assert f"- {dropped['id']}: Adopted → Dropped" in done.stdout


def test_check_usage_errors(workspace: Path) -> None:
    done = _run("plancompare check corpora/2014-2016 corpora/next --baseline nowhere.json", workspace)
    assert done.returncode == 2 and "--baseline nowhere.json" in done.stderr
    check = "plancompare check corpora/2014-2016 corpora/next --baseline reviewed/baseline.json"
    done = _run(f"{check} --fail-on everything", workspace)
    assert done.returncode == 2 and "unknown kind everything" in done.stderr
    (workspace / "broken.json").write_text("{", encoding="utf-8")
    done = _run("plancompare check corpora/2014-2016 corpora/next --baseline broken.json", workspace)
    assert done.returncode == 3 and "broken.json is not valid JSON" in done.stderr
