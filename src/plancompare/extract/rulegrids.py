"""A page's ruled grids: vertical and horizontal rules that meet make one grid (a table), its
column and row edges; and the page without the rules of tables read apart (sidetables.py,
fieldgrids.py), so that they make none of its columns."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import replace

from plancompare.extract.pagedata import PageData

_TOUCH = 2.0  # points: rules meeting within this distance are one grid
_MERGE = 2.0  # points: rules this close are one edge of the grid


def ruled_grids(page: PageData) -> list[tuple[list[float], list[float]]]:
    """Each ruled grid of two rows and two columns or more: its column edges and row edges."""
    vrules, hrules = page.vrules, page.hrules
    parent = list(range(len(vrules) + len(hrules)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # The horizontal rules a vertical one may meet are looked up by bisection on their heights: a
    # table of a thousand rows has thousands of rules, which meeting all of them would square.
    by_y = sorted((y, j) for j, (y, _, _) in enumerate(hrules))
    ys = [y for y, _ in by_y]
    for i, (x, top, bottom) in enumerate(vrules):
        for _, j in by_y[bisect_left(ys, top - _TOUCH) : bisect_right(ys, bottom + _TOUCH)]:
            if hrules[j][1] - _TOUCH <= x <= hrules[j][2] + _TOUCH:
                parent[find(i)] = find(len(vrules) + j)
    groups: dict[int, tuple[list[float], list[float]]] = {}
    for i, (x, _, _) in enumerate(vrules):
        groups.setdefault(find(i), ([], []))[0].append(x)
    for j, (y, _, _) in enumerate(hrules):
        groups.setdefault(find(len(vrules) + j), ([], []))[1].append(y)
    out = []
    for xs, ys in groups.values():
        edges_x, edges_y = edges(xs), edges(ys)
        if len(edges_x) >= 3 and len(edges_y) >= 3:
            out.append((edges_x, edges_y))
    return out


def edges(values: list[float]) -> list[float]:
    """Values sorted, those within a hair of the one before merged into it."""
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > _MERGE:
            out.append(v)
    return out


def without_rules(page: PageData, boxes: list[tuple[float, float, float, float]]) -> PageData:
    """The page without the rules and shades inside `boxes` (tables read apart): they make none of
    its columns."""

    def inside(x0: float, x1: float, top: float, bottom: float) -> bool:
        return any(
            b[0] - _TOUCH <= x0 and x1 <= b[1] + _TOUCH and b[2] - _TOUCH <= top and bottom <= b[3] + _TOUCH
            for b in boxes
        )

    return replace(
        page,
        vrules=[r for r in page.vrules if not inside(r[0], r[0], r[1], r[2])],
        hrules=[r for r in page.hrules if not inside(r[1], r[2], r[0], r[0])],
        shades=[s for s in page.shades if not inside(*s)],
    )
