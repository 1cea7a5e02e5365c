"""Shared fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def isolated_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Extraction results go to a per-test cache folder, never to the user's cache."""
    cache = tmp_path / "plancompare-cache"
    monkeypatch.setenv("PLANCOMPARE_CACHE_DIR", str(cache))
    return cache
