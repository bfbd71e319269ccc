"""The progress pictures: pages per day and cumulative cost, from a progress turn's facts."""

from __future__ import annotations

from greenlight.chat.outputs import Chart, Table
from greenlight.chat.results import turn_items

CHART = {
    "currency": "USD",
    "planned_pages": [4.0, 4.0, 4.0],
    "actual_pages": [3.0],
    "forecast_pages": [3.0, 4.0, 4.0, 1.0],
    "approved_cumulative": [1000.0, 1500.0, 2000.0],
    "forecast_cumulative": [1190.0, 1790.0, 2390.0, 2500.0],
    "approved": 2000.0,
}


def test_a_progress_turn_shows_pages_and_cost_charts_and_the_moves() -> None:
    facts = {
        "kind": "progress",
        "progress": {"chart": CHART},
        "moved": [{"scene": "4 (rest)", "old_day": None, "new_day": 1}],
    }
    items = turn_items(facts, {"schedule": {"days": [{"index": 0}]}}, version=2)
    charts = [item for item in items if isinstance(item, Chart)]
    assert [c.name for c in charts] == ["Pages per day", "Cost against budget"]
    pages = {trace.name: list(trace.y) for trace in charts[0].figure.data}
    assert pages == {"Planned": [4.0, 4.0, 4.0], "Shot": [3.0], "Re-planned": [4.0, 4.0, 1.0]}
    assert list(charts[0].figure.data[2].x) == [2, 3, 4]
    cost = {trace.name: list(trace.y) for trace in charts[1].figure.data}
    assert cost["Actual"] == [1190.0]
    assert cost["Forecast"] == [1190.0, 1790.0, 2390.0, 2500.0]
    assert charts[1].figure.layout.shapes[0].y0 == 2000.0
    table = next(item for item in items if isinstance(item, Table))
    assert table.frame.to_dict("records")[0]["new_day"] == 2


def test_a_failed_progress_turn_shows_nothing() -> None:
    facts = {"kind": "progress", "failed": True, "notices": ["bad"]}
    assert turn_items(facts, {"schedule": {"days": [{"index": 0}]}}, version=2) == []
