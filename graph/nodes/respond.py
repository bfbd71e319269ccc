"""Route the answer (local or cloud, recorded with its reason) and write it.

The respond node streams a capable model's answer (Ollama or cloud; never the embedded
SmolLM2, whose prose is unsound) through the fallback chain, checks every figure and every
name against the facts, and falls back to the deterministic answer when no model answers
or the answer invents a figure or a name, telling the user why. Tables and exports are
answered by the deterministic writer directly: a small model cannot copy a stripboard.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, SystemMessage
from langgraph.runtime import Runtime

from graph.context import Context
from graph.grounding import check_grounding
from graph.nodes.planning import thread_id
from graph.nodes.understand import last_user_text
from graph.providers import CUT_NOTE, Provider, StreamOutcome, stream_with_fallback
from graph.router import RouteDecision, RoutePolicy, choose_route, score_message
from graph.safety import StreamGuard, leaked_instructions, neutralize_markup
from graph.state import State
from graph.summary import write_summary
from prompts import respond as prompt
from store.usage import RouteRecord, UsageRecord

__all__ = ["model_facts", "respond", "respond_values", "route_model"]

Record = dict[str, Any]
_TABLE_VIEWS = {"schedule", "stripboard", "dood", "budget"}
_PRIVATE_KEYS = {"uploaded", "failed"}


def _message_id(state: State) -> str:
    humans = [m for m in state.messages if m.type == "human"]
    return str(humans[-1].id or "") if humans else ""


async def route_model(state: State, runtime: Runtime[Context]) -> dict[str, Any]:
    """Score the message, apply the policy, record the decision."""
    ctx, s = runtime.context, runtime.context.settings
    spent = (await ctx.usage.totals(thread_id())).cost
    policy = RoutePolicy(
        preference=s.model_preference,
        privacy_mode=s.privacy_mode,
        moderate_target=s.moderate_route,
        session_cloud_cost=spent,
        cloud_cost_cap=s.session_cloud_cost_cap,
        cloud_available=ctx.models.cloud is not None,
        local_available=ctx.models.local is not None or ctx.models.embedded is not None,
    )
    decision = choose_route(
        score_message(last_user_text(state.messages), depth=state.turns), policy
    )
    await ctx.usage.record_route(
        RouteRecord(
            thread_id=thread_id(),
            message_id=_message_id(state),
            complexity=decision.complexity,
            score=decision.score,
            route=decision.target,
            reason=decision.reason,
        )
    )
    return {"route": asdict(decision)}


def model_facts(facts: Record) -> Record:
    """The facts as the model sees them (bookkeeping keys removed)."""
    return {k: v for k, v in facts.items() if k not in _PRIVATE_KEYS}


def respond_values(facts: Record, message: str, excerpt: str) -> dict[str, str]:
    """What the respond prompt is filled with."""
    return {
        "task": prompt.FULL_ANSWER if facts.get("kind", "chat") == "chat" else prompt.LEAD,
        "facts": json.dumps(model_facts(facts), separators=(",", ":"), ensure_ascii=False),
        "script_excerpt": f"\nSCRIPT EXCERPT (quoted from the file):\n{excerpt}" if excerpt else "",
        "message": message,
    }


def _excerpt(state: State) -> str:
    question = state.facts.get("question") or {}
    for scene in (state.script or {}).get("scenes", []):
        if question.get("scene") is not None and scene.get("number") == question["scene"]:
            return f"{scene.get('heading', '')}\n{scene.get('text', '')}"[:1500]
    return ""


def _deterministic(facts: Record) -> bool:
    table = facts.get("kind") == "show" and facts.get("view") in _TABLE_VIEWS
    return table or facts.get("kind") == "export" or bool(facts.get("failed"))


def _finish(outcome: StreamOutcome, facts: Record, summary: str, user: str) -> tuple[str, str]:
    """The final text and the outcome label (ok, cut, replaced, deterministic)."""
    if outcome.status == "none":
        if not outcome.failures:
            return summary, "deterministic"
        why = "; ".join(outcome.failures)
        return f"{summary}\n\n(No model could answer ({why}), so this is the plan's summary.)", (
            "deterministic"
        )
    if leaked_instructions(outcome.text, prompt.INSTRUCTIONS):
        note = "(I replaced the model's answer because it repeated its instructions.)"
        return f"{summary}\n\n{note}", "replaced"
    report = check_grounding(outcome.text, facts, user_text=user)
    if not report.ok:
        return f"{summary}\n\n(I replaced the model's answer because {report.reason()}.)", (
            "replaced"
        )
    words = outcome.text + (CUT_NOTE if outcome.status == "cut" else "")
    if facts.get("kind", "chat") == "chat":
        return words, outcome.status
    return f"{words}\n\n{summary}", outcome.status


async def _write(
    state: State, runtime: Runtime[Context], route: RouteDecision, guard: StreamGuard
) -> StreamOutcome:
    """Stream the routed model's words through `guard` (markup made inert); the cloud sees
    the script only when privacy allows."""
    user = last_user_text(state.messages)
    local = respond_values(state.facts, user, _excerpt(state))
    cloud = respond_values(
        state.facts, user, _excerpt(state) if route.cloud_sees == "everything" else ""
    )

    def messages_for(provider: Provider) -> list[BaseMessage]:
        values = cloud if provider.kind == "cloud" else local
        return [
            SystemMessage(prompt.SYSTEM.format(**values)),
            HumanMessage(prompt.USER.format(**values)),
        ]

    def send(token: str) -> None:
        if safe := guard.feed(token):
            runtime.stream_writer({"token": safe})

    models = runtime.context.models
    chain = models.chain(route.target, allow_cloud=route.cloud_sees != "nothing")
    # The embedded SmolLM2-135M writes fluent nonsense: it never words an answer. With no
    # capable model the templates answer alone.
    chain = [p for p in chain if p is not models.embedded and p.name != "embedded"]
    if not chain:
        return StreamOutcome()
    return await stream_with_fallback(chain, messages_for, on_token=send)


def _answer(outcome: StreamOutcome, label: str) -> Record:
    return {
        "provider": outcome.provider,
        "model": outcome.model,
        "outcome": label,
        "tokens_in": outcome.tokens_in,
        "tokens_out": outcome.tokens_out,
        "tokens_estimated": outcome.tokens_estimated,
        "cost": outcome.cost,
        "latency_s": round(outcome.latency_s, 3),
        "first_token_s": outcome.first_token_s,
        "failures": outcome.failures,
    }


def _with_outcome(request: Record | None, facts: Record) -> Record | None:
    """The request as the next turn remembers it, with what this turn did (for a "why?")."""
    if request is None:
        return None
    if facts.get("failed"):
        did: Record = {"failed": True, "notices": list(facts.get("notices") or [])}
    else:
        did = {"version": facts.get("version"), "from_version": facts.get("from_version")}
    return {**request, "outcome": did}


async def respond(state: State, runtime: Runtime[Context]) -> dict[str, Any]:
    """Write the turn's answer from the facts and record its usage."""
    route = RouteDecision(**state.route) if state.route else None
    outcome, guard = StreamOutcome(), StreamGuard()
    if route is not None and not _deterministic(state.facts):
        outcome = await _write(state, runtime, route, guard)
    summary = write_summary(state.facts)
    text, label = _finish(outcome, state.facts, summary, last_user_text(state.messages))
    text, streamed = neutralize_markup(text), guard.sent
    if label in {"replaced", "deterministic"} or not text.startswith(streamed):
        runtime.stream_writer({"replace": text, "reason": label})
    elif len(text) > len(streamed):
        runtime.stream_writer({"token": text[len(streamed) :]})
    answer = _answer(outcome, label)
    usage = {k: answer[k] for k in ("provider", "model", "tokens_in", "tokens_out", "cost")}
    await runtime.context.usage.record_usage(
        UsageRecord(
            thread_id=thread_id(),
            message_id=_message_id(state),
            outcome=label,
            latency_s=outcome.latency_s,
            **usage,
        )
    )
    return {
        "messages": [AIMessage(content=text)],
        "answer": answer,
        "turns": state.turns + 1,
        "last_request": _with_outcome(state.request, state.facts),
        "cloud_cost": state.cloud_cost + outcome.cost,
    }
