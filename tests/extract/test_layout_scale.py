"""No input makes extraction blow up (#14 item 5): a character far off the page, a dense page of
thousands of lines. The layout's cost grows as n log n with the page's words, never with the
coordinates' range; the fast ways of reading a page give what the plain ways gave (compared here
with those plain ways, on seeded random pages). Speed itself is measured by benchmarks/extract.py."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from tests.extract.handmade import words
from tests.extract.tinypdf import Text, pdf, plan_page

from plancompare.extract import gutters
from plancompare.extract.columns import _row_box, _rule_spans, _vrule_at
from plancompare.extract.document import extract
from plancompare.extract.layout import layout_document
from plancompare.extract.lines import Line, baseline_rows
from plancompare.extract.notes import _floors
from plancompare.extract.pagedata import PageData, Word
from plancompare.extract.pdf import read_pages

PDFS = Path(__file__).resolve().parents[1] / "pdfs"


@pytest.mark.parametrize("x", [1e9, 3.3e7, -1e9], ids=["1e9", "3.3e7", "-1e9"])
def test_a_character_far_off_the_page_is_read_like_any_other(x: float, tmp_path: Path) -> None:
    # The gutter finder kept one slot per point of the page's x range: 3.3e7 took 15.7 s and
    # 583 MB, 1e9 ran out of memory.
    width, height, texts = plan_page(range(1, 4))
    path = tmp_path / "plan.pdf"
    path.write_bytes(pdf([(width, height, [*texts, (x, 200.0, 10.0, False, "Zèbre")])]))
    document = extract(path, use_cache=False)
    assert [m.title for m in document.measures] == [f"Former les agents {n}" for n in (1, 2, 3)]
    assert any("Zèbre" in m.text for m in document.measures)


def test_a_character_at_no_finite_place_is_left_out(tmp_path: Path) -> None:
    # 400 digits: pdfminer reads infinity, and its box NaN; such a character cannot be placed.
    width, height, texts = plan_page(range(1, 3))
    far = "1" + "0" * 400 + ".5"
    path = tmp_path / "plan.pdf"
    path.write_bytes(pdf([(width, height, [*texts, (far, 200.0, 10.0, False, "Zèbre")])]))
    (page,) = read_pages(path)
    assert "Zèbre" not in {w.text for w in page.words}
    assert [m.number for m in extract(path, use_cache=False).measures] == [1, 2]


def dense_page(lines: int, seed: int = 1) -> tuple[float, float, list[Text]]:
    """A page of `lines` lines in two columns: a title across them, a measure heading every 40
    lines, a paragraph break every 5, a line in small type every 20."""
    rng = random.Random(seed)
    vocabulary = ["la", "traite", "des", "êtres", "humains", "victimes", "agents", "mineurs"]
    texts: list[Text] = [
        (50.0, 30.0, 14.0, True, "Plan national de lutte contre la traite des êtres humains")
    ]
    number = 0
    bottom = 0.0
    for column in range(2):
        x, top = 50.0 + column * 257.5, 60.0
        for i in range(lines // 2):
            if i % 40 == 0:
                number += 1
                texts.append((x, top, 10.0, True, f"Mesure {number} – Former"))
            else:
                size, count = (6.5, 4) if i % 20 == 10 else (9.0, 5)
                texts.append((x, top, size, False, " ".join(rng.choice(vocabulary) for _ in range(count))))
            top += 11 + (8 if i % 5 == 4 else 0)
        bottom = max(bottom, top)
    return 595.0, bottom + 40, texts


def test_a_dense_page_of_two_thousand_lines_is_read(tmp_path: Path) -> None:
    # The median type size was computed again for every word, and the page read again for gutters
    # from each paragraph break: 4,000 lines took 128 s.
    path = tmp_path / "dense.pdf"
    path.write_bytes(pdf([dense_page(2000)]))
    (layout,) = layout_document(read_pages(path))
    assert len(layout.columns) == 2
    assert [ln.text for ln in layout.lines if ln.text.startswith("Mesure")] == [
        f"Mesure {n} – Former" for n in range(1, 51)
    ]
    assert [m.number for m in extract(path, use_cache=False).measures] == list(range(1, 51))


def random_page(rng: random.Random) -> list[Word]:
    """Words of a page of one to three columns, with titles across them, paragraph gaps, lines in
    small type, raised note calls, and now and then a word in very large type."""
    columns = rng.randint(1, 3)
    span = 480 / columns
    out: list[Word] = []
    top = 40.0
    for _ in range(rng.randint(4, 70)):
        if rng.random() < 0.1:
            out += words("TITRE " * rng.randint(3, 12), 50.0, top, 12.0, bold=True)
            top += 16
            continue
        for column in range(columns):
            x = 50 + column * span + rng.uniform(-3, 3)
            size = rng.choice((9.0, 9.0, 6.0, 30.0, 60.0)) if rng.random() < 0.2 else 9.0
            line = words("mot " * rng.randint(1, int(span / 20)), x, top + rng.uniform(-1.5, 1.5), size)
            if rng.random() < 0.2 and line:  # a note call raised after a word
                last = line[-1]
                out.append(Word("¹", last.x1, last.x1 + 3, last.top - 2, last.top + 4, 5.0, False))
            out += line
        top += rng.choice((12.0, 12.0, 12.0, 22.0))
    rng.shuffle(out)
    return out


def plain_baseline_rows(words: list[Word]) -> list[list[Word]]:
    """lines.baseline_rows as it was: each small word tried against every row."""
    sizes = sorted(w.size for w in words)
    typical = sizes[len(sizes) // 2]
    normal = [w for w in words if w.size >= 0.75 * typical]
    small = [w for w in words if w.size < 0.75 * typical]
    rows: list[list[Word]] = []
    ref = 0.0
    for w in sorted(normal, key=lambda w: (w.bottom, w.x0)):
        if rows and w.bottom - ref <= 0.3 * max(w.size, 1.0):
            rows[-1].append(w)
        else:
            rows.append([w])
            ref = w.bottom
    for w in small:
        best = None
        for row in rows:
            top, bottom = min(x.top for x in row), max(x.bottom for x in row)
            near = any(abs(w.x0 - x.x1) < w.size or abs(x.x0 - w.x1) < w.size for x in row)
            if w.bottom > top and w.top < bottom and near:
                best = row
                break
        if best is None:
            rows.append([w])
        else:
            best.append(w)
    rows.sort(key=lambda r: min(x.top for x in r))
    return rows


def test_rows_and_gutters_are_those_of_the_plain_ways_on_random_pages() -> None:
    rng = random.Random(14)
    found = 0
    for _ in range(150):
        page_words = random_page(rng)
        rows = baseline_rows(list(page_words))
        assert rows == plain_baseline_rows(list(page_words))
        lines = [_row_box(r, 1) for r in rows]
        order = sorted(range(len(lines)), key=lambda i: lines[i].top)
        sizes = sorted(line.size for line in lines)
        starts = gutters._reading_starts(lines, order, sizes[len(sizes) // 2])
        swept = gutters._swept(lines, rows, order, starts)
        assert gutters._bottom_up(lines, rows, order, starts) == swept
        found += bool(swept)
    assert found > 30  # the pages do have gutters to find


@pytest.mark.parametrize(
    "name", ["review-no-rules.pdf", "review-second-renderer.pdf", "plan-two-columns.pdf"]
)
def test_gutters_read_bottom_up_are_those_swept_on_fixture_pages(name: str) -> None:
    for page in read_pages(PDFS / name):
        rows = baseline_rows(page.words)
        lines = [_row_box(r, page.number) for r in rows]
        order = sorted(range(len(lines)), key=lambda i: lines[i].top)
        sizes = sorted(line.size for line in lines)
        starts = gutters._reading_starts(lines, order, sizes[len(sizes) // 2])
        assert gutters._bottom_up(lines, rows, order, starts) == gutters._swept(lines, rows, order, starts)


def test_note_floors_and_rule_lookups_are_those_of_the_plain_ways() -> None:
    rng = random.Random(15)
    for _ in range(100):
        lines = []
        for _ in range(rng.randint(1, 40)):
            x0, top = rng.uniform(0, 500), rng.uniform(0, 800)
            x1, size = x0 + rng.uniform(0, 300), rng.choice((7.0, 10.0))
            lines.append(Line("ligne", x0, x1, top, top + size, size, False, page=1))
        normal = [ln for ln in lines if ln.size > 8]
        small = [ln for ln in lines if ln.size <= 8]
        plain = [max((n.bottom for n in normal if n.x0 < s.x1 and s.x0 < n.x1), default=0.0) for s in small]
        assert _floors(normal, small) == plain
        rules = [
            (rng.choice((100.0, 101.5, 300.0)), t, t + rng.uniform(0, 80))
            for t in (rng.uniform(0, 800) for _ in range(30))
        ]
        page = PageData(1, 595.0, 842.0, [], vrules=rules)
        spans = _rule_spans(page, [100.0, 300.0])
        for _ in range(20):
            top = rng.uniform(0, 850)
            for x in (100.0, 300.0):
                mid = (top + top + 9) / 2
                plain_at = any(abs(rx - x) < 4 and rt - 2 <= mid <= rb + 2 for rx, rt, rb in rules)
                assert _vrule_at(spans[x], top, top + 9) == plain_at
