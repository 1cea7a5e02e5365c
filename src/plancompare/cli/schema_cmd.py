"""`plancompare schema [NAME]`: print the published JSON Schema of a model."""

from __future__ import annotations

import typer

from plancompare.cli.app import command
from plancompare.cli.console import handles_errors
from plancompare.errors import UsageError


@command()
@handles_errors
def schema(
    name: str = typer.Argument("review", help="Which schema: plan, review or diff."),
) -> None:
    """Print the JSON Schema of plans, reviews or diff results (also committed under schemas/)."""
    from plancompare.models import SCHEMAS
    from plancompare.serialise import json_schema

    if name not in SCHEMAS:
        raise UsageError(f"unknown schema {name!r}", f"choose one of: {', '.join(SCHEMAS)}")
    typer.echo(json_schema(name), nl=False)
