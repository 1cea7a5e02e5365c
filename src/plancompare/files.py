"""Files in and out: atomic writes (a temporary file beside the target, then a rename), a lock for
read-modify-writes, and YAML read with one-line errors.

An error midway leaves the previous file intact, and a reader never sees half a report. What is not a
regular file (a pipe, a terminal, `/dev/null`, `/dev/stdout`) is written through as it is, and a
symbolic link keeps pointing where it did: the file it points to is the one replaced.
"""

from __future__ import annotations

import os
import stat
import tempfile
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from plancompare.errors import BadDataError, OutputError, UsageError, printable

# How long `locked` waits for another process to finish its read-modify-write.
LOCK_TIMEOUT = 120.0


def _same_file(a: Path, b: Path) -> bool:
    """Whether `a` and `b` name one file: the same inode (links, hard links), or, for a file not
    written yet, the same resolved path."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return a.resolve() == b.resolve()


def refuse_overwriting_inputs(target: Path, inputs: Iterable[Path]) -> None:
    """Raise a usage error when `target` is one of the input files (or a link to one).

    `inputs` are every file a run reads or would read: the PDFs, a corpus's manifest, its config and
    decisions (even before they exist: a report written there would be read as one next time)."""
    for item in inputs:
        if _same_file(Path(target), Path(item)):
            raise UsageError(
                f"refusing to write to {printable(target)}: it is an input file plancompare reads",
                "choose another path for -o",
            )


def _written_through(target: Path, info: os.stat_result | None) -> bool:
    """A pipe, a terminal or another device (not a regular file), or a file descriptor's name
    (`/dev/stdout` → `/proc/self/fd/1`): written as it is, never replaced by a rename."""
    if info is not None and not stat.S_ISREG(info.st_mode) and not stat.S_ISDIR(info.st_mode):
        return True
    hop = Path(os.path.abspath(target))
    for _ in range(40):
        if str(hop).startswith(("/proc/", "/dev/fd/")):
            return True
        if not hop.is_symlink():
            return False
        hop = Path(os.path.abspath(hop.parent / os.readlink(hop)))
    return False


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _cannot_write(target: Path, exc: OSError) -> OutputError:
    return OutputError(
        f"cannot write {printable(target)}: {exc.strerror or exc}", "check the path and permissions"
    )


def _write_through(target: Path, payload: bytes) -> None:
    try:
        with open(target, "wb") as handle:
            handle.write(payload)
    except OSError as exc:
        raise _cannot_write(target, exc) from exc


def check_output(target: Path) -> None:
    """Fail early (before a long run) when `target` can surely not be written: its folder is missing,
    or it is a folder."""
    target = Path(target)
    if target.is_dir():
        raise OutputError(f"cannot write {printable(target)}: it is a folder", "name a file to write")
    final = Path(os.path.realpath(target)) if target.is_symlink() else target
    if not final.parent.is_dir():
        raise OutputError(
            f"cannot write {printable(target)}: folder {printable(final.parent)} does not exist",
            f"create it first (mkdir -p {printable(final.parent)})",
        )


def write_atomic(target: Path, data: str | bytes, *, inputs: Iterable[Path] = ()) -> None:
    """Write `data` to `target`: to a temporary file beside it, renamed over it once complete.

    A new file gets the usual permissions (0666 less the umask); a file replaced keeps its own. A
    symbolic link is kept: the file it points to is replaced. A pipe or a device (`/dev/null`, a
    terminal, `/dev/stdout`) is written through directly."""
    target = Path(target)
    refuse_overwriting_inputs(target, inputs)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        info: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        info = None  # not there yet, or a link to a file not there yet
    except OSError as exc:
        raise _cannot_write(target, exc) from exc
    if _written_through(target, info):
        _write_through(target, payload)
        return
    check_output(target)
    final = Path(os.path.realpath(target)) if target.is_symlink() else target
    mode = stat.S_IMODE(info.st_mode) if info is not None else 0o666 & ~_umask()
    tmp_name: str | None = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{final.name}.", suffix=".tmp", dir=final.parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fchmod(handle.fileno(), mode)
            os.fsync(handle.fileno())
        os.replace(tmp_name, final)
    except OSError as exc:
        if tmp_name is not None:
            Path(tmp_name).unlink(missing_ok=True)
        raise _cannot_write(target, exc) from exc
    except BaseException:
        if tmp_name is not None:
            Path(tmp_name).unlink(missing_ok=True)
        raise


def lock_path(path: Path) -> Path:
    """The lock file of `path`: `.NAME.lock` beside it (there only while a writer holds it)."""
    return Path(path).with_name(f".{Path(path).name}.lock")


@contextmanager
def locked(path: Path, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """Hold the lock of `path` for a read-modify-write of it, so that two writers (two `decide` run at
    once) take turns instead of one losing the other's change.

    The lock is an exclusive `flock` on `.NAME.lock` beside `path` (in the same folder, so every
    process that writes `path` meets it, whatever its current folder). The lock file is removed on
    release, while still held; a waiter that then gets the lock of a removed file tries again on the
    new one. A process killed while holding it leaves the file, but not the lock (the system releases
    it): the next writer takes it and removes it."""
    import fcntl

    lock = lock_path(path)
    deadline = time.monotonic() + timeout
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    while True:
        try:
            fd = os.open(lock, flags, 0o666)
        except OSError as exc:
            raise OutputError(
                f"cannot lock {printable(path)}: cannot create {printable(lock)} ({exc.strerror or exc})",
                "check that the folder exists and can be written",
            ) from exc
        try:
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        raise OutputError(
                            f"{printable(path)} is being written by another process (its lock "
                            f"{printable(lock)} is held)",
                            "try again once it is done",
                        ) from None
                    time.sleep(0.01)
            held = os.fstat(fd)
            try:
                now: os.stat_result | None = os.stat(lock, follow_symlinks=False)
            except FileNotFoundError:
                now = None
        except BaseException:
            os.close(fd)
            raise
        if now is not None and (now.st_dev, now.st_ino) == (held.st_dev, held.st_ino):
            break
        os.close(fd)  # the lock file was removed (and maybe made anew) while we waited: again
    try:
        yield
    finally:
        with suppress(OSError):
            os.unlink(lock)
        os.close(fd)


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
