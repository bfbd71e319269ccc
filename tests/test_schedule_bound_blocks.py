"""The cast-in-blocks bound of `bounds`: never above the optimum, and above own pay alone."""

from __future__ import annotations

import json
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.test_schedule_exact import _brute_force
from tests.test_schedule_exact_kernel import mssp_problems
from tools.schedule.benchmarks import read_benchmark
from tools.schedule.bounds import _blocks_bound, lower_bound
from tools.schedule.prepare import prepare
from tools.schedule.sequence import sequencing


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mssp_problems(max_strips=7), st.integers(1, 4))
def test_blocks_bound_never_exceeds_the_optimum(problem, max_groups):
    # Few groups per block force the cast into several blocks.
    seq = sequencing(prepare(problem))
    bound = _blocks_bound(seq, deadline=time.perf_counter() + 5, max_groups=max_groups)
    assert bound is not None
    assert float(seq.own().sum()) - 1e-6 <= bound <= _brute_force(seq) + 1e-6


@pytest.mark.parametrize("name", ["movie10.txt", "movie15.txt", "movie20.txt"])
def test_blocks_bound_stays_below_the_mssp_optima(benchmarks_dir, name):
    seq = sequencing(prepare(read_benchmark(benchmarks_dir / "mssp" / name, "mssp")))
    entry = next(
        e
        for e in json.loads((benchmarks_dir / "catalog.json").read_text())["movie_shoot_scheduling"]
        if e["file"].endswith("/" + name)
    )
    optimum = entry["optimal_cost"] + float(seq.own().sum())
    for max_groups in (3, 8, 20):
        bound = _blocks_bound(seq, deadline=time.perf_counter() + 30, max_groups=max_groups)
        assert bound is not None and bound <= optimum + 1e-6


def test_blocks_bound_lifts_the_movie100_bound(benchmarks_dir):
    seq = sequencing(prepare(read_benchmark(benchmarks_dir / "mssp" / "movie100.txt", "mssp")))
    blocks = _blocks_bound(seq, deadline=time.perf_counter() + 30)
    assert blocks is not None and blocks > float(seq.own().sum())
    assert lower_bound(seq, deadline=time.perf_counter() + 5) >= blocks
