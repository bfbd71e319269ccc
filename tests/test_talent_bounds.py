"""Lower bounds of the talent search's states: never above the best completion, and tight."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.talentgen import talent_instance
from tools.schedule.exact import ExactPlan, exact_plan
from tools.schedule.prepare import prepare
from tools.schedule.sequence import sequencing
from tools.schedule.talent_finish import MAX_HELD, finish_order_pay
from tools.schedule.talent_search import _Tables


def _plan(actors: list[int], days: list[int], weights: list[float]) -> ExactPlan:
    n = len(actors)
    return ExactPlan(
        groups=[[g] for g in range(n)],
        first=[],
        days=np.array(days, dtype=np.int64),
        actors=np.array(actors, dtype=np.int64),
        weights=np.array(weights, dtype=float),
        loc=np.zeros(n, dtype=np.int64),
        setup=np.zeros(1),
        pred=np.zeros(n, dtype=np.int64),
    )


def _best_middle(t: _Tables, front: int, back: int) -> float:
    """The cheapest pay of the groups in neither end, over every order of them (brute force)."""
    n = len(t.actors)
    rest = [i for i in range(n) if not (front | back) >> i & 1]
    cast = [int(x) for x in t.actors]

    def cast_of(groups: list[int]) -> int:
        return int(np.bitwise_or.reduce([0] + [cast[j] for j in groups]))

    head = cast_of([i for i in range(n) if front >> i & 1])
    tail = cast_of([i for i in range(n) if back >> i & 1])
    best = np.inf
    for order in itertools.permutations(rest):
        total = 0.0
        for p, i in enumerate(order):
            held = (head | cast_of(list(order[:p]))) & (tail | cast_of(list(order[p + 1 :])))
            total += float(t.days[i]) * t.pay_of(cast[i] | held)
        best = min(best, total)
    return float(best)


def test_a_left_and_right_actor_sharing_a_group_hold_the_groups_with_neither():
    # a (10 a day) starts at the front, b (3) ends at the back, they share group 2: groups 3
    # and 4 (c only, 3 days) are before a's last day or after b's first, so pay at least 3 a day.
    a, b, c = 1, 2, 4
    t = _Tables(_plan([a, b, a | b, c, c], [1, 1, 1, 2, 1], [10.0, 3.0, 1.0]))
    bound = t.bounds(np.array([1]), np.array([2]))[0]
    own = 1 * (10 + 3) + 3 * 1
    assert bound == pytest.approx(own + 3 * 3)
    assert bound == pytest.approx(_best_middle(t, 1, 2))


def test_the_crossing_term_needs_a_shared_group():
    # The same, but a and b never share a middle group: a can end before b starts.
    a, b, c = 1, 2, 4
    t = _Tables(_plan([a, b, a, b, c, c], [1, 1, 1, 1, 2, 1], [10.0, 3.0, 1.0]))
    bound = t.bounds(np.array([1]), np.array([2]))[0]
    assert bound == pytest.approx(10 + 3 + 3 * 1)
    assert bound <= _best_middle(t, 1, 2) + 1e-9


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(3, 7), st.integers(2, 7), st.integers(0, 10_000), st.randoms())
def test_state_bounds_never_exceed_the_best_middle(n, m, seed, rng):
    plan = exact_plan(sequencing(prepare(talent_instance(n, m, seed=seed, p=0.45))))
    t, k = _Tables(plan), len(plan.groups)
    pairs = [(f, b) for f, b in itertools.product(range(1 << k), repeat=2) if not f & b]
    for front, back in rng.sample(pairs, min(len(pairs), 40)):
        bound = t.bounds(np.array([front]), np.array([back]))[0]
        assert bound <= _best_middle(t, front, back) + 1e-6


def _spans_in_full(t: _Tables, front: int, back: int) -> float:
    """The bound's rival (`talent_bound._spans`) with both finishing orders always solved."""
    cast = [int(x) for x in t.actors]
    first = last = rest = 0
    for i, x in enumerate(cast):
        if front >> i & 1:
            first |= x
        elif back >> i & 1:
            last |= x
        else:
            rest |= x
    both = first & last
    left, right = first & rest & ~both, last & rest & ~both
    middle = rest & ~(both | left | right)
    if not middle:
        return 0.0
    scratch = (np.zeros(1 << MAX_HELD), np.zeros(1 << MAX_HELD), np.zeros(MAX_HELD, np.int64))
    args = (front | back, t.actors, t.days, t.weights, *scratch)
    ahead, behind = finish_order_pay(left | middle, *args), finish_order_pay(right | middle, *args)
    if ahead < 0 or behind < 0:
        return 0.0
    span = sum(float(d) for i, d in enumerate(t.days) if not (front | back) >> i & 1)
    return span * (t.pay_of(both) - t.pay_of(middle)) + ahead + behind


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(3, 7), st.integers(2, 12), st.integers(0, 10_000), st.randoms())
def test_state_bounds_keep_the_spans_rival_in_full(n, m, seed, rng):
    # The rival skips its second finishing order when it is the first's: never a lower bound.
    plan = exact_plan(sequencing(prepare(talent_instance(n, m, seed=seed, p=0.45))))
    t, k = _Tables(plan), len(plan.groups)
    pairs = [(f, b) for f, b in itertools.product(range(1 << k), repeat=2) if not f & b]
    # The empty state (nothing held: the rival's two orders are one) and a sample.
    for front, back in [(0, 0), *rng.sample(pairs, min(len(pairs), 40))]:
        bound = t.bounds(np.array([front]), np.array([back]))[0]
        assert _spans_in_full(t, front, back) <= bound + 1e-6
        assert bound <= _best_middle(t, front, back) + 1e-6


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(3, 14), st.integers(2, 14), st.integers(0, 10_000), st.integers(0, 2**31))
def test_bounds_within_a_slack_prune_exactly_the_states_the_full_bound_prunes(n, m, seed, draw):
    # Parts (the crossing pairs, the held cast's exact pay) are skipped once a state is past
    # its slack: the prune decision and every kept bound must be the full bound's.
    plan = exact_plan(sequencing(prepare(talent_instance(n, m, seed=seed))), max_groups=62)
    t, k = _Tables(plan), len(plan.groups)
    rng = np.random.default_rng(draw)
    side = rng.integers(0, 3, size=(200, k))  # each group: middle, front or back
    bits = np.int64(1) << np.arange(k, dtype=np.int64)
    front, back = (side == 1) @ bits, (side == 2) @ bits
    full = t.bounds(front, back)
    slack = full * rng.uniform(0.5, 1.5, size=len(full))
    within = t.bounds_within(front, back, slack)
    assert np.array_equal(within > slack, full > slack)
    assert np.array_equal(within[within <= slack], full[within <= slack])
    assert np.all(within <= full + 1e-9)
