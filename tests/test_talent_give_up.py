"""The full proof giving up while its layers still widen: its bound stays a true one."""

from __future__ import annotations

import time

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.talentgen import talent_instance
from tools.schedule import talent_search as search
from tools.schedule.exact import exact_plan
from tools.schedule.prepare import prepare
from tools.schedule.sequence import sequencing
from tools.schedule.talent_search import _MAX_STATES, _Search, _Tables, talent_search
from tools.schedule.talent_subset import subset_order


def _instance(n: int, m: int, seed: int, p: float = 0.35):
    plan = exact_plan(sequencing(prepare(talent_instance(n, m, seed=seed, p=p))), max_groups=62)
    worst = list(range(len(plan.groups)))[::-1]
    return plan, worst, subset_order(plan)[1]


@pytest.mark.parametrize("both", [False, True])
def test_a_search_past_its_give_up_time_stops_at_the_first_layer_with_the_root_bound(both):
    plan, worst, optimum = _instance(16, 10, seed=3)
    run = _Search(plan, worst, time.perf_counter() + 60, both, _MAX_STATES, give_up=-np.inf)
    found = run.run()
    t = _Tables(plan)
    root = float(t.bounds(np.zeros(1, dtype=np.int64), np.zeros(1, dtype=np.int64))[0])
    # The first layer (the empty state) is as wide as any before it: nothing is expanded.
    assert run.steps == []
    assert found.bound == pytest.approx(np.ceil(root - 1e-6))
    assert found.bound <= optimum < found.cost
    assert found.groups == worst and not found.proven


@pytest.mark.parametrize("both", [False, True])
def test_a_search_given_time_to_spare_before_giving_up_finishes_as_before(both):
    plan, worst, optimum = _instance(16, 10, seed=3)
    later = time.perf_counter() + 60
    found = _Search(plan, worst, later, both, _MAX_STATES, give_up=later).run()
    assert found.proven and found.cost == pytest.approx(optimum)
    assert _Tables(plan).group_cost(found.groups) == pytest.approx(optimum)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.integers(6, 16),
    st.integers(2, 12),
    st.integers(0, 10_000),
    st.booleans(),
    st.floats(0.0, 0.02),
)
def test_a_search_giving_up_at_any_time_bounds_below_the_optimum(n, m, seed, both, after):
    plan, worst, optimum = _instance(n, m, seed, p=0.45)
    if not plan.groups:
        return
    give_up = time.perf_counter() + after
    found = _Search(plan, worst, give_up + 60, both, _MAX_STATES, give_up=give_up).run()
    assert found.bound <= optimum + 1e-6 <= found.cost + 2e-6
    assert _Tables(plan).group_cost(found.groups) == pytest.approx(found.cost)
    if found.proven:
        assert found.cost == pytest.approx(optimum)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.integers(6, 16),
    st.integers(2, 12),
    st.integers(0, 10_000),
    st.booleans(),
    st.sampled_from([0.0, 0.01, 0.5]),
)
def test_searches_that_give_up_early_still_bound_below_the_optimum(n, m, seed, both, share):
    plan, worst, optimum = _instance(n, m, seed, p=0.45)
    if not plan.groups:
        return
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(search, "_GIVE_UP", share)
        patch.setattr(search, "_BEAMS", (2,))
        found = talent_search(plan, worst, deadline=time.perf_counter() + 2, both_ends=both)
    assert found.bound <= optimum + 1e-6 <= found.cost + 2e-6
    assert _Tables(plan).group_cost(found.groups) == pytest.approx(found.cost)
    if share == 0.5:
        # Each search finishes long before half its time: none gives up, the proof ends.
        assert found.proven and found.cost == pytest.approx(optimum)
