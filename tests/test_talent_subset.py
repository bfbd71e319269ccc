"""The compiled subset DP of talent plans: against the numpy DP and brute force, routing."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.talentgen import talent_instance
from tools.schedule import optimize
from tools.schedule.exact import exact_plan, solve_exact
from tools.schedule.prepare import prepare
from tools.schedule.sequence import order_cost, order_costs, sequencing
from tools.schedule.talent_search import _Tables
from tools.schedule.talent_subset import MAX_GROUPS, subset_order


def _seq(n: int, m: int, seed: int, **recipe: object):
    return sequencing(prepare(talent_instance(n, m, seed=seed, **recipe)))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(1, 8), st.integers(1, 14), st.integers(0, 10_000))
def test_subset_order_matches_brute_force(n, m, seed):
    seq = _seq(n, m, seed, p=0.4)
    plan = exact_plan(seq)
    order, cost = subset_order(plan)
    strips = list(plan.first) + [s for g in order for s in plan.groups[g]]
    best = order_costs(seq, np.array(list(itertools.permutations(range(seq.n))))).min()
    assert sorted(order) == list(range(len(plan.groups)))
    assert order_cost(seq, strips) == pytest.approx(best)
    assert cost == pytest.approx(_Tables(plan).group_cost(order))


@pytest.mark.parametrize(("n", "m", "seed"), [(16, 8, 0), (18, 12, 1), (18, 22, 2)])
def test_subset_order_matches_the_numpy_dp(n, m, seed):
    seq = _seq(n, m, seed)
    plan = exact_plan(seq)
    order, _ = subset_order(plan)
    strips = list(plan.first) + [s for g in order for s in plan.groups[g]]
    assert order_cost(seq, strips) == order_cost(seq, solve_exact(seq, plan) or [])


def test_subset_order_refuses_too_many_groups():
    plan = exact_plan(_seq(40, 8, 0), max_groups=62)
    assert len(plan.groups) > MAX_GROUPS
    with pytest.raises(ValueError, match="too many"):
        subset_order(plan)


def test_optimize_proves_many_cast_instances_through_the_subset_dp():
    # 22 groups and 22 cast: the numpy search gives up, the compiled subset DP proves it.
    result = optimize(talent_instance(22, 22, seed=0, time_limit_s=60))
    assert result.method == "talent-dp" and result.status == "optimal"
    assert result.bound == pytest.approx(result.cost.total)
