"""One evening's work in one call: check the reports, re-plan the rest, price the forecast.

`progress` is what the chat node and the CLI call; `planned_scenes` says which scenes the
current version has on a day (the report of that day is checked against them).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from pydantic import BaseModel, Field

from tools.plan import Plan
from tools.progress.costs import hot_costs
from tools.progress.forecast import Forecast, forecast
from tools.progress.ledger import ResolvedDay, resolve_days, scene_of
from tools.progress.model import DayReport
from tools.progress.replan import RestReport, replan_rest
from tools.progress.text import progress_text
from tools.ratecard import load_rate_card

__all__ = ["Progress", "planned_scenes", "progress", "scene_eighths"]


class Progress(BaseModel):
    """The reports resolved, the re-planned rest of the shoot and the cost report."""

    days: list[ResolvedDay]
    plan: Plan
    rest: RestReport
    forecast: Forecast
    text: list[str] = Field(default_factory=list)
    """The same facts as sentences, for the chat's answer."""


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


def progress(
    approved: Plan,
    current: Plan,
    reports: Sequence[DayReport],
    *,
    planned: Mapping[int, Sequence[str]],
    time_limit_s: float = 10.0,
) -> Progress:
    """Resolve `reports`, re-plan the days after them and forecast the cost at completion.

    `planned` maps each reported day to the scenes its version had on it (see
    `planned_scenes`). ValueError, naming the day and the scene, for a report the plan
    contradicts, and when the remaining work cannot be scheduled.
    """
    scenes = scene_eighths(approved)
    days = resolve_days(reports, scenes=scenes, planned=planned)
    plan, rest = replan_rest(approved, current, days, time_limit_s=time_limit_s)
    card = load_rate_card(plan.inputs.rate_card, currency=plan.inputs.currency)
    assert plan.crew is not None and plan.dood is not None and plan.budget is not None
    assert approved.budget is not None
    hot = hot_costs(days, crew=plan.crew, dood=plan.dood, card=card, tiers=plan.tiers)
    report = forecast(
        approved.budget,
        plan.budget,
        hot,
        approved_eighths=[day.eighths for day in approved.schedule.days],
        final_eighths=[day.eighths for day in plan.schedule.days],
        shot_eighths=[day.eighths for day in days],
        progress_eighths=[sum(p.eighths for p in day.shot) for day in days],
        booked_eighths=_booked(days, scenes),
    )
    result = Progress(days=days, plan=plan, rest=rest, forecast=report)
    return result.model_copy(update={"text": progress_text(result)})
