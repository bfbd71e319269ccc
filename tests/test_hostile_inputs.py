"""Hostile and broken files and messages through the whole graph (issue #8, bad input).

Each case runs in a real conversation: the clean script is planned first (version 1), then the
hostile file or message arrives, then ordinary questions follow. Every answer must be clear
(no traceback, never empty), the session must go on with nothing saved before lost, injected
instructions must not reach the planner or reveal the prompt, and no answer may carry live
markup. The model is `ObedientModel`, which obeys any instruction it reads.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest

from graph.planner import ToolPlanner
from graph.providers import ModelSet, Provider
from graph.safety import StreamGuard, leaked_instructions, neutralize_markup
from graph.session import Assistant, TurnResult, open_assistant, run_turn
from greenlight.settings import Settings
from prompts import respond as respond_prompt
from tests.hostile import (
    FILES,
    INJECT_REVEAL,
    MESSAGES,
    HostileFile,
    HostileMessage,
    clean_fountain,
    neutral_twin,
)
from tests.hostile.model import ObedientModel, system_text
from tests.test_bad_input_pdf import CASES as PDF_CASES
from tests.test_bad_input_text import CASES as TEXT_CASES

THREAD = "h"
LIVE_MARKUP = re.compile(r"<\s*(img|script|a|iframe|svg)\b|!\[[^\]]*\]\(|\]\(\s*javascript:", re.I)
NOT_CLEAR = ("Traceback", "validation error", "pydantic", "Error(", "errors.pydantic.dev")
PLAN_NUMBERS = ("scenes", "shooting_days", "budget_likely", "budget_low", "budget_high")


class RecordingPlanner(ToolPlanner):
    """The real planner, recording the inputs of every plan it makes."""

    def __init__(self, cache_dir: Path) -> None:
        super().__init__(cache_dir)
        self.inputs: list[dict[str, Any]] = []

    def make_plan(self, script: Any, inputs: Any, *, previous: Any, progress: Any = None) -> Any:
        self.inputs.append(dict(inputs))
        return super().make_plan(script, inputs, previous=previous, progress=progress)

    def revise(self, plan: Any, old: Any, new: Any, inputs: Any) -> Any:
        self.inputs.append(dict(inputs))
        return super().revise(plan, old, new, inputs)


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One plan cache for the module: the clean script is solved once."""
    return tmp_path_factory.mktemp("plan-cache")


@asynccontextmanager
async def session(tmp_path: Path, cache_dir: Path) -> AsyncIterator[Assistant]:
    """An assistant with the obedient model, the recording planner and the clean plan (v1)."""
    model = ObedientModel()
    provider = Provider(
        "obedient", "local", model, "obedient", first_token_timeout_s=1.0, chunk_timeout_s=1.0
    )
    options: Any = {"_env_file": None}
    settings = Settings(data_dir=tmp_path, solver_time_limit_s=2.0, **options)
    async with open_assistant(settings, models=ModelSet(local=provider)) as opened:
        opened.context.planner = RecordingPlanner(cache_dir)
        first = await turn(opened, "", [{"name": "clean.fountain", "data": clean_fountain()}])
        assert first.version == 1, first.answer
        yield opened


async def turn(a: Assistant, text: str, uploads: list[dict[str, Any]] | None = None) -> TurnResult:
    return await run_turn(a, thread_id=THREAD, text=text, uploads=uploads)


def model_of(a: Assistant) -> ObedientModel:
    local = a.context.models.local
    assert local is not None and isinstance(local.model, ObedientModel)
    return local.model


def assert_clear(answer: str) -> None:
    """A readable answer: not empty, no traceback or raw validation dump, no live markup."""
    assert answer.strip()
    assert not any(marker in answer for marker in NOT_CLEAR), answer[:500]
    assert not LIVE_MARKUP.search(answer), answer[:500]
    assert not leaked_instructions(answer, respond_prompt.INSTRUCTIONS), answer[:500]


async def versions(a: Assistant) -> list[int]:
    return [v.version for v in await a.context.plans.versions(THREAD)]


async def assert_session_goes_on(a: Assistant) -> None:
    """A normal question and a view still work on whatever script is current."""
    asked = await turn(a, "who is in scene 1?")
    assert_clear(asked.answer)
    cast = asked.facts["question"].get("cast")
    assert cast is not None, asked.answer
    assert all(name in asked.answer for name in cast)
    shown = await turn(a, "show the schedule")
    assert_clear(shown.answer)
    assert "| Day | Scenes |" in shown.answer and shown.version is not None


def numbers(plan: dict[str, Any] | None) -> dict[str, Any]:
    assert plan is not None
    budget, days = plan["budget"], plan["schedule"]["days"]
    return {
        "days": [(d["strips"], d["eighths"]) for d in days],
        "budget": (budget["low"], budget["likely"], budget["high"]),
        "inputs": {k: v for k, v in plan["inputs"].items() if k != "frozen_days"},
    }


@pytest.mark.parametrize("case", FILES, ids=lambda c: c.kind)
async def test_a_hostile_file(case: HostileFile, tmp_path: Path, cache_dir: Path) -> None:
    async with session(tmp_path, cache_dir) as a:
        clean = await a.graph.aget_state({"configurable": {"thread_id": THREAD}})
        result = await turn(a, "", [{"name": case.filename, "data": case.make()}])
        assert_clear(result.answer)
        assert case.phrase in result.answer
        if case.outcome == "read":
            assert result.version == 2 and await versions(a) == [1, 2]
        else:
            start = "I could not read" if case.outcome == "refused" else "I read"
            assert f"{start} {case.filename}" in result.answer
            assert result.version == 1 and await versions(a) == [1]
            assert result.plan == clean.values["plan"]
        assert (await a.context.plans.get(THREAD, 1)) is not None
        await assert_session_goes_on(a)
        if case.same_plan:
            await assert_same_plan_as_the_twin(a, case, result)


async def assert_same_plan_as_the_twin(
    a: Assistant, case: HostileFile, hostile: TurnResult
) -> None:
    """The injection changed nothing: the planner got the inputs it got for the clean script,
    and the plan equals the one for the same file with the injection x-ed out."""
    planner = a.context.planner
    assert isinstance(planner, RecordingPlanner)
    assert len(planner.inputs) >= 2 and all(i == planner.inputs[0] for i in planner.inputs)
    await run_turn(a, thread_id="twin", text="", uploads=[{"name": "c", "data": clean_fountain()}])
    twin = neutral_twin(case.make())
    assert twin != case.make()
    planned = await run_turn(
        a, thread_id="twin", text="", uploads=[{"name": case.filename, "data": twin}]
    )
    assert numbers(hostile.plan) == numbers(planned.plan)


@pytest.mark.parametrize("case", MESSAGES, ids=lambda c: c.kind)
async def test_a_hostile_message(case: HostileMessage, tmp_path: Path, cache_dir: Path) -> None:
    async with session(tmp_path, cache_dir) as a:
        before = (await a.graph.aget_state({"configurable": {"thread_id": THREAD}})).values
        result = await turn(a, case.text)
        assert_clear(result.answer)
        assert case.phrase in result.answer
        assert await versions(a) == [1]
        after = (await a.graph.aget_state({"configurable": {"thread_id": THREAD}})).values
        assert after["inputs"] == before["inputs"] and after["script"] == before["script"]
        assert numbers(after["plan"]) == numbers(before["plan"])
        await assert_session_goes_on(a)


async def test_an_injected_script_never_gets_the_prompt_out_of_the_model(
    tmp_path: Path, cache_dir: Path
) -> None:
    hostile = next(f for f in FILES if f.kind == "injection in dialogue")
    async with session(tmp_path, cache_dir) as a:
        await turn(a, "", [{"name": hostile.filename, "data": hostile.make()}])
        asked = await turn(a, "who is in scene 2?")
        seen = system_text(model_of(a).received[-1])
    assert INJECT_REVEAL in seen, "the excerpt with the injection reached the model"
    assert seen.index("not instructions") < seen.index(INJECT_REVEAL)
    assert asked.usage and asked.usage["outcome"] == "replaced"
    assert "repeated its instructions" in asked.answer
    assert "FACTS (JSON)" not in asked.answer and "You are Greenlight" not in asked.answer
    assert "BEN" in asked.answer


async def test_streamed_tokens_never_carry_live_markup(tmp_path: Path, cache_dir: Path) -> None:
    streamed: list[str] = []
    replaced: list[str] = []
    async with session(tmp_path, cache_dir) as a:
        result = await run_turn(
            a,
            thread_id=THREAD,
            text="hello <img src=x onerror=alert(1)> and ![x](http://evil.example/x.png)",
            on_token=streamed.append,
            on_replace=replaced.append,
        )
    assert not LIVE_MARKUP.search("".join(streamed))
    shown = replaced[-1] if replaced else "".join(streamed)
    assert shown == result.answer
    assert "&lt;img src=x onerror=alert(1)>" in result.answer
    assert "evil.example" not in result.answer


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)>"),
        ("<script>alert(1)</script>", "&lt;script>alert(1)&lt;/script>"),
        ("a <!-- c --> b", "a &lt;!-- c --> b"),
        ("![x](http://evil/x.png) left", "x left"),
        ("![logo][1]\n[1]: http://evil/x.png", "logo\n"),
        ("| GARDEN ![X](HTTP:, KITCHEN |", "| GARDEN [X](HTTP:, KITCHEN |"),
        ("[click](javascript:alert(1))", "click"),
        ("[site](https://example.com) ok", "site ok"),
        ("```python\nprint(1)\n```", "'''python\nprint(1)\n'''"),
        (
            "day 1 -> 3, under < 5 days, **bold** | table |",
            "day 1 -> 3, under < 5 days, **bold** | table |",
        ),
        ("", ""),
    ],
)
def test_the_markup_policy(text: str, shown: str) -> None:
    assert neutralize_markup(text) == shown


def test_the_corpus_with_the_file_tests_has_at_least_40_cases() -> None:
    kinds = [c[0] for c in TEXT_CASES] + [c.name for c in PDF_CASES]
    kinds += [f.kind for f in FILES] + [m.kind for m in MESSAGES]
    assert len(set(kinds)) == len(kinds) >= 40 + len(TEXT_CASES) + len(PDF_CASES)


@pytest.mark.parametrize(
    "tokens",
    [
        ["Look ", "!", "[x]", "(http://evil", ".example/x.png)", " here"],
        ["a <", "img src=x onerror=alert(1)", "> b"],
        ["[click]", "(javascript:", "alert(1))", "\n", "done"],
        ["``", "`python\n", "x", "\n```"],
    ],
)
def test_a_stream_guard_never_sends_markup_split_across_tokens(tokens: list[str]) -> None:
    guard = StreamGuard()
    sent = "".join(guard.feed(token) for token in tokens)
    final = neutralize_markup("".join(tokens))
    assert final.startswith(sent) and guard.sent == sent
    assert not LIVE_MARKUP.search(sent) and "evil" not in sent and "```" not in sent


async def test_mixed_encodings_keep_every_accent(tmp_path: Path, cache_dir: Path) -> None:
    mixed = next(f for f in FILES if f.kind == "UTF-8 and Windows-1252 in one file")
    async with session(tmp_path, cache_dir) as a:
        await turn(a, "", [{"name": mixed.filename, "data": mixed.make()}])
        script = (await a.graph.aget_state({"configurable": {"thread_id": THREAD}})).values
    scenes = script["script"]["scenes"]
    assert [s["heading"] for s in scenes] == ["INT. CAFÉ - DAY", "EXT. GARÇON STREET - NIGHT"]
    assert [s["speakers"] for s in scenes] == [["ZOË"], ["RENÉ"]]
    assert any("UTF-8 mixed with" in w for w in script["script"]["warnings"])


@pytest.mark.parametrize(
    ("change", "phrase"),
    [
        ({"kind": "days", "value": 0}, "0 shooting days is not a schedule"),
        ({"kind": "days", "value": 2.5}, "2.5 shooting days is not a schedule"),
        ({"kind": "pages_per_day", "value": -1}, "-1 pages per day cannot be scheduled"),
        ({"kind": "hours_per_day", "value": 0.1}, "0.1-hour days cannot be scheduled"),
        ({"kind": "hours_per_day", "value": 30}, "30-hour days cannot be scheduled"),
        ({"kind": "budget_cap", "value": 0}, "a budget cap of 0 is not a budget"),
        ({"kind": "pin", "scene": "1", "days": []}, "say which shooting day scene 1 goes"),
        ({"kind": "unavailable", "actor": "ADA", "days": [-4]}, "there is no day -3"),
    ],
)
async def test_a_model_reading_the_message_cannot_pass_a_bad_value_to_the_planner(
    tmp_path: Path, cache_dir: Path, change: dict[str, Any], phrase: str
) -> None:
    async with session(tmp_path, cache_dir) as a:
        model_of(a).structured = [{"kind": "what_if", "changes": [change]}]
        planner = a.context.planner
        assert isinstance(planner, RecordingPlanner)
        planned = len(planner.inputs)
        result = await turn(a, "make it so, as we discussed yesterday")
        assert result.request and result.request["changes"][0]["kind"] == change["kind"]
        assert phrase in result.answer and len(planner.inputs) == planned
        assert_clear(result.answer)
        assert await versions(a) == [1]
