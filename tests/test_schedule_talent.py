"""The talent search: against the subset DP and brute force, bounds, determinism, optima."""

from __future__ import annotations

import itertools
import json
import time
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.talentgen import talent_instance, talent_text
from tools.schedule import optimize
from tools.schedule.benchmarks import read_benchmark, read_talent
from tools.schedule.exact import exact_plan, solve_exact
from tools.schedule.ordering import greedy_order, improve_order
from tools.schedule.prepare import prepare
from tools.schedule.sequence import order_cost, order_costs, sequencing
from tools.schedule.talent import _as_groups
from tools.schedule.talent_search import _Tables, talent_search

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "benchmarks"


def _seq(n: int, m: int, seed: int, **recipe: object):
    return sequencing(prepare(talent_instance(n, m, seed=seed, **recipe)))


def _strips(plan, groups: list[int]) -> list[int]:
    return list(plan.first) + [s for g in groups for s in plan.groups[g]]


def _middle_cost(t: _Tables, front: list[int], middle: tuple[int, ...], back: list[int]) -> float:
    """Pay of the middle groups shot in this order between the front and back groups."""
    cast = [int(x) for x in t.actors]
    total = 0.0
    for p, i in enumerate(middle):
        before = np.bitwise_or.reduce([0] + [cast[j] for j in [*front, *middle[:p]]])
        after = np.bitwise_or.reduce([0] + [cast[j] for j in [*middle[p + 1 :], *back]])
        total += float(t.days[i]) * t.pay_of(cast[i] | int(before & after))
    return total


def test_generator_writes_the_benchmark_format_and_is_seeded():
    text = talent_text(12, 5, seed=3)
    assert text == talent_text(12, 5, seed=3) and text != talent_text(12, 5, seed=4)
    problem = read_talent(text)
    assert len(problem.strips) == 12 and len(problem.cast) == 5
    assert all(s.cast for s in problem.strips) and all(1 <= s.days <= 4 for s in problem.strips)
    assert all(1 <= c.day_rate <= 100 for c in problem.cast)
    assert {name for s in problem.strips for name in s.cast} == {c.name for c in problem.cast}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(2, 8), st.integers(1, 6), st.integers(0, 10_000), st.randoms())
def test_search_matches_subset_dp_and_brute_force(n, m, seed, rng):
    seq = _seq(n, m, seed, p=0.4)
    plan = exact_plan(seq)
    incumbent = list(range(len(plan.groups)))
    rng.shuffle(incumbent)
    best = order_costs(seq, np.array(list(itertools.permutations(range(seq.n))))).min()
    for both in (False, True):
        found = talent_search(plan, incumbent, deadline=time.perf_counter() + 30, both_ends=both)
        assert found.proven and sorted(found.groups) == list(range(len(plan.groups)))
        assert order_cost(seq, _strips(plan, found.groups)) == pytest.approx(best)
    assert order_cost(seq, solve_exact(seq, plan)) == pytest.approx(best)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(2, 6), st.integers(1, 6), st.integers(0, 10_000))
def test_state_bounds_never_exceed_the_best_completion(n, m, seed):
    plan = exact_plan(_seq(n, m, seed, p=0.5))
    t, k = _Tables(plan), len(plan.groups)
    for front_mask, back_mask in itertools.product(range(1 << k), repeat=2):
        if front_mask & back_mask:
            continue
        front = [i for i in range(k) if front_mask >> i & 1]
        back = [i for i in range(k) if back_mask >> i & 1]
        rest = [i for i in range(k) if not (front_mask | back_mask) >> i & 1]
        best = min(_middle_cost(t, front, order, back) for order in itertools.permutations(rest))
        bound = t.bounds(np.array([front_mask]), np.array([back_mask]))[0]
        assert bound <= best + 1e-6


def test_a_cut_search_bounds_below_the_optimum_and_is_deterministic():
    seq = _seq(20, 9, 1)
    plan = exact_plan(seq, max_groups=62)
    optimum = order_cost(seq, solve_exact(seq, plan))
    incumbent = _as_groups(plan, greedy_order(seq))
    constant = order_cost(seq, _strips(plan, incumbent)) - _Tables(plan).group_cost(incumbent)
    for seconds in (0.0, 0.5):
        runs = [talent_search(plan, incumbent, deadline=time.perf_counter() + seconds)]
        assert runs[0].bound + constant <= optimum + 1e-6
    full = [talent_search(plan, incumbent, deadline=time.perf_counter() + 60) for _ in range(2)]
    assert full[0] == full[1] and full[0].proven
    assert full[0].cost + constant == pytest.approx(optimum)


@pytest.mark.parametrize(
    "entry", json.loads((DATA / "catalog.json").read_text())["talent_scheduling"], ids=str
)
def test_search_proves_the_published_optima(entry):
    seq = sequencing(prepare(read_benchmark(DATA / entry["file"], "talent")))
    plan = exact_plan(seq, max_groups=62)
    local, _ = improve_order(seq, greedy_order(seq), deadline=time.perf_counter() + 1)
    found = talent_search(plan, _as_groups(plan, local), deadline=time.perf_counter() + 30)
    assert found.proven
    assert order_cost(seq, _strips(plan, found.groups)) == entry["optimal_total_cost"]


def test_optimize_routes_talent_past_the_subset_dp():
    # 27 groups after merging twins: past the subset DP's table; the search proves it.
    problem = talent_instance(30, 7, seed=0, time_limit_s=60)
    result = optimize(problem)
    assert result.method == "talent-dp"
    assert result.bound is not None and result.bound <= result.cost.total + 1e-6
    assert result.status == "optimal"


@pytest.mark.parametrize("limit", [0.3, 1.0, 3.0])
def test_optimize_bounds_below_the_optimum_when_cut(limit):
    # 0.3 s cuts the compiled search (its machine code alone takes about that to load).
    optimum = optimize(talent_instance(20, 9, seed=1, time_limit_s=60))
    assert optimum.status == "optimal"
    result = optimize(talent_instance(20, 9, seed=1, time_limit_s=limit))
    assert result.method == "talent-dp" and result.bound is not None
    assert result.bound <= optimum.cost.total + 1e-6 <= result.cost.total + 1e-6
