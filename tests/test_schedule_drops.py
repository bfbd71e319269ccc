"""One drop/pick-up per performer (SAG-AFTRA: one break in employment per production).

The longest gap that qualifies is the drop and every other gap is held. These tests check
each place that prices a cast member's calendar against the rule: the DOOD and the cost
(`costing.cast_days`), the days' order search (`dayorder`), the strip search's compiled cost,
the CP-SAT model (brute force over every board), and the rate card.
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tools import schedule
from tools.budget.tiers import cast_tiers
from tools.parsing import read_script
from tools.plan.model import PlanInputs
from tools.plan.problem import build_problem
from tools.ratecard import DEFAULT_RATE_CARD, load_rate_card, parse_rate_card
from tools.schedule import (
    CastMember,
    ScheduleCosts,
    ScheduleOptions,
    ScheduleProblem,
    Strip,
    evaluate,
)
from tools.schedule.costing import cast_days, cost_of
from tools.schedule.dayorder import _hold_costs
from tools.schedule.dood import day_out_of_days
from tools.schedule.prepare import prepare


@pytest.mark.parametrize(
    ("worked", "most", "holds", "drops"),
    [
        # Gaps of 2 (days 1-2) and 3 (days 5-7), both at least the rule's 2 days.
        ([0, 3, 4, 8], None, [], [1, 2, 5, 6, 7]),
        ([0, 3, 4, 8], 1, [1, 2], [5, 6, 7]),
        ([0, 3, 4, 8], 2, [], [1, 2, 5, 6, 7]),
        # Equal gaps: the earlier is the drop.
        ([0, 3, 6], 1, [4, 5], [1, 2]),
        # A one-day gap never qualifies, and takes no drop from a longer one.
        ([0, 2, 6], 1, [1], [3, 4, 5]),
        ([0, 1, 2], 1, [], []),
    ],
)
def test_the_longest_qualifying_gaps_are_the_drops(worked, most, holds, drops) -> None:
    work, held, dropped = cast_days(worked, 2, most)
    assert (work, held, dropped) == (sorted(worked), holds, drops)


def _one_a_day(worked: list[int], n_days: int, *, gap: int, most: int | None) -> ScheduleProblem:
    strips = [
        Strip(id=str(d), main_location="HOUSE", eighths=8, cast=["MAYA"] if d in worked else [])
        for d in range(n_days)
    ]
    return ScheduleProblem(
        strips=strips,
        cast=[CastMember(name="MAYA", day_rate=1_000)],
        options=ScheduleOptions(drop_min_gap=gap, max_drops=most),
    )


def test_the_dood_and_the_cost_hold_every_gap_but_the_drop() -> None:
    problem = _one_a_day([0, 3, 4, 8], 9, gap=2, most=1)
    result = evaluate(problem, [[str(d)] for d in range(9)])
    row = day_out_of_days(problem, result).rows[0]
    assert row.codes == ["SW", "H", "H", "W", "W", "D", "D", "D", "WF"]
    assert (row.work_days, row.hold_days, row.drop_days) == (4, 2, 3)
    assert result.cost.cast_hold == pytest.approx(2 * 1_000)
    assert result.cost.cast_work == pytest.approx(4 * 1_000)
    # Without the limit both gaps are drops.
    free = evaluate(_one_a_day([0, 3, 4, 8], 9, gap=2, most=None), [[str(d)] for d in range(9)])
    assert free.cost.cast_hold == 0


@pytest.mark.parametrize(
    ("worked", "options", "drops"),
    [
        # Five-day weeks from a Monday: day 5 is a Friday, day 12 the Tuesday 11 calendar
        # days on (10 between): six shooting days off are a drop.
        ([4, 11], {}, [5, 6, 7, 8, 9, 10]),
        # The Monday before is 10 days on (9 between): five days off are held.
        ([4, 10], {}, []),
        # Six-day weeks: day 5 a Friday, day 12 the next Saturday (7 between): held.
        ([4, 11], {"work_days_per_week": 6}, []),
        # Dated: Friday 2027-01-08 to Tuesday 2027-01-19 (10 between), a holiday on the
        # Monday between takes a shooting day out, not a calendar day.
        ([4, 10], {"start_date": "2027-01-04", "days_off": ["2027-01-18"]}, [5, 6, 7, 8, 9]),
    ],
)
def test_a_break_is_counted_in_calendar_days(worked, options, drops) -> None:
    problem = _one_a_day(worked, worked[-1] + 1, gap=10, most=1)
    problem = problem.model_copy(update={"options": problem.options.model_copy(update=options)})
    result = evaluate(problem, [[str(d)] for d in range(worked[-1] + 1)])
    row = day_out_of_days(problem, result).rows[0]
    assert [d for d, code in enumerate(row.codes) if code == "D"] == drops
    off = worked[-1] - worked[0] - 1
    assert result.cost.cast_hold == pytest.approx(1_000 * (off - len(drops)))


CAST = ["ANA", "BEN", "CY"]


@st.composite
def calendars(draw: st.DrawFn) -> tuple[ScheduleProblem, list[int]]:
    """A board of one strip a day (any cast each) under a drop rule with a limit."""
    n = draw(st.integers(min_value=3, max_value=16))
    strips = [
        Strip(
            id=str(i),
            main_location="HOUSE",
            eighths=8,
            cast=draw(st.lists(st.sampled_from(CAST), max_size=2, unique=True)),
        )
        for i in range(n)
    ]
    options = ScheduleOptions(
        capacity_eighths=8,
        drop_min_gap=draw(st.integers(1, 4)),
        max_drops=draw(st.sampled_from([None, 1, 2])),
    )
    cast = [CastMember(name=c, day_rate=draw(st.sampled_from([300.0, 1_000.0]))) for c in CAST]
    problem = ScheduleProblem(strips=strips, cast=cast, options=options)
    return problem, draw(st.permutations(list(range(n))))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(calendars())
def test_the_days_order_prices_holds_as_the_cost_does(case) -> None:
    problem, starts = case
    prep = prepare(problem, horizon=len(starts))
    work = np.zeros((len(prep.cast_names), 1, len(starts)), dtype=bool)
    for s, d in enumerate(starts):
        work[prep.cast_of[s], 0, d] = True
    held = float(_hold_costs(prep, work)[0])
    assert held == pytest.approx(cost_of(prep, starts).cast_hold)


def _brute_force(problem: ScheduleProblem) -> float:
    """The cheapest board of one strip a day over every order of the strips (pins kept)."""
    prep = prepare(problem, horizon=len(problem.strips))
    n = len(problem.strips)
    return min(
        cost_of(prep, list(order)).total
        for order in itertools.permutations(range(n))
        if all(order[s] in prep.allowed_starts(s) for s in range(n))
    )


def test_the_cp_sat_model_prices_one_drop_exactly() -> None:
    # ANA's scenes are pinned to days 1, 4 and 7: two gaps of two days, at least the rule's
    # two. With one drop allowed the other gap is two days held at her $900.
    cast = [["ANA"], ["ANA"], ["ANA"], ["BEN"], ["BEN"], ["BEN", "CY"], ["CY"]]
    strips = [
        Strip(id=str(i), main_location="HOUSE", eighths=8, cast=members)
        for i, members in enumerate(cast)
    ]
    rates = zip(CAST, (900, 400, 700), strict=True)
    members = [CastMember(name=c, day_rate=rate) for c, rate in rates]
    totals = {}
    for most in (1, None):
        problem = ScheduleProblem(
            strips=strips,
            cast=members,
            costs=ScheduleCosts(crew_day=1_000),
            options=ScheduleOptions(
                capacity_eighths=8,
                drop_min_gap=2,
                max_drops=most,
                pinned={"0": 0, "1": 3, "2": 6},
                time_limit_s=20,
                seed=1,
            ),
        )
        result = schedule.optimize(problem)
        assert result.status == "optimal"
        # The model's objective (its bound) is the board's cost: no hold left unpriced.
        assert result.bound == pytest.approx(result.cost.total, rel=1e-6)
        assert result.cost.total == pytest.approx(_brute_force(problem))
        totals[most] = result.cost.total
    assert totals[1] - totals[None] == pytest.approx(2 * 900)


def test_the_rate_card_allows_one_break_per_performer() -> None:
    script = read_script(b"INT. HOUSE - DAY\n\nANA waves.\n\nANA\nHi.\n", filename="a.fountain")
    card = load_rate_card()
    options = build_problem(script, card, cast_tiers(script, card), PlanInputs()).options
    assert (options.drop_min_gap, options.max_drops) == (10, 1)
    # A card that allows any number of breaks (0) lifts the limit.
    text = DEFAULT_RATE_CARD.read_text(encoding="utf-8")
    row = "drop_pickup_max_per_performer,,"
    lines = [
        line.replace(",breaks,1,", ",breaks,0,") if row in line else line
        for line in text.splitlines()
    ]
    assert lines != text.splitlines()
    free = parse_rate_card("\n".join(lines))
    options = build_problem(script, free, cast_tiers(script, free), PlanInputs()).options
    assert (options.drop_min_gap, options.max_drops) == (10, None)
