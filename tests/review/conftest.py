"""The bundled corpora, aligned once per module (extraction goes to the user cache, as the report
snapshots' fixture does)."""

from __future__ import annotations

from pathlib import Path

import pytest

from plancompare.config import load_config
from plancompare.corpus import corpus_config, load_side
from plancompare.judge.adapt import Adapter

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def adapter() -> Adapter:
    base = load_side(ROOT / "corpora" / "2014-2016")
    nxt = load_side(ROOT / "corpora" / "next")
    return Adapter.build(base, nxt, load_config(corpus_config(nxt, base)))
