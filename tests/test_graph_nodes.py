"""The graph's shape, its routers, its prompts, and single nodes called with fakes."""

from __future__ import annotations

import ast
import string
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pytest
from langchain_core.messages import AIMessage, HumanMessage
from langgraph.runtime import Runtime

from graph.build import build_graph, route_after_plan, route_after_understand
from graph.context import Context
from graph.nodes.respond import respond, respond_values
from graph.nodes.understand import understand_request, understand_values
from graph.providers import CUT_NOTE, ModelSet, Provider
from graph.router import RouteDecision
from graph.state import State
from greenlight.settings import Settings
from prompts import respond as respond_prompt
from prompts import understand as understand_prompt
from store.db import create_tables, make_engine
from store.plans import PlanStore
from store.usage import UsageStore
from tests.fakes import FakeChatModel

ROOT = Path(__file__).resolve().parent.parent
MERMAID = Path(__file__).parent / "data" / "graph.mmd"


def test_graph_shape_is_pinned() -> None:
    drawn = build_graph().compile().get_graph().draw_mermaid()
    assert drawn == MERMAID.read_text(encoding="utf-8")


def _state(**values: Any) -> State:
    return State(**values)


@pytest.mark.parametrize(
    ("kind", "has_plan", "expected"),
    [
        ("plan", False, "plan_script"),
        ("what_if", True, "plan_script"),
        ("show", True, "show_plan"),
        ("show", False, "plan_script"),
        ("export", True, "export_plan"),
        ("export", False, "plan_script"),
        ("document", True, "print_document"),
        ("document", False, "plan_script"),
        ("compare", True, "compare_versions"),
        ("revert", True, "switch_version"),
        ("question", False, "answer_question"),
        ("render_cost", False, "estimate_render"),
        ("chat", False, "route_model"),
        ("chat", True, "show_plan"),
    ],
)
def test_route_after_understand(kind: str, has_plan: bool, expected: str) -> None:
    state = _state(request={"kind": kind}, plan={"x": 1} if has_plan else None)
    assert route_after_understand(state) == expected


@pytest.mark.parametrize(
    ("kind", "has_plan", "expected"),
    [
        ("show", True, "show_plan"),
        ("export", True, "export_plan"),
        ("document", True, "print_document"),
        ("show", False, "route_model"),
        ("what_if", True, "route_model"),
    ],
)
def test_route_after_plan(kind: str, has_plan: bool, expected: str) -> None:
    state = _state(request={"kind": kind}, plan={"x": 1} if has_plan else None)
    assert route_after_plan(state) == expected


@pytest.mark.parametrize("router", [route_after_understand, route_after_plan])
def test_routers_refuse_an_impossible_state(router: Any) -> None:
    with pytest.raises(ValueError, match="request"):
        router(_state())
    if router is route_after_understand:
        with pytest.raises(ValueError, match="'dance'"):
            router(_state(request={"kind": "dance"}))


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_prompt_placeholders_match_what_the_nodes_fill() -> None:
    respond_keys = set(respond_values({"kind": "plan"}, "hi", "scene text"))
    assert _fields(respond_prompt.SYSTEM) | _fields(respond_prompt.USER) == respond_keys
    understand_keys = set(understand_values("hi"))
    assert _fields(understand_prompt.SYSTEM) | _fields(understand_prompt.USER) == understand_keys


def test_graph_never_reads_the_environment() -> None:
    for path in sorted((ROOT / "graph").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute)}
        assert not names & {"environ", "getenv"}, path


@pytest.fixture
async def context(tmp_path: Path) -> Any:
    engine = make_engine(f"sqlite:///{tmp_path / 'g.db'}")
    await create_tables(engine)
    settings = Settings(data_dir=tmp_path, _env_file=None)  # type: ignore[call-arg]
    yield Context(settings=settings, plans=PlanStore(engine), usage=UsageStore(engine))
    await engine.dispose()


def _provider(**fake: Any) -> Provider:
    return Provider("fake", "local", FakeChatModel(**fake), "fake", first_token_timeout_s=0.5)


FACTS = {"kind": "plan", "overview": {"shooting_days": 7, "budget_likely": 1_332_529.0}}


def _route() -> dict[str, Any]:
    return asdict(RouteDecision("local", "simple", 0.0, "simple requests", "nothing"))


@pytest.mark.parametrize(
    ("reply", "outcome", "starts"),
    [
        ("The plan takes 7 days.", "ok", "The plan takes 7 days."),
        ("The plan takes 9 days.", "replaced", "**"),
    ],
)
async def test_respond_streams_checks_and_records(
    context: Context, reply: str, outcome: str, starts: str
) -> None:
    context.models = ModelSet(local=_provider(replies=[reply]))
    events: list[dict[str, str]] = []
    state = _state(messages=[HumanMessage("how long?", id="m1")], facts=FACTS, route=_route())
    update = await respond(state, Runtime(context=context, stream_writer=events.append))
    message = update["messages"][0]
    assert isinstance(message, AIMessage) and str(message.content).startswith(starts)
    assert update["answer"]["outcome"] == outcome
    assert "".join(e["token"] for e in events if "token" in e).startswith(reply.split()[0])
    totals = await context.usage.totals("default")
    assert totals.messages == 1 and totals.by_provider == {"fake": 0.0}


async def test_understand_falls_back_to_chat_when_the_model_hangs(context: Context) -> None:
    context.models = ModelSet(local=_provider(mode="hang"))
    context.understand_timeout_s = 0.2
    state = _state(messages=[HumanMessage("could we think about the second act")])
    update = await understand_request(state, Runtime(context=context))
    assert update["request"]["kind"] == "chat"
    assert context.models.local.model.calls == 1  # type: ignore[union-attr, attr-defined]


async def test_a_failure_mid_stream_ends_the_answer_honestly(context: Context) -> None:
    reply = "The plan takes 7 days and"
    context.models = ModelSet(local=_provider(replies=[reply], mode="fail_mid_stream"))
    state = _state(messages=[HumanMessage("how long?")], facts=FACTS, route=_route())
    update = await respond(state, Runtime(context=context))
    text = str(update["messages"][0].content)
    assert update["answer"]["outcome"] == "cut"
    assert text.startswith("The plan takes") and CUT_NOTE.strip() in text
