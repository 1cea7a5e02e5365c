"""The package's shape (README, « How it works »): stages import only from the stages above them,
no import circle, small modules and functions. A change that breaks the layering fails here."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "plancompare"

# Lower rank = earlier in the pipeline; a module may import modules of its own rank or lower.
RANKS = {
    "models": 0,
    "errors": 0,
    "files": 0,
    "config": 0,
    "serialise": 0,
    "text": 0,
    "extract": 1,
    "match": 2,
    "judge": 3,
    "report": 4,
    "corpus": 5,
    "check": 4,
    "workflow": 6,
    "review": 6,
    "cli": 7,
}
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60


def _modules() -> dict[str, Path]:
    return {
        ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts).removesuffix(".__init__"): path
        for path in sorted(PACKAGE.rglob("*.py"))
    }


def _stage(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("plancompare"):
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("plancompare")}
    return found


def test_every_module_belongs_to_a_stage() -> None:
    unknown = {_stage(m) for m in _modules()} - set(RANKS) - {"__init__"}
    assert not unknown, f"add these to RANKS (and to README's « How it works »): {sorted(unknown)}"


def test_no_stage_imports_a_later_one() -> None:
    wrong = []
    for module, path in _modules().items():
        stage = _stage(module)
        if stage == "__init__":
            continue
        for imported in _imports(path):
            other = _stage(imported)
            if other != "__init__" and RANKS[other] > RANKS[stage]:
                wrong.append(f"{module} imports {imported}")
    assert not wrong, wrong


def test_no_import_circle() -> None:
    modules = _modules()
    graph = {m: {i for i in _imports(p) if i in modules and i != m} for m, p in modules.items()}
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                pytest.fail("import circle: " + " → ".join([*trail[trail.index(nxt) :], nxt]))
            if nxt not in state:
                visit(nxt, [*trail, nxt])
        state[node] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])


def test_modules_and_functions_are_small() -> None:
    long_modules = []
    long_functions = []
    for module, path in _modules().items():
        text = path.read_text(encoding="utf-8")
        if text.count("\n") > MAX_MODULE_LINES:
            long_modules.append(f"{module}: {text.count(chr(10))} lines")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    long_functions.append(f"{module}.{node.name}: {length} lines")
    assert not long_modules and not long_functions, long_modules + long_functions


def _private(name: str) -> bool:
    return name.startswith("_") and not name.endswith("__")


def test_no_private_name_is_imported_across_modules() -> None:
    wrong = []
    for module, path in _modules().items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("plancompare"):
                wrong += [f"{module}: {a.name} from {node.module}" for a in node.names if _private(a.name)]
    assert not wrong, wrong
