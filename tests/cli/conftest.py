"""Fixtures of the command-line tests."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(scope="module")
def shared_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("plancompare-cache")


@pytest.fixture(autouse=True)
def _one_cache_per_module(isolated_cache: Path, shared_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The cache is tested with the extractor; here each PDF need only be parsed once per module.
    monkeypatch.setenv("PLANCOMPARE_CACHE_DIR", str(shared_cache))
