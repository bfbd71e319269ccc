"""The graph: nodes, edges and the routers between them.

`build_graph()` returns the uncompiled builder so tests compile it with their own parts
(an in-memory checkpointer, fakes in the context); `compile_graph` is the usual way in.

    START -> ingest_files -> understand_request -> (plan_script | switch_version |
    compare_versions | answer_question | estimate_render | show_plan | export_plan |
    print_document | record_progress)
    -> route_model -> respond -> END
"""

from __future__ import annotations

from typing import Literal

from langgraph.checkpoint.base import BaseCheckpointSaver
from langgraph.graph import END, START, StateGraph
from langgraph.graph.state import CompiledStateGraph

from graph.context import Context
from graph.nodes import (
    answer_question,
    compare_versions,
    estimate_render,
    export_plan,
    ingest_files,
    plan_script,
    print_document,
    record_progress,
    respond,
    route_model,
    show_plan,
    switch_version,
    understand_request,
)
from graph.state import InputState, State

__all__ = ["build_graph", "compile_graph", "route_after_plan", "route_after_understand"]

AfterUnderstand = Literal[
    "plan_script",
    "switch_version",
    "compare_versions",
    "answer_question",
    "estimate_render",
    "show_plan",
    "export_plan",
    "print_document",
    "record_progress",
    "route_model",
]
AfterPlan = Literal["show_plan", "export_plan", "print_document", "route_model"]
_DIRECT: dict[str, AfterUnderstand] = {
    "plan": "plan_script",
    "what_if": "plan_script",
    "revert": "switch_version",
    "compare": "compare_versions",
    "question": "answer_question",
    "render_cost": "estimate_render",
    "chat": "route_model",
    "progress": "record_progress",
}


def route_after_understand(state: State) -> AfterUnderstand:
    """Send the request to the node that can answer it (planning first when needed)."""
    if state.request is None:
        raise ValueError("understand_request left no request in the state")
    kind = state.request["kind"]
    if kind == "chat" and state.plan:
        return "show_plan"
    if kind == "document":
        return "print_document" if state.plan else "plan_script"
    if kind in {"show", "export"}:
        return ("show_plan" if kind == "show" else "export_plan") if state.plan else "plan_script"
    if kind not in _DIRECT:
        raise ValueError(f"unknown request kind {kind!r}")
    return _DIRECT[kind]


def route_after_plan(state: State) -> AfterPlan:
    """After planning for a show or export request, go on to it; otherwise answer."""
    if state.request is None:
        raise ValueError("plan_script ran without a request")
    if state.plan is not None and state.request["kind"] == "show":
        return "show_plan"
    if state.plan is not None and state.request["kind"] == "export":
        return "export_plan"
    if state.plan is not None and state.request["kind"] == "document":
        return "print_document"
    return "route_model"


def build_graph() -> StateGraph[State, Context, InputState, State]:
    """The uncompiled graph builder."""
    builder = StateGraph(State, context_schema=Context, input_schema=InputState)
    for node in (
        ingest_files,
        understand_request,
        plan_script,
        switch_version,
        compare_versions,
        answer_question,
        estimate_render,
        show_plan,
        export_plan,
        print_document,
        record_progress,
        route_model,
        respond,
    ):
        builder.add_node(node.__name__, node)
    builder.add_edge(START, "ingest_files")
    builder.add_edge("ingest_files", "understand_request")
    builder.add_conditional_edges("understand_request", route_after_understand)
    builder.add_conditional_edges("plan_script", route_after_plan)
    for name in (
        "switch_version",
        "compare_versions",
        "answer_question",
        "estimate_render",
        "show_plan",
        "export_plan",
        "print_document",
        "record_progress",
    ):
        builder.add_edge(name, "route_model")
    builder.add_edge("route_model", "respond")
    builder.add_edge("respond", END)
    return builder


def compile_graph(
    checkpointer: BaseCheckpointSaver[str] | None = None,
) -> CompiledStateGraph[State, Context, InputState, State]:
    """The compiled graph, with a checkpointer for memory across turns."""
    return build_graph().compile(checkpointer=checkpointer, name="greenlight")
