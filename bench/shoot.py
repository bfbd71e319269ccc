"""Benchmark: a generated 30-day feature shot day by day, re-planned every evening.

The shoot is simulated from a seeded model: each day the last planned scene slips (part shot
or not shot), the day runs over, a pick-up is added or extra background turns up, each with
its probability. Every evening files the day's report through `tools.progress.progress`
(the chat's path) and the re-plan becomes the next day's board. The model knows nothing of
the forecast: it only draws what happens on the set.

Targets: each evening's re-plan under 15 s; strips moved per re-plan reported (median, max);
the forecast at completion made on the halfway evening within 2% of the simulated final cost
(the cost report after the last day, when everything is actual), over several seeds of the
shoot (mean and max error). `python -m bench.shoot --seeds 10 --limit 3` measures more seeds
with a shorter re-plan limit than `python -m bench shoot`. The same halfway evenings are also
priced by the earlier estimators (board only, the pace) beside the forecast's rollouts, with
the best constant factor in hindsight (`bench.shoot_estimators`), and each seed's error is
split into days, hot costs and the rest; `python -m bench.shoot_floor` measures the remaining
half's own spread, what no halfway forecast can remove. The feature is `FEATURE` (its plan
is 30 days); `--scenes 150 --pages 100` shoots the larger one (38 to 48 days, the plan
varying with the machine's load).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from bench import shoot_estimators as estimators
from bench.scriptfmt import to_fountain
from bench.scriptgen import GenOptions, generate
from tools import progress as shoot
from tools.parsing import read_script
from tools.plan import Plan, PlanInputs, make_plan
from tools.progress.rollout import outlook

__all__ = ["ShootModel", "ShootRun", "run", "shoot_feature", "simulate_day"]

SEEDS = 10
"""Simulated shoots per full run (the quick run does 3)."""


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


@dataclass
class ShootRun:
    """One simulated shoot: per evening its re-plan time, strips moved and forecast."""

    seed: int
    seconds: list[float] = field(default_factory=list)
    moved: list[int] = field(default_factory=list)
    placed: list[int] = field(default_factory=list)
    forecasts: list[float] = field(default_factory=list)
    evenings: list[dict[str, float]] = field(default_factory=list)
    """Per evening the forecast's parts (for `--dump`: other estimators judged offline)."""
    outlook_seconds: list[float] = field(default_factory=list)
    """Per evening the time of the forecast's rollouts alone."""

    @property
    def halfway(self) -> float:
        """The forecast at completion made on the halfway evening."""
        return self.forecasts[len(self.forecasts) // 2 - 1]

    @property
    def error(self) -> float:
        """Halfway forecast against the final cost, signed, in percent."""
        final = self.forecasts[-1]
        return (self.halfway - final) / final * 100


def simulate_day(
    rng: random.Random,
    model: ShootModel,
    day: int,
    planned: list[str],
    done: list[str],
    left: Mapping[str, int] | None = None,
) -> shoot.DayReport:
    """One day's report drawn from `model` (scenes planned for it, scenes finished before).

    `left` is each scene's eighths still to shoot: a scene with one eighth left cannot be part
    shot (a report saying so is refused), so its slip is drawn as not shot.
    """
    complete, partial, missed = list(planned), [], []
    draw = rng.random()
    if planned and draw < model.not_shot + model.part_shot:
        last = complete.pop()
        if draw < model.not_shot or (left or {}).get(last, 2) < 2:
            missed = [last]
        else:
            partial = [shoot.PartialScene(scene=last, fraction=rng.choice([0.25, 0.5, 0.75]))]
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


FEATURE = (115, 85)
"""Scenes and pages of the headline feature: its plan is 30 days under the bench's limit
(150 scenes and 100 pages plan 48, 100 and 70 plan 26)."""


def _feature(quick: bool, size: tuple[int, int] | None = None) -> Plan:
    scenes, pages = size or ((50, 40) if quick else FEATURE)
    generated = generate(GenOptions(seed=11, scenes=scenes, pages=pages))
    text = to_fountain(generated.title_page, generated.blocks())
    script = read_script(text.encode(), filename="feature.fountain")
    return make_plan(script, PlanInputs(time_limit_s=10.0 if quick else 30.0))


def shoot_feature(approved: Plan, seed: int, *, limit: float, model: ShootModel) -> ShootRun:
    """Shoot `approved` day by day under `model` with `seed`, re-planning every evening."""
    rng, out = random.Random(seed), ShootRun(seed=seed)
    scenes = shoot.scene_eighths(approved)
    current, reports, planned = approved, [], {}
    done: list[str] = []
    left = dict(scenes)
    recorded: list[dict[str, Decimal]] = []
    for day in range(len(approved.schedule.days) * 2):
        planned[day] = shoot.planned_scenes(current, day, scenes)
        reports.append(simulate_day(rng, model, day, planned[day], done, left))
        tick = time.perf_counter()
        result = shoot.progress(
            approved, current, reports, planned=planned, time_limit_s=limit, recorded=recorded
        )
        out.seconds.append(time.perf_counter() - tick)
        out.moved.append(len(result.rest.moved))
        out.placed.append(len(result.rest.placed))
        out.forecasts.append(float(result.forecast.at_completion))
        done = [p.scene for d in result.days for p in d.shot if p.finished]
        left = dict(scenes)
        for p in (p for d in result.days for p in d.shot):
            left[p.scene] -= p.eighths
        current = result.plan
        recorded = list(result.forecast.day_costs)  # as the chat keeps them
        out.evenings.append(_parts(result.forecast))
        tick = time.perf_counter()  # the rollouts again, alone, for their cost
        outlook(result.plan.problem, result.plan.schedule, result.days, scenes)
        out.outlook_seconds.append(time.perf_counter() - tick)
        if len(done) == len(scenes):
            return out
    raise RuntimeError(f"the shoot of seed {seed} did not finish in twice the planned days")


def _parts(f: shoot.Forecast) -> dict[str, float]:
    left = f.forecast_days - f.reported_days
    rest = f.forecast_cumulative[-1] - f.forecast_cumulative[f.reported_days - 1]
    return {
        "reported": f.reported_days,
        "board_days": f.forecast_days,
        "at_completion": float(f.at_completion),
        "allowance": float(f.allowance),
        "hot": float(sum(h.amount for h in f.hot_costs)),
        "pace": float(f.pace),
        "extra_days": float(f.extra_days),
        "spread": f.extra_spread,
        "day_cost": (rest - float(f.allowance)) / left if left else 0.0,
        "planned_eighths": f.planned_eighths,
        "shot_eighths": f.shot_eighths,
    }


def _line(measure: str, value: str, target: str = "") -> None:
    print(f"{measure:<46}{value:>16}{target:>10}", flush=True)


def report(approved: Plan, runs: list[ShootRun]) -> None:
    """Print the figures of `runs`: timings and moves over every evening, forecast errors."""
    seconds = [s for r in runs for s in r.seconds]
    moved = [m for r in runs for m in r.moved]
    placed = [p for r in runs for p in r.placed]
    errors = [abs(r.error) for r in runs]
    approved_total = float(approved.budget.total) if approved.budget else 0.0
    _line(
        "days planned -> shot (per seed)",
        f"{len(approved.schedule.days)} -> " + ",".join(str(len(r.forecasts)) for r in runs),
    )
    _line(
        "re-plan per evening, median / max (s)",
        f"{statistics.median(seconds):.2f} / {max(seconds):.2f}",
        "< 15",
    )
    _line(
        "strips moved per re-plan, median / max", f"{statistics.median(moved):.1f} / {max(moved)}"
    )
    _line(
        "back on the board per evening, median / max",
        f"{statistics.median(placed):.1f} / {max(placed)}",
    )
    _line("approved budget", f"{approved_total:,.0f}")
    for r in runs:
        _line(
            f"seed {r.seed}: final / halfway forecast / error",
            f"{r.forecasts[-1]:,.0f} / {r.halfway:,.0f} / {r.error:+.2f}%",
        )
        parts = estimators.sources(r.evenings[len(r.forecasts) // 2 - 1], r.evenings[-1])
        _line(
            "  days shot; halfway board + allowance's days",
            f"{len(r.forecasts)}; {parts['days']:.1f}",
        )
        _line(
            "  error from days / hot costs / the rest (%)",
            f"{parts['by_days']:+.2f} / {parts['by_hot']:+.2f} / {parts['by_rest']:+.2f}",
        )
    _line(
        "forecast error at halfway, mean / max (%)",
        f"{statistics.mean(errors):.2f} / {max(errors):.2f}",
        "< 2",
    )
    _line("mean signed error at halfway (%)", f"{statistics.mean(r.error for r in runs):+.2f}")
    _estimators(runs)


def _estimators(runs: list[ShootRun]) -> None:
    """The same halfway evenings priced by each estimator, the hindsight floor, the noise."""
    halfway = [(r.evenings[len(r.forecasts) // 2 - 1], r.forecasts[-1]) for r in runs]
    for name in estimators.ESTIMATORS:
        pairs = [(estimators.estimate(name, e), final) for e, final in halfway]
        mean, worst, signed = estimators.summary(pairs)
        _line(
            f"  {name}: halfway error mean / max / signed (%)",
            f"{mean:.2f} / {worst:.2f} / {signed:+.2f}",
        )
    board = [(estimators.estimate("board", e), final) for e, final in halfway]
    factor, (mean, worst, signed) = estimators.floor(board)
    _line(
        f"  hindsight floor (board x {factor:.4f}) (%)", f"{mean:.2f} / {worst:.2f} / {signed:+.2f}"
    )
    noise = [e["spread"] * e["day_cost"] / final * 100 for e, final in halfway]
    _line("  rollouts' own spread at halfway, mean (%)", f"{statistics.mean(noise):.2f}")
    seconds = [s for r in runs for s in r.outlook_seconds]
    _line(
        "  rollouts per evening, median / max (s)",
        f"{statistics.median(seconds):.3f} / {max(seconds):.3f}",
    )


def run(args: argparse.Namespace) -> None:
    """Plan the feature, shoot it under several seeds, print the figures."""
    seeds = getattr(args, "seeds", None) or (3 if args.quick else SEEDS)
    limit = getattr(args, "limit", None) or (5.0 if args.quick else 10.0)
    started = time.perf_counter()
    size = (args.scenes, args.pages) if getattr(args, "scenes", None) else None
    approved = _feature(args.quick, size)
    if not approved.schedule.days:  # the plan found no board in its time (a loaded machine)
        raise SystemExit("the feature's plan found no schedule in its time limit: run again")
    print(
        f"plan: {len(approved.schedule.days)} days, {len(approved.problem.strips)} scenes, "
        f"{time.perf_counter() - started:.1f} s; re-plan limit {limit:g} s, {seeds} seeds",
        flush=True,
    )
    runs, refused = [], []
    for seed in range(2026, 2026 + seeds):
        try:
            runs.append(shoot_feature(approved, seed, limit=limit, model=ShootModel()))
        except ValueError as exc:  # an evening's re-plan refused: the shoot cannot go on
            refused.append(seed)
            print(f"seed {seed}: an evening was refused: {exc}", flush=True)
            continue
        r = runs[-1]
        print(f"seed {seed}: {len(r.forecasts)} days, halfway error {r.error:+.2f}%", flush=True)
    if runs:
        report(approved, runs)
    if getattr(args, "dump", None):
        rows = [
            {"seed": r.seed, "evenings": r.evenings, "seconds": r.seconds, "moved": r.moved}
            for r in runs
        ]
        Path(args.dump).write_text(json.dumps(rows))
    _line("shoots with a refused evening", f"{len(refused)} of {seeds}", "0")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(prog="python -m bench.shoot")
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--seeds", type=int, default=None)
    parser.add_argument("--limit", type=float, default=None, help="re-plan time limit (s)")
    parser.add_argument("--dump", help="write each evening's forecast parts to this JSON file")
    parser.add_argument("--scenes", type=int, help="a generated feature of this many scenes")
    parser.add_argument("--pages", type=int, default=70, help="and pages (with --scenes)")
    run(parser.parse_args())
