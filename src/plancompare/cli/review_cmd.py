"""`plancompare review [BASE] [NEXT]`: decide the proposals one key at a time, least certain first."""

from __future__ import annotations

import typer

from plancompare.cli import options
from plancompare.cli.app import command
from plancompare.cli.console import handles_errors
from plancompare.errors import EXIT_CODES_HELP


@command(epilog=EXIT_CODES_HELP)
@handles_errors
def review(
    base: options.Base = None,
    next_: options.Next = None,
    order: str = typer.Option(
        "confidence",
        "--order",
        help="confidence (least certain first), document, or measure (by next measure).",
    ),
    lang: str = typer.Option("fr", "--lang", help="Language of the app: fr or en."),
    decisions: options.Decisions = None,
    config: options.Config = None,
    history: options.History = None,
    own_history: options.OwnHistory = False,
) -> None:
    """Walk the proposals in a terminal app and decide each with one key (a adopted, c changed,
    d dropped, n not an ask; 1-3 pick the measures), then the base measures (m; = kept, r revised,
    f merged, x split, d dropped). Each decision is written to the decisions file at once; the engine
    adapts to them and a restart resumes where you stopped."""
    from plancompare.judge.history import EarlierReviews
    from plancompare.review.app import ReviewApp
    from plancompare.review.run import open_session

    session = open_session(
        base,
        next_,
        order=order,
        lang=lang,
        decisions=decisions,
        config=config,
        earlier=EarlierReviews.of(history, own_history),
    )
    ReviewApp(session, lang).run()
