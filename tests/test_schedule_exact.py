"""Sequencing: exact DP against brute force, order costs, local search, bounds, time limits."""

from __future__ import annotations

import itertools
import json
import time
from dataclasses import replace

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tools.schedule import (
    CastMember,
    ScheduleCosts,
    ScheduleOptions,
    ScheduleProblem,
    Strip,
    baseline,
    evaluate,
    optimize,
)
from tools.schedule import bounds as bounds_module
from tools.schedule.benchmarks import benchmark_cost, read_benchmark
from tools.schedule.exact import exact_plan, solve_exact
from tools.schedule.ordering import greedy_order, improve_order
from tools.schedule.prepare import prepare
from tools.schedule.sequence import is_sequential, order_cost, order_costs, sequencing
from tools.schedule.talent_subset import subset_order

CAST = ["MAYA", "JO", "AL", "BO"]


@st.composite
def sequencing_problems(draw, max_strips=7):
    n = draw(st.integers(1, max_strips))
    days = [draw(st.integers(1, 3)) for _ in range(n)]
    strips = [
        Strip(
            id=f"S{i}",
            days=days[i],
            whole_day=True,
            main_location=draw(st.sampled_from(["", "A", "B", "C"])),
            cast=draw(st.lists(st.sampled_from(CAST), max_size=3, unique=True)),
        )
        for i in range(n)
    ]
    pairs = draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=3))
    precedences = sorted({(f"S{min(a, b)}", f"S{max(a, b)}") for a, b in pairs if a != b})
    setups = {loc: float(draw(st.integers(0, 30))) for loc in "ABC"}
    return ScheduleProblem(
        strips=strips,
        cast=[CastMember(name=c, day_rate=draw(st.integers(0, 20))) for c in CAST],
        costs=ScheduleCosts(location_setup=setups, crew_day=draw(st.integers(0, 5))),
        options=ScheduleOptions(fixed_days=sum(days), precedences=precedences, time_limit_s=5),
    )


def _brute_force(seq):
    orders = np.array(list(itertools.permutations(range(seq.n))), dtype=np.int64)
    return float(order_costs(seq, orders).min())


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sequencing_problems())
def test_exact_dp_matches_brute_force(problem):
    prep = prepare(problem)
    assert is_sequential(prep)
    seq = sequencing(prep)
    order = solve_exact(seq)
    assert order is not None and sorted(order) == list(range(seq.n))
    assert order_cost(seq, order) == pytest.approx(_brute_force(seq))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sequencing_problems(), st.randoms(use_true_random=False))
def test_order_cost_agrees_with_the_product_cost(problem, rng):
    prep = prepare(problem)
    seq = sequencing(prep)
    order = list(range(seq.n))
    rng.shuffle(order)
    days = [[prep.ids[s]] * prep.length[s] for s in order]
    board = [[sid] for day in days for sid in day]
    total = evaluate(problem, board).cost.total
    broken = any(order.index(a) > order.index(b) for a, b in seq.before)
    if not broken:
        # Crew days are the same in every order; the rest is the order cost.
        crew = problem.costs.crew_day * problem.options.fixed_days
        assert order_cost(seq, order) == pytest.approx(total - crew)
    else:
        assert order_cost(seq, order) == float("inf")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sequencing_problems(max_strips=7))
def test_relaxed_bounds_never_exceed_the_optimum(problem):
    seq = sequencing(prepare(problem))
    original = bounds_module._MAX_GROUPS
    # Tiny groups force both relaxations to drop strips or cast.
    bounds_module._MAX_GROUPS = 3
    try:
        bound = bounds_module.lower_bound(seq, deadline=time.perf_counter() + 5)
    finally:
        bounds_module._MAX_GROUPS = original
    assert bound <= _brute_force(seq) + 1e-6
    assert bound >= float(seq.own().sum()) - 1e-6


def test_twins_merge_and_castless_strips_go_first():
    strips = [
        Strip(id="1", days=1, whole_day=True, cast=["MAYA", "JO"]),
        Strip(id="2", days=2, whole_day=True),
        Strip(id="3", days=1, whole_day=True, cast=["MAYA", "JO"]),
        Strip(id="4", days=1, whole_day=True, cast=["MAYA"]),
    ]
    problem = ScheduleProblem(
        strips=strips,
        cast=[CastMember(name="MAYA", day_rate=10), CastMember(name="JO", day_rate=5)],
        options=ScheduleOptions(fixed_days=5),
    )
    plan = exact_plan(sequencing(prepare(problem)))
    assert plan.first == [1]
    assert sorted(map(sorted, plan.groups)) == [[0, 2], [3]]
    result = optimize(problem)
    assert result.method == "exact-dp" and result.status == "optimal"
    assert result.days[0].strips == ["2"] and result.bound == result.cost.total


@pytest.mark.parametrize(
    ("kind", "name", "section", "key"),
    [
        ("talent", "film105.dat", "talent_scheduling", "optimal_total_cost"),
        ("talent", "MobStory", "talent_scheduling", "optimal_total_cost"),
        ("mssp", "movie12.txt", "movie_shoot_scheduling", "optimal_cost"),
        ("mssp", "movie15.txt", "movie_shoot_scheduling", "optimal_cost"),
    ],
)
def test_exact_dp_proves_benchmark_optima(benchmarks_dir, kind, name, section, key):
    folder = "talent" if kind == "talent" else "mssp"
    problem = read_benchmark(benchmarks_dir / folder / name, kind)
    result = optimize(problem)
    entry = next(
        e
        for e in json.loads((benchmarks_dir / "catalog.json").read_text())[section]
        if e["file"].endswith("/" + name)
    )
    # Talent instances past a tiny subset DP go to the talent searches (numpy first).
    method = "talent-dp" if kind == "talent" else "exact-dp"
    assert result.status == "optimal" and result.method == method
    assert benchmark_cost(kind, result) == entry[key]
    assert result.bound == pytest.approx(result.cost.total)


def test_local_search_improves_and_repeats(benchmarks_dir):
    problem = read_benchmark(benchmarks_dir / "mssp" / "movie30.txt", "mssp")
    seq = sequencing(prepare(problem))
    start = greedy_order(seq)
    far = time.perf_counter() + 60
    first = improve_order(seq, start, deadline=far, rounds=3)
    second = improve_order(seq, start, deadline=far, rounds=3)
    assert first == second
    assert first[1] < order_cost(seq, start)
    order = first[0]
    assert all(order.index(a) < order.index(b) for a, b in seq.before)


def test_large_sequencing_respects_the_limit_and_bounds(benchmarks_dir):
    problem = read_benchmark(benchmarks_dir / "mssp" / "movie30.txt", "mssp")
    problem = problem.model_copy(
        update={"options": problem.options.model_copy(update={"time_limit_s": 4.0})}
    )
    started = time.perf_counter()
    result = optimize(problem)
    assert time.perf_counter() - started < 4.0 + 2.0
    assert result.status == "feasible" and result.bound is not None
    assert result.cost.cast_work < result.bound <= result.cost.total
    assert result.cost.total < baseline(problem).cost.total
    day_of = {sid: day.index for day in result.days for sid in day.strips}
    assert all(day_of[a] < day_of[b] for a, b in problem.options.precedences)


def test_cpsat_path_respects_the_limit():
    strips = [
        Strip(
            id=str(i),
            cast=[f"C{i % 7}", f"C{(i * 3) % 11}"],
            eighths=4 + (i % 5) * 3,
            main_location=f"L{i % 9}",
            lighting="NIGHT" if i % 4 == 0 else "DAY",
        )
        for i in range(60)
    ]
    problem = ScheduleProblem(
        strips=strips,
        cast=[CastMember(name=f"C{i}", day_rate=300 + 50 * i) for i in range(11)],
        costs=ScheduleCosts(crew_day=9000, company_move=1500, default_location_setup=900),
        options=ScheduleOptions(time_limit_s=3.0),
    )
    started = time.perf_counter()
    result = optimize(problem)
    assert time.perf_counter() - started < 3.0 + 2.0
    assert result.status in ("feasible", "optimal")
    assert result.bound is not None and result.bound <= result.cost.total


@pytest.mark.parametrize("name", ["movie10.txt", "movie12.txt", "movie15.txt", "movie20.txt"])
def test_talent_relaxation_stays_below_the_mssp_optima(benchmarks_dir, name):
    seq = sequencing(prepare(read_benchmark(benchmarks_dir / "mssp" / name, "mssp")))
    entry = next(
        e
        for e in json.loads((benchmarks_dir / "catalog.json").read_text())["movie_shoot_scheduling"]
        if e["file"].endswith("/" + name)
    )
    value = bounds_module._talent_bound(seq, seconds=20.0)
    assert value is not None
    idle = value - float(seq.own().sum())
    assert 0 <= idle <= entry["optimal_cost"] + 1e-6


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sequencing_problems(max_strips=7))
def test_compiled_subset_dp_keeps_precedences(problem):
    seq = sequencing(prepare(problem))
    relaxed = replace(seq, loc=np.zeros(seq.n, dtype=np.int64), setup=np.zeros(1))
    plan = exact_plan(relaxed)
    expected = solve_exact(relaxed, plan)
    if expected is None:
        with pytest.raises(ValueError, match="no order"):
            subset_order(plan)
        return
    order, _ = subset_order(plan)
    strips = list(plan.first) + [s for g in order for s in plan.groups[g]]
    assert order_cost(relaxed, strips) == pytest.approx(order_cost(relaxed, expected))
