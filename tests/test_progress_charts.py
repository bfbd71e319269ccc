"""The progress pictures: pages per day and cumulative cost, from a progress turn's facts."""

from __future__ import annotations

from greenlight.chat.outputs import Chart, Table
from greenlight.chat.progress_svg import cost_svg, pages_svg
from greenlight.chat.results import turn_items
from greenlight.chat.review_page import render_review_page

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


def test_the_review_page_draws_the_pictures_of_sessions_in_production() -> None:
    from store.review import Review, SessionSummary

    sessions = [
        SessionSummary(thread_id="a", title="<b>Shoot</b>", last_activity=""),
        SessionSummary(thread_id="b", title="Planning", last_activity=""),
    ]
    review = Review(sessions=sessions)
    page = render_review_page(review, user="u", sort="activity", search="", charts={"a": CHART})
    assert "Shoot progress" in page and page.count("<svg") == 2
    assert "&lt;b&gt;Shoot&lt;/b&gt;" in page and "<b>Shoot</b>" not in page
    assert "Planning</h3>" not in page
    assert "Shoot progress" not in render_review_page(review, user="u", sort="activity", search="")
    pages = pages_svg(CHART)
    assert pages.count("<rect") == 1 + 2 * 4  # the frame, then two bars a day for four days
    cost = cost_svg(CHART)
    assert cost.count("<polyline") == 2 and "approved 2,000" in cost
