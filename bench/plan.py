"""Benchmark: `greenlight plan` on a generated 150-scene feature, then again from the cache.

Targets: under 45 s end to end with default limits; the cache hit under 100 ms; the savings
per analysis add up to the total exactly. The day (issue 11): at most one company move a day
on average, every day's minutes fit, the plan's likely budget at least 3% below the sorted
board's, the gap to the bound, the first feasible board under 10 s and the final under 60 s.
Uses `bench.scriptgen` (with site structure) + the readers when they are importable (the
real path from a file), else `synthetic_script` (Script records directly).
"""

from __future__ import annotations

import argparse
import itertools
import random
import tempfile
import time
from pathlib import Path

from tools.plan import Plan
from tools.schedule import ScheduleResult
from tools.script import Element, Scene, Script

__all__ = ["run", "synthetic_script"]

_PLACES = [
    "SUTTER HOUSE",
    "DINER",
    "POLICE STATION",
    "MAIN STREET",
    "WAREHOUSE",
    "HOSPITAL",
    "GOLDEN GATE BRIDGE",
    "HIGHWAY 1",
    "APARTMENT",
    "SCHOOL",
    "OFFICE",
    "MOTEL",
    "BARN",
    "CITY PARK",
    "BAR",
    "CHURCH",
    "FARMHOUSE",
    "PARKING GARAGE",
    "MARINA",
    "COURTHOUSE",
    "TRAIN STATION",
    "FOREST",
    "LAKE HOUSE",
    "GAS STATION",
    "ROOFTOP",
    "ALLEY",
    "BOOKSTORE",
    "GARAGE",
    "KITCHEN",
    "MANSION",
]
_FLAGS = {
    "stunts": 0.12,
    "extras": 0.2,
    "vehicles": 0.15,
    "animals": 0.05,
    "vfx": 0.1,
    "weapons": 0.08,
    "sfx": 0.1,
    "minors": 0.05,
}


def _scene(rng: random.Random, index: int, cast: list[str], places: list[str]) -> Scene:
    where = places[min(len(places) - 1, int(rng.paretovariate(1.2)) - 1)]
    in_scene = sorted(
        {cast[min(len(cast) - 1, int(rng.expovariate(0.15)))] for _ in range(rng.randint(1, 4))}
    )
    elements = {
        flag: [Element(name=flag.upper(), explicit=False)]
        for flag, p in _FLAGS.items()
        if rng.random() < p
    }
    exterior = rng.random() < 0.4
    night = rng.random() < 0.25
    return Scene(
        index=index,
        number=str(index + 1),
        heading=f"{'EXT' if exterior else 'INT'}. {where} - {'NIGHT' if night else 'DAY'}",
        int_ext="EXT" if exterior else "INT",
        location=where,
        main_location=where,
        time_of_day="NIGHT" if night else "DAY",
        lighting="NIGHT" if night else "DAY",
        eighths=rng.choice([2, 3, 4, 6, 8, 8, 10, 12, 16, 20]),
        speakers=in_scene,
        elements=elements,
    )


def synthetic_script(*, scenes: int = 150, cast: int = 40, seed: int = 11) -> Script:
    """A seeded feature-like breakdown: locations and cast with a few frequent ones."""
    rng = random.Random(seed)
    names = [f"ACTOR{i:02d}" for i in range(cast)]
    places = _PLACES[: max(2, min(len(_PLACES), scenes // 5))]
    body = [_scene(rng, i, names, places) for i in range(scenes)]
    return Script(
        title=f"Synthetic {scenes}",
        format="fountain",
        scenes=body,
        content_hash=f"synthetic-{scenes}-{cast}-{seed}",
    )


def _generated_script(scenes: int) -> tuple[Script, str]:
    """The generator's Fountain through the real reader, or the synthetic records."""
    try:
        from bench.scriptfmt import to_fountain
        from bench.scriptgen import GenOptions, generate
        from tools.parsing import read_script
    except ImportError:
        return synthetic_script(scenes=scenes), "synthetic records"
    generated = generate(GenOptions(scenes=scenes, pages=scenes * 4 // 5, sites=True))
    text = to_fountain(generated.title_page, generated.blocks())
    return read_script(text.encode(), filename="feature.fountain"), "scriptgen + Fountain reader"


def run(args: argparse.Namespace) -> None:
    """Plan a 150-scene feature cold, then from the cache; print the figures."""
    from tools.plan import PlanCache, PlanInputs, make_plan

    parse_started = time.perf_counter()
    scenes = 60 if getattr(args, "quick", False) else 150
    script, how = _generated_script(scenes)
    parsed = time.perf_counter() - parse_started
    inputs = PlanInputs(time_limit_s=10.0 if getattr(args, "quick", False) else 60.0)
    boards: list[tuple[float, float | None]] = []
    with tempfile.TemporaryDirectory() as tmp:
        cache = PlanCache(Path(tmp))
        started = time.perf_counter()

        def seen(board: ScheduleResult) -> None:
            boards.append((time.perf_counter() - started, board.gap))

        plan = make_plan(script, inputs, cache=cache, progress=seen)
        cold = time.perf_counter() - started
        started = time.perf_counter()
        again = make_plan(script, inputs, cache=cache)
        warm = time.perf_counter() - started
    total = sum((s.amount for s in plan.savings), start=0)
    exact = total == plan.summary.total_saving
    print(f"script: {len(script.scenes)} scenes ({how}); status {plan.schedule.status}")
    print(f"{'measure':<34}{'value':>14}{'target':>12}")
    print(f"{'generate + read script (s)':<34}{parsed:>14.2f}")
    print(f"{'plan, cold (s)':<34}{cold:>14.2f}{'< 45':>12}")
    print(f"{'end to end, cold (s)':<34}{parsed + cold:>14.2f}{'< 45':>12}")
    print(f"{'plan, cache hit (ms)':<34}{warm * 1000:>14.1f}{'< 100':>12}")
    print(f"{'days baseline -> plan':<34}{plan.summary.baseline_days:>7} -> {plan.summary.days:<4}")
    print(f"{'likely baseline':<34}{plan.summary.baseline_likely:>14,.2f}")
    print(f"{'likely plan':<34}{plan.summary.likely:>14,.2f}")
    for saving in plan.savings:
        print(f"{'  ' + saving.analysis:<34}{saving.amount:>14,.2f}")
    print(f"{'savings add up exactly':<34}{exact!s:>14}{'True':>12}")
    print(f"{'cache hit identical':<34}{(again == plan)!s:>14}{'True':>12}")
    _day_figures(plan, boards, cold)


def _day_figures(plan: Plan, boards: list[tuple[float, float | None]], cold: float) -> None:
    """The board as an AD checks it, and the solve's progress (issue 11's targets)."""
    days = plan.schedule.days
    limit = plan.problem.options.day_minutes or 0
    cap = plan.problem.options.max_company_moves
    moves = sum(d.company_moves for d in days) / max(1, len(days))
    fit = all(d.day_minutes <= limit + 1e-6 for d in days)
    sorted_likely = plan.summary.sorted_likely
    below = 1 - float(plan.summary.likely) / float(sorted_likely) if sorted_likely else 0.0
    gap = plan.schedule.gap
    first = boards[0][0] if boards else cold
    most = max(d.company_moves for d in days)
    print(
        f"{'company moves a day (avg / max)':<34}{moves:>8.2f} / {most:<3}"
        f"{'<= 1 / ' + str(cap):>12}"
    )
    print(f"{'every day fits its minutes':<34}{fit!s:>14}{'True':>12}")
    _ad_figures(plan)
    print(f"{'plan below sorted board (likely)':<34}{below:>14.1%}{'>= 3%':>12}")
    print(
        f"{'gap to the bound':<34}{(gap if gap is not None else float('nan')):>14.1%}{'< 15%':>12}"
    )
    _bound_figures(plan)
    print(f"{'first feasible board (s)':<34}{first:>14.2f}{'< 10':>12}")
    print(f"{'improving boards streamed':<34}{len(boards):>14}")
    steps = ", ".join(f"{t:.0f} s {g:.1%}" for t, g in boards if g is not None)
    print(f"{'  the gap, board by board':<34}{steps}")
    print(f"{'final board (s)':<34}{cold:>14.2f}{'< 60':>12}")


def _ad_figures(plan: Plan) -> None:
    """What a 1st AD questions first: paid holds against work days, sites come back to."""
    rows = plan.dood.rows if plan.dood is not None else []
    holds, work = sum(r.hold_days for r in rows), sum(r.work_days for r in rows)
    print(f"{'paid hold days / work days':<34}{holds:>8} / {work:<5}")
    visits: dict[str, list[int]] = {}
    for day in plan.schedule.days:
        for site in day.sites:
            visits.setdefault(site, []).append(day.index)
    back = sum(1 for ds in visits.values() if any(b - a > 1 for a, b in itertools.pairwise(ds)))
    print(f"{'sites revisited on days apart':<34}{back:>8} / {len(visits):<5}")


def _bound_figures(plan: Plan) -> None:
    """Where the gap is: the closed-form bound against the plan's (the days' LP when it is
    stronger), and the board's parts no bound counts (holds, revisits)."""
    from tools.schedule.prepare import prepare
    from tools.schedule.relax import relaxation_bound

    result = plan.schedule
    prep = prepare(plan.problem, horizon=len(result.days) + 1)
    closed = relaxation_bound(prep, days_lp=False)
    cost = result.cost
    print(f"{'  bound: closed form / plan':<34}{closed:>14,.0f} / {result.bound or 0:,.0f}")
    unbounded = cost.cast_hold + cost.location_revisits
    share = unbounded / cost.total if cost.total else 0.0
    print(f"{'  holds + revisits (not bounded)':<34}{unbounded:>14,.0f} ({share:.1%} of the board)")
