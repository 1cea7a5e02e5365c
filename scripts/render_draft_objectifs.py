"""Render the fictional draft strategy of corpora/objectifs/src/plan.yaml as a one-column A4 PDF.

The draft is NOT an official text (its cover says so): a short strategy of six « Objectif » and twenty
broad actions numbered within their objective (« Action 1.1 », « Action 1.2 », « Action 2.1 » …), each
with italic « Pilote : » / « Calendrier : » lines and long prose paragraphs. Layout, unlike the other
bundled drafts: a cover page; a « Sommaire » listing the preamble, every objective and every action
with dot leaders and page numbers; a « Préambule »; each objective on a new page under a ruled heading
« Objectif 1 – … »; a running header and a « – 3 – » footer after the cover; and last an annex table
recapitulating the actions (N° | Action | Pilote | Calendrier) with a full-width row per objective.

Dev tool only: needs the [render] extra (fpdf2; the fixture helpers imported from render_fixtures.py
also import reportlab and pypdf) and DejaVu fonts (Debian fonts-dejavu-core). The page numbers of the
Sommaire come from a first rendering pass. Output is byte-identical across runs (fixed creation date,
embedded DejaVu subsets).

    .venv/bin/python scripts/render_draft_objectifs.py \
        corpora/objectifs/src/plan.yaml corpora/objectifs/strategie-2022-2025-avant-projet.pdf
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
from render_fixtures import FONT_DIR, draft_cli, fpdf_setup, paragraphs, render_twice, require_text
from render_fixtures import french_typography as french

SERIF, SANS = "DejaVuSerif", "DejaVuSans"
CREATED = dt.date(2021, 11, 15)
MARGINS = (24.0, 24.0)  # side, top (mm)
BOTTOM = 22.0
NAVY = (31, 56, 100)
RED = (150, 30, 45)
GREY = (90, 90, 90)
SHADE = (232, 237, 245)


def field(line: str) -> str:
    """« Pilote : MIPROF » → « MIPROF » (what the annex table shows)."""
    return line.split(":", 1)[1].strip()


class StrategyPDF(FPDF):
    running_left = ""
    running_right = ""

    def header(self) -> None:
        if self.page_no() == 1:
            return
        self.set_font(SANS, "", 7.5)
        self.set_text_color(*GREY)
        self.set_xy(self.l_margin, 10)
        width = self.w - self.l_margin - self.r_margin
        self.cell(width - 30, 4, self.running_left)
        self.cell(30, 4, self.running_right, align="R")
        self.set_draw_color(*GREY)
        self.set_line_width(0.2)
        self.line(self.l_margin, 15.5, self.w - self.r_margin, 15.5)
        self.set_text_color(0, 0, 0)
        self.set_xy(self.l_margin, self.t_margin)

    def footer(self) -> None:
        if self.page_no() == 1:
            return
        self.set_y(-14)
        self.set_font(SERIF, "", 8.5)
        self.cell(0, 4, f"– {self.page_no()} –", align="C")


class Renderer:
    """One rendering pass; `pages` records where the preamble, each objective and each action start."""

    def __init__(self, data: dict[str, Any], toc_pages: dict[str, int] | None) -> None:
        self.data = data
        self.toc_pages = toc_pages or {}
        self.pages: dict[str, int] = {}
        pdf = StrategyPDF(orientation="portrait", format="A4")
        pdf.running_left = french(data["running_header"])
        pdf.running_right = data["running_header_right"]
        self.width = fpdf_setup(pdf, data["title"], CREATED, MARGINS, (SERIF, SANS))
        pdf.set_creator("plancompare scripts/render_draft_objectifs.py")
        pdf.add_font(SERIF, "I", str(FONT_DIR / "DejaVuSerif-Italic.ttf"))
        pdf.set_auto_page_break(True, margin=BOTTOM)
        self.pdf = pdf

    # ---- pieces ---------------------------------------------------------------------------------

    def room(self, mm: float) -> None:
        """A new page unless `mm` millimetres remain above the bottom margin (keeps a heading with
        the first lines under it)."""
        if self.pdf.get_y() + mm > self.pdf.h - BOTTOM:
            self.pdf.add_page()

    def body(self, text: str, size: float = 10, leading: float = 5.3, style: str = "") -> None:
        pdf = self.pdf
        pdf.set_font(SERIF, style, size)
        for para in paragraphs(text):
            pdf.multi_cell(self.width, leading, french(para), align="J", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2.6)

    def cover(self) -> None:
        pdf, cover = self.pdf, self.data["cover"]
        pdf.add_page()
        pdf.set_font(SANS, "", 9)
        pdf.set_text_color(*GREY)
        pdf.multi_cell(self.width, 5, french(cover["kicker"]), align="R", new_x="LMARGIN", new_y="NEXT")
        pdf.set_y(78)
        pdf.set_text_color(*NAVY)
        pdf.set_font(SANS, "B", 22)
        for line in cover["title_lines"]:
            pdf.multi_cell(self.width, 11, french(line), align="C", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
        pdf.ln(6)
        pdf.set_text_color(*RED)
        pdf.set_font(SANS, "B", 15)
        pdf.multi_cell(self.width, 8, cover["subtitle"], align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0, 0, 0)
        pdf.set_y(225)
        pdf.set_fill_color(*SHADE)
        pdf.set_font(SERIF, "I", 9.5)
        pdf.multi_cell(
            self.width,
            5.2,
            french(cover["notice"]),
            align="C",
            fill=True,
            padding=4,
            new_x="LMARGIN",
            new_y="NEXT",
        )

    def toc_entry(self, key: str, label: str, indent: float, style: str) -> None:
        """« label ....... 7 »: the label wraps if long; the leaders and the page end its last line."""
        pdf = self.pdf
        pdf.set_font(SANS, style, 9.5)
        page = str(self.toc_pages.get(key, 0))
        text_w = self.width - indent - 12
        lines = pdf.multi_cell(text_w, 5, french(label), dry_run=True, output="LINES")
        for line in lines[:-1]:
            pdf.set_x(self.l_margin() + indent)
            pdf.cell(text_w, 5, line, new_x="LMARGIN", new_y="NEXT")
        last = lines[-1]
        room = self.width - indent - pdf.get_string_width(last + " ") - pdf.get_string_width(" " + page)
        dots = max(3, int(room / pdf.get_string_width(".")) - 1)
        pdf.set_x(self.l_margin() + indent)
        pdf.cell(self.width - indent - 10, 5, last + " " + "." * dots)
        pdf.cell(10, 5, page, align="R", new_x="LMARGIN", new_y="NEXT")

    def l_margin(self) -> float:
        return self.pdf.l_margin

    def sommaire(self) -> None:
        pdf = self.pdf
        pdf.add_page()
        pdf.set_text_color(*NAVY)
        pdf.set_font(SANS, "B", 16)
        pdf.multi_cell(self.width, 9, "Sommaire", align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0, 0, 0)
        pdf.ln(4)
        self.toc_entry("preamble", self.data["preamble"]["title"], 0, "B")
        pdf.ln(1.5)
        for obj in self.data["objectives"]:
            self.toc_entry(f"o{obj['number']}", f"Objectif {obj['number']} – {obj['title']}", 0, "B")
            for action in obj["actions"]:
                label = f"Action {action['number']} – {action['title']}"
                self.toc_entry(f"a{action['number']}", label, 6, "")
            pdf.ln(1.5)
        self.toc_entry("annex", self.data["annex"]["title"], 0, "B")

    def preamble(self) -> None:
        pdf = self.pdf
        pdf.add_page()
        self.pages["preamble"] = pdf.page_no()
        pdf.set_text_color(*NAVY)
        pdf.set_font(SANS, "B", 16)
        title = self.data["preamble"]["title"]
        pdf.multi_cell(self.width, 9, title, align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0, 0, 0)
        pdf.ln(4)
        self.body(self.data["preamble"]["text"])

    def objective(self, obj: dict[str, Any]) -> None:
        pdf = self.pdf
        pdf.add_page()
        self.pages[f"o{obj['number']}"] = pdf.page_no()
        pdf.set_text_color(*NAVY)
        pdf.set_font(SANS, "B", 15)
        heading = french(f"Objectif {obj['number']} – {obj['title']}")
        pdf.multi_cell(self.width, 8, heading, align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.set_draw_color(*NAVY)
        pdf.set_line_width(0.6)
        y = pdf.get_y() + 1.5
        pdf.line(self.l_margin(), y, self.l_margin() + self.width, y)
        pdf.set_text_color(0, 0, 0)
        pdf.ln(6)
        self.body(obj["text"], size=10, style="I")
        pdf.ln(2)
        for action in obj["actions"]:
            self.action(action)

    def action(self, action: dict[str, Any]) -> None:
        pdf = self.pdf
        self.room(40)
        self.pages[f"a{action['number']}"] = pdf.page_no()
        pdf.set_text_color(*NAVY)
        pdf.set_font(SANS, "B", 11)
        heading = french(f"Action {action['number']} – {action['title']}")
        pdf.multi_cell(self.width, 5.8, heading, align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0, 0, 0)
        pdf.ln(1.2)
        pdf.set_font(SERIF, "I", 9)
        for line in (action.get("pilot"), action.get("calendar")):
            if line:
                pdf.multi_cell(self.width, 4.6, french(line), align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2.4)
        self.body(action["text"])
        pdf.ln(3)

    def annex(self) -> None:
        pdf, annex = self.pdf, self.data["annex"]
        pdf.add_page()
        self.pages["annex"] = pdf.page_no()
        pdf.set_text_color(*NAVY)
        pdf.set_font(SANS, "B", 14)
        pdf.multi_cell(self.width, 8, french(annex["title"]), align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0, 0, 0)
        pdf.ln(2)
        pdf.set_font(SERIF, "", 9.5)
        pdf.multi_cell(self.width, 5, french(annex["intro"]), align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
        pdf.set_font(SANS, "", 8.5)
        bold = FontFace(emphasis="BOLD", fill_color=SHADE)
        with pdf.table(
            col_widths=(11, 64, 48, 39),
            line_height=4.4,
            text_align=("LEFT", "LEFT", "LEFT", "LEFT"),
            headings_style=FontFace(emphasis="BOLD", color=(255, 255, 255), fill_color=NAVY),
            padding=1.4,
            v_align="TOP",
        ) as table:
            row = table.row()
            for head in ("N°", "Action", "Pilote", "Calendrier"):
                row.cell(head)
            for obj in self.data["objectives"]:
                table.row().cell(french(f"Objectif {obj['number']} – {obj['title']}"), colspan=4, style=bold)
                for action in obj["actions"]:
                    row = table.row()
                    row.cell(action["number"])
                    row.cell(french(action["title"]))
                    row.cell(french(field(action["pilot"])))
                    row.cell(french(field(action["calendar"])))

    def render(self) -> StrategyPDF:
        self.cover()
        self.sommaire()
        self.preamble()
        for obj in self.data["objectives"]:
            self.objective(obj)
        self.annex()
        return self.pdf


def render(source: Path, target: Path) -> None:
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    render_twice(lambda pages: Renderer(data, pages), target)
    # Every action heading and every « Pilote : » line is in the PDF's text layer.
    require_text(
        target,
        [
            line
            for obj in data["objectives"]
            for action in obj["actions"]
            for line in (f"Action {action['number']} – {action['title']}", action["pilot"])
        ],
    )


def main() -> None:
    draft_cli(render, __doc__, "objectifs")


if __name__ == "__main__":
    main()
