"""Stripboard and budget figures from plain records."""

from __future__ import annotations

import pytest

from greenlight.chat.charts import budget_figure, stripboard_figure
from tools.schedule.model import ShootDay, Strip

STRIPS = [
    Strip(id="1", main_location="HOUSE", location="HOUSE - KITCHEN", lighting="DAY", eighths=8),
    Strip(id="2", main_location="HOUSE", lighting="NIGHT", eighths=4),
    Strip(id="3", main_location="STREET", lighting="DAY", eighths=12),
    Strip(id="4", main_location="STREET", lighting="NIGHT", eighths=2),
]
DAYS = [ShootDay(index=0, strips=["1", "3"]), ShootDay(index=1, strips=["2", "4"])]


def _bars(fig) -> dict[str, list[tuple[int, float]]]:
    return {trace.name: list(zip(trace.x, trace.y, strict=True)) for trace in fig.data}


def test_stripboard_by_lighting_stacks_pages_per_day() -> None:
    bars = _bars(stripboard_figure(DAYS, STRIPS))
    assert bars == {"DAY": [(1, 1.0), (1, 1.5)], "NIGHT": [(2, 0.5), (2, 0.25)]}


def test_stripboard_by_location() -> None:
    fig = stripboard_figure(DAYS, STRIPS, colour_by="location")
    bars = _bars(fig)
    assert bars == {"HOUSE": [(1, 1.0), (2, 0.5)], "STREET": [(1, 1.5), (2, 0.25)]}
    assert fig.layout.barmode == "stack"
    assert [list(c) for c in fig.data[0].customdata] == [["1", "HOUSE - KITCHEN"], ["2", "HOUSE"]]


@pytest.mark.parametrize(
    ("days", "kwargs", "message"),
    [
        ([ShootDay(index=0, strips=["9"])], {}, "unknown strip '9'"),
        (DAYS, {"colour_by": "cast"}, "colour_by"),
    ],
)
def test_stripboard_refuses_bad_input(days, kwargs, message) -> None:
    with pytest.raises(ValueError, match=message):
        stripboard_figure(days, STRIPS, **kwargs)


def test_budget_figure_orders_accounts() -> None:
    fig = budget_figure([("Cast", 300.0), ("Crew", 900.0), ("Locations", 50.0)], currency="EUR")
    (bar,) = fig.data
    assert list(bar.y) == ["Locations", "Cast", "Crew"]
    assert list(bar.x) == [50.0, 300.0, 900.0]
    assert "EUR" in fig.layout.title.text


@pytest.mark.parametrize(("accounts", "message"), [([], "empty"), ([("Cast", -1.0)], "negative")])
def test_budget_figure_refuses_bad_input(accounts, message) -> None:
    with pytest.raises(ValueError, match=message):
        budget_figure(accounts, currency="USD")
