"""Render the fictional draft plan of corpora/orientations/src/plan.yaml as a one-column A4 PDF.

The draft is NOT an official text (its cover says so): a « Plan national de lutte contre la traite des êtres
humains 2026-2029 — version soumise au Conseil national » of four « Priorité 1 » … « Priorité 4 » and
twenty-six measures « Mesure 1 – … » … « Mesure 26 – … » numbered continuously across the priorities. Each
measure: its bold heading, an italic « Objectif : … » line, justified paragraphs, then the « Pilote : … »
and « Échéance : … » lines. Layout: a cover (kicker, title, subtitle, a boxed « Document provisoire »
stamp and the fictional-text notice; no footer); an « Introduction »; each priority on a new page under
a shaded band « Priorité 1 – … »; a running footer (the plan's title on the left, the page number on the
right) after the cover. No table of contents.

Dev tool only: needs the [render] extra (fpdf2; the fixture helpers imported from render_fixtures.py also
import reportlab and pypdf) and DejaVu fonts (Debian fonts-dejavu-core). Output is byte-identical across
runs (fixed creation date, embedded DejaVu subsets).

    .venv/bin/python scripts/render_draft_orientations.py \
        corpora/orientations/src/plan.yaml corpora/orientations/plan-2026-2029-version-cnse.pdf
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

import yaml
from fpdf import FPDF

sys.path.insert(0, str(Path(__file__).resolve().parent))
from render_fixtures import (
    FONT_DIR,
    cover_notice,
    cover_stamp,
    draft_cli,
    fpdf_setup,
    paragraphs,
    require_text,
)
from render_fixtures import french_typography as french

SERIF, SANS = "DejaVuSerif", "DejaVuSans"
CREATED = dt.date(2026, 1, 12)
MARGINS = (25.0, 22.0)  # side, top (mm)
BOTTOM = 24.0
BLUE = (0, 70, 120)
RED = (170, 25, 35)
GREY = (95, 95, 95)
BAND = (226, 236, 244)


def heading(measure: dict[str, Any]) -> str:
    return f"Mesure {measure['number']} – {measure['title']}"


class PlanPDF(FPDF):
    running_footer = ""

    def footer(self) -> None:
        if self.page_no() == 1:
            return
        width = self.w - self.l_margin - self.r_margin
        self.set_draw_color(*GREY)
        self.set_line_width(0.2)
        self.line(self.l_margin, self.h - 16, self.w - self.r_margin, self.h - 16)
        self.set_y(-14.5)
        self.set_text_color(*GREY)
        self.set_font(SANS, "", 7.5)
        self.cell(width - 15, 4, self.running_footer)
        self.set_font(SANS, "B", 8.5)
        self.cell(15, 4, str(self.page_no()), align="R")
        self.set_text_color(0, 0, 0)


class Renderer:
    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        pdf = PlanPDF(orientation="portrait", format="A4")
        pdf.running_footer = french(data["running_footer"])
        self.width = fpdf_setup(pdf, data["title"], CREATED, MARGINS, (SERIF, SANS))
        pdf.set_creator("plancompare scripts/render_draft_orientations.py")
        pdf.add_font(SERIF, "I", str(FONT_DIR / "DejaVuSerif-Italic.ttf"))
        pdf.set_auto_page_break(True, margin=BOTTOM)
        self.pdf = pdf

    def room(self, mm: float) -> None:
        """A new page unless `mm` millimetres remain above the bottom margin (keeps a heading with the
        first lines under it)."""
        if self.pdf.get_y() + mm > self.pdf.h - BOTTOM:
            self.pdf.add_page()

    def line(self, text: str, size: float, style: str = "", leading: float = 4.8) -> None:
        self.pdf.set_font(SERIF, style, size)
        self.pdf.multi_cell(self.width, leading, french(text), align="L", new_x="LMARGIN", new_y="NEXT")

    def body(self, text: str) -> None:
        pdf = self.pdf
        pdf.set_font(SERIF, "", 10)
        for para in paragraphs(text):
            pdf.multi_cell(self.width, 5.3, french(para), align="J", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2.4)

    def cover(self) -> None:
        pdf, cover = self.pdf, self.data["cover"]
        pdf.add_page()
        pdf.set_font(SANS, "", 9)
        pdf.set_text_color(*GREY)
        pdf.multi_cell(self.width, 5, french(cover["kicker"]), align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.set_draw_color(*BLUE)
        pdf.set_line_width(0.8)
        pdf.line(pdf.l_margin + 30, 70, pdf.w - pdf.r_margin - 30, 70)
        pdf.set_y(80)
        pdf.set_text_color(*BLUE)
        pdf.set_font(SANS, "B", 22)
        for line in cover["title_lines"]:
            pdf.multi_cell(self.width, 11, french(line), align="C", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
        pdf.ln(5)
        pdf.set_font(SANS, "", 14)
        pdf.multi_cell(self.width, 8, french(cover["subtitle"]), align="C", new_x="LMARGIN", new_y="NEXT")
        cover_stamp(pdf, self.width, cover["stamp"], 160, RED, SANS)
        cover_notice(pdf, self.width, cover["notice"], 230, BAND, SERIF)

    def introduction(self) -> None:
        pdf, intro = self.pdf, self.data["introduction"]
        pdf.add_page()
        pdf.set_text_color(*BLUE)
        pdf.set_font(SANS, "B", 16)
        pdf.multi_cell(self.width, 9, french(intro["title"]), align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0, 0, 0)
        pdf.ln(4)
        self.body(intro["text"])

    def priority(self, axis: dict[str, Any]) -> None:
        pdf = self.pdf
        pdf.add_page()
        pdf.set_fill_color(*BAND)
        pdf.set_text_color(*BLUE)
        pdf.set_font(SANS, "B", 14)
        text = french(f"Priorité {axis['number']} – {axis['title']}")
        pdf.multi_cell(self.width, 8, text, align="L", fill=True, padding=3, new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0, 0, 0)
        pdf.ln(7)
        for measure in axis["measures"]:
            self.measure(measure)

    def measure(self, measure: dict[str, Any]) -> None:
        pdf = self.pdf
        self.room(45)
        pdf.set_text_color(*BLUE)
        pdf.set_font(SANS, "B", 11.5)
        pdf.multi_cell(self.width, 6, french(heading(measure)), align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0, 0, 0)
        pdf.ln(1.5)
        self.line(measure["objective"], 9.5, "I")
        pdf.ln(2.5)
        self.body(measure["text"])
        self.room(12)
        for field in (measure["pilot"], measure["deadline"]):
            self.line(field, 9, "I", 4.6)
        pdf.ln(6)

    def render(self) -> PlanPDF:
        self.cover()
        self.introduction()
        for axis in self.data["axes"]:
            self.priority(axis)
        return self.pdf


def render(source: Path, target: Path) -> None:
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    Renderer(data).render().output(str(target))
    # Every measure heading and its « Pilote : » and « Échéance : » lines are in the PDF's text layer.
    require_text(
        target,
        [
            line
            for axis in data["axes"]
            for measure in axis["measures"]
            for line in (heading(measure), measure["pilot"], measure["deadline"])
        ],
    )


def main() -> None:
    draft_cli(render, __doc__, "orientations")


if __name__ == "__main__":
    main()
