"""A PDF mixing text pages and image-only pages: extracted, with a warning naming the scanned pages.

The PDF is written byte by byte here (no PDF library needed at test time).
"""

from __future__ import annotations

from pathlib import Path

from plancompare.extract.document import extract


def _pdf(pages: list[bytes]) -> bytes:
    """A minimal PDF: one Helvetica font, one 1x1 grey image, the given content streams."""
    objects: list[bytes] = []
    kids = " ".join(f"{5 + 2 * i} 0 R" for i in range(len(pages)))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode())
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    objects.append(
        b"<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 /Length 1 >>\nstream\n\x80\nendstream"
    )
    for i, content in enumerate(pages):
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {6 + 2 * i} 0 R "
            f"/Resources << /Font << /F1 3 0 R >> /XObject << /Im1 4 0 R >> >> >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _text_page(lines: list[str]) -> bytes:
    ops = [b"BT /F1 11 Tf 14 TL 72 770 Td"]
    for line in lines:
        ops.append(b"(" + line.encode("cp1252") + b") Tj T*")
    ops.append(b"ET")
    return b"\n".join(ops)


SCAN = b"q 450 0 0 650 72 100 cm /Im1 Do Q"


def test_image_only_pages_are_named_in_a_warning(tmp_path: Path) -> None:
    text = _text_page(
        [
            "Mesure 1 : Former les professionnels",
            "Pilotes : ministere de la Justice",
            "Des sessions de formation seront organisees chaque annee.",
        ]
    )
    pdf = tmp_path / "mixed.pdf"
    pdf.write_bytes(_pdf([text, SCAN, SCAN]))
    plan = extract(pdf, use_cache=False)
    assert [m.number for m in plan.measures] == [1]
    assert plan.measures[0].title == "Former les professionnels"
    assert plan.warnings == [
        "2 page(s) are images without text (scanned?): 2, 3; their text is missing, "
        "run OCR first, e.g. ocrmypdf in.pdf out.pdf"
    ]
