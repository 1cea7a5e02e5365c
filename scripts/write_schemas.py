"""Write the published JSON Schemas (schemas/*.schema.json) from the models."""

from __future__ import annotations

from pathlib import Path

from plancompare.models import SCHEMAS
from plancompare.serialise import json_schema

ROOT = Path(__file__).resolve().parents[1]

for name in SCHEMAS:
    (ROOT / "schemas" / f"{name}.schema.json").write_text(json_schema(name), encoding="utf-8")
    print(f"schemas/{name}.schema.json")
