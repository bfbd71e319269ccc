"""The shoot's two pictures: planned against actual pages per day, and cumulative cost
against the approved budget. Built from the chart record a progress turn carries
(`graph.nodes.progress`), never from the model's words."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from greenlight.chat.outputs import Chart, Item, Table

__all__ = ["cost_figure", "pages_figure", "progress_items"]


def _days(values: list[float]) -> list[int]:
    return list(range(1, len(values) + 1))


def pages_figure(chart: Mapping[str, Any]) -> go.Figure:
    """Bars of pages per day: the approved plan, the days as shot, the re-plan of the rest."""
    planned, actual = list(chart["planned_pages"]), list(chart["actual_pages"])
    ahead = list(chart["forecast_pages"])[len(actual) :]
    fig = go.Figure()
    fig.add_bar(name="Planned", x=_days(planned), y=planned, marker_color="#bab0ac")
    fig.add_bar(name="Shot", x=_days(actual), y=actual, marker_color="#4e79a7")
    fig.add_bar(
        name="Re-planned",
        x=[len(actual) + d for d in _days(ahead)],
        y=ahead,
        marker_color="#f28e2b",
    )
    fig.update_layout(
        barmode="group",
        title="Pages per day: planned against shot",
        xaxis={"title": "Shoot day", "dtick": 1},
        yaxis={"title": "Pages"},
        margin={"l": 40, "r": 10, "t": 40, "b": 40},
    )
    return fig


def cost_figure(chart: Mapping[str, Any]) -> go.Figure:
    """Cumulative cost by day: approved, actual to date then forecast, and the budget line."""
    currency = str(chart["currency"])
    approved, forecast = list(chart["approved_cumulative"]), list(chart["forecast_cumulative"])
    shot = len(chart["actual_pages"])
    fig = go.Figure()
    fig.add_scatter(name="Approved plan", x=_days(approved), y=approved, mode="lines")
    fig.add_scatter(
        name="Actual", x=_days(forecast)[:shot], y=forecast[:shot], mode="lines+markers"
    )
    fig.add_scatter(
        name="Forecast",
        x=_days(forecast)[max(0, shot - 1) :],
        y=forecast[max(0, shot - 1) :],
        mode="lines",
        line={"dash": "dash"},
    )
    fig.add_hline(y=float(chart["approved"]), line_dash="dot", annotation_text="Approved budget")
    fig.update_layout(
        title=f"Cumulative cost against the approved budget ({currency})",
        xaxis={"title": "Shoot day", "dtick": 1},
        yaxis={"title": currency, "tickformat": ",.0f"},
        margin={"l": 40, "r": 10, "t": 40, "b": 40},
    )
    return fig


def progress_items(facts: Mapping[str, Any]) -> list[Item]:
    """The charts (and the strips moved, after a report) of a progress turn."""
    chart = (facts.get("progress") or {}).get("chart")
    if not chart:
        return []
    items: list[Item] = [
        Chart("Pages per day", pages_figure(chart)),
        Chart("Cost against budget", cost_figure(chart)),
    ]
    if facts.get("moved"):
        moved = pd.DataFrame(facts["moved"], columns=["scene", "old_day", "new_day"])
        moved[["old_day", "new_day"]] = moved[["old_day", "new_day"]].map(
            lambda d: None if pd.isna(d) else int(d) + 1
        )
        items.append(Table("Strips moved", moved))
    return items
