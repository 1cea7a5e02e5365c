"""Atomic file writes: a temporary file beside the target, then a rename.

An error midway leaves the previous file intact, and a reader never sees half a report.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from plancompare.errors import OutputError, UsageError


def refuse_overwriting_inputs(target: Path, inputs: Iterable[Path]) -> None:
    """Raise a usage error when `target` is one of the input files (or a link to one)."""
    resolved = target.resolve()
    for item in inputs:
        if item.exists() and item.resolve() == resolved:
            raise UsageError(
                f"refusing to write to {target}: it is an input file", "choose another path for -o"
            )


def write_atomic(target: Path, data: str | bytes, *, inputs: Iterable[Path] = ()) -> None:
    refuse_overwriting_inputs(target, inputs)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.is_dir():
        raise UsageError(f"cannot write {target}: folder {directory} does not exist", "create it first")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, target)
    except OSError as exc:
        Path(tmp_name).unlink(missing_ok=True)
        raise OutputError(
            f"cannot write {target}: {exc.strerror or exc}", "check the path and permissions"
        ) from exc
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
