"""The compiled location DP (`exact_kernel`): the numpy DP's optimum, and movie20 proven fast."""

from __future__ import annotations

import json
import time

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.test_schedule_exact import _brute_force, sequencing_problems
from tools.schedule import (
    CastMember,
    ScheduleCosts,
    ScheduleOptions,
    ScheduleProblem,
    Strip,
    optimize,
)
from tools.schedule.benchmarks import benchmark_cost, read_benchmark
from tools.schedule.exact import exact_plan, solve_exact
from tools.schedule.prepare import prepare
from tools.schedule.sequence import order_cost, sequencing


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sequencing_problems())
def test_compiled_dp_matches_brute_force(problem):
    seq = sequencing(prepare(problem))
    order = solve_exact(seq, compiled=True)
    assert order is not None and sorted(order) == list(range(seq.n))
    assert order_cost(seq, order) == pytest.approx(_brute_force(seq))


@st.composite
def mssp_problems(draw, max_strips=13):
    """Movie-shoot-like: strips of 1-5 days at priced locations, cast, chains of precedences."""
    n = draw(st.integers(2, max_strips))
    cast = [f"A{a}" for a in range(draw(st.integers(1, 6)))]
    days = [draw(st.integers(1, 5)) for _ in range(n)]
    strips = [
        Strip(
            id=str(i),
            days=days[i],
            whole_day=True,
            main_location=draw(st.sampled_from(["L0", "L1", "L2"])),
            cast=draw(st.lists(st.sampled_from(cast), min_size=1, unique=True)),
        )
        for i in range(n)
    ]
    pairs = draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=5))
    return ScheduleProblem(
        strips=strips,
        cast=[CastMember(name=a, day_rate=draw(st.integers(0, 20))) for a in cast],
        costs=ScheduleCosts(location_setup={f"L{i}": draw(st.integers(0, 30)) for i in range(3)}),
        options=ScheduleOptions(
            fixed_days=sum(days),
            precedences=sorted({(str(min(a, b)), str(max(a, b))) for a, b in pairs if a != b}),
        ),
    )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mssp_problems())
def test_compiled_dp_fills_the_numpy_dps_table(problem):
    # Past brute force: the numpy DP (checked against it above) is the reference.
    seq = sequencing(prepare(problem))
    fast, slow = solve_exact(seq, compiled=True), solve_exact(seq, compiled=False)
    assert fast == slow
    assert fast is not None and order_cost(seq, fast) < np.inf


def test_compiled_dp_finds_no_order_when_precedences_cycle():
    strips = [Strip(id=str(i), days=1, whole_day=True, cast=["A"]) for i in range(3)]
    problem = ScheduleProblem(
        strips=strips,
        cast=[CastMember(name="A", day_rate=1)],
        options=ScheduleOptions(fixed_days=3, precedences=[("0", "1"), ("1", "0")]),
    )
    assert solve_exact(sequencing(prepare(problem)), compiled=True) is None


def test_movie20_is_proven_by_the_compiled_dp(benchmarks_dir):
    problem = read_benchmark(benchmarks_dir / "mssp" / "movie20.txt", "mssp")
    assert exact_plan(sequencing(prepare(problem))).compiled()
    started = time.perf_counter()
    result = optimize(problem)
    seconds = time.perf_counter() - started
    entry = next(
        e
        for e in json.loads((benchmarks_dir / "catalog.json").read_text())["movie_shoot_scheduling"]
        if e["file"].endswith("/movie20.txt")
    )
    assert result.status == "optimal" and result.method == "exact-dp"
    assert benchmark_cost("mssp", result) == entry["optimal_cost"]
    assert result.bound == pytest.approx(result.cost.total)
    # Well under a second once loaded; the slack covers a loaded machine and a cold cache.
    assert seconds < 5.0
