"""Compiled inner loops of the talent search (`talent_search`), with numba: growing states.

Why compiled: the search visits millions of states, and each costs a pass over the groups and
the cast; as numpy array operations that is a (states x groups x cast) temporary per layer, as
Python loops about a microsecond per bit. numba compiles these plain loops once (cached on
disk beside the module), so a state costs well under a microsecond.

A state is a pair of int64 bitmasks: the groups shot first (`front`, from day one on) and the
groups shot last (`back`, from the last day backwards); cast sets are int64 bitmasks too.
`expand` grows states by one group with the dominance rules; their lower bounds are in
`talent_bound`.
"""

from __future__ import annotations

import numpy as np
from numba import njit

__all__ = ["expand"]

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
