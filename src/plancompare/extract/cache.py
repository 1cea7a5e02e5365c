"""Extraction results cached by file content, so a second run does not parse the PDF again.

The key is the sha256 of the PDF's bytes, the extractor version and the layout asked for; the
value is the model's JSON. Entries live in the user cache folder (PLANCOMPARE_CACHE_DIR
overrides it), are written atomically, and a damaged entry is ignored and rewritten.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import tempfile
from pathlib import Path

from pydantic import TypeAdapter, ValidationError

from plancompare.models import Document, Plan, Review

# Bump when a change to the extractor changes its output: old entries are then never read. The key
# also holds a hash of every source file of the package (not a hand-kept list, which missed modules),
# so an edited or upgraded extractor never reads results cached by an older one.
EXTRACTOR_VERSION = "2"


@functools.cache
def _code_hash() -> str:
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parents[1]
    for source in sorted(package.rglob("*.py")):
        digest.update(source.relative_to(package).as_posix().encode())
        digest.update(source.read_bytes())
    return digest.hexdigest()[:16]


_DOCUMENT: TypeAdapter[Plan | Review] = TypeAdapter(Document)


def cache_dir() -> Path:
    override = os.environ.get("PLANCOMPARE_CACHE_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_cache_dir("plancompare"))


def cache_key(sha256: str, layout: str) -> str:
    raw = f"{sha256}:{EXTRACTOR_VERSION}:{_code_hash()}:{layout}"
    return hashlib.sha256(raw.encode()).hexdigest()


def _entry(key: str) -> Path:
    return cache_dir() / "extract" / f"{key}.json"


def load(key: str) -> Plan | Review | None:
    path = _entry(key)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return _DOCUMENT.validate_python(data)
    except (OSError, ValueError, ValidationError):
        return None  # missing or damaged: extract again


def store(key: str, document: Plan | Review) -> None:
    """Write an entry atomically; a cache that cannot be written is not an error."""
    path = _entry(key)
    payload = json.dumps(document.model_dump(mode="json"), ensure_ascii=False).encode("utf-8")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
