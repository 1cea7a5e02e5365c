"""Reports of a diff result: terminal, markdown, JSON, CSV and self-contained HTML."""

from __future__ import annotations

from plancompare.errors import UsageError
from plancompare.models import DiffResult
from plancompare.report.csvreport import render_csv
from plancompare.report.html import render_html
from plancompare.report.i18n import LANGUAGES
from plancompare.report.markdown import render_markdown
from plancompare.report.terminal import render_terminal
from plancompare.serialise import to_json

FORMATS = ("term", "md", "json", "csv", "html")


def render(result: DiffResult, fmt: str, lang: str, *, show_all: bool = False) -> str:
    """The report as text, in format `fmt` (one of FORMATS) and language `lang` ("fr" or "en")."""
    if lang not in LANGUAGES:
        raise UsageError(f"unknown report language {lang!r}", f"choose one of: {', '.join(LANGUAGES)}")
    if fmt == "term":
        return render_terminal(result, lang, show_all=show_all)
    if fmt == "md":
        return render_markdown(result, lang)
    if fmt == "json":
        return to_json(result)
    if fmt == "csv":
        return render_csv(result, lang)
    if fmt == "html":
        return render_html(result, lang)
    raise UsageError(f"unknown report format {fmt!r}", f"choose one of: {', '.join(FORMATS)}")


__all__ = ["FORMATS", "LANGUAGES", "render"]
