"""A what-if or a going-back asked mid-shoot: the shot days stay, only the rest is re-planned.

Production reports are records of what happened, not plan changes: once a day is reported,
"what if we had two more days?", "make Maya $2,000 a day" or "start over" re-plan the days
not yet shot under the new inputs, with every shot day frozen as shot, the part-shot
remainders back on the board and the actuals kept (shot days keep the rates they were shot
at). The answer says so. `rest_under` returns None before any report, so the caller plans
from the script as usual.
"""

from __future__ import annotations

import asyncio
from typing import Any

from graph.context import Context
from graph.intents import Change
from graph.nodes.planning import thread_id
from graph.progress_records import (
    progress_facts,
    progress_record,
    recorded_costs,
    replanned_reports,
)
from graph.state import State
from graph.whatif import describe_changes, normalize_cuts
from store.progress import StoredReport
from tools import progress as shoot
from tools.plan import Plan, PlanInputs
from tools.script import Script

__all__ = ["rest_under", "revert_rest", "whatif_rest"]

Record = dict[str, Any]


def _check_rules(inputs: PlanInputs, stored: list[StoredReport]) -> None:
    """ValueError, in words, for a pin onto a day already shot or of a scene already shot."""
    shot_days = len(stored)
    finished = set()
    for s in stored:
        report = shoot.DayReport.model_validate(s.report)
        said = set(report.named()) - set(report.complete)
        finished |= set(report.complete)
        finished |= {p for p in s.planned if report.all_planned and p not in said}
    for scene, day in sorted(inputs.pinned.items()):
        if day < shot_days:
            raise ValueError(
                f"day {day + 1} is already shot: pin scene {scene} to day {shot_days + 1} or later"
            )
        if scene in finished:
            raise ValueError(f"scene {scene} is already shot")


def _lines(k: int, label: str, result: shoot.Progress) -> list[str]:
    days = "Day 1 is shot and stays" if k == 1 else f"Days 1-{k} are shot and stay"
    head = (
        f"{days} as shot, with their actual costs; the rest of the shoot "
        f"(day {k + 1} on) is re-planned with {label}."
    )
    # The first line of the evening's text is the newest day as shot: not news here.
    return [head, *result.text[1:]]


async def rest_under(
    state: State,
    ctx: Context,
    *,
    inputs: Record,
    base: Record | None,
    label: str,
    thread: str,
) -> Record | None:
    """Re-plan the unshot days under `inputs`, keeping every reported day; the state update.

    `base` is the plan whose schedule the rest keeps where it can (default: the current
    version). None when no day is reported yet; a notice when the rest cannot be planned.
    """
    if ctx.progress is None or state.plan is None or state.script is None:
        return None
    stored = await ctx.progress.current(thread)
    if not stored:
        return None
    approved_row = await ctx.plans.get(thread, stored[0].approved_version)
    if approved_row is None:
        raise ValueError(f"the approved plan (version {stored[0].approved_version}) is missing")
    approved, current = Plan.model_validate(approved_row.plan), Plan.model_validate(state.plan)
    new = PlanInputs.model_validate({**inputs, "frozen_days": []})
    _check_rules(new, stored)
    history = [
        shoot.RatesFrom.model_validate(r)
        for r in (state.plan.get("progress") or {}).get("rates", [])
    ]
    rates = shoot.rate_history(history, current.inputs, new, len(stored))
    rules = shoot.day_rules(Script.model_validate(state.script), new)
    result = await asyncio.to_thread(
        shoot.progress,
        approved,
        Plan.model_validate(base) if base else current,
        [shoot.DayReport.model_validate(s.report) for s in stored],
        planned={s.day: s.planned for s in stored},
        time_limit_s=min(ctx.settings.solver_time_limit_s, 15.0),
        inputs=new,
        rules=rules,
        rates=rates,
        recorded=recorded_costs(state.plan, replanned_reports(stored)),
    )
    return await _saved(state, ctx, stored, result, label=label, thread=thread)


async def _saved(
    state: State,
    ctx: Context,
    stored: list[StoredReport],
    result: shoot.Progress,
    *,
    label: str,
    thread: str,
) -> Record:
    record = progress_record(result, stored[0].approved_version, replanned_reports(stored))
    plan = {**result.plan.model_dump(mode="json"), "progress": record}
    inputs = result.plan.inputs.model_dump(mode="json")
    k = len(stored)
    version = await ctx.plans.save(
        thread, inputs=inputs, plan=plan, label=f"{label} (days 1-{k} as shot)"
    )
    moved = [m.model_dump(mode="json") for m in [*result.rest.placed, *result.rest.moved]]
    facts = progress_facts(
        state, "whatif", _lines(k, label, result), record, version=version.version, moved=moved
    )
    if cap := inputs.get("budget_cap"):
        facts["cuts"] = await _cuts(ctx, plan, float(cap), result)
    return {"plan": plan, "inputs": inputs, "version": version.version, "facts": facts}


async def _cuts(ctx: Context, plan: Record, cap: float, result: shoot.Progress) -> Record:
    """A budget cap mid-shoot: the forecast at completion against it, and what can still be
    cut (nothing of a scene already shot, in full or in part)."""
    shot = frozenset(p.scene for day in result.days for p in day.shot)
    forecast = float(result.forecast.at_completion)
    cuts = await asyncio.to_thread(ctx.planner.cuts, plan, cap, forecast=forecast, shot=shot)
    return {**normalize_cuts(cuts), "basis": "forecast"}


async def whatif_rest(
    state: State, ctx: Context, inputs: Record, groups: list[list[Change]], label: str
) -> Record | None:
    """A what-if asked mid-shoot, as `plan_script`'s update; None before any report."""
    thread = thread_id()
    update = await rest_under(state, ctx, inputs=inputs, base=None, label=label, thread=thread)
    if update is None:
        return None
    update["facts"]["in_force"] = [describe_changes([c]) for g in groups for c in g]
    return {
        **update,
        "base_inputs": state.base_inputs or state.inputs,
        "whatifs": [[c.model_dump(mode="json") for c in g] for g in groups],
    }


async def revert_rest(state: State, ctx: Context, target: int) -> Record | None:
    """Going back to version `target` mid-shoot: its plan for the days not shot, the reports
    kept. None (switch as usual) before any report, or when `target` was made from the
    current reports already."""
    thread = thread_id()
    stored = await ctx.progress.current(thread) if ctx.progress else []
    row = await ctx.plans.get(thread, target) if stored else None
    if row is None or (row.plan.get("progress") or {}).get("reports") == replanned_reports(stored):
        return None
    label = f"version {target}'s plan"
    update = await rest_under(
        state, ctx, inputs=row.inputs, base=row.plan, label=label, thread=thread
    )
    if update is None:
        return None
    inputs = {**row.inputs, "frozen_days": []}
    return {**update, "base_inputs": inputs, "whatifs": []}
