"""Errors users can act on, each with its exit code (documented in README and `--help`).

The CLI prints `message` and `hint` on one line and exits with `exit_code`; nothing else
(no traceback). Library callers catch `PlanCompareError`.
"""

from __future__ import annotations

import os

EXIT_CHECK_FAILED = 1
EXIT_USAGE = 2
EXIT_UNREADABLE = 3
EXIT_OUTPUT = 4

EXIT_CODES_HELP = (
    "Exit codes: 0 success; 1 check found regressions; 2 usage error (bad option, missing file, "
    "output would overwrite a file the run reads); 3 unreadable input (not a PDF, corrupt, encrypted, "
    "scanned without text layer, no measures found, broken JSON/YAML/TOML); 4 output could not be "
    "written (its folder missing or read-only)."
)


def printable(text: object) -> str:
    """`text` (a message, a path) as it can always be printed: the bytes of a file name that is not
    UTF-8 (`plan-\\xff.pdf`, read by Python as a lone surrogate) written as `\\xff` escapes."""
    value = os.fsdecode(text) if isinstance(text, bytes | os.PathLike) else str(text)
    try:
        return value.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a surrogate that no file name gave
        return value.encode("utf-8", "backslashreplace").decode("utf-8")


class PlanCompareError(Exception):
    exit_code = EXIT_UNREADABLE

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def one_line(self) -> str:
        text = self.message.rstrip(".")
        line = f"{text}. {self.hint}" if self.hint else f"{text}."
        return printable(" ".join(line.split()))


class UsageError(PlanCompareError):
    exit_code = EXIT_USAGE


class InputError(PlanCompareError):
    """The input exists but cannot be used: not a PDF, corrupt, encrypted, no text, no measures."""

    exit_code = EXIT_UNREADABLE


class NotAPdfError(InputError):
    pass


class CorruptPdfError(InputError):
    pass


class EncryptedPdfError(InputError):
    pass


class NoTextLayerError(InputError):
    pass


class NoMeasuresError(InputError):
    pass


class BadDataError(InputError):
    """A JSON, YAML or TOML file that does not parse or does not fit the schema."""


class OutputError(PlanCompareError):
    exit_code = EXIT_OUTPUT
