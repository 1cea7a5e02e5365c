"""Render the fictional draft plan of corpora/dossier/src/plan.yaml as a portrait A4 press kit.

The draft is NOT an official text (its cover says so): a « Plan national contre la traite des êtres humains
2030-2033 » published as a government « dossier de presse ». Layout: a cover (kicker band, « Dossier de
presse », the title, a tagline, the date, a boxed « Document de travail » stamp and the fictional-text
notice; no footer); « Le mot de la ministre » (first person, signed); « Les chiffres clés » (big figures in
a grid of two columns); « Ce que nous avons déjà fait » (a bullet list, past tense); « 25 mesures pour
2030-2033 »: five coloured « Engagement 1 – … » banners (a new page unless there is room) and the measures
numbered straight through them, each a small coloured « Mesure 12 » line, a bold title, a paragraph and the
field lines « Pour qui : », « Ce qui change : », « Quand : » (bold label, roman value); a « Contacts presse »
box at the end. One column, DejaVu Sans and Serif, a running footer (centred, over the page number) after
the cover. No table of contents.

Dev tool only: needs the [render] extra (fpdf2; the fixture helpers imported from render_fixtures.py also
import reportlab and pypdf) and DejaVu fonts (Debian fonts-dejavu-core). Output is byte-identical across
runs (fixed creation date, embedded DejaVu subsets).

    .venv/bin/python scripts/render_draft_dossier.py \
        corpora/dossier/src/plan.yaml corpora/dossier/plan-2030-2033-dossier-de-presse.pdf
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
CREATED = dt.date(2030, 3, 18)
MARGINS = (22.0, 18.0)  # side, top (mm)
BOTTOM = 24.0
NAVY = (0, 35, 95)
RED = (200, 16, 46)
TEAL = (0, 120, 130)
GREY = (100, 100, 100)
PALE = (230, 238, 246)
FIELDS = (("pour_qui", "Pour qui"), ("ce_qui_change", "Ce qui change"), ("quand", "Quand"))
# one accent colour per engagement banner
ACCENTS = ((0, 35, 95), (0, 120, 130), (170, 60, 20), (90, 40, 120), (30, 100, 50))


def banner(engagement: dict[str, Any]) -> str:
    return f"Engagement {engagement['number']} – {engagement['title']}"


def measure_heading(measure: dict[str, Any]) -> str:
    return f"Mesure {measure['number']}"


def field_line(measure: dict[str, Any], key: str, label: str) -> str:
    return f"{label} : {measure[key]}"


class Renderer:
    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        pdf = FooterPDF(orientation="portrait", format="A4")
        pdf.running_footer = french(data["running_footer"])
        pdf.footer_style = (SANS, GREY, -16, (8.5, 4.4))
        self.width = fpdf_setup(pdf, data["title"], CREATED, MARGINS, (SERIF, SANS))
        pdf.set_creator("plancompare scripts/render_draft_dossier.py")
        pdf.add_font(SERIF, "I", str(FONT_DIR / "DejaVuSerif-Italic.ttf"))
        pdf.set_auto_page_break(True, margin=BOTTOM)
        self.pdf = pdf

    def room(self, mm: float) -> None:
        """A new page unless `mm` millimetres remain above the bottom margin."""
        if self.pdf.get_y() + mm > self.pdf.h - BOTTOM:
            self.pdf.add_page()

    def body(self, text: str, size: float = 10.5) -> None:
        pdf = self.pdf
        pdf.set_font(SERIF, "", size)
        for para in paragraphs(text):
            pdf.multi_cell(self.width, size * 0.52, french(para), align="J", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2.6)

    def page_title(self, text: str, color: tuple[int, int, int] = NAVY) -> None:
        """A section's title at the top of a new page, with a short red rule under it."""
        pdf = self.pdf
        pdf.add_page()
        pdf.set_text_color(*color)
        pdf.set_font(SANS, "B", 20)
        pdf.multi_cell(self.width, 10, french(text), align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.set_draw_color(*RED)
        pdf.set_line_width(1.2)
        y = pdf.get_y() + 2
        pdf.line(pdf.l_margin, y, pdf.l_margin + 30, y)
        pdf.set_text_color(0, 0, 0)
        pdf.ln(9)

    def cover(self) -> None:
        pdf, cover = self.pdf, self.data["cover"]
        pdf.add_page()
        pdf.set_fill_color(*NAVY)
        pdf.rect(0, 0, pdf.w, 34, style="F")
        pdf.set_fill_color(*RED)
        pdf.rect(0, 34, pdf.w, 2.5, style="F")
        pdf.set_y(11)
        pdf.set_text_color(255, 255, 255)
        pdf.set_font(SANS, "B", 10)
        pdf.multi_cell(self.width, 5.5, french(cover["kicker"]), align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.set_y(62)
        pdf.set_text_color(*RED)
        pdf.set_font(SANS, "B", 13)
        pdf.cell(self.width, 8, cover["label"].upper(), align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(6)
        pdf.set_text_color(*NAVY)
        pdf.set_font(SANS, "B", 26)
        for line in cover["title_lines"]:
            pdf.multi_cell(self.width, 12.5, french(line), align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
        pdf.ln(6)
        pdf.set_text_color(*TEAL)
        pdf.set_font(SANS, "", 14)
        pdf.multi_cell(self.width, 8, french(cover["tagline"]), align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(10)
        pdf.set_text_color(*GREY)
        pdf.set_font(SANS, "", 11)
        pdf.cell(self.width, 6, french(cover["date"]), align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0, 0, 0)
        cover_stamp(pdf, self.width, cover["stamp"], 182, RED, SANS)
        cover_notice(pdf, self.width, cover["notice"], 236, PALE, SERIF)

    def minister(self) -> None:
        pdf, word = self.pdf, self.data["minister"]
        self.page_title(word["title"])
        self.body(word["text"], size=11)
        pdf.ln(4)
        pdf.set_font(SERIF, "I", 10)
        pdf.set_text_color(*NAVY)
        pdf.multi_cell(self.width, 5.4, french(word["signature"]), align="R", new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0, 0, 0)

    def figures(self) -> None:
        pdf, figures = self.pdf, self.data["figures"]
        self.page_title(figures["title"])
        pdf.set_font(SANS, "", 11)
        pdf.set_text_color(*GREY)
        pdf.multi_cell(self.width, 6, french(figures["intro"]), align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(6)
        gap = 8.0
        cell = (self.width - gap) / 2
        height = 46.0
        items = figures["items"]
        top = pdf.get_y()
        for index, item in enumerate(items):
            row, col = divmod(index, 2)
            x = pdf.l_margin + col * (cell + gap)
            y = top + row * (height + gap)
            pdf.set_fill_color(*PALE)
            pdf.rect(x, y, cell, height, style="F")
            pdf.set_xy(x + 5, y + 6)
            pdf.set_text_color(*RED)
            pdf.set_font(SANS, "B", 22)
            pdf.multi_cell(cell - 10, 10, french(item["figure"]), align="L", new_x="LEFT", new_y="NEXT")
            pdf.set_x(x + 5)
            pdf.set_text_color(*NAVY)
            pdf.set_font(SANS, "", 10)
            pdf.multi_cell(cell - 10, 5, french(item["label"]), align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0, 0, 0)
        pdf.set_y(top + ((len(items) + 1) // 2) * (height + gap))

    def achievements(self) -> None:
        pdf, done = self.pdf, self.data["achievements"]
        self.page_title(done["title"])
        self.body(done["intro"], size=11)
        pdf.ln(2)
        for item in done["items"]:
            self.room(12)
            y = pdf.get_y()
            pdf.set_fill_color(*RED)
            pdf.rect(pdf.l_margin + 1, y + 1.6, 2.2, 2.2, style="F")
            pdf.set_x(pdf.l_margin + 7)
            pdf.set_font(SERIF, "", 10.5)
            pdf.multi_cell(self.width - 7, 5.6, french(item), align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)

    def programme(self) -> None:
        pdf, programme = self.pdf, self.data["programme"]
        self.page_title(programme["title"])
        self.body(programme["intro"], size=11)
        for number, engagement in enumerate(self.data["engagements"]):
            pdf.set_text_color(*ACCENTS[number])
            pdf.set_font(SANS, "B", 11)
            first, last = engagement["measures"][0]["number"], engagement["measures"][-1]["number"]
            line = french(f"{banner(engagement)} (mesures {first} à {last})")
            pdf.multi_cell(self.width, 6, line, align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
        pdf.set_text_color(0, 0, 0)
        pdf.ln(6)
        for number, engagement in enumerate(self.data["engagements"]):
            self.engagement(engagement, ACCENTS[number])

    def engagement(self, engagement: dict[str, Any], accent: tuple[int, int, int]) -> None:
        pdf = self.pdf
        self.room(110)  # a banner starts a new page unless it has room for itself and a measure or two
        pdf.ln(4)
        pdf.set_fill_color(*accent)
        pdf.set_text_color(255, 255, 255)
        pdf.set_font(SANS, "B", 15)
        title = french(banner(engagement))
        pdf.multi_cell(self.width, 8, title, align="L", fill=True, padding=4, new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0, 0, 0)
        pdf.ln(8)
        for measure in engagement["measures"]:
            self.measure(measure, accent)

    def measure(self, measure: dict[str, Any], accent: tuple[int, int, int]) -> None:
        pdf = self.pdf
        self.room(48)
        pdf.set_text_color(*accent)
        pdf.set_font(SANS, "B", 10)
        pdf.cell(self.width, 5.5, measure_heading(measure), new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(*NAVY)
        pdf.set_font(SANS, "B", 13)
        pdf.multi_cell(self.width, 6.5, french(measure["title"]), align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0, 0, 0)
        pdf.ln(2.5)
        self.body(measure["text"])
        for key, label in FIELDS:
            self.field(label, measure[key], accent)
        pdf.ln(7)

    def field(self, label: str, value: str, accent: tuple[int, int, int]) -> None:
        """« Pour qui : value »: the label in bold, the value in roman, set 4 mm in behind a thin rule in
        the engagement's colour."""
        pdf = self.pdf
        self.room(11)  # a field line is never cut by a page break
        y = pdf.get_y()
        pdf.set_font(SANS, "", 9.5)
        text = f"**{french(label + ' :')}** {french(value)}"
        pdf.set_x(pdf.l_margin + 4)
        pdf.multi_cell(self.width - 4, 5, text, align="L", markdown=True, new_x="LMARGIN", new_y="NEXT")
        pdf.set_draw_color(*accent)
        pdf.set_line_width(0.8)
        pdf.line(pdf.l_margin + 1, y + 0.5, pdf.l_margin + 1, pdf.get_y() - 0.5)
        pdf.ln(1.6)

    def contacts(self) -> None:
        pdf, contacts = self.pdf, self.data["contacts"]
        self.room(60)
        pdf.ln(6)
        top = pdf.get_y()
        pdf.set_draw_color(*NAVY)
        pdf.set_line_width(0.6)
        pdf.set_text_color(*NAVY)
        pdf.set_font(SANS, "B", 14)
        pdf.set_x(pdf.l_margin + 6)
        pdf.cell(self.width - 12, 9, french(contacts["title"]), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
        pdf.set_text_color(0, 0, 0)
        pdf.set_font(SANS, "", 10)
        for line in contacts["lines"]:
            pdf.set_x(pdf.l_margin + 6)
            pdf.multi_cell(self.width - 12, 5.5, french(line), align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
        pdf.rect(pdf.l_margin, top - 3, self.width, pdf.get_y() - top + 3)

    def render(self) -> FooterPDF:
        self.cover()
        self.minister()
        self.figures()
        self.achievements()
        self.programme()
        self.contacts()
        return self.pdf


def render(source: Path, target: Path) -> None:
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    Renderer(data).render().output(str(target))
    # Every section title, engagement banner, measure heading, measure title and field line is in the
    # PDF's text layer.
    measures = [m for e in data["engagements"] for m in e["measures"]]
    require_text(
        target,
        [data[part]["title"] for part in ("minister", "figures", "achievements", "programme", "contacts")]
        + [banner(e) for e in data["engagements"]]
        + [
            line
            for m in measures
            for line in (
                measure_heading(m),
                m["title"],
                *(field_line(m, key, label) for key, label in FIELDS),
            )
        ],
    )


def main() -> None:
    draft_cli(render, __doc__, "dossier")


if __name__ == "__main__":
    main()
