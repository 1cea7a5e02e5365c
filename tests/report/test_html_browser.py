"""The HTML report in a real headless Chromium: no console error, no request, working filters.

Needs Debian's chromium at /usr/bin/chromium (driven by playwright). Skipped when it is absent,
except under CI (PLANCOMPARE_REQUIRE_BROWSER=1), where its absence fails the test.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from plancompare.models import DiffResult
from plancompare.report import render
from plancompare.report.grouping import priority_of
from plancompare.serialise import load_model
from plancompare.workflow import run_diff

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _require_browser() -> None:
    if CHROMIUM.exists():
        return
    if os.environ.get("PLANCOMPARE_REQUIRE_BROWSER") == "1":
        pytest.fail(
            "PLANCOMPARE_REQUIRE_BROWSER=1 but /usr/bin/chromium is missing (apt-get install chromium)"
        )
    pytest.skip("/usr/bin/chromium is not installed (apt-get install chromium)")


def _result(source: str) -> DiffResult:
    if source == "sample":  # hand-made: markup-like text, analyst and stale decisions
        return load_model(ROOT / "tests" / "snapshots" / "sample-diff.json", DiffResult, "diff result")
    run = run_diff(
        ROOT / "corpora" / "2014-2016", ROOT / "corpora" / "next", lang=None, config=None, decisions=None
    )
    return run.result


@pytest.mark.browser
@pytest.mark.parametrize("source", ["corpora", "sample"])
def test_filters_work_in_chromium(tmp_path: Path, source: str) -> None:
    _require_browser()
    from playwright.sync_api import sync_playwright

    result = _result(source)
    report = tmp_path / "report.html"
    report.write_text(render(result, "html", "fr"), encoding="utf-8")
    dropped = [p for p in result.proposals if p.verdict == "dropped"]
    axis = next(priority_of(result, p) for p in dropped if priority_of(result, p))
    problems: list[str] = []
    requests: list[str] = []
    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            page.on(
                "console",
                lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None,
            )
            page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
            page.on("requestfailed", lambda r: problems.append(f"failed request: {r.url}"))
            page.on("request", lambda r: requests.append(r.url))
            page.goto(report.as_uri())
            page.wait_for_load_state("load")

            cards = page.locator("article.proposal")
            assert cards.count() == len(result.proposals)
            assert page.locator("article.proposal:visible").count() == len(result.proposals)

            page.get_by_role("button", name="Non reprise").click()
            visible = page.locator("article.proposal:visible")
            summary_count = int(page.locator("#count-dropped").inner_text())
            assert visible.count() == summary_count == len(dropped)
            assert {visible.nth(i).get_attribute("data-verdict") for i in range(visible.count())} == {
                "dropped"
            }
            assert page.locator("#shown-count").inner_text() == str(len(dropped))

            page.select_option("#axis-filter", axis)
            visible = page.locator("article.proposal:visible")
            expected = [p.id for p in dropped if priority_of(result, p) == axis]
            assert [visible.nth(i).get_attribute("id") for i in range(visible.count())] == [
                f"p-{pid}" for pid in expected
            ]
            # Headings of priorities with nothing left to show are hidden too.
            assert page.locator("section.group:visible").count() == 1

            page.get_by_role("button", name="Toutes").click()
            page.select_option("#axis-filter", "")
            assert page.locator("article.proposal:visible").count() == len(result.proposals)

            if source == "corpora":
                # What README shows: the filter bar and the changed proposals with their word diff.
                page.get_by_role("button", name="Modifiée").click()
                page.locator("nav.filters").scroll_into_view_if_needed()
                page.evaluate(
                    "window.scrollBy(0, document.querySelector('nav.filters').getBoundingClientRect().top)"
                )
                artifacts = ROOT / "test-artifacts"
                artifacts.mkdir(exist_ok=True)
                page.screenshot(path=str(artifacts / "report.png"), full_page=False)
        finally:
            browser.close()
    assert problems == []
    assert requests == [report.as_uri()]
