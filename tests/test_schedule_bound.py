"""The relaxation's bound: never above any board's cost, and hold-aware where holds are forced."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tools import schedule
from tools.schedule import CastMember, ScheduleCosts, ScheduleOptions, ScheduleProblem, Strip
from tools.schedule.prepare import prepare
from tools.schedule.relax import relaxation_bound
from tools.schedule.relax_cast import cast_bound, work_days

CAST = ["ANA", "BEN", "CY", "DEE"]


@st.composite
def problems(draw: st.DrawFn) -> ScheduleProblem:
    n = draw(st.integers(min_value=2, max_value=9))
    strips = [
        Strip(
            id=str(i + 1),
            main_location=draw(st.sampled_from(["HOUSE", "DINER", "PIER"])),
            set=draw(st.sampled_from(["A", "B"])),
            lighting=draw(st.sampled_from(["DAY", "DAY", "NIGHT"])),
            eighths=draw(st.integers(min_value=2, max_value=24)),
            cast=draw(st.lists(st.sampled_from(CAST), min_size=1, max_size=3, unique=True)),
        )
        for i in range(n)
    ]
    rules = draw(st.booleans())
    options = ScheduleOptions(
        capacity_eighths=32,
        day_minutes=720.0 if rules else None,
        company_move_minutes=75.0 if rules else 0.0,
        set_move_minutes=15.0 if rules else 0.0,
        max_company_moves=draw(st.sampled_from([0, 1, 2])) if rules else None,
        drop_min_gap=draw(st.sampled_from([None, None, 2])),
        allow_split_days=draw(st.booleans()),
        turnaround=draw(st.booleans()),
        time_limit_s=2.0,
        workers=1,
    )
    costs = ScheduleCosts(
        crew_day=draw(st.sampled_from([500.0, 5_000.0])),
        company_move=1_000,
        set_move=100,
        night_premium_day=700,
        default_location_setup=draw(st.sampled_from([0.0, 300.0])),
        cast_pay=draw(st.sampled_from(["span", "span", "worked"])),
    )
    cast = [CastMember(name=name, day_rate=draw(st.integers(0, 3_000))) for name in CAST]
    return ScheduleProblem(strips=strips, cast=cast, costs=costs, options=options)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problems())
def test_the_bound_is_never_above_a_board(problem: ScheduleProblem) -> None:
    """Every board that keeps the rules costs at least the bound: the optimizer's (often proven
    optimal) and the sorted board (script order mixes day and night: it is not such a board)."""
    result = schedule.optimize(problem)
    if result.status == "infeasible":
        return
    for board in (result, schedule.sorted_board(problem)):
        prep = prepare(problem, horizon=max(1, len(board.days)))
        assert relaxation_bound(prep) <= board.cost.total + 1e-6
    assert result.bound is not None and result.bound <= result.cost.total + 1e-6


def _triangle(drop: int | None = None) -> ScheduleProblem:
    """Three one-day scenes, each with two of three actors: whatever the order, one actor
    waits a day between their two scenes (the smallest forced hold)."""
    pairs = [["ANA", "BEN"], ["ANA", "CY"], ["BEN", "CY"]]
    strips = [
        Strip(id=str(i + 1), main_location="HOUSE", eighths=32, cast=c) for i, c in enumerate(pairs)
    ]
    return ScheduleProblem(
        strips=strips,
        cast=[CastMember(name=name, day_rate=1_000) for name in ["ANA", "BEN", "CY"]],
        costs=ScheduleCosts(crew_day=100),
        options=ScheduleOptions(day_minutes=720, company_move_minutes=75, drop_min_gap=drop),
    )


def test_a_forced_hold_is_in_the_bound_and_the_bound_is_then_tight() -> None:
    problem = _triangle()
    prep = prepare(problem, horizon=3)
    assert [work_days(prep, a) for a in range(3)] == [2, 2, 2]
    # Work days alone would give 6,000; the talent relaxation finds the seventh (a hold).
    assert cast_bound(prep, deadline=float("inf")) == 7_000
    result = schedule.optimize(problem)
    assert result.status == "optimal" and result.cost.total == 7_300
    assert relaxation_bound(prep) == 7_300 and result.gap == 0.0


def test_with_drops_only_work_days_are_counted() -> None:
    # A one-day gap may be a drop when the rule's minimum is 1 day: the hold is not forced.
    prep = prepare(_triangle(drop=1), horizon=3)
    assert cast_bound(prep, deadline=float("inf")) == 6_000


def test_sites_raise_the_work_days() -> None:
    """Four short scenes at four sites: one move a day, so at least two work days."""
    strips = [
        Strip(id=str(i), main_location=f"SITE {i}", eighths=2, cast=["ANA"]) for i in range(4)
    ]
    problem = ScheduleProblem(
        strips=strips,
        cast=[CastMember(name="ANA", day_rate=1_000)],
        options=ScheduleOptions(day_minutes=720, company_move_minutes=75, max_company_moves=1),
    )
    prep = prepare(problem, horizon=4)
    assert work_days(prep, 0) == 2
    assert len(schedule.optimize(problem).days) == 2
