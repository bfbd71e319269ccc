"""Compile the planner's numba kernels ahead of the first plan: `python -m tools.schedule.warm`.

Why: a kernel's first compile takes seconds (the strip search's 12-23 s, the days' LP pricing
about 6 s) and a plan skips what would not fit its limit, so without this step a fresh
install's first board is worse than its second one. The Makefile's install step runs this
module; numba keeps the machine code in its disk cache, next to the sources in `__pycache__`
(the checkout is the user's own, so writable) or under `NUMBA_CACHE_DIR` when that is set,
and every later process (the server's job workers, the CLI, the tests) loads it from there.

Idempotent: a family whose kernels are already in this process is left alone, and one found
in the disk cache is only loaded (about a second), so a second run is fast and compiles
nothing.

Stale caches: numba keys a kernel's cache on its own source file only, so a kernel that calls
one from another file keeps the old machine code after that file changes (an upgrade by `git
pull`). Each family's sources are hashed together; when the hash differs from the one saved
beside the cache, the family's cached files are dropped first and compiled again
(`drop_stale`). The Makefile re-runs this step whenever a file of `tools/schedule` changes.
"""

from __future__ import annotations

import hashlib
import math
import os
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from numba.core.registry import CPUDispatcher

from tools.schedule import (
    exact_kernel,
    relax_price,
    strip_anneal,
    strip_delta,
    strip_kernels,
    strip_search,
    talent_bound,
    talent_dominance,
    talent_finish,
    talent_kernels,
    talent_memo,
    talent_subset,
    talent_table,
)

__all__ = ["Family", "Warmed", "drop_stale", "families", "main", "warm"]


@dataclass(frozen=True)
class Family:
    """Kernels compiled together by one call: `entry` holds the dispatchers a plan calls."""

    name: str
    modules: tuple[ModuleType, ...]
    entry: tuple[str, ...]
    run: Callable[[], None]


@dataclass(frozen=True)
class Warmed:
    """What warming one family did: "loaded" (already in this process, nothing done),
    "cached" (read from the disk cache) or "compiled" (and written to it)."""

    name: str
    status: str
    seconds: float


def _talent() -> None:
    """The talent DPs on five overlapping groups: the subset DP and the bounded search from
    one end and from both (each grows its own kernels)."""
    from tools.schedule.exact import exact_plan
    from tools.schedule.model import ScheduleProblem, Strip
    from tools.schedule.prepare import prepare
    from tools.schedule.sequence import sequencing
    from tools.schedule.talent_search import talent_search

    casts = [["A", "B"], ["B", "C"], ["C", "D"], ["A", "D"], ["A", "C"]]
    strips = [Strip(id=str(i), cast=cast) for i, cast in enumerate(casts)]
    plan = exact_plan(sequencing(prepare(ScheduleProblem(strips=strips), horizon=len(strips))))
    order = list(range(len(plan.groups)))
    talent_subset.subset_order(plan)
    for both in (False, True):
        talent_search(plan, order, deadline=math.inf, both_ends=both)


def _exact() -> None:
    """The location DP of `exact`, compiled, on four strips at two priced locations."""
    from tools.schedule.exact import solve_exact
    from tools.schedule.model import ScheduleCosts, ScheduleOptions, ScheduleProblem, Strip
    from tools.schedule.prepare import prepare
    from tools.schedule.sequence import sequencing

    casts = [["A", "B"], ["B", "C"], ["A", "C"], ["A"]]
    strips = [
        Strip(id=str(i), days=1, whole_day=True, main_location="XY"[i % 2], cast=cast)
        for i, cast in enumerate(casts)
    ]
    problem = ScheduleProblem(
        strips=strips,
        costs=ScheduleCosts(location_setup={"X": 5.0, "Y": 3.0}),
        options=ScheduleOptions(fixed_days=len(strips)),
    )
    solve_exact(sequencing(prepare(problem, horizon=len(strips))), compiled=True)


def families() -> list[Family]:
    """Every numba kernel family the planner uses, in the order a feature plan needs them."""
    return [
        Family(
            "strip search",
            (strip_kernels, strip_delta, strip_anneal),
            ("strip_anneal.anneal",),
            strip_search.warm_up,
        ),
        Family("days' LP pricing", (relax_price,), ("relax_price._search",), relax_price.warm_up),
        Family(
            "talent DPs",
            (
                talent_bound,
                talent_dominance,
                talent_finish,
                talent_kernels,
                talent_memo,
                talent_subset,
                talent_table,
            ),
            ("talent_subset._run", "talent_kernels.expand", "talent_bound.bounds_within"),
            _talent,
        ),
        Family("exact DP", (exact_kernel,), ("exact_kernel.fill",), _exact),
    ]


def _dispatchers(modules: tuple[ModuleType, ...]) -> Iterator[Any]:
    for module in modules:
        yield from (v for v in vars(module).values() if isinstance(v, CPUDispatcher))


def _entry(path: str) -> Any:
    module, name = path.split(".")
    return getattr(sys.modules[f"tools.schedule.{module}"], name)


def _cache_files(module: ModuleType) -> list[Path]:
    """The module's numba cache files: beside its source, or under NUMBA_CACHE_DIR."""
    source = Path(str(module.__file__))
    roots = [source.parent / "__pycache__"]
    if folder := os.environ.get("NUMBA_CACHE_DIR"):
        roots.append(Path(folder))
    pattern = f"{source.stem}.*.nb[ic]"
    return [p for root in roots if root.is_dir() for p in root.rglob(pattern)]


def _digest(family: Family) -> str:
    hashed = hashlib.sha256()
    for module in family.modules:
        hashed.update(Path(str(module.__file__)).read_bytes())
    return hashed.hexdigest()


def drop_stale(family: Family) -> bool:
    """Drop the family's cached kernels when any of its sources changed since they were
    cached (see the module docstring); True when it dropped them."""
    folder = os.environ.get("NUMBA_CACHE_DIR")
    source = Path(str(family.modules[0].__file__))
    home = Path(folder) if folder else source.parent / "__pycache__"
    slug = "".join(c if c.isalnum() else "-" for c in family.name)
    stamp = home / f"numba-{slug}.sha256"
    digest = _digest(family)
    if stamp.is_file() and stamp.read_text().strip() == digest:
        return False
    for module in family.modules:
        for path in _cache_files(module):
            path.unlink(missing_ok=True)
    stamp.parent.mkdir(parents=True, exist_ok=True)
    stamp.write_text(digest + "\n")
    return True


def _warm_one(family: Family) -> Warmed:
    if all(_entry(path).signatures for path in family.entry):
        return Warmed(family.name, "loaded", 0.0)
    drop_stale(family)
    started = time.perf_counter()
    family.run()
    seconds = time.perf_counter() - started
    # numba counts, per dispatcher, the signatures it read from the cache and those it missed
    # (a kernel read from the cache brings the kernels it calls inside its own machine code).
    missed = sum(sum(k.stats.cache_misses.values()) for k in _dispatchers(family.modules))
    return Warmed(family.name, "compiled" if missed else "cached", seconds)


def warm(names: list[str] | None = None) -> list[Warmed]:
    """Compile (or load) every kernel family, or those named; what each one took."""
    return [_warm_one(f) for f in families() if names is None or f.name in names]


def main() -> None:
    """Warm every family and print one line each (the install step's log)."""
    total = time.perf_counter()
    for found in warm():
        print(f"numba {found.name:<18} {found.status:<9} {found.seconds:6.1f} s")
    print(f"numba kernels ready in {time.perf_counter() - total:.1f} s")


if __name__ == "__main__":
    main()
