"""Render the fixture PDFs of tests/pdfs/ from their sources in tests/pdfs/src/.

Each fixture is small and named after what it tests (see tests/pdfs/README.md). Two renderers are used on
purpose (reportlab and fpdf2) so the extractor is not tuned to one producer's text layer. The bad inputs
(not a PDF, truncated, encrypted, scanned without text layer, no measures) are derived here too.

Dev tool only: needs the [render] extra (reportlab, fpdf2, pypdf), DejaVu fonts and poppler's pdftoppm.
Output is byte-identical across runs (fixed dates and document ids).

    .venv/bin/python scripts/render_fixtures.py            # writes every fixture into tests/pdfs/
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast
from xml.sax.saxutils import escape

import pdfplumber
import yaml
from fpdf import FPDF
from fpdf.fonts import FontFace
from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, ByteStringObject
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    FrameBreak,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

ROOT = Path(__file__).resolve().parent.parent
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
NBSP = "\u00a0"
SOFT_HYPHEN = "\u00ad"
# Ligature glyphs written directly into the two-column plan (the extractor must read them as letters).
LIGATURES = (("ffi", "\ufb03"), ("fi", "\ufb01"), ("fl", "\ufb02"))


def register_reportlab_fonts() -> None:
    for name, filename in (
        ("DejaVuSans", "DejaVuSans.ttf"),
        ("DejaVuSans-Bold", "DejaVuSans-Bold.ttf"),
        ("DejaVuSerif", "DejaVuSerif.ttf"),
        ("DejaVuSerif-Bold", "DejaVuSerif-Bold.ttf"),
    ):
        path = FONT_DIR / filename
        if not path.exists():
            sys.exit(f"font {path} not found (install Debian fonts-dejavu-core)")
        pdfmetrics.registerFont(TTFont(name, str(path)))
    pdfmetrics.registerFontFamily("DejaVuSans", normal="DejaVuSans", bold="DejaVuSans-Bold")
    pdfmetrics.registerFontFamily("DejaVuSerif", normal="DejaVuSerif", bold="DejaVuSerif-Bold")


def load(name: str) -> dict[str, Any]:
    return yaml.safe_load((ROOT / "tests/pdfs/src" / name).read_text(encoding="utf-8"))


def paragraphs(text: str | None) -> list[str]:
    if not text:
        return []
    return [" ".join(part.split()) for part in text.strip().split("\n\n") if part.strip()]


def nbsp_before_colon(text: str) -> str:
    """French typography: a non-breaking space before « : » (and ; ? !)."""
    return re.sub(r" ([:;?!])", NBSP + r"\1", text)


def french_typography(text: str) -> str:
    """French typography for the drafts: non-breaking spaces before « : ; ? ! », inside « », after
    « n° », and in 15 000."""
    text = nbsp_before_colon(" ".join(text.split()))
    text = text.replace("« ", "«" + NBSP).replace(" »", NBSP + "»").replace("n° ", "n°" + NBSP)
    return re.sub(r"(?<=\d) (?=\d{3}\b)", NBSP, text)


class TwoPass:
    """A draft renderer whose « Sommaire » shows page numbers known only once it is rendered."""

    pages: dict[str, int]
    pdf: FPDF

    def render(self) -> Any: ...


def cover_stamp(pdf: FPDF, width: float, text: str, y: float, color: tuple[int, int, int], font: str) -> None:
    """The boxed « Document de travail » stamp of a draft's cover, in `color`, at `y` mm."""
    pdf.set_y(y)
    pdf.set_draw_color(*color)
    pdf.set_line_width(0.6)
    pdf.set_text_color(*color)
    pdf.set_font(font, "B", 11)
    pdf.multi_cell(width, 9, french_typography(text), border=1, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)


def dotted_toc_entry(pdf: FPDF, width: float, text: str, page: str, indent: float, leading: float) -> None:
    """« label ....... 7 » in the current font: the label wraps if long; the leaders and the page end its
    last line (a table of contents, as the drafts with a « Sommaire » print it)."""
    text_w = width - indent - 12
    lines = cast(list[str], pdf.multi_cell(text_w, leading, text, dry_run=True, output="LINES"))
    for line in lines[:-1]:
        pdf.set_x(pdf.l_margin + indent)
        pdf.cell(text_w, leading, line, new_x="LMARGIN", new_y="NEXT")
    last = lines[-1]
    room = width - indent - pdf.get_string_width(last + " ") - pdf.get_string_width(" " + page)
    dots = max(3, int(room / pdf.get_string_width(".")) - 1)
    pdf.set_x(pdf.l_margin + indent)
    pdf.cell(width - indent - 10, leading, last + " " + "." * dots)
    pdf.cell(10, leading, page, align="R", new_x="LMARGIN", new_y="NEXT")


def cover_notice(pdf: FPDF, width: float, text: str, y: float, fill: tuple[int, int, int], font: str) -> None:
    """The shaded « Texte fictif… » notice at the foot of a draft's cover, at `y` mm."""
    pdf.set_y(y)
    pdf.set_fill_color(*fill)
    pdf.set_font(font, "I", 9.5)
    pdf.multi_cell(
        width, 5.2, french_typography(text), align="C", fill=True, padding=4, new_x="LMARGIN", new_y="NEXT"
    )


def draft_cli(render: Callable[[Path, Path], object], doc: str | None, corpus: str) -> None:
    """The command line of a draft's render script: SOURCE (corpora/`corpus`/src/plan.yaml), TARGET."""
    parser = argparse.ArgumentParser(description=(doc or "").splitlines()[0])
    parser.add_argument("source", type=Path, help=f"corpora/{corpus}/src/plan.yaml")
    parser.add_argument("target", type=Path, help="the PDF to write")
    args = parser.parse_args()
    render(args.source, args.target)
    print(f"wrote {args.target}")


def centred_footer(
    pdf: FPDF, text: str, family: str, grey: tuple[int, int, int], y: float, number: tuple[float, float]
) -> None:
    """A running footer after the cover: `text` centred over the page number (`number`: its font
    size and line height), `y` mm from the page's foot."""
    if pdf.page_no() == 1:
        return
    width = pdf.w - pdf.l_margin - pdf.r_margin
    pdf.set_y(y)
    pdf.set_text_color(*grey)
    pdf.set_font(family, "", 7)
    pdf.cell(width, 3.6, text, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(family, "B", number[0])
    pdf.cell(width, number[1], str(pdf.page_no()), align="C")
    pdf.set_text_color(0, 0, 0)


class FooterPDF(FPDF):
    """A draft whose pages after the cover carry its running footer centred over the page number
    (`footer_style`: what `centred_footer` takes after the text: family, grey, y, number)."""

    running_footer = ""
    footer_style: tuple[str, tuple[int, int, int], float, tuple[float, float]] = (
        "",
        (0, 0, 0),
        -15.0,
        (8, 4),
    )

    def footer(self) -> None:
        centred_footer(self, self.running_footer, *self.footer_style)


def render_twice(make: Callable[[Any], TwoPass], target: Path) -> None:
    """Render with `make(None)`, then again with the pages the first pass recorded (for the
    Sommaire), and write the second pass to `target`."""
    first = make(None)
    first.render()
    second = make(first.pages)
    second.render()
    if second.pages != first.pages:  # the Sommaire's numbers moved the pages: never expected
        sys.exit("page numbers differ between the two passes")
    second.pdf.output(str(target))


def require_text(target: Path, wanted: list[str]) -> None:
    """Stop unless every line of `wanted` is in `target`'s text layer (spaces normalised)."""
    with pdfplumber.open(target) as pdf:
        text = "\n".join(page.extract_text() or "" for page in pdf.pages)
    flat = " ".join(text.replace(NBSP, " ").split())
    for line in wanted:
        if " ".join(line.split()) not in flat:
            sys.exit(f"not found in the text layer: {line!r}")


def with_ligatures(text: str) -> str:
    for letters, glyph in LIGATURES:
        text = text.replace(letters, glyph)
    return text


def column_texts(path: Path, split_x: float) -> list[str]:
    """Text of each page's left then right column (pdfplumber would interleave them)."""
    texts = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            for box in ((0, 0, split_x, page.height), (split_x, 0, page.width, page.height)):
                texts.append(page.crop(box).extract_text() or "")
    return texts


# --------------------------------------------------------------------------------------------------
# plan-two-columns.pdf: cover, table of contents, then two text columns (reportlab)
# --------------------------------------------------------------------------------------------------


class TocDocTemplate(BaseDocTemplate):
    """Records the page of every paragraph carrying a `toc_key` (to number the table of contents)."""

    def __init__(self, filename: str, pages: dict[str, int], **kw: Any) -> None:
        super().__init__(filename, **kw)
        self.toc_pages = pages

    def afterFlowable(self, flowable: Flowable) -> None:
        key = getattr(flowable, "toc_key", None)
        if key:
            self.toc_pages[key] = self.page


def keyed(paragraph: Paragraph, key: str) -> Paragraph:
    paragraph.toc_key = key  # type: ignore[attr-defined]
    return paragraph


def dotted(label: str, style: ParagraphStyle, width: float) -> str:
    """« label ........ » filling `width` on one line, as word processors print TOC leaders."""
    room = width - pdfmetrics.stringWidth(label + " ", style.fontName, style.fontSize)
    dots = int(room / pdfmetrics.stringWidth(".", style.fontName, style.fontSize)) - 1
    return label + " " + "." * max(dots, 3)


def two_column_styles() -> dict[str, ParagraphStyle]:
    body = ParagraphStyle(
        "body",
        fontName="DejaVuSerif",
        fontSize=9,
        leading=11.5,
        alignment=TA_JUSTIFY,
        spaceAfter=5,
        # Lets a word break at a soft hyphen or after its own hyphen at a line end.
        embeddedHyphenation=1,
    )
    return {
        "body": body,
        "cover_title": ParagraphStyle(
            "cover_title", fontName="DejaVuSans-Bold", fontSize=22, leading=28, alignment=TA_CENTER
        ),
        "cover": ParagraphStyle("cover", fontName="DejaVuSans", fontSize=13, leading=18, alignment=TA_CENTER),
        "toc_title": ParagraphStyle("toc_title", fontName="DejaVuSans-Bold", fontSize=16, leading=22),
        "toc": ParagraphStyle("toc", fontName="DejaVuSans", fontSize=10, leading=13),
        "toc_axis": ParagraphStyle("toc_axis", fontName="DejaVuSans-Bold", fontSize=10, leading=13),
        "toc_page": ParagraphStyle(
            "toc_page", fontName="DejaVuSans", fontSize=10, leading=13, alignment=TA_RIGHT
        ),
        "axis": ParagraphStyle(
            "axis",
            fontName="DejaVuSans-Bold",
            fontSize=11,
            leading=14,
            spaceBefore=8,
            spaceAfter=6,
            keepWithNext=1,
            textColor=colors.HexColor("#1f3864"),
        ),
        "measure": ParagraphStyle(
            "measure",
            fontName="DejaVuSans-Bold",
            fontSize=10,
            leading=12.5,
            spaceBefore=6,
            spaceAfter=4,
            keepWithNext=1,
        ),
        "action": ParagraphStyle(
            "action",
            fontName="DejaVuSans-Bold",
            fontSize=9,
            leading=11.5,
            spaceBefore=2,
            spaceAfter=3,
            keepWithNext=1,
        ),
        "meta": ParagraphStyle("meta", fontName="DejaVuSans", fontSize=8.5, leading=10.5, spaceAfter=2),
    }


def meta_line(line: str, style: ParagraphStyle) -> Paragraph:
    label, _, rest = line.partition(" : ")
    return Paragraph(f"<b>{escape(label)}</b>{NBSP}: {escape(nbsp_before_colon(rest))}", style)


def body_text(text: str, soft_words: list[str]) -> str:
    for word in soft_words:
        half = len(word) // 2
        text = text.replace(word, word[:half] + SOFT_HYPHEN + word[half:])
    return escape(with_ligatures(nbsp_before_colon(text)))


def plan_two_columns_story(
    data: dict[str, Any], st: dict[str, ParagraphStyle], pages: dict[str, int], width: float
) -> list[Flowable]:
    doc = data["document"]
    soft_words = [b["word"] for b in data["line_end_breaks"] if "-" not in b["word"]]
    measures = {m["number"]: m for m in data["measures"]}
    story: list[Flowable] = [
        Spacer(0, 6 * cm),
        Paragraph(escape(doc["title"]), st["cover_title"]),
        Spacer(0, 1 * cm),
        Paragraph(escape(doc["subtitle"]), st["cover"]),
        Spacer(0, 4 * cm),
        Paragraph(escape(doc["publisher"]), st["cover"]),
        Spacer(0, 0.5 * cm),
        Paragraph(escape(doc["date"]), st["cover"]),
        NextPageTemplate("toc"),
        PageBreak(),
        Paragraph("Sommaire", st["toc_title"]),
        Spacer(0, 0.5 * cm),
    ]
    rows: list[list[Paragraph]] = []
    for axis in data["priorities"]:
        rows.append(
            [
                Paragraph(escape(f"Axe {axis['id']} – {axis['title'].capitalize()}"), st["toc_axis"]),
                Paragraph(str(pages.get(f"axis-{axis['id']}", 0)), st["toc_page"]),
            ]
        )
        for number in axis["measures"]:
            label = dotted(f"Mesure {number} – {measures[number]['title']}", st["toc"], width - 1.5 * cm - 12)
            rows.append(
                [
                    Paragraph(escape(label), st["toc"]),
                    Paragraph(str(pages.get(f"measure-{number}", 0)), st["toc_page"]),
                ]
            )
    table = Table(rows, colWidths=[width - 1.5 * cm, 1.5 * cm])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("LEFTPADDING", (0, 0), (0, -1), 0)]))
    story += [table, NextPageTemplate("body"), PageBreak()]
    for axis in data["priorities"]:
        heading = Paragraph(escape(f"AXE {axis['id']} – {axis['title']}"), st["axis"])
        story.append(keyed(heading, f"axis-{axis['id']}"))
        for number in axis["measures"]:
            m = measures[number]
            heading = Paragraph(escape(f"Mesure {number} – {m['title']}"), st["measure"])
            story.append(keyed(heading, f"measure-{number}"))
            story += [meta_line(line, st["meta"]) for line in m["responsible"]]
            story += [Paragraph(body_text(p, soft_words), st["body"]) for p in paragraphs(m["text"])]
            for action in m["actions"]:
                story.append(Paragraph(escape(f"Action {action['id']} – {action['title']}"), st["action"]))
                story += [Paragraph(body_text(p, soft_words), st["body"]) for p in paragraphs(action["text"])]
            story.append(meta_line(m["instrument"], st["meta"]))
            story.append(meta_line(m["calendar"], st["meta"]))
    return story


def a4_document(title: str, margin: float) -> dict[str, Any]:
    """reportlab's document arguments the two-column fixtures share: A4 with even margins, the title,
    and the invariant output that keeps a re-render byte-identical."""
    return {
        "pagesize": A4,
        "leftMargin": margin,
        "rightMargin": margin,
        "topMargin": margin,
        "bottomMargin": margin,
        "title": title,
        "creator": "plancompare scripts/render_fixtures.py",
        "invariant": 1,
    }


def render_plan_two_columns(target: Path) -> None:
    data = load("plan-two-columns.yaml")
    st = two_column_styles()
    header = data["document"]["running_header"]
    width, height = A4
    margin = 2 * cm
    gutter = 0.8 * cm
    col = (width - 2 * margin - gutter) / 2

    def decorate(canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont("DejaVuSans", 8)
        canvas.drawCentredString(width / 2, height - 1.2 * cm, header)
        canvas.setLineWidth(0.4)
        canvas.line(margin, height - 1.35 * cm, width - margin, height - 1.35 * cm)
        canvas.setFont("DejaVuSans", 9)
        canvas.drawCentredString(width / 2, 1.1 * cm, str(doc.page))
        canvas.restoreState()

    def build(pages: dict[str, int]) -> None:
        doc = TocDocTemplate(str(target), pages, **a4_document(data["document"]["title"], margin))
        full = Frame(margin, margin, width - 2 * margin, height - 2 * margin, id="full")
        left = Frame(margin, margin, col, height - 2 * margin, id="left")
        right = Frame(margin + col + gutter, margin, col, height - 2 * margin, id="right")
        doc.addPageTemplates(
            [
                PageTemplate("cover", [full]),
                PageTemplate("toc", [full], onPage=decorate),
                PageTemplate("body", [left, right], onPage=decorate),
            ]
        )
        doc.build(plan_two_columns_story(data, st, pages, width - 2 * margin))

    pages: dict[str, int] = {}
    build(pages)  # first pass: find the pages of the headings
    build(pages)  # second pass: print them in the table of contents
    text = "\n".join(column_texts(target, margin + col + gutter / 2))
    for item in data["line_end_breaks"]:
        if not re.search(rf"{re.escape(item['first'])}\n{re.escape(item['second'])}", text):
            sys.exit(f"{target.name}: « {item['word']} » is not broken at a line end; adjust the text")


# --------------------------------------------------------------------------------------------------
# plan-single-column-mesure-n.pdf (reportlab)
# --------------------------------------------------------------------------------------------------


def render_plan_single_column(target: Path) -> None:
    data = load("plan-single-column-mesure-n.yaml")
    base = ParagraphStyle("base", fontName="DejaVuSans", fontSize=10.5, leading=14, spaceAfter=7)
    st = {
        "title": ParagraphStyle(
            "title",
            base,
            fontName="DejaVuSans-Bold",
            fontSize=14,
            leading=18,
            alignment=TA_CENTER,
            spaceAfter=14,
        ),
        "priority": ParagraphStyle(
            "priority", base, fontName="DejaVuSans-Bold", fontSize=12, leading=16, spaceBefore=6
        ),
        "section": ParagraphStyle("section", base, fontName="DejaVuSans-Bold", fontSize=10.5, spaceBefore=4),
        "heading": ParagraphStyle("heading", base, fontName="DejaVuSans-Bold", spaceBefore=10),
        "implementation": ParagraphStyle("implementation", base, fontSize=9.5, leading=12, leftIndent=12),
        "body": ParagraphStyle("body", base, alignment=TA_JUSTIFY),
    }
    story: list[Flowable] = [Paragraph(escape(data["document"]["title"]), st["title"])]
    measures = {m["number"]: m for m in data["measures"]}
    for prio in data["priorities"]:
        story.append(Paragraph(escape(prio["heading"]), st["priority"]))
        for section in prio["sections"]:
            story.append(Paragraph(escape(section["title"]), st["section"]))
            for number in section["measures"]:
                m = measures[number]
                story.append(Paragraph(escape(m["heading"]), st["heading"]))
                story.append(Paragraph(escape(m["implementation"]), st["implementation"]))
                for i, text in enumerate(paragraphs(m["text"]), start=1):
                    story.append(Paragraph(escape(text), st["body"]))
                    if i == m.get("page_break_after"):
                        story.append(PageBreak())

    def footer(canvas: Canvas, doc: SimpleDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont("DejaVuSans", 9)
        canvas.drawCentredString(A4[0] / 2, 1.2 * cm, f"– {doc.page} –")
        canvas.restoreState()

    doc = SimpleDocTemplate(
        str(target),
        pagesize=A4,
        leftMargin=2.5 * cm,
        rightMargin=2.5 * cm,
        topMargin=2.2 * cm,
        bottomMargin=2.2 * cm,
        title=data["document"]["title"],
        creator="plancompare scripts/render_fixtures.py",
        invariant=1,
    )
    doc.build(story, onFirstPage=footer, onLaterPages=footer)


# --------------------------------------------------------------------------------------------------
# fpdf2 documents: the set-up every fpdf2 fixture shares
# --------------------------------------------------------------------------------------------------

_DEJAVU = {
    "DejaVuSans": ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
    "DejaVuSerif": ("DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf"),
}


def fpdf_setup(
    pdf: FPDF, title: str, created: dt.date, margins: tuple[float, float], fonts: tuple[str, ...]
) -> float:
    """Fixed metadata (byte-identical output), side and top margins, the DejaVu `fonts` (regular and
    bold); returns the text width."""
    pdf.set_creation_date(dt.datetime(created.year, created.month, created.day, tzinfo=dt.UTC))
    pdf.set_title(title)
    pdf.set_creator("plancompare scripts/render_fixtures.py")
    pdf.set_margins(margins[0], margins[1], margins[0])
    for family in fonts:
        for style, filename in zip(("", "B"), _DEJAVU[family], strict=True):
            pdf.add_font(family, style, str(FONT_DIR / filename))
    return pdf.w - pdf.l_margin - pdf.r_margin


def fpdf_title(pdf: FPDF, family: str, title: str, width: float) -> None:
    """A plan's title, centred in bold at the top of its first page."""
    pdf.set_font(family, "B", 15)
    pdf.multi_cell(width, 8, title, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)


def fpdf_begin(
    pdf: FPDF,
    title: str,
    created: dt.date,
    margins: tuple[float, float],
    fonts: tuple[str, ...],
    page_break: float | bool | None = None,
    title_font: str | None = None,
) -> float:
    """`fpdf_setup`, the automatic page break (a bottom margin, False for none, None to leave
    fpdf2's), the first page and the title (in `title_font`, else the first of `fonts`); returns
    the text width."""
    width = fpdf_setup(pdf, title, created, margins, fonts)
    if page_break is False:
        pdf.set_auto_page_break(False)
    elif page_break is not None:
        pdf.set_auto_page_break(True, margin=page_break)
    pdf.add_page()
    fpdf_title(pdf, title_font or fonts[0], title, width)
    return width


def fpdf_heading(
    pdf: FPDF, family: str, width: float, text: str, size: float = 13, height: float = 7
) -> None:
    """An axis heading in bold across the page (the space after it is the caller's)."""
    pdf.set_font(family, "B", size)
    pdf.multi_cell(width, height, text, new_x="LMARGIN", new_y="NEXT")


@dataclass(frozen=True)
class MeasureType:
    """Type sizes and line heights (mm) of a one-column measure: bold heading, text, label lines."""

    family: str
    heading: tuple[float, float]
    body: tuple[float, float]
    labels: tuple[float, float]
    after: float  # mm after the measure


def fpdf_measure(
    pdf: FPDF, width: float, kind: MeasureType, heading: str, m: dict[str, Any], labels: list[str]
) -> None:
    """A measure: its heading, its `text` paragraphs (a page break after `page_break_after` of
    them, if given), its label lines (« Pilote : … »)."""
    pdf.set_font(kind.family, "B", kind.heading[0])
    pdf.multi_cell(width, kind.heading[1], heading, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1.5)
    pdf.set_font(kind.family, "", kind.body[0])
    for i, text in enumerate(paragraphs(m["text"]), start=1):
        pdf.multi_cell(width, kind.body[1], text, align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
        if i == m.get("page_break_after"):
            pdf.add_page()
    pdf.set_font(kind.family, "", kind.labels[0])
    for line in labels:
        pdf.multi_cell(width, kind.labels[1], line, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(kind.after)


DrawMeasure = Callable[[FPDF, float, Any, dict[str, Any]], None]


def fpdf_axes_plan(
    pdf: FPDF,
    data: dict[str, Any],
    created: dt.date,
    margins: tuple[float, float],
    family: str,
    draw: DrawMeasure,
) -> None:
    """A one-column plan: its title, then each axis heading (on a new page when it says `new_page`)
    and `draw`(pdf, width, number, measure) for the axes' measures; written to `pdf`, the caller
    outputs it."""
    width = fpdf_begin(pdf, data["document"]["title"], created, margins, (family,), page_break=20)
    measures = {m["number"]: m for m in data["measures"]}
    for prio in data["priorities"]:
        if prio.get("new_page"):
            pdf.add_page()
        fpdf_heading(pdf, family, width, prio["heading"], 12, 6.5)
        pdf.ln(3)
        for number in prio["measures"]:
            draw(pdf, width, number, measures[number])


# --------------------------------------------------------------------------------------------------
# review-second-renderer.pdf: a three-column review table laid out by hand with fpdf2
# --------------------------------------------------------------------------------------------------


@dataclass
class Line:
    text: str
    style: str  # "", "B"
    size: float
    height: float
    boxed: bool = False


@dataclass
class Block:
    text: str
    style: str = ""
    size: float = 8.0
    gap: float = 1.6  # mm after the paragraph
    boxed: bool = False


def restore_nbsp(text: str, lines: list[str]) -> list[str]:
    """fpdf2's line splitter returns U+00A0 as a plain space: take each line back from `text`."""
    out = []
    pos = 0
    for line in lines:
        while pos < len(text) and text[pos] == " " and not line.startswith(" "):
            pos += 1
        piece = text[pos : pos + len(line)]
        if piece.replace(NBSP, " ") != line:
            sys.exit(f"cannot map wrapped line back to its text: {line!r}")
        out.append(piece)
        pos += len(line)
    return out


class ReviewPDF(FPDF):
    footer_text = "Constats et propositions du Collectif – extrait – 9 mars 2017"

    def footer(self) -> None:
        self.set_y(-11)
        self.set_font("DejaVuSerif", "", 7)
        self.cell(0, 4, self.footer_text, align="L")
        self.set_x(self.l_margin)
        self.cell(0, 4, f"Page {self.page_no()}/{{nb}}", align="R")


class ReviewTable:
    """Rows of three cells whose text continues on the next page, under a repeated header row."""

    pad = 1.5  # mm

    def __init__(self, pdf: ReviewPDF, widths: list[float], header: list[list[Block]]) -> None:
        self.pdf = pdf
        self.widths = widths
        self.header = header
        self.bottom = pdf.h - pdf.b_margin

    def lines(self, blocks: list[Block], width: float) -> list[Line]:
        out: list[Line] = []
        for block in blocks:
            self.pdf.set_font("DejaVuSerif", block.style, block.size)
            height = block.size * 0.45
            inner = width - 2 * self.pad - (2 if block.boxed else 0)
            # fpdf2 keeps U+00A0 in the text layer (reportlab writes it as a plain space).
            text = nbsp_before_colon(block.text)
            wrapped = restore_nbsp(
                text, self.pdf.multi_cell(inner, height, text, dry_run=True, output="LINES")
            )
            out += [Line(text, block.style, block.size, height, block.boxed) for text in wrapped]
            out.append(Line("", "", block.size, block.gap, block.boxed and block.gap == 0))
        return out

    def start(self) -> None:
        self.row(list(self.header), fill=(217, 217, 217), is_header=True)

    def row(
        self,
        cells: list[list[Block]],
        fill: tuple[int, int, int] | None = None,
        is_header: bool = False,
    ) -> None:
        widths = self.widths if len(cells) == len(self.widths) else [sum(self.widths)]
        pending = [self.lines(cell, width) for cell, width in zip(cells, widths, strict=True)]
        while any(pending):
            room = self.bottom - self.pdf.get_y() - 2 * self.pad
            take = []
            for lines in pending:
                used, count = 0.0, 0
                while count < len(lines) and used + lines[count].height <= room:
                    used += lines[count].height
                    count += 1
                take.append(count)
            if not any(take):
                # Not even one line fits below the previous row: continue on a fresh page.
                self.new_page()
                continue
            parts = [lines[:n] for lines, n in zip(pending, take, strict=True)]
            height = max(sum(line.height for line in part) for part in parts) + 2 * self.pad
            self.draw(parts, widths, height, fill)
            pending = [lines[n:] for lines, n in zip(pending, take, strict=True)]
            # Drop trailing paragraph gaps so they do not open an empty continuation on the next page.
            pending = [p if any(line.text for line in p) else [] for p in pending]
            if any(pending):
                self.new_page()

    def draw(
        self,
        parts: list[list[Line]],
        widths: list[float],
        height: float,
        fill: tuple[int, int, int] | None,
    ) -> None:
        pdf = self.pdf
        top = pdf.get_y()
        x = pdf.l_margin
        for part, width in zip(parts, widths, strict=True):
            if fill:
                pdf.set_fill_color(*fill)
                pdf.rect(x, top, width, height, style="F")
            y = top + self.pad
            box_top: float | None = None
            for line in part:
                if line.boxed and box_top is None:
                    box_top = y
                if not line.boxed and box_top is not None:
                    pdf.rect(x + self.pad, box_top - 0.5, width - 2 * self.pad, y - box_top + 0.5)
                    box_top = None
                if line.text:
                    pdf.set_font("DejaVuSerif", line.style, line.size)
                    pdf.set_xy(x + self.pad + (1 if line.boxed else 0), y)
                    pdf.cell(width - 2 * self.pad, line.height, line.text)
                y += line.height
            if box_top is not None:
                pdf.rect(x + self.pad, box_top - 0.5, width - 2 * self.pad, y - box_top + 0.5)
            pdf.rect(x, top, width, height)
            x += width
        pdf.set_xy(pdf.l_margin, top + height)

    def new_page(self) -> None:
        self.pdf.add_page()
        self.start()


def review_measure_cells(
    measure: dict[str, Any], first: bool, plain: bool = False, printed: str | None = None
) -> list[list[Block]]:
    """`printed`: the number as the plan reviewed prints it (« 4.2 »), if not the measure's own."""
    plan: list[Block] = []
    number = printed or measure["number"]
    # As in the coalition's table, the first measure has no heading: the extractor must infer it.
    if not first and plain:
        # Regular weight, the title in sentence case: « Mesure 13 – Élargir le domaine … ».
        title = measure["title"].capitalize()
        plan.append(Block(f"Mesure {number} – {title}", "", 8.0, 2.0))
    elif not first:
        plan.append(Block(f"MESURE N° {number} : {measure['title']}", "B", 8.0, 2.0))
    box = [line for line in (measure.get("implementation"), measure.get("instrument")) if line]
    for i, line in enumerate(box):
        plan.append(Block(line, "", 7.5, 2.5 if i == len(box) - 1 else 0.0, boxed=True))
    plan += [Block(text) for text in paragraphs(measure.get("plan_text"))]
    constats = [Block(text) for text in paragraphs(measure.get("constats"))]
    proposals = [Block(text) for prop in measure["proposals"] for text in paragraphs(prop["text"])]
    return [plan, constats, proposals]


WITHIN_AXES = {12: "4.1", 13: "4.2", 15: "4.4"}
# A review of a plan with a measure inserted after 13: « MESURE N° 13 BIS ».
WITH_BIS = {15: "13 BIS"}


class UnruledReviewPDF(ReviewPDF):
    """The same table with no rule, border or shading: its columns show only by their gutters."""

    def rect(self, *args: Any, **kwargs: Any) -> None:
        return None


def render_review_second_renderer(
    target: Path,
    *,
    ruled: bool = True,
    follow_ups: bool = False,
    plain_headings: bool = False,
    proposals_second: bool = False,
    printed_numbers: dict[int, str] | None = None,
    two_columns: bool = False,
) -> None:
    data = load("review-second-renderer.yaml")
    pdf = (ReviewPDF if ruled else UnruledReviewPDF)(orientation="portrait", format="A4")
    width = fpdf_setup(
        pdf, "Constats et propositions – extrait", dt.date(2017, 3, 9), (12, 12), ("DejaVuSerif",)
    )
    pdf.set_auto_page_break(False, margin=16)
    pdf.add_page()
    title, _, subtitle = data["document"]["title"].partition(" Constats ")
    pdf.set_font("DejaVuSerif", "B", 12)
    pdf.multi_cell(width, 6, title, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVuSerif", "", 10)
    pdf.multi_cell(width, 5, "Constats " + subtitle, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("DejaVuSerif", "", 9)
    for demand in data["general_demands"]:
        text = nbsp_before_colon(" ".join(demand["text"].split()))
        pdf.multi_cell(width, 4.4, text, align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1.5)
    pdf.ln(4)
    header = [
        [Block("Texte du plan (mai 2014), mesure par mesure", "B", 8.5)],
        [Block("Constats du Collectif (mars 2017)", "B", 8.5)],
        [Block("Propositions du Collectif", "B", 8.5)],
    ]
    shares = (0.34, 0.30, 0.36)
    if proposals_second:
        # The reviewer's proposals first, their findings last.
        header[1:3] = [header[2], header[1]]
        shares = (0.34, 0.36, 0.30)
    if follow_ups:
        header.append([Block("Suivi (2018)", "B", 8.5)])
        shares = (0.30, 0.23, 0.30, 0.17)
    if two_columns:
        # The findings and the proposals in one column, the findings first.
        header[1:3] = [[Block("Constats et propositions du Collectif (mars 2017)", "B", 8.5)]]
        shares = (0.48, 0.52)
    table = ReviewTable(pdf, [width * share for share in shares], header)
    if not ruled:
        table.pad = 3.0  # mm: a gutter of about 17 pt between the columns' text
    table.start()
    measures = {m["number"]: m for m in data["measures"]}
    first = True
    for prio in data["priorities"]:
        table.row([[Block(f"PRIORITE {prio['id']} – {prio['title']}", "B", 9.5)]], fill=(191, 191, 191))
        for section in prio["sections"]:
            if section.get("title"):
                table.row([[Block(section["title"], "B", 8.5)]], fill=(242, 242, 242))
            for number in section["measures"]:
                # A review of a plan numbered otherwise: « MESURE N° 4.2 : », « MESURE N° 13 BIS : ».
                printed = (printed_numbers or {}).get(number)
                cells = review_measure_cells(measures[number], first, plain_headings, printed)
                if proposals_second:
                    cells[1:3] = [cells[2], cells[1]]
                if follow_ups:
                    cells.append([Block(measures[number]["follow_up"])])
                if two_columns:
                    cells[1:3] = [cells[1] + cells[2]]
                table.row(cells)
                first = False
    pdf.output(str(target))


# --------------------------------------------------------------------------------------------------
# plan-actions.pdf: « Action n° N » headings, laid out by hand with fpdf2
# --------------------------------------------------------------------------------------------------


class ActionsPlanPDF(FPDF):
    running_title = ""

    def header(self) -> None:
        if self.page_no() > 1:
            self.set_font("DejaVuSerif", "", 8)
            self.set_y(8)
            self.cell(0, 4, self.running_title, align="R")
            self.set_y(self.t_margin)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("DejaVuSerif", "", 8)
        self.cell(0, 4, f"Page {self.page_no()} sur {{nb}}", align="C")


def render_plan_actions(target: Path) -> None:
    data = load("plan-actions.yaml")
    pdf = ActionsPlanPDF(orientation="portrait", format="A4")
    pdf.running_title = "Feuille de route nationale 2025-2027"
    title = data["document"]["title"]
    width = fpdf_begin(pdf, title, dt.date(2025, 1, 15), (22, 18), ("DejaVuSerif",), page_break=20)
    measures = {m["number"]: m for m in data["measures"]}
    kind = MeasureType("DejaVuSerif", heading=(10, 5.2), body=(9.5, 4.8), labels=(8.5, 4.4), after=4)
    for prio in data["priorities"]:
        fpdf_heading(pdf, "DejaVuSerif", width, prio["heading"])
        pdf.ln(2)
        for section in prio["sections"]:
            fpdf_heading(pdf, "DejaVuSerif", width, section["title"], 10.5, 5.5)
            pdf.ln(2)
            for number in section["measures"]:
                m = measures[number]
                fpdf_measure(pdf, width, kind, m["heading"], m, [*m["responsible"], m["calendar"]])
    pdf.output(str(target))


# --------------------------------------------------------------------------------------------------
# plan-designed-headings.pdf: « MESURE » above its number in large type, with fpdf2
# --------------------------------------------------------------------------------------------------


class DesignedPlanPDF(ActionsPlanPDF):
    def footer(self) -> None:
        if self.page_no() > 1:
            self.set_y(-12)
            self.set_font("DejaVuSans", "", 8)
            self.cell(0, 4, str(self.page_no()), align="R")


def render_plan_designed_headings(target: Path) -> None:
    data = load("plan-designed-headings.yaml")
    pdf = DesignedPlanPDF(orientation="portrait", format="A4")
    pdf.running_title = "Plan national 2025-2027"
    # The running header is set in the serif of ActionsPlanPDF.header.
    fonts = ("DejaVuSans", "DejaVuSerif")
    width = fpdf_setup(pdf, data["document"]["title"], dt.date(2025, 3, 1), (24, 20), fonts)
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()  # cover
    pdf.set_y(90)
    pdf.set_font("DejaVuSans", "B", 22)
    pdf.multi_cell(width, 11, data["document"]["title"], align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(20)
    pdf.set_font("DejaVuSans", "", 12)
    pdf.multi_cell(width, 6, "Premier ministre – mars 2025", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.add_page()
    measures = {m["number"]: m for m in data["measures"]}

    def numbered(word: str, number: str, title: str, title_size: float) -> None:
        pdf.set_font("DejaVuSans", "B", 8.5)
        pdf.multi_cell(width, 4.5, word, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("DejaVuSans", "B", 24)
        pdf.multi_cell(width, 10, number, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("DejaVuSans", "B", title_size)
        pdf.multi_cell(width, title_size * 0.5, title, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)

    for prio in data["priorities"]:
        numbered("AXE", prio["id"], prio["title"], 14)
        for number in prio["measures"]:
            m = measures[number]
            numbered("MESURE", str(number), m["title"], 11)
            pdf.set_font("DejaVuSans", "", 9.5)
            texts = paragraphs(m["text"])
            for i, text in enumerate(texts, start=1):
                pdf.multi_cell(width, 4.8, text, align="L", new_x="LMARGIN", new_y="NEXT")
                if i < len(texts):
                    pdf.ln(2.5)
                if i == m.get("page_break_after"):
                    pdf.add_page()
            # No space before the labels: they sit right under the text.
            for line in [*m["responsible"], m["calendar"]]:
                pdf.multi_cell(width, 4.8, line, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(7)
    pdf.output(str(target))


# --------------------------------------------------------------------------------------------------
# plan-numbering-restarts.pdf: « Mesure 1 » again in each axis, with fpdf2
# --------------------------------------------------------------------------------------------------


def render_plan_numbering_restarts(target: Path) -> None:
    data = load("plan-numbering-restarts.yaml")
    pdf = FPDF(orientation="portrait", format="A4")
    title = data["document"]["title"]
    width = fpdf_begin(pdf, title, dt.date(2025, 6, 1), (25, 20), ("DejaVuSans",))
    for prio in data["priorities"]:
        fpdf_heading(pdf, "DejaVuSans", width, prio["heading"])
        pdf.ln(3)
        for number, title, text in prio["measures"]:
            pdf.set_font("DejaVuSans", "B", 10.5)
            pdf.multi_cell(width, 5.5, f"Mesure {number} – {title}", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1.5)
            pdf.set_font("DejaVuSans", "", 10)
            pdf.multi_cell(width, 5, text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(5)
    pdf.output(str(target))


# --------------------------------------------------------------------------------------------------
# plan-numbered-within-axes.pdf: « Mesure 1.1 » … « Mesure 2.3 », a table of contents, with fpdf2
# --------------------------------------------------------------------------------------------------


def render_plan_numbered_within_axes(target: Path) -> None:
    data = load("plan-numbered-within-axes.yaml")
    pdf = ActionsPlanPDF(orientation="portrait", format="A4")
    pdf.running_title = "Plan national 2018-2020 – extrait"
    title = data["document"]["title"]
    fonts = ("DejaVuSans", "DejaVuSerif")  # the running header is set in ActionsPlanPDF's serif
    width = fpdf_begin(pdf, title, dt.date(2018, 1, 10), (22, 18), fonts, page_break=20)
    measures = {m["number"]: m for m in data["measures"]}
    pdf.set_font("DejaVuSans", "B", 12)
    pdf.multi_cell(width, 6, "Sommaire", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.set_font("DejaVuSans", "", 9.5)
    for number, m in measures.items():
        entry = f"Mesure {m['label']} – {m['title']}"
        page = 2 if number <= 3 else 3
        pdf.cell(width - 10, 5, entry + " " + "." * max(3, 95 - len(entry)))
        pdf.cell(10, 5, str(page), align="R", new_x="LMARGIN", new_y="NEXT")
    kind = MeasureType("DejaVuSans", heading=(10.5, 5.5), body=(9.5, 4.8), labels=(8.5, 4.4), after=5)
    for prio in data["priorities"]:
        pdf.add_page()
        fpdf_heading(pdf, "DejaVuSans", width, prio["heading"])
        pdf.ln(3)
        for number in prio["measures"]:
            m = measures[number]
            heading = f"Mesure {m['label']} – {m['title']}"
            fpdf_measure(pdf, width, kind, heading, m, [*m["responsible"], m["calendar"]])
    pdf.output(str(target))


# --------------------------------------------------------------------------------------------------
# plan-bare-numbers.pdf: measures headed « 1. Former … » in bold, no « Mesure » word, with fpdf2
# --------------------------------------------------------------------------------------------------


class WatermarkedPDF(FPDF):
    """« PROJET » in large light-grey capitals across the middle of every page, as drafts carry."""

    def header(self) -> None:
        x, y = self.get_x(), self.get_y()
        self.set_font("DejaVuSans", "B", 54)
        self.set_text_color(215, 215, 215)
        self.set_xy(0, self.h / 2 - 12)
        self.cell(self.w, 24, "PROJET", align="C")
        self.set_text_color(0, 0, 0)
        self.set_xy(x, y)


def render_plan_bare_numbers(target: Path, watermark: bool = False) -> None:
    """`watermark`: the same plan with « PROJET » drawn across the middle of each page, first."""
    pdf = (WatermarkedPDF if watermark else FPDF)(orientation="portrait", format="A4")
    kind = MeasureType("DejaVuSans", heading=(10, 5.2), body=(10, 5), labels=(9, 4.6), after=5)

    def draw(pdf: FPDF, width: float, number: Any, m: dict[str, Any]) -> None:
        fpdf_measure(pdf, width, kind, f"{number}. {m['title']}", m, m["responsible"])

    fpdf_axes_plan(pdf, load("plan-bare-numbers.yaml"), dt.date(2026, 2, 1), (24, 22), "DejaVuSans", draw)
    pdf.output(str(target))


# --------------------------------------------------------------------------------------------------
# plan-footnotes.pdf: note calls raised in the text, each page's notes at its foot under a short rule
# --------------------------------------------------------------------------------------------------

_NOTE_CALL = re.compile(r"\[\^(\d+)\]")


class FootnotedPDF(FPDF):
    """Notes called on a page are printed at its foot, as a word processor does."""

    notes: dict[int, str]
    pending: list[int]

    def footer(self) -> None:
        if self.pending:
            self.set_y(self.h - 20 - 3.6 * sum(1 + len(self.notes[n]) // 105 for n in self.pending))
            self.line(self.l_margin, self.get_y() - 1.5, self.l_margin + 50, self.get_y() - 1.5)
            self.set_font("DejaVuSans", "", 8)
            for n in self.pending:
                self.multi_cell(0, 3.6, f"{n} {self.notes[n]}", new_x="LMARGIN", new_y="NEXT")
            self.pending = []
        self.set_y(-12)
        self.set_font("DejaVuSans", "", 8)
        self.cell(0, 4, str(self.page_no()), align="C")


def render_plan_footnotes(target: Path) -> None:
    data = load("plan-footnotes.yaml")
    pdf = FootnotedPDF(orientation="portrait", format="A4")
    pdf.notes, pdf.pending = data["notes"], []
    title = data["document"]["title"]
    # Room at the foot for the page's notes.
    width = fpdf_begin(pdf, title, dt.date(2026, 3, 2), (22, 20), ("DejaVuSans",), page_break=42)
    pdf.set_font("DejaVuSans", "", 11)
    pdf.multi_cell(width, 5.6, " ".join(data["document"]["preamble"].split()), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(5)
    measures = {m["number"]: m for m in data["measures"]}
    for prio in data["priorities"]:
        fpdf_heading(pdf, "DejaVuSans", width, prio["heading"], 13, 7)
        pdf.ln(3)
        for number in prio["measures"]:
            m = measures[number]
            pdf.set_font("DejaVuSans", "B", 11)
            pdf.multi_cell(width, 6, f"Mesure {number} : {m['title']}", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1.5)
            for paragraph in paragraphs(m["text"]):
                pdf.set_font("DejaVuSans", "", 11)
                for i, part in enumerate(_NOTE_CALL.split(paragraph)):
                    if i % 2 == 0:
                        pdf.write(5.6, part)
                    else:
                        pdf.char_vpos = "SUP"
                        pdf.write(5.6, part)
                        pdf.char_vpos = "LINE"
                        pdf.pending.append(int(part))
                pdf.ln(8)
            pdf.set_font("DejaVuSans", "", 10)
            for line in m["responsible"]:
                pdf.multi_cell(width, 5, line, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(5)
    pdf.output(str(target))


def render_plan_fiches_actions(target: Path) -> None:
    pdf = FPDF(orientation="portrait", format="A4")
    kind = MeasureType("DejaVuSerif", heading=(10.5, 5.4), body=(10, 5), labels=(9, 4.6), after=1)
    bold = FontFace(emphasis="BOLD")

    def fields(pdf: FPDF, width: float, m: dict[str, Any]) -> None:
        # The fields as a ruled table: label cell in bold, value cell beside it, no colon.
        pdf.set_font("DejaVuSerif", "", 9)
        with pdf.table(col_widths=(30, width - 30), first_row_as_headings=False, line_height=5) as table:
            for label, value in m["fields"]:
                row = table.row()
                row.cell(label, style=bold)
                row.cell(value)
        pdf.ln(6)

    def draw(pdf: FPDF, width: float, number: Any, m: dict[str, Any]) -> None:
        heading = f"FICHE ACTION N° {number.upper()} – {m['title']}"
        if m.get("fields_first"):
            # As a fiche laid out on a page of its own: heading, fields table, then the text.
            pdf.set_font(kind.family, "B", kind.heading[0])
            pdf.multi_cell(width, kind.heading[1], heading, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
            fields(pdf, width, m)
            pdf.set_font(kind.family, "", kind.body[0])
            for text in paragraphs(m["text"]):
                pdf.multi_cell(width, kind.body[1], text, align="L", new_x="LMARGIN", new_y="NEXT")
                pdf.ln(2)
            return
        fpdf_measure(pdf, width, kind, heading, m, [])
        fields(pdf, width, m)

    fpdf_axes_plan(pdf, load("plan-fiches-actions.yaml"), dt.date(2026, 4, 1), (22, 20), "DejaVuSerif", draw)
    pdf.output(str(target))


# --------------------------------------------------------------------------------------------------
# review-sections.pdf: the same review written measure after measure in one column, with sections
# --------------------------------------------------------------------------------------------------


def render_review_sections(target: Path) -> None:
    """review-second-renderer.yaml laid out as a word processor would: under each « MESURE N° 12 : »
    heading the plan's text, then « Nos constats » and « Nos propositions » in bold; the general
    demands are the bullets under the title, as in the table."""
    data = load("review-second-renderer.yaml")
    pdf = ReportPDF(orientation="portrait", format="A4")
    title = data["document"]["title"]
    width = fpdf_begin(
        pdf,
        title,
        dt.date(2017, 3, 9),
        (24, 20),
        ("DejaVuSerif", "DejaVuSans"),
        page_break=20,
        title_font="DejaVuSans",
    )
    pdf.set_font("DejaVuSans", "", 10)
    for demand in data["general_demands"]:
        pdf.multi_cell(width, 5, " ".join(demand["text"].split()), align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1.5)
    pdf.ln(4)
    kind = MeasureType("DejaVuSans", heading=(10.5, 5.4), body=(10, 5), labels=(9, 4.6), after=2)
    measures = {m["number"]: m for m in data["measures"]}

    def section(heading: str, texts: list[str]) -> None:
        pdf.set_font("DejaVuSans", "B", 10)
        pdf.multi_cell(width, 5.4, heading, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1.5)
        pdf.set_font("DejaVuSans", "", 10)
        for text in texts:
            pdf.multi_cell(width, 5, text, align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
        pdf.ln(2)

    for prio in data["priorities"]:
        fpdf_heading(pdf, "DejaVuSans", width, f"PRIORITÉ {prio['id']} : {prio['title']}", 12, 6.5)
        pdf.ln(3)
        for sect in prio["sections"]:
            fpdf_heading(pdf, "DejaVuSans", width, sect["title"], 10.5, 5.4)
            pdf.ln(3)
            for number in sect["measures"]:
                m = measures[number]
                labels = [line for line in (m.get("implementation"), m.get("instrument")) if line]
                text = {"text": m["plan_text"]}
                fpdf_measure(pdf, width, kind, f"MESURE N° {number} : {m['title']}", text, labels)
                section("Nos constats", paragraphs(m.get("constats")))
                section("Nos propositions", [t for prop in m["proposals"] for t in paragraphs(prop["text"])])
    pdf.output(str(target))


def render_plan_run_in_headings(target: Path) -> None:
    """plan-bare-numbers.yaml with run-in headings: « Mesure 4 – Ouvrir des places … » in bold
    starts the measure's first paragraph, whose text follows on the same line in regular weight."""
    pdf = FPDF(orientation="portrait", format="A4")

    def draw(pdf: FPDF, width: float, number: Any, m: dict[str, Any]) -> None:
        first, *more = paragraphs(m["text"])
        pdf.set_font("DejaVuSans", "B", 10)
        pdf.write(5, f"Mesure {number} – {m['title']}. ")
        pdf.set_font("DejaVuSans", "", 10)
        pdf.write(5, first)
        pdf.ln(7)
        for text in more:
            pdf.multi_cell(width, 5, text, align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
        pdf.set_font("DejaVuSans", "", 9)
        for line in m["responsible"]:
            pdf.multi_cell(width, 4.6, line, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(5)

    fpdf_axes_plan(pdf, load("plan-bare-numbers.yaml"), dt.date(2026, 2, 1), (24, 22), "DejaVuSans", draw)
    pdf.output(str(target))


# --------------------------------------------------------------------------------------------------
# plan-run-in-subheadings.pdf: run-in measure headings, bold subheadings larger than the text, in two
# columns (reportlab)
# --------------------------------------------------------------------------------------------------


def run_in_story(data: dict[str, Any], st: dict[str, ParagraphStyle]) -> list[Flowable]:
    """Each part on a new page under its heading across the columns, its measures in the columns:
    « Mesure N. Titre. » in bold opens the first paragraph; « ## » lines are bold subheadings."""
    story: list[Flowable] = [Paragraph(escape(data["document"]["title"]), st["title"])]
    for i, part in enumerate(data["parts"]):
        if i:
            story.append(PageBreak())
        story += [Paragraph(escape(f"Partie {part['number']} – {part['title']}"), st["part"]), FrameBreak()]
        for m in part["measures"]:
            heading = f"Mesure {m['number']}. {m['title']}."
            lead = f"<b>{escape(heading)}</b> "
            sub = ParagraphStyle("sub", st["subheading"], fontSize=m.get("subheading_size", 10.5))
            for text in paragraphs(m["text"]):
                if text.startswith("## "):
                    story.append(Paragraph(escape(text[3:]), sub))
                else:
                    story.append(Paragraph(lead + escape(nbsp_before_colon(text)), st["body"]))
                    lead = ""
            story += [Paragraph(escape(nbsp_before_colon(line)), st["meta"]) for line in m["responsible"]]
    return story


def render_plan_run_in_subheadings(target: Path) -> None:
    data = load("plan-run-in-subheadings.yaml")
    body = ParagraphStyle(
        "body", fontName="DejaVuSerif", fontSize=9.5, leading=12.6, alignment=TA_JUSTIFY, spaceAfter=5
    )
    st = {
        "body": body,
        "title": ParagraphStyle("title", fontName="DejaVuSans-Bold", fontSize=17, leading=22, spaceAfter=20),
        "part": ParagraphStyle(
            "part", fontName="DejaVuSans-Bold", fontSize=14, leading=18, textColor=colors.HexColor("#1d3557")
        ),
        "subheading": ParagraphStyle(
            "subheading",
            fontName="DejaVuSans-Bold",
            leading=14,
            spaceBefore=3,
            spaceAfter=3,
            keepWithNext=1,
            textColor=colors.HexColor("#1d3557"),
        ),
        "meta": ParagraphStyle("meta", fontName="DejaVuSerif", fontSize=8.5, leading=11, spaceAfter=9),
    }
    width, height = A4
    margin, gutter, band = 2 * cm, 0.8 * cm, 2.6 * cm
    column = (width - 2 * margin - gutter) / 2
    below = height - 2 * margin - band  # the columns' height, under the band of the part's heading

    def frames(first: bool) -> list[Frame]:
        top = band + (2 * cm if first else 0)  # the first page's band holds the title too
        return [
            Frame(margin, height - margin - top, width - 2 * margin, top, id="head"),
            Frame(margin, margin, column, below - (top - band), id="left"),
            Frame(margin + column + gutter, margin, column, below - (top - band), id="right"),
        ]

    def footer(canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont("DejaVuSans", 8)
        canvas.drawCentredString(width / 2, 1.1 * cm, str(doc.page))
        canvas.restoreState()

    doc = BaseDocTemplate(str(target), **a4_document(data["document"]["title"], margin))
    doc.addPageTemplates(
        [
            PageTemplate("first", frames(True), onPage=footer, autoNextPageTemplate="part"),
            PageTemplate("part", frames(False), onPage=footer),
        ]
    )
    doc.build(run_in_story(data, st))
    # Each column's text (pdfplumber would interleave the columns' lines): every heading and subheading.
    text = " ".join(" ".join(column_texts(target, margin + column + gutter / 2)).replace(NBSP, " ").split())
    for m in (m for part in data["parts"] for m in part["measures"]):
        for wanted in [f"Mesure {m['number']}. {m['title']}.", *re.findall(r"^## (.+)$", m["text"], re.M)]:
            if wanted not in text:
                sys.exit(f"{target.name}: not found in the text layer: {wanted!r}")


# --------------------------------------------------------------------------------------------------
# plan-rounded-boxes.pdf: shaded boxes drawn as rounded rectangles in a measure's text, with fpdf2
# --------------------------------------------------------------------------------------------------


def fpdf_rounded_box(pdf: FPDF, width: float, box: dict[str, Any]) -> None:
    """« Repères » and its statements on a pale rounded rectangle (outlined too if `outlined`): the
    fill is drawn first, as tall as the text measured by a dry run, then the text over it."""
    pad, inner = 3.0, width - 6.0
    texts = paragraphs(box["text"])
    pdf.set_font("DejaVuSans", "", 9)
    height = 2 * pad + 5.5 + sum(pdf.multi_cell(inner, 4.6, t, dry_run=True, output="HEIGHT") for t in texts)
    corners = True if box["corners"] == "all" else tuple(box["corners"])
    pdf.set_fill_color(226, 236, 246)
    pdf.set_draw_color(29, 53, 87)
    style = "DF" if box["outlined"] else "F"
    pdf.rect(pdf.l_margin, pdf.get_y(), width, height, style=style, round_corners=corners, corner_radius=3)
    pdf.set_xy(pdf.l_margin + pad, pdf.get_y() + pad)
    pdf.set_font("DejaVuSans", "B", 10)
    pdf.cell(inner, 5.5, box["title"], new_x="LEFT", new_y="NEXT")
    pdf.set_font("DejaVuSans", "", 9)
    for text in texts:
        pdf.multi_cell(inner, 4.6, text, new_x="LEFT", new_y="NEXT")
    pdf.set_xy(pdf.l_margin, pdf.get_y() + pad + 3)


def render_plan_rounded_boxes(target: Path) -> None:
    data = load("plan-rounded-boxes.yaml")
    within = {b["within"]: b for b in data["boxes"] if "within" in b}
    after = {b["after"]: b for b in data["boxes"] if "after" in b}
    pdf = FPDF(orientation="portrait", format="A4")

    def draw(pdf: FPDF, width: float, number: Any, m: dict[str, Any]) -> None:
        pdf.set_font("DejaVuSans", "B", 10.5)
        pdf.multi_cell(width, 5.4, f"Mesure {number} – {m['title']}", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1.5)
        for i, piece in enumerate(" ".join(m["text"].split()).split(" ¦ ")):
            if i:  # the box cuts the sentence here; it goes on below the box
                fpdf_rounded_box(pdf, width, within[number])
            pdf.set_font("DejaVuSans", "", 10)
            pdf.multi_cell(width, 5, piece, align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
        pdf.set_font("DejaVuSans", "", 9)
        for line in m["responsible"]:
            pdf.multi_cell(width, 4.6, line, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(5)
        if number in after:
            fpdf_rounded_box(pdf, width, after[number])

    fpdf_axes_plan(pdf, data, dt.date(2026, 9, 14), (24, 22), "DejaVuSans", draw)
    pdf.output(str(target))
    with pdfplumber.open(target) as plumbed:  # the fixture is about boxes that are curves, not rects
        rects = sum(len(page.rects) for page in plumbed.pages)
        if rects or sum(len(page.curves) for page in plumbed.pages) != len(data["boxes"]):
            sys.exit(f"{target.name}: the boxes are not drawn as curves alone")


# --------------------------------------------------------------------------------------------------
# plan-field-blocks.pdf: labels set over their values, a table beside the text, axis headers, with fpdf2
# --------------------------------------------------------------------------------------------------

BLOCK_LABEL = (22, 46, 96)  # the labels' colour
BLOCK_SHADE = (234, 240, 247)


class PartHeaderPDF(FPDF):
    """Every page carries, at its top right, a small header naming the axis it is in."""

    part_header = ""

    def header(self) -> None:
        self.set_font("DejaVuSans", "", 8)
        self.set_text_color(110, 110, 110)
        self.set_xy(self.l_margin, 10)
        self.cell(self.w - self.l_margin - self.r_margin, 4, self.part_header, align="R")
        self.set_text_color(0, 0, 0)
        self.set_xy(self.l_margin, self.t_margin)


def fpdf_field_block(pdf: FPDF, width: float, fields: list[list[str]], boxed: bool = False) -> None:
    """The labels side by side in small bold type, each over its value in a column of its own (a
    lone label takes half the width); `boxed`: on a shaded box."""
    gap, pad = 6.0, 4.0 if boxed else 0.0
    col = (width - gap * (max(len(fields), 2) - 1)) / max(len(fields), 2)
    pdf.set_font("DejaVuSans", "", 10)
    lines = [pdf.multi_cell(col - 2 * pad, 5, v, dry_run=True, output="LINES") for _, v in fields]
    height = 6 + 5 * max(len(x) for x in lines)
    top = pdf.get_y()
    if boxed:
        pdf.set_fill_color(*BLOCK_SHADE)
        pdf.rect(pdf.l_margin, top - 3, col, height + 6, style="F")
    for i, (label, value) in enumerate(fields):
        x = pdf.l_margin + i * (col + gap) + pad
        pdf.set_xy(x, top)
        pdf.set_font("DejaVuSans", "B", 8)
        pdf.set_text_color(*BLOCK_LABEL)
        pdf.cell(col - 2 * pad, 4.5, label)
        pdf.set_xy(x, top + 6)
        pdf.set_font("DejaVuSans", "", 10)
        pdf.set_text_color(0, 0, 0)
        pdf.multi_cell(col - 2 * pad, 5, value, align="L")
    pdf.set_y(top + height + 8)


def fpdf_field_beside(pdf: FPDF, label: str, value: str) -> None:
    """The label in small bold type and its value on one line, a little apart."""
    pdf.set_font("DejaVuSans", "B", 8)
    pdf.set_text_color(*BLOCK_LABEL)
    pdf.cell(pdf.get_string_width(label), 5, label)
    pdf.set_x(pdf.get_x() + 4)
    pdf.set_font("DejaVuSans", "", 10)
    pdf.set_text_color(0, 0, 0)
    pdf.cell(pdf.get_string_width(value), 5, value, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(8)


def fpdf_text_and_table(pdf: FPDF, width: float, text: str, table: dict[str, Any]) -> None:
    """The text in the left 60 % of the width; at its right, level with its top, the table's caption
    in bold and the table, ruled (every cell outlined)."""
    text_w = width * 0.6
    tx, tw = pdf.l_margin + text_w + 8, width - text_w - 8
    top = pdf.get_y()
    pdf.set_font("DejaVuSans", "", 10)
    pdf.multi_cell(text_w, 5, text, align="L", new_x="LMARGIN", new_y="NEXT")
    bottom = pdf.get_y()
    y = fpdf_side_table(pdf, tx, top, tw, table)
    pdf.set_y(max(bottom, y) + 6)


def fpdf_side_table(pdf: FPDF, x: float, top: float, width: float, table: dict[str, Any]) -> float:
    """The table's caption in bold at (x, top), then the table, ruled (every cell outlined); returns
    its foot. A table whose `below` is set has no caption above it: that line is set under it (in
    bold, or in 8 pt grey type for a « Source : » line), and the foot is the caption's."""
    y = top
    if "caption" in table:
        pdf.set_xy(x, top)
        pdf.set_font("DejaVuSans", "B", 9)
        pdf.set_text_color(*BLOCK_LABEL)
        pdf.cell(width, 5, table["caption"])
        pdf.set_text_color(0, 0, 0)
        y = top + 7
    for i, row in enumerate([table["header"], *table["rows"]]):
        pdf.set_xy(x, y)
        pdf.set_font("DejaVuSans", "B" if i == 0 else "", 9)
        for cell in row:
            pdf.cell(width / len(row), 6, cell, border=1, align="C")
        y += 6
    if "below" in table:
        source = table["below"].startswith("Source")
        pdf.set_xy(x, y + 1.5)
        pdf.set_font("DejaVuSans", "" if source else "B", 8 if source else 9)
        pdf.set_text_color(*((110, 110, 110) if source else BLOCK_LABEL))
        pdf.cell(width, 4.5, table["below"])
        pdf.set_text_color(0, 0, 0)
        y += 6.5
    return y


def render_plan_field_blocks(target: Path) -> None:
    data = load("plan-field-blocks.yaml")
    pdf = PartHeaderPDF(orientation="portrait", format="A4")
    pdf.part_header = data["priorities"][0]["header"]
    width = fpdf_begin(pdf, data["document"]["title"], dt.date(2027, 3, 8), (20, 20), ("DejaVuSans",), False)
    measures = {m["number"]: m for m in data["measures"]}
    for prio in data["priorities"]:
        pdf.part_header = prio["header"]
        for number in prio["measures"]:
            if number != data["measures"][0]["number"]:
                pdf.add_page()
            if number == prio["measures"][0]:
                fpdf_heading(pdf, "DejaVuSans", width, prio["heading"])
                pdf.ln(4)
            m = measures[number]
            pdf.set_font("DejaVuSans", "B", 12)
            pdf.multi_cell(width, 6, f"Mesure {number} – {m['title']}", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
            for i, text in enumerate(paragraphs(m["text"]), start=1):
                if m.get("table"):
                    fpdf_text_and_table(pdf, width, text, m["table"])
                    continue
                pdf.set_font("DejaVuSans", "", 10)
                pdf.multi_cell(width, 5, text, align="L", new_x="LMARGIN", new_y="NEXT")
                pdf.ln(4)
                if i == m.get("page_break_after"):
                    pdf.add_page()
            if m.get("beside"):
                fpdf_field_beside(pdf, *m["fields"][0])
            else:
                fpdf_field_block(pdf, width, m["fields"], boxed=bool(m.get("boxed")))
    pdf.output(str(target))


# --------------------------------------------------------------------------------------------------
# plan-unruled-fields.pdf: each measure's fields as a small table without rules, with fpdf2
# --------------------------------------------------------------------------------------------------


def fpdf_unruled_fields(
    pdf: FPDF, width: float, layout: str, fields: list[list[str]], borders: str = "NONE"
) -> None:
    """The fields as a table with no rule, border or shading: a header row of labels over their
    values (`header`: bold labels, cells aligned left; `header-plain`: labels in the values' type,
    cells centred), or a column of bold labels beside their values (`labels`, cells centred
    vertically, as fpdf2 sets them). `borders` « ALL »: its ruled twin."""
    pdf.set_font("DejaVuSans", "", 9)
    if layout == "labels":
        bold = FontFace(emphasis="BOLD")
        with pdf.table(
            col_widths=(32, width - 32),
            first_row_as_headings=False,
            borders_layout=borders,
            line_height=4.6,
            text_align="LEFT",
        ) as table:
            for label, value in fields:
                row = table.row()
                row.cell(label, style=bold)
                row.cell(value)
    else:
        plain = layout == "header-plain"
        with pdf.table(
            first_row_as_headings=True,
            headings_style=FontFace() if plain else FontFace(emphasis="BOLD"),
            borders_layout=borders,
            line_height=4.6,
            text_align="CENTER" if plain else "LEFT",
        ) as table:
            for cells in zip(*fields, strict=True):
                row = table.row()
                for cell in cells:
                    row.cell(cell)
    pdf.ln(6)


def fpdf_tab_stops(pdf: FPDF, rows: list[list[str]], stops: tuple[float, ...]) -> None:
    """Rows whose cells start at tab stops (mm from the left margin), no rule, in the text's type."""
    pdf.set_font("DejaVuSans", "", 10)
    for cells in rows:
        y = pdf.get_y()
        for stop, cell in zip(stops, cells, strict=True):
            pdf.set_xy(pdf.l_margin + stop, y)
            pdf.cell(pdf.get_string_width(cell), 5, cell)
        pdf.set_xy(pdf.l_margin, y + 5)
    pdf.ln(3)


def render_plan_unruled_fields(target: Path, ruled: bool = False) -> None:
    """`ruled`: every fields table with all its rules (plan-ruled-fields.pdf, the ruled twin)."""
    data = load("plan-unruled-fields.yaml")

    def draw(pdf: FPDF, width: float, number: Any, m: dict[str, Any]) -> None:
        pdf.set_font("DejaVuSans", "B", 11)
        pdf.multi_cell(width, 6, f"Mesure {number} – {m['title']}", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1.5)
        pdf.set_font("DejaVuSans", "", 10)
        pdf.multi_cell(width, 5, paragraphs(m["text"])[0], align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
        if m.get("tabbed"):
            fpdf_tab_stops(pdf, m["tabbed"], (10, 40, 80))
        if m.get("subheading"):
            pdf.set_font("DejaVuSans", "B", 10)
            pdf.multi_cell(width, 5, m["subheading"], new_x="LMARGIN", new_y="NEXT")
        if m.get("after"):
            pdf.set_font("DejaVuSans", "", 10)
            pdf.multi_cell(width, 5, paragraphs(m["after"])[0], align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
        if m.get("figures"):
            fpdf_tab_stops(pdf, [m["figures"]["header"], *m["figures"]["rows"]], (10, 40, 70))
        if m.get("layout"):
            fpdf_unruled_fields(pdf, width, m["layout"], m["fields"], "ALL" if ruled else "NONE")
        elif m.get("fields"):
            # A field line in the text's own type: the label is not set apart.
            pdf.set_font("DejaVuSans", "", 10)
            for label, value in m["fields"]:
                pdf.multi_cell(width, 5, f"{label} : {value}", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(4)
        pdf.ln(2)

    pdf = FPDF(orientation="portrait", format="A4")
    fpdf_axes_plan(pdf, data, dt.date(2030, 11, 4), (20, 20), "DejaVuSans", draw)
    pdf.output(str(target))


# --------------------------------------------------------------------------------------------------
# plan-plain-labels.pdf: the same field lines with bold labels, then in the text's own type, with fpdf2
# --------------------------------------------------------------------------------------------------


def render_plan_plain_labels(target: Path) -> None:
    data = load("plan-plain-labels.yaml")
    measures = {m["number"]: m for m in data["measures"]}
    plain = {n for p in data["priorities"] if p.get("plain") for n in p["measures"]}

    def draw(pdf: FPDF, width: float, number: Any, m: dict[str, Any]) -> None:
        m = measures[m["twin"]] if "twin" in m else m
        pdf.set_font("DejaVuSerif", "B", 11)
        pdf.multi_cell(width, 6, f"Mesure {number} – {m['title']}", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1.5)
        pdf.set_font("DejaVuSerif", "", 10)
        pdf.multi_cell(width, 5, paragraphs(m["text"])[0], align="L", new_x="LMARGIN", new_y="NEXT")
        for label, value, *alone in m["fields"]:
            pdf.set_font("DejaVuSerif", "" if number in plain else "B", 10)
            if alone:
                pdf.multi_cell(width, 5, nbsp_before_colon(f"{label} :"), new_x="LMARGIN", new_y="NEXT")
            else:
                pdf.write(5, nbsp_before_colon(f"{label} : "))
            pdf.set_font("DejaVuSerif", "", 10)
            pdf.write(5, value)
            pdf.ln(5)
        pdf.ln(5)

    pdf = FPDF(orientation="portrait", format="A4")
    fpdf_axes_plan(pdf, data, dt.date(2030, 12, 2), (22, 20), "DejaVuSerif", draw)
    pdf.output(str(target))


# --------------------------------------------------------------------------------------------------
# plan-side-table-continued.pdf: a paragraph set beside a small table goes on below it, with fpdf2
# --------------------------------------------------------------------------------------------------


def fpdf_flowed_lines(
    pdf: FPDF, text: str, top: float, width_at: Callable[[float], tuple[float, float]]
) -> float:
    """`text` from `top` in lines of 5 mm, ragged right, each line as wide as `width_at`(its top)
    gives (x, width): narrower beside a table, the whole width below it; returns the foot."""
    y, line = top, ""
    words = text.split()
    while words:
        x, w = width_at(y)
        line = words.pop(0)
        while words and pdf.get_string_width(f"{line} {words[0]}") <= w:
            line = f"{line} {words.pop(0)}"
        pdf.set_xy(x, y)
        pdf.cell(w, 5, line)
        y += 5
    return y


def render_plan_side_table_continued(target: Path, source: str = "plan-side-table-continued.yaml") -> None:
    """`source`: plan-table-caption-below.yaml sets each table's caption under it."""
    data = load(source)

    def draw(pdf: FPDF, width: float, number: Any, m: dict[str, Any]) -> None:
        pdf.set_font("DejaVuSans", "B", 11)
        pdf.multi_cell(width, 6, f"Mesure {number} – {m['title']}", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
        text_w, table_w = width * 0.62, width * 0.38 - 8
        left = m["side"] == "left"
        top = pdf.get_y()
        table_x = pdf.l_margin if left else pdf.l_margin + text_w + 8
        foot = fpdf_side_table(pdf, table_x, top, table_w, m["table"])
        beside = (pdf.l_margin + table_w + 8 if left else pdf.l_margin, text_w)

        def width_at(y: float) -> tuple[float, float]:
            return beside if y < foot + 1 else (pdf.l_margin, width)

        pdf.set_font("DejaVuSans", "", 10)
        first, *rest = paragraphs(m["text"])
        y = fpdf_flowed_lines(pdf, first, top, width_at)
        for text in rest:  # the next paragraphs start below the table
            y = fpdf_flowed_lines(pdf, text, max(y + 4, foot + 6), width_at)
        pdf.set_xy(pdf.l_margin, max(y, foot) + 8)

    pdf = FPDF(orientation="portrait", format="A4")
    fpdf_axes_plan(pdf, data, dt.date(2030, 12, 9), (20, 20), "DejaVuSans", draw)
    pdf.output(str(target))


# --------------------------------------------------------------------------------------------------
# report-recommendations.pdf: an evaluation report's numbered recommendations in boxes, with fpdf2
# --------------------------------------------------------------------------------------------------


class ReportPDF(FPDF):
    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("DejaVuSerif", "", 8)
        self.cell(0, 4, f"– {self.page_no()} –", align="C")


def render_report_recommendations(target: Path) -> None:
    data = load("report-recommendations.yaml")
    pdf = ReportPDF(orientation="portrait", format="A4")
    title = data["document"]["title"]
    width = fpdf_begin(
        pdf, title, dt.date(2017, 5, 2), (25, 22), ("DejaVuSerif", "DejaVuSans"), page_break=20
    )

    def analysis(text: str) -> None:
        pdf.set_font("DejaVuSerif", "", 10)
        for para in paragraphs(text):
            pdf.multi_cell(width, 5, para, align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2.5)

    for block in data["blocks"]:
        if "analysis" in block:
            analysis(block["analysis"])
            continue
        pdf.ln(1)
        pdf.set_fill_color(230, 230, 230)
        pdf.set_font("DejaVuSans", "B", 10)
        if block.get("alone"):
            pdf.multi_cell(
                width, 5.5, f"Recommandation n° {block['number']}", fill=True, new_x="LMARGIN", new_y="NEXT"
            )
            pdf.ln(1.5)
            pdf.set_font("DejaVuSerif", "", 10)
        pdf.multi_cell(width, 5.5, block["text"], fill=not block.get("alone"), new_x="LMARGIN", new_y="NEXT")
        for item in block.get("items", []):
            pdf.multi_cell(width, 5.5, item, fill=True, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
    pdf.add_page()
    pdf.set_font("DejaVuSerif", "B", 12)
    pdf.multi_cell(width, 6, data["summary"]["title"], new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.set_font("DejaVuSerif", "", 10)
    for item in data["summary"]["items"]:
        pdf.multi_cell(width, 5, item, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    pdf.output(str(target))


# --------------------------------------------------------------------------------------------------
# plan-side-headings.pdf: each heading in a narrow left column beside its text, with fpdf2
# --------------------------------------------------------------------------------------------------


def render_plan_side_headings(target: Path) -> None:
    data = load("plan-side-headings.yaml")
    pdf = FPDF(orientation="portrait", format="A4")
    title = data["document"]["title"]
    width = fpdf_begin(pdf, title, dt.date(2025, 10, 1), (18, 18), ("DejaVuSans",), page_break=False)
    side, gap = 46.0, 8.0
    text_x, text_w = pdf.l_margin + side + gap, width - side - gap
    measures = {m["number"]: m for m in data["measures"]}
    for i, prio in enumerate(data["priorities"]):
        if i:
            pdf.add_page()
        fpdf_heading(pdf, "DejaVuSans", width, prio["heading"])
        pdf.ln(4)
        for number in prio["measures"]:
            m = measures[number]
            top = pdf.get_y()
            pdf.set_font("DejaVuSans", "B", 9.5)
            pdf.multi_cell(side, 5, f"MESURE {number}", align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.multi_cell(side, 5, m["title"], align="L", new_x="LMARGIN", new_y="NEXT")
            left_bottom = pdf.get_y()
            pdf.set_xy(text_x, top)
            pdf.set_font("DejaVuSans", "", 9.5)
            for para in paragraphs(m["text"]):
                pdf.set_x(text_x)
                pdf.multi_cell(text_w, 5, para, align="L", new_x="LEFT", new_y="NEXT")
                pdf.ln(2)
            pdf.set_y(max(left_bottom, pdf.get_y()) + 6)
    pdf.output(str(target))


# --------------------------------------------------------------------------------------------------
# plan-engagements.pdf: a roadmap's « ENGAGEMENT 3 » headings and « Qui : » / « Quand : » lines, with fpdf2
# --------------------------------------------------------------------------------------------------


def fpdf_field(pdf: FPDF, width: float, label: str, value: str) -> None:
    """« Qui : … »: the label in bold, the value after it in regular weight, wrapping under itself."""
    head = nbsp_before_colon(f"{label} : ")
    pdf.set_font("DejaVuSans", "B", 9)
    pdf.cell(pdf.get_string_width(head), 4.8, head)
    pdf.set_font("DejaVuSans", "", 9)
    rest = width - pdf.get_string_width(head)
    pdf.multi_cell(rest, 4.8, nbsp_before_colon(value), align="L", new_x="LMARGIN", new_y="NEXT")


def render_plan_engagements(target: Path) -> None:
    data = load("plan-engagements.yaml")
    pdf = FPDF(orientation="portrait", format="A4")
    title = data["document"]["title"]
    width = fpdf_begin(pdf, title, dt.date(2026, 1, 15), (20, 20), ("DejaVuSans",), page_break=20)
    measures = {m["number"]: m for m in data["measures"]}
    for prio in data["priorities"]:
        fpdf_heading(pdf, "DejaVuSans", width, prio["heading"])
        pdf.ln(4)
        for number in prio["measures"]:
            m = measures[number]
            heading = m["heading"]
            if len(heading) == 2:  # the word alone above its number in large type
                pdf.set_font("DejaVuSans", "B", 8.5)
                pdf.multi_cell(width, 4.5, heading[0], new_x="LMARGIN", new_y="NEXT")
                pdf.set_font("DejaVuSans", "B", 24)
                pdf.multi_cell(width, 10, heading[1], new_x="LMARGIN", new_y="NEXT")
            else:
                pdf.set_font("DejaVuSans", "B", 12)
                pdf.multi_cell(width, 6, nbsp_before_colon(heading[0]), new_x="LMARGIN", new_y="NEXT")
            if heading[0] != f"Engagement n° {number} – {m['title']}":
                pdf.set_font("DejaVuSans", "B", 10.5)
                pdf.multi_cell(width, 5.5, m["title"], new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
            pdf.set_font("DejaVuSans", "", 9.5)
            parts = m["text"].strip().split("\n\n") if m.get("lines") else paragraphs(m["text"])
            for para in parts:
                pdf.multi_cell(width, 4.8, nbsp_before_colon(para.strip()), new_x="LMARGIN", new_y="NEXT")
                pdf.ln(2)
            fpdf_field(pdf, width, "Qui", m["who"])
            fpdf_field(pdf, width, "Quand", m["when"])
            pdf.ln(6)
    pdf.output(str(target))


# --------------------------------------------------------------------------------------------------
# plan-as-table.pdf: a draft whose measures are the rows of one ruled table, with fpdf2
# --------------------------------------------------------------------------------------------------


def render_plan_as_table(target: Path, numbered: bool = True) -> None:
    """The measures of plan-with-summary-table.yaml as rows of a table (N° / Mesure / Pilote /
    Échéance), each measure's title in bold above its text, an axis banner across the table;
    `numbered=False`: no N° column (Mesure / Pilote / Échéance), the text column narrower."""
    data = load("plan-with-summary-table.yaml")
    pdf = FPDF(orientation="portrait", format="A4")
    title = "Plan national contre la traite des êtres humains 2025-2027 – tableau des mesures (projet)"
    width = fpdf_begin(pdf, title, dt.date(2025, 9, 1), (20, 20), ("DejaVuSans",))
    pdf.set_font("DejaVuSans", "", 10)
    intro = (
        "Le présent projet rassemble les mesures retenues à l’issue de la concertation. Chacune est "
        "présentée avec son pilote et son échéance ; le texte définitif sera publié après avis du comité."
    )
    pdf.multi_cell(width, 5, intro, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    measures = {m["number"]: m for m in data["measures"]}
    pdf.set_font("DejaVuSans", "", 9)
    bold = FontFace(emphasis="BOLD")
    widths = (12, 100, 38, 20) if numbered else (80, 50, 40)
    table_args: dict[str, Any] = {"col_widths": widths, "line_height": 7.5, "markdown": True}
    with pdf.table(**table_args) as table:
        row = table.row()
        for head in ("N°", "Mesure", "Pilote", "Échéance")[0 if numbered else 1 :]:
            row.cell(head)
        for prio in data["priorities"]:
            table.row().cell(prio["heading"], colspan=len(widths), style=bold)
            for number in prio["measures"]:
                m = measures[number]
                row = table.row()
                if numbered:
                    row.cell(str(number))
                row.cell(f"**{m['title']}**\n{m['text']}")
                row.cell(m["responsible"][0].split(":", 1)[1].strip())
                row.cell(m["calendar"].split(":", 1)[1].strip())
    pdf.output(str(target))


# --------------------------------------------------------------------------------------------------
# plan-with-summary-table.pdf: a plan, then a ruled summary table of its measures, with fpdf2
# --------------------------------------------------------------------------------------------------


def render_plan_with_summary_table(target: Path) -> None:
    data = load("plan-with-summary-table.yaml")
    pdf = FPDF(orientation="portrait", format="A4")
    title = data["document"]["title"]
    width = fpdf_begin(pdf, title, dt.date(2025, 9, 1), (22, 20), ("DejaVuSans",))
    measures = {m["number"]: m for m in data["measures"]}
    for i, prio in enumerate(data["priorities"]):
        if i:
            pdf.add_page()
        fpdf_heading(pdf, "DejaVuSans", width, prio["heading"])
        pdf.ln(3)
        for number in prio["measures"]:
            m = measures[number]
            pdf.set_font("DejaVuSans", "B", 10.5)
            pdf.multi_cell(width, 5.5, f"Mesure {number} : {m['title']}", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1.5)
            pdf.set_font("DejaVuSans", "", 10)
            pdf.multi_cell(width, 5, m["text"], new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1.5)
            pdf.set_font("DejaVuSans", "", 9)
            for line in [*m["responsible"], m["calendar"]]:
                pdf.multi_cell(width, 4.5, line, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(5)
    for i, prio in enumerate(data["priorities"]):
        pdf.add_page()
        if i == 0:
            pdf.set_font("DejaVuSans", "B", 13)
            pdf.multi_cell(width, 7, "Tableau récapitulatif des mesures", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
        pdf.set_font("DejaVuSans", "", 9)
        with pdf.table(col_widths=(10, 80, 45, 25), line_height=5) as table:
            row = table.row()
            for head in ("N°", "Intitulé", "Pilote", "Échéance"):
                row.cell(head)
            for number in prio["measures"]:
                m = measures[number]
                row = table.row()
                pilot = m["responsible"][0].split(":", 1)[1].strip()
                for cell in (str(number), m["title"], pilot, m["calendar"].split(":", 1)[1].strip()):
                    row.cell(cell)
    pdf.output(str(target))


# --------------------------------------------------------------------------------------------------
# plan-column-continued.pdf: two columns whose second opens with the end of an earlier measure, with
# fpdf2
# --------------------------------------------------------------------------------------------------

CUT = "¦"  # where a measure's text is cut between two columns (plan-column-continued.yaml)


def render_plan_column_continued(target: Path) -> None:
    data = load("plan-column-continued.yaml")
    pdf = FPDF(orientation="portrait", format="A4")
    width = fpdf_begin(pdf, data["document"]["title"], dt.date(2026, 6, 8), (20, 20), ("DejaVuSans",), False)
    measures = {m["number"]: m for m in data["measures"]}
    gutter = 8
    column = (width - gutter) / 2

    def text(number: int, part: str) -> list[str]:
        whole = measures[number]["text"].strip()
        if part:
            whole = whole.split(CUT)[0 if part == "a" else 1]
        return [" ".join(p.split()) for p in whole.split("\n\n") if p.strip()]

    def piece(x: float, spec: str) -> None:
        kind, ref = spec.split()
        number, part = int(ref.rstrip("ab")), ref.lstrip("0123456789")
        pdf.set_x(x)
        if kind == "heading":
            pdf.set_font("DejaVuSans", "B", 10.5)
            heading = f"Mesure {number} – {measures[number]['title']}"
            pdf.multi_cell(column, 5.4, heading, new_x="LEFT", new_y="NEXT")
            pdf.ln(1.5)
        elif kind == "text":
            pdf.set_font("DejaVuSans", "", 9.5)
            for i, paragraph in enumerate(text(number, part)):
                if i:
                    pdf.ln(2)
                pdf.set_x(x)
                pdf.multi_cell(column, 4.8, paragraph, align="L", new_x="LEFT", new_y="NEXT")
            pdf.ln(0 if part == "a" else 2)
        else:
            pdf.set_font("DejaVuSans", "", 8.5)
            for line in measures[number]["responsible"]:
                pdf.multi_cell(column, 4.4, line, new_x="LEFT", new_y="NEXT")
            pdf.ln(5)

    for i, page in enumerate(data["pages"]):
        if i:
            pdf.add_page()
        if page.get("banner"):
            fpdf_heading(pdf, "DejaVuSans", width, data["priorities"][0]["heading"], 12, 6.5)
            pdf.ln(4)
        top = pdf.get_y()
        for c, pieces in enumerate(page["columns"]):
            x = pdf.l_margin + c * (column + gutter)
            pdf.set_xy(x, top)
            for spec in pieces:
                piece(x, spec)
    pdf.output(str(target))


# --------------------------------------------------------------------------------------------------
# plan-sommaire-annexes.pdf: the measures listed in a Sommaire without leaders, an annex table and a
# list of acronyms around them, with fpdf2
# --------------------------------------------------------------------------------------------------


def render_plan_sommaire_annexes(target: Path) -> None:
    data = load("plan-sommaire-annexes.yaml")
    pdf = FPDF(orientation="portrait", format="A4")
    doc = data["document"]
    width = fpdf_begin(pdf, doc["title"], dt.date(2026, 5, 4), (22, 20), ("DejaVuSans",), page_break=20)
    measures = {m["number"]: m for m in data["measures"]}

    def heading(number: int) -> str:
        return f"Mesure {number} – {measures[number]['title']}"

    # The Sommaire: one line per entry (a long one wraps), no dot leaders, no page numbers.
    fpdf_heading(pdf, "DejaVuSans", width, "Sommaire", 12, 6.5)
    pdf.ln(2)
    pdf.set_font("DejaVuSans", "", 10)
    for entry in data["sommaire"]:
        text = heading(entry) if isinstance(entry, int) else entry
        pdf.set_x(pdf.l_margin + (6 if isinstance(entry, int) else 0))
        pdf.multi_cell(width - 6, 5.2, text, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(0.8)
    pdf.ln(6)
    fpdf_heading(pdf, "DejaVuSans", width, doc["preamble"]["title"], 12, 6.5)
    pdf.ln(2)
    pdf.set_font("DejaVuSans", "", 10)
    for text in paragraphs(doc["preamble"]["text"]):
        pdf.multi_cell(width, 5, text, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    pdf.add_page()
    kind = MeasureType("DejaVuSans", heading=(10.5, 5.5), body=(10, 5), labels=(9, 4.6), after=5)
    for prio in data["priorities"]:
        fpdf_heading(pdf, "DejaVuSans", width, prio["heading"], 12, 6.5)
        pdf.ln(3)
        for number in prio["measures"]:
            m = measures[number]
            fpdf_measure(pdf, width, kind, heading(number), m, [*m["responsible"], m["calendar"]])
    # The acronyms, each in bold with its long form beside it.
    pdf.add_page()
    fpdf_heading(pdf, "DejaVuSans", width, "Sigles et abréviations", 12, 6.5)
    pdf.ln(3)
    for acronym, long_form in data["sigles"]:
        top = pdf.get_y()
        pdf.set_font("DejaVuSans", "B", 9.5)
        pdf.cell(28, 5, acronym)
        pdf.set_font("DejaVuSans", "", 9.5)
        pdf.set_xy(pdf.l_margin + 28, top)
        pdf.multi_cell(width - 28, 5, long_form, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1.5)
    # The annex table: « Mesure 1 » in the N° column, an axis row across the table.
    pdf.add_page()
    fpdf_heading(pdf, "DejaVuSans", width, "Annexe 1 – Tableau récapitulatif des mesures", 12, 6.5)
    pdf.ln(3)
    pdf.set_font("DejaVuSans", "", 9)
    with pdf.table(col_widths=(22, 78, 40, 26), line_height=5, first_row_as_headings=True) as table:
        row = table.row()
        for head in ("N°", "Action", "Pilote", "Calendrier"):
            row.cell(head)
        for prio in data["priorities"]:
            table.row().cell(prio["heading"], colspan=4)
            for number in prio["measures"]:
                m = measures[number]
                row = table.row()
                for cell in (
                    f"Mesure {number}",
                    m["title"],
                    m["responsible"][0].split(" : ", 1)[1],
                    m["calendar"].split(" : ", 1)[1],
                ):
                    row.cell(cell)
    pdf.output(str(target))


# --------------------------------------------------------------------------------------------------
# Bad inputs for the CLI tests
# --------------------------------------------------------------------------------------------------


def render_no_measures(target: Path) -> None:
    """A real text PDF (a letter) with no measure, no review table and no proposal."""
    base = ParagraphStyle("letter", fontName="DejaVuSerif", fontSize=11, leading=15, spaceAfter=9)
    right = ParagraphStyle("right", base, alignment=TA_RIGHT)
    story = [
        Paragraph("Association Les Amis du Canal<br/>12, rue des Écluses<br/>75010 Paris", base),
        Spacer(0, 0.6 * cm),
        Paragraph("Paris, le 14 février 2020", right),
        Spacer(0, 0.6 * cm),
        Paragraph(f"Objet{NBSP}: assemblée générale annuelle", base),
        Paragraph("Chères adhérentes, chers adhérents,", base),
        Paragraph(
            "Nous avons le plaisir de vous convier à l’assemblée générale de l’association, qui se tiendra "
            "le samedi 21 mars à 14 heures dans la salle paroissiale. L’ordre du jour comprend le rapport "
            "moral, le rapport financier et l’élection du conseil d’administration.",
            ParagraphStyle("j", base, alignment=TA_JUSTIFY),
        ),
        Paragraph(
            "Les personnes qui ne pourront pas être présentes peuvent se faire représenter en remettant un "
            "pouvoir à l’adhérent de leur choix. Un goûter clôturera la réunion ; chacun est invité à "
            "apporter une spécialité de sa région.",
            ParagraphStyle("j2", base, alignment=TA_JUSTIFY),
        ),
        Paragraph("Dans l’attente du plaisir de vous retrouver, recevez nos salutations amicales.", base),
        Spacer(0, 0.8 * cm),
        Paragraph("La présidente,<br/>Hélène Martin", right),
    ]
    doc = SimpleDocTemplate(
        str(target),
        pagesize=A4,
        leftMargin=2.5 * cm,
        rightMargin=2.5 * cm,
        title="Convocation à l’assemblée générale",
        creator="plancompare scripts/render_fixtures.py",
        invariant=1,
    )
    doc.build(story)


def render_not_a_pdf(target: Path) -> None:
    target.write_text(
        '<!DOCTYPE html>\n<html lang="fr"><head><meta charset="utf-8"><title>Plan national</title></head>\n'
        "<body><h1>Plan national de lutte contre la traite</h1>\n"
        "<p>Cette page a été enregistrée sous un nom en .pdf, mais c’est du HTML.</p></body></html>\n",
        encoding="utf-8",
    )


def render_truncated(source: Path, target: Path) -> None:
    data = source.read_bytes()
    target.write_bytes(data[: len(data) // 2])


def render_turned_pages(source: Path, target: Path) -> None:
    """The same PDF with its pages set sideways (/Rotate 90, then 270): the text runs up one page
    and down the next, as on a landscape table turned on a portrait page."""
    writer = PdfWriter(clone_from=PdfReader(source))
    for page, angle in zip(writer.pages, (90, 270), strict=False):
        page.rotate(angle)
    fixed = ByteStringObject(b"plancompare-fixt")
    writer._ID = ArrayObject((fixed, fixed))
    buffer = io.BytesIO()
    writer.write(buffer)
    target.write_bytes(buffer.getvalue())


def render_encrypted(source: Path, target: Path, *, user_password: str = "secret") -> None:
    reader = PdfReader(source)
    writer = PdfWriter(clone_from=reader)
    # RC4-128 key derivation uses only the passwords and the first document id; pypdf draws the ids at
    # random, so fix both to keep the bytes stable.
    fixed = ByteStringObject(b"plancompare-fixt")
    writer._ID = ArrayObject((fixed, fixed))
    # An empty user password: anyone may open the file; the owner password only restricts copying
    # and editing, as many official PDFs do (permissions: print only).
    permissions = {} if user_password else {"permissions_flag": -3904 & 0xFFFFFFFF}
    writer.encrypt(
        user_password=user_password, owner_password="secret-owner", algorithm="RC4-128", **permissions
    )
    writer._ID = ArrayObject((fixed, fixed))
    buffer = io.BytesIO()
    writer.write(buffer)
    target.write_bytes(buffer.getvalue())


def render_undecodable(source: Path, target: Path) -> None:
    """The same PDF without its fonts' Unicode maps (/ToUnicode): the glyphs of the accented letters,
    « ’ », « – » and « ° » (the second font subset) can no longer be read as text."""
    writer = PdfWriter(clone_from=PdfReader(source))
    for page in writer.pages:
        for font in page["/Resources"]["/Font"].values():
            font.get_object().pop("/ToUnicode", None)
    buffer = io.BytesIO()
    writer.write(buffer)
    target.write_bytes(buffer.getvalue())


def render_scanned(source: Path, target: Path) -> None:
    """Page 1 of `source` as a grey image only: what a scanner gives, with no text layer."""
    with tempfile.TemporaryDirectory() as tmp:
        stem = Path(tmp) / "page"
        subprocess.run(
            [
                "pdftoppm",
                "-r",
                "110",
                "-gray",
                "-png",
                "-f",
                "1",
                "-l",
                "1",
                "-singlefile",
                str(source),
                str(stem),
            ],
            check=True,
        )
        # Read through a buffer: reportlab would otherwise name the image after its temporary path.
        image = ImageReader(io.BytesIO(Path(str(stem) + ".png").read_bytes()))
        canvas = Canvas(str(target), pagesize=A4, invariant=1)
        canvas.drawImage(image, 0, 0, width=A4[0], height=A4[1])
        canvas.showPage()
        canvas.save()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "tests/pdfs", help="folder to write into")
    args = parser.parse_args()
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    register_reportlab_fonts()
    steps: list[tuple[str, Callable[[Path], None]]] = [
        ("plan-two-columns.pdf", render_plan_two_columns),
        ("plan-single-column-mesure-n.pdf", render_plan_single_column),
        ("review-second-renderer.pdf", render_review_second_renderer),
        ("review-no-rules.pdf", lambda t: render_review_second_renderer(t, ruled=False)),
        ("review-four-columns.pdf", lambda t: render_review_second_renderer(t, follow_ups=True)),
        ("review-plain-headings.pdf", lambda t: render_review_second_renderer(t, plain_headings=True)),
        ("review-within-axes.pdf", lambda t: render_review_second_renderer(t, printed_numbers=WITHIN_AXES)),
        ("review-bis.pdf", lambda t: render_review_second_renderer(t, printed_numbers=WITH_BIS)),
        ("review-two-columns.pdf", lambda t: render_review_second_renderer(t, two_columns=True)),
        (
            "review-proposals-second.pdf",
            lambda t: render_review_second_renderer(t, proposals_second=True),
        ),
        ("plan-actions.pdf", render_plan_actions),
        ("plan-designed-headings.pdf", render_plan_designed_headings),
        ("plan-numbering-restarts.pdf", render_plan_numbering_restarts),
        ("plan-with-summary-table.pdf", render_plan_with_summary_table),
        ("plan-numbered-within-axes.pdf", render_plan_numbered_within_axes),
        ("plan-bare-numbers.pdf", render_plan_bare_numbers),
        ("plan-watermark.pdf", lambda t: render_plan_bare_numbers(t, watermark=True)),
        ("plan-run-in-headings.pdf", render_plan_run_in_headings),
        ("plan-run-in-subheadings.pdf", render_plan_run_in_subheadings),
        ("plan-rounded-boxes.pdf", render_plan_rounded_boxes),
        ("plan-side-headings.pdf", render_plan_side_headings),
        ("plan-engagements.pdf", render_plan_engagements),
        ("plan-as-table.pdf", render_plan_as_table),
        ("plan-as-table-unnumbered.pdf", lambda t: render_plan_as_table(t, numbered=False)),
        ("plan-footnotes.pdf", render_plan_footnotes),
        ("plan-fiches-actions.pdf", render_plan_fiches_actions),
        ("plan-sommaire-annexes.pdf", render_plan_sommaire_annexes),
        ("plan-column-continued.pdf", render_plan_column_continued),
        ("plan-field-blocks.pdf", render_plan_field_blocks),
        ("plan-unruled-fields.pdf", render_plan_unruled_fields),
        ("plan-ruled-fields.pdf", lambda t: render_plan_unruled_fields(t, ruled=True)),
        ("plan-plain-labels.pdf", render_plan_plain_labels),
        ("plan-side-table-continued.pdf", render_plan_side_table_continued),
        (
            "plan-table-caption-below.pdf",
            lambda t: render_plan_side_table_continued(t, "plan-table-caption-below.yaml"),
        ),
        ("report-recommendations.pdf", render_report_recommendations),
        ("review-sections.pdf", render_review_sections),
        ("no-measures.pdf", render_no_measures),
        ("not-a-pdf.pdf", render_not_a_pdf),
        ("truncated.pdf", lambda t: render_truncated(out / "plan-single-column-mesure-n.pdf", t)),
        ("encrypted.pdf", lambda t: render_encrypted(out / "plan-single-column-mesure-n.pdf", t)),
        (
            "restricted.pdf",
            lambda t: render_encrypted(out / "plan-single-column-mesure-n.pdf", t, user_password=""),
        ),
        ("scanned-no-text.pdf", lambda t: render_scanned(out / "no-measures.pdf", t)),
        ("plan-turned-pages.pdf", lambda t: render_turned_pages(out / "plan-bare-numbers.pdf", t)),
        ("undecodable-text.pdf", lambda t: render_undecodable(out / "plan-single-column-mesure-n.pdf", t)),
    ]
    for name, step in steps:
        step(out / name)
        print(f"wrote {out / name}")


if __name__ == "__main__":
    main()
