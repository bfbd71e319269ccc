"""Sequencing problems: when the cost of a schedule depends only on the order of its strips.

That holds when every strip fills whole days, the days are exactly filled, and no rule looks
at the calendar (pins, windows, soft rules, drop/pick-up): talent scheduling and movie shoot
scheduling are this case. Then an order is costed in closed form (each cast member paid from
the first day of their first strip to the last day of their last; a location set up again for
each separate run of days), many orders at once with numpy, which the exact subset DP, the
local search and the lower bound all share.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from tools.schedule.prepare import PreparedProblem

__all__ = ["Sequencing", "is_sequential", "order_cost", "order_costs", "sequencing", "starts_of"]


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


@dataclass(frozen=True)
class Sequencing:
    """A sequencing problem as arrays: strip days, cast matrix, rates, locations, precedences."""

    days: np.ndarray
    """Days per strip, shape (n,)."""
    cast: np.ndarray
    """Boolean (n, m): strip s needs cast member a."""
    rates: np.ndarray
    """Paid rate per cast member and day, shape (m,) (0 when cast are paid per worked day)."""
    loc: np.ndarray
    """Location class per strip, shape (n,); strips without a location share a free class."""
    setup: np.ndarray
    """Set-up cost of each location class for every run of days beyond the first."""
    before: tuple[tuple[int, int], ...]
    """(a, b): strip a is shot before strip b."""

    @property
    def n(self) -> int:
        """Number of strips."""
        return len(self.days)

    def own(self) -> np.ndarray:
        """Per strip, the pay of its own cast for its days (paid wherever it goes)."""
        return self.days * (self.cast.astype(float) @ self.rates)


def sequencing(prep: PreparedProblem) -> Sequencing:
    """The arrays of a sequential problem (see `is_sequential`)."""
    n, m = len(prep.ids), len(prep.cast_names)
    cast = np.zeros((n, m), dtype=bool)
    for s, members in enumerate(prep.cast_of):
        cast[s, members] = True
    span = prep.problem.costs.cast_pay == "span"
    names = sorted({loc for loc in prep.location if loc})
    setup = [prep.setup_cost(name) for name in names]
    priced = any(cost > 0 for cost in setup)
    # Unpriced locations never change the cost, so they collapse into one class.
    classes = {name: (i if priced else 0) for i, name in enumerate(names)}
    free = len(names) if priced else 0
    before = tuple((prep.index[a], prep.index[b]) for a, b in prep.problem.options.precedences)
    return Sequencing(
        days=np.array(prep.length, dtype=np.int64),
        cast=cast,
        rates=np.array(prep.rates if span else [0.0] * m, dtype=float),
        loc=np.array([classes.get(x, free) for x in prep.location], dtype=np.int64),
        setup=np.array([*setup, 0.0] if priced else [0.0], dtype=float),
        before=before,
    )


def order_costs(seq: Sequencing, orders: np.ndarray) -> np.ndarray:
    """Order-dependent cost (paid cast days, location re-setups) of each row of `orders`.

    Rows breaking a precedence cost infinity. Rows are permutations of range(n).
    """
    orders = np.atleast_2d(orders)
    k, n = orders.shape
    if n == 0:
        return np.zeros(k)
    rows = np.arange(k)[:, None]
    ends = np.cumsum(seq.days[orders], axis=1)
    start = np.empty((k, n), dtype=np.int64)
    end = np.empty((k, n), dtype=np.int64)
    start[rows, orders] = ends - seq.days[orders]
    end[rows, orders] = ends
    total = np.zeros(k)
    if seq.cast.shape[1] and seq.rates.any():
        mask = seq.cast[None, :, :]
        first = np.where(mask, start[:, :, None], np.iinfo(np.int64).max).min(axis=1)
        last = np.where(mask, end[:, :, None], 0).max(axis=1)
        used = seq.cast.any(axis=0)
        total += np.where(used, last - first, 0) @ seq.rates
    if seq.setup.any():
        places = seq.loc[orders]
        fresh = np.ones((k, n), dtype=bool)
        fresh[:, 1:] = places[:, 1:] != places[:, :-1]
        total += (seq.setup[places] * fresh).sum(axis=1) - seq.setup[np.unique(seq.loc)].sum()
    for a, b in seq.before:
        total[start[:, a] >= start[:, b]] = np.inf
    return total


def order_cost(seq: Sequencing, order: Sequence[int]) -> float:
    """Order-dependent cost of one order (see `order_costs`)."""
    return float(order_costs(seq, np.asarray(order, dtype=np.int64)[None, :])[0])


def starts_of(prep: PreparedProblem, order: Sequence[int]) -> list[int]:
    """Start day of each strip when strips are shot back to back in `order`."""
    starts, day = [0] * len(prep.ids), 0
    for s in order:
        starts[s] = day
        day += prep.length[s]
    return starts
