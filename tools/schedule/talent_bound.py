"""Lower bounds of the talent search's states (`talent_search`), compiled with numba.

States are (front, back) pairs of group bitmasks as in `talent_kernels`. The bound of a
state (`_bound`) adds: cast in both ends, paid every remaining day; cast working in
one end and in the middle, paid from that end to their last (first) middle group, bounded as
Garcia de la Banda, Stuckey & Chu (2011) do, a weighted-completion problem whose shared groups
are split between their cast in proportion to pay and solved by Smith's ratio rule, once from
each end, and exactly over their finishing order when few are held (`talent_finish`);
everyone else, their own days; and when a left and a right actor share a middle group, the
groups with neither side's cast pay the cheaper of the two (`_crossing`). Its rival
(`_spans`, the larger is taken) also sees the cast of the middle only wait between their
first and last day, through two finishing orders (one forwards, one backwards).
"""

from __future__ import annotations

import numpy as np
from numba import njit

from tools.schedule.talent_finish import MAX_HELD, finish_order_pay
from tools.schedule.talent_kernels import _casts, _pay

__all__ = ["bounds_within", "state_bounds"]


@njit(cache=True)
def _completion(on: int, ratio: np.ndarray, weights: np.ndarray, picked: np.ndarray) -> float:
    """Smith's rule over the `on` cast: sum of pay x completion, by increasing ratio."""
    count = 0
    for a in range(weights.shape[0]):
        if (on >> a) & 1:
            # Insertion sort: a handful of cast, and ties keep cast order (deterministic).
            at = count
            while at > 0 and ratio[picked[at - 1]] > ratio[a]:
                picked[at] = picked[at - 1]
                at -= 1
            picked[at] = a
            count += 1
    elapsed, total = 0.0, 0.0
    for j in range(count):
        a = picked[j]
        elapsed += ratio[a] * weights[a]
        total += weights[a] * elapsed
    return total


@njit(cache=True)
def _bound(
    front: int,
    back: int,
    actors: np.ndarray,
    days: np.ndarray,
    pay: np.ndarray,
    squares: np.ndarray,
    weights: np.ndarray,
    ratio: np.ndarray,
    picked: np.ndarray,
    within: np.ndarray,
    best: np.ndarray,
    members: np.ndarray,
    slack: float,
) -> float:
    """Lower bound on the pay of the groups in neither end, whatever their order (past
    `slack`, a state to be pruned anyway, it may stop short of its strongest part)."""
    first, last, rest = _casts(front, back, actors)
    both = first & last
    left = first & rest & ~both
    right = last & rest & ~both
    held = _pay(both, pay)
    total, split_left, split_right = 0.0, 0.0, 0.0
    ratio[:] = 0.0
    for i in range(actors.shape[0]):
        if ((front | back) >> i) & 1:
            continue
        total += days[i] * (held + _pay(actors[i] & ~(both | left | right), pay))
        # Left and right cast are disjoint, so one ratio array serves both problems.
        for side in range(2):
            on = actors[i] & (left if side == 0 else right)
            if on:
                w = _pay(on, pay)
                part = days[i] * (w - _pay(on, squares) / w) / 2.0
                if side == 0:
                    split_left += part
                else:
                    split_right += part
                for a in range(weights.shape[0]):
                    if (on >> a) & 1:
                        ratio[a] += days[i] / w
    used = front | back
    smith_left = split_left + _completion(left, ratio, weights, picked)
    smith_right = split_right + _completion(right, ratio, weights, picked)
    total += smith_left + smith_right
    # The crossing pairs cost a pass over the cast per middle group: a state already past
    # its slack is pruned without them (and is remembered as a bound short of full).
    if total <= slack:
        total += _crossing(used, left, right, actors, days, weights, picked)
    # The same pay of each end's held cast exactly (`talent_finish`): never lower, and some
    # times dearer to compute than all the rest, so only while the state may survive.
    for side in range(2):
        if total > slack:
            break
        on = left if side == 0 else right
        exact = finish_order_pay(on, used, actors, days, weights, within, best, members)
        total += max(0.0, exact - (smith_left if side == 0 else smith_right))
    middle = rest & ~(both | left | right)
    if middle and total <= slack:
        scratch = (within, best, members)
        total = max(
            total, _spans(used, left, right, middle, held, actors, days, pay, weights, scratch)
        )
    return total


@njit(cache=True)
def _spans(
    used: int,
    left: int,
    right: int,
    middle: int,
    held: float,
    actors: np.ndarray,
    days: np.ndarray,
    pay: np.ndarray,
    weights: np.ndarray,
    scratch: tuple,
) -> float:
    """A bound that also prices when the cast working only in the middle starts (0 if not
    computed: too many cast).

    Over the T middle days, a left member pays to their last day C, a right one from their
    first day S, one of the middle from S to C: C + (T - S) - T. So the middle costs
    sum over left and middle of pay x C, plus sum over right and middle of pay x (T - S),
    less T x the middle's pay, plus T x the pay held at both ends. The two sums are bounded
    apart, each exactly over its finishing order (`talent_finish`; T - S is a finishing
    time in the reversed order). Unlike `_bound`'s own-days floor for the middle's cast it
    sees them wait, but the two orders need not agree, so it is the other's rival, not its
    part (the crossing term is not added: it counts days these sums count too).
    """
    first = finish_order_pay(left | middle, used, actors, days, weights, *scratch)
    if first < 0.0:
        return 0.0
    # With no cast held at either end the two sums are one (the same cast, the same groups).
    last = (
        first
        if left == right
        else finish_order_pay(right | middle, used, actors, days, weights, *scratch)
    )
    if last < 0.0:
        return 0.0
    span = 0.0
    for i in range(actors.shape[0]):
        if not (used >> i) & 1:
            span += days[i]
    return span * (held - _pay(middle, pay)) + first + last


@njit(cache=True)
def _crossing(
    used: int,
    left: int,
    right: int,
    actors: np.ndarray,
    days: np.ndarray,
    weights: np.ndarray,
    link: np.ndarray,
) -> float:
    """Pay of middle groups with no left or right cast, held by a left and right pair anyway.

    When a left actor (held from the front to their last middle group) and a right actor
    (from their first middle group to the back) share a middle group, every middle day is
    before the one's last or after the other's first: a group with neither side's cast pays
    at least the cheaper of the two for its days, pay that neither Smith bound counts (each
    counts only days of groups carrying its own side's cast). Disjoint pairs add up; they
    are matched greedily, dearest left actor first.
    """
    if not left or not right:
        return 0.0
    m = weights.shape[0]
    link[:] = 0
    neutral = 0.0
    for i in range(actors.shape[0]):
        if (used >> i) & 1:
            continue
        a_left, a_right = actors[i] & left, actors[i] & right
        if not a_left and not a_right:
            neutral += days[i]
        elif a_left and a_right:
            for a in range(m):
                if (a_left >> a) & 1:
                    link[a] |= a_right
    if neutral == 0.0:
        return 0.0
    taken, per_day = 0, 0.0
    for _ in range(m):
        best, pick = -1.0, -1
        for a in range(m):
            if link[a] and not (taken >> a) & 1 and weights[a] > best:
                best, pick = weights[a], a
        if pick < 0:
            break
        taken |= 1 << pick
        partner, value = -1, -1.0
        for b in range(m):
            if (link[pick] >> b) & 1 and not (taken >> b) & 1 and weights[b] > value:
                partner, value = b, weights[b]
        if partner >= 0:
            taken |= 1 << partner
            per_day += min(weights[pick], value)
    return neutral * per_day


def state_bounds(
    front: np.ndarray,
    back: np.ndarray,
    actors: np.ndarray,
    days: np.ndarray,
    pay: np.ndarray,
    squares: np.ndarray,
    weights: np.ndarray,
) -> np.ndarray:
    """The bound of each state (see `_bound`), in full (one compiled loop serves both)."""
    slack = np.full(front.shape[0], np.inf)
    return bounds_within(front, back, slack, actors, days, pay, squares, weights)


@njit(cache=True)
def bounds_within(
    front: np.ndarray,
    back: np.ndarray,
    slack: np.ndarray,
    actors: np.ndarray,
    days: np.ndarray,
    pay: np.ndarray,
    squares: np.ndarray,
    weights: np.ndarray,
) -> np.ndarray:
    """The bound of each state; one already above its `slack` may be left short of full."""
    out = np.empty(front.shape[0])
    ratio = np.zeros(weights.shape[0])
    picked = np.zeros(weights.shape[0], dtype=np.int64)
    within, best = np.zeros(1 << MAX_HELD), np.zeros(1 << MAX_HELD)
    members = np.zeros(MAX_HELD, dtype=np.int64)
    for k in range(front.shape[0]):
        out[k] = _bound(
            front[k],
            back[k],
            actors,
            days,
            pay,
            squares,
            weights,
            ratio,
            picked,
            within,
            best,
            members,
            slack[k],
        )
    return out
