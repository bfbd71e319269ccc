"""The two-ended talent search: the same optima as the subset DP, deterministic, and routed."""

from __future__ import annotations

import itertools
import time

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.talentgen import talent_instance
from tools.schedule import optimize
from tools.schedule.exact import ExactPlan, exact_plan
from tools.schedule.ordering import greedy_order
from tools.schedule.prepare import prepare
from tools.schedule.sequence import sequencing
from tools.schedule.talent import _as_groups, _both_ends
from tools.schedule.talent_dominance import dominated
from tools.schedule.talent_kernels import expand
from tools.schedule.talent_search import _MAX_STATES, _Search, _Tables, talent_search
from tools.schedule.talent_subset import MAX_GROUPS, subset_order


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


def _middle(t: _Tables, front: list[int], middle: tuple[int, ...], back: list[int]) -> float:
    """Pay of the middle groups in this order between the front and back groups."""
    cast = [int(x) for x in t.actors]
    total = 0.0
    for p, i in enumerate(middle):
        before = np.bitwise_or.reduce([0] + [cast[j] for j in [*front, *middle[:p]]])
        after = np.bitwise_or.reduce([0] + [cast[j] for j in [*middle[p + 1 :], *back]])
        total += float(t.days[i]) * t.pay_of(cast[i] | int(before & after))
    return total


@pytest.mark.parametrize(("n", "m", "seed"), [(18, 12, 0), (20, 14, 1), (20, 22, 2)])
def test_both_ends_proves_the_subset_dp_optimum_deterministically(n, m, seed):
    seq = sequencing(prepare(talent_instance(n, m, seed=seed)))
    plan = exact_plan(seq, max_groups=62)
    _, optimum = subset_order(plan)
    incumbent = _as_groups(plan, greedy_order(seq))
    runs = [
        talent_search(plan, incumbent, deadline=time.perf_counter() + 120, both_ends=True)
        for _ in range(2)
    ]
    assert runs[0] == runs[1]
    assert runs[0].proven and runs[0].cost == pytest.approx(optimum)
    assert _Tables(plan).group_cost(runs[0].groups) == pytest.approx(optimum)


def test_a_cut_two_ended_search_bounds_below_the_optimum():
    seq = sequencing(prepare(talent_instance(20, 14, seed=1)))
    plan = exact_plan(seq, max_groups=62)
    _, optimum = subset_order(plan)
    incumbent = _as_groups(plan, greedy_order(seq))
    for seconds in (0.0, 0.3):
        found = talent_search(
            plan, incumbent, deadline=time.perf_counter() + seconds, both_ends=True
        )
        assert found.bound <= optimum + 1e-6 <= found.cost + 2e-6


@pytest.mark.parametrize(
    ("n", "m", "both"),
    [(28, 14, True), (28, 22, True), (26, 11, True), (32, 8, False), (64, 8, False)],
)
def test_the_search_grows_from_both_ends_when_the_cast_is_large(n, m, both):
    plan = exact_plan(sequencing(prepare(talent_instance(n, m, seed=0))), max_groups=62)
    assert _both_ends(plan) is both


def test_optimize_proves_a_cast_heavy_instance_past_the_subset_dp():
    # 26 groups, 11 cast: past the subset DP's table, searched from both ends and proven.
    problem = talent_instance(26, 11, seed=1, time_limit_s=60)
    plan = exact_plan(sequencing(prepare(problem)), max_groups=62)
    assert len(plan.groups) > MAX_GROUPS and _both_ends(plan)
    result = optimize(problem)
    assert result.method == "talent-dp" and result.status == "optimal"
    assert result.bound == pytest.approx(result.cost.total)


def test_a_group_holding_everyone_held_at_one_end_only_goes_next_alone():
    # Front cast a|b, back cast b|c: b is held over the whole middle, a only from the front.
    # Group 2 (a alone) holds everyone held at the front end only, so it goes next there.
    a, b, c = 1, 2, 4
    plan = _plan([a | b, b | c, a, a | c, b, c], [1, 1, 2, 1, 1, 3], [5.0, 7.0, 2.0])
    t = _Tables(plan)
    front, back = np.array([1]), np.array([2])
    children = expand(
        front,
        back,
        np.zeros(1),
        True,
        t.actors,
        t.days,
        t.pay,
        t.own,
        np.zeros_like(t.supers),
        t.weights,
        1e9,
    )
    assert list(children[4]) == [2]
    best = min(_middle(t, [0], order, [1]) for order in itertools.permutations([2, 3, 4, 5]))
    first = min(_middle(t, [0], (2, *o), [1]) for o in itertools.permutations([3, 4, 5]))
    assert first == pytest.approx(best)


@pytest.mark.parametrize(("limit", "kept"), [(71.9, []), (72.1, [2])])
def test_children_pay_the_cast_held_at_both_ends_before_they_are_bounded(limit, kept):
    # Group 2 next at the front costs 2 x 12 = 24; the groups left pay 30 - 10 of their own;
    # b, at both ends, is held 4 more days (7 left, 2 of group 2, 1 of b's own): 7 x 4 = 28.
    a, b, c = 1, 2, 4
    t = _Tables(_plan([a | b, b | c, a, a | c, b, c], [1, 1, 2, 1, 1, 3], [5.0, 7.0, 2.0]))
    args = (t.actors, t.days, t.pay, t.own, np.zeros_like(t.supers), t.weights, limit)
    children = expand(np.array([1]), np.array([2]), np.zeros(1), True, *args)
    assert list(children[4]) == kept


def test_a_state_with_less_cast_held_and_no_dearer_path_dominates():
    # Groups 0, 1, 2 shot in every state. State 0 (front a|c, back b, path 10) dominates
    # state 1 (the same casts at 12), state 2 (its mirror at 10: a tie, the first stays) and
    # state 3 (11); state 4 (front a|b, back c) is cheaper and not within state 0's casts.
    a, b, c = 1, 2, 4
    actors = np.array([a, b, c, a | b | c, c], dtype=np.int64)
    front = np.array([0b101, 0b101, 0b010, 0b101, 0b011])
    back = np.array([0b010, 0b010, 0b101, 0b010, 0b100])
    g = np.array([10.0, 12.0, 10.0, 11.0, 1.0])
    assert list(dominated(front, back, g, actors)) == [False, True, True, True, False]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.integers(6, 13),
    st.integers(2, 9),
    st.floats(0.2, 0.6),
    st.integers(0, 10_000),
    st.booleans(),
)
def test_the_exact_search_alone_finds_the_subset_dp_optimum(n, m, p, seed, both):
    # No beam first and a reversed order to beat: the rules and the bound do all the work.
    plan = exact_plan(sequencing(prepare(talent_instance(n, m, seed=seed, p=p))))
    if not plan.groups:
        return
    _, optimum = subset_order(plan)
    worst = list(range(len(plan.groups)))[::-1]
    found = _Search(plan, worst, time.perf_counter() + 60, both, _MAX_STATES).run()
    assert found.proven and found.cost == pytest.approx(optimum)
    assert sorted(found.groups) == list(range(len(plan.groups)))
