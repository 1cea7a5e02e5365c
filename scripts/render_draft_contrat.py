"""Render the fictional « contrat-cadre national » of corpora/contrat/src/plan.yaml as a one-column A4 PDF.

The draft is NOT an official text (its first page says so): a framework contract between the State and the
associations against trafficking in human beings, whose twenty-six articles, « Article 1er » … « Article
26 » numbered straight through six « TITRE » divisions, make up the national plan 2044-2046. Layout, as a
contract: the first page opens with « RÉPUBLIQUE FRANÇAISE » at the left and the contract's reference at the
right, the centred title « CONTRAT-CADRE NATIONAL » over the parties it binds and what it stands for, the
boxed « Document de travail » stamp and the fictional-text notice; then the parties' block (« Entre les
soussignés : … d'une part, … d'autre part, »), the references « Vu … » and the recitals « Considérant que
… » in a smaller type, and « Il est convenu ce qui suit : ». Each division is centred on two lines
(« TITRE II » over its title in capitals); an article is its heading « Article 12 — Titre » in bold (the
first one « Article 1er », the « er » raised), its clauses (justified paragraphs, and enumerations « 1° … »
with a hanging indent after a lead), and a framed fields line « Chef de file : … · Partenaires : … ·
Calendrier : … · Financement : … » (labels in bold). Then the « Dispositions finales », « Fait à Paris … »
and the signatures in two columns; last, on a new page, the annexes: the list of associations signataires
and the table of the State's financial commitments (Article, Objet, Crédits 2044-2046). Every page carries
a centred running footer and « Page n / N ». DejaVu Serif for the text, DejaVu Sans for the footer, the
fields and the annex table.

Dev tool only: needs the [render] extra (fpdf2; the fixture helpers imported from render_fixtures.py also
import reportlab and pypdf) and DejaVu fonts (Debian fonts-dejavu-core). Output is byte-identical across
runs (fixed creation date, embedded DejaVu subsets).

    .venv/bin/python scripts/render_draft_contrat.py \
        corpora/contrat/src/plan.yaml corpora/contrat/contrat-cadre-2044-2046.pdf
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
CREATED = dt.date(2043, 12, 11)
MARGINS = (25.0, 20.0)  # side, top (mm)
BOTTOM = 22.0
INK = (20, 20, 20)
GREY = (95, 95, 95)
FRAME = (120, 120, 120)
RED = (170, 25, 35)
SHADE = (240, 240, 240)
ITEM_INDENT = 9.0  # where an enumerated item's text starts (mm from the margin)


def ordinal(number: int) -> str:
    """« 1° », « 2° » … the enumeration marks of a French legal text."""
    return f"{number}°"


def article_label(number: int) -> str:
    """The article's number as its heading prints it, the raised « er » of the first one flattened."""
    return "Article 1er" if number == 1 else f"Article {number}"


def heading(article: dict[str, Any]) -> str:
    return f"{article_label(article['number'])} — {article['title']}"


def title_label(part: dict[str, Any], first: bool) -> str:
    return f"TITRE {part['number']}{'er' if first else ''}"


def fields(article: dict[str, Any]) -> list[tuple[str, str]]:
    """The fields line's (label, value) pairs: Chef de file, Partenaires, Calendrier and, when given,
    Financement."""
    pairs = [("Chef de file :", article["chef"]), ("Partenaires :", article["partenaires"])]
    pairs.append(("Calendrier :", article["calendrier"]))
    if article.get("financement"):
        pairs.append(("Financement :", article["financement"]))
    return pairs


def fields_line(article: dict[str, Any]) -> str:
    return " · ".join(f"{label} {value}" for label, value in fields(article))


def flat(text: str) -> str:
    return " ".join(text.split())


class ContractPDF(FPDF):
    running_footer = ""

    def footer(self) -> None:
        width = self.w - self.l_margin - self.r_margin
        self.set_y(-15)
        self.set_draw_color(*FRAME)
        self.set_line_width(0.2)
        self.line(self.l_margin + 40, self.get_y() - 1.5, self.l_margin + width - 40, self.get_y() - 1.5)
        self.set_font(SANS, "", 7)
        self.set_text_color(*GREY)
        self.cell(width, 3.6, self.running_footer, align="C", new_x="LMARGIN", new_y="NEXT")
        self.cell(width, 3.6, f"Page {self.page_no()} / {{nb}}", align="C")
        self.set_text_color(0, 0, 0)


class Renderer:
    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        pdf = ContractPDF(orientation="portrait", format="A4")
        pdf.running_footer = french(data["running_footer"])
        header = data["header"]
        self.width = fpdf_setup(
            pdf,
            f"{header['kind']} {header['title']} {header['subtitle']}",
            CREATED,
            MARGINS,
            (SERIF, SANS),
        )
        pdf.set_creator("plancompare scripts/render_draft_contrat.py")
        pdf.add_font(SERIF, "I", str(FONT_DIR / "DejaVuSerif-Italic.ttf"))
        pdf.add_font(SERIF, "BI", str(FONT_DIR / "DejaVuSerif-BoldItalic.ttf"))
        pdf.set_auto_page_break(True, margin=BOTTOM)
        self.pdf = pdf

    # ---- pieces ---------------------------------------------------------------------------------

    def room(self, mm: float) -> None:
        """A new page unless `mm` millimetres remain above the bottom margin."""
        if self.pdf.get_y() + mm > self.pdf.h - BOTTOM:
            self.pdf.add_page()

    def para(
        self, text: str, size: float = 10, leading: float = 5.1, style: str = "", align: str = "J"
    ) -> None:
        self.pdf.set_font(SERIF, style, size)
        self.pdf.multi_cell(
            self.width, leading, french(flat(text)), align=align, new_x="LMARGIN", new_y="NEXT"
        )

    def item(self, mark: str, text: str) -> None:
        pdf = self.pdf
        pdf.set_font(SERIF, "", 10)
        pdf.set_x(pdf.l_margin + 2.5)
        pdf.cell(ITEM_INDENT - 2.5, 5.1, mark)
        pdf.set_x(pdf.l_margin + ITEM_INDENT)
        pdf.multi_cell(
            self.width - ITEM_INDENT, 5.1, french(flat(text)), align="J", new_x="LMARGIN", new_y="NEXT"
        )
        pdf.ln(0.6)

    def raised(self, base: str, sup: str, size: float, height: float) -> None:
        """`base` then `sup` raised (« 1er », « Iᵉʳ »), in the current font, at the current position."""
        pdf = self.pdf
        pdf.write(height, base)
        pdf.char_vpos = "SUP"
        pdf.write(height, sup)
        pdf.char_vpos = "LINE"

    def fields(self, article: dict[str, Any]) -> None:
        pdf = self.pdf
        pdf.set_font(SANS, "", 8.3)
        pdf.set_draw_color(*FRAME)
        pdf.set_line_width(0.25)
        parts = []
        for index, (label, value) in enumerate(fields(article)):
            sep = " · " if index else ""
            parts.append(f"{sep}**{french(label)}** {french(value)}")
        pdf.multi_cell(
            self.width,
            4.4,
            "".join(parts),
            markdown=True,
            border=1,
            padding=(1, 2, 1, 2),
            new_x="LMARGIN",
            new_y="NEXT",
        )

    # ---- parts ----------------------------------------------------------------------------------

    def first_page(self) -> None:
        pdf, header = self.pdf, self.data["header"]
        pdf.add_page()
        top = pdf.get_y()
        pdf.set_font(SERIF, "B", 10)
        pdf.cell(80, 5, header["republic"])
        pdf.set_xy(pdf.l_margin + self.width - 70, top)
        pdf.set_font(SERIF, "I", 8.5)
        pdf.cell(70, 5, french(header["reference"]), align="R")
        pdf.set_y(top + 20)
        pdf.set_font(SERIF, "B", 18)
        pdf.cell(self.width, 9, header["kind"].upper(), align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1.5)
        pdf.set_font(SERIF, "", 12)
        pdf.multi_cell(self.width, 6, french(header["title"]), align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1)
        pdf.set_font(SERIF, "I", 10.5)
        pdf.multi_cell(self.width, 5.4, french(header["subtitle"]), align="C", new_x="LMARGIN", new_y="NEXT")
        cover_stamp(pdf, self.width, header["stamp"], pdf.get_y() + 5, RED, SANS)
        cover_notice(pdf, self.width, flat(header["notice"]), pdf.get_y() + 3, SHADE, SERIF)
        pdf.ln(7)
        parties = self.data["parties"]
        self.para(parties["lead"], style="B")
        pdf.ln(1.5)
        self.para(parties["state"])
        self.para(parties["state_after"], style="I", align="R")
        pdf.ln(1)
        self.para(parties["associations"])
        self.para(parties["associations_after"], style="I", align="R")
        pdf.ln(1)
        self.para(parties["together"])
        pdf.ln(4)
        for text in self.data["visas"]:
            self.para(text, size=9, leading=4.6)
            pdf.ln(1)
        pdf.ln(2)
        for text in self.data["recitals"]:
            self.para(text, size=9, leading=4.6)
            pdf.ln(1)
        pdf.ln(3)
        self.para(self.data["agreed"], style="B", align="C")
        pdf.ln(3)

    def division(self, part: dict[str, Any], first: bool) -> None:
        pdf = self.pdf
        self.room(55)
        pdf.ln(5)
        pdf.set_font(SERIF, "B", 11.5)
        label = f"TITRE {part['number']}"
        width = pdf.get_string_width(label + ("er" if first else ""))
        pdf.set_x(pdf.l_margin + (self.width - width) / 2)
        if first:
            self.raised(label, "er", 11.5, 6)
            pdf.ln(6)
        else:
            pdf.cell(width, 6, label, new_x="LMARGIN", new_y="NEXT")
        pdf.multi_cell(self.width, 6, french(part["title"].upper()), align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(5)
        for article in part["articles"]:
            self.article(article)

    def article(self, article: dict[str, Any]) -> None:
        pdf = self.pdf
        self.room(38)
        pdf.set_font(SERIF, "B", 10.5)
        pdf.set_text_color(*INK)
        if article["number"] == 1:
            self.raised("Article 1", "er", 10.5, 5.6)
        else:
            pdf.write(5.6, f"Article {article['number']}")
        pdf.write(5.6, " " + french(f"— {article['title']}"))
        pdf.ln(5.6)
        pdf.set_text_color(0, 0, 0)
        pdf.ln(1.8)
        for clause in article["clauses"]:
            if isinstance(clause, str):
                self.para(clause)
                pdf.ln(1.6)
                continue
            self.para(clause["lead"])
            pdf.ln(0.8)
            for index, sub in enumerate(clause["items"], start=1):
                self.item(ordinal(index), sub)
            pdf.ln(1)
        self.room(10)
        pdf.ln(0.5)
        self.fields(article)
        pdf.ln(7)

    def closing(self) -> None:
        pdf, final = self.pdf, self.data["final"]
        self.room(50)
        pdf.ln(3)
        pdf.set_font(SERIF, "B", 11.5)
        pdf.cell(self.width, 6, french(final["title"].upper()), align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
        for text in final["paragraphs"]:
            self.para(text)
            pdf.ln(1.6)
        pdf.ln(3)
        self.para(final["made"], style="I")
        pdf.ln(6)
        self.room(60)
        top = pdf.get_y()
        column = (self.width - 10) / 2
        bottoms = []
        for index, block in enumerate(self.data["signatures"]):
            x = pdf.l_margin + index * (column + 10)
            pdf.set_xy(x, top)
            pdf.set_font(SERIF, "B", 9.5)
            pdf.multi_cell(column, 5, french(block["side"]), align="C", new_x="LEFT", new_y="NEXT")
            pdf.ln(2)
            pdf.set_font(SERIF, "", 9)
            for name in block["names"]:
                pdf.set_x(x)
                pdf.multi_cell(column, 4.6, french(name), align="C", new_x="LEFT", new_y="NEXT")
                pdf.ln(2.5)
            bottoms.append(pdf.get_y())
        pdf.set_xy(pdf.l_margin, max(bottoms))

    def annexes(self) -> None:
        pdf, annexes = self.pdf, self.data["annexes"]
        pdf.add_page()
        pdf.set_font(SERIF, "B", 12)
        pdf.multi_cell(
            self.width, 6.5, french(annexes["associations"]["title"]), new_x="LMARGIN", new_y="NEXT"
        )
        pdf.ln(2)
        pdf.set_font(SERIF, "", 9.5)
        for name in annexes["associations"]["names"]:
            pdf.cell(self.width, 5, french(name), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(8)
        finance = annexes["finance"]
        pdf.set_font(SERIF, "B", 12)
        pdf.multi_cell(self.width, 6.5, french(finance["title"]), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
        pdf.set_font(SANS, "", 8.3)
        pdf.set_draw_color(*FRAME)
        pdf.set_line_width(0.2)
        with pdf.table(
            col_widths=(18, 100, 42),
            line_height=4.3,
            text_align=("CENTER", "LEFT", "RIGHT"),
            headings_style=FontFace(emphasis="BOLD", fill_color=SHADE),
            padding=1,
            v_align="TOP",
        ) as table:
            head = table.row()
            for cell in finance["header"]:
                head.cell(french(cell))
            for part in self.data["titles"]:
                for article in part["articles"]:
                    if not article.get("financement"):
                        continue
                    row = table.row()
                    row.cell(f"Art. {'1er' if article['number'] == 1 else article['number']}")
                    row.cell(french(article["title"]))
                    row.cell(french(article["financement"]))
        pdf.ln(3)
        pdf.set_font(SANS, "B", 8.5)
        pdf.cell(self.width, 5, french(finance["total"]), align="R", new_x="LMARGIN", new_y="NEXT")

    def render(self) -> FPDF:
        self.first_page()
        for index, part in enumerate(self.data["titles"]):
            self.division(part, first=index == 0)
        self.closing()
        self.annexes()
        return self.pdf


def check_numbers(data: dict[str, Any]) -> None:
    """Articles are numbered 1 … N straight through the divisions."""
    numbers = [a["number"] for p in data["titles"] for a in p["articles"]]
    if numbers != list(range(1, len(numbers) + 1)):
        sys.exit(f"articles are not numbered 1 … N in order: {numbers}")


def clauses_of(article: dict[str, Any]) -> list[str]:
    """An article's clauses as printed: each paragraph, each lead and each enumerated item (its mark left
    out: the mark and its text are set apart)."""
    out: list[str] = []
    for clause in article["clauses"]:
        if isinstance(clause, str):
            out.append(clause)
        else:
            out.append(clause["lead"])
            out.extend(clause["items"])
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
        [p["title"].upper() for p in data["titles"]]
        + [
            line
            for p in data["titles"]
            for a in p["articles"]
            for line in (f"— {a['title']}", *clauses_of(a), fields_line(a))
        ],
    )


def main() -> None:
    draft_cli(render, __doc__, "contrat")


if __name__ == "__main__":
    main()
