"""Arguments and options that several commands take, declared once."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from plancompare.config import DECISIONS_FILE, DEFAULT_BASE, DEFAULT_NEXT

Base = Annotated[
    Path | None,
    typer.Argument(
        metavar="BASE", help=f"Base corpus folder, PDF or JSON (default: {DEFAULT_BASE}).", show_default=False
    ),
]
Next = Annotated[
    Path | None,
    typer.Argument(
        metavar="NEXT",
        help=f"Next plan: corpus folder, PDF or JSON (default: {DEFAULT_NEXT}).",
        show_default=False,
    ),
]
Lang = Annotated[
    str | None,
    typer.Option("--lang", help="Report language, fr or en (default: fr when the base corpus is French)."),
]
Config = Annotated[
    Path | None,
    typer.Option("--config", help="Matching thresholds file (default: the corpus config, if any)."),
]
Decisions = Annotated[
    Path | None,
    typer.Option(
        "--decisions",
        help=f"Analyst decisions file (default: {DECISIONS_FILE} of NEXT's corpus, else BASE's).",
    ),
]
Output = Annotated[Path | None, typer.Option("--output", "-o", help="Write to FILE (atomically).")]
History = Annotated[
    list[Path] | None,
    typer.Option(
        "--history",
        metavar="<path>",
        help="Decisions file of an earlier review against the same review (an earlier draft, the previous "
        "plan); repeat for several. Each decision counts as one more label of its ask in the confidence "
        "model's history.",
    ),
]
OwnHistory = Annotated[
    bool,
    typer.Option(
        "--own-history",
        help="Use only the --history files as the model's history, not the labelled drafts' shipped with it.",
    ),
]
