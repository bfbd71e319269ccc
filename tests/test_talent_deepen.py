"""Searches under a ceiling and the bisection on it: bounds never above the optimum."""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.talentgen import talent_instance
from tools.schedule.exact import exact_plan
from tools.schedule.prepare import prepare
from tools.schedule.sequence import sequencing
from tools.schedule.talent_deepen import deepen
from tools.schedule.talent_outcome import TalentOutcome
from tools.schedule.talent_search import _MAX_STATES, _Search, _Tables
from tools.schedule.talent_subset import subset_order


def _instance(n: int, m: int, seed: int, p: float = 0.35):
    plan = exact_plan(sequencing(prepare(talent_instance(n, m, seed=seed, p=p))), max_groups=62)
    worst = list(range(len(plan.groups)))[::-1]
    return plan, worst, subset_order(plan)[1]


@pytest.mark.parametrize("both", [False, True])
def test_a_finished_search_under_a_low_ceiling_proves_the_ceiling_only(both):
    plan, worst, optimum = _instance(16, 10, seed=3)
    ceiling = optimum - 40
    found = _Search(plan, worst, time.perf_counter() + 60, both, _MAX_STATES, ceiling).run()
    # Nothing below the ceiling exists: the incumbent stays, the bound is the ceiling.
    assert found.bound == pytest.approx(ceiling)
    assert found.groups == worst and found.cost == pytest.approx(_Tables(plan).group_cost(worst))
    assert not found.proven


@pytest.mark.parametrize("both", [False, True])
def test_a_ceiling_above_the_optimum_finds_and_proves_it(both):
    plan, worst, optimum = _instance(16, 10, seed=3)
    ceiling = optimum + 1
    assert _Tables(plan).group_cost(worst) > ceiling
    found = _Search(plan, worst, time.perf_counter() + 60, both, _MAX_STATES, ceiling).run()
    assert found.proven and found.cost == pytest.approx(optimum)
    assert _Tables(plan).group_cost(found.groups) == pytest.approx(optimum)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(6, 14), st.integers(2, 9), st.integers(0, 10_000), st.booleans())
def test_bisection_bounds_stay_below_the_optimum_and_close_the_gap(n, m, seed, both):
    plan, worst, optimum = _instance(n, m, seed, p=0.45)
    if not plan.groups:
        return
    start = TalentOutcome(groups=worst, cost=_Tables(plan).group_cost(worst), bound=0.0)
    ceilings: list[float] = []

    def below(groups: list[int], ceiling: float, cut: float) -> TalentOutcome:
        ceilings.append(ceiling)
        return _Search(plan, groups, cut, both, _MAX_STATES, ceiling).run()

    found = deepen(below, start, deadline=time.perf_counter() + 30, integral=True)
    assert found.bound <= optimum + 1e-6 <= found.cost + 2e-6
    assert _Tables(plan).group_cost(found.groups) == pytest.approx(found.cost)
    # With time to spare every search finishes: the bisection ends at the optimum, proven.
    assert found.proven and found.cost == pytest.approx(optimum)
    assert all(c == int(c) for c in ceilings)


def test_bisection_with_no_time_returns_what_it_was_given():
    plan, worst, _ = _instance(16, 10, seed=3)
    start = TalentOutcome(groups=worst, cost=_Tables(plan).group_cost(worst), bound=10.0)

    def below(groups: list[int], ceiling: float, cut: float) -> TalentOutcome:
        raise AssertionError("no search should start without time")

    assert deepen(below, start, deadline=time.perf_counter(), integral=True) == start


@pytest.mark.parametrize("both", [False, True])
def test_an_integral_bound_one_unit_short_of_the_cost_is_searched_to_a_proof(both):
    plan, _, optimum = _instance(16, 12, seed=3)
    order = subset_order(plan)[0]
    # 1e-4 of this cost is more than one unit: a relative step alone would stop short.
    assert optimum > 1e4
    start = TalentOutcome(groups=order, cost=optimum, bound=optimum - 1)
    ceilings: list[float] = []

    def below(groups: list[int], ceiling: float, cut: float) -> TalentOutcome:
        ceilings.append(ceiling)
        return _Search(plan, groups, cut, both, _MAX_STATES, ceiling).run()

    found = deepen(below, start, deadline=time.perf_counter() + 30, integral=True)
    assert ceilings == [optimum]
    assert found.proven and found.bound == pytest.approx(optimum)
