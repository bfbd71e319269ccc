"""Lower bounds of talent-search states remembered across the searches of one plan.

`talent_search` runs several searches over the same states: a beam, the full proof, then
searches under lower ceilings (`talent_deepen`), and each bounded every state it met afresh,
though a state's bound depends only on the state (the groups at each end). The bound is the
search's dearest step, so it is kept here, in an open-addressing hash table keyed by the
(front, back) masks, and a later search looks it up. A bound computed short of full (left
short once above that search's slack: the state was pruned) is marked so, and is reused
only where it still prunes (above the new slack); otherwise it is computed again in full.
So every search keeps exactly the states and bounds it would keep without the table, only
sooner. The table stops growing at `capacity` states (later ones are computed every time).
"""

from __future__ import annotations

import numpy as np
from numba import njit

from tools.schedule.talent_bound import _bound
from tools.schedule.talent_finish import MAX_HELD

__all__ = ["BoundMemo"]

_CAPACITY = 1 << 23
"""States remembered at most: about 260 MB of keys, values and slots."""
_MIX = np.uint64(0x9E3779B97F4A7C15)


@njit(cache=True)
def _slot(front: int, back: int, mask: int) -> np.int64:
    h = (np.uint64(front) * _MIX) ^ (np.uint64(back) + np.uint64(0xD1B54A32D192ED03))
    return np.int64((h * _MIX) >> np.uint64(17)) & mask


@njit(cache=True)
def _memo_bounds(
    front: np.ndarray,
    back: np.ndarray,
    slack: np.ndarray,
    table: tuple,
    tables: tuple,
) -> np.ndarray:
    keys, values, full, slots, count = table
    actors, days, pay, squares, weights = tables
    mask = slots.shape[0] - 1
    out = np.empty(front.shape[0])
    ratio = np.zeros(weights.shape[0])
    picked = np.zeros(weights.shape[0], dtype=np.int64)
    within, best = np.zeros(1 << MAX_HELD), np.zeros(1 << MAX_HELD)
    members = np.zeros(MAX_HELD, dtype=np.int64)
    for k in range(front.shape[0]):
        slot = _slot(front[k], back[k], mask)
        at = -1
        while slots[slot] >= 0:
            j = slots[slot]
            if keys[j, 0] == front[k] and keys[j, 1] == back[k]:
                at = j
                break
            slot = (slot + 1) & mask
        if at >= 0 and (full[at] or values[at] > slack[k]):
            out[k] = values[at]
            continue
        value = _bound(
            front[k], back[k], actors, days, pay, squares, weights,
            ratio, picked, within, best, members, slack[k],
        )  # fmt: skip
        out[k] = value
        if at < 0 and count[0] < keys.shape[0]:
            at = count[0]
            count[0] += 1
            slots[slot] = at
            keys[at, 0], keys[at, 1] = front[k], back[k]
        if at >= 0:
            # Within the slack, `_bound` computed every part: the full bound.
            values[at], full[at] = value, value <= slack[k]
    return out


class BoundMemo:
    """The states bounded so far, their bounds, and whether each bound is the full one."""

    def __init__(self, capacity: int = _CAPACITY) -> None:
        self.keys = np.zeros((capacity, 2), dtype=np.int64)
        self.values = np.zeros(capacity)
        self.full = np.zeros(capacity, dtype=np.bool_)
        # At most half full, so every probe sequence ends at an empty slot.
        self.slots = np.full(1 << int(np.ceil(np.log2(2 * capacity))), -1, dtype=np.int64)
        self.count = np.zeros(1, dtype=np.int64)

    def __len__(self) -> int:
        return int(self.count[0])

    def bounds_within(
        self, front: np.ndarray, back: np.ndarray, slack: np.ndarray, tables: tuple
    ) -> np.ndarray:
        """Each state's bound (as `talent_bound.bounds_within`), remembered or computed.

        `tables` is (actors, days, pay, squares, weights) as the bound takes them.
        """
        table = (self.keys, self.values, self.full, self.slots, self.count)
        return _memo_bounds(front, back, slack, table, tables)
