"""Render the fictional « relevé de décisions » of corpora/releve/src/plan.yaml as a one-column A4 PDF.

The draft is NOT an official text (its first page says so): the « Relevé de décisions » of a meeting of an
interministerial committee against trafficking in human beings, whose twenty-seven decisions, « Décision 1 »
… « Décision 27 » numbered straight through five parts « I. — » … « V. — », make up the national plan
2040-2042. Layout, as an administrative note: no cover; the first page opens with the sender's block at the
left (« PREMIER MINISTRE », the committee), the place, date and reference at the right, the centred title
and subtitle, the boxed « Document de travail » stamp and the fictional-text notice; then the meeting
(« Présidence : … », run-in labels in bold) and the preamble; then the parts run on, each headed by its
Roman numeral and its title in capitals over a rule; a decision is its heading « Décision 12 — Titre » in
bold, a run-in « Constat. » paragraph in a smaller grey serif, what the Comité decides (paragraphs, and dash
items with a hanging indent after a lead « Le Comité décide : »), and a shaded fields line « Pilote : … ·
Associés : … · Échéance : … · Moyens : … » (labels in bold). Then the closing paragraph and the signature;
last, on a new page, the annex « Tableau de suivi des décisions » (N°, Décision, Pilote, Échéance). Every
page carries a centred running footer and « page / pages ». DejaVu Serif for the text, DejaVu Sans for the
headings and fields.

Dev tool only: needs the [render] extra (fpdf2; the fixture helpers imported from render_fixtures.py also
import reportlab and pypdf) and DejaVu fonts (Debian fonts-dejavu-core). Output is byte-identical across
runs (fixed creation date, embedded DejaVu subsets).

    .venv/bin/python scripts/render_draft_releve.py \
        corpora/releve/src/plan.yaml corpora/releve/releve-de-decisions-2039-11-14.pdf
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
from render_fixtures import FONT_DIR, NBSP, cover_notice, cover_stamp, draft_cli, fpdf_setup
from render_fixtures import french_typography as french

SERIF = "DejaVuSerif"
SANS = "DejaVuSans"
CREATED = dt.date(2039, 11, 14)
MARGINS = (24.0, 18.0)  # side, top (mm)
BOTTOM = 22.0
NAVY = (0, 38, 84)
GREY = (90, 90, 90)
SHADE = (236, 240, 246)
RED = (170, 25, 35)
DASH_INDENT = 7.0  # where a dash item's text starts (mm from the margin)


def heading(decision: dict[str, Any]) -> str:
    return f"Décision {decision['number']} — {decision['title']}"


def part_heading(part: dict[str, Any]) -> str:
    return f"{part['number']}. — {part['title'].upper()}"


def fields(decision: dict[str, Any]) -> list[tuple[str, str]]:
    """The fields line's (label, value) pairs: Pilote, Associés, Échéance and, when given, Moyens."""
    pairs = [("Pilote :", decision["pilote"]), ("Associés :", decision["associes"])]
    pairs.append(("Échéance :", decision["echeance"]))
    if decision.get("moyens"):
        pairs.append(("Moyens :", decision["moyens"]))
    return pairs


def fields_line(decision: dict[str, Any]) -> str:
    return " · ".join(f"{label} {value}" for label, value in fields(decision))


def flat(text: str) -> str:
    return " ".join(text.split())


class NotePDF(FPDF):
    running_footer = ""

    def footer(self) -> None:
        width = self.w - self.l_margin - self.r_margin
        self.set_y(-14)
        self.set_font(SANS, "", 7)
        self.set_text_color(*GREY)
        self.cell(width, 3.6, self.running_footer, align="C", new_x="LMARGIN", new_y="NEXT")
        self.cell(width, 3.6, f"{self.page_no()}/{{nb}}", align="C")
        self.set_text_color(0, 0, 0)


class Renderer:
    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        pdf = NotePDF(orientation="portrait", format="A4")
        pdf.running_footer = french(data["running_footer"])
        header = data["header"]
        self.width = fpdf_setup(
            pdf,
            f"{header['service']} — {header['title']} — {header['subtitle']}",
            CREATED,
            MARGINS,
            (SERIF, SANS),
        )
        pdf.set_creator("plancompare scripts/render_draft_releve.py")
        pdf.add_font(SERIF, "I", str(FONT_DIR / "DejaVuSerif-Italic.ttf"))
        pdf.add_font(SERIF, "BI", str(FONT_DIR / "DejaVuSerif-BoldItalic.ttf"))
        pdf.add_font(SANS, "I", str(FONT_DIR / "DejaVuSans-Oblique.ttf"))
        pdf.set_auto_page_break(True, margin=BOTTOM)
        self.pdf = pdf

    # ---- pieces ---------------------------------------------------------------------------------

    def room(self, mm: float) -> None:
        """A new page unless `mm` millimetres remain above the bottom margin."""
        if self.pdf.get_y() + mm > self.pdf.h - BOTTOM:
            self.pdf.add_page()

    def para(self, text: str, size: float = 10, leading: float = 5.1) -> None:
        self.pdf.set_font(SERIF, "", size)
        self.pdf.multi_cell(self.width, leading, french(flat(text)), align="J", new_x="LMARGIN", new_y="NEXT")

    def run_in(self, label: str, text: str, size: float = 10, leading: float = 5.1) -> None:
        """A paragraph opening with a bold run-in label (« Présidence : », « Constat. »)."""
        body = french(flat(text)).replace("**", "")
        self.pdf.set_font(SERIF, "", size)
        self.pdf.multi_cell(
            self.width,
            leading,
            f"**{french(label)}** {body}",
            markdown=True,
            align="J",
            new_x="LMARGIN",
            new_y="NEXT",
        )

    def dash(self, text: str) -> None:
        pdf = self.pdf
        pdf.set_font(SERIF, "", 10)
        pdf.set_x(pdf.l_margin + DASH_INDENT - 4.5)
        pdf.cell(4, 5.1, "–")
        pdf.set_x(pdf.l_margin + DASH_INDENT)
        pdf.multi_cell(
            self.width - DASH_INDENT, 5.1, french(flat(text)), align="J", new_x="LMARGIN", new_y="NEXT"
        )
        pdf.ln(0.8)

    def fields(self, decision: dict[str, Any]) -> None:
        pdf = self.pdf
        pdf.set_font(SANS, "", 8.5)
        pdf.set_fill_color(*SHADE)
        parts = []
        for index, (label, value) in enumerate(fields(decision)):
            sep = " · " if index else ""
            parts.append(f"{sep}**{french(label)}** {french(value)}")
        pdf.multi_cell(
            self.width,
            4.6,
            "".join(parts),
            markdown=True,
            fill=True,
            padding=(1, 2, 1, 2),
            new_x="LMARGIN",
            new_y="NEXT",
        )

    # ---- parts ----------------------------------------------------------------------------------

    def first_page(self) -> None:
        pdf, header = self.pdf, self.data["header"]
        pdf.add_page()
        top = pdf.get_y()
        pdf.set_text_color(*NAVY)
        pdf.set_font(SANS, "B", 10.5)
        pdf.cell(80, 5.5, header["authority"], new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(SANS, "", 8.5)
        pdf.multi_cell(70, 4.3, french(header["service"]), align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0, 0, 0)
        pdf.set_xy(pdf.l_margin + self.width - 70, top)
        pdf.set_font(SERIF, "", 9.5)
        pdf.cell(70, 5, french(header["place_date"]), align="R", new_x="LEFT", new_y="NEXT")
        pdf.set_font(SERIF, "I", 8.5)
        pdf.cell(70, 5, french(header["reference"]), align="R")
        pdf.set_y(top + 26)
        pdf.set_text_color(*NAVY)
        pdf.set_font(SANS, "B", 17)
        pdf.cell(self.width, 9, header["title"].upper(), align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1)
        pdf.set_font(SANS, "", 10.5)
        pdf.multi_cell(self.width, 5.6, french(header["subtitle"]), align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0, 0, 0)
        cover_stamp(pdf, self.width, header["stamp"], pdf.get_y() + 5, RED, SANS)
        cover_notice(pdf, self.width, flat(header["notice"]), pdf.get_y() + 3, SHADE, SERIF)
        pdf.ln(6)
        for item in self.data["meeting"]:
            self.run_in(f"{item['label']} :", item["text"], size=9.5, leading=4.8)
            pdf.ln(1.5)
        pdf.ln(2)
        for text in self.data["preamble"]:
            self.para(text)
            pdf.ln(2.5)

    def part(self, part: dict[str, Any]) -> None:
        pdf = self.pdf
        self.room(60)
        pdf.ln(4)
        pdf.set_text_color(*NAVY)
        pdf.set_font(SANS, "B", 11.5)
        pdf.multi_cell(self.width, 6, french(part_heading(part)), align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.set_draw_color(*NAVY)
        pdf.set_line_width(0.5)
        pdf.line(pdf.l_margin, pdf.get_y() + 1, pdf.l_margin + self.width, pdf.get_y() + 1)
        pdf.set_text_color(0, 0, 0)
        pdf.ln(5)
        for decision in part["decisions"]:
            self.decision(decision)

    def decision(self, decision: dict[str, Any]) -> None:
        pdf = self.pdf
        self.room(40)
        pdf.set_text_color(*NAVY)
        pdf.set_font(SANS, "B", 10.5)
        pdf.multi_cell(self.width, 5.6, french(heading(decision)), align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0, 0, 0)
        pdf.ln(1.5)
        pdf.set_text_color(*GREY)
        self.run_in("Constat.", decision["constat"], size=9, leading=4.6)
        pdf.set_text_color(0, 0, 0)
        pdf.ln(2)
        for item in decision["decide"]:
            if isinstance(item, str):
                self.para(item)
                pdf.ln(1.5)
                continue
            self.para(item["lead"])
            pdf.ln(0.8)
            for sub in item["items"]:
                self.dash(sub)
            pdf.ln(0.7)
        self.room(10)
        self.fields(decision)
        pdf.ln(7)

    def closing(self) -> None:
        pdf = self.pdf
        self.room(30)
        pdf.ln(2)
        for text in self.data["closing"]:
            self.para(text)
            pdf.ln(3)
        pdf.set_font(SERIF, "I", 9.5)
        pdf.multi_cell(
            self.width, 5, french(self.data["signature"]), align="R", new_x="LMARGIN", new_y="NEXT"
        )

    def annex(self) -> None:
        pdf, annex = self.pdf, self.data["annex"]
        pdf.add_page()
        pdf.set_text_color(*NAVY)
        pdf.set_font(SANS, "B", 13)
        pdf.multi_cell(self.width, 7, french(annex["title"]), new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0, 0, 0)
        pdf.ln(3)
        pdf.set_font(SANS, "", 8)
        pdf.set_draw_color(*GREY)
        pdf.set_line_width(0.2)
        with pdf.table(
            col_widths=(9, 80, 46, 27),
            line_height=4.1,
            text_align=("CENTER", "LEFT", "LEFT", "LEFT"),
            headings_style=FontFace(emphasis="BOLD", color=(255, 255, 255), fill_color=NAVY),
            padding=0.9,
            v_align="TOP",
        ) as table:
            head = table.row()
            for cell in annex["header"]:
                head.cell(french(cell))
            for part in self.data["parts"]:
                for decision in part["decisions"]:
                    row = table.row()
                    row.cell(str(decision["number"]))
                    row.cell(french(decision["title"]))
                    row.cell(french(decision["pilote"]))
                    row.cell(french(decision["echeance"]))

    def render(self) -> FPDF:
        self.first_page()
        for part in self.data["parts"]:
            self.part(part)
        self.closing()
        self.annex()
        return self.pdf


def check_numbers(data: dict[str, Any]) -> None:
    """Decisions are numbered 1 … N straight through the parts."""
    numbers = [d["number"] for p in data["parts"] for d in p["decisions"]]
    if numbers != list(range(1, len(numbers) + 1)):
        sys.exit(f"decisions are not numbered 1 … N in order: {numbers}")


def items_of(decision: dict[str, Any]) -> list[str]:
    """What a decision decides, as printed: each paragraph, each lead and each dash item."""
    out: list[str] = []
    for item in decision["decide"]:
        if isinstance(item, str):
            out.append(item)
        else:
            out.append(item["lead"])
            out.extend(f"– {sub}" for sub in item["items"])
    return [flat(text) for text in out]


def require_text(target: Path, wanted: list[str]) -> None:
    """Stop unless every line of `wanted` is in `target`'s text layer (spaces normalised), the running
    footer of every page left out (a paragraph may run on to the next page)."""
    with pdfplumber.open(target) as pdf:
        foot = (BOTTOM - 5) * 72 / 25.4
        texts = [page.crop((0, 0, page.width, page.height - foot)).extract_text() or "" for page in pdf.pages]
    text = " ".join("\n".join(texts).replace(NBSP, " ").split())
    for line in wanted:
        if flat(line) not in text:
            sys.exit(f"not found in the text layer: {line!r}")


def render(source: Path, target: Path) -> None:
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    check_numbers(data)
    Renderer(data).render().output(str(target))
    require_text(
        target,
        [part_heading(p) for p in data["parts"]]
        + [
            line
            for p in data["parts"]
            for d in p["decisions"]
            for line in (heading(d), "Constat. " + flat(d["constat"]), *items_of(d), fields_line(d))
        ],
    )


def main() -> None:
    draft_cli(render, __doc__, "releve")


if __name__ == "__main__":
    main()
