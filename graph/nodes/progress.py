"""File a shooting day's production report, re-plan the rest, answer the progress questions.

A report is checked and re-planned before anything is stored, so a report the plan
contradicts is refused in words and nothing changes. A good one is saved as the next
revision of its day (store.progress) and its re-plan as a new plan version, whose record
carries the cost report under "progress" so later questions are answered without solving.
"""

from __future__ import annotations

import asyncio
from typing import Any

from langgraph.runtime import Runtime

from graph.context import Context
from graph.intents import Request
from graph.nodes.planning import thread_id
from graph.progress_records import (
    filed_after,
    progress_facts,
    progress_record,
    recorded_costs,
    rules_in_force,
)
from graph.state import State
from store.progress import StoredReport
from tools import progress as shoot
from tools.plan import Plan

__all__ = ["EXAMPLE", "file_report", "record_progress"]

Record = dict[str, Any]
EXAMPLE = (
    'After a shooting day, tell me how it went, for example: "Day 1 wrapped: shot 1, 2 and '
    "half of 3; 4 didn't get done; we went 1.5 hours over\"."
)


def _notice(state: State, *lines: str) -> Record:
    notices = [*state.facts.get("notices", []), *lines]
    return {"facts": {**state.facts, "kind": "progress", "notices": notices, "failed": True}}


def _answer(state: State, ask: str, day: int | None = None) -> Record:
    """Are we on schedule / what is the cost to complete, from the current version."""
    progress = (state.plan or {}).get("progress")
    if not progress:
        return _notice(state, f"No shooting day has been reported yet. {EXAMPLE}")
    forecast = shoot.Forecast.model_validate(progress["forecast"])
    if ask == "day":
        text = [shoot.day_cost_text(forecast, (day or 1) - 1)]
    elif ask == "schedule":
        text = [shoot.schedule_text(forecast)]
    elif ask == "cost":
        text = shoot.cost_text(forecast, accounts=5)
    elif ask == "hot":
        text = [shoot.hot_costs_text(forecast)]
    else:
        text = list(progress.get("text") or [])
    return {"facts": progress_facts(state, ask, text, progress)}


def _reports(stored: list[StoredReport], report: shoot.DayReport) -> list[shoot.DayReport]:
    kept = [shoot.DayReport.model_validate(s.report) for s in stored if s.day != report.day]
    return [*kept, report]


async def file_report(
    state: State, ctx: Context, report: shoot.DayReport, *, thread: str
) -> Record:
    """File `report` in `thread` and re-plan: the state update (or a notice), as the node's.

    The CLI calls this over a saved session's state; the node calls it within a run.
    """
    if ctx.progress is None:
        return _notice(state, "Production reports are not kept in this session.")
    if state.plan is None or state.version is None:
        return _notice(state, "There is no plan yet: attach a screenplay and plan it first.")
    stored = await ctx.progress.current(thread)
    if report.day > len(stored):
        return _notice(state, f"Day {len(stored) + 1} has not been reported yet: report it first.")
    approved_version = stored[0].approved_version if stored else state.version
    approved_row = await ctx.plans.get(thread, approved_version)
    if approved_row is None:
        return _notice(state, f"The approved plan (version {approved_version}) is missing.")
    approved, current = Plan.model_validate(approved_row.plan), Plan.model_validate(state.plan)
    filed_day = next((s for s in stored if s.day == report.day), None)
    if report.amend and filed_day is not None:
        # "we finished 18 too": added to the day's report, nothing it said is lost.
        report = report.merged(shoot.DayReport.model_validate(filed_day.report))
    planned = {s.day: s.planned for s in stored}
    if report.day not in planned:
        scenes = shoot.scene_eighths(approved)
        planned[report.day] = shoot.planned_scenes(current, report.day, scenes)
    try:
        result = await asyncio.to_thread(
            shoot.progress,
            approved,
            current,
            _reports(stored, report),
            planned=planned,
            time_limit_s=min(ctx.settings.solver_time_limit_s, 15.0),
            **rules_in_force(state, current, len(stored)),
            recorded=recorded_costs(state.plan, filed_after(stored, report)),
        )
    except ValueError as exc:
        return _notice(state, f"I could not take that report: {exc}.", EXAMPLE)
    saved = await ctx.progress.save(
        thread,
        report=report.model_dump(mode="json"),
        planned=list(planned[report.day]),
        approved_version=approved_version,
    )
    filed = {s.day: s.revision for s in stored} | {report.day: saved.revision}
    record = progress_record(result, approved_version, [[d, r] for d, r in sorted(filed.items())])

    plan = {**result.plan.model_dump(mode="json"), "progress": record}
    inputs = result.plan.inputs.model_dump(mode="json")
    edited = "edited" if saved.revision > 1 else "reported"
    version = await ctx.plans.save(
        thread, inputs=inputs, plan=plan, label=f"day {report.day + 1} {edited}"
    )
    await ctx.progress.link_version(thread, report.day, saved.revision, version.version)
    moved = [m.model_dump(mode="json") for m in [*result.rest.placed, *result.rest.moved]]
    facts = progress_facts(
        state,
        "report",
        result.text,
        record,
        version=version.version,
        day=report.day + 1,
        revision=saved.revision,
        moved=moved,
    )
    return {"plan": plan, "inputs": inputs, "version": version.version, "facts": facts}


async def _stale(state: State, ctx: Context) -> str:
    """Why the current version cannot answer, when reports exist but it is not their re-plan."""
    if (state.plan or {}).get("progress") or ctx.progress is None:
        return ""
    filed = await ctx.progress.current(thread_id())
    if not filed:
        return ""
    return (
        f"Days 1 to {filed[-1].day + 1} are reported, but the current version "
        f"(v{state.version}) is not a re-plan from them (a what-if or going back replaced "
        "it): file or correct a day's report to re-plan from the reports."
    )


async def record_progress(state: State, runtime: Runtime[Context]) -> Record:
    """File the day's report and re-plan, or answer a progress question."""
    ctx = runtime.context
    request = Request.model_validate(state.request)
    if request.error:
        return _notice(state, f"I could not read that report: {request.error}.", EXAMPLE)
    if state.plan is None or state.version is None:
        return _notice(state, "There is no plan yet: attach a screenplay and plan it first.")
    if request.report is None:
        stale = await _stale(state, ctx)
        return (
            _notice(state, stale) if stale else _answer(state, request.ask or "status", request.day)
        )
    report = shoot.DayReport.model_validate(request.report)
    return await file_report(state, ctx, report, thread=thread_id())
