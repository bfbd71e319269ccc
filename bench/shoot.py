"""Benchmark: a generated 30-day feature shot day by day, re-planned every evening.

The shoot is simulated from a seeded model: each day the last planned scene slips (part shot
or not shot), the day runs over, a pick-up is added or extra background turns up, each with
its probability. Every evening files the day's report through `tools.progress.progress`
(the chat's path) and the re-plan becomes the next day's board.

Targets: each evening's re-plan under 15 s; strips moved per re-plan reported (median, max);
the forecast at completion made on the halfway evening within 2% of the simulated final cost
(the forecast after the last day, when everything is actual).
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from dataclasses import dataclass

from bench.scriptfmt import to_fountain
from bench.scriptgen import GenOptions, generate
from tools import progress as shoot
from tools.parsing import read_script
from tools.plan import Plan, PlanInputs, make_plan

__all__ = ["ShootModel", "run", "simulate_day"]


@dataclass(frozen=True)
class ShootModel:
    """Probabilities of what goes wrong on a shooting day."""

    part_shot: float = 0.25
    """The day's last scene is only part shot."""
    not_shot: float = 0.1
    """The day's last scene is not shot at all."""
    overtime: float = 0.4
    """The day runs over (0.5 to 2.5 hours, in half hours)."""
    pickup: float = 0.1
    """A pick-up (1/8) of a scene finished earlier."""
    background: float = 0.15
    """5 to 20 extra background."""


def simulate_day(
    rng: random.Random, model: ShootModel, day: int, planned: list[str], done: list[str]
) -> shoot.DayReport:
    """One day's report drawn from `model` (scenes planned for it, scenes finished before)."""
    complete, partial, missed = list(planned), [], []
    draw = rng.random()
    if planned and draw < model.not_shot:
        missed = [complete.pop()]
    elif planned and draw < model.not_shot + model.part_shot:
        partial = [shoot.PartialScene(scene=complete.pop(), fraction=rng.choice([0.25, 0.5, 0.75]))]
    overtime = rng.choice([0.5, 1.0, 1.5, 2.0, 2.5]) if rng.random() < model.overtime else 0.0
    pickups = [shoot.PickUp(scene=rng.choice(done))] if done and rng.random() < model.pickup else []
    background = rng.randint(5, 20) if rng.random() < model.background else 0
    return shoot.DayReport(
        day=day,
        complete=complete,
        partial=partial,
        not_shot=missed,
        pickups=pickups,
        overtime_hours=overtime,
        extra_background=background,
    )


def _feature(quick: bool) -> Plan:
    scenes, pages = (50, 40) if quick else (150, 100)
    generated = generate(GenOptions(seed=11, scenes=scenes, pages=pages))
    text = to_fountain(generated.title_page, generated.blocks())
    script = read_script(text.encode(), filename="feature.fountain")
    return make_plan(script, PlanInputs(time_limit_s=10.0 if quick else 30.0))


def run(args: argparse.Namespace) -> None:
    """Plan the feature, shoot it day by day, print the figures."""
    rng, model = random.Random(2026), ShootModel()
    started = time.perf_counter()
    approved = _feature(args.quick)
    print(
        f"plan: {len(approved.schedule.days)} days, {len(approved.problem.strips)} scenes, "
        f"{time.perf_counter() - started:.1f} s"
    )
    scenes = shoot.scene_eighths(approved)
    current, reports, planned = approved, [], {}
    seconds, moved, placed, forecasts = [], [], [], []
    done: list[str] = []
    limit = 5.0 if args.quick else 10.0
    for day in range(len(approved.schedule.days) * 2):
        planned[day] = shoot.planned_scenes(current, day, scenes)
        reports.append(simulate_day(rng, model, day, planned[day], done))
        tick = time.perf_counter()
        result = shoot.progress(approved, current, reports, planned=planned, time_limit_s=limit)
        seconds.append(time.perf_counter() - tick)
        moved.append(len(result.rest.moved))
        placed.append(len(result.rest.placed))
        forecasts.append(float(result.forecast.at_completion))
        done = [p.scene for d in result.days for p in d.shot if p.finished]
        current = result.plan
        if len(done) == len(scenes):
            break
    else:
        raise RuntimeError("the simulated shoot did not finish in twice the planned days")
    final, half = forecasts[-1], forecasts[len(forecasts) // 2 - 1]
    approved_total = float(approved.budget.total) if approved.budget else 0.0
    print(f"{'measure':<44}{'value':>14}{'target':>12}")
    print(f"{'days planned -> shot':<44}{len(approved.schedule.days):>7} -> {len(forecasts):<4}")
    print(
        f"{'re-plan per evening, median / max (s)':<44}"
        f"{statistics.median(seconds):>7.2f} / {max(seconds):<5.2f}{'< 15':>12}"
    )
    print(
        f"{'strips moved per re-plan, median / max':<44}"
        f"{statistics.median(moved):>7.1f} / {max(moved):<5d}"
    )
    print(
        f"{'strips back on the board per evening, med / max':<44}"
        f"{statistics.median(placed):>7.1f} / {max(placed):<5d}"
    )
    print(f"{'approved budget':<44}{approved_total:>14,.0f}")
    print(f"{'simulated final cost':<44}{final:>14,.0f}")
    print(f"{'forecast on evening ' + str(len(forecasts) // 2):<44}{half:>14,.0f}")
    print(
        f"{'forecast error at halfway (%)':<44}{abs(half - final) / final * 100:>14.2f}{'< 2':>12}"
    )
    worst = max(abs(f - final) / final * 100 for f in forecasts[len(forecasts) // 2 - 1 :])
    print(f"{'worst error from halfway on (%)':<44}{worst:>14.2f}")
