"""Render the fictional draft roadmap of corpora/engagements/src/plan.yaml as a one-column A4 PDF.

The draft is NOT an official text (its cover says so): a « feuille de route » of five « Axe I » … « Axe V »
and thirty « Engagement n° 1 » … « Engagement n° 30 », numbered continuously across the axes. Each
engagement has a « Contexte » paragraph, a « Ce que nous ferons : » list of dash bullets (some with
« • » sub-items, set with hanging indents), then a « Qui : » and a « Quand : » line. Layout, unlike the
other bundled drafts: a cover page with a boxed « Document de travail » stamp; a « Sommaire » listing the
« Propos liminaire », every axis and every engagement with dot leaders and page numbers; the preamble;
each axis on a new page under a shaded band « Axe II – … »; a running header and a « Page 3 » footer
after the cover; and last a « Liste des sigles » as a two-column table.

Dev tool only: needs the [render] extra (fpdf2; the fixture helpers imported from render_fixtures.py
also import reportlab and pypdf) and DejaVu fonts (Debian fonts-dejavu-core). The page numbers of the
Sommaire come from a first rendering pass. Output is byte-identical across runs (fixed creation date,
embedded DejaVu subsets).

    .venv/bin/python scripts/render_draft_engagements.py \
        corpora/engagements/src/plan.yaml corpora/engagements/feuille-de-route-2025-2028-projet.pdf
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

import yaml
from fpdf import FPDF
from fpdf.fonts import FontFace

sys.path.insert(0, str(Path(__file__).resolve().parent))
from render_fixtures import (
    FONT_DIR,
    NBSP,
    cover_notice,
    cover_stamp,
    dotted_toc_entry,
    draft_cli,
    fpdf_setup,
    paragraphs,
    render_twice,
    require_text,
)
from render_fixtures import (
    french_typography as french,
)

SERIF, SANS = "DejaVuSerif", "DejaVuSans"
CREATED = dt.date(2025, 2, 3)
MARGINS = (22.0, 24.0)  # side, top (mm)
BOTTOM = 22.0
TEAL = (0, 92, 99)
RED = (170, 35, 35)
GREY = (95, 95, 95)
BAND = (226, 239, 240)
DASH_INDENT, SUB_INDENT = 5.0, 11.0  # where a bullet's text starts (mm from the margin)


def heading(measure: dict[str, Any]) -> str:
    return f"Engagement n° {measure['number']} – {measure['title']}"


class RoadmapPDF(FPDF):
    running_left = ""
    running_right = ""

    def header(self) -> None:
        if self.page_no() == 1:
            return
        self.set_font(SANS, "", 7.5)
        self.set_text_color(*GREY)
        self.set_xy(self.l_margin, 11)
        width = self.w - self.l_margin - self.r_margin
        self.cell(width - 40, 4, self.running_left)
        self.cell(40, 4, self.running_right, align="R")
        self.set_draw_color(*TEAL)
        self.set_line_width(0.3)
        self.line(self.l_margin, 16.5, self.w - self.r_margin, 16.5)
        self.set_text_color(0, 0, 0)
        self.set_xy(self.l_margin, self.t_margin)

    def footer(self) -> None:
        if self.page_no() == 1:
            return
        self.set_y(-14)
        self.set_font(SANS, "", 8)
        self.set_text_color(*GREY)
        self.cell(0, 4, f"Page {self.page_no()}", align="R")
        self.set_text_color(0, 0, 0)


class Renderer:
    """One rendering pass; `pages` records where the preamble, each axis and each engagement start."""

    def __init__(self, data: dict[str, Any], toc_pages: dict[str, int] | None) -> None:
        self.data = data
        self.toc_pages = toc_pages or {}
        self.pages: dict[str, int] = {}
        pdf = RoadmapPDF(orientation="portrait", format="A4")
        pdf.running_left = french(data["running_header"])
        pdf.running_right = data["running_header_right"]
        self.width = fpdf_setup(pdf, data["title"], CREATED, MARGINS, (SERIF, SANS))
        pdf.set_creator("plancompare scripts/render_draft_engagements.py")
        pdf.add_font(SERIF, "I", str(FONT_DIR / "DejaVuSerif-Italic.ttf"))
        pdf.set_auto_page_break(True, margin=BOTTOM)
        self.pdf = pdf

    # ---- pieces ---------------------------------------------------------------------------------

    def room(self, mm: float) -> None:
        """A new page unless `mm` millimetres remain above the bottom margin (keeps a heading with
        the first lines under it)."""
        if self.pdf.get_y() + mm > self.pdf.h - BOTTOM:
            self.pdf.add_page()

    def title(self, text: str, size: float = 16) -> None:
        pdf = self.pdf
        pdf.set_text_color(*TEAL)
        pdf.set_font(SANS, "B", size)
        pdf.multi_cell(self.width, 9, french(text), align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0, 0, 0)
        pdf.ln(4)

    def body(self, text: str, size: float = 10, leading: float = 5.2, style: str = "") -> None:
        pdf = self.pdf
        pdf.set_font(SERIF, style, size)
        for para in paragraphs(text):
            pdf.multi_cell(self.width, leading, french(para), align="J", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2.4)

    def bullet(self, mark: str, text: str, indent: float) -> None:
        """A list item with a hanging indent: the mark in the gutter, the text aligned after it."""
        pdf = self.pdf
        left = pdf.l_margin
        pdf.set_font(SERIF, "", 10)
        pdf.set_x(left + indent - 4)
        pdf.cell(4, 5.1, mark)
        pdf.set_x(left + indent)
        pdf.multi_cell(self.width - indent, 5.1, french(text), align="J", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1.2)

    def field(self, label: str, value: str) -> None:
        """« Qui : … » / « Quand : … »: the label in bold sans, the value after it on the same line."""
        pdf = self.pdf
        pdf.set_font(SANS, "B", 9)
        pdf.set_text_color(*TEAL)
        head = f"{label}{NBSP}: "
        pdf.cell(pdf.get_string_width(head), 4.8, head)
        pdf.set_text_color(0, 0, 0)
        pdf.set_font(SANS, "", 9)
        rest = self.width - pdf.get_string_width(head)
        pdf.multi_cell(rest, 4.8, french(value), align="L", new_x="LMARGIN", new_y="NEXT")

    def cover(self) -> None:
        pdf, cover = self.pdf, self.data["cover"]
        pdf.add_page()
        pdf.set_font(SANS, "", 9)
        pdf.set_text_color(*GREY)
        pdf.multi_cell(self.width, 5, french(cover["kicker"]), align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.set_fill_color(*TEAL)
        pdf.rect(pdf.l_margin, 60, 4, 62, style="F")
        pdf.set_y(64)
        pdf.set_text_color(*TEAL)
        pdf.set_font(SANS, "B", 21)
        for line in cover["title_lines"]:
            pdf.set_x(pdf.l_margin + 10)
            pdf.multi_cell(self.width - 10, 10.5, french(line), align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
        pdf.set_x(pdf.l_margin + 10)
        pdf.set_font(SANS, "", 14)
        pdf.multi_cell(
            self.width - 10, 8, french(cover["subtitle"]), align="L", new_x="LMARGIN", new_y="NEXT"
        )
        cover_stamp(pdf, self.width, cover["stamp"], 150, RED, SANS)
        cover_notice(pdf, self.width, cover["notice"], 228, BAND, SERIF)

    def toc_entry(self, key: str, label: str, indent: float, style: str) -> None:
        """« label ....... 7 »: the label wraps if long; the leaders and the page end its last line."""
        self.pdf.set_font(SANS, style, 9)
        page = str(self.toc_pages.get(key, 0))
        dotted_toc_entry(self.pdf, self.width, french(label), page, indent, 4.7)

    def sommaire(self) -> None:
        pdf = self.pdf
        pdf.add_page()
        self.title("Sommaire")
        self.toc_entry("preamble", self.data["preamble"]["title"], 0, "B")
        pdf.ln(1.2)
        for axis in self.data["axes"]:
            self.toc_entry(f"x{axis['number']}", f"Axe {axis['number']} – {axis['title']}", 0, "B")
            for measure in axis["measures"]:
                self.toc_entry(f"e{measure['number']}", heading(measure), 6, "")
            pdf.ln(1.2)
        self.toc_entry("annex", self.data["annex"]["title"], 0, "B")

    def preamble(self) -> None:
        pdf = self.pdf
        pdf.add_page()
        self.pages["preamble"] = pdf.page_no()
        self.title(self.data["preamble"]["title"])
        self.body(self.data["preamble"]["text"])

    def axis(self, axis: dict[str, Any]) -> None:
        pdf = self.pdf
        pdf.add_page()
        self.pages[f"x{axis['number']}"] = pdf.page_no()
        pdf.set_fill_color(*BAND)
        pdf.set_text_color(*TEAL)
        pdf.set_font(SANS, "B", 14)
        text = french(f"Axe {axis['number']} – {axis['title']}")
        pdf.multi_cell(self.width, 8, text, align="L", fill=True, padding=3, new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0, 0, 0)
        pdf.ln(6)
        for measure in axis["measures"]:
            self.engagement(measure)

    def engagement(self, measure: dict[str, Any]) -> None:
        pdf = self.pdf
        self.room(45)
        self.pages[f"e{measure['number']}"] = pdf.page_no()
        pdf.set_text_color(*TEAL)
        pdf.set_font(SANS, "B", 11)
        pdf.multi_cell(self.width, 5.8, french(heading(measure)), align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0, 0, 0)
        pdf.ln(2)
        pdf.set_font(SANS, "B", 9)
        pdf.cell(self.width, 4.8, "Contexte", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(0.8)
        self.body(measure["context"], size=9.5, leading=4.9, style="I")
        self.room(14)
        pdf.set_font(SANS, "B", 9)
        pdf.cell(self.width, 4.8, french("Ce que nous ferons :"), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1.2)
        for item in measure["actions"]:
            if isinstance(item, str):
                self.bullet("–", item, DASH_INDENT)
                continue
            self.bullet("–", item["text"], DASH_INDENT)
            for sub in item["sub"]:
                self.bullet("•", sub, SUB_INDENT)
        pdf.ln(1)
        self.room(11)
        self.field("Qui", measure["who"])
        self.field("Quand", measure["when"])
        pdf.ln(7)

    def annex(self) -> None:
        pdf, annex = self.pdf, self.data["annex"]
        pdf.add_page()
        self.pages["annex"] = pdf.page_no()
        self.title(annex["title"], size=14)
        pdf.set_font(SANS, "", 9)
        pdf.set_draw_color(*GREY)
        pdf.set_line_width(0.2)
        with pdf.table(
            col_widths=(24, 142),
            line_height=4.4,
            cell_fill_mode="NONE",
            text_align=("LEFT", "LEFT"),
            first_row_as_headings=False,
            borders_layout="HORIZONTAL_LINES",
            padding=0.9,
            v_align="TOP",
        ) as table:
            for sigle, meaning in annex["sigles"]:
                row = table.row()
                row.cell(sigle, style=FontFace(emphasis="BOLD"))
                row.cell(french(meaning))

    def render(self) -> RoadmapPDF:
        self.cover()
        self.sommaire()
        self.preamble()
        for axis in self.data["axes"]:
            self.axis(axis)
        self.annex()
        return self.pdf


def render(source: Path, target: Path) -> None:
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    render_twice(lambda pages: Renderer(data, pages), target)
    # Every engagement heading and every « Qui : » line is in the PDF's text layer.
    require_text(
        target,
        [
            line
            for axis in data["axes"]
            for measure in axis["measures"]
            for line in (heading(measure), f"Qui : {measure['who']}")
        ],
    )


def main() -> None:
    draft_cli(render, __doc__, "engagements")


if __name__ == "__main__":
    main()
