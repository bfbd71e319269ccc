"""Open the assistant (database, checkpointer, models, compiled graph) and run one turn.

The CLI, the benchmark and the chat app use these, so a turn runs the same everywhere:
`open_assistant(settings)` at start-up, `run_turn(...)` per message.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field, replace
from typing import Any

from langchain_core.messages import HumanMessage
from langchain_core.runnables import RunnableConfig
from langgraph.checkpoint.base import BaseCheckpointSaver
from langgraph.graph.state import CompiledStateGraph
from sqlalchemy.ext.asyncio import AsyncEngine

from graph.build import compile_graph
from graph.checkpoint import open_checkpointer
from graph.config import GraphSettings
from graph.context import Context
from graph.planner import Planner, ToolPlanner
from graph.providers import ModelSet, build_models
from graph.telemetry import TurnTelemetry
from store.db import create_tables, make_engine
from store.insights import InsightStore
from store.plans import PlanStore
from store.progress import ProgressStore, create_progress_tables
from store.usage import UsageStore

__all__ = [
    "LOCAL_USER",
    "Assistant",
    "BoardSink",
    "NodeSink",
    "TurnResult",
    "delete_thread",
    "open_assistant",
    "run_turn",
]


LOCAL_USER = "local"
"""The user id of runs without a signed-in user (the CLI)."""


@dataclass
class Assistant:
    """A compiled graph and the context its runs use."""

    graph: CompiledStateGraph[Any, Any, Any, Any]
    context: Context
    checkpointer: BaseCheckpointSaver[str]
    engine: AsyncEngine | None = None
    """Greenlight's database (for reading sessions back; None in tests without one)."""


@dataclass
class TurnResult:
    """One turn's outcome, as the CLI prints it with --json."""

    answer: str
    route: dict[str, Any] | None
    usage: dict[str, Any] | None
    facts: dict[str, Any]
    request: dict[str, Any] | None
    version: int | None
    artifacts: list[dict[str, Any]] = field(default_factory=list)
    seconds: float = 0.0
    plan: dict[str, Any] | None = None
    """The current plan record after the turn (None before the first plan)."""


@asynccontextmanager
async def open_assistant(
    settings: GraphSettings,
    *,
    models: ModelSet | None = None,
    probe: bool = True,
    planner: Planner | None = None,
) -> AsyncIterator[Assistant]:
    """Everything a turn needs, opened on the settings' database and closed on exit.

    `planner` is the edge's choice (the solve-job runner); the default runs the tools here."""
    url = settings.resolved_database_url()
    engine = make_engine(url)
    try:
        await create_tables(engine)
        await create_progress_tables(engine)
        async with open_checkpointer(url) as saver:
            context = Context(
                settings=settings,
                plans=PlanStore(engine),
                usage=UsageStore(engine),
                insights=InsightStore(engine),
                progress=ProgressStore(engine),
                models=models if models is not None else await build_models(settings, probe=probe),
                planner=planner or ToolPlanner(cache_dir=settings.data_dir / "cache"),
            )
            yield Assistant(compile_graph(saver), context, saver, engine)
    finally:
        await engine.dispose()


TokenSink = Callable[[str], Awaitable[None] | None]
NodeSink = Callable[[str, "dict[str, Any] | None"], Awaitable[None] | None]
"""Called with a node's name when it starts (None) and with its update when it ends."""
BoardSink = Callable[["dict[str, Any]"], Awaitable[None] | None]
"""Called with each improving board of a long solve (`tools.plan.Board` as JSON)."""


@dataclass(frozen=True)
class _Sinks:
    """Where a turn's custom stream events go."""

    token: TokenSink | None = None
    replace: TokenSink | None = None
    board: BoardSink | None = None


async def _forward(event: dict[str, Any], sinks: _Sinks) -> None:
    sink: Callable[[Any], Awaitable[None] | None] | None
    if "board" in event:
        sink, value = sinks.board, event.get("board")
    elif "token" in event:
        sink, value = sinks.token, event.get("token")
    else:
        sink, value = sinks.replace, event.get("replace")
    if sink is not None and value:
        pending = sink(value)
        if pending is not None:
            await pending


async def _node_event(task: Any, on_node: NodeSink) -> None:
    if not isinstance(task, dict) or "name" not in task:
        return
    if "result" in task:
        result = task.get("result")
        update = dict(result) if isinstance(result, dict) else {}
        if task.get("error"):
            update["error"] = str(task["error"])
        pending = on_node(str(task["name"]), update)
    else:
        pending = on_node(str(task["name"]), None)
    if pending is not None:
        await pending


async def _stream(
    assistant: Assistant,
    payload: Any,
    config: RunnableConfig,
    context: Context,
    sinks: _Sinks,
    on_node: NodeSink,
) -> None:
    async for mode, chunk in assistant.graph.astream(
        payload,
        config,
        context=context,
        # Node events always stream: the turn's log line and metrics time each node.
        stream_mode=["custom", "tasks"],
        # One checkpoint per turn instead of one per step: halves the graph's overhead
        # (measured 48 -> 21 ms); a crash mid-turn loses only that turn, plans are in store/.
        durability="exit",
    ):
        if mode == "custom" and isinstance(chunk, dict):
            await _forward(chunk, sinks)
        elif mode == "tasks":
            await _node_event(chunk, on_node)


async def run_turn(
    assistant: Assistant,
    *,
    thread_id: str,
    text: str,
    uploads: list[dict[str, Any]] | None = None,
    on_token: TokenSink | None = None,
    on_replace: TokenSink | None = None,
    on_node: NodeSink | None = None,
    on_board: BoardSink | None = None,
    settings: GraphSettings | None = None,
    plan_defaults: dict[str, Any] | None = None,
    user_id: str = LOCAL_USER,
) -> TurnResult:
    """Run one turn; tokens go to `on_token`, a replaced answer to `on_replace`.

    `on_node` hears each node start and end (for progress), `on_board` each improving board
    of a long solve (streamed from the solve job as it runs). `settings` overrides the
    assistant's for this turn only (a chat session's preferences), keeping its models;
    `plan_defaults` are merged into a new plan's inputs (e.g. {"days": 6}); `user_id` owns the
    thread (its insights compare it with that user's other projects).
    """
    started = time.perf_counter()
    config: RunnableConfig = {
        "configurable": {
            "thread_id": thread_id,
            "user_id": user_id,
            "plan_defaults": dict(plan_defaults or {}),
        }
    }
    context = (
        assistant.context if settings is None else replace(assistant.context, settings=settings)
    )
    payload: Any = {"messages": [HumanMessage(content=text)], "uploads": uploads or []}
    telemetry = TurnTelemetry(thread_id)
    try:
        sinks = _Sinks(token=on_token, replace=on_replace, board=on_board)
        await _stream(assistant, payload, config, context, sinks, telemetry.wrap(on_node))
        state = (await assistant.graph.aget_state(config)).values
    except Exception as exc:
        telemetry.fail(exc)
        raise
    telemetry.finish(state)
    last = state["messages"][-1]
    return TurnResult(
        answer=str(last.content),
        route=state.get("route"),
        usage=state.get("answer"),
        facts=state.get("facts", {}),
        request=state.get("request"),
        version=state.get("version"),
        artifacts=state.get("artifacts", []),
        seconds=time.perf_counter() - started,
        plan=state.get("plan"),
    )


async def delete_thread(assistant: Assistant, thread_id: str) -> None:
    """Forget a conversation: its checkpoints and its plan versions."""
    await assistant.checkpointer.adelete_thread(thread_id)
    await assistant.context.plans.delete_thread(thread_id)
    if assistant.context.progress is not None:
        await assistant.context.progress.delete_thread(thread_id)
