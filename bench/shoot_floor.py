"""What a halfway forecast can at best achieve: one shoot to halfway, the rest shot many ways.

`python -m bench.shoot_floor [--quick] [--seeds 2040,2041] [--branches 6] [--limit 5]` shoots
the feature of `bench.shoot` to the planned halfway day under each seed, records the forecast
made that evening, then shoots the rest again and again under other seeds (same model, same
re-plan). The spread of those finals is the remaining half's randomness (the slips still to
come and the re-plans they cause): the part of the error no forecast made at halfway can
remove. The forecast's distance from their mean is its own bias on that evening.
"""

from __future__ import annotations

import argparse
import random
import statistics
from dataclasses import dataclass, replace
from decimal import Decimal

from bench.shoot import ShootModel, _feature, simulate_day
from tools import progress as shoot
from tools.plan import Plan

__all__ = ["Shoot", "branch_floor"]


@dataclass(frozen=True)
class Shoot:
    """Where a shoot stands on an evening: the version to shoot from and what was filed."""

    current: Plan
    reports: tuple[shoot.DayReport, ...] = ()
    planned: tuple[tuple[int, tuple[str, ...]], ...] = ()
    recorded: tuple[dict[str, Decimal], ...] = ()
    result: shoot.Progress | None = None


def _evening(approved: Plan, state: Shoot, rng: random.Random, limit: float) -> Shoot:
    """One more day shot under `rng` and its evening's re-plan."""
    scenes = shoot.scene_eighths(approved)
    day = len(state.reports)
    planned = dict(state.planned)
    planned[day] = tuple(shoot.planned_scenes(state.current, day, scenes))
    prior = state.result.days if state.result else []
    done = [p.scene for d in prior for p in d.shot if p.finished]
    left = dict(scenes)
    for p in (p for d in prior for p in d.shot):
        left[p.scene] -= p.eighths
    report = simulate_day(rng, ShootModel(), day, list(planned[day]), done, left)
    reports = (*state.reports, report)
    result = shoot.progress(
        approved,
        state.current,
        reports,
        planned={d: list(s) for d, s in planned.items()},
        time_limit_s=limit,
        recorded=list(state.recorded),
    )
    return replace(
        state,
        current=result.plan,
        reports=reports,
        planned=tuple(planned.items()),
        recorded=tuple(result.forecast.day_costs),
        result=result,
    )


def _finished(approved: Plan, state: Shoot) -> bool:
    days = state.result.days if state.result else []
    shot = {p.scene for d in days for p in d.shot if p.finished}
    return len(shot) == len(approved.problem.strips)


def branch_floor(
    approved: Plan, seed: int, branches: int, limit: float
) -> tuple[float, list[float]]:
    """The forecast made on the planned halfway evening under `seed`, and the final cost of
    each of `branches` shoots of the rest (ValueError: an evening was refused)."""
    state, rng = Shoot(current=approved), random.Random(seed)
    for _ in range(len(approved.schedule.days) // 2):
        state = _evening(approved, state, rng, limit)
    assert state.result is not None
    halfway, finals = float(state.result.forecast.at_completion), []
    for b in range(branches):
        rest, rng = state, random.Random(seed * 100 + b)
        while not _finished(approved, rest) and len(rest.reports) < 3 * len(approved.schedule.days):
            rest = _evening(approved, rest, rng, limit)
        assert rest.result is not None
        finals.append(float(rest.result.forecast.at_completion))
        print(f"  seed {seed} branch {b}: {len(rest.reports)} days, {finals[-1]:,.0f}", flush=True)
    return halfway, finals


def main() -> None:
    """Print per seed the halfway forecast against its branches' finals, then the floor."""
    parser = argparse.ArgumentParser(prog="python -m bench.shoot_floor")
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--seeds", default="2040,2041")
    parser.add_argument("--branches", type=int, default=6)
    parser.add_argument("--limit", type=float, default=None, help="re-plan time limit (s)")
    args = parser.parse_args()
    limit = args.limit or (5.0 if args.quick else 10.0)
    approved = _feature(args.quick)
    if not approved.schedule.days:  # the plan found no board in its time (a loaded machine)
        raise SystemExit("the feature's plan found no schedule in its time limit: run again")
    floors, biases = [], []
    for seed in (int(s) for s in args.seeds.split(",")):
        halfway, finals = branch_floor(approved, seed, args.branches, limit)
        mean = statistics.fmean(finals)
        floors.append(statistics.fmean(abs(f - mean) / mean * 100 for f in finals))
        biases.append((halfway - mean) / mean * 100)
        print(
            f"seed {seed}: halfway forecast {halfway:,.0f}; finals mean {mean:,.0f}, sd "
            f"{statistics.pstdev(finals) / mean * 100:.2f}%; forecast bias {biases[-1]:+.2f}%; "
            f"floor (mean |final - mean|) {floors[-1]:.2f}%",
            flush=True,
        )
    floor, bias = statistics.fmean(floors), statistics.fmean(biases)
    print(f"floor, mean over seeds: {floor:.2f}%; forecast bias {bias:+.2f}%", flush=True)


if __name__ == "__main__":
    main()
