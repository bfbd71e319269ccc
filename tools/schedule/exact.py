"""Exact dynamic program over sets of strips, vectorized with numpy (sequencing problems).

For a set S of strips shot first, g[S, l] is the cheapest cost of shooting S with the last
strip at location class l (Garcia de la Banda, Stuckey & Chu 2011, plus the location state of
movie shoot scheduling). Appending s to a prefix P = S - s pays s's days times the pay of the
cast on location (s's own cast, and everyone who started in P and still works after S), plus
a set-up when s's location was visited in P but is not the last one. Subsets are processed by
size, all subsets of one size at once, so 2^n states cost about n * 2^n array operations.
Past a few hundredths of a second of that (about 15 groups), the same table is filled by the
compiled kernel of `exact_kernel`, some 20 times faster (movie20: 0.05 s against 1-5 s).

Reductions that keep an optimum: strips with the same cast and location (and no precedence)
are shot together (moving one next to its twin never lengthens a span nor adds a run);
cast-less strips go first when locations are unpriced; cast members who appear in one group
only, or are unpaid, cost the same in every order and leave the state.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from tools.schedule import exact_kernel
from tools.schedule.sequence import Sequencing

__all__ = ["ExactPlan", "exact_plan", "solve_exact"]

_MAX_GROUPS = 40
"""Far past what fits any time limit (2^40 sets); keeps the bitmasks inside int64."""

_MAX_STATES = 1 << 24
"""(set, location) states kept in memory: 16M floats, 128 MB."""

_SECONDS_PER_STEP = 4e-8
"""Measured cost of one (subset, strip) step on a shared 2-core machine, with slack."""

_NUMPY_SECONDS = 0.05
"""Estimated numpy seconds up to which numpy runs the DP (up to about 15 groups): the
compiled kernel would spend longer being loaded."""

_LOAD_SECONDS = 1.0
"""Allowance for loading the compiled kernel from numba's disk cache the first time in a
process (measured 0.1-0.3 s; compiling it, without the warm step, takes a few seconds)."""


@dataclass(frozen=True)
class ExactPlan:
    """The reduced problem the DP solves: groups of strips shot together."""

    groups: list[list[int]]
    """Strips of each group in shooting order."""
    first: list[int]
    """Strips shot before every group (cast-less, locations unpriced)."""
    days: np.ndarray
    actors: np.ndarray
    """Bitmask of the paid cast members each group holds on location (int64)."""
    weights: np.ndarray
    """Day rate of each bit of `actors`."""
    loc: np.ndarray
    setup: np.ndarray
    pred: np.ndarray
    """Bitmask of the groups each group must follow."""

    def compiled(self) -> bool:
        """True when `solve_exact` runs the compiled kernel (past `_NUMPY_SECONDS` of numpy)."""
        return self.estimated_seconds() > _NUMPY_SECONDS

    def estimated_seconds(self) -> float:
        """Rough time of the numpy DP (n * 2^n steps); infinite when its tables would not
        fit in memory."""
        n = len(self.groups)
        if 2**n * len(self.setup) > _MAX_STATES:
            return float("inf")
        return n * 2.0**n * (1 + (len(self.setup) > 1)) * _SECONDS_PER_STEP

    def solve_seconds(self) -> float:
        """Rough time of `solve_exact` with the kernel it picks, the compiled one with its
        load counted whether or not it is loaded (so the same plan is always routed alike)."""
        numpy_seconds = self.estimated_seconds()
        if numpy_seconds <= _NUMPY_SECONDS or numpy_seconds == float("inf"):
            return numpy_seconds
        n = len(self.groups)
        return n * 2.0**n * exact_kernel.SECONDS_PER_STEP + _LOAD_SECONDS


def _group_strips(seq: Sequencing) -> tuple[list[list[int]], list[int]]:
    named = {s for pair in seq.before for s in pair}
    priced = bool(seq.setup.any())
    first = [s for s in range(seq.n) if not priced and s not in named and not seq.cast[s].any()]
    keyed: dict[tuple, list[int]] = {}
    for s in range(seq.n):
        if s in first:
            continue
        key = ("alone", s) if s in named else (seq.cast[s].tobytes(), int(seq.loc[s]))
        keyed.setdefault(key, []).append(s)
    return list(keyed.values()), first


def exact_plan(seq: Sequencing, *, max_groups: int = _MAX_GROUPS) -> ExactPlan:
    """Merge twins, set cast-less strips first, and keep only cast whose pay order changes.

    Raises ValueError past `max_groups` groups (at most 62: a set of groups is an int64 mask).
    """
    groups, first = _group_strips(seq)
    if len(groups) > min(max_groups, 62):
        raise ValueError(f"{len(groups)} groups of strips is too many for the exact search")
    cast = np.array([seq.cast[g].any(axis=0) for g in groups], dtype=bool).reshape(
        len(groups), seq.cast.shape[1]
    )
    keep = [a for a in range(cast.shape[1]) if seq.rates[a] > 0 and cast[:, a].sum() > 1]
    if len(keep) > 62:
        raise ValueError(f"{len(keep)} cast members is too many for the exact search")
    actors = np.array(
        [sum(1 << i for i, a in enumerate(keep) if cast[g, a]) for g in range(len(groups))],
        dtype=np.int64,
    )
    where = {s: g for g, members in enumerate(groups) for s in members}
    pred = np.zeros(len(groups), dtype=np.int64)
    for a, b in seq.before:
        pred[where[b]] |= 1 << where[a]
    return ExactPlan(
        groups=groups,
        first=first,
        days=np.array([int(seq.days[g].sum()) for g in groups], dtype=np.int64),
        actors=actors,
        weights=seq.rates[keep].astype(float),
        loc=np.array([int(seq.loc[g[0]]) for g in groups], dtype=np.int64),
        setup=seq.setup.astype(float),
        pred=pred,
    )


def _by_doubling(values: np.ndarray, *, add: bool) -> np.ndarray:
    """out[S] = the sum (`add`) or the OR of values[i] over the bits i of S, for every S."""
    out = np.zeros(1 << len(values), dtype=values.dtype)
    for i, v in enumerate(values):
        half = 1 << i
        out[half : 2 * half] = out[:half] + v if add else out[:half] | v
    return out


class _Pay:
    """Pay per day of a set of cast members: a table when small, else summed bit by bit."""

    def __init__(self, weights: np.ndarray) -> None:
        self.weights = weights
        self.table = _by_doubling(weights, add=True) if len(weights) <= 20 else None

    def __call__(self, masks: np.ndarray) -> np.ndarray:
        if self.table is not None:
            return self.table[masks]
        out = np.zeros(masks.shape)
        for i, w in enumerate(self.weights):
            out += w * ((masks >> i) & 1)
        return out


class _Dp:
    def __init__(self, plan: ExactPlan) -> None:
        self.plan = plan
        self.n = n = len(plan.groups)
        self.full = (1 << n) - 1
        self.cast = _by_doubling(plan.actors, add=False)
        self.places = _by_doubling(np.left_shift(1, plan.loc), add=False)
        self.pay = _Pay(plan.weights)
        self.g = np.full((1 << n, len(plan.setup)), np.inf)
        self.best = np.full(1 << n, np.inf)
        self.best[0] = 0.0

    def _candidates(self, s: int, sets: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """For each set containing s, the cost of s last and whether l was kept (no re-setup)."""
        p, loc = self.plan, int(self.plan.loc[s])
        prefix = sets ^ (1 << s)
        held = self.cast[prefix] & self.cast[self.full ^ sets]
        step = p.days[s] * self.pay(held | p.actors[s])
        again = ((self.places[prefix] >> loc) & 1) * p.setup[loc]
        stay = self.g[prefix, loc]
        move = self.best[prefix] + again
        return np.minimum(stay, move) + step, stay <= move

    def run_compiled(self) -> None:
        """The same table as `run`, filled by `exact_kernel` over the closed sets only."""
        plan = self.plan
        exact_kernel.fill(
            self.g,
            self.best,
            self.cast,
            self.places,
            plan.actors.astype(np.int64),
            plan.days.astype(np.int64),
            plan.loc.astype(np.int64),
            plan.setup.astype(float),
            plan.pred.astype(np.int64),
            exact_kernel.pay_table(plan.weights),
        )

    def run(self) -> None:
        n, plan = self.n, self.plan
        size = _by_doubling(np.ones(n, dtype=np.int64), add=True)
        by_size = np.argsort(size, kind="stable")
        edges = np.concatenate(([0], np.cumsum(np.bincount(size, minlength=n + 1))))
        for k in range(1, n + 1):
            layer = by_size[edges[k] : edges[k + 1]]
            for s in range(n):
                sets = layer[(layer >> s) & 1 == 1]
                if plan.pred[s]:
                    sets = sets[(sets & plan.pred[s]) == plan.pred[s]]
                value, _ = self._candidates(s, sets)
                loc = int(plan.loc[s])
                self.g[sets, loc] = np.minimum(self.g[sets, loc], value)
            self.best[layer] = self.g[layer].min(axis=1)

    def order(self) -> list[int]:
        """Groups in shooting order, recovered backwards from the full set."""
        sets, loc, out = self.full, int(np.argmin(self.g[self.full])), []
        while sets:
            target = self.g[sets, loc]
            for s in range(self.n):
                if not sets >> s & 1 or self.plan.loc[s] != loc:
                    continue
                value, stayed = self._candidates(s, np.array([sets], dtype=np.int64))
                if value[0] <= target + 1e-9 * max(1.0, abs(target)):
                    break
            out.append(s)
            sets ^= 1 << s
            loc = loc if stayed[0] else int(np.argmin(self.g[sets])) if sets else loc
        return out[::-1]


def solve_exact(
    seq: Sequencing, plan: ExactPlan | None = None, *, compiled: bool | None = None
) -> list[int] | None:
    """An optimal order of all strips, or None when precedences leave no order.

    `compiled` picks the kernel (the plan's own choice when None, see `ExactPlan.compiled`).
    """
    plan = plan or exact_plan(seq)
    if not plan.groups:
        return list(plan.first)
    dp = _Dp(plan)
    if plan.compiled() if compiled is None else compiled:
        dp.run_compiled()
    else:
        dp.run()
    if not np.isfinite(dp.best[dp.full]):
        return None
    return list(plan.first) + [s for g in dp.order() for s in plan.groups[g]]
