"""Write docs/review-screenshot.svg: `plancompare review` on the bundled corpora in an 80 × 24
terminal, after one decision, and docs/review-measures-screenshot.svg: the base measures, after one
(Textual's own SVG export, headless).

    python scripts/review_screenshot.py
"""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

from plancompare.review.app import ReviewApp
from plancompare.review.run import open_session

ROOT = Path(__file__).resolve().parents[1]
SHOTS = {
    # The least certain proposal decided « Non reprise », then the next one's first candidate ticked.
    ROOT / "docs" / "review-screenshot.svg": ("d", "1"),
    # The base measures; the first one decided « Scindée » as the table reads it, the second's
    # first candidate ticked.
    ROOT / "docs" / "review-measures-screenshot.svg": ("m", "x", "1"),
}


async def shoot(decisions: Path, keys: tuple[str, ...]) -> str:
    session = open_session(ROOT / "corpora" / "2014-2016", ROOT / "corpora" / "next", decisions=decisions)
    app = ReviewApp(session, "fr")
    async with app.run_test(size=(80, 24)) as pilot:
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        return app.export_screenshot(title="plancompare review")


def main() -> None:
    for target, keys in SHOTS.items():
        with tempfile.TemporaryDirectory() as folder:
            svg = asyncio.run(shoot(Path(folder) / "decisions.yaml", keys))
        target.write_text(svg, encoding="utf-8")
        print(f"wrote {target.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
