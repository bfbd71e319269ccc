"""The exact pricing of one site (or two or three) for the days' LP (`relax_days`), compiled.

Why compiled: column generation prices a few hundred site pools a round; as CP-SAT models
each took about 30 ms (building and loading a model dominates a problem this small), so a
round took seconds. A pool holds few strips and a day holds few of them (32 eighths, 2 to 20
each), so a depth-first enumeration of the subsets that fit, pruned by the prices left, finds
the best day of a pool exactly in well under a millisecond.

A pool's cast and sets are int64 bitmasks (so at most 63 of each); a pool with more goes
back to CP-SAT.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import NamedTuple

import numpy as np
from numba import njit

from tools.schedule.prepare import PreparedProblem

__all__ = ["MAX_BITS", "MAX_NODES", "Priced", "best_day", "is_loaded", "warm_up"]

MAX_BITS = 63
MAX_NODES = 2_000_000
"""Most search nodes one pool's pricing visits (tens of milliseconds); a search cut there
keeps a valid, weaker floor, so the work (and so the bound) depends on the data alone."""


@njit(cache=True)
def _added(mask: int, extra: int, rates: np.ndarray) -> float:
    new = extra & ~mask
    total = 0.0
    j = 0
    while new:
        if new & 1:
            total += rates[j]
        new >>= 1
        j += 1
    return total


@njit(cache=True)
def _search(
    price: np.ndarray,
    size: np.ndarray,
    eighths: np.ndarray,
    cast: np.ndarray,
    sets: np.ndarray,
    site: np.ndarray,
    rates: np.ndarray,
    limits: np.ndarray,
    fixed: float,
    set_cost: float,
    set_size: float,
    need: int,
    max_nodes: int,
) -> tuple[float, np.ndarray, float, int]:
    """Least reduced cost over the pool's days and the strips of one such day (positions).

    limits: [room, eighths, scenes]; `need`: site bits a day must cover (all of the pool's sites).
    A day's reduced cost: fixed + set_cost x (sets - sites) + its cast's rates - its prices.
    """
    k = price.shape[0]
    suffix = np.zeros(k + 1)
    density = np.zeros(k + 1)
    for i in range(k - 1, -1, -1):
        suffix[i] = suffix[i + 1] + max(0.0, price[i])
        # A strip of no eighths takes no room: then only the prices bound the rest.
        ratio = max(0.0, price[i]) / eighths[i] if eighths[i] > 0 else np.inf
        density[i] = max(density[i + 1], ratio)
    best = np.inf
    best_path = np.zeros(k, dtype=np.int64)
    best_len = 0
    # The stack holds, per depth, the next strip to try and the day so far.
    nxt = np.zeros(k + 1, dtype=np.int64)
    path = np.zeros(k + 1, dtype=np.int64)
    castm = np.zeros(k + 1, dtype=np.int64)
    setm = np.zeros(k + 1, dtype=np.int64)
    sitem = np.zeros(k + 1, dtype=np.int64)
    used = np.zeros(k + 1)
    eig = np.zeros(k + 1, dtype=np.int64)
    count = np.zeros(k + 1, dtype=np.int64)
    value = np.zeros(k + 1)
    depth = 0
    value[0] = fixed
    nodes = 0
    while depth >= 0:
        nodes += 1
        if nodes > max_nodes:
            # Cut short: the root's bound still holds for every day of the pool.
            root = fixed - min(suffix[0], density[0] * limits[1])
            return best, best_path[:best_len], min(best, root), nodes
        i = nxt[depth]
        # What the strips left can still bring: the best fractional fill of the eighths
        # the day has left (strips come best price an eighth first).
        if i >= k or value[depth] - _fill(price, eighths, i, limits[1] - eig[depth]) >= best:
            depth -= 1
            continue
        nxt[depth] = i + 1
        e = eig[depth] + eighths[i]
        c = count[depth] + 1
        if e > limits[1] or c > limits[2]:
            continue
        new_sets = setm[depth] | sets[i]
        new_sites = sitem[depth] | site[i]
        n_sets, n_sites = _bits(new_sets), _bits(new_sites)
        room = used[depth] + size[i]
        grown = max(0, n_sets - n_sites) - max(0, _bits(setm[depth]) - _bits(sitem[depth]))
        room_all = room + set_size * max(0, n_sets - n_sites)
        if room_all > limits[0] + 0.5:
            continue
        v = value[depth] - price[i] + _added(castm[depth], cast[i], rates) + set_cost * grown
        d = depth + 1
        path[d] = i
        castm[d] = castm[depth] | cast[i]
        setm[d], sitem[d] = new_sets, new_sites
        used[d], eig[d], count[d], value[d] = room, e, c, v
        nxt[d] = i + 1
        if (new_sites & need) == need and v < best:
            best, best_len = v, d
            best_path[:d] = path[1 : d + 1]
        depth = d
    return best, best_path[:best_len], best, nodes


@njit(cache=True)
def _fill(price: np.ndarray, eighths: np.ndarray, start: int, room: float) -> float:
    """The fractional knapsack's value of the strips from `start` in `room` eighths."""
    gain = 0.0
    for j in range(start, price.shape[0]):
        if price[j] <= 0.0:
            break
        if eighths[j] <= room:
            gain += price[j]
            room -= eighths[j]
        else:
            return gain + price[j] * room / eighths[j]
    return gain


@njit(cache=True)
def _bits(mask: int) -> int:
    n = 0
    while mask:
        n += mask & 1
        mask >>= 1
    return n


class Priced(NamedTuple):
    """A pool's pricing: its best day found and that day's reduced cost (infinite: none),
    a proven lower bound on every day of the pool, and the search's nodes (its work)."""

    value: float
    day: tuple[int, ...]
    floor: float
    nodes: int


def best_day(
    prep: PreparedProblem,
    pool: Sequence[int],
    prices: dict[int, float],
    *,
    moves: int,
    night: bool,
    max_nodes: int = MAX_NODES,
) -> Priced | None:
    """The least reduced cost of a day drawing on `pool` that visits `moves` + 1 of its sites
    (every one of them when `moves` > 0: a pool holds the strips of those sites only), exact
    unless the search passes `max_nodes` (then `floor` is its root's bound); None when the
    pool's cast or sets are too many for the bitmasks."""
    options, costs = prep.problem.options, prep.problem.costs
    # Best price an eighth first: the bound on what the rest can bring falls fastest.
    strips = sorted(pool, key=lambda s: (-prices[s] / max(1, prep.problem.strips[s].eighths), s))
    members = sorted({a for s in strips for a in prep.cast_of[s]})
    set_keys = sorted({prep.sets[s] for s in strips if prep.location[s]})
    site_keys = sorted({prep.location[s] for s in strips if prep.location[s]})
    if max(len(members), len(set_keys)) > MAX_BITS or len(site_keys) > moves + 1:
        return None
    cast_bit = {a: 1 << j for j, a in enumerate(members)}
    set_bit = {key: 1 << j for j, key in enumerate(set_keys)}
    site_bit = {key: 1 << j for j, key in enumerate(site_keys)}
    split = options.allow_split_days
    day = options.day_minutes
    move_size = options.company_move_minutes * moves
    sizes = [prep.minutes[s] if day is not None else 0.0 for s in strips]
    fixed = costs.crew_day + costs.company_move * moves
    fixed += costs.night_premium_day if night else 0.0
    found, items, floor, nodes = _search(
        np.array([prices[s] for s in strips], dtype=np.float64),
        np.array(sizes, dtype=np.float64),
        np.array([prep.problem.strips[s].eighths for s in strips], dtype=np.int64),
        np.array([sum(cast_bit[a] for a in prep.cast_of[s]) for s in strips], dtype=np.int64),
        np.array(
            [set_bit[prep.sets[s]] if prep.location[s] else 0 for s in strips], dtype=np.int64
        ),
        np.array(
            [site_bit[prep.location[s]] if prep.location[s] else 0 for s in strips], dtype=np.int64
        ),
        np.array([prep.rates[a] for a in members], dtype=np.float64),
        np.array(
            [
                (day - move_size) if day is not None else math.inf,
                options.capacity_eighths,
                options.max_scenes_per_day or len(strips),
            ],
            dtype=np.float64,
        ),
        fixed,
        0.0 if split else costs.set_move,
        0.0 if split or day is None else options.set_move_minutes,
        (1 << len(site_keys)) - 1,  # every site of the pool, none for a pool without
        max_nodes,
    )
    day_found = tuple(sorted(strips[int(i)] for i in items)) if math.isfinite(found) else ()
    return Priced(float(found), day_found, float(floor), int(nodes))


def warm_up() -> None:
    """Compile (or load from the disk cache) the search once: about 6 s cold on this
    machine, which a caller keeps out of the time it gives the LP."""
    one = np.ones(1, dtype=np.int64)
    _search(
        np.ones(1), np.ones(1), one, one, one, one, np.ones(1), np.ones(3), 0.0, 0.0, 0.0, 0, 10
    )


def is_loaded() -> bool:
    """True once the search is compiled or loaded in this process."""
    return bool(_search.signatures)
