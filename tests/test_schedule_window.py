"""Window polishing (`window.polish`): a valid order never dearer, and better on movie100."""

from __future__ import annotations

import time

import numpy as np
from hypothesis import HealthCheck, given, settings

from tests.test_schedule_exact_kernel import mssp_problems
from tools.schedule.benchmarks import read_benchmark
from tools.schedule.ordering import greedy_order
from tools.schedule.prepare import prepare
from tools.schedule.sequence import order_cost, sequencing
from tools.schedule.window import polish


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mssp_problems(max_strips=24).filter(lambda p: len(p.strips) > 13))
def test_polish_keeps_a_valid_order_and_never_costs_more(problem):
    seq = sequencing(prepare(problem))
    order = greedy_order(seq)
    before = order_cost(seq, order)
    found, cost = polish(seq, order, deadline=time.perf_counter() + 30)
    assert sorted(found) == list(range(seq.n))
    assert cost == order_cost(seq, found) <= before
    if np.isfinite(before):
        assert all(found.index(a) < found.index(b) for a, b in seq.before)


def test_polish_improves_the_movie100_greedy_order_the_same_way_twice(benchmarks_dir):
    seq = sequencing(prepare(read_benchmark(benchmarks_dir / "mssp" / "movie100.txt", "mssp")))
    order = greedy_order(seq)
    far = time.perf_counter() + 300
    first = polish(seq, order, deadline=far)
    assert first[1] < order_cost(seq, order)
    assert polish(seq, order, deadline=far) == first
