"""Property test: every hard rule holds on randomized problems the optimizer solves."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tools.schedule import CastMember, ScheduleOptions, ScheduleProblem, Strip, optimize


@st.composite
def problems(draw):
    n = draw(st.integers(2, 7))
    strips = [
        Strip(
            id=f"S{i}",
            eighths=draw(st.integers(1, 16)),
            main_location=draw(st.sampled_from(["A", "B", "C"])),
            lighting=draw(st.sampled_from(["DAY", "NIGHT"])),
            cast=draw(st.lists(st.sampled_from(["MAYA", "JO", "AL"]), max_size=2, unique=True)),
        )
        for i in range(n)
    ]
    cast = [
        CastMember(
            name=name,
            day_rate=draw(st.integers(0, 900)),
            unavailable_days=draw(st.lists(st.integers(0, 5), max_size=2)),
        )
        for name in ["MAYA", "JO", "AL"]
    ]
    ids = [s.id for s in strips]
    pinned = {ids[0]: draw(st.integers(0, 3))} if draw(st.booleans()) else {}
    precedences = [(ids[-1], ids[-2])] if draw(st.booleans()) else []
    options = ScheduleOptions(
        capacity_eighths=draw(st.integers(16, 32)),
        max_days=draw(st.integers(3, 8)),
        pinned=pinned,
        precedences=precedences,
        allow_split_days=draw(st.booleans()),
        max_scenes_per_day=draw(st.sampled_from([None, 2, 3])),
        time_limit_s=2,
    )
    return ScheduleProblem(strips=strips, cast=cast, options=options)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problems())
def test_hard_rules_hold(problem):
    result = optimize(problem)
    if result.status == "infeasible":
        assert result.diagnosis
        return
    assert result.status in ("optimal", "feasible")
    options = problem.options
    strips = {s.id: s for s in problem.strips}
    day_of = {sid: day.index for day in result.days for sid in day.strips}
    assert sorted(day_of) == sorted(strips)
    assert len(result.days) <= options.max_days
    away = {c.name: set(c.unavailable_days) for c in problem.cast}
    for day in result.days:
        assert sum(strips[s].eighths for s in day.strips) <= options.capacity_eighths
        if options.max_scenes_per_day:
            assert len(day.strips) <= options.max_scenes_per_day
        if not options.allow_split_days:
            assert len({strips[s].lighting for s in day.strips}) <= 1
        for sid in day.strips:
            assert not any(day.index in away[name] for name in strips[sid].cast)
    for sid, day in options.pinned.items():
        assert day_of[sid] == day
    for day, after in zip(result.days, result.days[1:], strict=False):
        night = {a for s in day.strips if strips[s].lighting == "NIGHT" for a in strips[s].cast}
        morning = {a for s in after.strips if strips[s].lighting == "DAY" for a in strips[s].cast}
        assert not night & morning
    for first, then in options.precedences:
        assert day_of[first] <= day_of[then]
