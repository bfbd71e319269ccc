"""One evening's work in one call: check the reports, re-plan the rest, price the forecast.

`progress` is what the chat node and the CLI call; `planned_scenes` says which scenes the
current version has on a day (the report of that day is checked against them).
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from decimal import Decimal

from pydantic import BaseModel, Field

from tools.budget import Budget, BudgetLine
from tools.plan import Plan, PlanInputs
from tools.progress.costs import hot_costs
from tools.progress.forecast import Forecast, forecast
from tools.progress.ledger import ResolvedDay, resolve_days, scene_of
from tools.progress.model import DayReport
from tools.progress.pricing import board_budget
from tools.progress.replan import RestReport, replan_rest
from tools.progress.rollout import outlook
from tools.progress.rules import RatesFrom, rate_card
from tools.progress.text import progress_text
from tools.schedule.model import ScheduleProblem

__all__ = ["Progress", "planned_scenes", "price", "progress", "scene_eighths"]


class Progress(BaseModel):
    """The reports resolved, the re-planned rest of the shoot and the cost report."""

    days: list[ResolvedDay]
    plan: Plan
    rest: RestReport
    forecast: Forecast
    text: list[str] = Field(default_factory=list)
    """The same facts as sentences, for the chat's answer."""
    rates: list[RatesFrom] = Field(default_factory=list)
    """From which day each set of what-if rates was in force (empty: the plan's all along)."""


def scene_eighths(plan: Plan) -> dict[str, int]:
    """Scene -> eighths, from the plan the shoot started from."""
    return {strip.id: strip.eighths for strip in plan.problem.strips}


def planned_scenes(plan: Plan, day: int, scenes: Mapping[str, int]) -> list[str]:
    """Scenes `plan` starts on `day` (0-based), part-shot scenes by their own number.

    A strip longer than a day is planned on the day it starts, not on the days it continues.
    """
    earlier = {sid for d in plan.schedule.days if d.index < day for sid in d.strips}
    for shoot_day in plan.schedule.days:
        if shoot_day.index == day:
            found = [
                scene_of(sid)
                for sid in shoot_day.strips
                if "pick-up" not in sid and sid not in earlier
            ]
            return [s for s in dict.fromkeys(found) if s in scenes]
    return []


def _booked(days: Sequence[ResolvedDay], scenes: Mapping[str, int]) -> list[int]:
    """Eighths each day's board had that morning (what was left of its planned scenes)."""
    done: dict[str, int] = {}
    out = []
    for day in days:
        out.append(sum(scenes[s] - done.get(s, 0) for s in day.planned))
        for portion in day.shot:
            done[portion.scene] = done.get(portion.scene, 0) + portion.eighths
    return out


def _periods(days: int, history: Sequence[RatesFrom]) -> list[tuple[list[int], RatesFrom]]:
    """The shot days 0..days-1 grouped by the rates in force on them (the last group last)."""
    out = []
    for i, entry in enumerate(history):
        end = history[i + 1].day if i + 1 < len(history) else days
        shot = list(range(entry.day, min(end, days)))
        if shot:
            out.append((shot, entry))
    return out


def _costs(
    plan: Plan, days: Sequence[ResolvedDay], history: Sequence[RatesFrom]
) -> tuple[list[BudgetLine], list[tuple[Sequence[int], Budget]]]:
    """Hot costs of `days` at the rates each was shot at, and the board repriced for them."""
    assert plan.crew is not None and plan.dood is not None
    periods: list[tuple[list[int], RatesFrom | None]] = [*_periods(len(days), history)]
    periods = periods or [(list(range(len(days))), None)]
    hot: list[BudgetLine] = []
    repriced: list[tuple[Sequence[int], Budget]] = []
    for shot, rates in periods:
        card = rate_card(plan.inputs, rates)
        crew = plan.crew
        if rates is not None and (rates.rates, rates.rate_factors) != (
            plan.inputs.rates,
            plan.inputs.rate_factors,
        ):
            budget, crew = board_budget(plan, card)
            repriced.append((shot, budget))
        picked = [days[d] for d in shot]
        hot += hot_costs(picked, crew=crew, dood=plan.dood, card=card, tiers=plan.tiers)
    return hot, repriced


def progress(
    approved: Plan,
    current: Plan,
    reports: Sequence[DayReport],
    *,
    planned: Mapping[int, Sequence[str]],
    time_limit_s: float = 10.0,
    inputs: PlanInputs | None = None,
    rules: ScheduleProblem | None = None,
    rates: Sequence[RatesFrom] = (),
    recorded: Sequence[Mapping[str, Decimal | float | str]] = (),
) -> Progress:
    """Resolve `reports`, re-plan the days after them and forecast the cost at completion.

    `planned` maps each reported day to the scenes its version had on it (see
    `planned_scenes`). The rest is planned under `inputs` and `rules` (see `replan_rest`);
    `rates` says from which day each set of what-if rates held (`rules.rate_history`), so
    shot days keep theirs; `recorded` what the first shot days cost by account as an earlier
    evening recorded it (`Forecast.day_costs`), kept as their actuals. ValueError, naming
    the day and the scene, for a report the plan contradicts, and when the remaining work
    cannot be scheduled. The whole evening (re-plan, its bound, costing, forecast) keeps
    within `time_limit_s`: the solver gets what is left less the costing's share.
    """
    deadline = time.perf_counter() + time_limit_s
    scenes = scene_eighths(approved)
    days = resolve_days(reports, scenes=scenes, planned=planned)
    plan, rest = replan_rest(
        approved,
        current,
        days,
        time_limit_s=time_limit_s,
        inputs=inputs,
        rules=rules,
        deadline=deadline,
    )
    return price(approved, plan, rest, days, rates=rates, recorded=recorded)


def price(
    approved: Plan,
    plan: Plan,
    rest: RestReport,
    days: Sequence[ResolvedDay],
    *,
    rates: Sequence[RatesFrom] = (),
    recorded: Sequence[Mapping[str, Decimal | float | str]] = (),
) -> Progress:
    """The evening after its re-plan `plan` of the days after `days`: hot costs, rollouts,
    the forecast and the sentences (`progress`'s last part, apart so that a saved evening can
    be priced again)."""
    assert plan.budget is not None and approved.budget is not None
    scenes = scene_eighths(approved)
    hot, repriced = _costs(plan, days, rates)
    ahead = outlook(plan.problem, plan.schedule, days, scenes)
    report = forecast(
        approved.budget,
        plan.budget,
        hot,
        approved_eighths=[day.eighths for day in approved.schedule.days],
        final_eighths=[day.eighths for day in plan.schedule.days],
        shot_eighths=[day.eighths for day in days],
        progress_eighths=[sum(p.eighths for p in day.shot) for day in days],
        booked_eighths=_booked(days, scenes),
        repriced=repriced,
        recorded=list(recorded[: len(days)]),
        outlook=ahead,
    )
    result = Progress(days=list(days), plan=plan, rest=rest, forecast=report, rates=list(rates))
    return result.model_copy(update={"text": progress_text(result)})
