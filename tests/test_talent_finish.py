"""The held cast's finishing-order DP: exact against brute force, and a true bound."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.talentgen import talent_instance
from tests.test_talent_bounds import _best_middle, _plan
from tools.schedule.exact import exact_plan
from tools.schedule.prepare import prepare
from tools.schedule.sequence import sequencing
from tools.schedule.talent_finish import MAX_HELD, finish_order_pay
from tools.schedule.talent_search import _Tables
from tools.schedule.talent_small import _Plan


def _scratch() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    return np.zeros(1 << MAX_HELD), np.zeros(1 << MAX_HELD), np.zeros(MAX_HELD, dtype=np.int64)


def _brute(held: int, used: int, actors: np.ndarray, days: np.ndarray, w: np.ndarray) -> float:
    """Least pay of the held cast to their last group, over every order of the held groups."""
    groups = [i for i in range(len(actors)) if not used >> i & 1 and int(actors[i]) & held]
    best = np.inf
    for order in itertools.permutations(groups):
        elapsed, last = 0.0, {}
        for i in order:
            elapsed += float(days[i])
            for a in range(len(w)):
                if held >> a & 1 and int(actors[i]) >> a & 1:
                    last[a] = elapsed
        best = min(best, sum(w[a] * t for a, t in last.items()))
    return 0.0 if best == np.inf else float(best)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(1, 7), st.integers(1, 6), st.integers(0, 10_000), st.randoms())
def test_finishing_order_pay_is_the_brute_force_optimum(n, m, seed, rng):
    plan = exact_plan(sequencing(prepare(talent_instance(n, m, seed=seed, p=0.5))))
    k = len(plan.groups)
    if not k:
        return
    t = _Tables(plan)
    for _ in range(5):
        held = rng.randrange(1 << len(t.weights))
        used = rng.randrange(1 << k)
        found = finish_order_pay(held, used, t.actors, t.days, t.weights, *_scratch())
        assert found == pytest.approx(_brute(held, used, t.actors, t.days, t.weights))


def test_too_many_held_is_left_to_smiths_rule():
    actors = np.array([(1 << (MAX_HELD + 1)) - 1], dtype=np.int64)
    weights = np.ones(MAX_HELD + 1)
    held = (1 << (MAX_HELD + 1)) - 1
    assert finish_order_pay(held, 0, actors, np.ones(1), weights, *_scratch()) == -1.0


def test_the_exact_order_raises_the_bound_where_smith_splits_shared_groups():
    # Everyone works in the front group 0; the middle: c (4 days, 6 a day), a (1 day),
    # a (3 days), a|b (3 days). Smith's rule splits a|b between a (2) and b (9) and bounds
    # 87.7; the finishing order (a and b together, then c, or c first) is exact: 91.
    plan = _plan([7, 4, 1, 1, 3], [1, 4, 1, 3, 3], [2.0, 9.0, 6.0])
    t = _Tables(plan)
    assert _Plan(plan).bounds(np.array([1]))[0] == pytest.approx(87.0 + 8 / 11)
    assert t.bounds(np.array([1]), np.array([0]))[0] == pytest.approx(91.0)
    assert _best_middle(t, 1, 0) == pytest.approx(91.0)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(3, 7), st.integers(2, 8), st.integers(0, 10_000), st.randoms())
def test_bounds_with_the_exact_order_never_exceed_the_best_middle(n, m, seed, rng):
    plan = exact_plan(sequencing(prepare(talent_instance(n, m, seed=seed, p=0.45))))
    t, k = _Tables(plan), len(plan.groups)
    pairs = [(f, b) for f, b in itertools.product(range(1 << k), repeat=2) if not f & b]
    for front, back in rng.sample(pairs, min(len(pairs), 30)):
        full = t.bounds(np.array([front]), np.array([back]))[0]
        assert full <= _best_middle(t, front, back) + 1e-6
        # Cut short past a slack, a bound is never above the full one.
        cut = t.bounds_within(np.array([front]), np.array([back]), np.array([0.0]))[0]
        assert cut <= full + 1e-9


def test_cast_not_yet_started_is_seen_waiting_by_the_two_finishing_orders():
    # Nobody has started: a|b (3 days), b|c (2), a|c (3), a|b|c (3); a 7, b 5, c 6 a day.
    # Own days alone bound 151; in any order one of the three waits: the best costs 165, and
    # the two finishing orders (to each one's last day, and from each one's first) see 162.
    plan = _plan([3, 6, 5, 7], [3, 2, 3, 3], [7.0, 5.0, 6.0])
    t, root = _Tables(plan), np.array([0])
    assert _Plan(plan).bounds(root)[0] == pytest.approx(151.0)
    assert t.bounds(root, root)[0] == pytest.approx(162.0)
    assert _best_middle(t, 0, 0) == pytest.approx(165.0)
