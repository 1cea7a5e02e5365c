"""Render the held-out fictional draft (corpora/heldout/src/plan.yaml) as a single-column A4 PDF.

The draft is NOT an official text: it exists so that the matching engine can be measured on a plan
whose wording and layout its developers did not tune on. The layout deliberately differs from the
other bundled draft: A4 portrait, one column, a cover page, a short table of contents (axes only, with
dot leaders and page numbers), a running header and a page-number footer, « AXE 1 » banners, measure
headings « Mesure n° 12. Titre » with slightly irregular spacing, « Pilote : » / « Partenaires : » /
« Instrument : » / « Échéance : » lines, then paragraphs and « • » bullets.

Dev tool only (needs the [render] extra: reportlab). Output is byte-identical across runs
(`invariant=1`, fixed metadata, embedded DejaVu subsets).

    .venv/bin/python scripts/render_heldout.py \
        corpora/heldout/src/plan.yaml corpora/heldout/plan-2018-2020.pdf
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import yaml
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
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
    "Serif": "DejaVuSerif.ttf",
    "Serif-Bold": "DejaVuSerif-Bold.ttf",
    "Serif-Italic": "DejaVuSerif-Italic.ttf",
    "Sans": "DejaVuSans.ttf",
    "Sans-Bold": "DejaVuSans-Bold.ttf",
}
PAGE_W, PAGE_H = A4
MARGIN_X = 2.3 * cm
MARGIN_TOP = 2.6 * cm
MARGIN_BOTTOM = 2.2 * cm
NBSP = "\u00a0"
RUNNING_HEADER = (
    "Plan national de mobilisation contre l’exploitation et la traite des êtres humains 2018-2020"
)
RUNNING_HEADER_RIGHT = "Projet – document de travail"
BLUE = colors.HexColor("#1f3a68")
RED = colors.HexColor("#b0203a")
GREY = colors.HexColor("#eef1f6")


def register_fonts() -> None:
    for name, file in FONTS.items():
        path = FONT_DIR / file
        if not path.is_file():
            sys.exit(f"font not found: {path} (apt-get install fonts-dejavu-core)")
        pdfmetrics.registerFont(TTFont(name, str(path)))
    pdfmetrics.registerFontFamily(
        "Serif", normal="Serif", bold="Serif-Bold", italic="Serif-Italic", boldItalic="Serif-Bold"
    )


def styles() -> dict[str, ParagraphStyle]:
    body = ParagraphStyle(
        "body", fontName="Serif", fontSize=10, leading=14, alignment=TA_JUSTIFY, spaceAfter=6
    )
    return {
        "body": body,
        "bullet": ParagraphStyle(
            "bullet", parent=body, leftIndent=18, bulletIndent=6, bulletFontName="Serif", spaceAfter=3
        ),
        "role": ParagraphStyle("role", fontName="Serif", fontSize=9, leading=12, textColor=colors.black),
        "axis_label": ParagraphStyle(
            "axis_label", fontName="Sans-Bold", fontSize=13, leading=16, textColor=colors.white
        ),
        "axis_title": ParagraphStyle(
            "axis_title", fontName="Sans-Bold", fontSize=15, leading=19, textColor=colors.white
        ),
        "measure": ParagraphStyle(
            "measure", fontName="Sans-Bold", fontSize=11.5, leading=15, textColor=BLUE, spaceAfter=5
        ),
        "cover_title": ParagraphStyle(
            "cover_title", fontName="Sans-Bold", fontSize=24, leading=31, alignment=TA_CENTER, textColor=BLUE
        ),
        "cover_sub": ParagraphStyle(
            "cover_sub",
            fontName="Serif",
            fontSize=13,
            leading=18,
            alignment=TA_CENTER,
            textColor=colors.black,
        ),
        "cover_note": ParagraphStyle(
            "cover_note", fontName="Serif-Italic", fontSize=9, leading=12, alignment=TA_CENTER, textColor=RED
        ),
        "h1": ParagraphStyle(
            "h1", fontName="Sans-Bold", fontSize=16, leading=20, textColor=BLUE, spaceAfter=14
        ),
        "toc": ParagraphStyle(
            "toc", fontName="Serif", fontSize=11, leading=16, leftIndent=0, firstLineIndent=0
        ),
    }


class AxisBanner(Flowable):
    """A full-width coloured band « AXE 1 » with the axis title; notifies the table of contents."""

    def __init__(self, axis_id: str, title: str, st: dict[str, ParagraphStyle], width: float) -> None:
        super().__init__()
        self.axis_id = axis_id
        self.title = title
        self.label = Paragraph(f"AXE{NBSP}{axis_id}", st["axis_label"])
        self.text = Paragraph(escape(title.upper()), st["axis_title"])
        self.width = width
        self.pad = 10

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        inner = self.width - 2 * self.pad
        _, h1 = self.label.wrap(inner, avail_h)
        _, h2 = self.text.wrap(inner, avail_h)
        self.h1, self.h2 = h1, h2
        self.height = h1 + h2 + 2 * self.pad + 6
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        c.setFillColor(BLUE)
        c.rect(0, 0, self.width, self.height, stroke=0, fill=1)
        self.text.drawOn(c, self.pad, self.pad)
        self.label.drawOn(c, self.pad, self.pad + self.h2 + 6)


class PlanDoc(BaseDocTemplate):
    """Sends each axis banner to the table of contents (level 0 only: the TOC stays short)."""

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, AxisBanner):
            self.notify("TOCEntry", (0, f"Axe {flowable.axis_id} – {flowable.title}", self.page))


def draw_running(canvas: Canvas, doc: BaseDocTemplate) -> None:
    canvas.saveState()
    canvas.setFont("Sans", 7.5)
    canvas.setFillColor(colors.grey)
    y = PAGE_H - 1.5 * cm
    canvas.drawString(MARGIN_X, y, RUNNING_HEADER)
    canvas.drawRightString(PAGE_W - MARGIN_X, y, RUNNING_HEADER_RIGHT)
    canvas.setStrokeColor(colors.lightgrey)
    canvas.line(MARGIN_X, y - 4, PAGE_W - MARGIN_X, y - 4)
    canvas.setFont("Sans", 8.5)
    canvas.setFillColor(colors.black)
    canvas.drawCentredString(PAGE_W / 2, 1.2 * cm, f"– {doc.page} –")
    canvas.restoreState()


def para_text(text: str) -> str:
    return escape(text)


def body_flowables(text: str, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    out: list[Flowable] = []
    for block in text.strip().split("\n\n"):
        for line in block.split("\n"):
            line = line.strip()
            if not line:
                continue
            if line.startswith("•"):
                out.append(Paragraph(para_text(line[1:].strip()), st["bullet"], bulletText="•"))
            else:
                out.append(Paragraph(para_text(line), st["body"]))
    return out


def role_line(line: str, st: dict[str, ParagraphStyle]) -> Paragraph:
    """« Pilote : ministère ... » with the label in bold, as the draft prints it."""
    label, sep, rest = line.partition(":")
    if not sep:
        return Paragraph(para_text(line), st["role"])
    return Paragraph(f"<b>{para_text(label)}:</b>{para_text(rest)}", st["role"])


def measure_heading(number: int, title: str) -> str:
    # The draft's headings are typed by hand: the space after « n° » is sometimes missing, sometimes
    # non-breaking, sometimes ordinary. Varied deterministically so the extractor meets all three.
    gap = {0: "", 1: NBSP, 2: " "}[number % 3]
    return f"Mesure n°{gap}{number}. {escape(title)}"


def measure_flowables(m: dict[str, Any], st: dict[str, ParagraphStyle], width: float) -> list[Flowable]:
    number = int(m["number"])
    head = Paragraph(measure_heading(number, m["title"]), st["measure"])
    roles = [m[k] for k in ("pilots", "partners", "instrument", "calendar") if m.get(k)]
    box = Table([[role_line(r, st)] for r in roles], colWidths=[width])
    box.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), GREY),
                ("LINEBEFORE", (0, 0), (0, -1), 2, BLUE),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ]
        )
    )
    # A little irregular vertical rhythm, as in a hand-laid document.
    before = 10 + (number * 7) % 5
    return [Spacer(1, before), KeepTogether([head, box, Spacer(1, 7)]), *body_flowables(m["text"], st)]


FOREWORD = (
    "Ce projet de plan a été établi à l’issue des travaux conduits depuis 2017 avec les ministères, les "
    "collectivités territoriales et les associations. Il s’appuie sur le bilan du plan d’action national "
    "2014-2016 et sur les recommandations adressées à la France par les instances internationales.",
    "Il est organisé en cinq axes et trente et une mesures. Chaque mesure précise l’administration "
    "pilote, ses partenaires, le cas échéant l’instrument retenu, ainsi que l’échéance de sa mise en "
    "œuvre. Un bilan d’exécution sera présenté chaque année.",
)


def build(plan: dict[str, Any], out: Path) -> None:
    register_fonts()
    st = styles()
    width = PAGE_W - 2 * MARGIN_X
    doc = PlanDoc(
        str(out),
        pagesize=A4,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=plan["title"],
        author="Projet de plan – document fictif (plancompare, corpus heldout)",
        subject="Document fictif, non officiel",
        creator="plancompare scripts/render_heldout.py",
        producer="reportlab",
        invariant=1,
        # Without this the canvas declares Helvetica (not embedded) on every page.
        initialFontName="Serif",
        initialFontSize=10,
    )
    frame = Frame(MARGIN_X, MARGIN_BOTTOM, width, PAGE_H - MARGIN_TOP - MARGIN_BOTTOM, id="body")
    doc.addPageTemplates(
        [
            PageTemplate(id="cover", frames=[frame]),
            PageTemplate(id="page", frames=[frame], onPage=draw_running),
        ]
    )
    story: list[Flowable] = [
        Spacer(1, 5 * cm),
        Paragraph("PREMIER MINISTRE", st["cover_sub"]),
        Spacer(1, 1.5 * cm),
        Paragraph(escape(plan["title"]), st["cover_title"]),
        Spacer(1, 1 * cm),
        Paragraph("Projet soumis à la concertation – février 2018", st["cover_sub"]),
        Spacer(1, 9 * cm),
        Paragraph(
            "Document fictif rédigé pour les essais du logiciel plancompare. Ce n’est pas un texte officiel.",
            st["cover_note"],
        ),
        NextPageTemplate("page"),
        PageBreak(),
        Paragraph("Sommaire", st["h1"]),
    ]
    toc = TableOfContents(dotsMinLevel=0)
    toc.levelStyles = [st["toc"]]
    story += [toc, Spacer(1, 1 * cm), Paragraph("Avant-propos", st["h1"])]
    story += [Paragraph(escape(p), st["body"]) for p in FOREWORD]
    for axis in plan["axes"]:
        story += [PageBreak(), AxisBanner(str(axis["id"]), axis["title"], st, width), Spacer(1, 6)]
        for m in axis["measures"]:
            story += measure_flowables(m, st, width)
    doc.multiBuild(story)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("source", type=Path, help="corpora/heldout/src/plan.yaml")
    ap.add_argument("output", type=Path, help="PDF to write")
    args = ap.parse_args(argv)
    plan = yaml.safe_load(args.source.read_text(encoding="utf-8"))
    build(plan, args.output)
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
