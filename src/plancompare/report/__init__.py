"""Reports of a diff result: terminal, markdown, JSON, CSV and self-contained HTML."""

from __future__ import annotations

from typing import TYPE_CHECKING

from plancompare.errors import UsageError

if TYPE_CHECKING:
    from plancompare.models import DiffResult

from plancompare.report.i18n import LANGUAGES

FORMATS = ("term", "md", "json", "csv", "html")


def render(result: DiffResult, fmt: str, lang: str, *, show_all: bool = False) -> str:
    """The report as text, in format `fmt` (one of FORMATS) and language `lang` ("fr" or "en")."""
    # Each renderer is imported when asked for: the command line starts without any of them.
    if lang not in LANGUAGES:
        raise UsageError(f"unknown report language {lang!r}", f"choose one of: {', '.join(LANGUAGES)}")
    if fmt == "term":
        from plancompare.report.terminal import render_terminal

        return render_terminal(result, lang, show_all=show_all)
    if fmt == "md":
        from plancompare.report.markdown import render_markdown

        return render_markdown(result, lang)
    if fmt == "json":
        from plancompare.serialise import to_json

        return to_json(result)
    if fmt == "csv":
        from plancompare.report.csvreport import render_csv

        return render_csv(result, lang)
    if fmt == "html":
        from plancompare.report.html import render_html

        return render_html(result, lang)
    raise UsageError(f"unknown report format {fmt!r}", f"choose one of: {', '.join(FORMATS)}")


__all__ = ["FORMATS", "LANGUAGES", "render"]
