"""Shaded areas from pdfplumber's shapes, built by hand as pdfplumber reports them: filled rectangles
(`rects`) and filled paths of lines and Bézier curves (`curves`, whose `pts` are the ends of their
segments)."""

from __future__ import annotations

import math

import pytest

from plancompare.extract.shades import filled_boxes

PALE = (0.9, 0.93, 0.96)


def _shape(kind: str, pts: list[tuple[float, float]], fill: bool = True, color: object = PALE) -> dict:
    xs, tops = [x for x, _ in pts], [top for _, top in pts]
    return {
        "object_type": kind,
        "x0": min(xs),
        "x1": max(xs),
        "top": min(tops),
        "bottom": max(tops),
        "pts": pts,
        "fill": fill,
        "non_stroking_color": color,
    }


def _rounded(x0: float, top: float, x1: float, bottom: float, r: float, corners: str = "1111") -> list:
    """The ends of a rounded rectangle's segments, clockwise from its top left; `corners` says which
    of top left, top right, bottom right, bottom left are rounded (radius `r`)."""
    tl, tr, br, bl = (r if c == "1" else 0.0 for c in corners)
    pts = [(x0 + tl, top), (x1 - tr, top), (x1, top + tr), (x1, bottom - br), (x1 - br, bottom)]
    pts += [(x0 + bl, bottom), (x0, bottom - bl), (x0, top + tl), (x0 + tl, top)]
    return pts


def _disc(x: float, top: float, r: float) -> list:
    """A disc drawn with four Bézier curves: the ends of its segments are its four extreme points."""
    return [
        (x + r * math.cos(a), top + r - r * math.sin(a)) for a in (0, math.pi / 2, math.pi, 1.5 * math.pi, 0)
    ]


def test_a_filled_rectangle_is_a_shaded_area() -> None:
    rect = _shape("rect", [(60, 100), (300, 100), (300, 160), (60, 160)])
    assert filled_boxes([rect], []) == [(60, 300, 100, 160)]


@pytest.mark.parametrize("corners", ["1111", "1010", "0001"])
def test_a_filled_rounded_rectangle_drawn_as_a_curve_is_a_shaded_area(corners: str) -> None:
    """All four corners rounded, two opposite ones, or one: a box like a rectangle."""
    curve = _shape("curve", _rounded(60, 100, 300, 140, 8, corners))
    assert filled_boxes([], [curve]) == [(60, 300, 100, 140)]


@pytest.mark.parametrize(
    "pts",
    [
        _disc(200, 100, 30),  # a disc (a round badge)
        [(60, 100), (300, 100), (180, 160), (60, 100)],  # a triangle
        [(60, 120), (250, 120), (250, 100), (300, 140), (250, 180), (250, 160), (60, 160)],  # an arrow
        [(60, 100), (300, 100)],  # a line
    ],
)
def test_a_filled_curve_of_another_shape_is_no_shaded_area(pts: list) -> None:
    assert filled_boxes([], [_shape("curve", pts)]) == []


@pytest.mark.parametrize(
    ("fill", "color"), [(False, PALE), (True, (1, 1, 1)), (True, (0, 0, 0, 0)), (True, 1)]
)
def test_an_outline_or_a_white_fill_is_no_shaded_area(fill: bool, color: object) -> None:
    pts = _rounded(60, 100, 300, 140, 8)
    assert filled_boxes([_shape("rect", pts, fill, color)], [_shape("curve", pts, fill, color)]) == []
