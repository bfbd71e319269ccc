"""Exact search for sequencing problems (talent scheduling, movie shoot scheduling).

When every strip fills whole days, the days are exactly filled, and no rule depends on the
calendar (pins, windows, soft rules), the cost depends only on the order of strips. Then a
dynamic program over the set of strips still to shoot (Garcia de la Banda, Stuckey & Chu
2011), with branch-and-bound and their dominance rule, proves the optimum. Its order is the
CP-SAT model's hint and its value the model's proven lower bound; see `solver.optimize`.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

from tools.schedule.prepare import PreparedProblem

__all__ = ["is_sequential", "order_cost", "solve_sequence"]


def is_sequential(prep: PreparedProblem) -> bool:
    """True when the cost of a schedule depends only on the order of its strips."""
    problem = prep.problem
    options = problem.options
    return (
        bool(prep.ids)
        and all(prep.whole)
        and options.fixed_days == sum(prep.length)
        and not options.pinned
        and not any(prep.unavailable)
        and options.drop_min_gap is None
        and not any(prep.penalty(name) > 0 for name in problem.costs.soft_penalties)
    )


class _Budget(Exception):
    """The search ran out of its node or time budget."""


class _Search:
    def __init__(self, prep: PreparedProblem, deadline: float, max_nodes: int) -> None:
        self.prep = prep
        n = len(prep.ids)
        self.n = n
        self.span = prep.problem.costs.cast_pay == "span"
        self.actors = [sum(1 << a for a in prep.cast_of[s]) for s in range(n)]
        locs = sorted({loc for loc in prep.location if loc})
        self.loc = [locs.index(prep.location[s]) if prep.location[s] else -1 for s in range(n)]
        self.setup = [prep.setup_cost(loc) for loc in locs]
        self.priced_locations = any(cost > 0 for cost in self.setup)
        pred = [0] * n
        for a, b in prep.problem.options.precedences:
            pred[prep.index[b]] |= 1 << prep.index[a]
        self.pred = pred
        self._pay_cache: dict[int, float] = {}
        self.own = [prep.length[s] * self._pay(self.actors[s]) for s in range(n)]
        self.exact: dict[tuple[int, int], float] = {}
        self.lower: dict[tuple[int, int], float] = {}
        self.choice: dict[tuple[int, int], int] = {}
        self.deadline, self.max_nodes, self.nodes = deadline, max_nodes, 0

    def _pay(self, mask: int) -> float:
        cached = self._pay_cache.get(mask)
        if cached is None:
            cached = sum(r for a, r in enumerate(self.prep.rates) if mask >> a & 1)
            self._pay_cache[mask] = cached
        return cached

    def _members(self, mask: int) -> list[int]:
        return [s for s in range(self.n) if mask >> s & 1]

    def _union(self, strips: list[int], table: list[int]) -> int:
        out = 0
        for s in strips:
            out |= table[s]
        return out

    def _step(self, s: int, done_actors: int, rest_actors: int, visited: int, last: int) -> float:
        """Cost of shooting s next: on-location cast for its days, plus a location re-setup."""
        on = self.actors[s] | (done_actors & rest_actors) if self.span else self.actors[s]
        cost = self.prep.length[s] * self._pay(on)
        here = self.loc[s]
        if here >= 0 and here != last and visited >> here & 1:
            cost += self.setup[here]
        return cost

    def _bound(self, remaining: list[int], visited: int, last: int) -> float:
        bound = sum(self.own[s] for s in remaining)
        again = {self.loc[s] for s in remaining if self.loc[s] >= 0 and self.loc[s] != last}
        return bound + sum(self.setup[x] for x in again if visited >> x & 1)

    def solve(self, todo: int, last: int, ub: float) -> float:
        """Optimal cost of shooting `todo` next; a lower bound (>= ub) when pruned."""
        key = (todo, last)
        if key in self.exact:
            return self.exact[key]
        if todo == 0:
            return 0.0
        self.nodes += 1
        if self.nodes > self.max_nodes or (
            self.nodes & 1023 == 0 and time.monotonic() > self.deadline
        ):
            raise _Budget
        remaining = self._members(todo)
        done = [s for s in range(self.n) if not todo >> s & 1]
        done_actors = self._union(done, self.actors)
        visited = self._union(done, [1 << x if x >= 0 else 0 for x in self.loc])
        bound = max(self.lower.get(key, 0.0), self._bound(remaining, visited, last))
        if bound >= ub:
            return bound
        options = self._options(todo, remaining, done_actors, visited, last)
        best, best_lb, pick = float("inf"), float("inf"), -1
        for step, s in options:
            limit = min(ub, best) - step
            value = step + self.solve(todo & ~(1 << s), self.loc[s], limit)
            if value < best and value < ub:
                best, pick = value, s
            best_lb = min(best_lb, value)
        if pick >= 0 and best < ub:
            self.exact[key], self.choice[key] = best, pick
            return best
        self.lower[key] = max(bound, best_lb)
        return self.lower[key]

    def _options(
        self, todo: int, remaining: list[int], done_actors: int, visited: int, last: int
    ) -> list[tuple[float, int]]:
        ready = [s for s in remaining if self.pred[s] & todo == 0]
        out = []
        for s in ready:
            rest_actors = self._union([t for t in remaining if t != s], self.actors)
            step = self._step(s, done_actors, rest_actors, visited, last)
            out.append((step, s))
        if self.span and not self.priced_locations and not any(self.pred):
            on_location = done_actors & self._union(remaining, self.actors)
            # Dominance: a strip whose cast is exactly the cast on location (all started,
            # nobody else held) is shot at once; moving it first lengthens no one's span.
            for step, s in out:
                if self.actors[s] == on_location:
                    return [(step, s)]
        return sorted(out)

    def order(self) -> list[int]:
        """The optimal order found by the last complete `solve`."""
        todo, last, out = (1 << self.n) - 1, -1, []
        while todo:
            s = self.choice[(todo, last)]
            out.append(s)
            todo &= ~(1 << s)
            last = self.loc[s]
        return out


def order_cost(prep: PreparedProblem, order: Sequence[int]) -> float:
    """Order-dependent cost of a sequence (cast on location, location re-setups)."""
    search = _Search(prep, deadline=float("inf"), max_nodes=0)
    todo, last, total = (1 << search.n) - 1, -1, 0.0
    done_actors = visited = 0
    for s in order:
        todo &= ~(1 << s)
        rest = search._union(search._members(todo), search.actors)
        total += search._step(s, done_actors, rest, visited, last)
        done_actors |= search.actors[s]
        if search.loc[s] >= 0:
            visited |= 1 << search.loc[s]
        last = search.loc[s]
    return total


def solve_sequence(
    prep: PreparedProblem,
    *,
    upper: tuple[float, Sequence[int]] | None = None,
    seconds: float = 5.0,
    max_nodes: int = 2_000_000,
) -> tuple[float, list[int]] | None:
    """The optimal order and its order-dependent cost, or None when the budget runs out.

    `upper` is a known (cost, order): if nothing cheaper exists it is returned as optimal.
    """
    search = _Search(prep, time.monotonic() + seconds, max_nodes)
    ub = upper[0] + 1e-6 if upper else float("inf")
    try:
        value = search.solve((1 << search.n) - 1, -1, ub)
    except (_Budget, RecursionError):
        return None
    if (((1 << search.n) - 1, -1)) in search.exact:
        return value, search.order()
    return (upper[0], list(upper[1])) if upper else None
