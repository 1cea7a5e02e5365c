"""Render the fictional « fiches action » draft (corpora/fiches/src/plan.yaml) as an A4 PDF with fpdf2.

The draft is NOT an official text: it is test data for plancompare, laid out unlike the other bundled
drafts. A cover page (saying it is fictional); a one-page « Sommaire » listing the objectives and every
fiche with dot leaders and page numbers (which an extractor must not take for fiches); an introduction;
each « Objectif N » on a page of its own under a coloured banner; then one page per fiche, headed
« Fiche action n° N – titre », with a ruled two-column table of its fields (label in bold in its own
cell, value in the next: Pilote, Partenaires, Calendrier, Indicateur(s), Financement), then « Constat »
(present situation) and « Actions » (commitments, with « • » bullets); a fiche that does not fit runs on
to the next page. A closing annex « Liste des sigles » is a ruled table. A running header and a page
number on every page after the cover. French typography: non-breaking spaces inside « » and before
: ; ? !, after « n° » and before € (plain spaces in the YAML).

Dev tool only (needs the [render] extra: fpdf2, plus pdfplumber for the check, and Debian's
fonts-dejavu-core). Output is byte-identical across runs (fixed creation date and metadata, embedded
DejaVu subsets). After writing, the script re-reads the PDF with pdfplumber and checks that each fiche
heading is on the page the Sommaire gives.

    .venv/bin/python scripts/render_draft_fiches.py \
        corpora/fiches/src/plan.yaml corpora/fiches/plan-2021-2023-fiches.pdf
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from pathlib import Path
from typing import Any

import pdfplumber
import yaml
from fpdf import FPDF
from fpdf.enums import MethodReturnValue
from fpdf.fonts import FontFace

sys.path.insert(0, str(Path(__file__).resolve().parent))
from render_fixtures import FONT_DIR, NBSP, fpdf_setup, nbsp_before_colon

SANS, SERIF = "DejaVuSans", "DejaVuSerif"
CREATED = dt.date(2021, 1, 15)
MARGINS = (20.0, 22.0)  # side, top (mm)
BOTTOM = 20.0
NAVY = (31, 58, 104)
SHADE = (232, 237, 245)
GREY = (110, 110, 110)
RUNNING_LEFT = "Plan d’action national de lutte contre la traite des êtres humains 2021-2023"
RUNNING_RIGHT = "Document de travail"
LABEL_WIDTH = 36.0


def typo(text: str) -> str:
    """French spacing: non-breaking spaces inside « », before : ; ? !, after « n° » and before €."""
    text = text.replace("« ", "«" + NBSP).replace(" »", NBSP + "»")
    text = nbsp_before_colon(text)
    text = text.replace("n° ", "n°" + NBSP)
    return re.sub(r"(\d) (M?€)", r"\1" + NBSP + r"\2", text)


def fiche_heading(fiche: dict[str, Any]) -> str:
    return typo(f"Fiche action n° {fiche['number']} – {fiche['title']}")


def objective_heading(objective: dict[str, Any]) -> str:
    return typo(f"Objectif {objective['number']} : {objective['title']}")


class FichesPDF(FPDF):
    """Running header and page number on every page but the cover."""

    def header(self) -> None:
        if self.page_no() == 1:
            return
        self.set_font(SANS, "", 7.5)
        self.set_text_color(*GREY)
        self.set_y(10)
        width = self.w - self.l_margin - self.r_margin
        self.cell(width, 4, RUNNING_LEFT, align="L")
        self.set_x(self.l_margin)
        self.cell(width, 4, RUNNING_RIGHT, align="R")
        self.set_draw_color(*GREY)
        self.set_line_width(0.2)
        self.line(self.l_margin, 15, self.w - self.r_margin, 15)
        self.set_text_color(0, 0, 0)
        self.set_y(MARGINS[1])

    def footer(self) -> None:
        if self.page_no() == 1:
            return
        self.set_y(-13)
        self.set_font(SANS, "", 8)
        self.set_text_color(*GREY)
        self.cell(0, 5, str(self.page_no()), align="C")
        self.set_text_color(0, 0, 0)


def cover(pdf: FichesPDF, plan: dict[str, Any], width: float) -> None:
    pdf.add_page()
    pdf.set_y(40)
    pdf.set_font(SANS, "", 10)
    pdf.set_text_color(*NAVY)
    pdf.multi_cell(width, 5.5, typo(plan["issuer"]).upper(), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(40)
    pdf.set_font(SERIF, "B", 22)
    pdf.multi_cell(width, 11, typo(plan["title"]), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    pdf.set_font(SERIF, "", 16)
    pdf.multi_cell(width, 8, typo(plan["subtitle"]), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font(SANS, "", 10)
    pdf.set_text_color(0, 0, 0)
    pdf.multi_cell(width, 5.5, typo(plan["status"]), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_y(245)
    pdf.set_draw_color(*NAVY)
    pdf.set_line_width(0.4)
    pdf.set_font(SANS, "I", 9)
    pdf.multi_cell(width, 5, typo(plan["cover_note"]), border=1, align="C", padding=3)


def toc_line(pdf: FichesPDF, width: float, indent: float, text: str, page: int, bold: bool) -> None:
    """One Sommaire entry: the text (wrapped if long), dot leaders, the page number at the right."""
    pdf.set_font(SANS, "B" if bold else "", 9.5)
    number_w = 10.0
    avail = width - indent - number_w - 4
    lines = pdf.multi_cell(avail, 5, text, dry_run=True, output=MethodReturnValue.LINES)
    for i, line in enumerate(lines):
        pdf.set_x(pdf.l_margin + indent)
        if i < len(lines) - 1:
            pdf.cell(avail, 5, line, new_x="LMARGIN", new_y="NEXT")
            continue
        used = pdf.get_string_width(line)
        pdf.cell(used + 1, 5, line)
        dot = pdf.get_string_width(".")
        dots = int((width - indent - number_w - used - 2) / dot)
        pdf.cell(dots * dot, 5, "." * dots)
        pdf.set_x(pdf.l_margin + width - number_w)
        pdf.cell(number_w, 5, str(page), align="R", new_x="LMARGIN", new_y="NEXT")


def sommaire(pdf: FichesPDF, plan: dict[str, Any], width: float, pages: dict[str, int]) -> None:
    pdf.add_page()
    pdf.set_font(SERIF, "B", 16)
    pdf.set_text_color(*NAVY)
    pdf.cell(width, 9, "Sommaire", new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    pdf.ln(4)
    toc_line(pdf, width, 0, "Introduction", pages.get("intro", 0), True)
    pdf.ln(1.5)
    for objective in plan["objectives"]:
        key = f"objective-{objective['number']}"
        toc_line(pdf, width, 0, objective_heading(objective), pages.get(key, 0), True)
        for fiche in objective["fiches"]:
            toc_line(pdf, width, 7, fiche_heading(fiche), pages.get(f"fiche-{fiche['number']}", 0), False)
        pdf.ln(1.5)
    toc_line(pdf, width, 0, "Annexe – Liste des sigles", pages.get("sigles", 0), True)


def introduction(pdf: FichesPDF, plan: dict[str, Any], width: float) -> None:
    pdf.add_page()
    pdf.set_font(SERIF, "B", 16)
    pdf.set_text_color(*NAVY)
    pdf.cell(width, 9, "Introduction", new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    pdf.ln(3)
    pdf.set_font(SERIF, "", 10.5)
    for text in plan["introduction"]:
        pdf.multi_cell(width, 5.6, typo(text), align="J", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)


def objective_page(pdf: FichesPDF, objective: dict[str, Any], width: float) -> None:
    pdf.add_page()
    top = 95.0
    pdf.set_fill_color(*NAVY)
    pdf.rect(pdf.l_margin, top, width, 48, style="F")
    pdf.set_text_color(255, 255, 255)
    pdf.set_xy(pdf.l_margin + 8, top + 8)
    pdf.set_font(SANS, "B", 13)
    pdf.cell(width - 16, 7, f"OBJECTIF {objective['number']}", new_x="LMARGIN", new_y="NEXT")
    pdf.set_xy(pdf.l_margin + 8, top + 19)
    pdf.set_font(SERIF, "B", 17)
    pdf.multi_cell(width - 16, 8.5, typo(objective["title"]), new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    pdf.set_fill_color(255, 255, 255)


def body(pdf: FichesPDF, text: str, width: float) -> None:
    """Paragraphs; a line opening with « • » is a bullet, its text indented."""
    pdf.set_font(SERIF, "", 10)
    for block in text.strip().split("\n\n"):
        # Consecutive plain lines make one paragraph; each bullet line is an item of its own.
        items: list[tuple[bool, str]] = []
        for line in (raw.strip() for raw in block.split("\n")):
            if not line:
                continue
            if line.startswith("•"):
                items.append((True, line[1:].strip()))
            elif items and not items[-1][0]:
                items[-1] = (False, items[-1][1] + " " + line)
            else:
                items.append((False, line))
        for bullet, item in items:
            if bullet:
                pdf.set_x(pdf.l_margin + 4)
                pdf.cell(4, 5.1, "•")
                pdf.multi_cell(width - 8, 5.1, typo(item), align="L", new_x="LMARGIN", new_y="NEXT")
                pdf.ln(0.6)
            else:
                pdf.multi_cell(width, 5.1, typo(item), align="J", new_x="LMARGIN", new_y="NEXT")
                pdf.ln(0.8)
        pdf.ln(1.6)


def section_label(pdf: FichesPDF, label: str, width: float) -> None:
    pdf.set_font(SANS, "B", 10.5)
    pdf.set_text_color(*NAVY)
    pdf.cell(width, 6, label, new_x="LMARGIN", new_y="NEXT")
    pdf.set_draw_color(*NAVY)
    pdf.set_line_width(0.3)
    y = pdf.get_y()
    pdf.line(pdf.l_margin, y, pdf.l_margin + 25, y)
    pdf.set_text_color(0, 0, 0)
    pdf.ln(2)


def fiche_page(pdf: FichesPDF, fiche: dict[str, Any], width: float) -> None:
    pdf.add_page()
    pdf.set_font(SANS, "B", 12.5)
    pdf.set_text_color(*NAVY)
    pdf.multi_cell(width, 6.5, fiche_heading(fiche), new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    pdf.ln(3)
    # The fields as a ruled table: the label in bold in its own shaded cell, the value beside it.
    pdf.set_font(SANS, "", 9)
    pdf.set_draw_color(90, 90, 90)
    pdf.set_line_width(0.2)
    label_style = FontFace(emphasis="BOLD", fill_color=SHADE)
    value_style = FontFace(fill_color=(255, 255, 255))
    with pdf.table(
        col_widths=(LABEL_WIDTH, width - LABEL_WIDTH),
        first_row_as_headings=False,
        line_height=4.8,
        padding=1.5,
        text_align=("LEFT", "LEFT"),
    ) as table:
        for label, value in fiche["fields"]:
            row = table.row()
            row.cell(typo(label), style=label_style)
            row.cell(typo(value), style=value_style)
    pdf.ln(5)
    section_label(pdf, "Constat", width)
    body(pdf, fiche["constat"], width)
    pdf.ln(1)
    section_label(pdf, "Actions", width)
    body(pdf, fiche["actions"], width)


def sigles(pdf: FichesPDF, plan: dict[str, Any], width: float) -> None:
    pdf.add_page()
    pdf.set_font(SERIF, "B", 16)
    pdf.set_text_color(*NAVY)
    pdf.cell(width, 9, "Annexe – Liste des sigles", new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    pdf.ln(4)
    pdf.set_font(SANS, "", 9)
    with pdf.table(
        col_widths=(28, width - 28),
        first_row_as_headings=False,
        line_height=4.4,
        padding=1,
        text_align=("LEFT", "LEFT"),
    ) as table:
        for acronym, expansion in plan["sigles"]:
            row = table.row()
            row.cell(acronym, style=FontFace(emphasis="BOLD"))
            row.cell(typo(expansion))


def render(plan: dict[str, Any], out: Path) -> dict[str, int]:
    # Two passes: the first finds the page each part starts on, the second prints them in the Sommaire.
    pages: dict[str, int] = {}
    for _ in range(2):
        pdf, pages_now = build(plan, pages)
        if pages_now == pages:
            break
        pages = pages_now
    pdf, pages_now = build(plan, pages)
    assert pages_now == pages, "page numbers did not settle"
    out.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(out))
    return pages


def build(plan: dict[str, Any], pages: dict[str, int]) -> tuple[FichesPDF, dict[str, int]]:
    """The whole document, the Sommaire filled from `pages`; returns it with the page each part starts on."""
    pdf = FichesPDF(orientation="portrait", format="A4")
    width = fpdf_setup(pdf, plan["title"], CREATED, MARGINS, (SANS, SERIF))
    pdf.add_font(SANS, "I", str(FONT_DIR / "DejaVuSans-Oblique.ttf"))
    pdf.set_creator("plancompare scripts/render_draft_fiches.py")
    pdf.set_author("Document fictif – corpus plancompare « fiches »")
    pdf.set_subject("Document fictif, non officiel")
    pdf.set_auto_page_break(True, margin=BOTTOM)
    starts: dict[str, int] = {}
    cover(pdf, plan, width)
    sommaire(pdf, plan, width, pages)
    introduction(pdf, plan, width)
    starts["intro"] = pdf.page_no()
    for objective in plan["objectives"]:
        objective_page(pdf, objective, width)
        starts[f"objective-{objective['number']}"] = pdf.page_no()
        for fiche in objective["fiches"]:
            starts[f"fiche-{fiche['number']}"] = pdf.page_no() + 1
            fiche_page(pdf, fiche, width)
    starts["sigles"] = pdf.page_no() + 1
    sigles(pdf, plan, width)
    return pdf, starts


def check(plan: dict[str, Any], out: Path, pages: dict[str, int]) -> None:
    """Each fiche heading must be read by pdfplumber at the top of the page the Sommaire gives."""

    def norm(s: str) -> str:
        return " ".join(s.replace(NBSP, " ").split())

    with pdfplumber.open(out) as doc:
        texts = [norm(page.extract_text() or "") for page in doc.pages]
    for objective in plan["objectives"]:
        for fiche in objective["fiches"]:
            page = pages[f"fiche-{fiche['number']}"]
            head = norm(fiche_heading(fiche))
            if head[:60] not in texts[page - 1]:
                sys.exit(f"check failed: « {head} » not found on page {page}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("source", type=Path, help="corpora/fiches/src/plan.yaml")
    ap.add_argument("output", type=Path, help="PDF to write")
    args = ap.parse_args(argv)
    plan = yaml.safe_load(args.source.read_text(encoding="utf-8"))
    pages = render(plan, args.output)
    check(plan, args.output, pages)
    fiches = sum(len(o["fiches"]) for o in plan["objectives"])
    print(f"wrote {args.output}: {fiches} fiches, {pages['sigles']} pages")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
