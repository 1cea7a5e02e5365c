"""Render the fictional draft roadmap of corpora/feuilleroute/src/plan.yaml as a one-column A4 PDF.

The draft is NOT an official text (its cover says so): a « Feuille de route nationale de lutte contre la
traite des êtres humains 2036-2039 », written in the first person plural, in four « Ambition I » … « Ambition
IV » parts and twenty-nine measures headed « N° 7 · Titre court », numbered straight through. Layout: a
cover (kicker, title, years, subtitle, a boxed « Document de travail » stamp and the fictional-text notice;
no footer); « Le mot de la ministre » (one page, signed); a « Sommaire » listing the minister's word, the
four ambitions and, under each, its measures as « N° 7 · Titre » with dot leaders and page numbers, and
the annex; each ambition on a new page (« Ambition II » over its title, then a shaded « Où en
sommes-nous ? » box); then its measures, one after the other: the heading, a small « Pourquoi » label over
an italic paragraph, « Ce que nous ferons » over the commitments (paragraphs, and dash items with a
hanging indent, some after a lead sentence), and one inline fields line « Qui ? … · Quand ? … · Combien ?
… » (labels in bold). Last, the annex « Nos engagements en un coup d’œil »: a table of every measure (N°,
title, Qui ?, Quand ?). After the cover, every page carries a running footer (left) and its page number
(right). DejaVu Sans throughout (with its oblique for the italics).

Dev tool only: needs the [render] extra (fpdf2; the fixture helpers imported from render_fixtures.py also
import reportlab and pypdf) and DejaVu fonts (Debian fonts-dejavu-core). The page numbers of the Sommaire
come from a first rendering pass. Output is byte-identical across runs (fixed creation date, embedded
DejaVu subsets).

    .venv/bin/python scripts/render_draft_feuilleroute.py \
        corpora/feuilleroute/src/plan.yaml corpora/feuilleroute/feuille-de-route-2036-2039.pdf
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

import pdfplumber
import yaml
from fpdf import FPDF
from fpdf.fonts import FontFace

sys.path.insert(0, str(Path(__file__).resolve().parent))
from render_fixtures import (
    FONT_DIR,
    NBSP,
    TwoPass,
    cover_notice,
    cover_stamp,
    dotted_toc_entry,
    draft_cli,
    fpdf_setup,
    render_twice,
)
from render_fixtures import french_typography as french_base

SANS = "DejaVuSans"
CREATED = dt.date(2036, 3, 12)
MARGINS = (22.0, 20.0)  # side, top (mm)
BOTTOM = 20.0
PLUM = (102, 36, 92)
GREY = (100, 100, 100)
SHADE = (244, 236, 242)
RED = (175, 30, 40)
DASH_INDENT = 6.0  # where a dash item's text starts (mm from the margin)


def french(text: str) -> str:
    """French typography, and a non-breaking space after « N° »."""
    return french_base(text).replace("N° ", "N°" + NBSP)


def heading(measure: dict[str, Any]) -> str:
    return f"N° {measure['number']} · {measure['title']}"


def fields(measure: dict[str, Any]) -> list[tuple[str, str]]:
    """The fields line's (label, value) pairs: Qui ?, Quand ? and, when given, Combien ?"""
    pairs = [("Qui ?", measure["qui"]), ("Quand ?", measure["quand"])]
    if measure.get("combien"):
        pairs.append(("Combien ?", measure["combien"]))
    return pairs


def fields_line(measure: dict[str, Any]) -> str:
    return " · ".join(f"{label} {value}" for label, value in fields(measure))


class RoadmapPDF(FPDF):
    running_footer = ""

    def footer(self) -> None:
        if self.page_no() == 1:
            return
        width = self.w - self.l_margin - self.r_margin
        self.set_draw_color(*PLUM)
        self.set_line_width(0.2)
        self.line(self.l_margin, self.h - 15, self.w - self.r_margin, self.h - 15)
        self.set_xy(self.l_margin, self.h - 13.5)
        self.set_font(SANS, "", 7.5)
        self.set_text_color(*GREY)
        self.cell(width - 15, 4, self.running_footer)
        self.set_font(SANS, "B", 8)
        self.cell(15, 4, str(self.page_no()), align="R")
        self.set_text_color(0, 0, 0)


class Renderer(TwoPass):
    """One rendering pass; `pages` records where the minister's word, each ambition, each measure and
    the annex start."""

    def __init__(self, data: dict[str, Any], toc_pages: dict[str, int] | None) -> None:
        self.data = data
        self.toc_pages = toc_pages or {}
        self.pages: dict[str, int] = {}
        pdf = RoadmapPDF(orientation="portrait", format="A4")
        pdf.running_footer = french(data["running_footer"])
        cover = data["cover"]
        self.width = fpdf_setup(pdf, f"{cover['title']} {cover['years']}", CREATED, MARGINS, (SANS,))
        pdf.set_creator("plancompare scripts/render_draft_feuilleroute.py")
        pdf.add_font(SANS, "I", str(FONT_DIR / "DejaVuSans-Oblique.ttf"))
        pdf.add_font(SANS, "BI", str(FONT_DIR / "DejaVuSans-BoldOblique.ttf"))
        pdf.set_auto_page_break(True, margin=BOTTOM)
        self.pdf = pdf

    # ---- pieces ---------------------------------------------------------------------------------

    def room(self, mm: float) -> None:
        """A new page unless `mm` millimetres remain above the bottom margin (keeps a heading with the
        first lines under it)."""
        if self.pdf.get_y() + mm > self.pdf.h - BOTTOM:
            self.pdf.add_page()

    def para(self, text: str, size: float = 10, leading: float = 5.2, style: str = "") -> None:
        pdf = self.pdf
        pdf.set_font(SANS, style, size)
        pdf.multi_cell(self.width, leading, french(text), align="J", new_x="LMARGIN", new_y="NEXT")

    def label(self, text: str) -> None:
        """A small coloured label over what follows (« Pourquoi », « Ce que nous ferons »)."""
        pdf = self.pdf
        pdf.set_font(SANS, "B", 8.5)
        pdf.set_text_color(*PLUM)
        pdf.cell(self.width, 4.6, french(text), new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0, 0, 0)
        pdf.ln(0.6)

    def dash(self, text: str) -> None:
        """A dash item with a hanging indent: the dash in the gutter, the text aligned after it."""
        pdf = self.pdf
        pdf.set_font(SANS, "", 10)
        pdf.set_x(pdf.l_margin + DASH_INDENT - 4)
        pdf.cell(4, 5.2, "–")
        pdf.set_x(pdf.l_margin + DASH_INDENT)
        pdf.multi_cell(self.width - DASH_INDENT, 5.2, french(text), align="J", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(0.6)

    def fields(self, measure: dict[str, Any]) -> None:
        """« Qui ? … · Quand ? … · Combien ? … » on one line (wrapping if long), labels in bold."""
        pdf = self.pdf
        pdf.set_font(SANS, "", 9)
        parts = []
        for index, (label, value) in enumerate(fields(measure)):
            sep = " · " if index else ""
            parts.append(f"{sep}**{french(label)}** {french(value)}")
        pdf.set_text_color(*PLUM)
        pdf.multi_cell(self.width, 4.8, "".join(parts), markdown=True, new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0, 0, 0)

    # ---- parts ----------------------------------------------------------------------------------

    def cover(self) -> None:
        pdf, cover = self.pdf, self.data["cover"]
        pdf.add_page()
        pdf.set_font(SANS, "", 9)
        pdf.set_text_color(*GREY)
        pdf.multi_cell(self.width, 5, french(cover["kicker"]), align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.set_fill_color(*PLUM)
        pdf.rect(0, 58, pdf.w, 74, style="F")
        pdf.set_y(66)
        pdf.set_text_color(255, 255, 255)
        pdf.set_font(SANS, "B", 22)
        pdf.multi_cell(self.width, 11, french(cover["title"]), align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
        pdf.set_font(SANS, "B", 30)
        pdf.cell(self.width, 14, cover["years"], new_x="LMARGIN", new_y="NEXT")
        pdf.set_y(140)
        pdf.set_text_color(*PLUM)
        pdf.set_font(SANS, "", 14)
        pdf.multi_cell(self.width, 7, french(cover["subtitle"]), align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0, 0, 0)
        cover_stamp(pdf, self.width, cover["stamp"], 172, RED, SANS)
        cover_notice(pdf, self.width, cover["notice"], 236, SHADE, SANS)

    def minister(self) -> None:
        pdf, word = self.pdf, self.data["minister"]
        pdf.add_page()
        self.pages["minister"] = pdf.page_no()
        pdf.set_text_color(*PLUM)
        pdf.set_font(SANS, "B", 18)
        pdf.cell(self.width, 10, french(word["title"]), new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0, 0, 0)
        pdf.ln(6)
        for text in word["paragraphs"]:
            self.para(" ".join(text.split()), size=10.5, leading=5.8)
            pdf.ln(3.5)
        pdf.ln(4)
        pdf.set_font(SANS, "I", 10)
        pdf.multi_cell(self.width, 5.4, french(word["signature"]), align="R", new_x="LMARGIN", new_y="NEXT")

    def toc_entry(self, key: str, label: str, indent: float, style: str, size: float = 9.5) -> None:
        """« label ....... 7 »: the label wraps if long; the leaders and the page end its last line."""
        self.pdf.set_font(SANS, style, size)
        page = str(self.toc_pages.get(key, 0))
        dotted_toc_entry(self.pdf, self.width, french(label), page, indent, 5)

    def sommaire(self) -> None:
        pdf = self.pdf
        pdf.add_page()
        pdf.set_text_color(*PLUM)
        pdf.set_font(SANS, "B", 18)
        pdf.cell(self.width, 10, french(self.data["sommaire_title"]), new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0, 0, 0)
        pdf.ln(4)
        self.toc_entry("minister", self.data["minister"]["title"], 0, "B")
        pdf.ln(1.5)
        for ambition in self.data["ambitions"]:
            number = ambition["number"]
            self.toc_entry(f"a{number}", f"Ambition {number} — {ambition['title']}", 0, "B")
            for measure in ambition["measures"]:
                self.toc_entry(f"m{measure['number']}", heading(measure), 7, "", 9)
            pdf.ln(1.5)
        self.toc_entry("annex", self.data["annex"]["title"], 0, "B")

    def ambition(self, ambition: dict[str, Any]) -> None:
        pdf = self.pdf
        pdf.add_page()
        self.pages[f"a{ambition['number']}"] = pdf.page_no()
        pdf.set_text_color(*PLUM)
        pdf.set_font(SANS, "B", 13)
        pdf.cell(self.width, 7, f"Ambition {ambition['number']}", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(SANS, "B", 18)
        pdf.multi_cell(self.width, 9, french(ambition["title"]), align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0, 0, 0)
        pdf.ln(5)
        pdf.set_fill_color(*SHADE)
        pdf.set_font(SANS, "B", 10.5)
        pdf.cell(self.width, 7, french("Où en sommes-nous ?"), fill=True, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(SANS, "", 10)
        pdf.multi_cell(
            self.width,
            5.2,
            french(" ".join(ambition["intro"].split())),
            align="J",
            fill=True,
            padding=(1, 3, 3, 3),
            new_x="LMARGIN",
            new_y="NEXT",
        )
        pdf.ln(8)
        for measure in ambition["measures"]:
            self.measure(measure)

    def measure(self, measure: dict[str, Any]) -> None:
        pdf = self.pdf
        self.room(48)
        self.pages[f"m{measure['number']}"] = pdf.page_no()
        pdf.set_text_color(*PLUM)
        pdf.set_font(SANS, "B", 12.5)
        pdf.multi_cell(self.width, 6.4, french(heading(measure)), align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0, 0, 0)
        pdf.ln(2)
        self.label("Pourquoi")
        self.para(" ".join(measure["why"].split()), size=9.5, leading=4.9, style="I")
        pdf.ln(2.5)
        self.room(16)
        self.label("Ce que nous ferons")
        for item in measure["do"]:
            if isinstance(item, str):
                self.para(" ".join(item.split()))
                pdf.ln(1.6)
                continue
            if item.get("lead"):
                self.para(" ".join(item["lead"].split()))
                pdf.ln(1)
            for sub in item["items"]:
                self.dash(" ".join(sub.split()))
            pdf.ln(1)
        self.room(10)
        self.fields(measure)
        pdf.ln(9)

    def annex(self) -> None:
        pdf, annex = self.pdf, self.data["annex"]
        pdf.add_page()
        self.pages["annex"] = pdf.page_no()
        pdf.set_text_color(*PLUM)
        pdf.set_font(SANS, "B", 16)
        pdf.multi_cell(self.width, 9, french(annex["title"]), new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0, 0, 0)
        pdf.ln(3)
        pdf.set_font(SANS, "", 8.5)
        pdf.set_draw_color(*GREY)
        pdf.set_line_width(0.2)
        with pdf.table(
            col_widths=(10, 84, 44, 28),
            line_height=4.3,
            text_align=("CENTER", "LEFT", "LEFT", "LEFT"),
            headings_style=FontFace(emphasis="BOLD", color=(255, 255, 255), fill_color=PLUM),
            borders_layout="HORIZONTAL_LINES",
            padding=0.9,
            v_align="TOP",
        ) as table:
            head = table.row()
            for cell in annex["header"]:
                head.cell(french(cell))
            for ambition in self.data["ambitions"]:
                for measure in ambition["measures"]:
                    row = table.row()
                    row.cell(str(measure["number"]))
                    row.cell(french(measure["title"]))
                    row.cell(french(measure["qui"]))
                    row.cell(french(measure["quand"]))

    def render(self) -> FPDF:
        self.cover()
        self.minister()
        self.sommaire()
        for ambition in self.data["ambitions"]:
            self.ambition(ambition)
        self.annex()
        return self.pdf


def check_numbers(data: dict[str, Any]) -> None:
    """Measures are numbered 1 … N straight through the ambitions."""
    numbers = [m["number"] for a in data["ambitions"] for m in a["measures"]]
    if numbers != list(range(1, len(numbers) + 1)):
        sys.exit(f"measures are not numbered 1 … N in order: {numbers}")


def items_of(measure: dict[str, Any]) -> list[str]:
    """A measure's commitments as printed: each paragraph, each lead and each dash item."""
    out: list[str] = []
    for item in measure["do"]:
        if isinstance(item, str):
            out.append(item)
        else:
            out.extend([item["lead"]] if item.get("lead") else [])
            out.extend(f"– {sub}" for sub in item["items"])
    return [" ".join(text.split()) for text in out]


def require_text(target: Path, wanted: list[str]) -> None:
    """Stop unless every line of `wanted` is in `target`'s text layer (spaces normalised), the running
    footer of every page left out (a paragraph may run on to the next page)."""
    with pdfplumber.open(target) as pdf:
        foot = (BOTTOM - 4) * 72 / 25.4
        texts = [page.crop((0, 0, page.width, page.height - foot)).extract_text() or "" for page in pdf.pages]
    flat = " ".join("\n".join(texts).replace(NBSP, " ").split())
    for line in wanted:
        if " ".join(line.split()) not in flat:
            sys.exit(f"not found in the text layer: {line!r}")


def render(source: Path, target: Path) -> None:
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    check_numbers(data)
    render_twice(lambda pages: Renderer(data, pages), target)
    # Every ambition, measure heading, « Pourquoi », commitment and fields line is in the text layer.
    require_text(
        target,
        [f"Ambition {a['number']}" for a in data["ambitions"]]
        + [a["title"] for a in data["ambitions"]]
        + [
            line
            for a in data["ambitions"]
            for m in a["measures"]
            for line in (heading(m), " ".join(m["why"].split()), *items_of(m), fields_line(m))
        ],
    )


def main() -> None:
    draft_cli(render, __doc__, "feuilleroute")


if __name__ == "__main__":
    main()
