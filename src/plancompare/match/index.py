"""A sparse BM25 index over the next plan's sentences: candidates come from posting lists, so the
cost of a query grows with the postings of its terms, not with the number of measures."""

from __future__ import annotations

import heapq
import math
from collections import Counter, defaultdict
from collections.abc import Iterable

K1 = 1.2
B = 0.75
# Postings read per query at most (rarest terms first): the cost of a query stays flat however
# large the plan, so matching grows with the number of proposals, not of pairs.
POSTINGS_BUDGET = 2000


# The share of a collection's documents above which a word names no topic of its own.
UBIQUITOUS = 0.2


class Idf:
    """Inverse document frequency over a collection of token sets (next passages + base texts)."""

    def __init__(self, docs: Iterable[Iterable[str]]) -> None:
        df: Counter[str] = Counter()
        n = 0
        for doc in docs:
            n += 1
            df.update(set(doc))
        self.n = max(n, 1)
        self.df = df
        self._cache: dict[str, float] = {}
        self.unseen = math.log(1 + (self.n + 0.5) / 0.5)

    def __call__(self, term: str) -> float:
        value = self._cache.get(term)
        if value is None:
            d = self.df.get(term, 0)
            value = math.log(1 + (self.n - d + 0.5) / (d + 0.5))
            if "_" in term:  # a bigram repeats its two words' weight: count it at half
                value *= 0.5
            self._cache[term] = value
        return value

    def ubiquitous(self, term: str) -> bool:
        """A word in at least `UBIQUITOUS` of the documents (« victimes », « traite » in a plan against
        trafficking): a passage that lacks it lacks nothing a reader would look for."""
        return self.df.get(term, 0) >= UBIQUITOUS * self.n

    def mass(self, terms: Iterable[str]) -> float:
        cache = self._cache
        # Exact (math.fsum): `terms` is often a set, whose order changes with the hash seed.
        return math.fsum(cache[t] if t in cache else self(t) for t in terms)


class SentenceIndex:
    """BM25 over token lists; `search` returns (document number, score), best first."""

    def __init__(self, docs: list[list[str]], idf: Idf) -> None:
        self.idf = idf
        self.n = len(docs)
        lengths = [len(d) for d in docs]
        avg = (sum(lengths) / self.n) if self.n else 1.0
        postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for i, doc in enumerate(docs):
            norm = K1 * (1 - B + B * lengths[i] / (avg or 1.0))
            if len(set(doc)) == len(doc):  # the usual case (sentences' term sets): every tf is 1
                posting = (i, (K1 + 1) / (1 + norm))
                for term in doc:
                    postings[term].append(posting)
                continue
            for term, tf in Counter(doc).items():
                postings[term].append((i, tf * (K1 + 1) / (tf + norm)))
        self.postings = dict(postings)

    def search(self, query: Iterable[str], k: int = 40) -> list[tuple[int, float]]:
        """BM25 over the query's rarest terms first, within a budget of postings: the rare words
        of an ask find its candidates; words every sentence shares would only cost time (the
        fine scoring of aligner.py weighs them afterwards)."""
        plists = sorted(
            ((term, self.postings[term]) for term in set(query) if term in self.postings),
            key=lambda item: (len(item[1]), item[0]),
        )
        scores: dict[int, float] = defaultdict(float)
        spent = 0
        for term, plist in plists:
            if spent and spent + len(plist) > POSTINGS_BUDGET:
                break
            spent += len(plist)
            w = self.idf(term)
            for doc, tf_part in plist:
                scores[doc] += w * tf_part
        top = heapq.nlargest(k, zip(scores.values(), scores.keys(), strict=True))
        return sorted(((doc, score) for score, doc in top), key=lambda item: (-item[1], item[0]))
