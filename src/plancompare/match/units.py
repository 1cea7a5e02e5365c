"""Units of matching: a sentence or passage with its index terms (cut stems and the bigrams of
adjacent stems), and `Stems`, which cuts the stems of texts once under one glossary."""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass

from plancompare.match.glossary import BUILT_IN, Glossary, unify
from plancompare.match.parallel import in_forks, shared_with_workers, worker_count
from plancompare.text.normalise import tokens
from plancompare.text.patterns import PREFIX


def cut_stems(text: str, glossary: Glossary = BUILT_IN) -> tuple[str, ...]:
    stems = tuple(s[:PREFIX] for s in tokens(glossary.expand(text), content_only=True))
    return unify(stems, glossary.variants(PREFIX))


# Below this many new texts, starting processes costs more than tokenising them here.
PARALLEL_STEMS_FROM = 4000


class Stems:
    """Cut stems of texts under one glossary, memoised: the index, the queries and the sentence
    pairs read the same sentences again and again."""

    def __init__(self, glossary: Glossary = BUILT_IN) -> None:
        self.glossary = glossary
        self._memo: dict[str, tuple[str, ...]] = {}

    def __call__(self, text: str) -> tuple[str, ...]:
        stems = self._memo.get(text)
        if stems is None:
            stems = self._memo[text] = cut_stems(text, self.glossary)
        return stems

    def __len__(self) -> int:
        """How many texts have their stems cut already."""
        return len(self._memo)

    def prime(self, texts: Iterable[str], workers: int | None = None) -> None:
        """Tokenise `texts` ahead of use, over processes when they are many (a large plan's index
        spends most of its time here)."""
        todo = [t for t in dict.fromkeys(texts) if t not in self._memo]
        n_workers = worker_count(workers)
        if n_workers <= 1 or len(todo) < PARALLEL_STEMS_FROM:
            for t in todo:
                self(t)
            return
        self._memo.update(zip(todo, in_forks(_stems_chunk, self.glossary, todo, n_workers), strict=True))


def _stems_chunk(texts: list[str]) -> list[tuple[str, ...]]:
    glossary = shared_with_workers()
    assert isinstance(glossary, Glossary)
    return [cut_stems(t, glossary) for t in texts]


def terms(text: str, stems: Stems) -> list[str]:
    """Index terms: cut stems and bigrams of adjacent stems (multiword terms weigh more)."""
    cut = stems(text)
    return [*cut, *(f"{a}_{b}" for a, b in itertools.pairwise(cut))]


@dataclass(frozen=True)
class Unit:
    text: str
    terms: frozenset[str]


def unit(text: str, stems: Stems) -> Unit:
    return Unit(text, frozenset(terms(text, stems)))


def joined(parts: list[Unit], stems: Stems) -> Unit:
    """Adjacent sentences as one passage: their terms and the bigrams across their boundaries
    (what tokenising the joined text would give, without tokenising it again)."""
    cut = [c for c in (stems(u.text) for u in parts) if c]
    bridges = {f"{a[-1]}_{b[0]}" for a, b in itertools.pairwise(cut)}
    return Unit(" ".join(u.text for u in parts), frozenset().union(*(u.terms for u in parts), bridges))
