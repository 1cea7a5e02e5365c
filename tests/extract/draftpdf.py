"""What the labelled drafts' extraction tests read of a rendered draft: its text flattened, each page's
text without its running footer, and its plan as the extractor reads it afresh."""

from __future__ import annotations

from pathlib import Path

import pdfplumber

from plancompare.extract.document import extract
from plancompare.models import Plan


def flat(text: str) -> str:
    """`text` on one line, non-breaking spaces as spaces: as a PDF's lines compare with the source's."""
    return " ".join(text.replace("\u00a0", " ").split())


def page_texts(pdf_path: Path, footer_mm: float) -> list[str]:
    """Each page's text, flat, its running footer (the last `footer_mm` millimetres) left out: a
    paragraph may run on to the next page."""
    with pdfplumber.open(pdf_path) as pdf:
        foot = footer_mm * 72 / 25.4
        return [
            flat(page.crop((0, 0, page.width, page.height - foot)).extract_text() or "") for page in pdf.pages
        ]


def plan_of(pdf_path: Path) -> Plan:
    """The plan the extractor reads in `pdf_path`, not from its cache."""
    extracted = extract(pdf_path, use_cache=False)
    assert isinstance(extracted, Plan)
    return extracted
