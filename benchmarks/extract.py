"""Extraction speed and memory, against raw PDF parsing measured in the same run.

    .venv/bin/pip install -e '.[render]'   # reportlab, to generate the documents
    .venv/bin/python benchmarks/extract.py [--pages 400] [--dense 500,1000,2000,4000,8000] [--dense-only]

For the bundled review and for a generated long two-column plan, prints ms per page of:
raw pdfplumber parsing (`page.chars` on every page), `extract()` without cache, their ratio (the
cost of layout and segmentation on top of parsing), pypdfium2 text extraction as a second
reference; then a cached run's time (all as CPU time of the process), and the peak memory (max
RSS of a child process) of extracting the long document. Targets: layout + segmentation ≤ 30 %
on top of parsing; cached run < 0.2 s; peak < 400 MiB.

Then, for one dense page of 500 to 8,000 lines (two columns, a title across them, a measure
heading every 40 lines, a paragraph break every 5, a line in small type every 20), prints the ms
per 1,000 characters of raw pdfplumber reading and of `extract()`, and their ratio: flat from 500
to 8,000 lines when the layout's cost grows linearly (or as n log n) with the characters, as it
must (a page of 4,000 lines took 128 s when it grew as their square).
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REVIEW = ROOT / "corpora" / "2014-2016" / "collectif-2017-review.pdf"
WORDS = (
    "la traite des êtres humains victimes accompagnement associations ministère protection hébergement "
    "identification mineurs formation professionnels réseau coopération européenne enquête justice "
    "préfecture titre de séjour exploitation travail forcé servitude domestique mendicité délits"
)


VOCABULARY = WORDS.split(" ")


def generate_plan(path: Path, pages: int) -> None:
    """A long two-column plan: axes, measures, pilots lines, body paragraphs, header and footer."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph

    rng = random.Random(400)
    width, height = A4
    body = ParagraphStyle("body", fontName="Helvetica", fontSize=9, leading=11, spaceAfter=5)
    head = ParagraphStyle(
        "head", fontName="Helvetica-Bold", fontSize=10, leading=12, spaceBefore=6, spaceAfter=4
    )
    col = (width - 120) / 2

    def decorate(canvas, doc) -> None:  # reportlab page callback
        canvas.setFont("Helvetica", 8)
        canvas.drawString(
            50, height - 40, "Plan national de lutte contre la traite des êtres humains – projet"
        )
        canvas.drawCentredString(width / 2, 30, str(doc.page))

    doc = BaseDocTemplate(str(path), pagesize=A4, invariant=1)
    frames = [Frame(50, 60, col, height - 140, id="left"), Frame(70 + col, 60, col, height - 140, id="right")]
    doc.addPageTemplates([PageTemplate("two", frames, onPage=decorate)])

    def sentence() -> str:
        return " ".join(rng.choice(VOCABULARY) for _ in range(rng.randint(12, 24))).capitalize() + "."

    story = []
    number = 0
    # About 2.5 measures per page at this density (numbers stay below 1000).
    for axis in range(1, 9):
        story.append(Paragraph(f"AXE {axis} – AGIR CONTRE TOUTES LES FORMES D’EXPLOITATION {axis}", head))
        for _ in range(max(1, min(124, int(pages * 2.5) // 8))):
            number += 1
            story.append(Paragraph(f"Mesure {number} – Renforcer l’action publique n° {number}", head))
            story.append(Paragraph("Pilotes : ministère de l’Intérieur, ministère de la Justice", body))
            for _ in range(rng.randint(2, 4)):
                story.append(Paragraph(" ".join(sentence() for _ in range(rng.randint(3, 6))), body))
            story.append(Paragraph("Calendrier : 2018-2020", body))
    doc.build(story)


def generate_dense_page(path: Path, lines: int) -> None:
    """One page holding `lines` lines of text in two columns (its height grows with them)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen.canvas import Canvas

    rng = random.Random(lines)
    width, column, gutter = 595.0, 237.5, 20.0
    rows = lines // 2
    height = 100 + rows * 11 + (rows // 5) * 8
    canvas = Canvas(str(path), pagesize=(width, height), invariant=1)
    canvas.setFont("Helvetica-Bold", 14)
    canvas.drawString(50, height - 44, "Plan national de lutte contre la traite des êtres humains")
    number = 0
    for side in range(2):
        x, top = 50 + side * (column + gutter), 60.0
        for i in range(rows):
            if i % 40 == 0:
                number += 1
                font, size, text = "Helvetica-Bold", 10.0, f"Mesure {number} – Renforcer l’action publique"
            else:
                font, size = ("Helvetica", 6.5) if i % 20 == 10 else ("Helvetica", 9.0)
                line: list[str] = []
                while True:
                    word = rng.choice(VOCABULARY)
                    if stringWidth(" ".join([*line, word]), font, size) > column:
                        break
                    line.append(word)
                text = " ".join(line)
            canvas.setFont(font, size)
            canvas.drawString(x, height - top - size, text)
            top += 11 + (8 if i % 5 == 4 else 0)
    canvas.showPage()
    canvas.save()


def bench_dense(sizes: list[int], repeats: int) -> None:
    """ms per 1,000 characters of raw reading and of extract() on one dense page of each size."""
    from plancompare.extract.document import extract

    print("\ndense page (two columns): ms per 1,000 characters, CPU time, best of", repeats)
    print(f"  {'lines':>6} {'characters':>10} {'raw pdfplumber':>15} {'extract()':>10} {'ratio':>6}")
    with tempfile.TemporaryDirectory() as tmp:
        for lines in sizes:
            path = Path(tmp) / f"dense-{lines}.pdf"
            generate_dense_page(path, lines)
            raw_s = extract_s = float("inf")
            for _ in range(repeats):
                raw_s = min(raw_s, timed(raw_parse, path)[0])
                extract_s = min(extract_s, timed(extract, path, "auto", use_cache=False)[0])
            chars = count_chars(path)
            raw_ms, extract_ms = 1e6 * raw_s / chars, 1e6 * extract_s / chars
            ratio = extract_s / raw_s
            print(f"  {lines:6} {chars:10} {raw_ms:15.2f} {extract_ms:10.2f} {ratio:6.2f}", flush=True)


def count_chars(path: Path) -> int:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return sum(len(page.chars) for page in pdf.pages)


def raw_parse(path: Path) -> int:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        count = len(pdf.pages)
        for page in pdf.pages:
            _ = page.chars
            page.close()
    return count


def pdfium_text(path: Path) -> int:
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(path))
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            textpage.get_text_range()
            textpage.close()
            page.close()
        return len(pdf)
    finally:
        pdf.close()


def timed(func, *args, **kwargs) -> tuple[float, object]:
    """CPU seconds of this process: other work on the machine hardly moves it (wall time does)."""
    start = time.process_time()
    result = func(*args, **kwargs)
    return time.process_time() - start, result


def peak_rss_mib(path: Path) -> float:
    """Max RSS of a fresh child process that extracts `path` (no cache)."""
    code = (
        "import sys; from pathlib import Path; from plancompare.extract.document import extract; "
        "extract(Path(sys.argv[1]), use_cache=False)"
    )
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    subprocess.run([sys.executable, "-c", code, str(path)], check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(before, after) / 1024  # Linux reports KiB


def bench(label: str, path: Path, repeats: int) -> None:
    """Best of `repeats` interleaved runs each (other work on the machine only ever slows a run)."""
    from plancompare.extract.document import extract

    raw_s = extract_s = float("inf")
    for _ in range(repeats):
        seconds, pages = timed(raw_parse, path)
        raw_s = min(raw_s, seconds)
        seconds, document = timed(extract, path, "auto", use_cache=False)
        extract_s = min(extract_s, seconds)
    raw_ms = 1000 * raw_s / pages
    extract_ms = 1000 * extract_s / pages
    print(f"\n{label}: {path.name}, {pages} pages, {len(document.measures)} measures ({document.kind})")
    print(f"  raw pdfplumber parsing (page.chars):  {raw_ms:7.1f} ms/page")
    print(f"  extract() without cache:              {extract_ms:7.1f} ms/page")
    overhead = extract_s / raw_s - 1
    ratio = extract_s / raw_s
    print(f"  ratio extract / raw:                  {ratio:7.2f}  (layout+segmentation {overhead:+.0%})")
    try:
        pdfium_s, _ = timed(pdfium_text, path)
        print(f"  pypdfium2 text extraction:            {1000 * pdfium_s / pages:7.1f} ms/page")
    except ImportError:
        print("  pypdfium2 not importable")
    with tempfile.TemporaryDirectory() as cache:
        os.environ["PLANCOMPARE_CACHE_DIR"] = cache
        extract(path, "auto", use_cache=True)
        cached_s, _ = timed(extract, path, "auto", use_cache=True)
    print(f"  cached run:                           {cached_s:7.3f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=400, help="length of the generated document")
    parser.add_argument("--repeats", type=int, default=2, help="runs of each measure (the best counts)")
    parser.add_argument(
        "--dense", default="500,1000,2000,4000,8000", help="lines of the dense pages, comma-separated"
    )
    parser.add_argument("--dense-only", action="store_true", help="time the dense pages only")
    args = parser.parse_args()
    import pdfplumber  # noqa: F401  (imports out of the timings)

    import plancompare.extract.document  # noqa: F401

    sizes = [int(n) for n in args.dense.split(",") if n.strip()]
    if args.dense_only:
        bench_dense(sizes, args.repeats)
        return
    bench("bundled review", REVIEW, max(args.repeats, 3))
    with tempfile.TemporaryDirectory() as tmp:
        long_pdf = Path(tmp) / f"plan-{args.pages}-pages.pdf"
        try:
            generate_plan(long_pdf, args.pages)
        except ImportError:
            sys.exit("the long document needs reportlab: pip install -e '.[render]'")
        bench("generated plan", long_pdf, args.repeats)
        print(f"  peak memory (max RSS, child process): {peak_rss_mib(long_pdf):7.0f} MiB")
    bench_dense(sizes, args.repeats)


if __name__ == "__main__":
    main()
