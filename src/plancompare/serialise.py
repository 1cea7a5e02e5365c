"""Deterministic JSON in and out of the models (byte-identical output for the same input)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, TypeAdapter, ValidationError

from plancompare.errors import BadDataError
from plancompare.models import SCHEMAS, Document

M = TypeVar("M", bound=BaseModel)

_DOCUMENT = TypeAdapter(Document)


def to_json(model: BaseModel) -> str:
    """Pretty JSON, UTF-8 text (accents kept), keys in model order, trailing newline."""
    return json.dumps(model.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


def _read_json(path: Path) -> object:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise BadDataError(f"{path} is not UTF-8 text", "give a JSON file written by plancompare") from exc
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise BadDataError(
            f"{path} is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})",
            "re-create it with `plancompare extract` or fix the file",
        ) from exc


def _schema_error(path: Path, exc: ValidationError, what: str) -> BadDataError:
    first = exc.errors()[0]
    where = ".".join(str(p) for p in first["loc"]) or "top level"
    return BadDataError(
        f"{path} is not a plancompare {what} ({where}: {first['msg']})",
        "check it against `plancompare schema`",
    )


def load_document(path: Path):  # -> Plan | Review
    """A plan or review JSON, as written by `plancompare extract`."""
    data = _read_json(path)
    try:
        return _DOCUMENT.validate_python(data)
    except ValidationError as exc:
        raise _schema_error(path, exc, "plan or review") from exc


def load_model(path: Path, model: type[M], what: str) -> M:
    data = _read_json(path)
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise _schema_error(path, exc, what) from exc


def json_schema(name: str) -> str:
    schema = SCHEMAS[name].model_json_schema()
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
