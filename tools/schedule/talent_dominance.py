"""Dominance between two-ended states of the talent search that have shot the same groups.

For a fixed order of the groups left, a cast member is on location at a middle group when
they started before it (at the front, or earlier in the middle) and work after it (later in
the middle, or at the back): so the middle's cost only grows with the cast of the front and
of the back. Two states with the same groups left, where one's front and back casts are
within the other's (either way round: a middle reversed costs the same) and its path costs
no more, need not both be kept: every completion of the second costs the first no more.
Only the cast that can still be held counts (cast of an end working in the middle or at
the other end). Ties keep the first state, so the layer is the same for the same input.
"""

from __future__ import annotations

import numpy as np
from numba import njit

from tools.schedule.talent_kernels import _casts

__all__ = ["dominated"]


@njit(cache=True)
def _relevant(front: int, back: int, actors: np.ndarray) -> tuple[int, int]:
    """The cast of each end that is also needed elsewhere (held while the middle is shot)."""
    first, last, rest = _casts(front, back, actors)
    return first & (rest | last), last & (rest | first)


@njit(cache=True)
def _covers(f1: int, b1: int, f2: int, b2: int) -> bool:
    """True when the casts (f1, b1) are within (f2, b2), either way round."""
    return (f1 & ~f2 == 0 and b1 & ~b2 == 0) or (f1 & ~b2 == 0 and b1 & ~f2 == 0)


@njit(cache=True)
def _mark(
    front: np.ndarray, back: np.ndarray, g: np.ndarray, order: np.ndarray, actors: np.ndarray
) -> np.ndarray:
    out = np.zeros(front.shape[0], dtype=np.bool_)
    casts = np.zeros((front.shape[0], 2), dtype=np.int64)
    for k in range(front.shape[0]):
        casts[k, 0], casts[k, 1] = _relevant(front[k], back[k], actors)
    start = 0
    while start < order.shape[0]:
        used = front[order[start]] | back[order[start]]
        end = start + 1
        while end < order.shape[0] and front[order[end]] | back[order[end]] == used:
            end += 1
        for x in range(start, end):
            i = order[x]
            for y in range(start, end):
                j = order[y]
                if i == j or out[i] or out[j] or g[i] > g[j]:
                    continue
                mutual = _covers(casts[j, 0], casts[j, 1], casts[i, 0], casts[i, 1])
                if j < i and g[i] == g[j] and mutual:
                    continue  # each as good as the other: the first one stays
                if _covers(casts[i, 0], casts[i, 1], casts[j, 0], casts[j, 1]):
                    out[j] = True
        start = end
    return out


def dominated(front: np.ndarray, back: np.ndarray, g: np.ndarray, actors: np.ndarray) -> np.ndarray:
    """Per state, True when another state of the same groups shot dominates it."""
    order = np.argsort(front | back, kind="stable")
    return _mark(front, back, g, order, actors)
