"""Answer from what is already known: show a view of the plan, answer a script question,
export a view to a file, estimate an AI shot's cost."""

from __future__ import annotations

import asyncio
import re
from typing import Any

from langgraph.runtime import Runtime

from graph.answers import answer_queries, outside_answer, version_rows, why_answer
from graph.context import Context
from graph.exports import write_export
from graph.facts import budget_facts, dood_facts, overview_facts, schedule_facts
from graph.intents import Request
from graph.nodes.planning import plan_script, thread_id
from graph.render import render_estimate
from graph.state import State

__all__ = ["answer_question", "estimate_render", "export_plan", "show_plan", "view_facts"]

Record = dict[str, Any]


def view_facts(plan: Record, view: str | None, script: Record | None) -> Record:
    """The facts one view of the plan needs."""
    facts: Record = {"overview": overview_facts(plan, script)}
    if view in {"schedule", "stripboard"}:
        facts["schedule"] = schedule_facts(plan)
    elif view == "dood":
        facts["dood"] = dood_facts(plan)
    elif view == "budget":
        facts["accounts"] = budget_facts(plan)
    return facts


async def show_plan(state: State, runtime: Runtime[Context]) -> dict[str, Any]:
    """Put the requested view of the current plan in the facts."""
    request = Request.model_validate(state.request)
    if state.plan is None:
        return {}
    view = request.view or "summary"
    facts = {
        **state.facts,
        "kind": "chat" if request.kind == "chat" else "show",
        "view": view,
        "version": state.version,
        **view_facts(state.plan, view, state.script),
    }
    return {"facts": facts}


def _question_facts(script: Record, request: Request) -> Record:
    scenes = script.get("scenes", [])
    if request.scene:
        for scene in scenes:
            if str(scene.get("number", "")).upper() == request.scene:
                cast = list(
                    dict.fromkeys(scene.get("speakers", []) + scene.get("non_speaking", []))
                )
                return {"scene": scene["number"], "heading": scene.get("heading", ""), "cast": cast}
        return {"answer": f"The script has no scene {request.scene}."}
    category = request.category or ""
    found = [
        {"scene": s["number"], "items": [e["name"] for e in s["elements"][category]][:4]}
        for s in scenes
        if (s.get("elements") or {}).get(category)
    ]
    return {"category": category, "scenes": found}


async def answer_question(state: State, runtime: Runtime[Context]) -> dict[str, Any]:
    """Answer a question from the plan (the query tools) or the script's breakdown."""
    request = Request.model_validate(state.request)
    if request.topic in {"outside", "why"}:
        answer = (
            why_answer(request.outcome)
            if request.topic == "why"
            else outside_answer(request.text, state.script)
        )
        return {"facts": {**state.facts, "kind": "question", "answers": [answer]}}
    if state.script is None:
        notices = [*state.facts.get("notices", []), "Attach a screenplay first."]
        return {"facts": {**state.facts, "kind": "question", "notices": notices, "failed": True}}
    update: Record = {}
    plan, facts = state.plan, dict(state.facts)
    if request.queries and plan is None:
        # A question on the upload turn: plan first (saved as version 1), then answer.
        update = await plan_script(state, runtime)
        plan, facts = update.get("plan"), dict(update.get("facts") or facts)
        if plan is None:
            return update
    facts.update(kind="question", version=update.get("version", state.version))
    if request.scene or request.category:
        facts["question"] = _question_facts(state.script, request)
    if request.queries:
        versions = await version_rows(runtime.context, thread_id(), facts["version"])
        facts["answers"] = answer_queries(plan, state.script, request.queries, versions)
    return {**update, "facts": facts}


async def export_plan(state: State, runtime: Runtime[Context]) -> dict[str, Any]:
    """Write the requested view of the current plan to a file under the data directory."""
    request = Request.model_validate(state.request)
    if state.plan is None:
        return {}
    folder = runtime.context.settings.data_dir / "exports" / re.sub(r"\W", "_", thread_id())
    artifact = await asyncio.to_thread(
        write_export,
        state.plan,
        view=request.view or "schedule",
        fmt=request.export_format or "csv",
        folder=folder,
        version=state.version or 0,
    )
    facts = {**state.facts, "kind": "export", "export": artifact}
    return {"facts": facts, "artifacts": [artifact]}


async def estimate_render(state: State, runtime: Runtime[Context]) -> dict[str, Any]:
    """Estimate an AI-generated shot's cost with the render-cost tool."""
    request = Request.model_validate(state.request)
    try:
        audit = runtime.context.settings.data_dir / "render_audit"
        estimate = await asyncio.to_thread(render_estimate, request.text, audit_dir=audit)
    except ValueError as exc:
        notices = [*state.facts.get("notices", []), f"I could not estimate that: {exc}"]
        return {"facts": {**state.facts, "notices": notices, "failed": True}}
    return {"facts": {**state.facts, "kind": "render_cost", "render_cost": estimate}}
