"""Reports of a diff result: terminal, markdown, JSON, CSV and self-contained HTML."""

from __future__ import annotations

from ..errors import UsageError
from ..models import DiffResult
from ..serialise import to_json
from .csvreport import render_csv
from .html import render_html
from .i18n import LANGUAGES
from .markdown import render_markdown
from .terminal import render_terminal

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
