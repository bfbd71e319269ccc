"""Plan, re-plan for a what-if, go back to a version, compare versions.

Each saves or reads plan versions in the plan store and writes the turn's facts. Solving runs
in a worker thread so the event loop keeps streaming.
"""

from __future__ import annotations

import asyncio
from dataclasses import replace
from typing import Any

from langgraph.config import get_config
from langgraph.runtime import Runtime

from graph.answers import answer_queries, version_rows
from graph.context import Context
from graph.facts import diff_facts, overview_facts
from graph.grammar.model import LAST_DAY
from graph.inforce import chosen
from graph.intents import Change, Request
from graph.planner import PlannerFailed, failure_notice
from graph.sites_upload import site_change_facts
from graph.state import State
from graph.whatif import (
    apply_changes,
    default_inputs,
    describe_changes,
    in_force,
    normalize_cuts,
    resolve_changes,
)
from tools.plan.solving import STUCK_REPLAN
from tools.queries import change_reasons

__all__ = [
    "compare_versions",
    "plan_script",
    "remember_plan",
    "switch_version",
    "thread_id",
    "user_id",
]

Record = dict[str, Any]


def thread_id() -> str:
    """The running thread's id (from the run's config; "default" when a node runs alone)."""
    try:
        config = get_config()
    except RuntimeError:
        return "default"
    return str(config.get("configurable", {}).get("thread_id", "default"))


def user_id() -> str:
    """The user owning the running thread (from the run's config; "local" when none is set)."""
    try:
        config = get_config()
    except RuntimeError:
        return "local"
    return str(config.get("configurable", {}).get("user_id") or "local")


async def remember_plan(ctx: Context, plan: Record) -> list[str]:
    """Refresh the user's insights with the thread's current plan; one observation line.

    The figures are recomputed only when the plan's key changed (InsightStore.remember).
    """
    if ctx.insights is None:
        return []
    return (await ctx.insights.remember(user_id(), thread_id(), plan))[:1]


def _defaults(ctx: Context) -> Record:
    """A first plan's inputs: the settings', then the run's `plan_defaults` (chat preferences)."""
    try:
        extra = get_config().get("configurable", {}).get("plan_defaults") or {}
    except RuntimeError:
        extra = {}
    return {**default_inputs(ctx.settings), **extra}


def _notice(state: State, *lines: str) -> dict[str, Any]:
    notices = [*state.facts.get("notices", []), *lines]
    return {"facts": {**state.facts, "notices": notices, "failed": True}}


async def _tool_facts(ctx: Context, state: State, plan: Record, inputs: Record) -> Record:
    """The diff against the previous plan and the cuts for a budget cap, when they apply."""
    facts: Record = {}
    if state.plan is not None:
        facts["diff"] = diff_facts(await asyncio.to_thread(ctx.planner.compare, state.plan, plan))
    if inputs.get("budget_cap"):
        cuts = await asyncio.to_thread(ctx.planner.cuts, plan, float(inputs["budget_cap"]))
        facts["cuts"] = normalize_cuts(cuts)
    return facts


async def plan_script(state: State, runtime: Runtime[Context]) -> Record:
    """Plan the script (reusing the current plan when nothing changed) or re-plan a what-if."""
    ctx = runtime.context
    request = Request.model_validate(state.request)
    if state.script is None:
        return _notice(state, "There is no script yet: attach a screenplay and I will plan it.")
    if state.plan is None and request.kind == "what_if" and any(map(_relative, request.changes)):
        # A relative what-if on the upload turn: the script is planned first (version 1) and
        # the what-if re-plans that, so "one more day" has a plan to be one more than ("plan
        # it at 4 pages a day" is simply the first plan).
        plain = replace(state, request=Request(kind="plan").model_dump())
        first = await plan_script(plain, runtime)
        if first.get("plan") is None:
            return first
        state = replace(state, **first)
    script = state.script
    assert script is not None  # checked above; the first plan keeps it
    kind = request.kind if state.plan is not None else "plan"
    facts: Record = {**state.facts, "kind": kind, "view": request.view, "version": state.version}
    if state.plan is not None and request.kind != "what_if":
        return {"facts": {**facts, "overview": overview_facts(state.plan, state.script)}}
    try:
        current = state.inputs or _defaults(ctx)
        request = request.model_copy(update={"changes": chosen(request.changes, current)})
        inputs, groups = _what_if_inputs(state, request, _defaults(ctx))
        if kind == "what_if":
            # Mid-shoot, only the days not shot are re-planned (imported here: it imports us).
            from graph.nodes.progress_whatif import whatif_rest

            label = describe_changes(request.changes)
            shot = await whatif_rest(state, ctx, inputs, groups, label or "the changes in force")
            if shot is not None:
                return shot
        plan = await asyncio.to_thread(
            ctx.planner.make_plan,
            script,
            inputs,
            previous=state.plan,
            # Each improving board of a long solve streams out as a custom event (the
            # writer is thread-safe; it does nothing when the run is not streamed).
            progress=lambda board: runtime.stream_writer({"board": board}),
        )
    except ValueError as exc:
        return _notice(state, f"I could not plan that: {exc}")
    except PlannerFailed as exc:
        return _notice(state, failure_notice(exc))
    schedule = plan.get("schedule") or {}
    if schedule.get("status") == "infeasible":
        return _notice(state, "That cannot be scheduled:", *schedule.get("diagnosis", []))
    label = describe_changes(request.changes) or "initial plan"
    # The diff and cuts run in a worker thread while the version and insights are saved.
    tools = None
    if kind == "what_if":
        tools = asyncio.ensure_future(_tool_facts(ctx, state, plan, inputs))
    try:
        stored = await ctx.plans.save(thread_id(), inputs=inputs, plan=plan, label=label)
        facts["insights"] = await remember_plan(ctx, plan)
    except BaseException:
        if tools is not None:
            tools.cancel()
        raise
    facts.update(version=stored.version, changed=label, overview=overview_facts(plan, state.script))
    if kind == "what_if":
        facts["from_version"] = state.version  # what a "why?" after it compares against
    facts["in_force"] = [describe_changes([c]) for g in groups for c in g]
    if request.unread:
        facts["unread"] = list(request.unread)
    if notes := [d for d in schedule.get("diagnosis") or [] if d != STUCK_REPLAN]:
        facts["notes"] = notes  # what a feasible board could not keep (a block, ...)
    if upload := facts.get("site_csv"):
        facts["site_csv"] = site_change_facts(upload, state.plan, plan)
    if request.queries:
        facts["answers"] = answer_queries(plan, state.script, request.queries)
    if tools is not None:
        facts.update(await tools)
    if kind == "plan":  # a first plan (or a new script): nothing is in force yet
        groups, base = [], inputs
    else:
        base = state.base_inputs or state.inputs
    return {
        "plan": plan,
        "inputs": inputs,
        "version": stored.version,
        "facts": facts,
        "base_inputs": base,
        "whatifs": [[c.model_dump(mode="json") for c in g] for g in groups],
    }


def _relative(change: Change) -> bool:
    """A change that is read against the current plan ("one more day", "the last day")."""
    return change.relative or (change.kind == "pin" and change.days == [LAST_DAY])


def _what_if_inputs(
    state: State, request: Request, defaults: Record
) -> tuple[Record, list[list[Change]]]:
    """The new inputs and the what-if groups in force: the base inputs with every change in
    force applied in order (relative changes made absolute against the current plan)."""
    current = state.inputs or defaults
    if not request.changes:
        return current, [[Change.model_validate(c) for c in g] for g in state.whatifs]
    days = len(((state.plan or {}).get("schedule") or {}).get("days") or [])
    earlier = [[Change.model_validate(c) for c in g] for g in state.whatifs]
    # "cut two days", then "and three?": three fewer than the plan the two were cut from.
    replaced = earlier[-1] if request.instead and earlier else []
    against = next((c.base for c in replaced if c.kind == "days" and c.base is not None), None)
    new = resolve_changes(request.changes, current, days, against)
    groups = in_force(earlier, new, instead=request.instead, reset=request.reset)
    base = state.base_inputs or current
    changes = [c for g in groups for c in g]
    return apply_changes(base, changes, state.script or {}), groups


async def switch_version(state: State, runtime: Runtime[Context]) -> dict[str, Any]:
    """Go back to a saved version (the one named, else the one before the current)."""
    ctx = runtime.context
    request = Request.model_validate(state.request)
    current = await ctx.plans.current(thread_id())
    target = (
        request.versions[0]
        if request.versions
        else ((current.parent_version or current.version - 1) if current else None)
    )
    if not target:
        return _notice(state, "There is no earlier version to go back to.")
    from graph.nodes.progress_whatif import revert_rest  # it imports this module

    try:
        shot = await revert_rest(state, ctx, target)
        if shot is not None:
            return shot
        stored = await ctx.plans.set_current(thread_id(), target)
    except ValueError as exc:
        return _notice(state, f"I cannot go back: {exc}.")
    facts = {
        **state.facts,
        "kind": "revert",
        "version": stored.version,
        "overview": overview_facts(stored.plan, state.script),
        "versions": await version_rows(ctx, thread_id(), stored.version),
        "insights": await remember_plan(ctx, stored.plan),
    }
    return {
        "plan": stored.plan,
        "inputs": stored.inputs,
        "version": stored.version,
        "facts": facts,
        "base_inputs": stored.inputs,
        "whatifs": [],
    }


async def compare_versions(state: State, runtime: Runtime[Context]) -> dict[str, Any]:
    """Compare two versions (named, or the previous against the current)."""
    ctx = runtime.context
    request = Request.model_validate(state.request)
    wanted = list(request.versions)
    if len(wanted) < 2 and state.version is not None:
        wanted = [*wanted, state.version] if wanted else [state.version - 1, state.version]
    if len(wanted) < 2 or (wanted[0] < 1 and not request.versions):
        return _notice(state, "There is only one plan so far: try a what-if first.")
    old = await ctx.plans.get(thread_id(), wanted[0])
    new = await ctx.plans.get(thread_id(), wanted[-1])
    if old is None or new is None:
        missing = wanted[0] if old is None else wanted[-1]
        return _notice(state, f"There is no version {missing} in this conversation.")
    diff = await asyncio.to_thread(ctx.planner.compare, old.plan, new.plan)
    if request.explain:
        # "why?" after a what-if: what drove the change, from the diff and the two boards.
        reasons = change_reasons(diff, old.plan, new.plan).model_dump(mode="json")
        return {"facts": {**state.facts, "kind": "question", "answers": [reasons]}}
    facts = {
        **state.facts,
        "kind": "compare",
        "compared": [old.version, new.version],
        "diff": diff_facts(diff),
        "overview": overview_facts(new.plan, state.script),
        "versions": await version_rows(ctx, thread_id(), state.version),
    }
    return {"facts": facts}
