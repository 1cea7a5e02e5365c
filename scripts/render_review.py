"""Render the coalition's 2017 review (shared/corpus-src YAML) as a three-column landscape PDF.

The original PDF (Collectif « Ensemble contre la traite des êtres humains », 9 March 2017) is not
redistributable as such; this script rebuilds it from its faithful text reconstruction so that the
extractor can be run on a real table layout: general demands on the first page(s), then a three-column
table whose header row repeats on every page and whose cells break across pages.

Dev tool only (needs the [render] extra: reportlab). Output is byte-identical across runs.

    .venv/bin/python scripts/render_review.py \
        corpora/2014-2016/src/collectif-2017-review.yaml corpora/2014-2016/collectif-2017-review.pdf
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import yaml
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    LongTable,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    TableStyle,
)

FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"),)
PAGE = landscape(A4)
MARGIN = 1.5 * cm
FOOTER = (
    "Bilan du 1er plan national de lutte contre la traite des êtres humains et perspectives pour le 2e plan "
    "d’action national, par le Collectif « Ensemble contre la traite des êtres humains » – 9 mars 2017 – "
    "Contact : genevieve.colas@secours-catholique.org , 06 71 00 69 90"
)
HEADER_CELLS = (
    "Plan d’action national contre la traite des êtres humains de Mai 2014<br/>Texte mesure par mesure :",
    "Constats du Collectif en mars 2017 :",
    "Propositions du Collectif",
)
# Column shares of the original table (plan text is the widest column).
COLUMN_SHARES = (0.40, 0.33, 0.27)
# The original writes the measure headings with irregular spacing ("MESURE N°2 :" but "MESURE N° 3 :");
# reproduced from the seed so the extractor meets both forms.
TIGHT_HEADINGS = {2, 4, 6, 16, 17, 19, 20, 21, 22, 23}
# Priority banners: the first uses a colon, the others a dash, as in the original.
PRIORITY_SEPARATOR = {"I": " : "}


def register_fonts() -> None:
    """Register DejaVu Sans (full French coverage, embedded as a subset in the PDF)."""
    for name, filename in (("DejaVuSans", "DejaVuSans.ttf"), ("DejaVuSans-Bold", "DejaVuSans-Bold.ttf")):
        for folder in FONT_DIRS:
            path = folder / filename
            if path.exists():
                pdfmetrics.registerFont(TTFont(name, str(path)))
                break
        else:
            sys.exit(f"font {filename} not found (install Debian fonts-dejavu-core)")
    pdfmetrics.registerFontFamily("DejaVuSans", normal="DejaVuSans", bold="DejaVuSans-Bold")


def styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName="DejaVuSans", fontSize=8.5, leading=10.5)
    return {
        "title": ParagraphStyle(
            "title", base, fontName="DejaVuSans-Bold", fontSize=13, leading=16, alignment=TA_CENTER
        ),
        "subtitle": ParagraphStyle(
            "subtitle", base, fontSize=11, leading=14, alignment=TA_CENTER, spaceAfter=10
        ),
        "analysis": ParagraphStyle(
            "analysis",
            base,
            fontName="DejaVuSans-Bold",
            fontSize=9.5,
            leading=12,
            spaceBefore=6,
            spaceAfter=8,
        ),
        "demand": ParagraphStyle("demand", base, fontSize=9, leading=11.5, spaceAfter=3),
        "members_head": ParagraphStyle(
            "members_head",
            base,
            fontName="DejaVuSans-Bold",
            fontSize=9,
            leading=11.5,
            spaceBefore=16,
            spaceAfter=3,
        ),
        "members": ParagraphStyle("members", base, fontSize=8.5, leading=11),
        "contact": ParagraphStyle("contact", base, fontSize=8.5, leading=11, spaceBefore=3),
        "head": ParagraphStyle("head", base, fontName="DejaVuSans-Bold", fontSize=9, leading=11),
        "banner": ParagraphStyle("banner", base, fontName="DejaVuSans-Bold", fontSize=10, leading=12.5),
        "section": ParagraphStyle(
            "section", base, fontName="DejaVuSans-Bold", fontSize=9, leading=11.5, alignment=TA_CENTER
        ),
        "measure": ParagraphStyle(
            "measure", base, fontName="DejaVuSans-Bold", fontSize=8.5, leading=10.5, spaceAfter=5
        ),
        "box": ParagraphStyle(
            "box",
            base,
            fontSize=8,
            leading=10,
            borderWidth=0.5,
            borderColor=colors.black,
            borderPadding=3,
            spaceBefore=3,
            spaceAfter=8,
        ),
        "cell": ParagraphStyle("cell", base, spaceAfter=4),
        "cell_caps": ParagraphStyle("cell_caps", base, fontName="DejaVuSans-Bold", spaceAfter=4),
    }


def paragraphs(text: str | None) -> list[str]:
    """Split a YAML block into its paragraphs (blank-line separated)."""
    if not text:
        return []
    return [" ".join(part.split()) for part in text.strip().split("\n\n") if part.strip()]


def para(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text), style)


def is_caps_heading(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) > 8 and all(c.isupper() for c in letters)


def measure_heading(number: int, title: str) -> str:
    gap = "" if number in TIGHT_HEADINGS else " "
    return f"MESURE N°{gap}{number} : {title}"


def plan_column(measure: dict[str, Any], st: dict[str, ParagraphStyle]) -> list[Flowable]:
    cell: list[Flowable] = []
    # The original has no heading for measure 1: its cell opens directly on the implementation box.
    if measure["number"] != 1:
        cell.append(para(measure_heading(measure["number"], measure["title"]), st["measure"]))
    box_lines = [escape(line) for line in (measure.get("implementation"), measure.get("instrument")) if line]
    if box_lines:
        cell.append(Paragraph("<br/>".join(box_lines), st["box"]))
    for text in paragraphs(measure.get("plan_text")):
        cell.append(para(text, st["cell_caps"] if is_caps_heading(text) else st["cell"]))
    return cell


def proposals_column(measure: dict[str, Any], st: dict[str, ParagraphStyle]) -> list[Flowable]:
    # A proposal with several paragraphs keeps them as separate paragraphs of the same cell.
    return [para(text, st["cell"]) for prop in measure["proposals"] for text in paragraphs(prop["text"])]


def front_page(doc: dict[str, Any], st: dict[str, ParagraphStyle]) -> list[Flowable]:
    data = doc["document"]
    title = data["title"]
    head, sep, tail = title.partition(" Constats ")
    story: list[Flowable] = [
        para(head, st["title"]),
        para(sep.strip() + " " + tail if sep else "", st["subtitle"]),
    ]
    unplaced = doc.get("unplaced") or []
    if unplaced:
        story.append(para(unplaced[0], st["analysis"]))
    for demand in doc["general_demands"]:
        text = " ".join(demand["text"].split())
        # The original sets the lead-in "Cependant," on a line of its own above the bullet it introduces.
        if text.startswith("Cependant, "):
            story.append(para("Cependant,", st["demand"]))
            text = text.removeprefix("Cependant, ")
        story.append(para(text, st["demand"]))
    if len(unplaced) > 1:
        story.append(para(unplaced[1], st["members_head"]))
    story.append(para(", ".join(data["signatories"]) + ".", st["members"]))
    if len(unplaced) > 2:
        story.append(para(unplaced[2], st["contact"]))
    story.append(PageBreak())
    return story


def review_table(doc: dict[str, Any], st: dict[str, ParagraphStyle], width: float) -> LongTable:
    measures = {m["number"]: m for m in doc["measures"]}
    rows: list[list[Any]] = [[Paragraph(text, st["head"]) for text in HEADER_CELLS]]
    commands: list[tuple[Any, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#d9d9d9")),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]

    def full_width(text: str, style: ParagraphStyle, background: str) -> None:
        row = len(rows)
        rows.append([Paragraph(escape(text), style), "", ""])
        commands.append(("SPAN", (0, row), (-1, row)))
        commands.append(("BACKGROUND", (0, row), (-1, row), colors.HexColor(background)))

    for priority in doc["priorities"]:
        separator = PRIORITY_SEPARATOR.get(priority["id"], " – ")
        full_width(f"PRIORITE {priority['id']}{separator}{priority['title']}", st["banner"], "#bfbfbf")
        for section in priority["sections"]:
            if section["title"]:
                full_width(section["title"], st["section"], "#f2f2f2")
            for number in section["measures"]:
                measure = measures[number]
                rows.append(
                    [
                        plan_column(measure, st),
                        [para(text, st["cell"]) for text in paragraphs(measure.get("constats"))],
                        proposals_column(measure, st),
                    ]
                )
    return LongTable(
        rows,
        colWidths=[width * share for share in COLUMN_SHARES],
        repeatRows=1,
        # Split inside a row first (as the original does: a cell continues on the next page under the
        # repeated header); splitting between rows first would leave half-empty pages.
        splitByRow=0,
        splitInRow=1,
        style=TableStyle(commands),
    )


def draw_footer(canvas: Canvas, doc: SimpleDocTemplate) -> None:
    canvas.saveState()
    style = ParagraphStyle("footer", fontName="DejaVuSans", fontSize=7, leading=8.5)
    footer = Paragraph(escape(FOOTER), style)
    width = PAGE[0] - 2 * MARGIN - 1.5 * cm
    _, height = footer.wrap(width, MARGIN)
    footer.drawOn(canvas, MARGIN, 0.8 * cm + (2 * 8.5 - height))
    # The page number sits under the footer, at the right, as in the original.
    canvas.setFont("DejaVuSans", 9)
    canvas.drawRightString(PAGE[0] - MARGIN, 0.35 * cm, str(doc.page))
    canvas.restoreState()


def render(source: Path, target: Path) -> int:
    register_fonts()
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    st = styles()
    target.parent.mkdir(parents=True, exist_ok=True)
    doc = SimpleDocTemplate(
        str(target),
        pagesize=PAGE,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=1.2 * cm,
        bottomMargin=1.6 * cm,
        title="Plan d’action national contre la traite des êtres humains 2014 – 2016 et suivant : "
        "constats et propositions",
        author=data["document"]["author"],
        creator="plancompare scripts/render_review.py",
        invariant=1,
    )
    story = front_page(data, st)
    story.append(Spacer(0, 0))
    story.append(review_table(data, st, doc.width))
    doc.build(story, onFirstPage=draw_footer, onLaterPages=draw_footer)
    return doc.page


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="review YAML (shared/corpus-src format)")
    parser.add_argument("target", type=Path, help="PDF to write")
    args = parser.parse_args()
    pages = render(args.source, args.target)
    print(f"wrote {args.target} ({pages} pages)")


if __name__ == "__main__":
    main()
