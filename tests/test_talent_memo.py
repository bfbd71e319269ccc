"""The remembered bounds: the same prune decisions and full bounds as computing them afresh."""

from __future__ import annotations

import time

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.talentgen import talent_instance
from tools.schedule.exact import exact_plan
from tools.schedule.prepare import prepare
from tools.schedule.sequence import sequencing
from tools.schedule.talent_search import _Search, _Tables


def _plan(n: int, m: int, seed: int):
    return exact_plan(sequencing(prepare(talent_instance(n, m, seed=seed))), max_groups=62)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(3, 12), st.integers(2, 12), st.integers(0, 10_000), st.integers(0, 2**31))
def test_remembered_bounds_prune_and_equal_as_fresh_ones(n, m, seed, draw):
    plan = _plan(n, m, seed)
    k = len(plan.groups)
    rng = np.random.default_rng(draw)
    side = rng.integers(0, 3, size=(200, k))  # each group: middle, front or back
    bits = np.int64(1) << np.arange(k, dtype=np.int64)
    front, back = (side == 1) @ bits, (side == 2) @ bits
    plain, memo = _Tables(plan), _Tables(plan, memo=True)
    full = plain.bounds(front, back)
    for _ in range(3):
        # Random slacks around the full bounds: some states pruned, some kept, then reused.
        slack = full * rng.uniform(0.5, 1.5, size=len(full))
        fresh = plain.bounds_within(front, back, slack)
        kept = memo.bounds_within(front, back, slack)
        assert np.array_equal(fresh > slack, kept > slack)
        assert np.array_equal(kept[kept <= slack], full[kept <= slack])
        assert np.all(kept <= full + 1e-9)
    assert memo.memo is not None and 0 < len(memo.memo) <= len(front)


def _run(plan, start: list[int], both: bool, ceiling: float, tables) -> tuple:
    search = _Search(plan, start, time.perf_counter() + 60, both, 2_000_000, ceiling, tables)
    outcome = search.run()
    return outcome, [len(step[0]) for step in search.steps]


def test_searches_sharing_remembered_bounds_keep_the_same_states():
    plan = _plan(20, 9, 1)
    beam = _Search(plan, list(range(len(plan.groups))), time.perf_counter() + 60, False, 200)
    start = beam.run().groups
    for both in (False, True):
        fresh = _run(plan, start, both, np.inf, None)
        assert fresh[0].proven
        shared = _Tables(plan, memo=True)
        # A search under a lower ceiling first (as `talent_deepen` runs them), then the full
        # one: each the same, state for state, as with nothing remembered.
        ceiling = 0.98 * fresh[0].cost
        assert _run(plan, start, both, ceiling, shared) == _run(plan, start, both, ceiling, None)
        assert shared.memo is not None and len(shared.memo) > 0
        assert _run(plan, start, both, np.inf, shared) == fresh
