"""The order of a board's days: the same days, reordered to pay fewer holds and revisits.

What a day holds fixes its crew, moves, pages and night premium; the order of the days fixes
the cast's holds (and drop/pick-ups), location revisits, turnaround and story order. So with
the days' contents fixed, a local search over their order moves a block of one to three days
elsewhere (also reversed) and swaps two days, every candidate costed at once with numpy, until
no move helps. Empty days are dropped first, so a board whose days were emptied comes back compact.
Pins, cast availability, turnaround and the crew's rest after nights (`crew_rest`: a night
block ends before a day off) are kept (when rules); the work is counted in passes,
so the same board gives the same order.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from tools.schedule.costing import cost_of, occupancy
from tools.schedule.crew_rest import (
    begins_in_morning,
    crew_order,
    day_numbers,
    ends_at_night,
    rest_days,
)
from tools.schedule.prepare import PreparedProblem

__all__ = ["PASSES", "reorder_days"]

_BLOCKS = (1, 2, 3)
PASSES = 6
"""Most sweeps over every block by default; one sweep costs about 1 s on a 45-day board."""


@dataclass(frozen=True)
class _Days:
    """The board's non-empty days as arrays, one row per day."""

    strips: list[list[int]]
    work: np.ndarray
    """(D, m): the cast member works that day."""
    nights: np.ndarray
    """(D, m): works a night scene that day."""
    mornings: np.ndarray
    """(D, m): works a day scene that day."""
    sites: np.ndarray
    """(D, L): the site is visited that day."""
    allowed: np.ndarray
    """(D, D): day i may be shot in position t (pins, availability)."""
    ends_night: np.ndarray
    """(D,): the day ends at night (`crew_rest`)."""
    begins_morning: np.ndarray
    """(D,): the day begins in the morning."""
    rest: np.ndarray
    """(D - 1,): a day off follows position t."""


def _arrays(prep: PreparedProblem, days: list[list[int]]) -> _Days:
    m, names = len(prep.cast_names), sorted({x for x in prep.location if x})
    site = {x: i for i, x in enumerate(names)}
    shape = (len(days), m)
    work, nights, mornings = np.zeros(shape, bool), np.zeros(shape, bool), np.zeros(shape, bool)
    sites = np.zeros((len(days), len(names)), bool)
    allowed = np.ones((len(days), len(days)), bool)
    for i, strips in enumerate(days):
        for s in strips:
            work[i, prep.cast_of[s]] = True
            (nights if prep.night[s] else mornings)[i, prep.cast_of[s]] = True
            if prep.location[s]:
                sites[i, site[prep.location[s]]] = True
            ok = set(prep.allowed_starts(s))
            allowed[i] &= [t in ok for t in range(len(days))]
    ends = np.array([ends_at_night(prep, day) for day in days], bool)
    begins = np.array([begins_in_morning(prep, day) for day in days], bool)
    rest = np.array(rest_days(prep.problem.options, max(0, len(days) - 1)), bool)
    return _Days(days, work, nights, mornings, sites, allowed, ends, begins, rest)


def _order_costs(prep: PreparedProblem, d: _Days, orders: np.ndarray) -> np.ndarray:
    """What the order of the days changes, for each row of `orders` (infinite: breaks a rule)."""
    k, n = orders.shape
    total = np.zeros(k)
    if prep.problem.costs.cast_pay == "span" and d.work.shape[1]:
        total += _hold_costs(prep, d.work.T[:, orders])
    setup = np.array([prep.setup_cost(x) for x in sorted({x for x in prep.location if x})])
    if setup.size and setup.any():
        here = d.sites[orders]
        fresh = here.copy()
        fresh[:, 1:] &= ~here[:, :-1]
        total += (fresh.sum(axis=1) - here.any(axis=1)) @ setup
    broken = (d.nights[orders][:, :-1] & d.mornings[orders][:, 1:]).sum(axis=(1, 2))
    if prep.turnaround_rule:
        total[broken > 0] = np.inf
        crew = d.ends_night[orders][:, :-1] & d.begins_morning[orders][:, 1:] & ~d.rest
        total[crew.any(axis=1)] = np.inf
    else:
        total += prep.penalty("turnaround") * broken
    total[~d.allowed[orders, np.arange(n)[None, :]].all(axis=1)] = np.inf
    return total


def _hold_costs(prep: PreparedProblem, work: np.ndarray) -> np.ndarray:
    """Worked days (m, k, D) -> paid holds in money, per order: days off between two work
    days, less the drops (`costing.cast_days`)."""
    n = work.shape[-1]
    t = np.arange(n, dtype=np.int16)
    prev = np.maximum.accumulate(np.where(work, t, np.int16(-1)), axis=-1)
    nxt = np.minimum.accumulate(np.where(work, t, np.int16(n))[..., ::-1], axis=-1)[..., ::-1]
    held = ~work & (prev >= 0) & (nxt < n)
    options = prep.problem.options
    gap, most = options.drop_min_gap, options.max_drops
    if gap is None:
        return np.asarray(prep.rates) @ held.sum(axis=-1)
    # A gap qualifies by its calendar days (weekends between count): the calendar day of
    # the work days either side of each day off.
    numbers = np.asarray(day_numbers(options, n + 1), dtype=np.int64)
    length = numbers[np.minimum(nxt, n)] - numbers[np.maximum(prev, 0)] - 1
    qualifies = held & (length >= gap)
    if most is None or most >= n:
        return np.asarray(prep.rates) @ (held & ~qualifies).sum(axis=-1)
    # Each qualifying gap's shooting days off at its first day off; the `most` with the
    # most days off are the drops.
    off = np.where(qualifies & (prev == t - 1), nxt - prev - 1, 0)
    drops = np.sort(off, axis=-1)[..., n - most :]
    return np.asarray(prep.rates) @ (held.sum(axis=-1) - drops.sum(axis=-1))


def _moves(order: np.ndarray, i: int, b: int) -> np.ndarray:
    """Every order made by moving the block at `i` of length `b` elsewhere, also reversed."""
    block, base = order[i : i + b], np.concatenate((order[:i], order[i + b :]))
    pieces = [block, block[::-1]] if b > 1 else [block]
    return np.array(
        [
            np.concatenate((base[:j], piece, base[j:]))
            for piece in pieces
            for j in range(len(base) + 1)
        ]
    )


def _descend(
    prep: PreparedProblem, d: _Days, order: np.ndarray, deadline: float, passes: int
) -> np.ndarray:
    cost = float(_order_costs(prep, d, order[None, :])[0])
    for _ in range(passes):
        improved = False
        for b in _BLOCKS:
            for i in range(len(order) - b + 1):
                if time.perf_counter() >= deadline:
                    return order
                rows = _moves(order, i, b)
                values = _order_costs(prep, d, rows)
                best = int(np.argmin(values))
                if values[best] < cost - 1e-6:
                    order, cost, improved = rows[best], float(values[best]), True
        swapped = _swaps(order)
        if not len(swapped):
            break  # one day: nothing to swap
        values = _order_costs(prep, d, swapped)
        best = int(np.argmin(values))
        if values[best] < cost - 1e-6:
            order, cost, improved = swapped[best], float(values[best]), True
        if not improved:
            break
    return order


def _swaps(order: np.ndarray) -> np.ndarray:
    """Every order made by swapping two days of `order`."""
    i, j = np.triu_indices(len(order), k=1)
    rows = np.repeat(order[None, :], len(i), axis=0)
    at = np.arange(len(i))
    rows[at, i], rows[at, j] = order[j], order[i]
    return rows


def reorder_days(
    prep: PreparedProblem, starts: Sequence[int], *, deadline: float, passes: int = PASSES
) -> list[int]:
    """`starts` with its non-empty days in the cheapest order found in `passes` sweeps (never
    dearer, unless `starts` broke the crew's rest and this order keeps it; unchanged when a
    strip spans several days or the problem has precedences)."""
    if any(length > 1 for length in prep.length) or prep.problem.options.precedences:
        return list(starts)
    days = [day for day in occupancy(prep, starts) if day]
    d = _arrays(prep, days)
    first, repaired = np.arange(len(days)), False
    if not np.isfinite(_order_costs(prep, d, first[None, :])[0]):
        # Compacting (or a board made before) can put a night before a morning call: the
        # AD's re-boarding (nights wait for the week's day off) is a start that keeps it.
        rested = crew_order(prep, days) if prep.turnaround_rule else None
        if rested is None or not np.isfinite(_order_costs(prep, d, np.array([rested]))[0]):
            return list(starts)
        first, repaired = np.array(rested), True
    order = _descend(prep, d, first, deadline, passes)
    out = list(starts)
    for position, day in enumerate(order):
        for s in days[int(day)]:
            out[s] = position
    if repaired:
        return out  # the only one of the two that keeps the rules
    return out if cost_of(prep, out).total <= cost_of(prep, starts).total + 1e-6 else list(starts)
