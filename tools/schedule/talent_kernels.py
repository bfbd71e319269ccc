"""Compiled inner loops of the talent search (`talent_search`), with numba.

Why compiled: the search visits millions of states, and each costs a pass over the groups and
the cast; as numpy array operations that is a (states x groups x cast) temporary per layer, as
Python loops about a microsecond per bit. numba compiles these plain loops once (cached on
disk beside the module), so a state costs well under a microsecond.

A state is a pair of int64 bitmasks: the groups shot first (`front`, from day one on) and the
groups shot last (`back`, from the last day backwards); cast sets are int64 bitmasks too. The
bound of a state (`_bound`) adds: cast in both ends, paid every remaining day; cast working in
one end and in the middle, paid from that end to their last (first) middle group, bounded as
Garcia de la Banda, Stuckey & Chu (2011) do, a weighted-completion problem whose shared groups
are split between their cast in proportion to pay and solved by Smith's ratio rule, once from
each end; everyone else, their own days; and when a left and a right actor share a middle
group, the groups with neither side's cast pay the cheaper of the two (`_crossing`).
"""

from __future__ import annotations

import numpy as np
from numba import njit

__all__ = ["expand", "state_bounds"]

_CHUNK = 11
"""Cast bits per pay-table chunk: 2,048 entries each."""


@njit(cache=True)
def _pay(mask: int, table: np.ndarray) -> float:
    total = 0.0
    for j in range(table.shape[0]):
        total += table[j, (mask >> (_CHUNK * j)) & 2047]
    return total


@njit(cache=True)
def _casts(front: int, back: int, actors: np.ndarray) -> tuple[int, int, int]:
    """The cast of the front groups, of the back groups and of the groups in neither."""
    first, last, rest = 0, 0, 0
    for i in range(actors.shape[0]):
        if (front >> i) & 1:
            first |= actors[i]
        elif (back >> i) & 1:
            last |= actors[i]
        else:
            rest |= actors[i]
    return first, last, rest


@njit(cache=True)
def _completion(on: int, ratio: np.ndarray, weights: np.ndarray, picked: np.ndarray) -> float:
    """Smith's rule over the `on` cast: sum of pay x completion, by increasing ratio."""
    count = 0
    for a in range(weights.shape[0]):
        if (on >> a) & 1:
            # Insertion sort: a handful of cast, and ties keep cast order (deterministic).
            at = count
            while at > 0 and ratio[picked[at - 1]] > ratio[a]:
                picked[at] = picked[at - 1]
                at -= 1
            picked[at] = a
            count += 1
    elapsed, total = 0.0, 0.0
    for j in range(count):
        a = picked[j]
        elapsed += ratio[a] * weights[a]
        total += weights[a] * elapsed
    return total


@njit(cache=True)
def _bound(
    front: int,
    back: int,
    actors: np.ndarray,
    days: np.ndarray,
    pay: np.ndarray,
    squares: np.ndarray,
    weights: np.ndarray,
    ratio: np.ndarray,
    picked: np.ndarray,
) -> float:
    """Lower bound on the pay of the groups in neither end, whatever their order."""
    first, last, rest = _casts(front, back, actors)
    both = first & last
    left = first & rest & ~both
    right = last & rest & ~both
    held = _pay(both, pay)
    total = 0.0
    ratio[:] = 0.0
    for i in range(actors.shape[0]):
        if ((front | back) >> i) & 1:
            continue
        total += days[i] * (held + _pay(actors[i] & ~(both | left | right), pay))
        # Left and right cast are disjoint, so one ratio array serves both problems.
        for on in (actors[i] & left, actors[i] & right):
            if on:
                w = _pay(on, pay)
                total += days[i] * (w - _pay(on, squares) / w) / 2.0
                for a in range(weights.shape[0]):
                    if (on >> a) & 1:
                        ratio[a] += days[i] / w
    total += _completion(left, ratio, weights, picked)
    total += _completion(right, ratio, weights, picked)
    return total + _crossing(front | back, left, right, actors, days, weights, picked)


@njit(cache=True)
def _crossing(
    used: int,
    left: int,
    right: int,
    actors: np.ndarray,
    days: np.ndarray,
    weights: np.ndarray,
    link: np.ndarray,
) -> float:
    """Pay of middle groups with no left or right cast, held by a left and right pair anyway.

    When a left actor (held from the front to their last middle group) and a right actor
    (from their first middle group to the back) share a middle group, every middle day is
    before the one's last or after the other's first: a group with neither side's cast pays
    at least the cheaper of the two for its days, pay that neither Smith bound counts (each
    counts only days of groups carrying its own side's cast). Disjoint pairs add up; they
    are matched greedily, dearest left actor first.
    """
    if not left or not right:
        return 0.0
    m = weights.shape[0]
    link[:] = 0
    neutral = 0.0
    for i in range(actors.shape[0]):
        if (used >> i) & 1:
            continue
        a_left, a_right = actors[i] & left, actors[i] & right
        if not a_left and not a_right:
            neutral += days[i]
        elif a_left and a_right:
            for a in range(m):
                if (a_left >> a) & 1:
                    link[a] |= a_right
    if neutral == 0.0:
        return 0.0
    taken, per_day = 0, 0.0
    for _ in range(m):
        best, pick = -1.0, -1
        for a in range(m):
            if link[a] and not (taken >> a) & 1 and weights[a] > best:
                best, pick = weights[a], a
        if pick < 0:
            break
        taken |= 1 << pick
        partner, value = -1, -1.0
        for b in range(m):
            if (link[pick] >> b) & 1 and not (taken >> b) & 1 and weights[b] > value:
                partner, value = b, weights[b]
        if partner >= 0:
            taken |= 1 << partner
            per_day += min(weights[pick], value)
    return neutral * per_day


@njit(cache=True)
def state_bounds(
    front: np.ndarray,
    back: np.ndarray,
    actors: np.ndarray,
    days: np.ndarray,
    pay: np.ndarray,
    squares: np.ndarray,
    weights: np.ndarray,
) -> np.ndarray:
    """The bound of each state (see `_bound`)."""
    out = np.empty(front.shape[0])
    ratio = np.zeros(weights.shape[0])
    picked = np.zeros(weights.shape[0], dtype=np.int64)
    for k in range(front.shape[0]):
        out[k] = _bound(front[k], back[k], actors, days, pay, squares, weights, ratio, picked)
    return out


@njit(cache=True)
def _step(
    i: int, near: int, far: int, actors: np.ndarray, days: np.ndarray, pay: np.ndarray
) -> float:
    """Pay of group i placed next to the `near` end: its cast, and near cast working later."""
    return days[i] * _pay(actors[i] | (near & far), pay)


@njit(cache=True)
def _subsumed(i: int, used: int, near: int, actors: np.ndarray, supers: np.ndarray) -> bool:
    """True when a group left with a cast containing i's has all its cast started after i."""
    started = near | actors[i]
    left = supers[i] & ~used
    j = 0
    while left:
        if left & 1 and actors[j] & ~started == 0:
            return True
        left >>= 1
        j += 1
    return False


@njit(cache=True)
def _cast_days(used: int, actors: np.ndarray, days: np.ndarray, out: np.ndarray) -> float:
    """Days of the groups left, in total and (into `out`) per cast member working in them."""
    out[:] = 0.0
    total = 0.0
    for j in range(actors.shape[0]):
        if (used >> j) & 1:
            continue
        total += days[j]
        for a in range(out.shape[0]):
            if (actors[j] >> a) & 1:
                out[a] += days[j]
    return total


@njit(cache=True)
def _held_over(
    held: int, cast: int, d: float, total: float, worked: np.ndarray, weights: np.ndarray
) -> float:
    """Pay of the `held` cast on the days left once a group of `cast` and `d` days is shot,
    beyond their own: cast at both ends are on location for the whole middle."""
    extra = 0.0
    for a in range(weights.shape[0]):
        if (held >> a) & 1:
            own = worked[a] - (d if (cast >> a) & 1 else 0.0)
            extra += weights[a] * (total - d - own)
    return extra


@njit(cache=True)
def expand(
    front: np.ndarray,
    back: np.ndarray,
    g: np.ndarray,
    to_front: bool,
    actors: np.ndarray,
    days: np.ndarray,
    pay: np.ndarray,
    own: np.ndarray,
    supers: np.ndarray,
    weights: np.ndarray,
    limit: float,
) -> tuple:
    """Children (one group added to one end) whose cost plus a quick bound is within limit.

    The quick bound: the own pay of the groups left, and the cast at both ends held on
    every day left (a part of `_bound`, at a fraction of its cost: most children it rejects
    are never merged or bounded).

    Returns their front and back masks, costs, parent indexes and added groups. A group whose
    cast is on location at that end and holds everyone there who is not held at the other end
    too goes next alone: moving it there never lengthens anyone's span (its cast are held
    there already; the others held there are held over the whole middle). From one end this
    is a group whose cast is the cast on location (de la Banda et al.). A group i is
    not placed next while a group j of `supers[i]` (cast containing i's) is left whose cast is
    all started once i is (Garcia de la Banda, Stuckey & Chu 2011): j first is never worse.
    """
    n = actors.shape[0]
    size = front.shape[0] * n
    out_f, out_b = np.empty(size, dtype=np.int64), np.empty(size, dtype=np.int64)
    out_g, out_p = np.empty(size), np.empty(size, dtype=np.int64)
    out_i = np.empty(size, dtype=np.int64)
    after = np.zeros(n + 1, dtype=np.int64)
    worked = np.zeros(weights.shape[0])
    count = 0
    for k in range(front.shape[0]):
        near_set = front[k] if to_front else back[k]
        far_set = back[k] if to_front else front[k]
        used = front[k] | back[k]
        near, far, rest = _casts(near_set, far_set, actors)
        total = _cast_days(used, actors, days, worked) if far else 0.0
        # Cast working at this end and in the middle but not at the other end.
        need = near & rest & ~far
        left, forced = 0.0, -1
        for i in range(n):
            if not (used >> i) & 1:
                left += own[i]
                if forced < 0 and actors[i] & ~near == 0 and need & ~actors[i] == 0:
                    forced = i
        for i in range(n - 1, -1, -1):
            after[i] = after[i + 1] | (0 if (used >> i) & 1 else actors[i])
        before = 0
        for i in range(n):
            if (used >> i) & 1:
                continue
            others = before | after[i + 1] | far
            before |= actors[i]
            if forced >= 0 and i != forced:
                continue
            if _subsumed(i, used, near, actors, supers):
                continue
            value = g[k] + _step(i, near, others, actors, days, pay)
            quick = value + left - own[i]
            held = (near | actors[i]) & far
            if held and quick <= limit:
                quick += _held_over(held, actors[i], days[i], total, worked, weights)
            if quick <= limit:
                grown = near_set | (1 << i)
                out_f[count] = grown if to_front else far_set
                out_b[count] = far_set if to_front else grown
                out_g[count], out_p[count], out_i[count] = value, k, i
                count += 1
    return out_f[:count], out_b[:count], out_g[:count], out_p[:count], out_i[:count]
