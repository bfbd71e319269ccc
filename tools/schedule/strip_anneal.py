"""The strip search's compiled loop: simulated annealing over moves of strips and days.

Each iteration draws one move from numba's generator (seeded by the caller, so the same
input and seed give the same board): a strip to another day (often the day of a strip that
shares its site or cast, sometimes any slot, an empty one opening a new day there); two
strips swapped; one site's strips of a day moved together (a site-visit); two slots swapped
(with an empty slot: the day moves to that position); a day emptied into related days. A move
that breaks a day rule or an order rule is undone; a dearer one is kept with the annealing's
probability, the temperature falling geometrically over the run's iterations.
"""

from __future__ import annotations

import numpy as np
from numba import njit

from tools.schedule.strip_delta import (
    content,
    crew_pairs,
    ranks,
    story_pairs,
    touched,
    turn_pairs,
)
from tools.schedule.strip_kernels import (
    NSTR,
    P_STORY,
    P_TURN,
    P_TURNRULE,
    actor_hold,
    fixed_cost,
    place,
    site_revisits,
    slot_fits,
)

__all__ = ["anneal", "fill", "seed"]

_MOVE, _SWAP, _VISIT, _SLOTS = 0.4, 0.6, 0.7, 0.95
"""Cumulative shares of the move kinds (the rest: empty a day)."""
_NEW_DAY, _ANY_DAY = 0.03, 0.25
"""Cumulative shares of strip moves sent to any slot (an empty one opens a day there: rarely
worth a crew day, so rarely tried) and to any day, rather than to a related strip's day."""


@njit(cache=True)
def seed(value: int) -> None:
    """Seed numba's generator (its own, apart from numpy's)."""
    np.random.seed(value)


@njit(cache=True)
def _related(s, rel_ptr, rel_idx, n):
    """A strip sharing s's site or cast (any strip when none does)."""
    lo, hi = rel_ptr[s], rel_ptr[s + 1]
    if hi > lo:
        return rel_idx[np.random.randint(lo, hi)]
    return np.random.randint(0, n)


@njit(cache=True)
def _target(s, pos, rel_ptr, rel_idx, n_slots):
    r = np.random.random()
    if r < _NEW_DAY:
        return np.random.randint(0, n_slots)
    if r < _ANY_DAY:
        return pos[np.random.randint(0, pos.shape[0])]
    return pos[_related(s, rel_ptr, rel_idx, pos.shape[0])]


@njit(cache=True)
def _draw(pos, site, rel_ptr, rel_idx, n_slots, ms, mf, mt):
    """One move into (ms, mf, mt): strips, from slots, to slots; returns how many strips."""
    n = pos.shape[0]
    r = np.random.random()
    s = np.random.randint(0, n)
    k = 0
    if r < _MOVE:
        to = _target(s, pos, rel_ptr, rel_idx, n_slots)
        if to != pos[s]:
            ms[0], mf[0], mt[0], k = s, pos[s], to, 1
    elif r < _SWAP:
        t = _related(s, rel_ptr, rel_idx, n)
        if pos[t] != pos[s]:
            ms[0], mf[0], mt[0] = s, pos[s], pos[t]
            ms[1], mf[1], mt[1], k = t, pos[t], pos[s], 2
    elif r < _VISIT:
        to = _target(s, pos, rel_ptr, rel_idx, n_slots)
        if to != pos[s]:
            for u in range(n):
                if pos[u] == pos[s] and site[u] == site[s]:
                    ms[k], mf[k], mt[k] = u, pos[u], to
                    k += 1
    elif r < _SLOTS:
        i, j = pos[s], np.random.randint(0, n_slots)
        if i != j:
            for u in range(n):
                if pos[u] == i or pos[u] == j:
                    ms[k], mf[k], mt[k] = u, pos[u], j if pos[u] == i else i
                    k += 1
    else:
        d = pos[s]
        for u in range(n):
            if pos[u] == d:
                t = _related(u, rel_ptr, rel_idx, n)
                if pos[t] != d:
                    ms[k], mf[k], mt[k] = u, d, pos[t]
                    k += 1
    return k


@njit(cache=True, inline="always")
def _shift(s, frm, to, data, state):
    """Strip s from slot `frm` to slot `to`, every counter kept."""
    cast_ptr, cast_idx, site, sset, eighths, minutes, night, stunt, whole, rates = data[:10]
    pos, cnt, fl, c_cast, c_site, c_set = state[:6]
    place(s, frm, -1, cast_ptr, cast_idx, site, sset, eighths, minutes, night, stunt, whole,
          rates, cnt, fl, c_cast, c_site, c_set)  # fmt: skip
    pos[s] = to
    place(s, to, 1, cast_ptr, cast_idx, site, sset, eighths, minutes, night, stunt, whole,
          rates, cnt, fl, c_cast, c_site, c_set)  # fmt: skip


@njit(cache=True)
def fill(data, state):
    """Count every strip on its slot (`state`'s counters start at zero)."""
    cast_ptr, cast_idx, site, sset, eighths, minutes, night, stunt, whole, rates = data[:10]
    pos, cnt, fl, c_cast, c_site, c_set = state[:6]
    for s in range(pos.shape[0]):
        place(s, pos[s], 1, cast_ptr, cast_idx, site, sset, eighths, minutes, night, stunt,
              whole, rates, cnt, fl, c_cast, c_site, c_set)  # fmt: skip


@njit(cache=True)
def _order(k, ms, changed, data, state, nh, nr, mark_a, mark_x):
    """Holds and revisits after a move, into `nh` and `nr`, and their change in money: only
    the moved strips' cast and sites, unless a slot emptied or filled (then all)."""
    cast_ptr, cast_idx, site, rates, setup = data[0], data[1], data[2], data[9], data[10]
    cnt, c_cast, c_site, hold, rev = state[1], state[3], state[4], state[6], state[7]
    mark_a[:] = changed
    mark_x[:] = changed
    if not changed:
        for j in range(k):
            for q in range(cast_ptr[ms[j]], cast_ptr[ms[j] + 1]):
                mark_a[cast_idx[q]] = True
            if site[ms[j]] >= 0:
                mark_x[site[ms[j]]] = True
    delta = 0.0
    for a in range(hold.shape[0]):
        nh[a] = actor_hold(a, cnt, c_cast, rates, data[14]) if mark_a[a] else hold[a]
        delta += nh[a] - hold[a]
    for x in range(rev.shape[0]):
        nr[x] = site_revisits(x, cnt, c_site, setup) if mark_x[x] else rev[x]
        delta += nr[x] - rev[x]
    return delta


@njit(cache=True)
def _fixed(k, ms, slots, nt, before, data, state, rank, marks, stamp):
    """The fixed part's change (`strip_delta`) after a move that emptied or filled no slot;
    `before` is (contents, turnarounds, story pairs) counted before it; inf: a rule broke."""
    allowed, par = data[11], data[14]
    pos, cnt, fl, c_cast = state[0], state[1], state[2], state[3]
    turn = turn_pairs(slots, nt, cnt, c_cast, marks[1], 2 * stamp + 1)
    if par[P_TURNRULE] > 0 and (turn > 0 or crew_pairs(slots, nt, cnt, rank, data[15]) > 0):
        return np.inf
    for j in range(k):
        if not allowed[ms[j], rank[pos[ms[j]]]]:
            return np.inf
    story = story_pairs(k, ms, pos, marks[2], 2 * stamp + 1)
    out = content(slots, nt, cnt, fl, par) - before[0]
    return out + par[P_TURN] * (turn - before[1]) + par[P_STORY] * (story - before[2])


@njit(cache=True)
def anneal(iters, done, total, t0, t1, cur, best_cost, best, data, state):
    """`iters` moves from iteration `done` of `total`; returns (current, best) costs, with the
    best board copied into `best` whenever it improves. `state` ends with the current holds
    and revisits per cast member and site, kept up to date."""
    site, allowed, rel_ptr, rel_idx, par = data[2], data[11], data[12], data[13], data[14]
    pos, cnt, fl, c_cast, hold, rev = state[0], state[1], state[2], state[3], state[6], state[7]
    n, n_slots = pos.shape[0], cnt.shape[0]
    ms, mf, mt = np.empty(n, np.int64), np.empty(n, np.int64), np.empty(n, np.int64)
    slots, was = np.empty(2 * n, np.int64), np.empty(2 * n, np.bool_)
    marks = (np.zeros(n_slots, np.int64), np.zeros(n_slots, np.int64), np.zeros(n, np.int64))
    nh, nr = np.empty_like(hold), np.empty_like(rev)
    mark_a, mark_x = np.empty(hold.shape[0], np.bool_), np.empty(rev.shape[0], np.bool_)
    rank = np.empty(n_slots, np.int64)
    ranks(cnt, rank)
    fixed = fixed_cost(pos, cnt, fl, c_cast, allowed, par, data[15])
    for it in range(iters):
        k = _draw(pos, site, rel_ptr, rel_idx, n_slots, ms, mf, mt)
        if k == 0:
            continue
        stamp = it + 1
        nt = touched(k, mf, mt, marks[0], stamp, slots)
        for i in range(nt):
            was[i] = cnt[slots[i], NSTR] > 0
        before = (
            content(slots, nt, cnt, fl, par),
            turn_pairs(slots, nt, cnt, c_cast, marks[1], 2 * stamp),
            story_pairs(k, ms, pos, marks[2], 2 * stamp),
        )
        for j in range(k):
            _shift(ms[j], mf[j], mt[j], data, state)
        fits, changed = True, False
        for i in range(nt):
            fits = fits and slot_fits(slots[i], cnt, fl, par)
            changed = changed or (cnt[slots[i], NSTR] > 0) != was[i]
        new_fixed = np.inf
        if fits and changed:
            new_fixed = fixed_cost(pos, cnt, fl, c_cast, allowed, par, data[15])
        elif fits:
            new_fixed = fixed + _fixed(k, ms, slots, nt, before, data, state, rank, marks, stamp)
        new = np.inf
        if np.isfinite(new_fixed):
            order = _order(k, ms, changed, data, state, nh, nr, mark_a, mark_x)
            new = new_fixed + hold.sum() + rev.sum() + order
        delta = new - cur
        temp = t0 * (t1 / t0) ** ((done + it) / total)
        if np.isfinite(delta) and (delta <= 0 or np.random.random() < np.exp(-delta / temp)):
            cur, fixed = new, new_fixed
            hold[:] = nh
            rev[:] = nr
            if changed:
                ranks(cnt, rank)
            if cur < best_cost - 1e-6:
                best_cost = cur
                best[:] = pos
            continue
        for j in range(k - 1, -1, -1):
            _shift(ms[j], mt[j], mf[j], data, state)
    return cur, best_cost
