"""The next layer of the talent search as it is grown: one entry per state, least cost kept.

Children of different parents are often the same state (the same groups shot, reached in
another order); merging them as they come, in an open-addressing hash table, means each
distinct state is bounded once (`talent_bound.state_bounds` is the costly step), where
merging per chunk of parents bounded every state several times over. Insertion order is
kept and ties go to the first child, so the layer is the same for the same input.
"""

from __future__ import annotations

import numpy as np
from numba import njit

__all__ = ["Layer"]

_MIX = np.uint64(0x9E3779B97F4A7C15)


@njit(cache=True)
def _slot(front: int, back: int, mask: int) -> np.int64:
    h = (np.uint64(front) * _MIX) ^ (np.uint64(back) + np.uint64(0x632BE59BD9B4E019))
    return np.int64((h * _MIX) >> np.uint64(20)) & mask


@njit(cache=True)
def _merge(
    slots: np.ndarray,
    cols: np.ndarray,
    costs: np.ndarray,
    count: int,
    new: np.ndarray,
    new_costs: np.ndarray,
) -> int:
    """Insert rows of `new` (front, back, parent, group, flip) keyed by (front, back)."""
    mask = slots.shape[0] - 1
    for k in range(new.shape[0]):
        slot = _slot(new[k, 0], new[k, 1], mask)
        while True:
            j = slots[slot]
            if j < 0:
                slots[slot] = count
                cols[count] = new[k]
                costs[count] = new_costs[k]
                count += 1
                break
            if cols[j, 0] == new[k, 0] and cols[j, 1] == new[k, 1]:
                if new_costs[k] < costs[j]:
                    cols[j] = new[k]
                    costs[j] = new_costs[k]
                break
            slot = (slot + 1) & mask
    return count


@njit(cache=True)
def _rehash(slots: np.ndarray, cols: np.ndarray, count: int) -> None:
    mask = slots.shape[0] - 1
    for j in range(count):
        slot = _slot(cols[j, 0], cols[j, 1], mask)
        while slots[slot] >= 0:
            slot = (slot + 1) & mask
        slots[slot] = j


class Layer:
    """Distinct states of one layer with their least cost, parent, added group and flip."""

    def __init__(self) -> None:
        self.count = 0
        self.cols = np.zeros((1 << 12, 5), dtype=np.int64)
        self.costs = np.zeros(1 << 12)
        self.slots = np.full(1 << 13, -1, dtype=np.int64)

    def _reserve(self, extra: int) -> None:
        need = self.count + extra
        if need > len(self.costs):
            size = max(need, 2 * len(self.costs))
            self.cols = np.concatenate((self.cols, np.zeros((size - len(self.costs), 5), np.int64)))
            self.costs = np.concatenate((self.costs, np.zeros(size - len(self.costs))))
        if 2 * need > len(self.slots):
            size = len(self.slots)
            while size < 2 * need:
                size *= 2
            self.slots = np.full(size, -1, dtype=np.int64)
            _rehash(self.slots, self.cols, self.count)

    def add(self, rows: np.ndarray, costs: np.ndarray) -> None:
        """Merge children: rows of (front, back, parent, group, flip), with their path costs."""
        self._reserve(len(rows))
        self.count = _merge(self.slots, self.cols, self.costs, self.count, rows, costs)

    def arrays(self) -> tuple[np.ndarray, ...]:
        """Front, back, cost, parent, group and flip columns of the distinct states."""
        cols = self.cols[: self.count]
        return (
            cols[:, 0].copy(),
            cols[:, 1].copy(),
            self.costs[: self.count].copy(),
            cols[:, 2].copy(),
            cols[:, 3].copy(),
            cols[:, 4].astype(bool),
        )
