"""Plotly figures the chat shows: the stripboard and the budget by account.

Builders take the planner's plain records and return a `plotly.graph_objects.Figure`; they
never read files or URLs. Text in hover labels is data, rendered by Plotly as text.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Literal

import plotly.graph_objects as go

from tools.schedule.model import ShootDay, Strip

__all__ = ["budget_figure", "stripboard_figure"]

_LIGHTING_COLOURS = {"DAY": "#f2c14e", "NIGHT": "#2d3a6b"}
_PALETTE = (
    "#4e79a7",
    "#f28e2b",
    "#e15759",
    "#76b7b2",
    "#59a14f",
    "#edc948",
    "#b07aa1",
    "#ff9da7",
    "#9c755f",
    "#bab0ac",
)


def _segments(days: Sequence[ShootDay], strips: Iterable[Strip]) -> list[tuple[int, Strip]]:
    by_id = {strip.id: strip for strip in strips}
    out = []
    for day in days:
        for strip_id in day.strips:
            if strip_id not in by_id:
                raise ValueError(f"day {day.index + 1} lists unknown strip {strip_id!r}")
            out.append((day.index + 1, by_id[strip_id]))
    return out


def stripboard_figure(
    days: Sequence[ShootDay],
    strips: Iterable[Strip],
    *,
    colour_by: Literal["lighting", "location"] = "lighting",
) -> go.Figure:
    """Days across, scenes stacked by page length, coloured by day/night or location."""
    if colour_by not in ("lighting", "location"):
        raise ValueError(f"colour_by must be 'lighting' or 'location', got {colour_by!r}")
    groups: dict[str, list[tuple[int, Strip]]] = {}
    for day_no, strip in _segments(days, strips):
        key = strip.lighting if colour_by == "lighting" else (strip.main_location or "?")
        groups.setdefault(key, []).append((day_no, strip))
    fig = go.Figure()
    for i, (key, items) in enumerate(sorted(groups.items())):
        colour = _LIGHTING_COLOURS.get(key) if colour_by == "lighting" else None
        fig.add_bar(
            name=key,
            x=[day_no for day_no, _ in items],
            y=[strip.eighths / 8 for _, strip in items],
            customdata=[[strip.id, strip.location or strip.main_location] for _, strip in items],
            hovertemplate="Day %{x}<br>Scene %{customdata[0]}<br>%{customdata[1]}"
            "<br>%{y:.2f} pages<extra></extra>",
            marker_color=colour or _PALETTE[i % len(_PALETTE)],
            marker_line={"color": "white", "width": 1},
        )
    fig.update_layout(
        barmode="stack",
        title="Stripboard: pages per shoot day",
        xaxis={"title": "Shoot day", "dtick": 1},
        yaxis={"title": "Pages"},
        legend={"title": "Day/night" if colour_by == "lighting" else "Location"},
        margin={"l": 40, "r": 10, "t": 40, "b": 40},
    )
    return fig


def budget_figure(accounts: Sequence[tuple[str, float]], *, currency: str) -> go.Figure:
    """One horizontal bar per budget account, largest at the top."""
    if not accounts:
        raise ValueError("accounts is empty: nothing to chart")
    for name, amount in accounts:
        if amount < 0:
            raise ValueError(f"account {name!r} has a negative amount {amount}")
    ordered = sorted(accounts, key=lambda item: item[1])
    fig = go.Figure(
        go.Bar(
            x=[amount for _, amount in ordered],
            y=[name for name, _ in ordered],
            orientation="h",
            marker_color=_PALETTE[0],
            hovertemplate="%{y}: %{x:,.0f} " + currency + "<extra></extra>",
        )
    )
    fig.update_layout(
        title=f"Budget by account ({currency})",
        xaxis={"title": currency, "tickformat": ",.0f"},
        margin={"l": 10, "r": 10, "t": 40, "b": 40},
    )
    return fig
