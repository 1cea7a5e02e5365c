"""Nothing lost, nothing clobbered: decisions written at once, `-o` onto what it must not replace, every
error in one line, a corpus that reads only its own files, a CI gate that tells the whole story.

Small corpora made of two test PDFs (a review of five measures, a plan of a few), so that each run of
the real command takes a fraction of a second."""

from __future__ import annotations

import errno
import json
import os
import shutil
import stat
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from tests.cli.test_cli_diff import invoke

from plancompare.models import DiffResult

ROOT = Path(__file__).resolve().parents[2]
PDFS = ROOT / "tests" / "pdfs"
REVIEW = PDFS / "review-second-renderer.pdf"
PLAN = PDFS / "plan-single-column-mesure-n.pdf"
# The review's proposals (G01, G02, M12-P01 … M15-P04).
IDS = ["G01", "G02", *(f"M12-P0{n}" for n in range(1, 5)), "M13-P01", "M13-P02"]
IDS += [f"M15-P0{n}" for n in range(1, 5)]


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def corpora(root: Path) -> tuple[Path, Path]:
    """A base corpus folder (a review and the plan it reproduces) and a next one (a plan, its config)."""
    base, nxt = root / "base", root / "next"
    base.mkdir()
    nxt.mkdir()
    shutil.copy(REVIEW, base / "review.pdf")
    (base / "corpus.toml").write_text(
        '[plan]\nsource = "review.pdf"\nlayout = "review"\n\n[[reviews]]\nsource = "review.pdf"\n',
        encoding="utf-8",
    )
    shutil.copy(PLAN, nxt / "plan.pdf")
    (nxt / "corpus.toml").write_text('[plan]\nsource = "plan.pdf"\nlayout = "plan"\n', encoding="utf-8")
    (nxt / "plancompare.toml").write_text("[thresholds]\nmatch = 16.0\n", encoding="utf-8")
    return base, nxt


def one_error_line(err: str) -> str:
    """Stderr is one `error:` line after any `warning:` lines (no blank line, no traceback)."""
    lines = [line for line in err.splitlines() if not line.startswith("warning: ")]
    assert len(lines) == 1 and lines[0].startswith("error: "), repr(err)
    return lines[0]


# --- 1. decisions are never lost --------------------------------------------------------------------

STARTER = """
import os, sys, time
from plancompare.cli import main
import plancompare.corpus, plancompare.judge.decisions, plancompare.workflow  # loaded before the start
go = sys.argv[1]
while not os.path.exists(go):
    time.sleep(0.002)
sys.argv = ["plancompare", *sys.argv[2:]]
main()
"""


def _decide(pid: str, base: Path, nxt: Path) -> list[str]:
    return ["decide", pid, "dropped", "--base", str(base), "--next", str(nxt)]


@pytest.mark.slow
def test_decide_run_many_at_once_keeps_every_decision(tmp_path: Path, shared_cache: Path) -> None:
    base, nxt = corpora(tmp_path)
    env = {**os.environ, "PLANCOMPARE_CACHE_DIR": str(shared_cache)}
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), env.get("PYTHONPATH", "")])
    # Read both PDFs once, so that every writer below only reads the cache and races for the file.
    code, _, err = invoke("diff", base, nxt, "--format", "json")
    assert code == 0, err
    for round_ in range(2):
        go = tmp_path / f"go-{round_}"
        (nxt / "decisions.yaml").unlink(missing_ok=True)
        writers = [
            subprocess.Popen(
                [
                    sys.executable,
                    "-c",
                    STARTER,
                    str(go),
                    *_decide(pid, base, nxt),
                    "--comment",
                    f"writer {n}",
                ],
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for n, pid in enumerate(IDS)
        ]
        go.touch()
        for writer in writers:
            _, err = writer.communicate(timeout=120)
            assert writer.returncode == 0, err
            assert "recorded" in err
        recorded = yaml.safe_load((nxt / "decisions.yaml").read_text(encoding="utf-8"))["decisions"]
        assert sorted(recorded) == sorted(IDS), f"round {round_}: lost {sorted(set(IDS) - set(recorded))}"
        assert {recorded[pid]["comment"] for pid in IDS} == {f"writer {n}" for n in range(len(IDS))}
        # No lock file nor temporary file is left beside the decisions.
        assert sorted(p.name for p in nxt.iterdir()) == [
            "corpus.toml",
            "decisions.yaml",
            "plan.pdf",
            "plancompare.toml",
        ]


# --- 2. -o writes only where it should -----------------------------------------------------------


@pytest.mark.parametrize(
    "target",
    [
        "next/corpus.toml",
        "base/corpus.toml",
        "next/plancompare.toml",
        "next/decisions.yaml",  # not there yet: it would be read as the decisions next time
        "next/plan.pdf",
        "hard-link-to-the-manifest.toml",
    ],
)
def test_output_refuses_every_file_a_corpus_reads(tmp_path: Path, target: str) -> None:
    base, nxt = corpora(tmp_path)
    os.link(nxt / "corpus.toml", tmp_path / "hard-link-to-the-manifest.toml")
    path = tmp_path / target
    before = path.read_bytes() if path.exists() else None
    code, _, err = invoke("diff", base, nxt, "--format", "md", "-o", path)
    assert code == 2, err
    assert "it is an input file" in one_error_line(err)
    assert (path.read_bytes() if path.exists() else None) == before
    assert not [p for p in tmp_path.rglob("*.tmp")]


def _report(tmp_path: Path, base: Path, nxt: Path) -> bytes:
    code, _, err = invoke("diff", base, nxt, "--format", "md", "-o", tmp_path / "plain.md")
    assert code == 0, err
    return (tmp_path / "plain.md").read_bytes()


def test_output_is_created_with_the_usual_permissions(tmp_path: Path, umask_022: None) -> None:
    base, nxt = corpora(tmp_path)
    _report(tmp_path, base, nxt)
    assert stat.S_IMODE((tmp_path / "plain.md").stat().st_mode) == 0o644
    # A file replaced keeps its own permissions.
    (tmp_path / "plain.md").chmod(0o640)
    _report(tmp_path, base, nxt)
    assert stat.S_IMODE((tmp_path / "plain.md").stat().st_mode) == 0o640


def test_output_onto_a_fifo_is_written_through_it(tmp_path: Path) -> None:
    base, nxt = corpora(tmp_path)
    expected = _report(tmp_path, base, nxt)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []

    def read() -> None:
        with open(fifo, "rb") as handle:
            got.append(handle.read())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    code, _, err = invoke("diff", base, nxt, "--format", "md", "-o", fifo)
    reader.join(timeout=30)
    if reader.is_alive():  # nothing was written to the pipe: let the reader go
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        reader.join(timeout=5)
    assert code == 0, err
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode), "the pipe was replaced by a file"
    assert got == [expected]


def test_output_onto_a_character_device_is_written_through_it(tmp_path: Path) -> None:
    base, nxt = corpora(tmp_path)
    null = tmp_path / "null"
    try:
        os.mknod(null, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # the same device as /dev/null
    except PermissionError:
        pytest.skip("making a device node needs root")
    code, _, err = invoke("diff", base, nxt, "--format", "md", "-o", null)
    assert code == 0, err
    assert stat.S_ISCHR(os.lstat(null).st_mode), "the device was replaced by a file"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_output_onto_a_symlink_replaces_its_target_and_keeps_the_link(tmp_path: Path) -> None:
    base, nxt = corpora(tmp_path)
    expected = _report(tmp_path, base, nxt)
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "2026.md").write_text("old report\n", encoding="utf-8")
    (reports / "2026.md").chmod(0o640)
    link = tmp_path / "latest.md"
    link.symlink_to(Path("reports") / "2026.md")
    code, _, err = invoke("diff", base, nxt, "--format", "md", "-o", link)
    assert code == 0, err
    assert link.is_symlink() and os.readlink(link) == str(Path("reports") / "2026.md")
    assert (reports / "2026.md").read_bytes() == expected
    assert stat.S_IMODE((reports / "2026.md").stat().st_mode) == 0o640
    assert sorted(p.name for p in reports.iterdir()) == ["2026.md"]
    # A link to a file not written yet: the file is made where the link points.
    dangling = tmp_path / "next.md"
    dangling.symlink_to(Path("reports") / "2027.md")
    code, _, err = invoke("diff", base, nxt, "--format", "md", "-o", dangling)
    assert code == 0, err
    assert dangling.is_symlink() and (reports / "2027.md").read_bytes() == expected


# --- 3. every error is one line and the documented exit code -------------------------------------


@pytest.fixture
def unwritable_folder(tmp_path: Path) -> Iterator[Path]:
    """A folder no file can be created in: mode 555, or, for root (whom modes do not stop), immutable."""
    folder = tmp_path / "locked"
    folder.mkdir()
    if os.geteuid() != 0:
        folder.chmod(0o555)
        yield folder
        folder.chmod(0o755)
        return
    if shutil.which("chattr") is None:
        pytest.skip("root ignores folder modes, and chattr is not there")
    made = subprocess.run(["chattr", "+i", str(folder)], capture_output=True, text=True, check=False)
    if made.returncode != 0:
        pytest.skip(f"chattr +i is not possible here: {made.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["chattr", "-i", str(folder)], check=False)


def test_output_into_a_folder_that_cannot_be_written(tmp_path: Path, unwritable_folder: Path) -> None:
    base, nxt = corpora(tmp_path)
    code, _, err = invoke("diff", base, nxt, "--format", "md", "-o", unwritable_folder / "report.md")
    assert code == 4
    assert f"cannot write {unwritable_folder / 'report.md'}" in one_error_line(err)
    assert list(unwritable_folder.iterdir()) == []
    # The CI summary and a recorded decision alike.
    baseline = tmp_path / "baseline.json"
    code, _, err = invoke("diff", base, nxt, "--format", "json", "-o", baseline)
    assert code == 0, err
    code, _, err = invoke(
        "check", base, nxt, "--baseline", baseline, "--summary", unwritable_folder / "summary.md"
    )
    assert code == 4 and "cannot write" in one_error_line(err)
    code, _, err = invoke(
        "decide", "G01", "dropped", "--base", base, "--next", nxt, "--file", unwritable_folder / "d.yaml"
    )
    assert code == 4 and "d.yaml" in one_error_line(err)


@pytest.mark.parametrize(
    ("field", "said"),
    [
        ("measures: 5", "measures must be a list"),
        ("measures: [{number: 3, title: [a]}]", "title must be text"),
        ("measures: [true]", "a measure must be a number"),
        ("date: 2020-13-45", "line 6, column 11: 2020-13-45 is not a date"),
        ("date: '2020-13-45'", "date '2020-13-45' is not a date"),
        ("comment: [1, 2]", "comment must be text"),
        ("author: {name: x}", "author must be text"),
        ("fingerprint: 12", "has no fingerprint"),
        ("verdcit: adopted", "unknown field(s) verdcit"),
    ],
)
def test_a_decisions_field_of_the_wrong_type_is_one_line(tmp_path: Path, field: str, said: str) -> None:
    base, nxt = corpora(tmp_path)
    key = field.split(":")[0]
    entry = {"fingerprint": "0123456789ab", "verdict": "dropped", "measures": "[]"}
    lines = ["decisions:", "  G01:", *(f"    {k}: {v}" for k, v in entry.items() if k != key)]
    (nxt / "decisions.yaml").write_text("\n".join([*lines, f"    {field}", ""]), encoding="utf-8")
    for command in (("diff", base, nxt), ("decide", "G02", "dropped", "--base", base, "--next", nxt)):
        code, out, err = invoke(*command)
        assert code == 3, err
        line = one_error_line(err)
        assert "decisions.yaml" in line and said in line, line
        assert out == ""


@pytest.mark.parametrize("name", ["decisions.yaml", "labels.yaml"])
def test_broken_yaml_is_one_line(tmp_path: Path, name: str) -> None:
    base, nxt = corpora(tmp_path)
    broken = nxt / name
    broken.write_text("decisions:\n  G01: {verdict: adopted\n  G02: [\n", encoding="utf-8")
    command = ("diff", base, nxt) if name == "decisions.yaml" else ("calibrate", broken, base, nxt)
    code, _, err = invoke(*command)
    assert code == 3
    assert f"{name} is not valid YAML (line " in one_error_line(err)


def test_a_file_name_that_is_not_utf8_is_printed_and_reported(tmp_path: Path) -> None:
    base, _ = corpora(tmp_path)
    plan = tmp_path / os.fsdecode(b"plan-\xff.pdf")
    shutil.copy(PLAN, plan)
    code, out, err = invoke("diff", base, plan, "--format", "json")
    assert code == 0, err
    assert DiffResult.model_validate_json(out).next.source == "plan-\\xff.pdf"
    for fmt in ("md", "csv", "html"):
        code, _, err = invoke("diff", base, plan, "--format", fmt, "-o", tmp_path / f"report.{fmt}")
        assert code == 0, err
        (tmp_path / f"report.{fmt}").read_text(encoding="utf-8")  # UTF-8 throughout
    broken = tmp_path / os.fsdecode(b"broken-\xff.pdf")
    broken.write_bytes(b"<html><body>not a PDF</body></html>")
    code, _, err = invoke("diff", base, broken)
    assert code == 3
    assert "broken-\\xff.pdf is not a PDF" in one_error_line(err)
    code, _, err = invoke("diff", base, tmp_path / os.fsdecode(b"absent-\xff.pdf"))
    assert code == 2 and "absent-\\xff.pdf does not exist" in one_error_line(err)


def test_a_diff_error_is_exactly_one_line(tmp_path: Path) -> None:
    base, _ = corpora(tmp_path)
    code, out, err = invoke("diff", base, tmp_path / "nowhere.pdf")
    assert code == 2 and out == ""
    hint = "pass an existing corpus folder, PDF or JSON file"
    assert err == f"error: {tmp_path / 'nowhere.pdf'} does not exist. {hint}\n"
    (tmp_path / "empty.pdf").write_bytes(b"")
    code, _, err = invoke("diff", base, tmp_path / "empty.pdf")
    assert code == 3 and one_error_line(err)


@pytest.mark.parametrize(
    ("error", "code", "said"),
    [
        (OSError(errno.EIO, "Input/output error", "plan.pdf"), 3, "cannot read plan.pdf: Input/output error"),
        (PermissionError(errno.EACCES, "Permission denied", "x.pdf"), 3, "cannot read x.pdf: Permission"),
        (UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte"), 3, "is not UTF-8 text"),
        (BrokenPipeError(errno.EPIPE, "Broken pipe"), 4, "output was closed"),
    ],
)
def test_a_system_error_no_check_foresaw_is_one_line(
    monkeypatch: pytest.MonkeyPatch, error: Exception, code: int, said: str
) -> None:
    import plancompare.workflow

    def fails(*args: object, **kwargs: object) -> None:
        raise error

    monkeypatch.setattr(plancompare.workflow, "run_diff", fails)
    got, _, err = invoke("diff", "a", "b")
    assert got == code
    assert said in one_error_line(err)


# --- 7. a corpus reads only its own files --------------------------------------------------------


@pytest.mark.parametrize("where", ["../elsewhere/plan.pdf", "absolute"])
def test_a_corpus_source_outside_its_folder_is_refused(tmp_path: Path, where: str) -> None:
    base, nxt = corpora(tmp_path)
    (tmp_path / "elsewhere").mkdir()
    outside = tmp_path / "elsewhere" / "plan.pdf"
    shutil.copy(PLAN, outside)
    source = str(outside) if where == "absolute" else where
    (nxt / "corpus.toml").write_text(f'[plan]\nsource = "{source}"\n', encoding="utf-8")
    code, out, err = invoke("diff", base, nxt, "--format", "md")
    assert code == 3 and out == ""
    line = one_error_line(err)
    assert f"plan source {source} is outside the corpus folder" in line
    assert "copy the file into the corpus folder, or pass it on the command line" in line
    # The same PDF given on the command line is read.
    code, _, err = invoke("diff", base, outside, "--format", "md")
    assert code == 0, err


# --- 8. the CI gate tells the whole story --------------------------------------------------------


def test_check_lists_stale_decisions_and_analyst_corrections(tmp_path: Path) -> None:
    base, nxt = corpora(tmp_path)
    baseline = tmp_path / "baseline.json"
    code, _, err = invoke("diff", base, nxt, "--format", "json", "-o", baseline)
    assert code == 0, err
    # The first proposal the engine takes up (adopted, else changed).
    proposals = json.loads(baseline.read_text(encoding="utf-8"))["proposals"]
    taken = min((p for p in proposals if p["verdict"] != "dropped"), key=lambda p: p["verdict"] != "adopted")
    pid = taken["id"]
    fr, en = {"adopted": ("Adoptée", "Adopted"), "changed": ("Modifiée", "Changed")}[taken["verdict"]]
    # An analyst says the plan did not take it up: a decision, not an engine regression.
    code, _, err = invoke("decide", pid, "dropped", "--base", base, "--next", nxt, "--comment", "non")
    assert code == 0, err
    summary = tmp_path / "summary.md"
    code, out, err = invoke("check", base, nxt, "--baseline", baseline, "--summary", summary)
    assert code == 0, err
    assert "Propositions en recul" not in out
    assert f"Décisions d’analyste:\n  {pid}: {fr} → Non reprise" in out
    # Its base measure had no other ask taken up enough to keep a successor: what became of it is read
    # from its proposals as decided, so it now reads dropped. That too is the analysts' word, listed
    # with the decision rather than failing the gate.
    assert f"\n  M{taken['measure']:02d}: " in out.split("Décisions d’analyste:")[1]
    assert "Mesures désormais abandonnées" not in out
    text = summary.read_text(encoding="utf-8")
    assert "Aucun écart bloquant (regressed, dropped)." in text
    assert f"### Décisions d’analyste\n\n- {pid}: {fr} → Non reprise" in text
    code, out, err = invoke("check", base, nxt, "--baseline", baseline, "--format", "md", "--lang", "en")
    assert code == 0 and f"### Analyst decisions\n\n- {pid}: {en} → Dropped" in out

    # The proposal's text changes under the decision (here: its fingerprint): stale, listed, and failing
    # only when asked.
    decisions = nxt / "decisions.yaml"
    data = yaml.safe_load(decisions.read_text(encoding="utf-8"))
    data["decisions"][pid]["fingerprint"] = "aaaaaaaaaaaa"
    decisions.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    code, out, err = invoke("check", base, nxt, "--baseline", baseline, "--summary", summary)
    assert code == 0, err
    assert "Décisions d’analyste" not in out
    stale = f"{pid} (décision : Non reprise, non appliquée ; verdict retenu : {fr})"
    assert f"Décisions périmées:\n  {stale}" in out
    assert "le texte de la proposition a changé depuis la décision (empreinte aaaaaaaaaaaa" in out
    assert f"### Décisions périmées\n\n- {pid} (décision : Non reprise" in summary.read_text(encoding="utf-8")
    code, out, err = invoke("check", base, nxt, "--baseline", baseline, "--fail-on", "stale", "--lang", "en")
    assert code == 1
    assert out.startswith("1 finding(s) fail the check (stale).")
    assert f"Stale decisions:\n  {pid} (decision: Dropped, not applied; verdict kept: {en})" in out
    assert "check failed: 1 finding(s) (stale)" in err
    # A decision about a proposal no longer in the review is stale too.
    data["decisions"]["G99"] = {"fingerprint": "bbbbbbbbbbbb", "verdict": "dropped", "measures": []}
    decisions.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    code, out, err = invoke("check", base, nxt, "--baseline", baseline, "--fail-on", "regressed,stale")
    assert code == 1
    assert "2 écart(s) bloquant(s) (regressed, stale)." in out
    assert "G99 – la proposition G99 n’existe plus dans la revue de référence" in out
