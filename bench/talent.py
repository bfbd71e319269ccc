"""Random talent-scheduling grids through `optimize`: proven count and median time per cell.

Each (n scenes, m actors) cell solves a few seeded instances of `talentgen` (35% appearance,
costs 1-100, durations 1-4) within a time limit and prints how many were proven optimal, the
median seconds, and the median and worst gap to the solver's bound. The machine is usually
shared, so times are medians and still noisy.
"""

from __future__ import annotations

import argparse
import statistics
from dataclasses import dataclass

from bench.talentgen import talent_instance
from tools.schedule import optimize

__all__ = ["run"]


@dataclass(frozen=True)
class Grid:
    """(n scenes, m actors) cells, seeds per cell, seconds per instance."""

    cells: tuple[tuple[int, int], ...]
    seeds: int
    limit: float


FULL = Grid(
    cells=(
        *((n, m) for n in (16, 20, 24, 28, 32) for m in (8, 14, 22)),
        *((n, 8) for n in (40, 48, 64)),
        (64, 22),
    ),
    seeds=3,
    limit=30.0,
)
"""The issue's targets: n <= 32 (m up to 22) and n = 40..64 with m = 8 proven; 64 x 22 gap."""
QUICK = Grid(cells=((16, 8), (24, 12), (32, 8)), seeds=2, limit=5.0)


def cell(n: int, m: int, *, seeds: int, limit: float) -> str:
    """One table row: proven count, median seconds, median and worst gap, methods used."""
    proven, seconds, gaps, methods = 0, [], [], set()
    for seed in range(seeds):
        result = optimize(talent_instance(n, m, seed=seed, time_limit_s=limit))
        proven += result.status == "optimal"
        seconds.append(result.seconds)
        gaps.append(result.gap if result.gap is not None else 1.0)
        methods.add(result.method)
    return (
        f"{n:>3} x {m:<3} {proven:>2}/{seeds:<2} {statistics.median(seconds):9.2f} "
        f"{statistics.median(gaps):8.1%} {max(gaps):8.1%}  {', '.join(sorted(methods))}"
    )


def run(args: argparse.Namespace) -> None:
    """Print the grid (a small one with --quick)."""
    grid = QUICK if getattr(args, "quick", False) else FULL
    print(f"time limit {grid.limit:.0f} s per instance, {grid.seeds} seeds per cell")
    print(f"{'n x m':<9} {'proven':>6} {'median s':>9} {'med gap':>8} {'max gap':>8}  method")
    for n, m in grid.cells:
        print(cell(n, m, seeds=grid.seeds, limit=grid.limit), flush=True)
