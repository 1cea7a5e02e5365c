"""Render the fictional draft plan of corpora/synthese/src/plan.yaml as a one-column A4 PDF.

The draft is NOT an official text (its cover says so): a « Plan d’action national contre la traite des êtres
humains 2027-2030 — projet soumis à concertation », a short plan of three « Axe I » … « Axe III » and sixteen
broad measures « Mesure 1. … » … « Mesure 16. … » numbered continuously across the axes. Each measure: its
bold heading on a pale band, a « Constat » paragraph, « Actions » numbered « 1° », « 2° » … set a little in,
a « Modalités » paragraph, then the « Pilotage : », « Partenaires : », « Calendrier : » and « Indicateur : »
lines (bold label, roman value, a little space between them). Layout: a cover (kicker, title, subtitle, a
boxed « Document de travail » stamp and the fictional-text notice; no footer); a one-page « Préambule »;
each axis on a new page under a ruled heading « Axe I – … »; a running footer (the plan's title, centred,
over the page number) after the cover. No table of contents.

Dev tool only: needs the [render] extra (fpdf2; the fixture helpers imported from render_fixtures.py also
import reportlab and pypdf) and DejaVu fonts (Debian fonts-dejavu-core). Output is byte-identical across
runs (fixed creation date, embedded DejaVu subsets).

    .venv/bin/python scripts/render_draft_synthese.py \
        corpora/synthese/src/plan.yaml corpora/synthese/plan-2027-2030-projet-concertation.pdf
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from render_fixtures import (
    FONT_DIR,
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
CREATED = dt.date(2027, 2, 15)
MARGINS = (24.0, 20.0)  # side, top (mm)
BOTTOM = 25.0
GREEN = (20, 90, 70)
RED = (165, 30, 40)
GREY = (100, 100, 100)
PALE = (232, 241, 236)
FIELDS = ("pilotage", "partenaires", "calendrier", "indicateur")
INDENT = 5.0  # the « 1° » actions are set this far in from the margin (mm)


def heading(measure: dict[str, Any]) -> str:
    return f"Mesure {measure['number']}. {measure['title']}"


def axis_heading(axis: dict[str, Any]) -> str:
    return f"Axe {axis['number']} – {axis['title']}"


class Renderer:
    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        pdf = FooterPDF(orientation="portrait", format="A4")
        pdf.running_footer = french(data["running_footer"])
        pdf.footer_style = (SANS, GREY, -17, (8.5, 4.4))
        self.width = fpdf_setup(pdf, data["title"], CREATED, MARGINS, (SERIF, SANS))
        pdf.set_creator("plancompare scripts/render_draft_synthese.py")
        pdf.add_font(SERIF, "I", str(FONT_DIR / "DejaVuSerif-Italic.ttf"))
        pdf.set_auto_page_break(True, margin=BOTTOM)
        self.pdf = pdf

    def room(self, mm: float) -> None:
        """A new page unless `mm` millimetres remain above the bottom margin (keeps a heading with the
        first lines under it)."""
        if self.pdf.get_y() + mm > self.pdf.h - BOTTOM:
            self.pdf.add_page()

    def body(self, text: str) -> None:
        pdf = self.pdf
        pdf.set_font(SERIF, "", 10)
        for para in paragraphs(text):
            pdf.multi_cell(self.width, 5.2, french(para), align="J", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2.2)

    def label(self, text: str) -> None:
        """A part's small bold label: « Constat », « Actions », « Modalités »."""
        pdf = self.pdf
        self.room(14)
        pdf.set_text_color(*GREEN)
        pdf.set_font(SANS, "B", 9)
        pdf.cell(self.width, 5, text, new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0, 0, 0)
        pdf.ln(0.6)

    def actions(self, items: list[str]) -> None:
        """« 1° … », « 2° … »: each item a block set a little in from the margin, its number in its first
        line (a hanging indent made the extractor take an item's first line for a paragraph of its own)."""
        pdf = self.pdf
        for number, item in enumerate(items, start=1):
            self.room(11)
            pdf.set_font(SERIF, "", 10)
            pdf.set_x(pdf.l_margin + INDENT)
            pdf.multi_cell(
                self.width - INDENT,
                5.2,
                french(f"{number}° {item}"),
                align="J",
                new_x="LMARGIN",
                new_y="NEXT",
            )
            pdf.ln(1.6)
        pdf.ln(0.6)

    def field(self, line: str) -> None:
        """« Pilotage : value »: the label in bold, the value in roman, wrapped under the label."""
        pdf = self.pdf
        name, value = line.split(" : ", 1)
        pdf.set_font(SERIF, "", 9.5)
        text = f"**{french(name + ' :')}** {french(value)}"
        pdf.multi_cell(self.width, 4.8, text, align="L", markdown=True, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)  # spaced: each field line its own paragraph

    def cover(self) -> None:
        pdf, cover = self.pdf, self.data["cover"]
        pdf.add_page()
        pdf.set_font(SANS, "", 9)
        pdf.set_text_color(*GREY)
        pdf.multi_cell(self.width, 5, french(cover["kicker"]), align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.set_y(78)
        pdf.set_text_color(*GREEN)
        pdf.set_font(SANS, "B", 21)
        for line in cover["title_lines"]:
            pdf.multi_cell(self.width, 10.5, french(line), align="C", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
        pdf.set_draw_color(*GREEN)
        pdf.set_line_width(0.7)
        pdf.line(pdf.l_margin + 45, pdf.get_y() + 3, pdf.w - pdf.r_margin - 45, pdf.get_y() + 3)
        pdf.ln(9)
        pdf.set_font(SANS, "", 13)
        pdf.multi_cell(self.width, 8, french(cover["subtitle"]), align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0, 0, 0)
        cover_stamp(pdf, self.width, cover["stamp"], 165, RED, SANS)
        cover_notice(pdf, self.width, cover["notice"], 232, PALE, SERIF)

    def preamble(self) -> None:
        pdf, preamble = self.pdf, self.data["preamble"]
        pdf.add_page()
        pdf.set_text_color(*GREEN)
        pdf.set_font(SANS, "B", 15)
        pdf.multi_cell(self.width, 9, french(preamble["title"]), align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0, 0, 0)
        pdf.ln(4)
        self.body(preamble["text"])

    def axis(self, axis: dict[str, Any]) -> None:
        pdf = self.pdf
        pdf.add_page()
        pdf.set_text_color(*GREEN)
        pdf.set_font(SANS, "B", 14)
        pdf.multi_cell(self.width, 8, french(axis_heading(axis)), align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.set_draw_color(*GREEN)
        pdf.set_line_width(0.5)
        pdf.line(pdf.l_margin, pdf.get_y() + 1.5, pdf.w - pdf.r_margin, pdf.get_y() + 1.5)
        pdf.set_text_color(0, 0, 0)
        pdf.ln(8)
        for measure in axis["measures"]:
            self.measure(measure)

    def measure(self, measure: dict[str, Any]) -> None:
        pdf = self.pdf
        self.room(50)
        pdf.set_fill_color(*PALE)
        pdf.set_text_color(*GREEN)
        pdf.set_font(SANS, "B", 11.5)
        pdf.multi_cell(
            self.width,
            6,
            french(heading(measure)),
            align="L",
            fill=True,
            padding=2,
            new_x="LMARGIN",
            new_y="NEXT",
        )
        pdf.set_text_color(0, 0, 0)
        pdf.ln(3)
        self.label("Constat")
        self.body(measure["constat"])
        self.label("Actions")
        self.actions(measure["actions"])
        self.label("Modalités")
        self.body(measure["modalites"])
        self.room(22)
        pdf.ln(1)
        for name in FIELDS:
            self.field(measure[name])
        pdf.ln(8)

    def render(self) -> FooterPDF:
        self.cover()
        self.preamble()
        for axis in self.data["axes"]:
            self.axis(axis)
        return self.pdf


def render(source: Path, target: Path) -> None:
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    Renderer(data).render().output(str(target))
    # Every axis and measure heading and every field line is in the PDF's text layer.
    require_text(
        target,
        [axis_heading(axis) for axis in data["axes"]]
        + [
            line
            for axis in data["axes"]
            for measure in axis["measures"]
            for line in (heading(measure), *(measure[name] for name in FIELDS))
        ],
    )


def main() -> None:
    draft_cli(render, __doc__, "synthese")


if __name__ == "__main__":
    main()
