"""Byte-mutants of fixture PDFs through extraction: what a damaged file gives, and whether it says so.

    .venv/bin/python benchmarks/mutants.py [--per-fixture 175] [--seed 14] [--json FILE]

Builds seeded mutants of a few fixtures (plans from both PDF producers, and a review), of seven kinds
(bytes flipped, file cut short, a range deleted, duplicated or zeroed, an xref offset or a stream's
length or filter damaged: tests/extract/mutants.py), and extracts each without cache in a worker
process (memory capped at 2 GiB, 20 s at most each). Counts, per fixture and in all: the outcomes
(the exit code `plancompare extract` gives, or a traceback, a hang, memory exhausted), the mutants
that exit 0 with other measure or proposal counts than the original, and how many of those carry a
warning (any warning, and one naming damaged pages or pages that gave no text).

Run it against another version of the extractor with PYTHONPATH=that/src to compare.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import select
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PDFS = ROOT / "tests" / "pdfs"
FIXTURES = (
    "plan-single-column-mesure-n.pdf",  # reportlab: ASCII85 over Flate streams
    "plan-two-columns.pdf",  # reportlab, 4 pages
    "plan-actions.pdf",  # fpdf2
    "review-second-renderer.pdf",  # fpdf2, a review table
)
MEMORY = 2 << 30  # bytes of address space a worker may use
TIMEOUT = 20.0  # seconds a mutant may take
# Warnings that name the pages a damaged file lost (extract/document.py).
PAGE_WARNINGS = ("damaged PDF", "gave no text")


def worker() -> None:
    """Extract each path read on stdin; one JSON line of what came of it on stdout."""
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))
    from plancompare.errors import PlanCompareError
    from plancompare.extract.document import extract
    from plancompare.models import Review

    for line in sys.stdin:
        path = Path(line.rstrip("\n"))
        out: dict[str, object] = {"measures": None, "proposals": None, "warnings": [], "error": ""}
        start = time.process_time()
        try:
            document = extract(path, use_cache=False)
            out["outcome"] = "exit 0"
            out["measures"] = len(document.measures)
            out["proposals"] = len(document.proposals) if isinstance(document, Review) else 0
            out["warnings"] = list(document.warnings)
        except PlanCompareError as error:
            out["outcome"] = f"exit {error.exit_code}"
            out["error"] = error.one_line()
        except MemoryError:
            out["outcome"] = "memory"
        except (OSError, UnicodeError) as error:  # the CLI's one-line system error (an input)
            out["outcome"] = "exit 3"
            out["error"] = str(error)
        except Exception as error:  # the CLI would end in a traceback
            out["outcome"] = "traceback"
            out["error"] = f"{type(error).__name__}: {error}"[:300]
        out["seconds"] = round(time.process_time() - start, 3)
        print(json.dumps(out), flush=True)


class Worker:
    """A worker process, started again after a hang or a crash."""

    def __init__(self) -> None:
        self.proc: subprocess.Popen[str] | None = None

    def run(self, path: Path) -> dict[str, object]:
        if self.proc is None or self.proc.poll() is not None:
            self.proc = subprocess.Popen(
                [sys.executable, __file__, "--worker"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                text=True,
                cwd=ROOT,
                env={**os.environ, "PLANCOMPARE_CACHE_DIR": str(path.parent / "cache")},
            )
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(f"{path}\n")
        self.proc.stdin.flush()
        # The first mutant also pays for the imports.
        ready, _, _ = select.select([self.proc.stdout], [], [], TIMEOUT + 10)
        if not ready:
            self.stop()
            return {"outcome": "hang", "warnings": []}
        line = self.proc.stdout.readline()
        if not line:
            self.stop()
            return {"outcome": "crash", "warnings": []}
        return json.loads(line)

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.kill()
            self.proc.wait()
            self.proc = None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-fixture", type=int, default=175, help="mutants of each fixture")
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--json", type=Path, help="write every mutant's result here")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker()
        return
    sys.path.insert(0, str(ROOT))
    from tests.extract.mutants import mutants

    records = []
    totals: Counter[str] = Counter()
    work = Worker()
    print(f"{'fixture':32} {'mutants':>7} {'outcomes':40} {'other counts':>12} {'warned':>6} {'pages':>5}")
    try:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            for number, name in enumerate(FIXTURES):
                good = (PDFS / name).read_bytes()
                original = folder / name
                original.write_bytes(good)
                base = work.run(original)
                original.unlink()
                outcomes: Counter[str] = Counter()
                changed = warned = paged = 0
                for label, data in mutants(good, args.per_fixture, seed=args.seed * 1000 + number):
                    path = folder / f"mutant-{label}.pdf"
                    path.write_bytes(data)
                    result = work.run(path)
                    path.unlink()
                    outcomes[str(result["outcome"])] += 1
                    other = result["outcome"] == "exit 0" and (
                        result["measures"] != base["measures"] or result["proposals"] != base["proposals"]
                    )
                    warnings = [str(w) for w in result.get("warnings", [])]  # type: ignore[union-attr]
                    if other:
                        changed += 1
                        warned += bool(warnings)
                        paged += any(k in w for w in warnings for k in PAGE_WARNINGS)
                    records.append({"fixture": name, "mutant": label, "other_counts": other, **result})
                shown = ", ".join(f"{k} {v}" for k, v in sorted(outcomes.items()))
                print(f"{name:32} {sum(outcomes.values()):7} {shown:40} {changed:12} {warned:6} {paged:5}")
                totals.update(outcomes)
                totals.update({"changed": changed, "warned": warned, "paged": paged})
    finally:
        work.stop()
    changed, warned, paged = totals.pop("changed", 0), totals.pop("warned", 0), totals.pop("paged", 0)
    shown = ", ".join(f"{k} {v}" for k, v in sorted(totals.items()))
    print(f"{'all':32} {sum(totals.values()):7} {shown:40} {changed:12} {warned:6} {paged:5}")
    exit0 = totals.get("exit 0", 0)
    print(
        f"\n{exit0} mutants exit 0; {changed} of them give other measure or proposal counts than the "
        f"original: {warned} with a warning ({paged} naming damaged or textless pages), "
        f"{changed - warned} with none."
    )
    slowest = max((float(r.get("seconds", 0) or 0) for r in records), default=0.0)
    print(f"slowest mutant: {slowest:.2f} s of CPU")
    if args.json:
        args.json.write_text(json.dumps(records, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
