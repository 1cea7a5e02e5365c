"""`plancompare extract` through the real CLI: JSON out, summary on stderr, cache by content."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from plancompare.cli import app
from plancompare.extract import cache
from plancompare.extract.document import extract
from plancompare.serialise import to_json

ROOT = Path(__file__).resolve().parents[2]
PDFS = ROOT / "tests" / "pdfs"
PLAN = PDFS / "plan-two-columns.pdf"
REVIEW = PDFS / "review-second-renderer.pdf"


def run(*args: object):  # -> typer.testing.Result
    return CliRunner().invoke(app, ["extract", *(str(a) for a in args)])


def test_json_on_stdout_and_summary_on_stderr() -> None:
    result = run(REVIEW)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["kind"] == "review"
    assert result.stdout == (PDFS / "review-second-renderer.golden.json").read_text(encoding="utf-8")
    assert "review: 3 pages, 3 measures (12, 13, 15)" in result.stderr
    assert "proposals: 10 in measures (12:4 13:2 15:4); 2 general demands" in result.stderr
    assert "warning: measure 12 (page 1) has no « MESURE N° » heading" in result.stderr


def test_output_file_is_written_whole(tmp_path: Path) -> None:
    out = tmp_path / "plan.json"
    result = run(PLAN, "-o", out, "--layout", "plan")
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert out.read_text(encoding="utf-8") == (PDFS / "plan-two-columns.golden.json").read_text(
        encoding="utf-8"
    )
    assert "plan: 4 pages, 7 measures (1, 2, 3, ..., 7)" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.json", "plancompare-cache"]


def test_unknown_layout_is_a_usage_error() -> None:
    result = run(PLAN, "--layout", "table")
    assert result.exit_code == 2


def test_forcing_the_review_layout_on_a_plan_finds_no_measures(tmp_path: Path) -> None:
    out = tmp_path / "x.json"
    result = run(PLAN, "--layout", "review", "-o", out)
    assert result.exit_code == 3
    assert "no measures found in plan-two-columns.pdf: no review table recognised" in result.stderr
    assert not out.exists()


def _entries(cache_dir: Path) -> list[Path]:
    return sorted((cache_dir / "extract").glob("*.json"))


def test_results_are_cached_by_content(tmp_path: Path, isolated_cache: Path) -> None:
    first = run(PLAN)
    assert first.exit_code == 0
    [entry] = _entries(isolated_cache)
    # The cache is read: an entry changed behind our back shows in the next result...
    data = json.loads(entry.read_text(encoding="utf-8"))
    data["title"] = "from the cache"
    entry.write_text(json.dumps(data), encoding="utf-8")
    assert json.loads(run(PLAN).stdout)["title"] == "from the cache"
    # ...and the same bytes under another name hit the same entry, reported under the new name.
    copy = tmp_path / "copy.pdf"
    shutil.copy(PLAN, copy)
    moved = json.loads(run(copy).stdout)
    assert (moved["title"], moved["source"]["file"]) == ("from the cache", "copy.pdf")
    # --no-cache parses the PDF again.
    fresh = run(PLAN, "--no-cache")
    assert fresh.stdout == first.stdout


def test_a_damaged_cache_entry_is_ignored_and_rewritten(isolated_cache: Path) -> None:
    expected = run(PLAN).stdout
    [entry] = _entries(isolated_cache)
    entry.write_text('{"kind": "plan", "measures": [{"numb', encoding="utf-8")
    assert run(PLAN).stdout == expected
    assert json.loads(entry.read_text(encoding="utf-8"))["kind"] == "plan"
    assert not list((isolated_cache / "extract").glob("*.tmp"))


def test_cache_key_depends_on_layout_and_version() -> None:
    keys = {cache.cache_key("abc", layout) for layout in ("auto", "plan", "review")}
    assert len(keys) == 3


def test_progress_reports_every_page() -> None:
    calls: list[tuple[int, int]] = []
    extract(
        ROOT / "corpora" / "2014-2016" / "collectif-2017-review.pdf",
        use_cache=False,
        progress=lambda d, t: calls.append((d, t)),
    )
    assert calls == [(i, 29) for i in range(1, 30)]


def test_library_and_cli_agree() -> None:
    assert run(PLAN).stdout == to_json(extract(PLAN, use_cache=False))


def test_progress_bar_only_for_long_documents() -> None:
    from plancompare.cli.extract_cmd import _PageProgress

    short = _PageProgress()
    short(1, 20)
    assert short.bar is None
    long = _PageProgress()
    long(1, 29)
    try:
        assert long.bar is not None
        assert long.bar.tasks[0].total == 29 and long.bar.tasks[0].completed == 1
    finally:
        long.stop()
