"""Align a proposal (or a base measure) with the next plan's measures, passage by passage.

A short proposal is usually answered by one sentence or bullet of a long measure, so passages
(sentences, bullet items, pairs of adjacent sentences) are scored, never whole measures: a long
measure does not swallow every short proposal. The score of a query sentence against a passage is
an F2 (recall-weighted) of IDF-weighted term overlap: how much of the ask the passage covers, and
how much of the passage is about the ask. Stems that differ only by derivation (« médiateur » /
« médiation ») get half credit through rapidfuzz on the stems. Asks (« doit », « il faut »,
« Prévoir ... ») weigh more than context sentences of long proposals.
"""

from __future__ import annotations

import itertools
import math
import multiprocessing as mp
import os
from collections import Counter
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import TypeVar

from rapidfuzz import fuzz, process

from plancompare.match.glossary import BUILT_IN, Glossary, learn, unify
from plancompare.match.index import Idf, SentenceIndex
from plancompare.models import Measure
from plancompare.text.normalise import is_ask, sentences, tokens
from plancompare.text.patterns import PREFIX

T = TypeVar("T")
R = TypeVar("R")

CANDIDATE_SENTENCES = 40
CANDIDATE_MEASURES = 8
CONTEXT_WEIGHT = 0.25
FUZZY_CUTOFF = 84.0
FUZZY_CREDIT = 0.5
TOPIC_WEIGHT = 0.35
REFINED_MEASURES = 3
# A proposal about base measure N is read in its context: next measures that continue N get this
# share of their measure-level score (0-100) added to the proposal's passage score.
CONTEXT_PRIOR = 0.5
PRIOR_CANDIDATES = 3
# Candidates are also ranked up by the TF-IDF cosine (0-100) of the whole proposal with the whole
# measure: an answer is sometimes spread over a measure's sentences, which passages alone miss.
# It ranks candidates; it does not enter the score that verdicts are decided from.
MEASURE_WEIGHT = 1.0


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

    def prime(self, texts: Iterable[str], workers: int | None = None) -> None:
        """Tokenise `texts` ahead of use, over processes when they are many (a large plan's index
        spends most of its time here)."""
        todo = [t for t in dict.fromkeys(texts) if t not in self._memo]
        n_workers = _workers(workers)
        if n_workers <= 1 or len(todo) < PARALLEL_STEMS_FROM:
            for t in todo:
                self(t)
            return
        self._memo.update(zip(todo, _in_forks(_stems_chunk, self.glossary, todo, n_workers), strict=True))


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


def _joined(parts: list[Unit], stems: Stems) -> Unit:
    """Adjacent sentences as one passage: their terms and the bigrams across their boundaries
    (what tokenising the joined text would give, without tokenising it again)."""
    cut = [c for c in (stems(u.text) for u in parts) if c]
    bridges = {f"{a[-1]}_{b[0]}" for a, b in itertools.pairwise(cut)}
    return Unit(" ".join(u.text for u in parts), frozenset().union(*(u.terms for u in parts), bridges))


@dataclass(frozen=True)
class Query:
    """A proposal's sentences with their weights (asks count more than context)."""

    units: list[Unit]
    weights: list[float]
    whole: Unit  # all ask sentences together, for asks that span sentences
    # Terms of the base measure the proposal comments on: its topic, not its ask. They count for
    # less in how much of the ask a passage covers, so sharing the topic is not taking up the ask.
    topic: frozenset[str] = frozenset()
    # False when no sentence reads as an ask (praise, a statement of fact): every sentence then
    # counts as the ask, and the verdict carries a « no-ask » reason for the analyst.
    has_ask: bool = True

    @classmethod
    def of(cls, text: str, stems: Stems, *, asks: bool = True) -> Query:
        sents = sentences(text) or [text]
        flags = [is_ask(s) for s in sents] if asks else [True] * len(sents)
        # Items after an unfinished ask (« Il est nécessaire d’avoir : - ... ») are its object.
        for i in range(1, len(flags)):
            if flags[i - 1] and not sents[i - 1].rstrip().endswith((".", "!", "?")):
                flags[i] = True
        has_ask = any(flags)
        if not has_ask:
            flags = [True] * len(sents)
        units = [unit(s, stems) for s in sents]
        weights = [1.0 if f else CONTEXT_WEIGHT for f in flags]
        whole = _joined([u for u, f in zip(units, flags, strict=True) if f], stems)
        return cls(units, weights, whole, has_ask=has_ask)


@dataclass(frozen=True)
class Candidate:
    measure: int
    score: float  # 0-100: how well the passage answers the ask
    rank: float  # score plus context prior and whole-measure cosine: what candidates are ordered by
    passage: str
    base_passage: str
    coverage: float  # share of the ask's weight found in the passage, 0-1
    missing: tuple[str, ...]  # the ask's heaviest stems absent from the passage


@dataclass
class _NextMeasure:
    number: int
    passages: list[Unit]
    masses: list[float] = field(default_factory=list)  # IDF mass of each passage
    vector: dict[str, float] = field(default_factory=dict)  # whole measure, TF-IDF, unit length


def _unit_vector(counts: Counter[str], idf: Idf) -> dict[str, float]:
    weights = {t: n * idf(t) for t, n in counts.items()}
    norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
    return {t: w / norm for t, w in weights.items()}


def _stem_counts(texts: Iterable[str], stems: Stems) -> Counter[str]:
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(stems(text))
    return counts


@dataclass
class _Scored:
    """One candidate measure while a query is scored."""

    owner: int
    tops: list[int] = field(default_factory=list)  # best passage of each query unit
    best_contribution: float = -1.0
    best_unit: int = 0
    per_sentence: float = 0.0
    whole: float = 0.0
    whole_p: int = 0

    @property
    def score(self) -> float:
        return max(self.per_sentence, self.whole)


class Aligner:
    """The next plan's passages, indexed once; `align` answers one query at a time."""

    def __init__(
        self,
        measures: list[Measure],
        base_texts: Iterable[str] = (),
        *,
        acronyms: Iterable[tuple[str, str]] = (),
        equivalents: tuple[tuple[str, ...], ...] = (),
    ) -> None:
        """`acronyms` and `equivalents`: the analysts' glossary, over the built-in one."""
        base_texts = list(base_texts)
        # Acronyms either document defines (« mineurs non accompagnés (MNA) ») count for both.
        self.glossary = learn([*(m.text for m in measures), *base_texts], acronyms, equivalents)
        self.stems = st = Stems(self.glossary)
        texts = [[s for s in [m.title, *sentences(m.text)] if s.strip()] for m in measures]
        # Who does it is part of the answer (« la MIPROF doit être impliquée »).
        lines = [
            [f"{r.role} : {r.text}" for r in m.responsible]
            + ([f"Instrument : {m.instrument}"] if m.instrument else [])
            for m in measures
        ]
        base_sentences = [s for t in base_texts for s in sentences(t)]
        st.prime(itertools.chain(*texts, *lines, base_sentences))
        self.measures: list[_NextMeasure] = []
        sentence_units: list[Unit] = []
        self.sentence_owner: list[int] = []
        for i, (m, own, extra) in enumerate(zip(measures, texts, lines, strict=True)):
            sents = [unit(s, st) for s in own]
            pairs = [_joined([a, b], st) for a, b in itertools.pairwise(sents[1:])]
            sents += [unit(line, st) for line in extra]
            self.measures.append(_NextMeasure(m.number, sents + pairs))
            sentence_units += sents
            self.sentence_owner += [i] * len(sents)
        base_units = [terms(s, st) for s in base_sentences]
        self.idf = Idf([*(u.terms for u in sentence_units), *base_units])
        self.index = SentenceIndex([sorted(u.terms) for u in sentence_units], self.idf)
        self._mass: dict[frozenset[str], float] = {}
        for nm, own in zip(self.measures, texts, strict=True):
            nm.masses = [self.mass(p.terms) for p in nm.passages]
            nm.vector = _unit_vector(_stem_counts(own, st), self.idf)

    def mass(self, ts: frozenset[str]) -> float:
        value = self._mass.get(ts)
        if value is None:
            value = self.idf.mass(ts)
            self._mass[ts] = value
        return value

    def query(self, text: str, *, asks: bool = True, topic: str | None = None) -> Query:
        """The query for `text` (`topic`: the text of the base measure it comments on); bigrams
        the next plan never uses are left out (noise, not asks)."""
        raw = Query.of(text, self.stems, asks=asks)
        vocab = self.index.postings

        def keep(u: Unit) -> Unit:
            return Unit(u.text, frozenset(t for t in u.terms if "_" not in t or t in vocab))

        topic_terms = frozenset(terms(topic, self.stems)) if topic else frozenset()
        return Query([keep(u) for u in raw.units], raw.weights, keep(raw.whole), topic_terms, raw.has_ask)

    def _ask_mass(self, ts: frozenset[str], topic: frozenset[str]) -> float:
        if not topic:
            return self.mass(ts)
        return sum(self.idf(t) * (TOPIC_WEIGHT if t in topic else 1.0) for t in ts)

    def candidates(self, query: Query) -> list[int]:
        q_terms: set[str] = set()
        for u in query.units:
            q_terms |= u.terms
        owners: list[int] = []
        for sent, _ in self.index.search(q_terms, CANDIDATE_SENTENCES):
            owner = self.sentence_owner[sent]
            if owner not in owners:
                owners.append(owner)
                if len(owners) == CANDIDATE_MEASURES:
                    break
        return owners

    def _weights(self, ts: frozenset[str], topic: frozenset[str]) -> dict[str, tuple[float, float]]:
        """term → (weight in the ask, IDF) for one query unit."""
        idf = self.idf
        out = {}
        for t in ts:
            w = idf(t)
            out[t] = (w * TOPIC_WEIGHT if t in topic else w, w)
        return out

    def _best_passage(
        self, q_terms: frozenset[str], weights: dict[str, tuple[float, float]], m: _NextMeasure
    ) -> tuple[float, int]:
        """(F2, passage index) of the passage of `m` that answers the query unit best."""
        q_mass = sum(w for w, _ in weights.values())
        top, top_p = 0.0, 0
        if q_mass <= 0:
            return top, top_p
        for pi, p in enumerate(m.passages):
            common = q_terms & p.terms
            if not common:
                continue
            p_mass = m.masses[pi]
            recall = sum(weights[t][0] for t in common) / q_mass
            precision = sum(weights[t][1] for t in common) / p_mass
            f2 = 5 * precision * recall / (4 * precision + recall)
            if f2 > top:
                top, top_p = f2, pi
        return top, top_p

    def _f2(self, q: Unit, p: Unit, topic: frozenset[str] = frozenset()) -> tuple[float, float]:
        q_mass = self._ask_mass(q.terms, topic)
        p_mass = self.mass(p.terms)
        if q_mass <= 0 or p_mass <= 0:
            return 0.0, 0.0
        common = q.terms & p.terms
        if not common:
            return 0.0, 0.0
        recall = self._ask_mass(common, topic) / q_mass
        precision = self.idf.mass(common) / p_mass
        return 5 * precision * recall / (4 * precision + recall), recall

    def _refined(
        self, q: Unit, p: Unit, topic: frozenset[str] = frozenset()
    ) -> tuple[float, float, tuple[str, ...]]:
        """F2 with half credit for ask stems that have a near-identical stem in the passage."""
        q_mass = self._ask_mass(q.terms, topic)
        p_mass = self.mass(p.terms)
        if q_mass <= 0 or p_mass <= 0:
            return 0.0, 0.0, ()
        common = q.terms & p.terms
        shared_ask = self._ask_mass(common, topic)
        shared = self.idf.mass(common)
        p_words = [t for t in p.terms if "_" not in t and len(t) > 3]
        missing: list[tuple[float, str]] = []
        for t in q.terms - p.terms:
            w = self.idf(t)
            if "_" not in t and len(t) > 3 and p_words:
                hit = process.extractOne(t, p_words, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
                if hit is not None:
                    shared += FUZZY_CREDIT * w
                    shared_ask += FUZZY_CREDIT * w * (TOPIC_WEIGHT if t in topic else 1.0)
                    continue
            missing.append((w, t))
        recall = min(1.0, shared_ask / q_mass)
        precision = min(1.0, shared / p_mass)
        f2 = 0.0 if shared <= 0 else 5 * precision * recall / (4 * precision + recall)
        missing.sort(key=lambda item: (-item[0], item[1]))
        return f2, recall, tuple(t for _, t in missing if "_" not in t)[:6]

    def _number(self, sc: _Scored) -> int:
        return self.measures[sc.owner].number

    def align(
        self, query: Query, owners: list[int] | None = None, prior: dict[int, float] | None = None
    ) -> list[Candidate]:
        """Every candidate measure with its score and best passage pair, best first. `prior` maps
        next measure numbers to the measure-level score of the proposal's base measure."""
        out: list[Candidate] = []
        total_weight = sum(query.weights)
        if owners is None:
            owners = self.candidates(query)
            if prior:
                position = {m.number: i for i, m in enumerate(self.measures)}
                ranked = sorted(prior.items(), key=lambda item: (-item[1], item[0]))[:PRIOR_CANDIDATES]
                owners += [position[n] for n, _ in ranked if n in position and position[n] not in owners]
        weights = [self._weights(u.terms, query.topic) for u in query.units]
        whole_weights = self._weights(query.whole.terms, query.topic)
        q_vector = _unit_vector(_stem_counts((u.text for u in query.units), self.stems), self.idf)
        bonus_of: dict[int, float] = {}
        for owner in owners:
            m = self.measures[owner]
            cosine = sum(w * m.vector.get(t, 0.0) for t, w in q_vector.items())
            context = CONTEXT_PRIOR * (prior or {}).get(m.number, 0.0)
            bonus_of[m.number] = context + MEASURE_WEIGHT * 100 * cosine
        scored: list[_Scored] = []
        for owner in owners:
            m = self.measures[owner]
            sc = _Scored(owner)
            weighted = 0.0
            for ui, w in enumerate(query.weights):
                top, top_p = self._best_passage(query.units[ui].terms, weights[ui], m)
                sc.tops.append(top_p)
                weighted += w * top
                if w * top > sc.best_contribution:
                    sc.best_contribution, sc.best_unit = w * top, ui
            sc.per_sentence = weighted / total_weight if total_weight else 0.0
            if len(query.units) > 1:
                # The asks together against one passage: an ask may be spread over sentences.
                sc.whole, sc.whole_p = self._best_passage(query.whole.terms, whole_weights, m)
            scored.append(sc)
        # Fuzzy stem matching (rapidfuzz) only for the few best measures: it can only raise a score.
        scored.sort(key=lambda sc: (-(100 * sc.score + bonus_of[self._number(sc)]), sc.owner))
        for sc in scored[:REFINED_MEASURES]:
            m = self.measures[sc.owner]
            weighted = 0.0
            sc.best_contribution = -1.0
            for ui, (q, w) in enumerate(zip(query.units, query.weights, strict=True)):
                top = self._refined(q, m.passages[sc.tops[ui]], query.topic)[0]
                weighted += w * top
                if w * top > sc.best_contribution:
                    sc.best_contribution, sc.best_unit = w * top, ui
            sc.per_sentence = weighted / total_weight if total_weight else 0.0
            if len(query.units) > 1:
                sc.whole = self._refined(query.whole, m.passages[sc.whole_p], query.topic)[0]
        for i, sc in enumerate(scored):
            m = self.measures[sc.owner]
            if sc.whole > sc.per_sentence:
                q_unit, p_unit = query.whole, m.passages[sc.whole_p]
            else:
                q_unit, p_unit = query.units[sc.best_unit], m.passages[sc.tops[sc.best_unit]]
            recall = 0.0
            missing: tuple[str, ...] = ()
            if i < REFINED_MEASURES:
                _, recall, missing = self._refined(q_unit, p_unit, query.topic)
            out.append(
                Candidate(
                    measure=m.number,
                    score=round(100 * sc.score, 1),
                    rank=round(100 * sc.score + bonus_of[m.number], 1),
                    passage=p_unit.text,
                    base_passage=q_unit.text,
                    coverage=round(recall, 3),
                    missing=missing,
                )
            )
        out.sort(key=lambda c: (-c.rank, -c.score, c.measure))
        return out


# --- many queries at once ------------------------------------------------------------------------

PARALLEL_FROM = 400  # below this many queries, starting processes costs more than it saves
_SHARED: object = None  # what forked workers read (inherited from the parent, not pickled)


def _workers(workers: int | None) -> int:
    if "fork" not in mp.get_all_start_methods():
        return 1
    return workers if workers is not None else min(2, os.cpu_count() or 1)


def _in_forks(task: Callable[[list[T]], list[R]], shared: object, items: list[T], n_workers: int) -> list[R]:
    """`task` over `n_workers` chunks of `items` in forked processes, which see `shared` without
    copying it; results in the order of `items`."""
    global _SHARED
    size = -(-len(items) // n_workers)
    chunks = [items[i : i + size] for i in range(0, len(items), size)]
    _SHARED = shared
    try:
        with ProcessPoolExecutor(n_workers, mp_context=mp.get_context("fork")) as pool:
            parts = list(pool.map(task, chunks))
    finally:
        _SHARED = None
    return [out for part in parts for out in part]


def _stems_chunk(texts: list[str]) -> list[tuple[str, ...]]:
    assert isinstance(_SHARED, Glossary)
    return [cut_stems(t, _SHARED) for t in texts]


def _align_chunk(chunk: list[tuple[Query, dict[int, float] | None]]) -> list[list[Candidate]]:
    assert isinstance(_SHARED, Aligner)
    return [_SHARED.align(q, prior=p) for q, p in chunk]


def align_many(
    aligner: Aligner, items: list[tuple[Query, dict[int, float] | None]], workers: int | None = None
) -> list[list[Candidate]]:
    """`aligner.align` for every (query, prior), in order; large batches are split over processes
    (forked, so the index is shared, not copied). Results do not depend on the number of workers."""
    n_workers = _workers(workers)
    if n_workers <= 1 or len(items) < PARALLEL_FROM:
        return [aligner.align(q, prior=p) for q, p in items]
    return _in_forks(_align_chunk, aligner, items, n_workers)
