"""Turnaround is a rule: cast who work a night are not called for a day scene the next day."""

from __future__ import annotations

import pytest

from tools import schedule
from tools.schedule import CastMember, ScheduleCosts, ScheduleOptions, ScheduleProblem, Strip


def _problem(*, turnaround: bool = True, pinned: dict[str, int] | None = None) -> ScheduleProblem:
    """Two days' work for MAYA: a night and a day scene; a day scene fills each day."""
    strips = [
        Strip(id="1", main_location="PIER", lighting="NIGHT", eighths=24, cast=["MAYA"]),
        Strip(id="2", main_location="PIER", lighting="DAY", eighths=24, cast=["MAYA"]),
        Strip(id="3", main_location="PIER", lighting="DAY", eighths=24, cast=["JO"]),
    ]
    return ScheduleProblem(
        strips=strips,
        cast=[CastMember(name="MAYA", day_rate=5_000), CastMember(name="JO", day_rate=100)],
        costs=ScheduleCosts(crew_day=1_000, soft_penalties={"turnaround": 10.0}),
        options=ScheduleOptions(
            capacity_eighths=32, turnaround=turnaround, pinned=pinned or {}, time_limit_s=5
        ),
    )


def _day(result: schedule.ScheduleResult, sid: str) -> int:
    return next(day.index for day in result.days if sid in day.strips)


def test_the_optimizer_keeps_turnaround_even_when_breaking_it_is_cheaper() -> None:
    # Night then day back to back would save MAYA a hold day (5,000); the rule forbids it.
    result = schedule.optimize(_problem())
    assert result.status == "optimal"
    assert _day(result, "2") != _day(result, "1") + 1
    # The cheapest board that keeps it: MAYA's day scene first, her night the day after.
    assert _day(result, "1") == _day(result, "2") + 1
    assert result.cost.penalties.get("turnaround", 0.0) == 0.0


def test_lifting_the_rule_prices_the_break_as_a_soft_penalty() -> None:
    result = schedule.optimize(_problem(turnaround=False))
    assert result.status == "optimal"
    # A 10 penalty is cheaper than MAYA's hold day: now the board breaks it, and pays for it.
    assert abs(_day(result, "2") - _day(result, "1")) == 1
    assert result.cost.penalties.get("turnaround", 0.0) in (0.0, 10.0)
    assert result.cost.total <= schedule.optimize(_problem()).cost.total


@pytest.mark.parametrize("make", [schedule.sorted_board, schedule.baseline])
def test_both_baselines_keep_turnaround(make) -> None:
    problem = _problem()
    # Script order puts the night first: the day scene must not follow it the next morning.
    result = make(problem)
    assert _day(result, "2") != _day(result, "1") + 1
    assert sorted(sid for day in result.days for sid in day.strips) == ["1", "2", "3"]
    assert all(day.strips for day in result.days)


def test_pins_that_break_turnaround_are_diagnosed() -> None:
    result = schedule.optimize(_problem(pinned={"1": 0, "2": 1}))
    assert result.status == "infeasible"
    assert any("MAYA would work the night of day 1" in line for line in result.diagnosis)
    assert any("turnaround" in line for line in result.diagnosis)
    lifted = schedule.optimize(_problem(turnaround=False, pinned={"1": 0, "2": 1}))
    assert lifted.status == "optimal" and lifted.cost.penalties["turnaround"] == 10.0
