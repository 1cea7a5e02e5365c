"""What a proposal's sentence and the plan's passage share, marked in both (the HTML report's evidence).

A proposal and a passage are written by different authors: a redline of one into the other strikes
through most of every proposal, adopted ones too, so that an adopted ask reads as deleted. What a
reader checks is what the passage takes up of the ask. So the words the two texts share are marked
on both sides, compared as matching compares them (stems cut to a few letters, accents and case
aside: « Former » meets « formés », « identification » « identifier »); function words and the
words that carry an ask's form (« doit », « pourra ») and the forms of « être » and « avoir »
(« sera », « soit ») are never marked on their own, but one
standing between two shared words joins their mark (« médiateurs culturels dans un délai »). On the
proposal's side, the distinctive words the passage lacks (the reason's « absent : » list) are
underlined. Text is escaped; only the report's own `<mark>` and `<span>` are HTML.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from plancompare.text.normalise import fold, marked_tokens
from plancompare.text.patterns import PREFIX

_SPACES = re.compile(r"(\s+)")
_EDGE_PUNCT = re.compile(r"^[^\w]+|[^\w]+$")


def _stems(word: str) -> set[str]:
    return {s[:PREFIX] for s in marked_tokens(word)}


def _words(text: str) -> list[str]:
    """`text` as words and the whitespace between them, alternately (word first; "" when it opens
    with whitespace): joined again, they give the text back."""
    return _SPACES.split(text)


def _marked(parts: list[str], shared: set[str], absent: set[str]) -> str:
    """Escaped HTML of `parts` (`_words`), runs of shared words in `<mark>`, absent ones underlined."""
    words = parts[0::2]
    stems = [_stems(w) for w in words]
    is_shared = [bool(s & shared) for s in stems]
    # A run goes from a shared word to the last shared word before a content word that is not.
    runs: list[tuple[int, int]] = []
    start: int | None = None
    last = -1
    for i, (word_stems, hit) in enumerate(zip(stems, is_shared, strict=True)):
        if hit:
            start = i if start is None else start
            last = i
        elif word_stems and start is not None:  # a content word the other text lacks ends the run
            runs.append((start, last))
            start = None
    if start is not None:
        runs.append((start, last))
    opens = {a for a, _ in runs}
    closes = {b for _, b in runs}
    out: list[str] = []
    for i, word in enumerate(words):
        if i:
            out.append(html.escape(parts[2 * i - 1]))
        lead, core, trail = _edges(word)
        text = html.escape(core)
        if not is_shared[i] and core and fold(core).rsplit("'", 1)[-1] in absent:  # « l’Etat »: « etat »
            text = f'<span class="absent">{text}</span>'
        # Punctuation around a run (« ministre. », « (État ») stays out of its mark.
        out.append(html.escape(lead) + ("<mark>" if i in opens else "") + text)
        out.append(("</mark>" if i in closes else "") + html.escape(trail))
    return "".join(out)


def _edges(word: str) -> tuple[str, str, str]:
    """(leading punctuation, the word, trailing punctuation)."""
    core = _EDGE_PUNCT.sub("", word)
    if not core:
        return "", word, ""
    start = word.index(core)
    return word[:start], core, word[start + len(core) :]


def shared_html(ask: str, passage: str, absent: Iterable[str] = ()) -> tuple[str, str]:
    """Escaped HTML of both texts: what they share in `<mark>`, on both sides; the words of `absent`
    (the ask's distinctive words the passage lacks) underlined in the ask."""
    left, right = _words(ask), _words(passage)
    left_stems = set().union(*(_stems(w) for w in left[0::2]))
    right_stems = set().union(*(_stems(w) for w in right[0::2]))
    shared = left_stems & right_stems
    missing = {fold(w) for w in absent}
    return _marked(left, shared, missing), _marked(right, shared, set())
