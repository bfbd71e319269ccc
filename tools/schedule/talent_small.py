"""The talent search in plain numpy, for plans small enough to need few states.

The same bounded DP over sets of shot groups as `talent_search` (one end only, the same
dominance rules and the Smith's-rule part of its lower bound, see `talent_kernels` and
`talent_bound`; the exact finishing orders are left to the compiled search), each layer
computed as (states x groups x cast) array operations. It exists because the compiled
search costs a second to load its machine code (and half a minute to compile it on a fresh
clone), while the published instances (up to ~24 groups, 8 cast) need a few thousand
states: here they are proven in a fraction of that, and nothing compiled is touched. A
narrow beam finds the order to beat; the exact pass gives up (None) past `max_states`
states in a layer, so a plan too big for it costs little before the compiled search takes
it.
"""

from __future__ import annotations

import time

import numpy as np

from tools.schedule.exact import ExactPlan
from tools.schedule.talent_search import TalentOutcome, supersets

__all__ = ["small_search"]

_BEAM = 64
_CHUNK = 4_096
"""Parents expanded at once: (chunk x groups x cast) temporaries stay a few MB."""


class _Plan:
    """The plan as matrices: cast (groups x cast), days, rates, own pay, subsumption pairs."""

    def __init__(self, plan: ExactPlan) -> None:
        self.n, self.m = len(plan.groups), len(plan.weights)
        self.masks = plan.actors.astype(np.int64)
        bits = np.arange(self.m, dtype=np.int64)
        self.cast = ((self.masks[:, None] >> bits) & 1).astype(bool)
        self.castf = self.cast.astype(float)
        self.days = plan.days.astype(float)
        self.w = plan.weights.astype(float)
        self.own = self.days * (self.castf @ self.w)
        self.bits = np.int64(1) << np.arange(self.n, dtype=np.int64)
        self.cast_bits = np.int64(1) << bits
        supers = supersets(self.masks)
        self.pairs = [(i, j) for i in range(self.n) for j in range(self.n) if supers[i] >> j & 1]
        self.integral = bool(np.all(self.w == np.round(self.w)))

    def rest(self, sets: np.ndarray) -> np.ndarray:
        """Groups not in each set, as a (sets x groups) boolean matrix."""
        return (sets[:, None] & self.bits[None, :]) == 0

    def cost(self, order: list[int]) -> float:
        """DP cost of a group order."""
        sets = np.cumsum([0] + [int(self.bits[g]) for g in order[:-1]]).astype(np.int64)
        return float(sum(self._steps(sets[k : k + 1])[0, g] for k, g in enumerate(order)))

    def _steps(self, sets: np.ndarray) -> np.ndarray:
        """Pay of each group shot right after each set (its cast and the cast held over it)."""
        rest = self.rest(sets)
        count = rest.astype(float) @ self.castf
        shot = (~rest).astype(float) @ self.castf > 0
        after = (count[:, None, :] - self.castf[None, :, :]) > 0.5
        held = (shot[:, None, :] & after) | self.cast[None, :, :]
        return self.days[None, :] * (held.astype(float) @ self.w)

    def bounds(self, sets: np.ndarray) -> np.ndarray:
        """The one-ended Smith's-rule bound of `talent_bound._bound` per set, vectorized."""
        rest = self.rest(sets)
        shot = (~rest).astype(float) @ self.castf > 0
        left = shot & (rest.astype(float) @ self.castf > 0)
        on = self.cast[None, :, :] & left[:, None, :] & rest[:, :, None]
        won = on.astype(float) @ self.w
        square = on.astype(float) @ (self.w * self.w)
        safe = np.where(won > 0, won, 1.0)
        off = (self.cast[None, :, :] & ~left[:, None, :]).astype(float) @ self.w
        total = (rest * self.days * off).sum(axis=1)
        total += (rest * self.days * np.where(won > 0, (won - square / safe) / 2, 0.0)).sum(1)
        ratio = np.einsum("kn,knm->km", np.where(won > 0, self.days / safe, 0.0), on)
        key = np.where(left, ratio, np.inf)
        order = np.argsort(key, axis=1, kind="stable")
        weight = np.where(left, self.w[None, :], 0.0)
        ratio_s = np.take_along_axis(ratio * weight, order, axis=1)
        weight_s = np.take_along_axis(weight, order, axis=1)
        return total + (weight_s * np.cumsum(ratio_s, axis=1)).sum(axis=1)

    def allowed(self, sets: np.ndarray) -> np.ndarray:
        """(sets x groups): groups left that the dominance rules let go next."""
        rest = self.rest(sets)
        shot = (~rest).astype(float) @ self.castf > 0
        on = shot & (rest.astype(float) @ self.castf > 0)
        near = (shot * self.cast_bits).sum(axis=1)
        on_mask = (on * self.cast_bits).sum(axis=1)
        forced = rest & (self.masks[None, :] == on_mask[:, None])
        first = np.argmax(forced, axis=1)
        ok = rest.copy()
        has = forced.any(axis=1)
        ok[has] = np.arange(self.n)[None, :] == first[has, None]
        for i, j in self.pairs:
            started = near | self.masks[i]
            ok[:, i] &= ~(rest[:, j] & ((self.masks[j] & ~started) == 0))
        return ok


def _unique_least(sets: np.ndarray, costs: np.ndarray) -> np.ndarray:
    """Indexes of each set once with its least cost (the first on ties)."""
    order = np.lexsort((np.arange(len(sets)), costs, sets))
    first = np.ones(len(order), dtype=bool)
    first[1:] = sets[order[1:]] != sets[order[:-1]]
    return np.sort(order[first])


class _Search:
    def __init__(self, p: _Plan, incumbent: list[int], width: int, deadline: float) -> None:
        self.p, self.width, self.deadline = p, width, deadline
        self.best, self.best_cost = incumbent, p.cost(incumbent)
        self.steps: list[tuple[np.ndarray, np.ndarray]] = []

    def limit(self) -> float:
        if self.p.integral:
            return self.best_cost - 1.0 + 1e-6
        return self.best_cost - 1e-9 * max(1.0, abs(self.best_cost))

    def _children(self, sets: np.ndarray, g: np.ndarray) -> tuple[np.ndarray, ...]:
        p, out = self.p, []
        for at in range(0, len(sets), _CHUNK):
            cut = slice(at, at + _CHUNK)
            value = g[cut, None] + p._steps(sets[cut])
            left = p.rest(sets[cut]) @ p.own
            ok = p.allowed(sets[cut]) & (value + left[:, None] - p.own[None, :] <= self.limit())
            parent, group = np.nonzero(ok)
            child = sets[cut][parent] | p.bits[group]
            out.append((child, value[parent, group], parent + at, group))
        return tuple(np.concatenate([part[j] for part in out]) for j in range(4))

    def run(self, max_states: int) -> tuple[float, bool] | None:
        """(least bound of the states dropped by the beam, finished); None past max_states."""
        sets, g, floor = np.zeros(1, dtype=np.int64), np.zeros(1), np.inf
        for _ in range(self.p.n):
            if time.perf_counter() >= self.deadline:
                return None
            child, cost, parent, group = self._children(sets, g)
            keep = _unique_least(child, cost)
            child, cost, parent, group = child[keep], cost[keep], parent[keep], group[keep]
            f = cost + self.p.bounds(child)
            keep = f <= self.limit()
            child, cost, parent, group, f = (x[keep] for x in (child, cost, parent, group, f))
            if len(child) > self.width:
                order = np.argsort(f, kind="stable")
                floor = min(floor, float(f[order[self.width]]))
                kept = np.sort(order[: self.width])
                child, cost, parent, group = child[kept], cost[kept], parent[kept], group[kept]
            if len(child) > max_states:
                return None
            if not len(child):
                return floor, True
            sets, g = child, cost
            self.steps.append((parent, group))
        at = int(np.argmin(g))
        if float(g[at]) < self.best_cost:
            self.best, self.best_cost = self._walk_back(at), float(g[at])
        return floor, True

    def _walk_back(self, at: int) -> list[int]:
        order = []
        for parents, groups in reversed(self.steps):
            order.append(int(groups[at]))
            at = int(parents[at])
        return order[::-1]


def small_search(
    plan: ExactPlan, incumbent: list[int], *, deadline: float, max_states: int = 4_000
) -> TalentOutcome | None:
    """The proven cheapest group order, or None when a layer passes `max_states` states."""
    p = _Plan(plan)
    if not p.n:
        return TalentOutcome(groups=[], cost=0.0, bound=0.0)
    beam = _Search(p, incumbent, _BEAM, deadline)
    beam.run(max_states=_BEAM)
    exact = _Search(p, beam.best, max_states + 1, deadline)
    found = exact.run(max_states)
    if found is None or found[0] < np.inf:
        return None
    return TalentOutcome(groups=exact.best, cost=exact.best_cost, bound=exact.best_cost)
