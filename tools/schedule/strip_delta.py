"""What a move changes, counted on the slots and strips it touches (for `strip_anneal`).

While no slot empties or fills, the days' order stands: a move changes only its slots'
contents, the turnaround of the pairs of days around them, the story order of the strips next
to the moved ones, and the pins and windows of the moved strips (their days keep their
ranks). Counting only those is what makes a move cost a few hundred operations instead of a
pass over the board; a move that empties or fills a slot is costed in full.
"""

from __future__ import annotations

from numba import njit

from tools.schedule.strip_kernels import NNIGHT, NSTR, slot_cost

__all__ = ["content", "crew_pairs", "ranks", "story_pairs", "touched", "turn_pairs"]


@njit(cache=True)
def touched(k, mf, mt, mark, stamp, out):
    """The distinct slots a move leaves or enters, into `out`; returns how many."""
    n = 0
    for j in range(k):
        for d in (mf[j], mt[j]):
            if mark[d] != stamp:
                mark[d] = stamp
                out[n] = d
                n += 1
    return n


@njit(cache=True)
def content(slots, n, cnt, fl, par):
    """What the slots' contents cost (crew, night, moves, stunts, cast days)."""
    total = 0.0
    for i in range(n):
        total += slot_cost(slots[i], cnt, fl, par)
    return total


@njit(cache=True)
def _broken(a, b, cnt, c_cast):
    """Cast members of night slot a called for day slot b (0 unless a is night, b is day)."""
    if a < 0 or b < 0 or cnt[a, NNIGHT] == 0 or cnt[b, NNIGHT] > 0:
        return 0
    out = 0
    for x in range(c_cast.shape[1]):
        if c_cast[a, x] > 0 and c_cast[b, x] > 0:
            out += 1
    return out


@njit(cache=True)
def _around(d, cnt):
    """The used days before and after day `d` (-1 and the board's length when none)."""
    p = d - 1
    while p >= 0 and cnt[p, NSTR] == 0:
        p -= 1
    q = d + 1
    while q < cnt.shape[0] and cnt[q, NSTR] == 0:
        q += 1
    return p, q


@njit(cache=True)
def turn_pairs(slots, n, cnt, c_cast, mark, stamp):
    """Broken turnarounds over the distinct pairs of consecutive days around the slots."""
    total = 0
    for i in range(n):
        d = slots[i]
        p, q = _around(d, cnt)
        q = q if q < cnt.shape[0] else -1
        # A pair is keyed by its first day, so one shared by two touched slots counts once.
        if p >= 0 and mark[p] != stamp:
            mark[p] = stamp
            total += _broken(p, d, cnt, c_cast)
        if q >= 0 and mark[d] != stamp:
            mark[d] = stamp
            total += _broken(d, q, cnt, c_cast)
    return total


@njit(cache=True)
def crew_pairs(slots, n, cnt, rank, rest):
    """Nights followed by a day call with no day off between, over the pairs of consecutive
    days around the slots (the crew's rest, `crew_rest`; no split days in the search)."""
    total = 0
    for i in range(n):
        d = slots[i]
        if cnt[d, NSTR] == 0:
            continue
        p, q = _around(d, cnt)
        if p >= 0 and cnt[p, NNIGHT] > 0 and cnt[d, NNIGHT] == 0 and not rest[rank[p]]:
            total += 1
        if q < cnt.shape[0] and cnt[d, NNIGHT] > 0 and cnt[q, NNIGHT] == 0 and not rest[rank[d]]:
            total += 1
    return total


@njit(cache=True)
def story_pairs(k, ms, pos, mark, stamp):
    """Strips shot before the strip ahead of them, over the pairs next to the moved strips."""
    total = 0
    for j in range(k):
        for i in (ms[j] - 1, ms[j]):
            if 0 <= i < pos.shape[0] - 1 and mark[i] != stamp:
                mark[i] = stamp
                total += pos[i + 1] < pos[i]
    return total


@njit(cache=True)
def ranks(cnt, rank):
    """Each slot's day number among the non-empty slots before it, into `rank`."""
    k = 0
    for d in range(cnt.shape[0]):
        rank[d] = k
        if cnt[d, NSTR] > 0:
            k += 1
    return k
