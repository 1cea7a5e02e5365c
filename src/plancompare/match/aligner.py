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
import re
from collections.abc import Iterable

from rapidfuzz import fuzz, process

from plancompare.match.glossary import learn
from plancompare.match.index import Idf, SentenceIndex
from plancompare.match.parallel import in_forks, shared_with_workers, worker_count
from plancompare.match.query import Query
from plancompare.match.scoring import Candidate, MeasurePassages, Scored, stem_counts, unit_vector
from plancompare.match.units import Stems, Unit, joined, terms, unit
from plancompare.models import Measure
from plancompare.text.commitment import measure_sentences
from plancompare.text.normalise import sentences

CANDIDATE_SENTENCES = 40
CANDIDATE_MEASURES = 8
FUZZY_CUTOFF = 84.0
FUZZY_CREDIT = 0.5
TOPIC_WEIGHT = 0.35
REFINED_MEASURES = 3
# A proposal about base measure N is read in its context: next measures that continue N get this
# share of their measure-level score (0-100) added to the proposal's passage score.
CONTEXT_PRIOR = 1.0
PRIOR_CANDIDATES = 3
# Candidates are also ranked up by the TF-IDF cosine (0-100) of the whole proposal with the whole
# measure, times this: an answer is sometimes spread over a measure's sentences, which passages
# alone miss. It ranks candidates; it does not enter the score that verdicts are decided from.
# Both weights were doubled from 0.5 and 1.0 together: of the pairs tried between 0.25-2.0 and
# 0.5-2.5, the one that ranks the labelled measure first most often on the development drafts
# (82.8 → 86.1 %; on the four drafts written blind, measured after: 78.4 → 80.8 %). Verdicts, each
# draft left out of the model's fit: macro-F1 72.4 → 72.0 on the development drafts, 65.4 → 65.6 on
# the blind ones.
MEASURE_WEIGHT = 2.0
# A measure's title, field lines and statements of fact (text/commitment.py) are never evidence: a
# proposal's score comes from its commitments only. What the other passages add to a measure's best
# commitment ranks it up by this share: they show what the measure is about, not what it does.
CONTEXT_SHARE = 0.3


def _with_leads(units: list[Unit], leads: list[str]) -> list[Unit]:
    """A list item is scored on its own words and shown with its lead-in (« … : item »)."""
    return [Unit(f"{lead} {u.text}", u.terms) if lead else u for u, lead in zip(units, leads, strict=False)]


# Where a sentence's end marks were cut: a list item's « ; » (text/normalise.py, `sentences`).
_UNENDED = re.compile(r"[^.!?:;…»)\]]$")


def _pair(first: Unit, second: Unit, stems: Stems) -> Unit:
    """Two adjacent sentences as one passage. Two list items lost their « ; » when they were cut
    apart; shown joined with a space they read as one sentence (« … du cadre juridique intégré aux
    cursus initiaux »), so the pair puts it back."""
    pair = joined([first, second], stems)
    if _UNENDED.search(first.text):
        return Unit(f"{first.text} ; {second.text}", pair.terms)
    return pair


class Aligner:
    """The next plan's passages, indexed once; `align` answers one query at a time."""

    def __init__(
        self,
        measures: list[Measure],
        base_texts: Iterable[str] = (),
        *,
        acronyms: Iterable[tuple[str, str]] = (),
        equivalents: tuple[tuple[str, ...], ...] = (),
        since: int | None = None,
    ) -> None:
        """`acronyms` and `equivalents`: the analysts' glossary, over the built-in one; `since`: the
        year the plan starts (a chronology line dated before it is no commitment)."""
        base_texts = list(base_texts)
        # Acronyms either document defines (« mineurs non accompagnés (MNA) ») count for both.
        self.glossary = learn([*(m.text for m in measures), *base_texts], acronyms, equivalents)
        self.stems = st = Stems(self.glossary)
        read = [measure_sentences(m.text, since) for m in measures]
        texts = [
            [s for s in [m.title, *(s.text for s in own)] if s.strip()]
            for m, own in zip(measures, read, strict=True)
        ]
        # Who does it is part of the answer (« la MIPROF doit être impliquée »).
        lines = [
            [f"{r.role} : {r.text}" for r in m.responsible]
            + ([f"Instrument : {m.instrument}"] if m.instrument else [])
            for m in measures
        ]
        base_sentences = [s for t in base_texts for s in sentences(t)]
        st.prime(itertools.chain(*texts, *lines, base_sentences))
        self.measures: list[MeasurePassages] = []
        sentence_units: list[Unit] = []
        self.sentence_owner: list[int] = []
        for i, (m, own, extra, flags) in enumerate(zip(measures, texts, lines, read, strict=True)):
            sents = [unit(s, st) for s in own]
            # The title (first when present) is never evidence; the text's sentences are when they commit.
            commits = [False] * (len(own) - len(flags)) + [f.commits for f in flags]
            pairs = [_pair(a, b, st) for a, b in itertools.pairwise(sents[1:])]
            pair_commits = [a and b for a, b in itertools.pairwise(commits[1:])]
            leads = [""] * (len(own) - len(flags)) + [f.lead for f in flags]
            befores = [""] * (len(own) - len(flags)) + [f.before for f in flags]
            sents, pairs = _with_leads(sents, leads), _with_leads(pairs, leads[1:])
            sents += [unit(line, st) for line in extra]
            evidence = commits + [False] * len(extra) + pair_commits
            before = befores + [""] * len(extra) + befores[1:-1]
            self.measures.append(MeasurePassages(m.number, sents + pairs, evidence, before=before))
            sentence_units += sents
            self.sentence_owner += [i] * len(sents)
        base_units = [terms(s, st) for s in base_sentences]
        self.idf = Idf([*(u.terms for u in sentence_units), *base_units])
        self.index = SentenceIndex([sorted(u.terms) for u in sentence_units], self.idf)
        self._mass: dict[frozenset[str], float] = {}
        for nm, own in zip(self.measures, texts, strict=True):
            nm.masses = [self.mass(p.terms) for p in nm.passages]
            nm.vector = unit_vector(stem_counts(own, st), self.idf)

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
        return Query(
            [keep(u) for u in raw.units],
            raw.weights,
            keep(raw.whole),
            topic_terms,
            raw.has_ask,
            raw.commitments,
            tuple(keep(u) for u in raw.demands),
        )

    def _ask_mass(self, ts: frozenset[str], topic: frozenset[str]) -> float:
        if not topic:
            return self.mass(ts)
        return math.fsum(self.idf(t) * (TOPIC_WEIGHT if t in topic else 1.0) for t in ts)

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
        self,
        q_terms: frozenset[str],
        weights: dict[str, tuple[float, float]],
        m: MeasurePassages,
        evidence_only: bool = False,
    ) -> tuple[float, int]:
        """(F2, passage index) of the passage of `m` that answers the query unit best (of its
        commitments only, with `evidence_only`)."""
        # Sums over sets are exact (math.fsum): in the order a set iterates, which changes with the
        # hash seed from run to run, floats would differ in their last bits and break ties.
        q_mass = math.fsum(w for w, _ in weights.values())
        # -1: no passage shares a term (or none may be evidence); refinement then leaves it at 0.
        top, top_p = 0.0, -1 if evidence_only else 0
        if q_mass <= 0:
            return top, top_p
        for pi, p in enumerate(m.passages):
            if evidence_only and not m.evidence[pi]:
                continue
            common = q_terms & p.terms
            if not common:
                continue
            p_mass = m.masses[pi]
            recall = math.fsum(weights[t][0] for t in common) / q_mass
            precision = math.fsum(weights[t][1] for t in common) / p_mass
            f2 = 5 * precision * recall / (4 * precision + recall)
            if f2 > top:
                top, top_p = f2, pi
        return top, top_p

    def _refined(
        self, q: Unit, p: Unit, topic: frozenset[str] = frozenset()
    ) -> tuple[float, float, tuple[str, ...]]:
        """F2 with half credit for ask stems that have a near-identical stem in the passage."""
        q_mass = self._ask_mass(q.terms, topic)
        p_mass = self.mass(p.terms)
        if q_mass <= 0 or p_mass <= 0:
            return 0.0, 0.0, ()
        common = q.terms & p.terms
        credit: list[float] = [self.idf.mass(common)]
        credit_ask: list[float] = [self._ask_mass(common, topic)]
        p_words = [t for t in p.terms if "_" not in t and len(t) > 3]
        missing: list[tuple[float, str]] = []
        for t in q.terms - p.terms:
            w = self.idf(t)
            if "_" not in t and len(t) > 3 and p_words:
                hit = process.extractOne(t, p_words, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
                if hit is not None:
                    credit.append(FUZZY_CREDIT * w)
                    credit_ask.append(FUZZY_CREDIT * w * (TOPIC_WEIGHT if t in topic else 1.0))
                    continue
            missing.append((w, t))
        shared, shared_ask = math.fsum(credit), math.fsum(credit_ask)
        recall = min(1.0, shared_ask / q_mass)
        precision = min(1.0, shared / p_mass)
        f2 = 0.0 if shared <= 0 else 5 * precision * recall / (4 * precision + recall)
        missing.sort(key=lambda item: (-item[0], item[1]))
        named = (t for _, t in missing if "_" not in t and not self.idf.ubiquitous(t))
        return f2, recall, tuple(named)[:6]

    def covered(self, demand: Unit, measures: Iterable[int], topic: frozenset[str] = frozenset()) -> float:
        """How much of `demand`'s weight (0-1, with fuzzy stem credit) the commitment of the measures
        numbered `measures` that covers most of it holds."""
        wanted = set(measures)
        return max(
            (
                self._refined(demand, p, topic)[1]
                for m in self.measures
                if m.number in wanted
                for p, evidence in zip(m.passages, m.evidence, strict=True)
                if evidence
            ),
            default=0.0,
        )

    def _number(self, sc: Scored) -> int:
        return self.measures[sc.owner].number

    def align(
        self, query: Query, owners: list[int] | None = None, prior: dict[int, float] | None = None
    ) -> list[Candidate]:
        """Every candidate measure with its score and best passage pair, best first. `prior` maps
        next measure numbers to the measure-level score of the proposal's base measure."""
        if owners is None:
            owners = self._owners(query, prior)
        weights = [self._weights(u.terms, query.topic) for u in query.units]
        whole_weights = self._weights(query.whole.terms, query.topic)
        bonus_of = self._bonuses(query, owners, prior)
        scored = [self._scored(query, owner, weights, whole_weights, query.commitments) for owner in owners]
        nearest: dict[int, Scored] = {}
        if query.commitments:
            # What the measure's other passages (title, fields, statements) add ranks it up a little.
            for sc in scored:
                nearest[sc.owner] = everything = self._scored(query, sc.owner, weights, whole_weights, False)
                bonus_of[self._number(sc)] += CONTEXT_SHARE * 100 * max(0.0, everything.score - sc.score)
        # Fuzzy stem matching (rapidfuzz) only for the few best measures: it can only raise a score.
        scored.sort(key=lambda sc: (-(100 * sc.score + bonus_of[self._number(sc)]), sc.owner))
        for sc in scored[:REFINED_MEASURES]:
            self._refine(query, sc)
        out = [
            # A measure with no commitment about the ask shows its nearest passage, scoring 0.
            self._candidate(
                query,
                sc if sc.score > 0 else nearest.get(sc.owner, sc),
                bonus_of,
                i < REFINED_MEASURES,
                sc.score,
            )
            for i, sc in enumerate(scored)
        ]
        out.sort(key=lambda c: (-c.rank, -c.score, c.measure))
        return out

    def _owners(self, query: Query, prior: dict[int, float] | None) -> list[int]:
        """The measures the index finds for `query`, then the best of those that continue its base
        measure (`prior`)."""
        owners = self.candidates(query)
        if prior:
            position = {m.number: i for i, m in enumerate(self.measures)}
            ranked = sorted(prior.items(), key=lambda item: (-item[1], item[0]))[:PRIOR_CANDIDATES]
            owners += [position[n] for n, _ in ranked if n in position and position[n] not in owners]
        return owners

    def _bonuses(self, query: Query, owners: list[int], prior: dict[int, float] | None) -> dict[int, float]:
        """next measure number → what ranks it up besides its passages: the context prior and the
        whole-measure cosine."""
        q_vector = unit_vector(stem_counts((u.text for u in query.units), self.stems), self.idf)
        bonus_of: dict[int, float] = {}
        for owner in owners:
            m = self.measures[owner]
            cosine = sum(w * m.vector.get(t, 0.0) for t, w in q_vector.items())
            context = CONTEXT_PRIOR * (prior or {}).get(m.number, 0.0)
            bonus_of[m.number] = context + MEASURE_WEIGHT * 100 * cosine
        return bonus_of

    def _scored(
        self,
        query: Query,
        owner: int,
        weights: list[dict[str, tuple[float, float]]],
        whole_weights: dict[str, tuple[float, float]],
        evidence_only: bool = False,
    ) -> Scored:
        """The best passage of measure `owner` for each query unit and for the asks together."""
        m = self.measures[owner]
        sc = Scored(owner)
        unit_scores: list[float] = []
        for u, u_weights in zip(query.units, weights, strict=True):
            top, top_p = self._best_passage(u.terms, u_weights, m, evidence_only)
            sc.tops.append(top_p)
            unit_scores.append(top)
        sc.weigh(unit_scores, query.weights)
        if len(query.units) > 1:
            # The asks together against one passage: an ask may be spread over sentences.
            sc.whole, sc.whole_p = self._best_passage(query.whole.terms, whole_weights, m, evidence_only)
        return sc

    def _refine(self, query: Query, sc: Scored) -> None:
        """Score `sc`'s best passages again with fuzzy stem credit (`_refined`)."""
        m = self.measures[sc.owner]
        sc.weigh(
            [
                self._refined(q, m.passages[sc.tops[ui]], query.topic)[0] if sc.tops[ui] >= 0 else 0.0
                for ui, q in enumerate(query.units)
            ],
            query.weights,
        )
        if len(query.units) > 1 and sc.whole_p >= 0:
            sc.whole = self._refined(query.whole, m.passages[sc.whole_p], query.topic)[0]

    def _candidate(
        self, query: Query, sc: Scored, bonus_of: dict[int, float], refined: bool, score: float
    ) -> Candidate:
        """`sc` as a candidate: its best passage pair, and for the `refined` few, how much of the ask
        it covers and the ask's words it lacks."""
        m = self.measures[sc.owner]
        at = sc.whole_p if sc.whole > sc.per_sentence else sc.tops[sc.best_unit]
        q_unit = query.whole if sc.whole > sc.per_sentence else query.units[sc.best_unit]
        p_unit = m.passages[at]
        recall = 0.0
        missing: tuple[str, ...] = ()
        if refined:
            _, recall, missing = self._refined(q_unit, p_unit, query.topic)
        return Candidate(
            measure=m.number,
            score=round(100 * score, 1),
            rank=round(100 * score + bonus_of[m.number], 1),
            passage=p_unit.text,
            base_passage=q_unit.text,
            coverage=round(recall, 3),
            missing=missing,
            before=m.before[at],
        )


# --- many queries at once ------------------------------------------------------------------------

PARALLEL_FROM = 400  # below this many queries, starting processes costs more than it saves


def _align_chunk(chunk: list[tuple[Query, dict[int, float] | None]]) -> list[list[Candidate]]:
    aligner = shared_with_workers()
    assert isinstance(aligner, Aligner)
    return [aligner.align(q, prior=p) for q, p in chunk]


def align_many(
    aligner: Aligner, items: list[tuple[Query, dict[int, float] | None]], workers: int | None = None
) -> list[list[Candidate]]:
    """`aligner.align` for every (query, prior), in order; large batches are split over processes
    (forked, so the index is shared, not copied). Results do not depend on the number of workers."""
    n_workers = worker_count(workers)
    if n_workers <= 1 or len(items) < PARALLEL_FROM:
        return [aligner.align(q, prior=p) for q, p in items]
    return in_forks(_align_chunk, aligner, items, n_workers)
