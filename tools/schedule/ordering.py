"""A good order fast for sequencing problems too big for the exact DP: greedy, then local search.

The greedy order respects precedences and groups strips by location, then by cast. The local
search moves blocks of 1 to 3 consecutive strips (also reversed) to their best position, all
positions costed at once with `sequence.order_costs`; when no move helps, a seeded shuffle of
a short segment restarts it from the best order (iterated local search). Work is counted in
rounds so the same input gives the same order; the deadline only cuts a run on a slow machine.
"""

from __future__ import annotations

import time

import numpy as np

from tools.schedule.sequence import Sequencing, order_cost, order_costs

__all__ = ["greedy_order", "improve_order"]

_BLOCKS = (1, 2, 3)
_KICK = 8
"""Widest segment a perturbation shuffles: small kicks keep most of a good order."""


def greedy_order(seq: Sequencing) -> list[int]:
    """Strips by (location, cast), fixed up to respect precedences (earliest ready first)."""
    key = {s: (int(seq.loc[s]), tuple(np.flatnonzero(seq.cast[s])), s) for s in range(seq.n)}
    preds: dict[int, set[int]] = {s: set() for s in range(seq.n)}
    for a, b in seq.before:
        preds[b].add(a)
    done: set[int] = set()
    order: list[int] = []
    pending = sorted(range(seq.n), key=lambda s: key[s])
    while pending:
        pick = next((s for s in pending if preds[s] <= done), pending[0])
        order.append(pick)
        done.add(pick)
        pending.remove(pick)
    return order


def _insertions(base: np.ndarray, block: np.ndarray) -> np.ndarray:
    """Every order made by inserting `block` into `base` (one row per insertion point)."""
    n, b = len(base) + len(block), len(block)
    at = np.arange(len(base) + 1)[:, None]
    pos = np.arange(n)[None, :]
    inside = (pos >= at) & (pos < at + b)
    from_base = np.where(pos < at, pos, pos - b).clip(0, max(len(base) - 1, 0))
    from_block = (pos - at).clip(0, b - 1)
    return np.where(inside, block[from_block], base[from_base] if len(base) else 0)


def _best_move(seq: Sequencing, order: np.ndarray, i: int, b: int) -> tuple[float, np.ndarray]:
    block = order[i : i + b]
    base = np.concatenate((order[:i], order[i + b :]))
    rows = [_insertions(base, block)]
    if b > 1:
        rows.append(_insertions(base, block[::-1]))
    candidates = np.concatenate(rows)
    costs = order_costs(seq, candidates)
    best = int(np.argmin(costs))
    return float(costs[best]), candidates[best]


def _descend(seq: Sequencing, order: np.ndarray, cost: float, deadline: float) -> tuple:
    improved = True
    while improved and time.perf_counter() < deadline:
        improved = False
        for b in _BLOCKS:
            for i in range(len(order) - b + 1):
                if time.perf_counter() >= deadline:
                    return order, cost
                value, candidate = _best_move(seq, order, i, b)
                if value < cost - 1e-9:
                    order, cost, improved = candidate, value, True
    return order, cost


def improve_order(
    seq: Sequencing, order: list[int], *, deadline: float, rounds: int = 200, seed: int = 7
) -> tuple[list[int], float]:
    """The best order found from `order` by `rounds` of perturbation and descent."""
    rng = np.random.default_rng(seed)
    best = np.asarray(order, dtype=np.int64)
    best, best_cost = _descend(seq, best, order_cost(seq, order), deadline)
    for _ in range(rounds):
        if time.perf_counter() >= deadline or seq.n < 4:
            break
        width = int(rng.integers(3, min(_KICK, seq.n) + 1))
        i = int(rng.integers(0, seq.n - width + 1))
        trial = best.copy()
        trial[i : i + width] = rng.permutation(trial[i : i + width])
        cost = order_cost(seq, trial)
        if not np.isfinite(cost):
            continue
        trial, cost = _descend(seq, trial, cost, deadline)
        if cost < best_cost - 1e-9:
            best, best_cost = trial, cost
    return [int(s) for s in best], best_cost
