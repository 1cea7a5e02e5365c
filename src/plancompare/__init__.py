"""plancompare: compare successive national action plans, measure by measure.

The library the command line is a thin layer over::

    from plancompare import load, compare, render
    base = load("corpora/2014-2016")      # a corpus folder, a PDF, or an extracted JSON
    nxt = load("corpora/next")
    result = compare(base, nxt)           # a DiffResult: verdicts with their evidence
    print(render(result, "md", "fr"))     # term, md, json, csv or html

`extract_file(path)` reads one PDF into a Plan or Review; `run_diff(base_path, next_path)` does
what `plancompare diff` does (the corpus config and the analyst decisions applied). Names are
imported when first used, so `import plancompare` stays light.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

# Public name → the module that defines it.
_API = {
    "load": ("plancompare.corpus", "load_side"),
    "extract_file": ("plancompare.extract.document", "extract"),
    "compare": ("plancompare.judge.adapt", "compare"),
    "render": ("plancompare.report", "render"),
    "run_diff": ("plancompare.workflow", "run_diff"),
    "MatchConfig": ("plancompare.config", "MatchConfig"),
    "DiffResult": ("plancompare.models", "DiffResult"),
    "Plan": ("plancompare.models", "Plan"),
    "Review": ("plancompare.models", "Review"),
    "Side": ("plancompare.models", "Side"),
    "PlanCompareError": ("plancompare.errors", "PlanCompareError"),
}

__all__ = ["__version__", *_API]


def __getattr__(name: str) -> Any:
    if name not in _API:
        raise AttributeError(f"module 'plancompare' has no attribute {name!r}")
    module, attribute = _API[name]
    value = getattr(import_module(module), attribute)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
