"""Exact talent scheduling past the subset DP: a bounded DP over sets of scheduled groups.

The cost of what remains depends only on the set of groups already shot (Garcia de la Banda,
Stuckey & Chu 2011), so the search goes layer by layer (sets of k groups, then k + 1) and
keeps one cost per set, the cheapest way to shoot it first (memoisation by merging). A set is
kept only while its cost plus a lower bound on finishing it (`talent_bound._bound`) stays
below the best order known (the local search's, then a narrow beam's); so only a small part
of the 2^n sets is ever seen. The reductions of `exact.exact_plan` come first: twins merged,
cast-less strips first, cast in one group only priced as a constant; and the dominance rules
of `talent_kernels.expand` (a group whose cast is the cast on location goes next alone; a
group is not shot while a group containing its cast could be shot at no start). Orders may
also grow from both ends at once (`both_ends`), with a stronger bound and forced-group rule.

The search also runs under a ceiling below the best order's cost (`talent_deepen`): then only
orders cheaper than the ceiling are sought, and a finished search proves none exists (or
finds one, which is then optimal). The ceilings start above the best bound already known:
the cut proof's, the beam's, and a floor from outside (the relaxed DPs of `bounds`: on
32 x 22 seed 0, 49,151 against the search's 46,447). The bound's held cast is solved
exactly over their finishing order when few (`talent_finish`), only for states the cheaper
parts leave alive.
The beam, the full search and the searches under ceilings share one table of the bounds
computed so far (`talent_memo`): the same states come back in each, and are not bounded again.

When a layer would exceed its width, the states with the best bound are kept and the least
bound among those dropped is remembered; when the time runs out, the least bound of the
current layer is (as when a search gives up: past half its time with its layers still
widening, `_GIVE_UP`). Either way the returned bound stays a true lower bound on every order,
and the answer is "proven" when the bound reaches the best order's cost. Work is the same for
the same input (states in a fixed order, ties to the first), so answers are deterministic
unless the deadline cuts (or gives up) the search.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import numpy as np

from tools.schedule.exact import ExactPlan
from tools.schedule.talent_deepen import deepen
from tools.schedule.talent_dominance import dominated
from tools.schedule.talent_finish import MAX_HELD
from tools.schedule.talent_kernels import expand
from tools.schedule.talent_outcome import TalentOutcome
from tools.schedule.talent_table import Layer
from tools.schedule.talent_tables import Tables as _Tables
from tools.schedule.talent_tables import supersets

__all__ = ["Floor", "TalentOutcome", "supersets", "talent_search"]

_MAX_STATES = 2_000_000
"""States kept per layer (masks, costs and parent links: about 70 MB a layer at most)."""
_BEAMS = (2_000,)
"""Widths of the beam searches run before the exact one."""
_PROOF_SHARE = 0.7
"""Share of the time after the beam for the full proof; the rest raises the bound when it is
cut (`talent_deepen`). Most proofs that finish at all finish well inside it (measured)."""
_PROOF_SHARE_FEW = 0.85
"""The same share when every held cast is priced exactly (cast up to `MAX_HELD`): the full
proof of 48 x 8 seed 0 takes 15.7 CPU seconds with its beam, just past the 0.7 share of a
30 s limit, and a cut proof's bounds are reused by the ceiling searches after it."""
_GIVE_UP = 0.5
"""Share of its time after which the full proof (and each search under a ceiling) stops while
its layers still widen: it is then very unlikely to finish, and the ceiling searches
(`talent_deepen`) get the rest."""
_CHUNK = 10_000
"""Parents expanded at once: bounds the children array and lets the deadline cut a layer."""
_BOUND_CHUNK = 4_000
"""States bounded at once, between looks at the deadline: 80,000 took up to 4.7 s on 32 x 22
(the held cast's exact finishing orders), so cut searches overran their time by seconds."""


class _Search:
    """Layer k holds states with ceil(k/2) front groups and floor(k/2) back groups."""

    def __init__(
        self,
        plan: ExactPlan,
        incumbent: list[int],
        deadline: float,
        both_ends: bool,
        width: int,
        ceiling: float = np.inf,
        tables: _Tables | None = None,
        give_up: float = np.inf,
    ) -> None:
        self.both_ends, self.width = both_ends, width
        self.give_up = give_up
        """After this time a layer as wide as any before it ends the search (as when cut)."""
        self.t = tables if tables is not None else _Tables(plan)
        # The subsumption rule is proven for orders grown from one end only.
        self.supers = np.zeros_like(self.t.supers) if both_ends else self.t.supers
        self.n = len(plan.groups)
        self.deadline = deadline
        self.best = incumbent
        self.best_cost = self.t.group_cost(incumbent)
        self.ceiling = min(ceiling, self.best_cost)
        """Only orders cheaper than this are sought (below the best order's cost: a test)."""
        self.floor = np.inf
        """Least bound among states dropped for memory."""
        self.steps: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
        """Per layer: each state's parent index, added group, and whether its ends swapped."""

    def limit(self) -> float:
        """Largest path cost worth keeping: below the ceiling (by a unit if integral)."""
        top = min(self.ceiling, self.best_cost)
        if self.t.integral:
            return top - 1.0 + 1e-6
        return top - 1e-9 * max(1.0, abs(top))

    def pruned(self) -> float:
        """A bound on every order pruned: each costs more than `limit` (integral: at least
        the ceiling)."""
        top = min(self.ceiling, self.best_cost)
        return top if self.t.integral else self.limit()

    def _layer(self, state: tuple, to_front: bool, even: bool) -> tuple | None:
        """The next layer's states within the limit, with their bounds; None at the deadline."""
        t, layer = self.t, Layer()
        front, back, g, _ = state
        for at in range(0, len(front), _CHUNK):
            if time.perf_counter() >= self.deadline:
                return None
            cut = slice(at, at + _CHUNK)
            cf, cb, cg, cp, ci = expand(
                front[cut],
                back[cut],
                g[cut],
                to_front,
                t.actors,
                t.days,
                t.pay,
                t.own,
                self.supers,
                t.weights,
                self.limit(),
            )
            # A state and its mirror cost the same to finish: keep one (front < back).
            flip = (cf > cb) if even else np.zeros(len(cf), dtype=bool)
            cf, cb = np.where(flip, cb, cf), np.where(flip, cf, cb)
            layer.add(np.stack((cf, cb, cp + at, ci, flip.astype(np.int64)), axis=1), cg)
        found = layer.arrays()
        if self.both_ends:
            kept = ~dominated(found[0], found[1], found[2], t.actors)
            found = tuple(x[kept] for x in found)
        bound = found[2].copy()
        for at in range(0, len(bound), _BOUND_CHUNK):
            if time.perf_counter() >= self.deadline:
                return None
            cut = slice(at, at + _BOUND_CHUNK)
            bound[cut] += t.bounds_within(found[0][cut], found[1][cut], self.limit() - bound[cut])
        ok = bound <= self.limit()
        return (*(x[ok] for x in found), bound[ok])

    def _trim(self, found: tuple) -> tuple:
        if len(found[0]) <= self.width:
            return found
        order = np.argsort(found[6], kind="stable")
        self.floor = min(self.floor, float(found[6][order[self.width]]))
        kept = np.sort(order[: self.width])
        return tuple(x[kept] for x in found)

    def run(self) -> TalentOutcome:
        zero = np.zeros(1, dtype=np.int64)
        state: tuple = (zero, zero.copy(), np.zeros(1), self.t.bounds(zero, zero))
        widest = 1
        for k in range(self.n):
            turn = k % 2 == 1 and self.both_ends
            wide = len(state[0]) >= widest
            widest = max(widest, len(state[0]))
            late = wide and time.perf_counter() >= self.give_up
            found = None if late else self._layer(state, to_front=not turn, even=turn)
            if found is None:
                # Every order not pruned goes through a state of this layer: its least bound.
                pending = float(state[3].min()) if len(state[3]) else np.inf
                return self._outcome(min(pending, self.floor))
            found = self._trim(found)
            state = (*found[:3], found[6])
            self.steps.append((found[3], found[4], found[5]))
            if not len(found[0]):
                return self._outcome(self.floor)
        g = state[2]
        at = int(np.argmin(g))
        if float(g[at]) < self.best_cost:
            self.best, self.best_cost = self._walk_back(at), float(g[at])
        return self._outcome(self.floor)

    def _walk_back(self, at: int) -> list[int]:
        """The group order of a final state, replayed from its chain of parents."""
        chain = []
        for parents, groups, flips in reversed(self.steps):
            chain.append((int(groups[at]), bool(flips[at])))
            at = int(parents[at])
        front: list[int] = []
        back: list[int] = []
        for k, (group, flip) in enumerate(reversed(chain)):
            (back if k % 2 == 1 and self.both_ends else front).append(group)
            if flip:
                front, back = back, front
        return front + back[::-1]

    def _outcome(self, pending: float) -> TalentOutcome:
        bound = min(self.best_cost, pending, self.pruned())
        if self.t.integral:
            bound = min(self.best_cost, float(np.ceil(bound - 1e-6)))
        return TalentOutcome(groups=self.best, cost=self.best_cost, bound=bound)


Floor = Callable[[list[int], float, float], float]
"""A lower bound from outside the search (`bounds.lower_bound`'s relaxed DPs), called as
floor(order, its cost, deadline) with an order to measure its units by, in the plan's cost."""


def talent_search(
    plan: ExactPlan,
    incumbent: list[int],
    *,
    deadline: float,
    both_ends: bool = False,
    floor: Floor | None = None,
    floor_seconds: float = 0.0,
) -> TalentOutcome:
    """The cheapest group order of a talent plan (no locations, no precedences), and a bound.

    `incumbent` is a group order to beat (from the local search); the answer is never worse.
    `both_ends` builds orders from both ends (states are (front, back) pairs): up to 3^n
    states against 2^n and no subsumption rule, but cast held at both ends is paid exactly
    and a left and right actor sharing a group hold the middle (`talent_bound._crossing`).
    Measured at 30 s it proves more and bounds higher when the cast is large against the
    groups (28 x 14, 28 x 22), less with a small cast (32 x 8); `talent` chooses by that.

    When the proof does not finish, `floor` (given `floor_seconds` of the time, kept back
    from the beam and the proof) raises the bound the ceiling searches start from, as does
    the beam's own bound: no ceiling at or below a bound already known is searched.
    """
    if not plan.groups:
        return TalentOutcome(groups=[], cost=0.0, bound=0.0)
    # One table of bounds for every search below: they meet the same states again.
    tables = _Tables(plan, memo=True)
    end = deadline - floor_seconds
    known = -np.inf
    """The highest bound found by a search that was not the proof (the beams')."""
    for width in _BEAMS:
        # A narrow beam first: a few thousand states a layer find a near-optimal order fast,
        # and a better order to beat prunes the wide search far more. It grows orders from
        # one end whatever the exact search does: its dominance rules keep better states.
        found = _Search(plan, incumbent, end, False, width, tables=tables).run()
        if found.proven or time.perf_counter() >= end:
            return _raised(found, known, floor, deadline)
        incumbent, known = found.groups, max(known, found.bound)
    few = len(plan.weights) <= MAX_HELD
    share = (_PROOF_SHARE_FEW if few else _PROOF_SHARE) * (end - time.perf_counter())
    cut = time.perf_counter() + share
    give_up = time.perf_counter() + _GIVE_UP * share
    found = _Search(
        plan, incumbent, cut, both_ends, _MAX_STATES, tables=tables, give_up=give_up
    ).run()
    found = _raised(found, known, floor, time.perf_counter() + floor_seconds)

    def below(start: list[int], ceiling: float, cut: float) -> TalentOutcome:
        # The same rule as the full proof's: one still widening at half its time is let go,
        # and the bisection tries a lower ceiling with the time saved.
        now = time.perf_counter()
        give_up = now + _GIVE_UP * (cut - now)
        return _Search(plan, start, cut, both_ends, _MAX_STATES, ceiling, tables, give_up).run()

    return deepen(below, found, deadline=deadline, integral=tables.integral)


def _raised(found: TalentOutcome, known: float, floor: Floor | None, until: float) -> TalentOutcome:
    """`found` with its bound raised to `known` and to the floor (computed until `until`)."""
    if found.proven:
        return found
    if floor is not None:
        known = max(known, floor(found.groups, found.cost, until))
    bound = min(found.cost, max(found.bound, known))
    return TalentOutcome(groups=found.groups, cost=found.cost, bound=bound)
