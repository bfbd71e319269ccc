"""Lower bounds for sequencing problems too big for the exact DP, from smaller exact DPs.

Relaxations, each solved exactly by `exact.solve_exact` (the talent one by `talent_subset`):
- Fewer strips: for any order, each kept cast member's span covers the kept strips between
  their first and last kept strip plus all their other strips, and dropping strips never adds
  a location run; so the optimum over a subset Q plus the own pay of the strips outside Q is a
  lower bound (precedences kept through their transitive closure).
- Fewer cast: cast members outside a set B are paid only their own days, the rest exactly;
  precedences (and, in one variant, locations) dropped. Strips with the same B-cast (and
  location) merge, so few groups remain.
- Cast in blocks: the paid cast split into blocks, each small enough for the DP; every order
  pays each block at least that block's own optimum (locations and precedences dropped), so
  their sum is a bound. It holds every holding cost the fewer-cast bound pays as own days
  only: on movie100 (30 cast in 8 blocks) it is the strongest, 7,332 against 6,956.
- Fewer strips as a talent problem: the dearest strips (by their own pay), locations dropped
  and precedences kept through their closure, as many as the compiled subset DP of
  `talent_subset` solves in the time (up to 25 groups). On movie shoot scheduling the holds
  dominate the cost, so this is the strongest there up to about 30 strips (movie30).
The best bound found within the time budget is returned.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import replace

import numpy as np

from tools.schedule.exact import exact_plan, solve_exact
from tools.schedule.sequence import Sequencing, order_cost
from tools.schedule.talent_subset import MAX_GROUPS, estimated_seconds, is_loaded, subset_order

__all__ = ["lower_bound"]

_MAX_GROUPS = 20
_RANDOM_SUBSETS = 40
_TALENT_SHARE = 0.9
"""Share of the bound's time the talent relaxation may take (the others are quick)."""
_COMPILE_SECONDS = 2.0
"""Allowance for compiling (or loading) the subset DP the first time in a process."""


def _closure(seq: Sequencing) -> set[tuple[int, int]]:
    after: dict[int, set[int]] = {s: set() for s in range(seq.n)}
    for a, b in seq.before:
        after[a].add(b)
    changed = True
    while changed:
        changed = False
        for a in after:
            reach = set().union(*(after[b] for b in after[a])) if after[a] else set()
            if not reach <= after[a]:
                after[a] |= reach
                changed = True
    return {(a, b) for a, later in after.items() for b in later}


def _fewer_strips(seq: Sequencing, keep: list[int], pairs: set[tuple[int, int]]) -> Sequencing:
    where = {s: i for i, s in enumerate(keep)}
    return replace(
        seq,
        days=seq.days[keep],
        cast=seq.cast[keep],
        loc=seq.loc[keep],
        before=tuple((where[a], where[b]) for a, b in sorted(pairs) if a in where and b in where),
    )


def _fewer_cast(seq: Sequencing, cast: list[int], *, locations: bool) -> Sequencing:
    mask = np.zeros(seq.cast.shape[1], dtype=bool)
    mask[cast] = True
    if locations:
        return replace(seq, cast=seq.cast & mask[None, :], before=())
    return replace(
        seq,
        cast=seq.cast & mask[None, :],
        loc=np.zeros(seq.n, dtype=np.int64),
        setup=np.zeros(1),
        before=(),
    )


def _groups(sub: Sequencing) -> int:
    try:
        return len(exact_plan(sub).groups)
    except ValueError:
        return sub.n


def _value(sub: Sequencing, deadline: float) -> float | None:
    if _groups(sub) > _MAX_GROUPS:
        return None
    plan = exact_plan(sub)
    if time.perf_counter() + plan.solve_seconds() > deadline:
        return None
    order = solve_exact(sub, plan)
    return None if order is None else order_cost(sub, order)


def _cast_by_weight(seq: Sequencing) -> list[int]:
    weight = seq.rates * (seq.cast * seq.days[:, None]).sum(axis=0)
    return [int(a) for a in np.argsort(-weight, kind="stable")]


def _strips_candidates(seq: Sequencing) -> list[list[int]]:
    """Strip subsets to try: those of the heaviest cast, grown while the DP stays small."""
    out = []
    for lead in _cast_by_weight(seq)[:4]:
        chosen: list[int] = []
        for a in [lead, *_cast_by_weight(seq)]:
            extra = [int(s) for s in np.flatnonzero(seq.cast[:, a]) if s not in chosen]
            if len(chosen) + len(extra) > _MAX_GROUPS:
                continue
            chosen += extra
        if chosen and sorted(chosen) not in out:
            out.append(sorted(chosen))
    return out


def _cast_bound(seq: Sequencing, *, locations: bool, deadline: float) -> float | None:
    """The fewer-cast relaxation with as many of the heaviest cast as keep the DP small."""
    chosen: list[int] = []
    for a in _cast_by_weight(seq):
        if _groups(_fewer_cast(seq, [*chosen, a], locations=locations)) <= _MAX_GROUPS:
            chosen.append(a)
    value = _value(_fewer_cast(seq, chosen, locations=locations), deadline) if chosen else None
    if value is None:
        return None
    others = [b for b in range(seq.cast.shape[1]) if b not in chosen]
    return value + float((seq.cast[:, others] * seq.days[:, None]).sum(axis=0) @ seq.rates[others])


def _blocks_bound(
    seq: Sequencing, *, deadline: float, max_groups: int = _MAX_GROUPS
) -> float | None:
    """The paid cast split first-fit (heaviest first) into blocks of at most `max_groups`
    groups each, and the sum of the blocks' optima; None when one does not fit the time."""
    blocks: list[list[int]] = []
    for a in _cast_by_weight(seq):
        if seq.rates[a] <= 0 or not seq.cast[:, a].any():
            continue
        fits = (
            b for b in blocks if _groups(_fewer_cast(seq, [*b, a], locations=False)) <= max_groups
        )
        block = next(fits, None)
        if block is None:
            blocks.append([a])
        else:
            block.append(a)
    total = 0.0
    for block in blocks:
        sub = _fewer_cast(seq, block, locations=False)
        value = _value(sub, deadline) if _groups(sub) <= max_groups else None
        if value is None:
            return None
        total += value
    return total


def _strip_subsets(seq: Sequencing, seed: int) -> Iterator[list[int]]:
    """Those of the heaviest cast first, then seeded random subsets of the DP's size."""
    yield from _strips_candidates(seq)
    rng = np.random.default_rng(seed)
    size = min(_MAX_GROUPS, seq.n)
    for _ in range(_RANDOM_SUBSETS):
        yield sorted(int(s) for s in rng.choice(seq.n, size, replace=False))


def _talent_bound(seq: Sequencing, *, seconds: float) -> float | None:
    """The dearest strips that fit the time, as a talent problem, plus the others' own pay."""
    own = seq.own()
    relaxed = replace(seq, loc=np.zeros(seq.n, dtype=np.int64), setup=np.zeros(1))
    pairs = _closure(seq)
    seconds -= 0.0 if is_loaded() else _COMPILE_SECONDS
    dearest = [int(s) for s in np.argsort(-own, kind="stable")]
    for size in range(min(seq.n, 3 * MAX_GROUPS), 1, -1):
        keep = sorted(dearest[:size])
        sub = _fewer_strips(relaxed, keep, pairs)
        try:
            plan = exact_plan(sub, max_groups=MAX_GROUPS)
        except ValueError:  # too many groups for the subset DP: keep fewer strips
            continue
        if estimated_seconds(plan) <= seconds:
            try:
                order, _ = subset_order(plan)
            except ValueError:  # precedences in a cycle: no order, nothing to bound
                return None
            strips = list(plan.first) + [s for g in order for s in plan.groups[g]]
            return order_cost(sub, strips) + float(own.sum() - own[keep].sum())
    return None


def lower_bound(seq: Sequencing, *, deadline: float, seed: int = 7) -> float:
    """A lower bound on the order-dependent cost (`sequence.order_cost`) of every order."""
    own = seq.own()
    best = float(own.sum())
    if seq.n > _MAX_GROUPS:
        seconds = _TALENT_SHARE * (deadline - time.perf_counter())
        best = max(best, _talent_bound(seq, seconds=seconds) or best)
    for locations in (True, False):
        value = _cast_bound(seq, locations=locations, deadline=deadline)
        best = max(best, value if value is not None else best)
    blocks = _blocks_bound(seq, deadline=deadline)
    best = max(best, blocks if blocks is not None else best)
    pairs = _closure(seq)
    for keep in _strip_subsets(seq, seed):
        if time.perf_counter() >= deadline:
            break
        value = _value(_fewer_strips(seq, keep, pairs), deadline)
        if value is not None:
            rest = [s for s in range(seq.n) if s not in set(keep)]
            best = max(best, value + float(own[rest].sum()))
    return best
