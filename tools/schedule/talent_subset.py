"""The subset DP of talent plans compiled with numba: every set of groups, up to 2^25 sets.

The same recurrence as `exact` (Garcia de la Banda, Stuckey & Chu 2011) without locations:
g[S] = min over i in S of g[S - i] + d_i pay(a_i | (cast(S - i) & cast(rest))), i allowed
last only when its predecessors are in S - i, pulled over the sets in increasing order
(S - i < S). Compiled, 24 groups take 5-8 s on the shared machine against about 30 s in
numpy, whatever the cast size (the bounded searches weaken as the cast grows). Two tables of
2^n entries (costs, and the cast of each set) bound it: 25 groups is 512 MB.
"""

from __future__ import annotations

import numpy as np
from numba import njit

from tools.schedule.exact import ExactPlan

__all__ = ["MAX_GROUPS", "estimated_seconds", "is_loaded", "subset_order"]

MAX_GROUPS = 25
_SECONDS_PER_STEP = 3e-8
"""Measured cost of one (set, group) step on a loaded 2-core machine (24 groups: 5-8 s)."""


def estimated_seconds(plan: ExactPlan) -> float:
    """Rough time of the compiled DP (n 2^(n-1) steps); infinite past `MAX_GROUPS`."""
    n = len(plan.groups)
    return float("inf") if n > MAX_GROUPS else n * 2.0 ** (n - 1) * _SECONDS_PER_STEP


def is_loaded() -> bool:
    """True once the DP's machine code is in this process (compiled or read from the cache)."""
    return bool(_run.signatures)


@njit(cache=True)
def _pay(mask: int, table: np.ndarray) -> float:
    total = 0.0
    for j in range(table.shape[0]):
        total += table[j, (mask >> (11 * j)) & 2047]
    return total


@njit(cache=True)
def _run(actors: np.ndarray, days: np.ndarray, pred: np.ndarray, table: np.ndarray) -> np.ndarray:
    n = actors.shape[0]
    full = (1 << n) - 1
    cast = np.zeros(1 << n, dtype=np.int64)
    for s in range(1, 1 << n):
        low = s & -s
        bit = 0
        while (low >> bit) != 1:
            bit += 1
        cast[s] = cast[s ^ low] | actors[bit]
    g = np.full(1 << n, np.inf)
    g[0] = 0.0
    for s in range(1, 1 << n):
        rest = cast[full ^ s]
        best = np.inf
        for i in range(n):
            if (s >> i) & 1 and (s & pred[i]) == pred[i]:
                prefix = s ^ (1 << i)
                value = g[prefix] + days[i] * _pay(actors[i] | (cast[prefix] & rest), table)
                if value < best:
                    best = value
        g[s] = best
    return g


def _table(weights: np.ndarray) -> np.ndarray:
    """Pay of each 11-bit slice of a cast mask, per slice."""
    chunks = max(1, -(-len(weights) // 11))
    table = np.zeros((chunks, 2048))
    for a, w in enumerate(weights):
        j, bit = divmod(a, 11)
        table[j, (np.arange(2048) >> bit) & 1 == 1] += w
    return table


def subset_order(plan: ExactPlan) -> tuple[list[int], float]:
    """An optimal group order of a talent plan (locations ignored) and its cost.

    Precedences between groups are kept; raises ValueError when they leave no order."""
    n = len(plan.groups)
    if n > MAX_GROUPS:
        raise ValueError(f"{n} groups is too many for the subset DP (at most {MAX_GROUPS})")
    actors, days = plan.actors.astype(np.int64), plan.days.astype(float)
    table = _table(plan.weights.astype(float))
    pred = plan.pred.astype(np.int64)
    g = _run(actors, days, pred, table)
    if not np.isfinite(g[-1]):
        raise ValueError("the precedences leave no order")
    full = (1 << n) - 1
    order, s = [], full
    cast = [int(x) for x in actors]
    while s:
        rest = np.bitwise_or.reduce([0] + [cast[j] for j in range(n) if not s >> j & 1])
        for i in range(n):
            if not s >> i & 1 or int(pred[i]) & s != int(pred[i]):
                continue
            prefix = s ^ (1 << i)
            held = np.bitwise_or.reduce([0] + [cast[j] for j in range(n) if prefix >> j & 1])
            step = days[i] * _pay(cast[i] | (int(held) & int(rest)), table)
            if g[prefix] + step <= g[s] + 1e-9 * max(1.0, abs(g[s])):
                break
        order.append(i)
        s = prefix
    return order[::-1], float(g[full])
