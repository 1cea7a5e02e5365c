"""Render the fictional draft plan of corpora/diapo/src/plan.yaml as a slide deck exported to PDF.

The draft is NOT an official text (its title slide says so): a « Plan national de lutte contre la traite et
l’exploitation des êtres humains 2032-2035 » as a government presents it to the associations, one 16:9
landscape slide per page. Layout: a title slide (kicker band, title, years, subtitle, a boxed « Document de
travail » stamp and the fictional-text notice; no footer); « Au programme » (the axes, numbered); two context
slides (« Où en sommes-nous ? »: six figures in boxes; « Ce que vous nous avez dit »: past-tense bullets);
one divider per axis, in the axis' colour (« Axe 2 », its title, « Mesures 7 à 16 »); then the measures,
numbered 1 … N straight through the axes, one per slide: a coloured title band with the axis as a small
kicker and the heading « Mesure 12 — Titre court », terse bullets (« • »), and, when the source has them, a
two-box « Pilote » / « Calendrier » block at the foot and a small table at the right. A measure marked
`with_next` shares its slide with the next one: the band then carries the axis (« Axe 1 — … ») and each
measure a column under its own heading « Mesure 2 — … ». Then « Prochaines étapes » (dates and steps) and
« Merci ». Every slide after the first carries a small running footer (bottom left) and its slide number
(bottom right). DejaVu Sans throughout.

Dev tool only: needs the [render] extra (fpdf2; the fixture helpers imported from render_fixtures.py also
import reportlab and pypdf) and DejaVu fonts (Debian fonts-dejavu-core). Output is byte-identical across
runs (fixed creation date, embedded DejaVu subsets).

    .venv/bin/python scripts/render_draft_diapo.py \
        corpora/diapo/src/plan.yaml corpora/diapo/plan-2032-2035-diaporama.pdf
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

import pdfplumber
import yaml
from fpdf import FPDF

sys.path.insert(0, str(Path(__file__).resolve().parent))
from render_fixtures import (
    FONT_DIR,
    NBSP,
    column_texts,
    cover_notice,
    cover_stamp,
    draft_cli,
    fpdf_setup,
    require_text,
)
from render_fixtures import french_typography as french

SANS = "DejaVuSans"
CREATED = dt.date(2032, 4, 8)
PAGE = (190.5, 338.67)  # 16:9, 13.333 × 7.5 in (height, width as fpdf2 takes a portrait format)
SIDE = 18.0
BAND = 30.0  # height of the title band (mm)
BODY_TOP = 42.0
BLOCK_TOP = 152.0  # top of the « Pilote » / « Calendrier » block
BODY_BOTTOM = 170.0  # bottom of the body when there is no block
GAP = 0.42  # space after a bullet, in mm per point of type size
NAVY = (22, 46, 96)
GREY = (110, 110, 110)
PALE = (234, 240, 247)
WHITE = (255, 255, 255)
RED = (190, 30, 45)
# one colour per axis (dividers, bullets, block labels)
ACCENTS = ((0, 110, 140), (22, 46, 96), (160, 70, 20), (95, 45, 120), (30, 105, 60))


def text_share(measure: dict[str, Any]) -> float:
    """The share of the slide's width left to the bullets: all of it, or less when a table stands at the
    right (a wider table for more columns)."""
    if not measure.get("table"):
        return 1.0
    return 0.6 if len(measure["table"]["header"]) <= 3 else 0.5


def measure_heading(measure: dict[str, Any]) -> str:
    return f"Mesure {measure['number']} — {measure['title']}"


def axis_heading(axis: dict[str, Any]) -> str:
    return f"Axe {axis['number']} — {axis['title']}"


def axis_range(axis: dict[str, Any]) -> str:
    first, last = axis["measures"][0]["number"], axis["measures"][-1]["number"]
    return f"Mesures {first} à {last}"


def slides_of(axis: dict[str, Any]) -> list[list[dict[str, Any]]]:
    """The axis' measures grouped by slide: one each, or two when the first is marked `with_next`."""
    slides: list[list[dict[str, Any]]] = []
    pending: list[dict[str, Any]] = []
    for measure in axis["measures"]:
        pending.append(measure)
        if not measure.get("with_next"):
            slides.append(pending)
            pending = []
    if pending:
        sys.exit(f"measure {pending[-1]['number']} is marked with_next but is its axis' last")
    return slides


class DeckPDF(FPDF):
    """One slide per page; after the title slide, a running footer bottom left and the slide number bottom
    right (white on the dark divider slides)."""

    running_footer = ""
    dark = False

    def footer(self) -> None:
        if self.page_no() == 1:
            return
        color = WHITE if self.dark else GREY
        self.set_text_color(*color)
        self.set_font(SANS, "", 7.5)
        self.set_xy(SIDE, self.h - 11)
        self.cell(200, 4, self.running_footer, align="L")
        self.set_font(SANS, "B", 10)
        self.set_xy(self.w - SIDE - 20, self.h - 11.5)
        self.cell(20, 5, str(self.page_no()), align="R")
        self.set_text_color(0, 0, 0)


class Renderer:
    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        pdf = DeckPDF(orientation="landscape", unit="mm", format=PAGE)
        pdf.running_footer = french(data["running_footer"])
        self.width = fpdf_setup(pdf, data["title"], CREATED, (SIDE, 14.0), (SANS,))
        pdf.set_creator("plancompare scripts/render_draft_diapo.py")
        pdf.add_font(SANS, "I", str(FONT_DIR / "DejaVuSans-Oblique.ttf"))
        pdf.set_auto_page_break(False)
        self.pdf = pdf

    # ---------------------------------------------------------------- building blocks

    def slide(self, dark: tuple[int, int, int] | None = None) -> None:
        pdf = self.pdf
        pdf.dark = dark is not None
        pdf.add_page()
        if dark is not None:
            pdf.set_fill_color(*dark)
            pdf.rect(0, 0, pdf.w, pdf.h, style="F")

    def band(self, title: str, kicker: str | None, color: tuple[int, int, int]) -> None:
        """The coloured title band: an optional small kicker over the title, the title shrunk to one line."""
        pdf = self.pdf
        pdf.set_fill_color(*color)
        pdf.rect(0, 0, pdf.w, BAND, style="F")
        pdf.set_fill_color(*RED)
        pdf.rect(0, BAND, 60, 1.4, style="F")
        pdf.set_text_color(*WHITE)
        if kicker:
            pdf.set_font(SANS, "", 9)
            pdf.set_xy(SIDE, 6.5)
            pdf.cell(self.width, 4.5, french(kicker), align="L")
        size = 21.0
        text = french(title)
        pdf.set_font(SANS, "B", size)
        while pdf.get_string_width(text) > self.width and size > 14:
            size -= 0.5
            pdf.set_font(SANS, "B", size)
        pdf.set_xy(SIDE, 14.5 if kicker else 11)
        pdf.cell(self.width, 9, text, align="L")
        pdf.set_text_color(0, 0, 0)

    def bullets_height(self, items: list[str], width: float, size: float) -> float:
        pdf = self.pdf
        pdf.set_font(SANS, "", size)
        line = size * 0.47
        total = 0.0
        for item in items:
            lines = pdf.multi_cell(width - 7, line, french(item), dry_run=True, output="LINES")
            assert isinstance(lines, list)
            total += len(lines) * line + size * GAP
        return total

    def fit(self, items: list[str], width: float, room: float, size: float) -> float:
        """The largest type size (down from `size`) at which `items` fit in `room` mm."""
        while self.bullets_height(items, width, size) > room and size > 10:
            size -= 0.5
        if self.bullets_height(items, width, size) > room:
            sys.exit(f"bullets do not fit: {items[0][:40]!r}…")
        return size

    def bullets(
        self, items: list[str], x: float, y: float, width: float, size: float, accent: tuple[int, int, int]
    ) -> float:
        pdf = self.pdf
        line = size * 0.47
        for item in items:
            pdf.set_xy(x, y)
            pdf.set_text_color(*accent)
            pdf.set_font(SANS, "B", size)
            pdf.cell(7, line, "•", align="L")
            pdf.set_text_color(0, 0, 0)
            pdf.set_font(SANS, "", size)
            pdf.set_xy(x + 7, y)
            pdf.multi_cell(width - 7, line, french(item), align="L", new_x="LEFT", new_y="NEXT")
            y = pdf.get_y() + size * GAP
        return y

    def block(self, measure: dict[str, Any], accent: tuple[int, int, int]) -> None:
        """The « Pilote » / « Calendrier » boxes at the foot of a slide (either may be missing)."""
        pdf = self.pdf
        fields = [
            (label, measure[key])
            for key, label in (("pilote", "Pilote"), ("calendrier", "Calendrier"))
            if measure.get(key)
        ]
        gap = 8.0
        box = (self.width - gap) / 2
        for index, (label, value) in enumerate(fields):
            x = SIDE + index * (box + gap)
            pdf.set_fill_color(*PALE)
            pdf.rect(x, BLOCK_TOP, box, 16, style="F")
            pdf.set_fill_color(*accent)
            pdf.rect(x, BLOCK_TOP, 1.6, 16, style="F")
            pdf.set_xy(x + 5, BLOCK_TOP + 2.2)
            pdf.set_text_color(*accent)
            pdf.set_font(SANS, "B", 9)
            pdf.cell(box - 8, 4.5, label.upper(), align="L")
            pdf.set_xy(x + 5, BLOCK_TOP + 7.5)
            pdf.set_text_color(0, 0, 0)
            pdf.set_font(SANS, "", 11)
            pdf.cell(box - 8, 6, french(value), align="L")

    def table(
        self, spec: dict[str, Any], x: float, y: float, width: float, accent: tuple[int, int, int]
    ) -> None:
        pdf = self.pdf
        pdf.set_xy(x, y)
        pdf.set_font(SANS, "B", 13)
        pdf.set_text_color(*accent)
        pdf.cell(width, 8, french(spec["caption"]), align="L")
        y += 11
        columns = len(spec["header"])
        first = width * (0.42 if columns > 3 else 1 / columns)
        other = (width - first) / (columns - 1)
        widths = [first] + [other] * (columns - 1)
        pdf.set_draw_color(255, 255, 255)
        pdf.set_line_width(0.4)
        for index, row in enumerate([spec["header"], *spec["rows"]]):
            header = index == 0
            last = index == len(spec["rows"])
            pdf.set_fill_color(*(accent if header else PALE))
            pdf.set_text_color(*(WHITE if header else (0, 0, 0)))
            pdf.set_font(SANS, "B" if header or last else "", 11 if header else 12)
            pdf.set_xy(x, y)
            for col, (cell, w) in enumerate(zip(row, widths, strict=True)):
                pdf.cell(w, 10, french(cell), border=1, fill=True, align="L" if col == 0 else "C")
            y += 10
        pdf.set_text_color(0, 0, 0)

    # ---------------------------------------------------------------- slides

    def cover(self) -> None:
        pdf, cover = self.pdf, self.data["cover"]
        self.slide()
        pdf.set_fill_color(*NAVY)
        pdf.rect(0, 0, pdf.w, 22, style="F")
        pdf.set_fill_color(*RED)
        pdf.rect(0, 22, pdf.w, 1.6, style="F")
        pdf.set_text_color(*WHITE)
        pdf.set_font(SANS, "B", 10)
        pdf.set_xy(SIDE, 8.5)
        pdf.cell(self.width, 5, french(cover["kicker"]), align="L")
        pdf.set_text_color(*NAVY)
        pdf.set_font(SANS, "B", 27)
        pdf.set_xy(SIDE, 40)
        pdf.multi_cell(self.width * 0.8, 12, french(cover["title"]), align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
        pdf.set_text_color(*ACCENTS[0])
        pdf.set_font(SANS, "B", 30)
        pdf.cell(self.width, 14, cover["years"], align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
        pdf.set_text_color(*GREY)
        pdf.set_font(SANS, "", 14)
        pdf.multi_cell(self.width, 7, french(cover["subtitle"]), align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0, 0, 0)
        cover_stamp(pdf, self.width, cover["stamp"], 133, RED, SANS)
        cover_notice(pdf, self.width, cover["notice"], 155, PALE, SANS)

    def agenda(self) -> None:
        pdf, agenda = self.pdf, self.data["agenda"]
        self.slide()
        self.band(agenda["title"], None, NAVY)
        y = BODY_TOP + 4
        for number, item in enumerate(agenda["items"], start=1):
            pdf.set_fill_color(
                *ACCENTS[(number - 2) % len(ACCENTS)] if 1 < number < len(agenda["items"]) else NAVY
            )
            pdf.rect(SIDE + 10, y, 9, 9, style="F")
            pdf.set_xy(SIDE + 10, y)
            pdf.set_text_color(*WHITE)
            pdf.set_font(SANS, "B", 12)
            pdf.cell(9, 9, str(number), align="C")
            pdf.set_xy(SIDE + 25, y)
            pdf.set_text_color(*NAVY)
            pdf.set_font(SANS, "", 17)
            pdf.cell(self.width - 30, 9, french(item), align="L")
            y += 15
        pdf.set_text_color(0, 0, 0)

    def context(self, slide: dict[str, Any]) -> None:
        pdf = self.pdf
        self.slide()
        self.band(slide["title"], "Contexte", NAVY)
        if slide["kind"] == "figures":
            gap = 8.0
            cell = (self.width - 2 * gap) / 3
            height = 50.0
            for index, item in enumerate(slide["items"]):
                row, col = divmod(index, 3)
                x = SIDE + col * (cell + gap)
                y = BODY_TOP + 4 + row * (height + gap)
                pdf.set_fill_color(*PALE)
                pdf.rect(x, y, cell, height, style="F")
                pdf.set_xy(x + 6, y + 6)
                pdf.set_text_color(*RED)
                pdf.set_font(SANS, "B", 26)
                pdf.cell(cell - 12, 13, french(item["figure"]), align="L")
                pdf.set_xy(x + 6, y + 22)
                pdf.set_text_color(*NAVY)
                pdf.set_font(SANS, "", 11.5)
                pdf.multi_cell(cell - 12, 5.6, french(item["label"]), align="L")
            pdf.set_text_color(0, 0, 0)
        else:
            pdf.set_xy(SIDE, BODY_TOP)
            pdf.set_text_color(*GREY)
            pdf.set_font(SANS, "I", 13)
            pdf.cell(self.width, 7, french(slide["intro"]), align="L")
            pdf.set_text_color(0, 0, 0)
            room = BODY_BOTTOM - BODY_TOP - 12
            size = self.fit(slide["items"], self.width, room, 19)
            self.bullets(slide["items"], SIDE, BODY_TOP + 12, self.width, size, NAVY)

    def divider(self, axis: dict[str, Any], accent: tuple[int, int, int]) -> None:
        pdf = self.pdf
        self.slide(dark=accent)
        pdf.set_text_color(*WHITE)
        pdf.set_font(SANS, "B", 24)
        pdf.set_xy(SIDE + 10, 62)
        pdf.cell(self.width, 12, f"Axe {axis['number']}", align="L")
        pdf.set_fill_color(*WHITE)
        pdf.rect(SIDE + 10, 78, 40, 1.2, style="F")
        pdf.set_font(SANS, "B", 34)
        pdf.set_xy(SIDE + 10, 84)
        pdf.multi_cell(self.width - 20, 15, french(axis["title"]), align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(SANS, "", 16)
        pdf.set_x(SIDE + 10)
        pdf.cell(self.width, 12, axis_range(axis), align="L")
        pdf.set_text_color(0, 0, 0)

    def measure_slide(
        self, axis: dict[str, Any], measure: dict[str, Any], accent: tuple[int, int, int]
    ) -> None:
        self.slide()
        self.band(measure_heading(measure), f"Axe {axis['number']} · {axis['title']}", NAVY)
        has_block = bool(measure.get("pilote") or measure.get("calendrier"))
        bottom = BLOCK_TOP - 5 if has_block else BODY_BOTTOM
        width = self.width * text_share(measure)
        size = self.fit(measure["bullets"], width, bottom - BODY_TOP, 20)
        self.bullets(measure["bullets"], SIDE, BODY_TOP, width, size, accent)
        if measure.get("table"):
            table_x = SIDE + width + 10
            self.table(measure["table"], table_x, BODY_TOP, self.width - width - 10, accent)
        if has_block:
            self.block(measure, accent)

    def pair_slide(
        self, axis: dict[str, Any], pair: list[dict[str, Any]], accent: tuple[int, int, int]
    ) -> None:
        """Two short measures side by side under the axis' band, each a column under its own heading."""
        pdf = self.pdf
        self.slide()
        self.band(axis_heading(axis), None, NAVY)
        gap = 14.0
        column = (self.width - gap) / 2
        pdf.set_draw_color(*PALE)
        pdf.set_line_width(0.6)
        middle = SIDE + column + gap / 2
        pdf.line(middle, BODY_TOP, middle, BODY_BOTTOM - 4)
        for index, measure in enumerate(pair):
            x = SIDE + index * (column + gap)
            pdf.set_xy(x, BODY_TOP)
            pdf.set_text_color(*accent)
            pdf.set_font(SANS, "B", 15)
            pdf.multi_cell(column, 7, french(measure_heading(measure)), align="L", new_x="LEFT", new_y="NEXT")
            top = pdf.get_y() + 4
            bottom = BODY_BOTTOM - (14 if measure.get("calendrier") else 0)
            size = self.fit(measure["bullets"], column, bottom - top, 16)
            self.bullets(measure["bullets"], x, top, column, size, accent)
            if measure.get("pilote"):
                sys.exit(f"measure {measure['number']}: a shared slide has no room for « Pilote »")
            if measure.get("calendrier"):
                pdf.set_xy(x, BODY_BOTTOM - 10)
                pdf.set_text_color(*accent)
                pdf.set_font(SANS, "B", 9)
                pdf.cell(28, 6, "CALENDRIER", align="L")
                pdf.set_text_color(0, 0, 0)
                pdf.set_font(SANS, "", 11)
                pdf.cell(column - 28, 6, french(measure["calendrier"]), align="L")

    def closing(self) -> None:
        pdf, closing = self.pdf, self.data["closing"]
        self.slide()
        self.band(closing["title"], None, NAVY)
        y = BODY_TOP + 6
        for when, what in closing["items"]:
            pdf.set_fill_color(*RED)
            pdf.rect(SIDE + 8, y + 2.5, 4, 4, style="F")
            pdf.set_xy(SIDE + 18, y)
            pdf.set_text_color(*NAVY)
            pdf.set_font(SANS, "B", 16)
            pdf.cell(80, 9, french(when), align="L")
            pdf.set_text_color(0, 0, 0)
            pdf.set_font(SANS, "", 16)
            pdf.cell(self.width - 100, 9, french(what), align="L")
            y += 20

    def thanks(self) -> None:
        pdf, thanks = self.pdf, self.data["thanks"]
        self.slide(dark=NAVY)
        pdf.set_text_color(*WHITE)
        pdf.set_font(SANS, "B", 44)
        pdf.set_xy(SIDE, 48)
        pdf.cell(self.width, 20, thanks["title"], align="C")
        pdf.set_font(SANS, "", 16)
        pdf.set_xy(SIDE, 76)
        for line in thanks["lines"]:
            pdf.cell(self.width, 9, french(line), align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0, 0, 0)
        cover_notice(pdf, self.width, self.data["cover"]["notice"], 128, PALE, SANS)

    def render(self) -> DeckPDF:
        self.cover()
        self.agenda()
        for slide in self.data["context"]:
            self.context(slide)
        for index, axis in enumerate(self.data["axes"]):
            accent = ACCENTS[index % len(ACCENTS)]
            self.divider(axis, accent)
            for group in slides_of(axis):
                if len(group) == 1:
                    self.measure_slide(axis, group[0], accent)
                else:
                    self.pair_slide(axis, group, accent)
        self.closing()
        self.thanks()
        return self.pdf


def check_numbers(data: dict[str, Any]) -> None:
    """Measures are numbered 1 … N straight through the axes."""
    numbers = [m["number"] for a in data["axes"] for m in a["measures"]]
    if numbers != list(range(1, len(numbers) + 1)):
        sys.exit(f"measures are not numbered 1 … N in order: {numbers}")


def lines_of(measure: dict[str, Any]) -> list[str]:
    """What the text layer must carry of a measure: its heading, bullets, « Pilote » and « Calendrier »."""
    fields = [measure[key] for key in ("pilote", "calendrier") if measure.get(key)]
    return [measure_heading(measure), *measure["bullets"], *fields]


def require_in_columns(target: Path, wanted: list[str], split_mm: float | None = None) -> None:
    """Stop unless every line of `wanted` is in one part of a page split at `split_mm` (default: its middle).
    A slide holding two measures sets them side by side, a table stands right of its slide's bullets, and
    pdfplumber reads the lines of both sides together."""
    with pdfplumber.open(target) as pdf:
        split = pdf.pages[0].width / 2 if split_mm is None else split_mm * 72 / 25.4
    flat = " ".join(" ".join(column_texts(target, split)).replace(NBSP, " ").split())
    for line in wanted:
        if " ".join(line.split()) not in flat:
            sys.exit(f"not found in a column of the text layer: {line!r}")


def render(source: Path, target: Path) -> None:
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    check_numbers(data)
    Renderer(data).render().output(str(target))
    # Every slide title, axis divider and measure heading, bullet and « Pilote » / « Calendrier » value is
    # in the PDF's text layer (the measures of a shared slide in their column).
    groups = [group for axis in data["axes"] for group in slides_of(axis)]
    alone = [group[0] for group in groups if len(group) == 1 and not group[0].get("table")]
    tabled = [group[0] for group in groups if len(group) == 1 and group[0].get("table")]
    shared = [measure for group in groups if len(group) > 1 for measure in group]
    require_text(
        target,
        [data["agenda"]["title"], data["closing"]["title"], *(c["title"] for c in data["context"])]
        + [f"Axe {a['number']}" for a in data["axes"]]
        + [a["title"] for a in data["axes"]]
        + [axis_range(a) for a in data["axes"]]
        + [line for m in alone for line in lines_of(m)]
        + [line for m in tabled for line in lines_of(m) if line not in m["bullets"]],
    )
    require_in_columns(target, [line for m in shared for line in lines_of(m)])
    width = PAGE[1] - 2 * SIDE
    for measure in tabled:
        require_in_columns(target, measure["bullets"], SIDE + text_share(measure) * width + 5)


def main() -> None:
    draft_cli(render, __doc__, "diapo")


if __name__ == "__main__":
    main()
