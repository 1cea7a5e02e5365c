"""The published JSON Schemas under schemas/ are generated from the models and kept fresh."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from plancompare.cli import app
from plancompare.models import SCHEMAS
from plancompare.serialise import json_schema

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_committed_schema_is_current(name: str) -> None:
    committed = ROOT / "schemas" / f"{name}.schema.json"
    assert committed.exists(), f"missing {committed}: run `python scripts/write_schemas.py`"
    assert committed.read_text(encoding="utf-8") == json_schema(name), (
        f"{committed} is stale: run `python scripts/write_schemas.py` and commit it"
    )


def test_schema_command_prints_the_review_schema() -> None:
    result = CliRunner().invoke(app, ["schema", "review"])
    assert result.exit_code == 0
    schema = json.loads(result.output)
    assert schema["title"] == "Review"
    assert {"measures", "proposals"} <= set(schema["properties"])


def test_schema_command_rejects_unknown_names_with_usage_exit_code() -> None:
    result = CliRunner().invoke(app, ["schema", "nonsense"])
    assert result.exit_code == 2
    assert "unknown schema" in result.output
    assert "Traceback" not in result.output
