"""Keys pressed in the review app through Textual's Pilot, in an 80 × 24 terminal."""

from __future__ import annotations

import asyncio

from plancompare.review.app import ReviewApp


def press(app: ReviewApp, *keys: str) -> str:
    """Press `keys` in an 80 × 24 terminal; the screen's text at the end."""

    async def go() -> str:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            for key in keys:
                await pilot.press(key)
                await pilot.pause()
            return "\n".join(str(w.render()) for w in app.screen.query("Static") if w.display)

    return asyncio.run(go())
