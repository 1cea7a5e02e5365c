"""Command line: a thin typer layer over the library (see README for the commands).

Each command lives in its own module and registers itself on `app` when imported here.
"""

from __future__ import annotations

from plancompare.cli import (
    calibrate_cmd,
    check_cmd,
    decide_cmd,
    diff_cmd,
    extract_cmd,
    review_cmd,
    schema_cmd,
    simulate_cmd,
)
from plancompare.cli.app import app, main

__all__ = [
    "app",
    "calibrate_cmd",
    "check_cmd",
    "decide_cmd",
    "diff_cmd",
    "extract_cmd",
    "main",
    "review_cmd",
    "schema_cmd",
    "simulate_cmd",
]
