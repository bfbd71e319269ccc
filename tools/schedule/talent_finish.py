"""The exact pay of one end's cast held into the middle, by a DP over their finishing order.

Cast that works at the front and in the middle (but not at the back) is on location from the
first middle day to their last middle group. Counting for them only the days of middle groups
that carry such cast (the rest can go after them all), the cheapest total is a problem in the
order they finish alone: once the set T of them that have finished is fixed, the one of T
finishing last waits at least for every group any of T works in, D(T) days, and shooting
each one's groups in turn meets every such bound at once. So the least pay is
f(all), f(T) = min over a in T of f(T - a) + pay(a) * D(T): 2^k x k steps for k of them.
`talent_bound` relaxes the same quantity by splitting shared groups (Smith's rule); this is
exact, so never lower, and cheap while few of the cast are held (at most `MAX_HELD`).
"""

from __future__ import annotations

import numpy as np
from numba import njit

__all__ = ["MAX_HELD", "finish_order_pay"]

MAX_HELD = 10
"""Held cast past which the exact DP is not run (2^10 x 10 steps a state at most)."""
_BIT = np.zeros(1 << MAX_HELD, dtype=np.int64)
for _j in range(MAX_HELD):
    _BIT[1 << _j] = _j


@njit(cache=True)
def finish_order_pay(
    held: int,
    used: int,
    actors: np.ndarray,
    days: np.ndarray,
    weights: np.ndarray,
    within: np.ndarray,
    best: np.ndarray,
    members: np.ndarray,
) -> float:
    """The least pay of the `held` cast from now to their last group among those not `used`.

    Only the days of groups with some held cast count (a true lower bound on their pay in
    every order). Returns -1.0 when more than `MAX_HELD` are held (not computed). `within`
    and `best` (2^MAX_HELD floats) and `members` (MAX_HELD ints) are scratch space.
    """
    k = 0
    for a in range(weights.shape[0]):
        if (held >> a) & 1:
            if k == MAX_HELD:
                return -1.0
            members[k] = a
            k += 1
    if k == 0:
        return 0.0
    full = (1 << k) - 1
    # within[U] = days of the groups whose held cast is within U (a subset-sum transform).
    within[: full + 1] = 0.0
    total = 0.0
    for i in range(actors.shape[0]):
        if (used >> i) & 1 or not actors[i] & held:
            continue
        pattern = 0
        for j in range(k):
            if (actors[i] >> members[j]) & 1:
                pattern |= 1 << j
        within[pattern] += days[i]
        total += days[i]
    for j in range(k):
        step = 1 << j
        for base in range(0, full + 1, 2 * step):
            for s in range(base + step, base + 2 * step):
                within[s] += within[s - step]
    if k == 1:
        return weights[members[0]] * total  # one of them: their own days, in any order
    rate = np.empty(k)
    for j in range(k):
        rate[j] = weights[members[j]]
    best[0] = 0.0
    for s in range(1, full + 1):
        # D(s) = days of the groups any of s works in: all but those within the others.
        span = total - within[full ^ s]
        value, rest = np.inf, s
        while rest:
            low = rest & -rest
            option = best[s ^ low] + rate[_BIT[low]] * span
            if option < value:
                value = option
            rest ^= low
        best[s] = value
    return best[full]
