"""French text as it comes out of a PDF, made clean: Unicode, spaces, hyphenation, paragraphs.

PDF text carries ligature glyphs (ﬁ), non-breaking and thin spaces around « » and before « : »,
and words cut at line ends (« accompa- » / « gnement »). Quotes « », apostrophes ’ and œ are kept
as written: they are part of the text the diff quotes back to the reader.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_LIGATURES = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
}
# Every kind of space a French PDF uses (non-breaking, narrow non-breaking, thin, figure, ...).
_SPACES = "\u00a0\u202f\u2009\u2007\u2008\u200a\u2002\u2003\u2004\u2005\u2006\u205f\u3000\t"
_TRANSLATE: dict[int, str | None] = {ord(k): v for k, v in _LIGATURES.items()}
_TRANSLATE.update({ord(c): " " for c in _SPACES})
_TRANSLATE.update({0x200B: None, 0xFEFF: None, 0x200C: None, 0x200D: None})
_HYPHENS = "-\u2010\u2011\u00ad"
_MULTISPACE = re.compile(r" {2,}")

# A hyphen at a line end that is part of a compound, judged from the fragment after it
# (« vis-à-vis », « dit-il », « lui-même ») or before it (« c’est-à-dire », « peut-être »).
_COMPOUND_AFTER = re.compile(
    r"^(?:à-|t-|même|mêmes|ci\b|là\b|dessus|dessous|delà|deçà|il\b|elle\b|on\b|ils\b|elles\b|je\b|tu\b"
    r"|nous\b|vous\b|moi\b|toi\b|lui\b|leur\b|y\b|en\b|être\b|clés?\b)",
)
_COMPOUND_BEFORE = {
    "au",
    "ci",
    "là",
    "c’est",
    "c'est",
    "peut",
    "vis",
    "demi",
    "semi",
    "non",
    "quasi",
    "mi",
    "ex",
    "vice",
    "arrière",
    "avant",
    "après",
    "sans",
    "post",
    "pré",
    "grand",
    "grande",
    "mini",
    "multi",
    "auto",
    "sous",
}


def clean(text: str) -> str:
    """NFC, ligatures spelt out, every space a plain space, runs of spaces collapsed (no strip)."""
    text = unicodedata.normalize("NFC", text.translate(_TRANSLATE))
    return _MULTISPACE.sub(" ", text)


def symbol_bullet(text: str) -> str:
    """A line opening on a symbol font's glyph opens a list item: written « • ».

    Word's Symbol and Wingdings bullets come out of many PDFs as private-use code points (U+F0B7,
    U+F0A7, U+F0D8) or, without a Unicode map, undecoded; left so, the items of a list read as one
    paragraph and show as boxes."""
    if text and ("\ue000" <= text[0] <= "\uf8ff" or (text[0] == "\ufffd" and text[1:2] == " ")):
        return "•" + text[1:]
    return text


def normalise_spaces(text: str) -> str:
    return " ".join(clean(text).split())


def _first_word(text: str) -> str:
    return text.split(" ", 1)[0] if text else ""


def _last_word(text: str) -> str:
    return text.rsplit(" ", 1)[-1] if text else ""


def join_hyphenated(left: str, right: str) -> str:
    """Join two lines where `left` ends with a hyphen: a cut word is rejoined, a compound kept."""
    fragment = _last_word(left)[:-1]  # without its hyphen
    head = left[:-1]
    if left.endswith("\u00ad"):  # a soft hyphen only ever marks a cut word
        return head + right
    if not fragment or fragment[-1] in " –—":  # a free-standing dash, not a hyphenation
        return f"{left} {right}"
    nxt = _first_word(right)
    if not nxt:
        return left + right
    bare = fragment.lstrip("«(\"'[")
    keep = (
        nxt[0].isupper()
        or nxt[0].isdigit()
        or any(c.isdigit() for c in bare)
        or bool(_COMPOUND_AFTER.match(nxt))
        or bare.lower() in _COMPOUND_BEFORE
        or "-" in bare  # already a compound: « sud-est-» + « asiatique »
    )
    if keep:
        return left + right
    if bare[-1:].islower() and nxt[0].islower():
        return head + right
    return left + right


def join_lines(lines: Iterable[str]) -> str:
    """The lines of one paragraph as one line: spaces between, line-end hyphenation undone."""
    result = ""
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if not result:
            result = line
        elif result[-1] in _HYPHENS and len(result) > 1 and result[-2] != " ":
            result = join_hyphenated(result, line)
        else:
            result = f"{result} {line}"
    return _MULTISPACE.sub(" ", result)


def is_upper_text(text: str, minimum_letters: int = 4) -> bool:
    """Mostly capitals (headings): at least `minimum_letters` letters, ≥ 85 % upper-case."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < minimum_letters:
        return False
    upper = sum(1 for c in letters if c.isupper())
    return upper >= 0.85 * len(letters)
