"""Command line: a thin typer layer over the library (see README for the commands)."""

from __future__ import annotations

from plancompare.cli.app import app, main

__all__ = ["app", "main"]
