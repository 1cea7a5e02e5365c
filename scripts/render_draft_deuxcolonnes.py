"""Render the fictional draft plan of corpora/deuxcolonnes/src/plan.yaml as a two-column A4 brochure.

The draft is NOT an official text (its cover says so): a « Plan national de lutte contre la traite et
l’exploitation des êtres humains 2029-2032 » as a ministry publishes it, in two text columns. Layout: a cover
(kicker « Gouvernement », the ministry, the title, the years, a boxed « Document de travail » stamp and the
fictional-text notice; no footer); a one-page « Sommaire » listing the Avant-propos and the four parts with
their pages (not the measures); the minister's « Avant-propos » across the page; then each part on a new page
under a heading spanning both columns (« Partie II – … »), its measures flowing in two justified columns
across pages. Each measure opens with a run-in bold heading in the paragraph of its text (« Mesure 7. Titre.
Les personnes… »); a line opening with « - » in the source is an item of a short list; after some measures
an italic « Pilotes : … — Échéance : … » line. Shaded « Repères » / « Chiffres clés » boxes sit in the
columns. A running footer (the title, centred, over the page number) after the cover.

Dev tool only: needs the [render] extra (reportlab; the helpers imported from render_fixtures.py also import
fpdf2 and pypdf) and DejaVu fonts (Debian fonts-dejavu-core). Output is byte-identical across runs
(reportlab's invariant mode: fixed dates and document id; two passes for the Sommaire's page numbers).

    .venv/bin/python scripts/render_draft_deuxcolonnes.py \
        corpora/deuxcolonnes/src/plan.yaml corpora/deuxcolonnes/plan-2029-2032-deuxcolonnes.pdf
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import pdfplumber
import yaml
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    FrameBreak,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

sys.path.insert(0, str(Path(__file__).resolve().parent))
from render_fixtures import FONT_DIR, NBSP, TocDocTemplate, draft_cli, paragraphs, register_reportlab_fonts
from render_fixtures import french_typography as french

WIDTH, HEIGHT = A4
SIDE, TOP, BOTTOM = 20 * mm, 20 * mm, 24 * mm
GUTTER = 8 * mm
COLUMN = (WIDTH - 2 * SIDE - GUTTER) / 2
HEAD = 26 * mm  # the band of a part's first page that holds its heading, across both columns
SPLIT_X = SIDE + COLUMN + GUTTER / 2  # between the columns (for the text-layer check)
NAVY = colors.HexColor("#1d3557")
RED = colors.HexColor("#a61e28")
GREY = colors.HexColor("#666666")
PALE = colors.HexColor("#e6edf5")


def part_heading(part: dict[str, Any]) -> str:
    return f"Partie {part['number']} – {part['title']}"


def measure_heading(measure: dict[str, Any]) -> str:
    return f"Mesure {measure['number']}. {measure['title']}."


def field_line(measure: dict[str, Any]) -> str | None:
    parts = []
    if measure.get("pilots"):
        parts.append(f"Pilotes : {measure['pilots']}")
    if measure.get("deadline"):
        parts.append(f"Échéance : {measure['deadline']}")
    return " — ".join(parts) or None


def x(text: str) -> str:
    """French typography, then XML-escaped for a reportlab Paragraph."""
    return escape(french(text))


def styles() -> dict[str, ParagraphStyle]:
    body = ParagraphStyle(
        "body", fontName="DejaVuSerif", fontSize=9.5, leading=12.6, alignment=TA_JUSTIFY, spaceAfter=5
    )
    sans = "DejaVuSans"
    return {
        "body": body,
        "item": ParagraphStyle(
            "item", parent=body, leftIndent=4.5 * mm, bulletIndent=1 * mm, spaceAfter=2.5, alignment=TA_LEFT
        ),
        "meta": ParagraphStyle(
            "meta",
            fontName="DejaVuSerif-Italic",
            fontSize=8.5,
            leading=11,
            spaceBefore=1,
            spaceAfter=9,
            textColor=colors.HexColor("#333333"),
        ),
        "part": ParagraphStyle(
            "part", fontName=f"{sans}-Bold", fontSize=15, leading=19, textColor=NAVY, alignment=TA_LEFT
        ),
        "box_title": ParagraphStyle(
            "box_title", fontName=f"{sans}-Bold", fontSize=9.5, leading=12, textColor=NAVY, spaceAfter=3
        ),
        "box": ParagraphStyle("box", fontName=sans, fontSize=8.5, leading=11, spaceAfter=3),
        "kicker": ParagraphStyle(
            "kicker", fontName=f"{sans}-Bold", fontSize=11, leading=14, alignment=TA_CENTER, textColor=NAVY
        ),
        "ministry": ParagraphStyle(
            "ministry", fontName=sans, fontSize=9.5, leading=13, alignment=TA_CENTER, textColor=GREY
        ),
        "cover_title": ParagraphStyle(
            "cover_title",
            fontName=f"{sans}-Bold",
            fontSize=22,
            leading=29,
            alignment=TA_CENTER,
            textColor=NAVY,
        ),
        "years": ParagraphStyle(
            "years", fontName=f"{sans}-Bold", fontSize=22, leading=29, alignment=TA_CENTER, textColor=NAVY
        ),
        "stamp": ParagraphStyle(
            "stamp", fontName=f"{sans}-Bold", fontSize=11, leading=14, alignment=TA_CENTER, textColor=RED
        ),
        "notice": ParagraphStyle(
            "notice", fontName="DejaVuSerif-Italic", fontSize=9.5, leading=13, alignment=TA_CENTER
        ),
        "page_title": ParagraphStyle(
            "page_title", fontName=f"{sans}-Bold", fontSize=16, leading=21, textColor=NAVY, spaceAfter=12
        ),
        "toc": ParagraphStyle("toc", fontName=sans, fontSize=11, leading=15),
        "toc_page": ParagraphStyle("toc_page", fontName=sans, fontSize=11, leading=15, alignment=TA_RIGHT),
        "foreword": ParagraphStyle(
            "foreword", fontName="DejaVuSerif", fontSize=10.5, leading=15, alignment=TA_JUSTIFY, spaceAfter=8
        ),
        "signature": ParagraphStyle(
            "signature",
            fontName="DejaVuSerif-Italic",
            fontSize=10,
            leading=14,
            alignment=TA_RIGHT,
            spaceBefore=10,
        ),
    }


def keyed(flowable: Flowable, key: str) -> Flowable:
    flowable.toc_key = key  # type: ignore[attr-defined]
    return flowable


def text_flowables(text: str, st: dict[str, ParagraphStyle], lead: str = "") -> list[Flowable]:
    """A measure's paragraphs (the first opened by the run-in heading `lead`) and « - » list items."""
    out: list[Flowable] = []
    for block in text.strip().split("\n\n"):
        lines = [line.strip() for line in block.strip().splitlines() if line.strip()]
        prose: list[str] = []
        items: list[str] = []
        for line in lines:
            if line.startswith("- "):
                items.append(line[2:])
            elif items:
                items[-1] += " " + line
            else:
                prose.append(line)
        if prose:
            out.append(Paragraph(lead + x(" ".join(prose)), st["body"]))
            lead = ""
        for item in items:
            out.append(Paragraph(x(item), st["item"], bulletText="–"))
    return out


def box(data: dict[str, Any], st: dict[str, ParagraphStyle]) -> Table:
    cell = [Paragraph(x(data["title"]), st["box_title"])]
    cell += [Paragraph(x(p), st["box"]) for p in paragraphs(data["text"])]
    table = Table([[cell]], colWidths=[COLUMN])
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), PALE),
                ("LINEABOVE", (0, 0), (-1, 0), 1.2, NAVY),
                ("LEFTPADDING", (0, 0), (-1, -1), 7),
                ("RIGHTPADDING", (0, 0), (-1, -1), 7),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return table


def story(data: dict[str, Any], st: dict[str, ParagraphStyle], pages: dict[str, int]) -> list[Flowable]:
    cover = data["cover"]
    full = WIDTH - 2 * SIDE
    stamp = Table([[Paragraph(x(cover["stamp"]), st["stamp"])]], colWidths=[full - 30 * mm])
    stamp.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 1.2, RED),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
            ]
        )
    )
    notice = Table([[Paragraph(x(cover["notice"]), st["notice"])]], colWidths=[full])
    notice.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), PALE),
                ("LEFTPADDING", (0, 0), (-1, -1), 10),
                ("RIGHTPADDING", (0, 0), (-1, -1), 10),
                ("TOPPADDING", (0, 0), (-1, -1), 8),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 9),
            ]
        )
    )
    out: list[Flowable] = [
        Paragraph(x(cover["kicker"]), st["kicker"]),
        Spacer(0, 2 * mm),
        Paragraph(x(cover["ministry"]), st["ministry"]),
        Spacer(0, 55 * mm),
        *[Paragraph(x(line), st["cover_title"]) for line in cover["title_lines"]],
        Spacer(0, 5 * mm),
        Paragraph(x(cover["years"]), st["years"]),
        Spacer(0, 40 * mm),
        stamp,
        Spacer(0, 48 * mm),
        notice,
        NextPageTemplate("full"),
        PageBreak(),
        Paragraph(x(data["sommaire_title"]), st["page_title"]),
        Spacer(0, 4 * mm),
    ]
    entries = [("foreword", data["foreword"]["title"])]
    entries += [(f"part-{p['number']}", part_heading(p)) for p in data["parts"]]
    rows = [
        [Paragraph(x(label), st["toc"]), Paragraph(str(pages.get(key, 0)), st["toc_page"])]
        for key, label in entries
    ]
    toc = Table(rows, colWidths=[full - 20 * mm, 20 * mm])
    toc.setStyle(
        TableStyle(
            [
                ("LEFTPADDING", (0, 0), (0, -1), 0),
                ("RIGHTPADDING", (-1, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                ("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.HexColor("#b0b8c4")),
            ]
        )
    )
    out += [toc, PageBreak()]
    foreword = data["foreword"]
    out.append(keyed(Paragraph(x(foreword["title"]), st["page_title"]), "foreword"))
    out += [Paragraph(x(p), st["foreword"]) for p in paragraphs(foreword["text"])]
    out.append(Paragraph(x(foreword["signature"]), st["signature"]))
    for part in data["parts"]:
        out += [NextPageTemplate("part"), PageBreak(), NextPageTemplate("columns")]
        out.append(keyed(Paragraph(x(part_heading(part)), st["part"]), f"part-{part['number']}"))
        out.append(FrameBreak())
        boxes = {b["after"]: b for b in part.get("boxes", [])}
        for measure in part["measures"]:
            lead = f"<b>{x(measure_heading(measure))}</b> "
            flowables = text_flowables(measure["text"], st, lead)
            line = field_line(measure)
            if line:
                flowables.append(Paragraph(x(line), st["meta"]))
            else:
                flowables.append(Spacer(0, 4))
            out += flowables
            if measure["number"] in boxes:
                out += [Spacer(0, 2 * mm), box(boxes[measure["number"]], st), Spacer(0, 5 * mm)]
    return out


def build(data: dict[str, Any], target: Path, pages: dict[str, int]) -> None:
    st = styles()
    footer = french(data["running_footer"])

    def decorate(canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setFillColor(GREY)
        canvas.setFont("DejaVuSans", 7)
        canvas.drawCentredString(WIDTH / 2, 14 * mm, footer)
        canvas.setFont("DejaVuSans-Bold", 8.5)
        canvas.drawCentredString(WIDTH / 2, 9.5 * mm, str(doc.page))
        canvas.restoreState()

    doc = TocDocTemplate(
        str(target),
        pages,
        pagesize=A4,
        leftMargin=SIDE,
        rightMargin=SIDE,
        topMargin=TOP,
        bottomMargin=BOTTOM,
        title=data["title"],
        author="Document de travail fictif (plancompare)",
        creator="plancompare scripts/render_draft_deuxcolonnes.py",
        invariant=1,
    )
    body_height = HEIGHT - TOP - BOTTOM
    whole = Frame(SIDE, BOTTOM, WIDTH - 2 * SIDE, body_height, id="whole")
    left = Frame(SIDE, BOTTOM, COLUMN, body_height, id="left")
    right = Frame(SIDE + COLUMN + GUTTER, BOTTOM, COLUMN, body_height, id="right")
    head = Frame(SIDE, HEIGHT - TOP - HEAD, WIDTH - 2 * SIDE, HEAD, id="head")
    left_low = Frame(SIDE, BOTTOM, COLUMN, body_height - HEAD, id="left-low")
    right_low = Frame(SIDE + COLUMN + GUTTER, BOTTOM, COLUMN, body_height - HEAD, id="right-low")

    def rule(canvas: Canvas, doc: BaseDocTemplate) -> None:
        decorate(canvas, doc)
        canvas.saveState()
        canvas.setStrokeColor(NAVY)
        canvas.setLineWidth(0.8)
        y = HEIGHT - TOP - HEAD + 5 * mm
        canvas.line(SIDE, y, WIDTH - SIDE, y)
        canvas.restoreState()

    doc.addPageTemplates(
        [
            PageTemplate("cover", [whole]),
            PageTemplate("full", [whole], onPage=decorate),
            PageTemplate("part", [head, left_low, right_low], onPage=rule),
            PageTemplate("columns", [left, right], onPage=decorate),
        ]
    )
    doc.build(story(data, st, pages))


def check_text_layer(target: Path, data: dict[str, Any]) -> None:
    """Stop unless every part heading (across the page) and every measure heading and field line (in its
    column: pdfplumber reads a page's two columns line by line together) is in the text layer. The running
    footer is cropped off, since a paragraph may run on from a column's foot to the next page's."""
    whole: list[str] = []
    columns: list[str] = []
    with pdfplumber.open(target) as pdf:
        for page in pdf.pages:
            body = page.height - BOTTOM + 4 * mm  # above the footer
            text = page.crop((0, 0, page.width, body)).extract_text() or ""
            whole.append(text)
            # Below a part's heading, which spans both columns.
            top = TOP + HEAD - 6 * mm if text.startswith("Partie ") else 0
            for bbox in ((0, top, SPLIT_X, body), (SPLIT_X, top, page.width, body)):
                columns.append(page.crop(bbox).extract_text() or "")

    def flat(texts: list[str]) -> str:
        return " ".join("\n".join(texts).replace(NBSP, " ").split())

    page_text, column_text = flat(whole), flat(columns)
    wanted_page = [data["sommaire_title"], data["foreword"]["title"]]
    wanted_page += [part_heading(p) for p in data["parts"]]
    wanted_columns = []
    for part in data["parts"]:
        for measure in part["measures"]:
            wanted_columns.append(measure_heading(measure))
            line = field_line(measure)
            if line:
                wanted_columns.append(line)
    for line, text in [(w, page_text) for w in wanted_page] + [(w, column_text) for w in wanted_columns]:
        if " ".join(line.split()) not in text:
            sys.exit(f"not found in the text layer: {line!r}")


def render(source: Path, target: Path) -> None:
    register_reportlab_fonts()
    for name, filename in (("DejaVuSerif-Italic", "DejaVuSerif-Italic.ttf"),):
        pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / filename)))
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    pages: dict[str, int] = {}
    build(data, target, pages)  # first pass: the pages of the Avant-propos and of each part
    first = dict(pages)
    build(data, target, pages)  # second pass: print them in the Sommaire
    if pages != first:
        sys.exit("page numbers differ between the two passes")
    check_text_layer(target, data)


def main() -> None:
    draft_cli(render, __doc__, "deuxcolonnes")


if __name__ == "__main__":
    main()
