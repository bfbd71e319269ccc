"""The relaxed DPs' floor under the talent search: a true bound, used only to raise it."""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.talentgen import talent_instance
from tools.schedule.exact import exact_plan, solve_exact
from tools.schedule.ordering import greedy_order
from tools.schedule.prepare import prepare
from tools.schedule.sequence import order_cost, sequencing
from tools.schedule.talent import _as_groups, _compiled, _relaxed_floor
from tools.schedule.talent_search import _Tables, talent_search


def _plan(n: int, m: int, seed: int):
    seq = sequencing(prepare(talent_instance(n, m, seed=seed)))
    return seq, exact_plan(seq, max_groups=62)


def _optimum(seq, plan) -> float:
    """The DP optimum in the plan's cost (what the search's bounds are in)."""
    order = solve_exact(seq, plan)
    assert order is not None
    incumbent = _as_groups(plan, order)
    return _Tables(plan).group_cost(incumbent)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(4, 22), st.integers(2, 8), st.integers(0, 10_000), st.floats(0.0, 0.5))
def test_the_floor_never_exceeds_the_dp_optimum(n, m, seed, seconds):
    seq, plan = _plan(n, m, seed)
    optimum = _optimum(seq, plan)
    incumbent = _as_groups(plan, greedy_order(seq))
    cost = _Tables(plan).group_cost(incumbent)
    floor = _relaxed_floor(seq, plan)(incumbent, cost, time.perf_counter() + seconds)
    assert floor <= optimum + 1e-6


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(4, 16), st.integers(2, 8), st.integers(0, 10_000), st.floats(0.0, 0.3))
def test_a_cut_search_with_the_floor_stays_below_the_optimum(n, m, seed, seconds):
    seq, plan = _plan(n, m, seed)
    optimum = _optimum(seq, plan)
    incumbent = _as_groups(plan, greedy_order(seq))
    for both in (False, True):
        found = talent_search(
            plan,
            incumbent,
            deadline=time.perf_counter() + seconds,
            both_ends=both,
            floor=_relaxed_floor(seq, plan),
            floor_seconds=seconds / 2,
        )
        assert found.bound <= optimum + 1e-6 <= found.cost + 2e-6


def test_a_floor_raises_a_search_cut_at_once_to_itself():
    seq, plan = _plan(20, 9, 1)
    optimum = _optimum(seq, plan)
    incumbent = _as_groups(plan, greedy_order(seq))
    given_floor = optimum - 25.0

    def floor(groups: list[int], cost: float, until: float) -> float:
        return given_floor

    found = talent_search(plan, incumbent, deadline=time.perf_counter(), floor=floor)
    assert found.bound == pytest.approx(min(found.cost, given_floor))
    without = talent_search(plan, incumbent, deadline=time.perf_counter())
    assert without.bound < given_floor


def test_the_compiled_path_is_exact_and_deterministic():
    seq, plan = _plan(20, 9, 1)
    runs = [_compiled(seq, plan, time.perf_counter() + 60) for _ in range(2)]
    exact = solve_exact(seq, plan)
    assert exact is not None
    assert runs[0] == runs[1] and runs[0].proven
    assert order_cost(
        seq, list(plan.first) + [s for g in runs[0].groups for s in plan.groups[g]]
    ) == (pytest.approx(order_cost(seq, exact)))
