"""PDFs written by hand for the tests (no PDF library needed): text in Helvetica at given places,
uncompressed, on pages of any size; and where a page's content stream lies in a PDF's bytes."""

from __future__ import annotations

import io
import re

# x, top (points from the page's top), size, bold, text; x may be a number as the PDF writes it
# (« 1000…000.5 », 400 digits: a float out of range, which pdfminer reads as infinity).
Text = tuple[float | str, float, float, bool, str]


def pdf(pages: list[tuple[float, float, list[Text]]]) -> bytes:
    """A PDF of `pages`, each (width, height, texts); a page without texts is blank."""
    objects: list[bytes] = [
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
    ]
    tree = 3 + 2 * len(pages)  # the page tree's object number
    kids = []
    for width, height, texts in pages:
        ops = []
        for x, top, size, bold, text in texts:
            escaped = (
                text.encode("cp1252").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
            )
            font = 2 if bold else 1
            ops.append(
                b"BT /F%d %s Tf 1 0 0 1 %s %s Tm (%s) Tj ET"
                % (font, _n(size), _n(x), _n(height - top - size), escaped)
            )
        stream = b"\n".join(ops)
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        objects.append(
            b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %s %s] /Contents %d 0 R "
            b"/Resources << /Font << /F1 1 0 R /F2 2 0 R >> >> >>"
            % (tree, _n(width), _n(height), len(objects))
        )
        kids.append(b"%d 0 R" % len(objects))
    objects.append(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(kids)))
    objects.append(b"<< /Type /Catalog /Pages %d 0 R >>" % tree)
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        len(objects),
        xref,
    )
    return bytes(out)


def _n(value: float | str) -> bytes:
    """A PDF number: no exponent (PDF has none), at most two decimals; a string as it is."""
    if isinstance(value, str):
        return value.encode()
    return (b"%.2f" % value).rstrip(b"0").rstrip(b".")


def plan_page(
    measures: range, width: float = 595.0, words: int = 9, lines: int = 6
) -> tuple[float, float, list[Text]]:
    """An A4 page (or wider) of measures: « Mesure N – Former … » in bold, then lines of text."""
    texts: list[Text] = []
    top = 60.0
    for number in measures:
        texts.append((60.0, top, 11.0, True, f"Mesure {number} – Former les agents {number}"))
        top += 22
        for line in range(lines):
            texts.append(
                (
                    60.0,
                    top,
                    10.0,
                    False,
                    " ".join(["accompagnement des victimes"] * (words // 3)) + f" {line}.",
                )
            )
            top += 13
        top += 12
    return width, max(842.0, top + 60), texts


def content_stream(data: bytes, page: int) -> tuple[int, int]:
    """Where the data of page `page`'s (1-based) first content stream lies in `data`: start, end."""
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as document:
        contents = document.pages[page - 1].page_obj.attrs["Contents"]
        objid = (contents[0] if isinstance(contents, list) else contents).objid
        offset = next(
            pos
            for xref in document.doc.xrefs
            for strm, pos, _ in [_position(xref, objid)]
            if strm is None and pos is not None
        )
    start = re.compile(rb"stream\r?\n").search(data, offset)
    assert start is not None
    return start.end(), data.index(b"endstream", start.end())


def _position(xref: object, objid: int) -> tuple[object, int | None, int]:
    try:
        return xref.get_pos(objid)  # type: ignore[attr-defined]
    except KeyError:
        return None, None, 0
