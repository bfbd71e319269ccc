"""What a halfway forecast can at best achieve: one shoot to halfway, the rest shot many ways.

`python -m bench.shoot_floor [--quick] [--seeds 2026,2027] [--branches 5] [--limit 5]` shoots
the feature of `bench.shoot` under each seed to the end, as `bench.shoot` does, takes the
forecast of its halfway evening (half the days it took, the evening `bench.shoot` judges),
then shoots the rest from that evening again and again under other seeds (same model, same
re-plan). The spread of those finals with the seed's own is the remaining half's randomness
(the slips still to come and the re-plans they cause): the part of the error no forecast made
at halfway can remove. The forecast's distance from their mean is its own bias that evening.

Beside it, a diagnostic the forecast never sees: the same halfway forecast with its rollouts
played from the simulator's own slip rates instead of the shot days (`oracle`). Its bias
against the finals' mean is what the rollouts' placement and pricing leave; the forecast's
bias beyond it is the shot days' slip rate as a sample of half a shoot.
"""

from __future__ import annotations

import argparse
import pickle
import random
import statistics
import time
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path

from bench.shoot import ShootModel, _feature, simulate_day
from tools import progress as shoot
from tools.plan import Plan
from tools.progress.rollout import Pattern, replay

__all__ = ["Floor", "Shoot", "branch_floor", "model_patterns", "oracle"]


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


def _shoot(
    approved: Plan, seed: int, limit: float, seconds: list[float] | None = None
) -> list[Shoot]:
    """Every evening of the shoot under `seed` (as `bench.shoot` shoots it), to the last;
    each evening's seconds appended to `seconds` when given."""
    states, rng = [Shoot(current=approved)], random.Random(seed)
    while not _finished(approved, states[-1]):
        if len(states) > 2 * len(approved.schedule.days):
            raise RuntimeError(f"the shoot of seed {seed} did not finish in twice the days")
        tick = time.perf_counter()
        states.append(_evening(approved, states[-1], rng, limit))
        if seconds is not None:
            seconds.append(time.perf_counter() - tick)
    return states[1:]


def model_patterns(model: ShootModel, n: int, rng: random.Random) -> list[Pattern]:
    """`n` days' slip patterns drawn at `model`'s rates, as `simulate_day` slips a day's last
    scene (share of it left undone), for the oracle only."""
    out: list[Pattern] = []
    for _ in range(n):
        draw = rng.random()
        if draw < model.not_shot:
            out.append((1.0,))
        elif draw < model.not_shot + model.part_shot:
            out.append((1 - rng.choice([0.25, 0.5, 0.75]),))
        else:
            out.append(())
    return out


def oracle(state: Shoot, model: ShootModel) -> float:
    """The forecast of `state`'s evening with its extra days from rollouts at `model`'s own
    rates (100 rollouts over 400 drawn days) instead of the shot days'."""
    assert state.result is not None
    result, f = state.result, state.result.forecast
    k, patterns = len(result.days), model_patterns(model, 400, random.Random(1))
    turns = [[*patterns[i:], *patterns[:i]] for i in range(0, 400, 4)]
    left, totals = replay(result.plan.problem, result.plan.schedule, k, turns)
    if not left:
        return float(f.at_completion)
    rest = f.forecast_cumulative[-1] - f.forecast_cumulative[k - 1]
    day_cost = (rest - float(f.allowance)) / left
    hot_rate = float(sum(h.amount for h in f.hot_costs)) / k
    extra = statistics.fmean(totals) - left
    return float(f.at_completion) + (extra - float(f.extra_days)) * (day_cost + hot_rate)


def _final(state: Shoot) -> float:
    assert state.result is not None
    return float(state.result.forecast.at_completion)


def branch_floor(
    approved: Plan, seed: int, branches: int, limit: float, save: Path | None = None
) -> Floor:
    """The shoot under `seed`, its forecast on the halfway evening (the evening `bench.shoot`
    judges), and the finals of `branches` more shoots of the rest from that evening (other
    seeds) with its own (ValueError: an evening was refused). With `save`, they are pickled
    into that folder (`seed-N.pickle`: the plan, the halfway evening, the last evening's
    forecast, the floor), for `bench.shoot_saved` to judge estimators on the same shoots."""
    seconds: list[float] = []
    states = _shoot(approved, seed, limit, seconds)
    half = states[len(states) // 2 - 1]
    finals = [_final(states[-1])]
    for b in range(branches):
        rest, rng = half, random.Random(seed * 100 + b)
        while not _finished(approved, rest) and len(rest.reports) < 3 * len(approved.schedule.days):
            rest = _evening(approved, rest, rng, limit)
        finals.append(_final(rest))
        print(f"  seed {seed} branch {b}: {len(rest.reports)} days, {finals[-1]:,.0f}", flush=True)
    out = Floor(seed, len(states), _final(half), finals, oracle(half, ShootModel()), seconds)
    if save is not None:
        save.mkdir(parents=True, exist_ok=True)
        last = states[-1].result
        final = last.forecast if last else None
        (save / f"seed-{seed}.pickle").write_bytes(pickle.dumps((approved, half, final, out)))
    return out


@dataclass(frozen=True)
class Floor:
    """One seed's halfway forecast against its own final and its branches' finals."""

    seed: int
    days: int
    halfway: float
    finals: list[float]
    """The seed's own final first, then each branch's."""
    oracle: float
    """The halfway forecast with the rollouts at the simulator's own rates (`oracle`)."""
    seconds: list[float] = field(default_factory=list)
    """Each evening's seconds (report, re-plan, forecast) of the seed's own shoot."""

    @property
    def error(self) -> float:
        """The halfway forecast against the seed's own final, in percent (`bench.shoot`'s)."""
        return (self.halfway - self.finals[0]) / self.finals[0] * 100

    @property
    def floor(self) -> float:
        """Mean |final - mean of the finals| in percent: what no halfway forecast can beat."""
        mean = statistics.fmean(self.finals)
        return statistics.fmean(abs(f - mean) / mean * 100 for f in self.finals)

    @property
    def bias(self) -> float:
        """The halfway forecast against the mean of the finals, in percent."""
        mean = statistics.fmean(self.finals)
        return (self.halfway - mean) / mean * 100

    @property
    def oracle_bias(self) -> float:
        """The oracle's forecast against the mean of the finals, in percent."""
        mean = statistics.fmean(self.finals)
        return (self.oracle - mean) / mean * 100


def main() -> None:
    """Print per seed the halfway forecast against its finals, then the means over seeds."""
    parser = argparse.ArgumentParser(prog="python -m bench.shoot_floor")
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--seeds", default="2026,2027,2028,2029,2030")
    parser.add_argument("--branches", type=int, default=5)
    parser.add_argument("--limit", type=float, default=None, help="re-plan time limit (s)")
    parser.add_argument("--scenes", type=int, help="a generated feature of this many scenes")
    parser.add_argument("--pages", type=int, default=70, help="and pages (with --scenes)")
    parser.add_argument("--save", type=Path, help="pickle each seed's halfway evening here")
    args = parser.parse_args()
    limit = args.limit or (5.0 if args.quick else 10.0)
    approved = _feature(args.quick, (args.scenes, args.pages) if args.scenes else None)
    if not approved.schedule.days:  # the plan found no board in its time (a loaded machine)
        raise SystemExit("the feature's plan found no schedule in its time limit: run again")
    rows = []
    for seed in (int(s) for s in args.seeds.split(",")):
        rows.append(r := branch_floor(approved, seed, args.branches, limit, args.save))
        mean = statistics.fmean(r.finals)
        print(
            f"seed {seed}: {r.days} days; halfway forecast {r.halfway:,.0f}, own final "
            f"{r.finals[0]:,.0f}, error {r.error:+.2f}%; finals mean {mean:,.0f}, sd "
            f"{statistics.pstdev(r.finals) / mean * 100:.2f}%; floor {r.floor:.2f}%; "
            f"bias {r.bias:+.2f}% (oracle's {r.oracle_bias:+.2f}%); |error| above floor "
            f"{abs(r.error) - r.floor:+.2f}; evenings median / max "
            f"{statistics.median(r.seconds):.2f} / {max(r.seconds):.2f} s",
            flush=True,
        )
    print(
        f"over {len(rows)} seeds: |error| mean {statistics.fmean(abs(r.error) for r in rows):.2f}%"
        f", floor mean {statistics.fmean(r.floor for r in rows):.2f}%, bias mean "
        f"{statistics.fmean(r.bias for r in rows):+.2f}%, |bias| mean "
        f"{statistics.fmean(abs(r.bias) for r in rows):.2f}% (oracle's "
        f"{statistics.fmean(abs(r.oracle_bias) for r in rows):.2f}%)",
        flush=True,
    )


if __name__ == "__main__":
    main()
