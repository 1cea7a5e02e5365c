"""Files in and out: atomic writes (a temporary file beside the target, then a rename) and YAML
read with one-line errors.

An error midway leaves the previous file intact, and a reader never sees half a report.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from plancompare.errors import BadDataError, OutputError, UsageError, printable


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


def load_yaml(path: Path, fix: str) -> Any:
    """The data of a YAML file, or one `BadDataError` line saying where it is broken and `fix`."""
    import yaml

    shown = printable(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise BadDataError(f"cannot read {shown}: {exc.strerror or exc}", fix) from exc
    except UnicodeDecodeError as exc:
        raise BadDataError(f"{shown} is not UTF-8 text", fix) from exc
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        # One line: the parser's own message spans several, with a caret under the position.
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise BadDataError(f"{shown} is not valid YAML ({where}{problem})", fix) from exc
    except (ValueError, OverflowError) as exc:
        # A value that parses but cannot be made (a date such as 2020-13-45): say which.
        raise BadDataError(f"{shown} is not valid YAML ({_bad_value(text, exc)})", fix) from exc


def _bad_value(text: str, exc: Exception) -> str:
    """Where a scalar YAML resolves to a date or a number that cannot be built is, and why."""
    import yaml

    constructor = yaml.constructor.SafeConstructor()
    try:
        nodes = [yaml.compose(text, Loader=yaml.SafeLoader)]
    except yaml.YAMLError:
        return str(exc)
    while nodes:
        node = nodes.pop(0)
        if isinstance(node, yaml.MappingNode):
            nodes += [item for pair in node.value for item in pair]
        elif isinstance(node, yaml.SequenceNode):
            nodes += node.value
        elif isinstance(node, yaml.ScalarNode):
            try:
                constructor.construct_object(node, deep=True)
            except (ValueError, OverflowError) as bad:
                what = "a date" if node.tag.endswith(":timestamp") else "a value"
                mark = node.start_mark
                return (
                    f"line {mark.line + 1}, column {mark.column + 1}: {node.value} is not {what} "
                    f"({bad}); write dates as YYYY-MM-DD"
                )
    return str(exc)
