"""The PDF boundary: bytes in, pages of positioned words out, or one clear `InputError`.

pdfminer raises dozens of exception types on malformed files (PSEOF, KeyError, struct.error,
RecursionError, ...); they are all caught here and nowhere else, so the rest of the extractor
only ever sees well-formed `PageData`: a page whose reading fails is an empty page marked damaged,
and so is a page damage.py finds damaged where pdfminer reads on in silence (a content stream cut
short, a page missing from the file, a font's data broken); characters at no finite place are left
out. Each pdfplumber page is closed as soon as its words are taken, so memory stays flat on long
documents.
"""

from __future__ import annotations

import contextlib
import io
import logging
import math
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from plancompare.errors import CorruptPdfError, EncryptedPdfError, NotAPdfError, UsageError
from plancompare.extract.damage import PageDamage, check_trusted, missing_page, page_tree
from plancompare.extract.pagedata import PageData, Word
from plancompare.extract.shades import Box, filled_boxes

# A PDF may carry junk before its header; readers accept the header within the first KiB.
_HEADER_WINDOW = 1024
# Thinner than this (points), a filled rectangle is a ruling line, not a shaded area.
_RULE_THICKNESS = 2.5


def check_file(path: Path) -> bytes:
    """The file's bytes, after checking it exists and looks like a PDF (magic bytes)."""
    if not path.exists():
        raise UsageError(f"{path} does not exist", "check the file name")
    if path.is_dir():
        raise UsageError(f"{path} is a folder, not a PDF file", "give the path of a PDF file")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror or exc}", "check the permissions") from exc
    if b"%PDF-" not in data[:_HEADER_WINDOW]:
        what, hint = _what_instead(data)
        raise NotAPdfError(f"{path.name} is not a PDF file ({what})", hint)
    return data


EXPORT_HINT = "export it as PDF from the word processor, or: soffice --headless --convert-to pdf FILE"


def _what_instead(data: bytes) -> tuple[str, str]:
    """What a file that is not a PDF is, by its first bytes, and what to do about it."""
    head = data[:_HEADER_WINDOW].lstrip().lower()
    if not data:
        return "it is empty", "download or export the file again"
    if data.startswith(b"PK\x03\x04"):
        return "it is a Word, OpenDocument or other ZIP file", EXPORT_HINT
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        return "it is an old Word or Office file", EXPORT_HINT
    if data.startswith(b"{\\rtf"):
        return "it is an RTF document", EXPORT_HINT
    if head.startswith((b"<!doctype html", b"<html")) or b"<html" in head[:200]:
        return "it is a web page", "the download gave a page instead of the PDF: download the PDF itself"
    return "it has no %PDF- header", "give the PDF of the plan or review"


def _is_password_error(exc: BaseException) -> bool:
    seen: set[int] = set()
    todo: list[BaseException] = [exc]
    while todo:
        item = todo.pop()
        if id(item) in seen:
            continue
        seen.add(id(item))
        name = type(item).__name__
        if "Password" in name or "Encrypt" in name:
            return True
        todo.extend(a for a in item.args if isinstance(a, BaseException))
        todo.extend(e for e in (item.__cause__, item.__context__) if e is not None)
    return False


def _failure(exc: BaseException) -> str:
    """The name of what failed: pdfplumber wraps pdfminer's errors in a PdfminerException."""
    inner = exc.args[0] if exc.args else None
    return type(inner if isinstance(inner, BaseException) else exc).__name__


def _corrupt(path: Path, exc: BaseException) -> CorruptPdfError:
    detail = _failure(exc)
    return CorruptPdfError(
        f"{path.name} is a damaged or truncated PDF (the PDF reader failed: {detail})",
        "download or export the file again",
    )


def _turn(box: Box, turn: str, width: float, height: float) -> Box:
    """A box of a page whose text runs `turn` (« up », « down », « upside-down »), in the frame where
    that text reads left to right, top to bottom."""
    x0, x1, top, bottom = box
    if turn == "up":  # turned a quarter anticlockwise: the lines run up, the next one to the right
        return height - bottom, height - top, x0, x1
    if turn == "down":
        return top, bottom, width - x1, width - x0
    return width - x1, width - x0, height - bottom, height - top


def _text_turn(chars: list[dict]) -> str | None:
    """How most of a page's text is turned: None when it is upright (nearly every page); « up »,
    « down » or « upside-down » for a page set sideways (a landscape table on a portrait page)."""
    turned = Counter(
        _TURNS.get((round(ch["matrix"][0]), round(ch["matrix"][1])))
        for ch in chars
        if not ch["upright"] and ch["text"].strip()
    )
    if not turned:
        return None
    upright = sum(1 for ch in chars if ch["upright"] and ch["text"].strip())
    turn, count = turned.most_common(1)[0]
    return turn if turn is not None and count > upright else None


_TURNS = {(0, 1): "up", (0, -1): "down", (-1, 0): "upside-down"}


def _turned_chars(chars: list[dict], turn: str, width: float, height: float) -> list[dict]:
    """The page's characters turned with its text, as upright ones; those set otherwise are left out
    as they are (not upright)."""
    out = []
    for ch in chars:
        if _TURNS.get((round(ch["matrix"][0]), round(ch["matrix"][1]))) != turn:
            continue
        x0, x1, top, bottom = _turn((ch["x0"], ch["x1"], ch["top"], ch["bottom"]), turn, width, height)
        # pdfminer gives a turned character's advance as its size; the type size is its height here.
        size = bottom - top
        out.append({**ch, "x0": x0, "x1": x1, "top": top, "bottom": bottom, "size": size, "upright": True})
    # Content order of a turned page may run any way: reading order is rebuilt from positions.
    out.sort(key=lambda ch: (round(ch["top"]), ch["x0"]))
    return out


def _rules(
    page: object, turn: str | None = None
) -> tuple[list[tuple[float, float, float]], list[tuple[float, float, float]]]:
    vrules: list[tuple[float, float, float]] = []
    hrules: list[tuple[float, float, float]] = []
    width, height = page.width, page.height  # type: ignore[attr-defined]

    def box(item: dict) -> Box:
        b = (item["x0"], item["x1"], item["top"], item["bottom"])
        return _turn(b, turn, width, height) if turn else b

    for line in page.lines:  # type: ignore[attr-defined]
        x0, x1, top, bottom = box(line)
        if abs(x1 - x0) <= _RULE_THICKNESS and bottom - top > 4:
            vrules.append(((x0 + x1) / 2, top, bottom))
        elif abs(bottom - top) <= _RULE_THICKNESS and x1 - x0 > 4:
            hrules.append(((top + bottom) / 2, x0, x1))
    for rect in page.rects:  # type: ignore[attr-defined]
        x0, x1, top, bottom = box(rect)
        w, h = x1 - x0, bottom - top
        if w <= _RULE_THICKNESS and h > 4:
            vrules.append(((x0 + x1) / 2, top, bottom))
        elif h <= _RULE_THICKNESS and w > 4:
            hrules.append(((top + bottom) / 2, x0, x1))
        elif w > 4 and h > 4 and rect.get("stroke"):
            # A stroked cell box: its four sides are rulings.
            vrules.extend([(x0, top, bottom), (x1, top, bottom)])
            hrules.extend([(top, x0, x1), (bottom, x0, x1)])
    return vrules, hrules


_SPACE_CHARS = frozenset(" \t\n\r\u00a0\u202f\u2009\u2002\u2003\u2007\u2008\u200a")


def _is_bold(font: str) -> bool:
    return any(k in font for k in ("Bold", "Black", "Heavy", "Semibold", "Demi"))


UNDECODED = "\ufffd"
# A note call (« 2013¹ ») is a digit in smaller type raised above the word it follows. Read as a
# plain digit it would glue onto the word (« 20131 »); as a superscript digit it stays a call,
# which the tokeniser ignores and the footnote reader (notes.py) pairs with its note.
SUPERSCRIPT_DIGITS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def words_from_chars(chars: list[dict]) -> list[Word]:
    """Words from characters in content order: a space, a jump back, a gap or a new baseline ends one.

    Done by hand rather than with pdfplumber's extract_words: one pass, no sorting or clustering,
    which keeps layout cost small next to parsing (benchmarks/extract.py).
    """
    words: list[Word] = []
    append = words.append
    buf: list[str] = []
    x0 = x1 = top = bottom = size = tol = 0.0
    bold = False
    bold_of: dict[str, bool] = {}
    for ch in chars:
        text = ch["text"]
        if text.startswith("(cid:"):
            text = UNDECODED  # a glyph with no Unicode value: shown as such, not as « (cid:12) »
        if text in _SPACE_CHARS or not ch["upright"]:
            if buf:
                append(Word("".join(buf), x0, x1, top, bottom, size, bold))
                buf = []
            continue
        cx0 = ch["x0"]
        cbottom = ch["bottom"]
        if (
            buf
            and text.isdigit()
            and ch["size"] <= 0.8 * size
            and bottom - cbottom >= 0.15 * size
            and x1 - 0.5 * size <= cx0 <= x1 + tol
        ):
            buf.append(text.translate(SUPERSCRIPT_DIGITS))
            x1 = max(x1, ch["x1"])
            continue
        # A jump in type size ends a word too: a watermark's letters drawn across a line of text.
        jump = abs(ch["size"] - size) > 0.35 * max(size, ch["size"])
        if buf and (jump or abs(cbottom - bottom) >= 0.5 * size or cx0 > x1 + tol or cx0 < x1 - 0.5 * size):
            append(Word("".join(buf), x0, x1, top, bottom, size, bold))
            buf = []
        if not buf:
            x0, top, bottom, size = cx0, ch["top"], cbottom, ch["size"]
            tol = max(1.0, 0.25 * size)
            font = ch["fontname"]
            bold = bold_of.get(font)  # type: ignore[assignment]
            if bold is None:
                bold = bold_of[font] = _is_bold(font)
            x1 = ch["x1"]
        else:
            x1 = max(x1, ch["x1"])
            if ch["top"] < top:
                top = ch["top"]
            if cbottom > bottom:
                bottom = cbottom
        buf.append(text)
    if buf:
        append(Word("".join(buf), x0, x1, top, bottom, size, bold))
    return words


def read_pages(
    path: Path, data: bytes | None = None, progress: Callable[[int, int], None] | None = None
) -> list[PageData]:
    """Every page's words and rulings, or an InputError saying why the PDF cannot be read.

    A page that cannot be read in full (reading it fails, it is missing from the file, its content
    stream is missing or does not inflate, its fonts' data is damaged: damage.py) is kept, empty or
    with what could be read, and marked `damage`: extraction goes on with the other pages and says
    which pages are damaged (document.py), unless half the pages or more lost their text: then the
    document cannot be trusted, and this raises a CorruptPdfError naming them.
    """
    import pdfplumber  # imported here: `plancompare --help` should not pay for pdfminer

    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    if data is None:
        data = check_file(path)
    pages: list[PageData] = []
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            numbers, total = _page_numbers(pdf.doc, [page.page_obj.pageid for page in pdf.pages])
            damage = PageDamage()
            for page, number in zip(pdf.pages, numbers, strict=True):
                while len(pages) + 1 < number:  # a page of the page tree that is not in the file
                    pages.append(missing_page(len(pages) + 1))
                try:
                    pages.append(_read_page(page, number, damage))
                except (KeyboardInterrupt, MemoryError):
                    raise
                except Exception as exc:
                    if _is_password_error(exc):
                        raise
                    pages.append(_unreadable_page(page, number, exc))
                finally:
                    with contextlib.suppress(Exception):
                        page.close()
                if progress is not None:
                    progress(number, total)
            while len(pages) < total:
                pages.append(missing_page(len(pages) + 1))
    except KeyboardInterrupt:
        raise
    except MemoryError:
        raise CorruptPdfError(
            f"{path.name} cannot be read: the PDF reader ran out of memory"
            + (f" on page {len(pages) + 1}" if pages else ""),
            "check the file, or read it on a machine with more memory",
        ) from None
    except Exception as exc:
        if _is_password_error(exc):
            raise EncryptedPdfError(
                f"{path.name} is encrypted with a password",
                "remove the password first, e.g. qpdf --decrypt --password=... in.pdf out.pdf",
            ) from None
        raise _corrupt(path, exc) from None
    check_trusted(path, pages)
    return pages


def _read_page(page: object, number: int, damage: PageDamage) -> PageData:
    """One page's words and rulings, and why it cannot be read in full if it cannot."""
    why, lost = damage.check(page.page_obj) or (None, False)  # type: ignore[attr-defined]
    chars = [ch for ch in page.chars if _placed(ch)]  # type: ignore[attr-defined]
    width, height = float(page.width), float(page.height)  # type: ignore[attr-defined]
    turn = _text_turn(chars)
    if turn is not None:
        # A page set sideways: read in the frame where its text is upright.
        chars = _turned_chars(chars, turn, width, height)
        if turn != "upside-down":
            width, height = height, width
    data = PageData(
        number=number,
        width=width,
        height=height,
        words=words_from_chars(chars),
        chars=len(chars),
        images=len(page.images),  # type: ignore[attr-defined]
        undecoded=sum(1 for ch in chars if ch["text"].startswith("(cid:")),
        damage=why,
        text_lost=lost,
    )
    data.vrules, data.hrules = _rules(page, turn)
    data.shades = _shades(page, turn)
    return data


def _shades(page: object, turn: str | None) -> list[Box]:
    """The page's shaded areas: rectangles, rounded or not, filled in a colour other than white
    (shades.py), wider and taller than a ruling."""
    width, height = page.width, page.height  # type: ignore[attr-defined]
    out: list[Box] = []
    for b in filled_boxes(page.rects, page.curves):  # type: ignore[attr-defined]
        x0, x1, top, bottom = _turn(b, turn, width, height) if turn else b
        if x1 - x0 > _RULE_THICKNESS and bottom - top > _RULE_THICKNESS:
            out.append((x0, x1, top, bottom))
    return out


def _page_numbers(doc: object, found: list[object]) -> tuple[list[int], int]:
    """The number of each page pdfplumber found (by object id), as the page tree places it, and
    the tree's number of pages: a page the tree lists whose object is missing or damaged is skipped
    by pdfminer without a word, and would shift the numbers of the pages after it. Numbered 1 to N
    as found when the tree cannot be walked (pdfminer then found the pages by scanning the file)."""
    slots = page_tree(doc)
    if slots is not None:
        where = {objid: i for i, objid in enumerate(slots) if objid is not None}
        numbers = [where.get(objid, -1) + 1 for objid in found]
        if all(numbers) and numbers == sorted(set(numbers)):
            return numbers, len(slots)
    return list(range(1, len(found) + 1)), len(found)


def _unreadable_page(page: object, number: int, exc: BaseException) -> PageData:
    """A page whose reading failed: no words, the reason as its damage."""
    width, height = 595.0, 842.0  # A4, when even the page's size cannot be read
    with contextlib.suppress(Exception):
        width, height = float(page.width), float(page.height)  # type: ignore[attr-defined]
    reason = f"the PDF reader failed: {_failure(exc)}"
    return PageData(number=number, width=width, height=height, words=[], damage=reason, text_lost=True)


def _placed(ch: dict) -> bool:
    """A character at a finite place and size (a damaged matrix can put one at infinity or NaN):
    one that is not cannot be placed among the others and is left out."""
    finite = math.isfinite
    try:
        return (
            finite(ch["x0"])
            and finite(ch["x1"])
            and finite(ch["top"])
            and finite(ch["bottom"])
            and finite(ch["size"])
        )
    except (KeyError, TypeError):
        return False
