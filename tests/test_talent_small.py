"""The numpy talent search and the dominance rules: brute force, compiled bounds, optima."""

from __future__ import annotations

import functools
import itertools
import json
import time
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.talentgen import talent_instance
from tools.schedule import optimize
from tools.schedule.benchmarks import benchmark_cost, read_benchmark
from tools.schedule.exact import exact_plan, solve_exact
from tools.schedule.ordering import greedy_order
from tools.schedule.prepare import prepare
from tools.schedule.sequence import order_cost, order_costs, sequencing
from tools.schedule.talent import _as_groups
from tools.schedule.talent_search import _Tables
from tools.schedule.talent_small import _Plan, small_search

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "benchmarks"
PUBLISHED = json.loads((DATA / "catalog.json").read_text())["talent_scheduling"]


def _seq(n: int, m: int, seed: int, **recipe: object):
    return sequencing(prepare(talent_instance(n, m, seed=seed, **recipe)))


def _strips(plan, groups: list[int]) -> list[int]:
    return list(plan.first) + [s for g in groups for s in plan.groups[g]]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(2, 8), st.integers(1, 6), st.integers(0, 10_000), st.randoms())
def test_small_search_matches_brute_force_and_the_subset_dp(n, m, seed, rng):
    seq = _seq(n, m, seed, p=0.4)
    plan = exact_plan(seq)
    incumbent = list(range(len(plan.groups)))
    rng.shuffle(incumbent)
    best = order_costs(seq, np.array(list(itertools.permutations(range(seq.n))))).min()
    found = small_search(plan, incumbent, deadline=time.perf_counter() + 30)
    assert found is not None and found.proven
    assert sorted(found.groups) == list(range(len(plan.groups)))
    assert order_cost(seq, _strips(plan, found.groups)) == pytest.approx(best)
    assert order_cost(seq, solve_exact(seq, plan) or []) == pytest.approx(best)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(2, 7), st.integers(1, 6), st.integers(0, 10_000))
def test_dominance_rules_keep_an_optimal_completion_from_every_state(n, m, seed):
    plan = exact_plan(_seq(n, m, seed, p=0.5))
    p = _Plan(plan)
    full = (1 << p.n) - 1
    steps = {s: p._steps(np.array([s], dtype=np.int64))[0] for s in range(full + 1)}
    allowed = {s: p.allowed(np.array([s], dtype=np.int64))[0] for s in range(full + 1)}

    @functools.cache
    def rest_cost(done: int, pruned: bool) -> float:
        if done == full:
            return 0.0
        return min(
            steps[done][i] + rest_cost(done | 1 << i, pruned)
            for i in range(p.n)
            if not done >> i & 1 and (allowed[done][i] or not pruned)
        )

    for done in range(full + 1):
        assert rest_cost(done, True) == pytest.approx(rest_cost(done, False))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(2, 12), st.integers(1, 9), st.integers(0, 10_000))
def test_numpy_bounds_are_the_compiled_bounds_less_the_exact_finishing_order(n, m, seed):
    # The compiled bound also solves the held cast's finishing order exactly
    # (`talent_finish`), which only raises it; numpy's stops at Smith's rule.
    plan = exact_plan(_seq(n, m, seed, p=0.4))
    sets = np.random.default_rng(seed).integers(0, 1 << len(plan.groups), size=40)
    compiled = _Tables(plan).bounds(sets, np.zeros_like(sets))
    assert np.all(_Plan(plan).bounds(sets) <= compiled + 1e-6)


def test_small_search_is_deterministic_and_gives_up_on_big_plans():
    seq = _seq(20, 8, 3)
    plan = exact_plan(seq, max_groups=62)
    incumbent = _as_groups(plan, greedy_order(seq))
    runs = [small_search(plan, incumbent, deadline=time.perf_counter() + 60) for _ in range(2)]
    assert runs[0] is not None and runs[0] == runs[1] and runs[0].proven
    optimum = order_cost(seq, solve_exact(seq, plan) or [])
    assert order_cost(seq, _strips(plan, runs[0].groups)) == optimum
    big = _seq(32, 16, 0)
    plan = exact_plan(big, max_groups=62)
    incumbent = _as_groups(plan, greedy_order(big))
    assert small_search(plan, incumbent, deadline=time.perf_counter() + 60) is None


@pytest.mark.parametrize("entry", PUBLISHED, ids=lambda e: e["file"])
def test_optimize_proves_every_published_optimum(entry):
    result = optimize(read_benchmark(DATA / entry["file"], "talent"))
    assert result.status == "optimal" and result.bound == pytest.approx(result.cost.total)
    assert benchmark_cost("talent", result) == entry["optimal_total_cost"]
    if entry["scenes"] >= 18:  # past the tiny subset DP: the numpy search proves it
        assert result.method == "talent-dp"
