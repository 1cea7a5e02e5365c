"""Work spread over forked processes: items in chunks, one chunk a process, results in order.

Forked workers inherit the parent's memory, so what they all read (a glossary, an aligner and its
index) is shared by `in_forks` without being pickled; a task reads it with `shared_with_workers()`.
"""

from __future__ import annotations

import multiprocessing as mp
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

_SHARED: object = None  # what forked workers read (inherited from the parent, not pickled)


def worker_count(workers: int | None) -> int:
    """How many processes to use: `workers` if given, else up to two; one where fork is missing."""
    if "fork" not in mp.get_all_start_methods():
        return 1
    return workers if workers is not None else min(2, os.cpu_count() or 1)


def shared_with_workers() -> object:
    """What the running `in_forks` shares with its workers."""
    return _SHARED


def in_forks(task: Callable[[list[T]], list[R]], shared: object, items: list[T], n_workers: int) -> list[R]:
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
