"""Write docs/review-screenshot.svg: `plancompare review` on the bundled corpora in an 80 × 24
terminal, after one decision (Textual's own SVG export, headless).

    python scripts/review_screenshot.py
"""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

from plancompare.review.app import ReviewApp
from plancompare.review.run import open_session

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "docs" / "review-screenshot.svg"


async def shoot(decisions: Path) -> str:
    session = open_session(ROOT / "corpora" / "2014-2016", ROOT / "corpora" / "next", decisions=decisions)
    app = ReviewApp(session, "fr")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("d")  # the least certain proposal, decided « Non reprise »
        await pilot.pause()
        await pilot.press("1")  # on the next one, the first candidate measure ticked
        await pilot.pause()
        return app.export_screenshot(title="plancompare review")


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        svg = asyncio.run(shoot(Path(folder) / "decisions.yaml"))
    TARGET.write_text(svg, encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
