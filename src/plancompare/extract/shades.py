"""Filled shapes a box of text can be set on (boxes.py): pdfplumber's filled rectangles, and its
filled curves shaped as rectangles. A rounded rectangle is drawn as a path of lines and Bézier
curves, which pdfplumber reports among the page's `curves`, not its `rects`; it is the same box."""

from __future__ import annotations

Box = tuple[float, float, float, float]  # x0, x1, top, bottom

# The share of its bounding box a curve's outline (its points joined by straight lines) must enclose
# to be a rectangle: a rounded corner cuts off only a small triangle, while a disc or an oval gives a
# diamond (half its box), and an arrow, a star or a logo's shape much less than the whole.
_RECTANGULAR = 0.85


def filled_boxes(rects: list[dict], curves: list[dict]) -> list[Box]:
    """The bounding boxes of the filled rectangles and rectangular curves, in a colour other than white
    (a white one is the page's own ground), in the page's coordinates."""
    shapes = [*rects, *(curve for curve in curves if _rectangular(curve))]
    return [
        (shape["x0"], shape["x1"], shape["top"], shape["bottom"])
        for shape in shapes
        if shape.get("fill") and not _white(shape.get("non_stroking_color"))
    ]


def _rectangular(curve: dict) -> bool:
    """A curve whose outline fills nearly all its bounding box: a rectangle, rounded or not."""
    points = curve.get("pts") or []
    box_area = (curve["x1"] - curve["x0"]) * (curve["bottom"] - curve["top"])
    if len(points) < 4 or box_area <= 0:
        return False
    # The shoelace formula over the path's points (the ends of its segments, not its control points).
    ends = [*points[1:], points[0]]
    twice = sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(points, ends, strict=True))
    return abs(twice) / 2 >= _RECTANGULAR * box_area


def _white(color: object) -> bool:
    """A fill colour that is white: gray or RGB components all 1, or CMYK all 0."""
    values = color if isinstance(color, (tuple, list)) else (color,)
    if not values or not all(isinstance(v, (int, float)) for v in values):
        return False
    return all(v == 0 for v in values) if len(values) == 4 else all(v == 1 for v in values)
