"""The simulation's curves as an SVG image: accuracy of the table against decisions, one line per
order. Written by hand (a few dozen elements): the same curves give the same bytes, with no
plotting library to pin, no font metrics and no date in the file."""

from __future__ import annotations

from xml.sax.saxutils import escape

from plancompare.review.simulate import Curve

WIDTH, HEIGHT = 640, 400
LEFT, RIGHT, TOP, BOTTOM = 56, 150, 24, 44
COLOURS = {"confidence": "#1f77b4", "document": "#ff7f0e", "random": "#2ca02c"}


def svg(curves: list[Curve], title: str = "") -> str:
    """Accuracy (%) against the share of proposals decided (%), with the 90 % and 95 % targets."""
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(share: float) -> float:
        return round(LEFT + share * plot_w, 2)

    def y(acc: float) -> float:
        return round(TOP + (1 - acc) * plot_h, 2)

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" font-family="sans-serif" font-size="11">',
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="white"/>',
    ]
    if title:
        out.append(f'<text x="{LEFT}" y="16" font-size="12">{escape(title)}</text>')
    for tick in range(0, 11):
        share = tick / 10
        out.append(f'<line x1="{x(share)}" y1="{y(0)}" x2="{x(share)}" y2="{y(1)}" stroke="#eee"/>')
        out.append(f'<text x="{x(share)}" y="{y(0) + 14}" text-anchor="middle">{tick * 10}</text>')
        out.append(f'<line x1="{x(0)}" y1="{y(share)}" x2="{x(1)}" y2="{y(share)}" stroke="#eee"/>')
        out.append(f'<text x="{x(0) - 6}" y="{y(share) + 4}" text-anchor="end">{tick * 10}</text>')
    for target in (0.9, 0.95):
        out.append(
            f'<line x1="{x(0)}" y1="{y(target)}" x2="{x(1)}" y2="{y(target)}" stroke="#999" '
            'stroke-dasharray="4 3"/>'
        )
    out.append(f'<rect x="{x(0)}" y="{y(1)}" width="{plot_w}" height="{plot_h}" fill="none" stroke="#333"/>')
    out.append(f'<text x="{x(0.5)}" y="{HEIGHT - 8}" text-anchor="middle">proposals decided (%)</text>')
    out.append(
        f'<text x="14" y="{y(0.5)}" text-anchor="middle" transform="rotate(-90 14 {y(0.5)})">'
        "table accuracy (%)</text>"
    )
    for i, curve in enumerate(curves):
        colour = COLOURS.get(curve.order, "#000")
        total = curve.total or 1
        points = " ".join(f"{x(s.decided / total)},{y(s.accuracy)}" for s in curve.steps)
        out.append(f'<polyline fill="none" stroke="{colour}" stroke-width="2" points="{points}"/>')
        ly = TOP + 14 + 18 * i
        out.append(
            f'<line x1="{WIDTH - RIGHT + 12}" y1="{ly}" x2="{WIDTH - RIGHT + 36}" y2="{ly}" '
            f'stroke="{colour}" stroke-width="2"/>'
        )
        out.append(f'<text x="{WIDTH - RIGHT + 42}" y="{ly + 4}">{escape(curve.order)}</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"
