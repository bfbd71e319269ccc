"""Window polishing for sequencing orders too long for the exact DP: re-solve a stretch exactly.

A stretch of consecutive strips (`WIDTHS`) of a good order is re-ordered by the exact DP
(`exact.solve_exact`, compiled at this size) with everything around it fixed: the strips
before it become one strip shot first (their cast and days, the location of the last one),
those after it one strip shot last. Every cast member's span then differs from the true one
by the same amount in every order of the stretch, so the DP picks the stretch's best order up
to locations (a location visited earlier in the fixed part is not seen by the DP); the new
order is kept only when its true cost is lower. Windows overlap by two thirds and sweep the
order until none improves. The local search's block moves cannot make these changes (many
strips at once), and a sweep is cheap: on movie100 it takes the local search's 29,630 to
29,367 in 3-8 s (movie30's 2,770 stays). The sweep is the same for the same order; only the
deadline cuts it.
"""

from __future__ import annotations

import time

import numpy as np

from tools.schedule.exact import exact_plan, solve_exact
from tools.schedule.sequence import Sequencing, order_cost

__all__ = ["WIDTHS", "polish"]

WIDTHS = (18, 13)
"""Strips re-ordered at once, by turns: 18 with the two fixed ends is 20 groups (alone on
movie100 it converged in 10 s against 26 s for 20, to the same order); the narrower windows
end elsewhere and free orders the wide ones left stuck."""


def _stretch(
    seq: Sequencing, order: list[int], at: int, width: int
) -> tuple[Sequencing, list[int]]:
    """The window at `at` as a sequencing problem, and the strip of each of its rows (-1 for
    the fixed ends)."""
    before, window, after = order[:at], order[at : at + width], order[at + width :]
    ends = [part for part in (before, after) if part]
    rows = [*window, *[-1] * len(ends)]
    cast = [seq.cast[s] for s in window] + [seq.cast[part].any(axis=0) for part in ends]
    days = [int(seq.days[s]) for s in window] + [int(seq.days[part].sum()) for part in ends]
    loc = [int(seq.loc[s]) for s in window]
    loc += [int(seq.loc[part[-1] if part is before else part[0]]) for part in ends]
    where = {s: k for k, s in enumerate(window)}
    pairs = {(where[a], where[b]) for a, b in seq.before if a in where and b in where}
    first, last = len(window), len(window) + len(ends) - 1
    if before:
        pairs |= {(first, k) for k in range(len(rows)) if k != first}
    if after:
        pairs |= {(k, last) for k in range(len(rows)) if k != last}
    sub = Sequencing(
        days=np.array(days, dtype=np.int64),
        cast=np.array(cast, dtype=bool).reshape(len(rows), seq.cast.shape[1]),
        rates=seq.rates,
        loc=np.array(loc, dtype=np.int64),
        setup=seq.setup,
        before=tuple(sorted(pairs)),
    )
    return sub, rows


def _reordered(
    seq: Sequencing, order: list[int], at: int, width: int, deadline: float
) -> list[int] | None:
    sub, rows = _stretch(seq, order, at, width)
    plan = exact_plan(sub)
    if time.perf_counter() + plan.solve_seconds() > deadline:
        return None
    found = solve_exact(sub, plan)
    if found is None:
        return None
    window = [rows[k] for k in found if rows[k] >= 0]
    return order[:at] + window + order[at + width :]


def polish(seq: Sequencing, order: list[int], *, deadline: float) -> tuple[list[int], float]:
    """The order with windows re-solved until none improves (or the `time.perf_counter`
    deadline passes), and its cost (`sequence.order_cost`); never dearer than `order`."""
    best, cost = list(order), order_cost(seq, order)
    windows = [
        (at, width)
        for width in WIDTHS
        if seq.n > width
        for at in sorted({*range(0, seq.n - width, width // 3), seq.n - width})
    ]
    improved = True
    while improved:
        improved = False
        for at, width in windows:
            if time.perf_counter() >= deadline:
                return best, cost
            found = _reordered(seq, best, at, width, deadline)
            value = order_cost(seq, found) if found is not None else cost
            if found is not None and value < cost - 1e-9:
                best, cost, improved = found, value, True
    return best, cost
