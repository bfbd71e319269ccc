"""The subset DP of `exact` with its location state, compiled with numba.

The same recurrence as `exact._Dp` (a strip appended to a prefix pays its days times the pay
of the cast on location; a location visited before but not the last one is set up again),
pulled over the sets in increasing order (a prefix is a smaller integer than its set) and
only over the sets closed under the precedences (on movie20 a fifth of them): every other set
costs infinity anyway. Numpy takes 1.5-5 s for 20 groups on the shared machine; compiled it is
a few hundredths of a second, so movie shoot scheduling at 20 scenes is proven at once.
The arithmetic is the numpy DP's, in the same order, so both fill the same table.
"""

from __future__ import annotations

import numpy as np
from numba import njit

__all__ = ["SECONDS_PER_STEP", "fill", "pay_table"]

SECONDS_PER_STEP = 4e-9
"""Measured cost of one (set, strip) step on a loaded 2-core machine, with slack."""

_SLICE = 11
"""Bits of a cast mask priced by one row of the pay table (2048 entries)."""


def pay_table(weights: np.ndarray) -> np.ndarray:
    """Pay of each 11-bit slice of a cast mask, one row per slice."""
    table = np.zeros((max(1, -(-len(weights) // _SLICE)), 1 << _SLICE))
    for a, w in enumerate(weights):
        row, bit = divmod(a, _SLICE)
        table[row, (np.arange(1 << _SLICE) >> bit) & 1 == 1] += w
    return table


@njit(cache=True)
def _pay(mask: int, table: np.ndarray) -> float:
    total = 0.0
    for row in range(table.shape[0]):
        total += table[row, (mask >> (_SLICE * row)) & ((1 << _SLICE) - 1)]
    return total


@njit(cache=True)
def _closed(sets: int, pred: np.ndarray) -> bool:
    # A loop, not all() over a generator: numba compiles no generator expression.
    for s in range(pred.shape[0]):  # noqa: SIM110
        if (sets >> s) & 1 and (sets & pred[s]) != pred[s]:
            return False
    return True


@njit(cache=True)
def fill(
    g: np.ndarray,
    best: np.ndarray,
    cast: np.ndarray,
    places: np.ndarray,
    actors: np.ndarray,
    days: np.ndarray,
    loc: np.ndarray,
    setup: np.ndarray,
    pred: np.ndarray,
    table: np.ndarray,
) -> None:
    """g[S, l] (last strip at l) and best[S] for every set; both start at infinity but
    best[0] = 0. cast[S] and places[S] are the cast and location bits of the set S."""
    n = actors.shape[0]
    full = (1 << n) - 1
    for sets in range(1, full + 1):
        if not _closed(sets, pred):
            continue
        rest = cast[full ^ sets]
        for s in range(n):
            if not (sets >> s) & 1:
                continue
            prefix = sets ^ (1 << s)
            if (prefix & pred[s]) != pred[s] or best[prefix] == np.inf:
                continue
            at = loc[s]
            step = days[s] * _pay((cast[prefix] & rest) | actors[s], table)
            again = ((places[prefix] >> at) & 1) * setup[at]
            value = min(g[prefix, at], best[prefix] + again) + step
            if value < g[sets, at]:
                g[sets, at] = value
        low = np.inf
        for place in range(g.shape[1]):
            low = min(low, g[sets, place])
        best[sets] = low
