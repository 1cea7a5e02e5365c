"""Damage pdfminer reads through in silence: what read_pages (pdf.py) needs to say which pages of a
damaged PDF cannot be read in full.

pdfminer inflates what it can of a stream that does not inflate, skips a page whose object is
missing from the page tree, and takes a font whose data or widths are damaged as it comes, all
without a word: a page then gives part of its text, or none, or its words misplaced, and measures
go missing. Each deflated stream a page draws from (its content, its forms, its fonts' programs and
Unicode maps; under an ASCII85 or hex layer for some producers) is inflated here first, each
simple font's widths counted, and the page tree walked as pdfminer walks it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from plancompare.errors import CorruptPdfError, NoTextLayerError
from plancompare.extract.pagedata import PageData

Damage = tuple[str, bool]  # why, and whether text is lost (else it may be misplaced or altered)

_CUT = ("content stream cut short or corrupt", True)
_FONT = ("font data damaged: text may be misplaced or misread", False)


class PageDamage:
    """Why a page cannot be read in full (`check`); each stream is looked at once per document."""

    def __init__(self) -> None:
        self.seen: dict[object, Damage | None] = {}

    def check(self, page_obj: Any) -> Damage | None:
        """The page's damage, text lost before text altered; None when it reads in full. Call it
        before pdfminer reads the page (a stream it has decoded keeps no raw data to check)."""
        try:
            found = [self._content(item) for item in list(page_obj.contents)]
        except (KeyboardInterrupt, MemoryError):
            raise
        except Exception as exc:
            return f"content stream unreadable: {type(exc).__name__}", True
        try:
            found.append(self._resources(page_obj.resources, 0))
        except (KeyboardInterrupt, MemoryError):
            raise
        except Exception as exc:
            found.append((f"fonts or forms unreadable: {type(exc).__name__}", False))
        damages = [d for d in found if d is not None]
        return next((d for d in damages if d[1]), damages[0] if damages else None)

    def _content(self, item: object) -> Damage | None:
        from pdfminer.pdftypes import PDFStream, resolve1

        stream = resolve1(item)
        if stream is None:
            return "content stream missing", True
        if not isinstance(stream, PDFStream):
            return "content not a stream", True
        return self._stream(stream, _CUT)

    def _stream(self, stream: Any, damage: Damage) -> Damage | None:
        """`damage` if the stream does not inflate in full (a content stream inflated in full with a
        failing checksum: its text may be altered, not lost); None if it does, or is not deflated."""
        import zlib

        from pdfminer.ascii85 import ascii85decode, asciihexdecode
        from pdfminer.pdftypes import LITERALS_ASCII85_DECODE, LITERALS_ASCIIHEX_DECODE, LITERALS_FLATE_DECODE

        key = stream.objid if stream.objid is not None else id(stream)
        if key in self.seen:
            return self.seen[key]
        data = stream.get_rawdata()
        result: Damage | None = None
        if data is not None:  # None: decoded already, and so looked at already
            if stream.decipher:
                data = stream.decipher(stream.objid, stream.genno, data, stream.attrs)
            for name, _ in stream.get_filters():
                if name in LITERALS_ASCII85_DECODE:
                    data = ascii85decode(data)
                elif name in LITERALS_ASCIIHEX_DECODE:
                    data = asciihexdecode(data)
                elif name in LITERALS_FLATE_DECODE:
                    try:
                        zlib.decompress(data)
                    except zlib.error as exc:
                        if "incorrect data check" in str(exc) and damage[1]:  # inflated in full
                            result = ("content stream failing its checksum: text may be altered", False)
                        else:
                            result = damage
                    break
                else:
                    break  # a filter pdfminer reads alone
        self.seen[key] = result
        return result

    def _resources(self, resources: object, depth: int) -> Damage | None:
        """Damage in the fonts and forms of a page's (or a form's) resources."""
        from pdfminer.pdftypes import PDFStream, resolve1

        resources = resolve1(resources)
        if not isinstance(resources, dict) or depth > 8:
            return None
        found: list[Damage | None] = []
        fonts = resolve1(resources.get("Font"))
        for font in fonts.values() if isinstance(fonts, dict) else []:
            found.append(self._font(font))
        forms = resolve1(resources.get("XObject"))
        for ref in forms.values() if isinstance(forms, dict) else []:
            form = resolve1(ref)
            if isinstance(form, PDFStream) and getattr(form.get("Subtype"), "name", None) == "Form":
                key = ("form", form.objid if form.objid is not None else id(form))
                if key not in self.seen:
                    self.seen[key] = None  # a form drawing itself is looked at once
                    parts = [self._stream(form, _CUT), self._resources(form.get("Resources"), depth + 1)]
                    self.seen[key] = next((d for d in parts if d is not None), None)
                found.append(self.seen[key])
        damages = [d for d in found if d is not None]
        return next((d for d in damages if d[1]), damages[0] if damages else None)

    def _font(self, ref: object) -> Damage | None:
        """A font's Unicode map or program that does not inflate, or fewer widths than character
        codes."""
        from pdfminer.pdftypes import PDFStream, resolve1

        key = ("font", getattr(ref, "objid", None) or id(ref))
        if key in self.seen:
            return self.seen[key]
        self.seen[key] = None
        font = resolve1(ref)
        if not isinstance(font, dict):
            return None
        streams = [font.get("ToUnicode")]
        fonts = [font]
        descendants = resolve1(font.get("DescendantFonts"))
        if isinstance(descendants, list):
            fonts += [d for d in (resolve1(x) for x in descendants) if isinstance(d, dict)]
        for each in fonts:
            descriptor = resolve1(each.get("FontDescriptor"))
            if isinstance(descriptor, dict):
                streams += [descriptor.get(k) for k in ("FontFile", "FontFile2", "FontFile3")]
        found = [self._stream(s, _FONT) for s in map(resolve1, streams) if isinstance(s, PDFStream)]
        first, last, widths = (resolve1(font.get(k)) for k in ("FirstChar", "LastChar", "Widths"))
        if isinstance(first, int) and isinstance(last, int) and widths is not None:
            # Fewer widths than codes (more are read past): characters without a width, misplaced.
            counted = isinstance(widths, list) and len(widths) >= last - first + 1
            found.append(None if counted else ("font widths damaged: text may be misplaced", False))
        damage = next((d for d in found if d is not None), None)
        self.seen[key] = damage
        return damage


def page_tree(doc: Any) -> list[object | None] | None:
    """The object ids of the pages in the document's page tree, walked as pdfminer walks it, with
    None for a kid that is neither a page nor a node of pages (its object missing or damaged: pdfminer
    skips it); None when there is no tree to walk."""
    from pdfminer.pdftypes import resolve1
    from pdfminer.psparser import LIT

    pages_type, page_type = LIT("Pages"), LIT("Page")
    slots: list[object | None] = []
    seen: set[object] = set()

    def walk(ref: object, depth: int) -> None:
        objid = getattr(ref, "objid", None)
        if (objid is not None and objid in seen) or depth > 64:
            return
        seen.add(objid)
        node = resolve1(ref)
        kind = node.get("Type", node.get("type")) if isinstance(node, dict) else None
        if kind is pages_type and "Kids" in node:
            kids = resolve1(node["Kids"])
            for kid in kids if isinstance(kids, list) else []:
                walk(kid, depth + 1)
        elif kind is page_type:
            slots.append(objid)
        else:
            slots.append(None)

    try:
        root = doc.catalog.get("Pages")
        if root is None:
            return None
        walk(root, 0)
    except (KeyboardInterrupt, MemoryError):
        raise
    except Exception:
        return None
    return slots if any(slot is not None for slot in slots) else None


def missing_page(number: int) -> PageData:
    """A page the page tree lists but the file does not hold (its object missing or damaged)."""
    return PageData(number, 595.0, 842.0, [], damage="page missing from the file", text_lost=True)


def damaged_pages(pages: list[PageData], total: int) -> str:
    """The damaged pages named with why: « page 3 of 12 (content stream missing) », « pages 1, 2
    (content stream cut short or corrupt) and 7 (the PDF reader failed: KeyError) of 12 » (ten
    numbers at most for each reason)."""
    by_reason: dict[str, list[int]] = {}
    for page in pages:
        by_reason.setdefault(page.damage or "damaged", []).append(page.number)
    word = "page" if len(pages) == 1 else "pages"

    def listed(numbers: list[int]) -> str:
        more = f" and {len(numbers) - 10} more" if len(numbers) > 10 else ""
        return ", ".join(str(n) for n in numbers[:10]) + more

    if len(by_reason) == 1:
        (reason, numbers), *_ = by_reason.items()
        return f"{word} {listed(numbers)} of {total} ({reason})"
    parts = [f"{listed(numbers)} ({reason})" for reason, numbers in by_reason.items()]
    return f"{word} {', '.join(parts[:-1])} and {parts[-1]} of {total}"


def check_trusted(path: Path, pages: list[PageData]) -> None:
    """Raise when the pages read cannot carry the document: none at all, half of them or more lost
    their text (its measures cannot be trusted), or no text layer (a scan)."""
    if not pages:
        raise CorruptPdfError(f"{path.name} has no pages", "download or export the file again")
    lost = [p for p in pages if p.damage is not None and p.text_lost]
    if lost and 2 * len(lost) >= len(pages):
        raise CorruptPdfError(
            f"{path.name} is a damaged PDF: {damaged_pages(lost, len(pages))} cannot be read, "
            "so its measures cannot be trusted",
            "download or export the file again",
        )
    check_text_layer(path, pages)


def check_text_layer(path: Path, pages: list[PageData]) -> None:
    """A scan (images, almost no characters) cannot be read without OCR."""
    chars = sum(p.chars for p in pages)
    if chars < 20 * len(pages) and chars < 200:
        if any(p.images for p in pages):
            raise NoTextLayerError(
                f"{path.name} has no text layer (it looks like a scan: images but no text)",
                "run OCR first, e.g. ocrmypdf in.pdf out.pdf",
            )
        raise NoTextLayerError(
            f"{path.name} has no text to read ({chars} characters on {len(pages)} pages)",
            "give the PDF with its text, or run OCR first, e.g. ocrmypdf in.pdf out.pdf",
        )
