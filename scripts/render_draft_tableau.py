"""Render the fictional draft plan of corpora/tableau/src/plan.yaml as one landscape A4 table of measures.

The draft is NOT an official text (its cover says so): a « Plan national d’action contre la traite des êtres
humains 2028-2031 — tableau des mesures (version de travail) », as a ministry circulates a plan for
consultation: a cover (kicker, title, subtitle, a boxed « Version de travail » stamp and the fictional-text
notice; no footer); a half-page « Note de présentation » in prose; then one ruled table « N° | Mesure |
Pilote | Échéance | Indicateur » over several pages, its header row repeated at the top of each page, four
axis banners « Axe 1 – … » … « Axe 4 – … » spanning the table, and forty rows numbered 1 … 40 straight
through the axes. Each « Mesure » cell: the measure's short title in bold on its first line, then its text.
A running footer (the plan's title, centred, over the page number) after the cover.

Dev tool only: needs the [render] extra (fpdf2; the fixture helpers imported from render_fixtures.py also
import reportlab and pypdf) and DejaVu fonts (Debian fonts-dejavu-core). Output is byte-identical across
runs (fixed creation date, embedded DejaVu subsets).

    .venv/bin/python scripts/render_draft_tableau.py \
        corpora/tableau/src/plan.yaml corpora/tableau/plan-2028-2031-tableau-des-mesures.pdf
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

import pdfplumber
import yaml
from fpdf import FontFace

sys.path.insert(0, str(Path(__file__).resolve().parent))
from render_fixtures import (
    FONT_DIR,
    NBSP,
    FooterPDF,
    cover_notice,
    cover_stamp,
    draft_cli,
    fpdf_setup,
    paragraphs,
    require_text,
)
from render_fixtures import french_typography as french

SERIF, SANS = "DejaVuSerif", "DejaVuSans"
CREATED = dt.date(2028, 1, 20)
MARGINS = (15.0, 15.0)  # side, top (mm)
BOTTOM = 20.0
BLUE = (25, 55, 110)
RED = (165, 30, 40)
GREY = (100, 100, 100)
PALE = (226, 232, 243)
HEADER = ("N°", "Mesure", "Pilote", "Échéance", "Indicateur")
WIDTHS = (12.0, 126.0, 47.0, 34.0, 48.0)  # 267 mm: the landscape page between its margins


def axis_banner(axis: dict[str, Any]) -> str:
    return f"Axe {axis['number']} – {axis['title']}"


class Renderer:
    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        pdf = FooterPDF(orientation="landscape", format="A4")
        pdf.running_footer = french(data["running_footer"])
        pdf.footer_style = (SANS, GREY, -14, (8, 4))
        self.width = fpdf_setup(pdf, data["title"], CREATED, MARGINS, (SERIF, SANS))
        pdf.set_creator("plancompare scripts/render_draft_tableau.py")
        pdf.add_font(SERIF, "I", str(FONT_DIR / "DejaVuSerif-Italic.ttf"))
        pdf.set_auto_page_break(True, margin=BOTTOM)
        self.pdf = pdf

    def cover(self) -> None:
        pdf, cover = self.pdf, self.data["cover"]
        pdf.add_page()
        pdf.set_font(SANS, "", 9)
        pdf.set_text_color(*GREY)
        pdf.multi_cell(self.width, 5, french(cover["kicker"]), align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.set_y(55)
        pdf.set_text_color(*BLUE)
        pdf.set_font(SANS, "B", 22)
        for line in cover["title_lines"]:
            pdf.multi_cell(self.width, 11, french(line), align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.set_draw_color(*BLUE)
        pdf.set_line_width(0.7)
        pdf.line(pdf.l_margin + 80, pdf.get_y() + 4, pdf.w - pdf.r_margin - 80, pdf.get_y() + 4)
        pdf.ln(10)
        pdf.set_font(SANS, "", 13)
        pdf.multi_cell(self.width, 8, french(cover["subtitle"]), align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0, 0, 0)
        cover_stamp(pdf, self.width, cover["stamp"], 118, RED, SANS)
        cover_notice(pdf, self.width, cover["notice"], 160, PALE, SERIF)

    def note(self) -> None:
        """The « Note de présentation »: prose, on a page of its own, set narrower than the table."""
        pdf, note = self.pdf, self.data["note"]
        pdf.add_page()
        pdf.set_text_color(*BLUE)
        pdf.set_font(SANS, "B", 15)
        pdf.multi_cell(self.width, 9, french(note["title"]), align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0, 0, 0)
        pdf.ln(4)
        pdf.set_font(SERIF, "", 10.5)
        for para in paragraphs(note["text"]):
            pdf.multi_cell(200, 5.6, french(para), align="J", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2.6)

    def table(self) -> None:
        pdf = self.pdf
        pdf.add_page()
        pdf.set_font(SANS, "", 8.5)
        pdf.set_draw_color(90, 90, 90)
        pdf.set_line_width(0.25)
        heading = FontFace(emphasis="BOLD", color=(255, 255, 255), fill_color=BLUE)
        banner = FontFace(emphasis="BOLD", color=BLUE, fill_color=PALE, size_pt=10)
        with pdf.table(
            col_widths=WIDTHS,
            width=self.width,
            line_height=4.4,
            markdown=True,
            text_align=("CENTER", "LEFT", "LEFT", "LEFT", "LEFT"),
            v_align="TOP",
            padding=1.8,
            headings_style=heading,
            repeat_headings=1,
        ) as table:
            row = table.row()
            for head in HEADER:
                row.cell(head)
            for axis in self.data["axes"]:
                table.row().cell(french(axis_banner(axis)), colspan=len(HEADER), style=banner, align="LEFT")
                for m in axis["measures"]:
                    row = table.row()
                    row.cell(str(m["number"]))
                    row.cell(f"**{french(m['title'])}**\n{french(m['text'])}")
                    for key in ("pilot", "deadline", "indicator"):
                        row.cell(french(m[key]))

    def render(self) -> FooterPDF:
        self.cover()
        self.note()
        self.table()
        return self.pdf


def column_text(target: Path, column: int) -> str:
    """The text of one column of the table on every page after the note, cropped to the column (the
    cells of a row sit side by side, so the page's text interleaves them), with all spaces taken out
    (pdfplumber may add one inside a word)."""
    left = MARGINS[0] + sum(WIDTHS[:column])
    with pdfplumber.open(target) as pdf:
        parts = []
        for page in pdf.pages[2:]:
            x0, x1 = left * 72 / 25.4, (left + WIDTHS[column]) * 72 / 25.4
            parts.append(page.crop((x0, 0, x1, page.height)).extract_text() or "")
    return "".join("".join(parts).replace(NBSP, " ").split())


def render(source: Path, target: Path) -> None:
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    Renderer(data).render().output(str(target))
    # Every axis banner is in the PDF's text layer, every measure's title, pilot and deadline in its column.
    require_text(target, [data["note"]["title"], *(axis_banner(axis) for axis in data["axes"])])
    measures = [m for axis in data["axes"] for m in axis["measures"]]
    for column, key in ((1, "title"), (2, "pilot"), (3, "deadline")):
        text = column_text(target, column)
        for m in measures:
            if "".join(m[key].split()) not in text:
                sys.exit(f"not found in column {HEADER[column]}: {m[key]!r}")


def main() -> None:
    draft_cli(render, __doc__, "tableau")


if __name__ == "__main__":
    main()
