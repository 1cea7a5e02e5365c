"""A sparse BM25 index over the next plan's sentences: candidates come from posting lists, so the
cost of a query grows with the postings of its terms, not with the number of measures."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable

K1 = 1.2
B = 0.75
# Terms found in more than this share of the indexed sentences are scored but never used to
# gather candidates on their own: they are the « victimes », « traite » every measure shares.
CANDIDATE_MAX_DF = 0.08


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

    def mass(self, terms: Iterable[str]) -> float:
        return sum(self(t) for t in terms)


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
            for term, tf in Counter(doc).items():
                postings[term].append((i, tf * (K1 + 1) / (tf + norm)))
        self.postings = dict(postings)
        self.max_postings = max(8, int(CANDIDATE_MAX_DF * self.n))

    def search(self, query: Iterable[str], k: int = 40) -> list[tuple[int, float]]:
        scores: dict[int, float] = defaultdict(float)
        common: list[str] = []
        for term in set(query):
            plist = self.postings.get(term)
            if not plist:
                continue
            if len(plist) > self.max_postings:
                common.append(term)
                continue
            w = self.idf(term)
            for doc, tf_part in plist:
                scores[doc] += w * tf_part
        if not scores:
            # Only common words in the query: fall back on them, so a vague ask still finds its topic.
            for term in common:
                w = self.idf(term)
                for doc, tf_part in self.postings[term]:
                    scores[doc] += w * tf_part
        else:
            # Common words still count for the candidates already found (cheap: a dict lookup each).
            for term in common:
                w = self.idf(term)
                for doc, tf_part in self.postings[term]:
                    if doc in scores:
                        scores[doc] += w * tf_part
        ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
        return ranked[:k]
