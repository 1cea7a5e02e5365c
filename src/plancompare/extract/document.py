"""PDF → Plan or Review: the extractor's entry point (pdf → layout → segmentation → models)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Literal

from plancompare.errors import CorruptPdfError, NoMeasuresError, UsageError
from plancompare.extract import cache
from plancompare.extract.damage import damaged_pages
from plancompare.extract.layout import PageLayout, layout_document
from plancompare.extract.pagedata import PageData
from plancompare.extract.pdf import UNDECODED, check_file, read_pages
from plancompare.extract.planreader import segment_plan
from plancompare.extract.recommendations import segment_recommendations
from plancompare.extract.reviewcolumns import looks_like_review
from plancompare.extract.reviewtable import segment_review
from plancompare.extract.sectionreview import sectioned_review
from plancompare.extract.tableplan import segment_table_plan
from plancompare.extract.titles import document_title
from plancompare.models import Plan, Review, Source

LayoutName = Literal["auto", "plan", "review"]
LAYOUTS: tuple[str, ...] = ("auto", "plan", "review")


def extract(
    path: Path,
    layout: LayoutName = "auto",
    *,
    use_cache: bool = True,
    progress: Callable[[int, int], None] | None = None,
) -> Plan | Review:
    """Read a plan or review PDF into its model; raises an InputError subclass on bad input."""
    if layout not in LAYOUTS:
        raise UsageError(f"unknown layout {layout!r}", "choose auto, plan or review")
    path = Path(path)
    data = check_file(path)
    sha = hashlib.sha256(data).hexdigest()
    key = cache.cache_key(sha, layout)
    if use_cache:
        cached = cache.load(key)
        if cached is not None:
            # The same bytes under another name: the cached result keeps the name it was made with.
            if cached.source is not None:
                cached.source.file = path.name
            return cached
    pages = read_pages(path, data, progress)
    source = Source(file=path.name, sha256=sha, pages=len(pages))
    document, kind = _read(layout_document(pages), layout, source)
    _check_pages(path, pages, document, kind)
    if use_cache:
        cache.store(key, document)
    return document


def _read(layouts: list[PageLayout], layout: LayoutName, source: Source) -> tuple[Plan | Review, str]:
    """The document read as `layout` says (« auto »: a review if it looks like one), and the kind
    it was read as (« plan » or « review »)."""
    kind = layout if layout != "auto" else ("review" if looks_like_review(layouts) else "plan")
    document = _review(layouts, source) if kind == "review" else _plan(layouts, source)
    # Measures with « Constats » and « Propositions » sections: a review in one column (tried unless
    # --layout plan, and for --layout review when no review table was found).
    if layout == "auto" and isinstance(document, Plan):
        document = sectioned_review(document, layouts) or document
    elif kind == "review" and not document.measures:
        document = sectioned_review(_plan(layouts, source), layouts) or document
    if not document.measures:
        # No measure headings nor review table: a report ending in numbered recommendations?
        recommendations = segment_recommendations(layouts)
        if recommendations is not None:
            recommendations.source = source
            document = recommendations
    return document, kind


def _check_pages(path: Path, pages: list[PageData], document: Plan | Review, kind: str) -> None:
    """Warnings for damaged pages, pages without text and characters without a Unicode value; an
    error when the document holds nothing (no measure, no proposal), saying why if it can.

    No page is skipped in silence: a damaged page (read_pages: reading it failed, its content stream
    is missing or does not decode; half the pages or more and read_pages fails) is named, for the
    measures on it may be missing, and so is a page that gave no text at all."""
    damaged = [p for p in pages if p.damage is not None]
    empty = not document.measures and not (isinstance(document, Review) and document.proposals)
    if damaged and empty:
        raise CorruptPdfError(
            f"no measures found in {path.name}, a damaged PDF: {damaged_pages(damaged, len(pages))} "
            "cannot be read in full",
            "download or export the file again",
        )
    if damaged:
        them = "it" if len(damaged) == 1 else "them"
        document.warnings.append(
            f"damaged PDF: {damaged_pages(damaged, len(pages))}: measures on {them} may be missing, cut "
            "or altered; download or export the file again"
        )
    blank = [p.number for p in pages if not p.chars and not p.images and p.damage is None]
    if blank:
        document.warnings.append(
            f"{_numbers(blank, 'page')} of {len(pages)} gave no text: blank, or their text could not be read "
            "(measures on them would be missing)"
        )
    scans = [p.number for p in pages if p.images and p.chars < 20]
    if scans:
        shown = ", ".join(str(n) for n in scans[:10]) + (", ..." if len(scans) > 10 else "")
        document.warnings.append(
            f"{len(scans)} page(s) are images without text (scanned?): {shown}; their text is missing, "
            "run OCR first, e.g. ocrmypdf in.pdf out.pdf"
        )
    undecoded = sum(p.undecoded for p in pages)
    ocr = "run OCR on it, e.g. ocrmypdf --force-ocr in.pdf out.pdf"
    if undecoded and empty:
        raise NoMeasuresError(
            f"no measures found in {path.name}: {undecoded} of its {sum(p.chars for p in pages)} characters "
            "cannot be decoded (fonts without a Unicode map)",
            ocr,
        )
    if undecoded:
        document.warnings.append(
            f"{undecoded} characters cannot be decoded (fonts without a Unicode map) and show as "
            f"« {UNDECODED} »; words holding them will not match: {ocr}"
        )
    if empty:
        raise _nothing_found(path, kind)


def _numbers(numbers: list[int], noun: str) -> str:
    """« page 4 », « pages 4, 9, 12 » (the first ten, then « and 3 more »)."""
    shown = ", ".join(str(n) for n in numbers[:10]) + (
        f" and {len(numbers) - 10} more" if len(numbers) > 10 else ""
    )
    return f"{noun}{'s' if len(numbers) > 1 else ''} {shown}"


def _nothing_found(path: Path, kind: str) -> NoMeasuresError:
    what = (
        "review table"
        if kind == "review"
        else "measure heading (« Mesure 5 », « MESURE N° 5 : », « Action 1.2 », « Fiche action 3 », "
        "« Engagement n° 7 – ») nor « Recommandation n° 1 : »"
    )
    hint = (
        "check that this is a plan or a review of one; try --layout review"
        if kind == "plan"
        else "check that this is a measure-by-measure review; try --layout plan"
    )
    return NoMeasuresError(f"no measures found in {path.name}: no {what} recognised", hint)


def _plan(layouts: list[PageLayout], source: Source) -> Plan:
    priorities, measures, warnings = segment_plan(layouts)
    if not measures:
        # No measure heading: a draft that is one table of measures (« N° | Mesure | Pilote »)?
        table = segment_table_plan(layouts)
        if table is not None:
            priorities, measures, warnings = table
    return Plan(
        title=document_title(layouts),
        source=source,
        priorities=priorities,
        measures=measures,
        warnings=warnings,
    )


def _review(layouts: list[PageLayout], source: Source) -> Review:
    review = segment_review(layouts)
    review.source = source
    return review
