"""Large neighbourhood search and its day reordering: cheaper, within the rules, repeatable."""

from __future__ import annotations

import time

from bench.schedule_feature import feature_problem
from tools.schedule import (
    CastMember,
    ScheduleCosts,
    ScheduleOptions,
    ScheduleProblem,
    Strip,
    optimize,
)
from tools.schedule.baseline import heuristic_starts
from tools.schedule.costing import cost_of, occupancy
from tools.schedule.crew_rest import crew_breaks
from tools.schedule.dayorder import reorder_days
from tools.schedule.lns import improve
from tools.schedule.model import ShootDay
from tools.schedule.prepare import prepare


def _days(cast_by_day: list[tuple[str, list[str]]], **options) -> ScheduleProblem:
    """One full-day scene per day: (lighting, cast)."""
    strips = [
        Strip(id=str(d + 1), main_location="HOUSE", eighths=32, lighting=light, cast=cast)
        for d, (light, cast) in enumerate(cast_by_day)
    ]
    names = sorted({n for _, cast in cast_by_day for n in cast})
    return ScheduleProblem(
        strips=strips,
        cast=[CastMember(name=n, day_rate=1_000) for n in names],
        costs=ScheduleCosts(crew_day=100),
        options=ScheduleOptions(capacity_eighths=32, **options),
    )


def test_reordering_the_days_gathers_each_actors_work() -> None:
    problem = _days([("DAY", ["ANA"]), ("DAY", ["BEN"]), ("DAY", ["ANA"]), ("DAY", ["BEN"])])
    prep = prepare(problem, horizon=4)
    starts = [0, 1, 2, 3]
    assert cost_of(prep, starts).cast_hold == 2_000
    better = reorder_days(prep, starts, deadline=time.perf_counter() + 10)
    assert cost_of(prep, better).cast_hold == 0
    assert sorted(better) == [0, 1, 2, 3]


def test_reordering_keeps_turnaround_pins_and_closes_gaps() -> None:
    # ANA's night then her day scene back to back would save a hold; the rule forbids it.
    problem = _days(
        [("NIGHT", ["ANA"]), ("DAY", ["BEN"]), ("DAY", ["ANA"]), ("DAY", ["BEN"])],
        pinned={"2": 0},
    )
    prep = prepare(problem, horizon=6)
    starts = [1, 0, 4, 2]  # day 3 is empty
    out = reorder_days(prep, starts, deadline=time.perf_counter() + 10)
    days = occupancy(prep, out)
    assert all(days) and len(days) == 4
    assert out[1] == 0  # the pinned scene stays on day 1
    for d in range(3):
        assert not prep.turnaround_breaks(days[d], days[d + 1])
    assert crew_breaks(prep, days) == []  # the night ends the board
    assert cost_of(prep, out).total <= cost_of(prep, starts).total


def test_lns_is_repeatable_and_never_dearer() -> None:
    problem = feature_problem(scenes=70, day_rules=True)
    prep = prepare(problem, horizon=40)
    start = heuristic_starts(prep)
    runs = [improve(prep, start, deadline=time.perf_counter() + 120, budget=4.5) for _ in range(2)]
    assert runs[0] == runs[1]
    assert cost_of(prep, runs[0]).total < cost_of(prep, start).total
    assert all(occupancy(prep, runs[0]))
    assert crew_breaks(prep, occupancy(prep, runs[0])) == []


def _strips(problem: ScheduleProblem, day: ShootDay) -> list[Strip]:
    by_id = {s.id: s for s in problem.strips}
    return [by_id[sid] for sid in day.strips]


def test_a_feature_scale_replan_repairs_only_what_the_change_broke() -> None:
    problem = feature_problem(scenes=70, day_rules=True, time_limit_s=8.0)
    first = optimize(problem)
    # The actor becomes unavailable on three days they work on the first board (not the
    # frozen one), so the change breaks something whichever board came first.
    works = [d.index for d in first.days if any("ACTOR00" in s.cast for s in _strips(problem, d))]
    away = set([d for d in works if d != 5][:3])
    cast = [
        c.model_copy(update={"unavailable_days": sorted(away)}) if c.name == "ACTOR00" else c
        for c in problem.cast
    ]
    changed = problem.model_copy(update={"cast": cast})
    result = optimize(changed, previous=first, move_cost=3_500.0, frozen_days=[5])
    assert result.status == "feasible" and result.method == "lns"
    by_id = {s.id: s for s in problem.strips}
    for day in result.days:
        assert not (day.index in away and any("ACTOR00" in by_id[s].cast for s in day.strips))
    before = {d.index: d.strips for d in first.days}
    assert next(d for d in result.days if d.index == 5).strips == before[5]
    touched = [
        s for d in first.days if d.index in away for s in d.strips if "ACTOR00" in by_id[s].cast
    ]
    assert touched and set(touched) <= set(result.moved_strips)
    assert len(result.moved_strips) <= 3 * max(1, len(touched))
    assert result.bound is not None and result.bound <= result.cost.total
