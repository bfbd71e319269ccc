"""The talent plan as the compiled search takes it: bit masks, pay tables, costs, bounds."""

from __future__ import annotations

import numpy as np

from tools.schedule.exact import ExactPlan
from tools.schedule.talent_bound import bounds_within, state_bounds
from tools.schedule.talent_memo import BoundMemo

__all__ = ["Tables", "supersets"]


class Tables:
    """The plan as the compiled kernels take it: bit masks, pay tables per 11 cast bits."""

    def __init__(self, plan: ExactPlan, *, memo: bool = False) -> None:
        self.actors = plan.actors.astype(np.int64)
        self.days = plan.days.astype(float)
        self.weights = plan.weights.astype(float)
        chunks = max(1, -(-len(self.weights) // 11))
        self.pay = np.zeros((chunks, 2048))
        self.squares = np.zeros((chunks, 2048))
        for a, w in enumerate(self.weights):
            j, bit = divmod(a, 11)
            has = (np.arange(2048) >> bit) & 1 == 1
            self.pay[j, has] += w
            self.squares[j, has] += w * w
        self.own = self.days * np.array([self.pay_of(int(x)) for x in self.actors])
        self.integral = bool(np.all(self.weights == np.round(self.weights)))
        self.supers = supersets(self.actors)
        # Shared by the searches given these tables (`talent_memo`): sized to the plan.
        self.memo = BoundMemo(1 << min(23, len(self.actors) + 6)) if memo else None

    def pay_of(self, mask: int) -> float:
        return float(sum(w for a, w in enumerate(self.weights) if mask >> a & 1))

    def bounds(self, front: np.ndarray, back: np.ndarray) -> np.ndarray:
        return state_bounds(
            front, back, self.actors, self.days, self.pay, self.squares, self.weights
        )

    def bounds_within(self, front: np.ndarray, back: np.ndarray, slack: np.ndarray) -> np.ndarray:
        """Bounds, left short once a state is above its slack (it is pruned either way)."""
        if self.memo is not None:
            tables = (self.actors, self.days, self.pay, self.squares, self.weights)
            return self.memo.bounds_within(front, back, slack, tables)
        return bounds_within(
            front, back, slack, self.actors, self.days, self.pay, self.squares, self.weights
        )

    def step(self, parent: int, group: int) -> float:
        """The cost of shooting `group` right after the set `parent`."""
        child = parent | 1 << group
        done = rest = 0
        for i, x in enumerate(self.actors):
            if parent >> i & 1:
                done |= int(x)
            elif not child >> i & 1:
                rest |= int(x)
        return float(self.days[group]) * self.pay_of(int(self.actors[group]) | (done & rest))

    def group_cost(self, order: list[int]) -> float:
        state, total = 0, 0.0
        for group in order:
            total += self.step(state, group)
            state |= 1 << group
        return total


def supersets(actors: np.ndarray) -> np.ndarray:
    """Per group i, the mask of groups j whose cast contains i's (equal casts: j < i only)."""
    out = np.zeros(len(actors), dtype=np.int64)
    for i, a in enumerate(actors):
        for j, b in enumerate(actors):
            if j != i and a & ~b == 0 and (a != b or j < i):
                out[i] |= 1 << j
    return out
