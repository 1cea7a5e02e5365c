"""Render the fictional 2017-2019 draft plan (corpora/next/src/plan.yaml) as a two-column A4 PDF.

The layout imitates a French government action plan: a cover page, a table of contents with dot leaders
and page numbers, each axis opening on a new page under a full-width banner (« AXE 1 – ... »), then the
measures in two text columns: a heading (« Mesure 5 – ... », sometimes « MESURE 6 : ... »), the pilots /
partners / instrument / calendar lines in a shaded box (or as italic lines in some axes), then the body
paragraphs and bullets. Every page but the cover carries a running header and a page number.

No hyphenation: pyphen is not part of the [render] extra, and output must not depend on what else is
installed. Dev tool only (needs the [render] extra: reportlab, and Debian fonts-dejavu-core). Output is
byte-identical across runs.

    .venv/bin/python scripts/render_next_plan.py \
        corpora/next/src/plan.yaml corpora/next/plan-2017-2019-projet.pdf
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import yaml
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    FrameBreak,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.tableofcontents import TableOfContents

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONTS = {
    "Sans": "DejaVuSans.ttf",
    "Sans-Bold": "DejaVuSans-Bold.ttf",
    "Serif": "DejaVuSerif.ttf",
    "Serif-Bold": "DejaVuSerif-Bold.ttf",
    "Serif-Italic": "DejaVuSerif-Italic.ttf",
    "Serif-BoldItalic": "DejaVuSerif-BoldItalic.ttf",
}
PAGE_W, PAGE_H = A4
SIDE = 2.0 * cm
TOP = 2.3 * cm
BOTTOM = 2.0 * cm
GUTTER = 0.8 * cm
BANNER_H = 3.4 * cm
RUNNING_HEADER = "Plan national de lutte contre la traite des êtres humains 2017-2019 — projet"
MINISTRY = (
    "Secrétariat d’État chargé de l’égalité entre les femmes et les hommes",
    "Mission interministérielle pour la protection des femmes contre les violences "
    "et la lutte contre la traite des êtres humains (MIPROF)",
)
NOT_OFFICIAL = (
    "Texte fictif rédigé pour les utilisateurs et les tests de plancompare. "
    "Il ne s’agit pas d’un document officiel."
)
MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)
# Narrow no-break space before ; ? ! and inside « », no-break space before a colon.
FRENCH_SPACES = (
    (" ;", "\u202f;"),
    (" ?", "\u202f?"),
    (" !", "\u202f!"),
    (" :", "\u00a0:"),
    ("« ", "«\u202f"),
    (" »", "\u202f»"),
)
BLUE = colors.HexColor("#1F3A68")
PALE = colors.HexColor("#E8EDF5")
# Axes whose implementation lines are set as italic lines instead of a shaded box: real plans mix both.
ITALIC_AXES = {"4", "6"}


def register_fonts() -> None:
    """Register DejaVu Sans and Serif (full French coverage, embedded as subsets)."""
    for name, filename in FONTS.items():
        path = FONT_DIR / filename
        if not path.exists():
            sys.exit(f"font {path} not found (install Debian fonts-dejavu-core / fonts-dejavu-extra)")
        pdfmetrics.registerFont(TTFont(name, str(path)))
    pdfmetrics.registerFontFamily(
        "Serif", normal="Serif", bold="Serif-Bold", italic="Serif-Italic", boldItalic="Serif-BoldItalic"
    )
    pdfmetrics.registerFontFamily(
        "Sans", normal="Sans", bold="Sans-Bold", italic="Sans", boldItalic="Sans-Bold"
    )


def styles() -> dict[str, ParagraphStyle]:
    body = ParagraphStyle("body", fontName="Serif", fontSize=8.8, leading=11.6, alignment=TA_JUSTIFY)
    return {
        "body": ParagraphStyle("body_p", body, spaceAfter=4.5),
        "bullet": ParagraphStyle(
            "bullet", body, leftIndent=11, bulletIndent=1, bulletFontName="Serif", spaceAfter=3.5
        ),
        "numbered": ParagraphStyle("numbered", body, leftIndent=11, firstLineIndent=-11, spaceAfter=3.5),
        "measure": ParagraphStyle(
            "measure",
            fontName="Sans-Bold",
            fontSize=10,
            leading=12.5,
            textColor=BLUE,
            alignment=TA_LEFT,
            spaceBefore=9,
            spaceAfter=5,
        ),
        "action": ParagraphStyle(
            "action", fontName="Sans-Bold", fontSize=7.5, leading=9, textColor=colors.grey
        ),
        "box": ParagraphStyle("box", fontName="Sans", fontSize=7.8, leading=9.8),
        "italic": ParagraphStyle(
            "italic", body, fontName="Serif-Italic", fontSize=8.3, leading=10.4, alignment=TA_LEFT
        ),
        "banner": ParagraphStyle(
            "banner", fontName="Sans-Bold", fontSize=17, leading=21, textColor=colors.white, alignment=TA_LEFT
        ),
        "toc_title": ParagraphStyle(
            "toc_title", fontName="Sans-Bold", fontSize=16, leading=20, spaceAfter=14
        ),
        "cover_title": ParagraphStyle(
            "cover_title", fontName="Sans-Bold", fontSize=24, leading=30, textColor=BLUE, alignment=TA_CENTER
        ),
        "cover_big": ParagraphStyle(
            "cover_big", fontName="Sans-Bold", fontSize=15, leading=19, alignment=TA_CENTER, spaceBefore=18
        ),
        "cover": ParagraphStyle("cover", fontName="Sans", fontSize=11, leading=15, alignment=TA_CENTER),
        "cover_small": ParagraphStyle(
            "cover_small", fontName="Sans", fontSize=8, leading=10, alignment=TA_CENTER, textColor=colors.grey
        ),
    }


def french_date(value: dt.date | str) -> str:
    day = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
    return f"{'1er' if day.day == 1 else day.day} {MONTHS[day.month - 1]} {day.year}"


class AxisBanner(Flowable):
    """Full-width coloured band opening an axis; registered in the table of contents (level 0)."""

    def __init__(self, label: str, title: str, style: ParagraphStyle) -> None:
        super().__init__()
        self.toc_text = f"{label} – {title}"
        self.para = Paragraph(f"{escape(label.upper())} – {escape(title)}", style)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.para_height = self.para.wrap(avail_width - 1.2 * cm, avail_height)[1]
        self.height = max(2.4 * cm, self.para_height + 1.2 * cm)
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.setFillColor(BLUE)
        canvas.rect(0, 0, self.width, self.height, stroke=0, fill=1)
        self.para.drawOn(canvas, 0.6 * cm, (self.height - self.para_height) / 2)


class MeasureHeading(Paragraph):
    """A measure heading that also feeds the table of contents (level 1)."""

    def __init__(self, text: str, toc_text: str, style: ParagraphStyle) -> None:
        super().__init__(text, style)
        self.toc_text = toc_text


class PlanDoc(BaseDocTemplate):
    def afterFlowable(self, flowable: Flowable) -> None:
        # Feed the table of contents with the page each axis and measure starts on.
        if isinstance(flowable, AxisBanner):
            self.notify("TOCEntry", (0, escape(flowable.toc_text), self.page))
        elif isinstance(flowable, MeasureHeading):
            self.notify("TOCEntry", (1, escape(flowable.toc_text), self.page))


def french_spacing(text: str) -> str:
    """Non-breaking spaces of French typography, so « ; » or « » » never starts a line."""
    for plain, fixed in FRENCH_SPACES:
        text = text.replace(plain, fixed)
    return text


def heading_text(number: int, title: str) -> str:
    # Real plans are not consistent; a few headings use the capitalised « MESURE 6 : » form.
    if number % 5 == 1 and number > 1:
        return f"MESURE {number}\u00a0: {escape(french_spacing(title))}"
    return f"Mesure {number} – {escape(french_spacing(title))}"


def implementation_block(measure: dict[str, Any], axis_id: str, st: dict[str, ParagraphStyle], width: float):
    lines = [measure[key] for key in ("pilots", "partners", "instrument", "calendar") if measure.get(key)]
    if axis_id in ITALIC_AXES:
        return [Paragraph(escape(french_spacing(line)), st["italic"]) for line in lines] + [Spacer(0, 4)]
    rows = []
    for line in lines:
        label, _, rest = line.partition(" : ")
        rows.append([Paragraph(f"<b>{escape(label)}\u00a0:</b> {escape(french_spacing(rest))}", st["box"])])
    table = Table(rows, colWidths=[width])
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), PALE),
                ("LINEBEFORE", (0, 0), (0, -1), 2, BLUE),
                ("LEFTPADDING", (0, 0), (-1, -1), 6),
                ("RIGHTPADDING", (0, 0), (-1, -1), 5),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
                ("TOPPADDING", (0, 0), (-1, 0), 4),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 4),
            ]
        )
    )
    return [table, Spacer(0, 6)]


def body_paragraphs(text: str, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    out: list[Flowable] = []
    for block in (part.strip() for part in text.strip().split("\n\n")):
        if not block:
            continue
        block = french_spacing(" ".join(block.split()))
        if block.startswith("• "):
            out.append(Paragraph(escape(block[2:]), st["bullet"], bulletText="•"))
        elif block[:2].rstrip(".").isdigit() and block[1:3] == ". ":
            out.append(Paragraph(escape(block), st["numbered"]))
        else:
            out.append(Paragraph(escape(block), st["body"]))
    return out


def measure_flowables(
    measure: dict[str, Any], axis_id: str, st: dict[str, ParagraphStyle], width: float
) -> list[Flowable]:
    number, title = measure["number"], measure["title"]
    head: list[Flowable] = []
    if measure.get("action"):
        head.append(Paragraph(escape(measure["action"]), st["action"]))
    head.append(MeasureHeading(heading_text(number, title), f"Mesure {number} – {title}", st["measure"]))
    head += implementation_block(measure, axis_id, st, width)
    body = body_paragraphs(measure["text"], st)
    # Keep the heading with its box and first paragraph, never orphaned at a column foot.
    return [CondPageBreak(3 * cm), KeepTogether(head + body[:1]), *body[1:]]


def cover(data: dict[str, Any], st: dict[str, ParagraphStyle]) -> list[Flowable]:
    title = data["title"].replace(" — projet", "")
    return [
        Spacer(0, 5 * cm),
        Paragraph(escape(title), st["cover_title"]),
        Paragraph("PROJET — document de travail", st["cover_big"]),
        Spacer(0, 1.2 * cm),
        Paragraph(escape(french_date(data["date"])), st["cover"]),
        Spacer(0, 5.5 * cm),
        *(Paragraph(escape(line), st["cover"]) for line in MINISTRY),
        Spacer(0, 2.5 * cm),
        Paragraph(escape(NOT_OFFICIAL), st["cover_small"]),
    ]


def table_of_contents(st: dict[str, ParagraphStyle]) -> list[Flowable]:
    toc = TableOfContents(dotsMinLevel=0)
    toc.levelStyles = [
        ParagraphStyle(
            "toc0",
            fontName="Sans-Bold",
            fontSize=9,
            leading=11.5,
            leftIndent=0,
            firstLineIndent=0,
            spaceBefore=7,
            spaceAfter=2,
        ),
        ParagraphStyle(
            "toc1",
            fontName="Sans",
            fontSize=8,
            leading=10,
            leftIndent=14,
            rightIndent=24,
            firstLineIndent=0,
            spaceAfter=1,
        ),
    ]
    return [Paragraph("Sommaire", st["toc_title"]), toc]


def draw_running(canvas: Canvas, doc: BaseDocTemplate) -> None:
    canvas.saveState()
    canvas.setFont("Sans", 7.5)
    canvas.setFillColor(colors.grey)
    canvas.drawString(SIDE, PAGE_H - 1.3 * cm, RUNNING_HEADER)
    canvas.setStrokeColor(colors.lightgrey)
    canvas.setLineWidth(0.5)
    canvas.line(SIDE, PAGE_H - 1.45 * cm, PAGE_W - SIDE, PAGE_H - 1.45 * cm)
    canvas.setFont("Sans", 8.5)
    canvas.setFillColor(colors.black)
    canvas.drawCentredString(PAGE_W / 2, 1.1 * cm, str(doc.page))
    canvas.restoreState()


def page_templates() -> list[PageTemplate]:
    inner_w = PAGE_W - 2 * SIDE
    inner_h = PAGE_H - TOP - BOTTOM
    col_w = (inner_w - GUTTER) / 2

    def columns(height: float, prefix: str) -> list[Frame]:
        return [
            Frame(SIDE, BOTTOM, col_w, height, id=f"{prefix}left", leftPadding=0, rightPadding=0),
            Frame(
                SIDE + col_w + GUTTER,
                BOTTOM,
                col_w,
                height,
                id=f"{prefix}right",
                leftPadding=0,
                rightPadding=0,
            ),
        ]

    single = Frame(SIDE, BOTTOM, inner_w, inner_h, id="single", leftPadding=0, rightPadding=0)
    banner = Frame(
        SIDE,
        PAGE_H - TOP - BANNER_H,
        inner_w,
        BANNER_H,
        id="banner",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    return [
        PageTemplate("cover", [Frame(SIDE, BOTTOM, inner_w, inner_h, id="cover")]),
        PageTemplate("toc", [single], onPage=draw_running),
        PageTemplate("axis", [banner, *columns(inner_h - BANNER_H - 0.3 * cm, "axis")], onPage=draw_running),
        PageTemplate("columns", columns(inner_h, "col"), onPage=draw_running),
    ]


def render(source: Path, target: Path) -> int:
    register_fonts()
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    st = styles()
    col_w = (PAGE_W - 2 * SIDE - GUTTER) / 2
    target.parent.mkdir(parents=True, exist_ok=True)
    doc = PlanDoc(
        str(target),
        pagesize=A4,
        leftMargin=SIDE,
        rightMargin=SIDE,
        topMargin=TOP,
        bottomMargin=BOTTOM,
        title=data["title"],
        author=" – ".join(MINISTRY[:1]),
        subject=NOT_OFFICIAL,
        creator="plancompare scripts/render_next_plan.py",
        invariant=1,
    )
    doc.addPageTemplates(page_templates())
    story: list[Flowable] = [*cover(data, st), NextPageTemplate("toc"), PageBreak()]
    story += table_of_contents(st)
    for axis in data["axes"]:
        story += [NextPageTemplate("axis"), PageBreak()]
        story += [
            AxisBanner(f"Axe {axis['id']}", axis["title"], st["banner"]),
            NextPageTemplate("columns"),
            FrameBreak(),
        ]
        for measure in axis["measures"]:
            story += measure_flowables(measure, axis["id"], st, col_w)
    doc.multiBuild(story)
    return doc.page


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="plan YAML (corpora/next/src/plan.yaml)")
    parser.add_argument("target", type=Path, help="PDF to write")
    args = parser.parse_args()
    pages = render(args.source, args.target)
    print(f"wrote {args.target} ({pages} pages)")


if __name__ == "__main__":
    main()
