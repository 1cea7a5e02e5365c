"""Seeded byte-mutants of a PDF, of the kinds a download, a disk or a careless tool leaves: bytes
flipped, the file cut short, a range deleted or duplicated, an xref offset corrupted, a stream's
length or filter damaged, a range zeroed. Used by the fuzz test (tests/extract/test_pdf_errors.py)
and by benchmarks/mutants.py, which counts what extraction makes of many more."""

from __future__ import annotations

import random
import re
from collections.abc import Iterator

KINDS = ("flip", "truncate", "delete", "duplicate", "xref", "stream", "zero")

_XREF_ENTRY = re.compile(rb"(\d{10}) \d{5} n")
_STARTXREF = re.compile(rb"startxref\s+(\d+)")
_LENGTH = re.compile(rb"/Length\s+(\d+)")
_FILTER = re.compile(rb"/(FlateDecode|ASCII85Decode)")
_STREAM = re.compile(rb"stream\r?\n")


def mutate(data: bytes, kind: str, rng: random.Random) -> bytes:
    """`data` damaged one way (`kind`, one of KINDS), at places `rng` draws."""
    buf = bytearray(data)
    if kind == "flip":
        for _ in range(rng.randint(1, 20)):
            buf[rng.randrange(len(buf))] = rng.randrange(256)
    elif kind == "truncate":
        del buf[rng.randrange(1, len(buf)) :]
    elif kind == "delete":
        start = rng.randrange(len(buf))
        del buf[start : start + rng.randint(1, 2000)]
    elif kind == "duplicate":
        start = rng.randrange(len(buf))
        chunk = buf[start : start + rng.randint(1, 2000)]
        at = rng.randrange(len(buf))
        buf[at:at] = chunk
    elif kind == "xref":
        # An offset of the cross-reference table, or where the table starts, made wrong.
        entries = [(m.span(1), 10) for m in _XREF_ENTRY.finditer(data)]  # fixed width: 10 digits
        spans = entries + [(m.span(1), 1) for m in _STARTXREF.finditer(data)]
        if spans:
            (start, end), width = rng.choice(spans)
            value = int(data[start:end])
            shift = rng.randint(1, 50)
            wrong = rng.choice((0, value + shift, max(0, value - shift), rng.randrange(len(data))))
            buf[start:end] = str(wrong).zfill(width).encode()
    elif kind == "stream":
        buf = bytearray(_damage_stream(data, rng))
    elif kind == "zero":
        start = rng.randrange(len(buf))
        end = min(len(buf), start + rng.randint(1, 500))
        buf[start:end] = bytes(end - start)
    else:
        raise ValueError(f"unknown mutation {kind!r}")
    return bytes(buf)


def _damage_stream(data: bytes, rng: random.Random) -> bytes:
    """One stream damaged: its /Length set wrong, its filter renamed, or bytes of its data changed."""
    how = rng.choice(("length", "filter", "data"))
    buf = bytearray(data)
    if how == "length":
        found = list(_LENGTH.finditer(data))
        if found:
            m = rng.choice(found)
            value = int(m.group(1))
            wrong = rng.choice(
                (0, value // 2, value + rng.randint(1, 100), max(0, value - rng.randint(1, 100)))
            )
            buf[m.start(1) : m.end(1)] = str(wrong).encode()
            return bytes(buf)
    if how == "filter":
        found = list(_FILTER.finditer(data))
        if found:
            m = rng.choice(found)
            name = bytearray(m.group(1))
            name[rng.randrange(len(name))] = rng.choice(b"abcdefghijklmnopqrstuvwxyz")
            buf[m.start(1) : m.end(1)] = bytes(name)
            return bytes(buf)
    found = list(_STREAM.finditer(data))
    if not found:
        return bytes(buf)
    start = rng.choice(found).end()
    end = data.find(b"endstream", start)
    end = len(data) if end < 0 else end
    for _ in range(rng.randint(1, 8)):
        if end > start:
            buf[rng.randrange(start, end)] = rng.randrange(256)
    return bytes(buf)


def mutants(data: bytes, count: int, seed: int) -> Iterator[tuple[str, bytes]]:
    """`count` mutants of `data`, the kinds taken in turn, each labelled « 12-xref »."""
    rng = random.Random(seed)
    for i in range(count):
        kind = KINDS[i % len(KINDS)]
        yield f"{i}-{kind}", mutate(data, kind, rng)
