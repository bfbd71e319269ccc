"""The progress pictures as small inline SVG for the review page, which runs no script
(its Content-Security-Policy forbids it), so Plotly cannot draw there. Every value drawn is
a number from the session's cost report; the only text is fixed labels and escaped figures.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape
from typing import Any

__all__ = ["cost_svg", "pages_svg"]

_W, _H, _PAD = 320, 120, 18


def _frame(title: str, body: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_W}" height="{_H}" role="img" '
        f'aria-label="{escape(title)}"><title>{escape(title)}</title>'
        f'<rect width="{_W}" height="{_H}" fill="#fff" stroke="#ccc"/>{body}'
        f'<text x="{_PAD}" y="13" font-size="11">{escape(title)}</text></svg>'
    )


def _x(i: int, n: int) -> float:
    return _PAD + (_W - 2 * _PAD) * (i + 0.5) / max(n, 1)


def _y(value: float, top: float) -> float:
    return _H - _PAD - (_H - 2 * _PAD - 6) * (value / top if top else 0)


def pages_svg(chart: Mapping[str, Any]) -> str:
    """Planned (grey) against shot (blue) and re-planned (orange) pages per day."""
    planned = list(chart["planned_pages"])
    shot = list(chart["actual_pages"])
    ahead = list(chart["forecast_pages"])
    n = max(len(planned), len(ahead))
    top = max([*planned, *ahead, *shot, 1.0])
    width = (_W - 2 * _PAD) / max(n, 1) / 3
    bars = []
    for i in range(n):
        values = [
            (planned[i] if i < len(planned) else 0.0, "#bab0ac"),
            (
                shot[i] if i < len(shot) else ahead[i] if i < len(ahead) else 0.0,
                "#4e79a7" if i < len(shot) else "#f28e2b",
            ),
        ]
        for j, (value, colour) in enumerate(values):
            x, y = _x(i, n) - width + j * width, _y(value, top)
            bars.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{width:.1f}" '
                f'height="{_H - _PAD - y:.1f}" fill="{colour}"/>'
            )
    return _frame("Pages per day: planned, shot, re-planned", "".join(bars))


def _line(values: Sequence[float], n: int, top: float, colour: str, dash: str = "") -> str:
    points = " ".join(f"{_x(i, n):.1f},{_y(v, top):.1f}" for i, v in enumerate(values))
    style = f' stroke-dasharray="{dash}"' if dash else ""
    return f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2"{style}/>'


def cost_svg(chart: Mapping[str, Any]) -> str:
    """Cumulative approved cost (grey), actual then forecast (blue), the budget (dotted)."""
    approved = list(chart["approved_cumulative"])
    forecast = list(chart["forecast_cumulative"])
    budget = float(chart["approved"])
    n = max(len(approved), len(forecast))
    top = max([*approved, *forecast, budget, 1.0])
    y = _y(budget, top)
    body = (
        _line(approved, n, top, "#bab0ac")
        + _line(forecast, n, top, "#4e79a7")
        + f'<line x1="{_PAD}" x2="{_W - _PAD}" y1="{y:.1f}" y2="{y:.1f}" stroke="#e15759" '
        'stroke-dasharray="2 3"/>'
    )
    return _frame(f"Cost against the approved {budget:,.0f}", body)
