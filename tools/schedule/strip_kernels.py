"""Compiled parts of the strip search (`strip_search`): a board's state, its full cost, moves.

Why compiled: the search tries hundreds of thousands of moves, and each needs the whole
board's holds, revisits and turnaround (they depend on the order of every day); as Python
that is tens of microseconds a move, compiled with numba (cached on disk) a few.

The board lives in slots: day positions in order, some empty. A slot's counters (`cnt`:
strips, eighths, night strips, stunts, whole-day strips, distinct sites and sets; `fl`:
minutes and the day rates of the cast working) and its cast, site and set counts change as
strips come and go; empty slots are skipped, so the days' order is the non-empty slots'.
The cost is `costing.cost_of` of that compacted board (a test holds them equal); the crew's
rest after nights (`crew_rest`) is a rule on it, with the days off in `rest`.
"""

from __future__ import annotations

import numpy as np
from numba import njit

__all__ = [
    "actor_hold",
    "board_cost",
    "fixed_cost",
    "place",
    "site_revisits",
    "slot_cost",
    "slot_fits",
]

# Columns of the integer slot counters.
NSTR, E8, NNIGHT, NSTUNT, NWHOLE, NSITES, NSETS = 0, 1, 2, 3, 4, 5, 6
# Columns of the float slot counters.
MINS, RATES = 0, 1


# Indexes into the parameter vector (money, rules; a missing rule is a huge number).
P_CREW, P_NIGHT, P_MOVE, P_SETMOVE, P_STUNT, P_STORY, P_TURN = 0, 1, 2, 3, 4, 5, 6
P_CAP8, P_SCENES, P_CAPMIN, P_DAYMIN, P_MOVEMIN, P_SETMIN, P_MOVES = 7, 8, 9, 10, 11, 12, 13
P_TURNRULE, P_SPAN, P_DROP, P_HORIZON, P_MAXDROP = 14, 15, 16, 17, 18
P_SIZE = 19


@njit(cache=True, inline="always")
def place(
    s, d, sign, cast_ptr, cast_idx, site, sset, eighths, minutes, night, stunt, whole, rates,
    cnt, fl, c_cast, c_site, c_set,
):  # fmt: skip
    """Add (`sign` 1) or remove (-1) strip s on slot d, keeping the slot's counters."""
    cnt[d, NSTR] += sign
    cnt[d, E8] += sign * eighths[s]
    cnt[d, NNIGHT] += sign * night[s]
    cnt[d, NSTUNT] += sign * stunt[s]
    cnt[d, NWHOLE] += sign * whole[s]
    fl[d, MINS] += sign * minutes[s]
    for k in range(cast_ptr[s], cast_ptr[s + 1]):
        a = cast_idx[k]
        c_cast[d, a] += sign
        if (sign > 0 and c_cast[d, a] == 1) or (sign < 0 and c_cast[d, a] == 0):
            fl[d, RATES] += sign * rates[a]
    if site[s] >= 0:
        c_site[d, site[s]] += sign
        if (sign > 0 and c_site[d, site[s]] == 1) or (sign < 0 and c_site[d, site[s]] == 0):
            cnt[d, NSITES] += sign
        c_set[d, sset[s]] += sign
        if (sign > 0 and c_set[d, sset[s]] == 1) or (sign < 0 and c_set[d, sset[s]] == 0):
            cnt[d, NSETS] += sign


@njit(cache=True)
def slot_fits(d, cnt, fl, par):
    """The day rules on slot d: pages, scenes, minutes with moves, the moves cap, no split."""
    n = cnt[d, NSTR]
    if n == 0:
        return True
    if cnt[d, NWHOLE] > 0:
        return n == 1
    if cnt[d, E8] > par[P_CAP8] or n > par[P_SCENES] or fl[d, MINS] > par[P_CAPMIN] + 1e-9:
        return False
    moves = max(0, cnt[d, NSITES] - 1)
    if moves > par[P_MOVES]:
        return False
    sets = max(0, cnt[d, NSETS] - cnt[d, NSITES])
    used = fl[d, MINS] + moves * par[P_MOVEMIN] + sets * par[P_SETMIN]
    if used > par[P_DAYMIN] + 1e-9:
        return False
    return cnt[d, NNIGHT] == 0 or cnt[d, NNIGHT] == n


@njit(cache=True)
def slot_cost(d, cnt, fl, par):
    """What a slot's contents cost whatever the order: crew, night, moves, stunts, cast days."""
    if cnt[d, NSTR] == 0:
        return 0.0
    out = par[P_CREW] + fl[d, RATES]
    if cnt[d, NNIGHT] > 0:
        out += par[P_NIGHT]
    out += par[P_MOVE] * max(0, cnt[d, NSITES] - 1)
    out += par[P_SETMOVE] * max(0, cnt[d, NSETS] - cnt[d, NSITES])
    out += par[P_STUNT] * max(0, cnt[d, NSTUNT] - 1)
    return out


@njit(cache=True)
def board_cost(pos, cnt, fl, c_cast, c_site, rates, setup, allowed, par, rest):
    """The board's cost (`inf` when a rule on the days' order breaks), contents included."""
    total = fixed_cost(pos, cnt, fl, c_cast, allowed, par, rest)
    for a in range(c_cast.shape[1]):
        total += actor_hold(a, cnt, c_cast, rates, par)
    for x in range(setup.shape[0]):
        total += site_revisits(x, cnt, c_site, setup)
    return total


@njit(cache=True)
def fixed_cost(pos, cnt, fl, c_cast, allowed, par, rest):
    """The board's cost but holds and revisits: the slots' contents, turnaround, story order;
    `inf` when turnaround or the crew's rest (rules), a pin, an availability or the horizon
    breaks. `rest[k]`: a day off follows day k (`crew_rest`); no split days here, so a day
    with a night strip is a night day, one without a day day."""
    n_slots, m = c_cast.shape
    rank = np.empty(n_slots, dtype=np.int64)
    k, prev, total = 0, -1, 0.0
    for d in range(n_slots):
        rank[d] = k
        if cnt[d, NSTR] == 0:
            continue
        total += slot_cost(d, cnt, fl, par)
        k += 1
        if prev >= 0 and cnt[prev, NNIGHT] > 0 and cnt[d, NNIGHT] == 0:
            if par[P_TURNRULE] > 0 and not rest[k - 2]:
                return np.inf
            for a in range(m):
                if c_cast[prev, a] > 0 and c_cast[d, a] > 0:
                    if par[P_TURNRULE] > 0:
                        return np.inf
                    total += par[P_TURN]
        prev = d
    if k > par[P_HORIZON]:
        return np.inf
    for s in range(pos.shape[0]):
        if not allowed[s, rank[pos[s]]]:
            return np.inf
        if s > 0 and pos[s] < pos[s - 1]:
            total += par[P_STORY]
    return total


@njit(cache=True)
def actor_hold(a, cnt, c_cast, rates, par):
    """Cast member a's paid holds in money: every day off between two work days, less the
    drops: gaps of at least the rule's calendar days (each shooting day's calendar day
    follows the parameters, from `P_SIZE`), the `P_MAXDROP` with the most days off."""
    if par[P_SPAN] == 0:
        return 0.0
    most = int(min(par[P_MAXDROP], cnt.shape[0]))
    top = np.zeros(max(1, most))
    last, k, held = -1, 0, 0.0
    for d in range(cnt.shape[0]):
        if cnt[d, NSTR] == 0:
            continue
        if c_cast[d, a] > 0:
            off = k - last - 1
            if last >= 0 and off > 0:
                held += off
                length = par[P_SIZE + k] - par[P_SIZE + last] - 1
                if length >= par[P_DROP] and most > 0 and off > top[most - 1]:
                    # Keep the qualifying gaps with the most days off, most first.
                    i = most - 1
                    while i > 0 and top[i - 1] < off:
                        top[i] = top[i - 1]
                        i -= 1
                    top[i] = off
            last = k
        k += 1
    return rates[a] * (held - top[:most].sum())


@njit(cache=True)
def site_revisits(x, cnt, c_site, setup):
    """Site x's set-ups after its first visit (runs of consecutive days there, less one)."""
    runs, here = 0, False
    for d in range(cnt.shape[0]):
        if cnt[d, NSTR] == 0:
            continue
        now = c_site[d, x] > 0
        if now and not here:
            runs += 1
        here = now
    return setup[x] * max(0, runs - 1)
