"""The whole graph over several turns with a real checkpointer, the real tools and fake
models injected through the context; it survives a restart (new graph, same database)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest

from graph.providers import ModelSet, Provider
from graph.session import Assistant, TurnResult, delete_thread, open_assistant, run_turn
from greenlight.settings import Settings
from tests.fakes import FakeChatModel

SCRIPT = "the-library-freak-out.fountain"


def settings(tmp_path: Path, **options: object) -> Settings:
    return Settings(data_dir=tmp_path, solver_time_limit_s=2.0, _env_file=None, **options)  # type: ignore[call-arg, arg-type]


def provider(name: str, kind: str = "local", **fake: object) -> Provider:
    model = FakeChatModel(**fake)  # type: ignore[arg-type]
    return Provider(name, kind, model, name, first_token_timeout_s=1.0, chunk_timeout_s=1.0)  # type: ignore[arg-type]


@asynccontextmanager
async def assistant(
    tmp_path: Path, models: ModelSet, **options: object
) -> AsyncIterator[Assistant]:
    async with open_assistant(settings(tmp_path, **options), models=models) as opened:
        yield opened


def upload(screenplays_dir: Path, name: str = SCRIPT) -> list[dict[str, str]]:
    return [{"name": name, "path": str(screenplays_dir / name)}]


async def turn(a: Assistant, text: str, uploads: list[dict[str, Any]] | None = None) -> TurnResult:
    return await run_turn(a, thread_id="t1", text=text, uploads=uploads)


async def test_a_conversation_plans_what_ifs_compares_goes_back_and_remembers(
    tmp_path: Path, screenplays_dir: Path
) -> None:
    local = provider("fake-local", replies=["Here is where things stand."])
    models = ModelSet(local=local)
    async with assistant(tmp_path, models) as a:
        first = await turn(a, "", upload(screenplays_dir))
        assert first.request and first.request["kind"] == "plan"
        assert first.version == 1
        assert first.answer.startswith("Here is where things stand.")
        assert "3 scenes" in first.answer and "Savings by analysis" in first.answer
        assert first.usage and first.usage["provider"] == "fake-local"

        moved = await turn(a, "pin scene 1 to day 3")
        assert moved.version == 2
        diff = moved.facts["diff"]
        assert {"scene": "1", "from_day": 1, "to_day": 3} in diff["moved"]
        assert "scene 1 (day 1 -> 3)" in moved.answer
        assert "Budget:" in moved.answer

        longer = await turn(a, "shoot it in 4 days")
        assert longer.version == 3 and longer.facts["diff"]["days_after"] == 4
        accounts = longer.facts["diff"]["accounts"]
        assert accounts, "a fourth day costs crew and equipment"
        for account in accounts:
            assert f"- {account['account']}: +$" in longer.answer

        compared = await turn(a, "compare version 1 and 2")
        assert compared.facts["compared"] == [1, 2]
        assert compared.facts["diff"]["moved"] == diff["moved"]

        back = await turn(a, "go back to version 1")
        assert back.version == 1 and "Version 1 is current again" in back.answer

        who = await turn(a, "who is in scene 2?")
        assert "CHALF" in who.facts["question"]["cast"]
        assert "CHALF" in who.answer

    async with assistant(tmp_path, ModelSet()) as restarted:
        shown = await turn(restarted, "show the schedule")
        assert shown.version == 1 and shown.facts["kind"] == "show"
        assert shown.usage and shown.usage["provider"] == "deterministic"
        assert "| Day | Scenes |" in shown.answer
        state = await restarted.graph.aget_state({"configurable": {"thread_id": "t1"}})
        assert len(state.values["messages"]) == 14
        assert state.values["turns"] == 7
        versions = await restarted.context.plans.versions("t1")
        assert [v.version for v in versions] == [1, 2, 3]
        assert (await restarted.context.plans.current("t1")).version == 1  # type: ignore[union-attr]
        routes = await restarted.context.usage.routes("t1")
        assert len(routes) == 7 and all(r.reason for r in routes)


async def test_shorter_shooting_days_replan_at_the_planning_pace(
    tmp_path: Path, screenplays_dir: Path
) -> None:
    models = ModelSet(local=provider("fake-local", replies=["Shorter days."]))
    async with assistant(tmp_path, models) as a:
        await turn(a, "", upload(screenplays_dir))
        shorter = await turn(a, "what if we shoot 6-hour days?")
        assert shorter.version == 2 and shorter.request
        assert shorter.request["changes"] == [
            {**shorter.request["changes"][0], "kind": "hours_per_day", "value": 6.0}
        ]
        label = "6-hour days (2 pages a day at 3 hours a page)"
        assert shorter.facts["changed"] == label
        current = await a.context.plans.current("t1")
        assert current is not None and current.inputs["pages_per_day"] == 2.0
        days = current.plan["schedule"]["days"]
        # Scene 2 (54 eighths) spans ceil(54 / 16) = 4 days at 2 pages a day; 1 and 3 share one.
        assert [d["strips"] for d in days] == [["1", "3"]] + [["2"]] * 4
        assert days[0]["eighths"] == 11 <= 16
        assert (shorter.facts["diff"]["days_before"], shorter.facts["diff"]["days_after"]) == (3, 5)


async def test_an_invented_figure_is_replaced_and_the_user_told(
    tmp_path: Path, screenplays_dir: Path
) -> None:
    models = ModelSet(local=provider("liar", mode="garbage"))
    async with assistant(tmp_path, models) as a:
        result = await turn(a, "", upload(screenplays_dir))
    assert result.usage and result.usage["outcome"] == "replaced"
    body, note = result.answer.split("\n\n(I replaced the model's answer because ")
    assert "Great news" not in body and "9,876,543" not in body
    assert "3 scenes shot in" in body
    assert "“$9,876,543”" in note and "“42%”" in note


async def test_a_bad_file_is_a_clear_message_and_the_session_goes_on(
    tmp_path: Path, screenplays_dir: Path
) -> None:
    bad = tmp_path / "notes.fountain"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    async with assistant(tmp_path, ModelSet()) as a:
        failed = await turn(a, "", [{"name": "notes.fountain", "path": str(bad)}])
        assert failed.answer.startswith("I could not read notes.fountain:")
        assert failed.version is None
        data = (screenplays_dir / SCRIPT).read_bytes()
        ok = await turn(a, "", [{"name": SCRIPT, "data": data}])
        saved = await a.graph.aget_state({"configurable": {"thread_id": "t1"}})
    assert ok.version == 1 and "THE LIBRARY FREAK-OUT" in ok.answer
    assert saved.values["uploads"] == []  # the bytes are not kept in the checkpoint


async def test_no_model_at_all_still_answers(tmp_path: Path, screenplays_dir: Path) -> None:
    models = ModelSet(local=provider("down", mode="refuse"))
    async with assistant(tmp_path, models) as a:
        result = await turn(a, "", upload(screenplays_dir))
    assert result.usage and result.usage["outcome"] == "deterministic"
    assert "No model could answer (down:" in result.answer
    assert "Budget:" in result.answer


SCENE_TWO_LINE = "sit at a table"


@pytest.mark.parametrize(
    ("privacy", "cloud_calls", "cloud_sees_script"),
    [("facts_only", 1, False), ("off", 1, True), ("local_only", 0, False)],
)
async def test_privacy_mode_decides_what_the_cloud_receives(
    tmp_path: Path, screenplays_dir: Path, privacy: str, cloud_calls: int, cloud_sees_script: bool
) -> None:
    cloud = provider("fake-cloud", kind="cloud", replies=["The cast is listed below."])
    local = provider("fake-local", replies=["Listed below."])
    models = ModelSet(local=local, cloud=cloud)
    async with assistant(tmp_path, models, privacy_mode=privacy, model_preference="cloud") as a:
        result = await turn(a, "who is in scene 2?", upload(screenplays_dir))
    received = cloud.model.received  # type: ignore[attr-defined]
    assert len(received) == cloud_calls
    assert result.usage and result.usage["provider"] == (
        "fake-cloud" if cloud_calls else "fake-local"
    )
    seen = "\n".join(str(m.content) for call in received for m in call)
    assert (SCENE_TWO_LINE in seen) is cloud_sees_script
    if cloud_calls:
        assert "CHALF" in seen  # the facts themselves do go
    local_seen = "\n".join(str(m.content) for call in local.model.received for m in call)  # type: ignore[attr-defined]
    assert not local_seen or SCENE_TWO_LINE in local_seen


async def test_the_session_cost_cap_sends_later_turns_local(
    tmp_path: Path, screenplays_dir: Path
) -> None:
    cloud = provider("fake-cloud", kind="cloud", replies=["Noted."])
    cloud.price_in_per_1m = 10_000.0  # 100 tokens in -> 1.0 per answer: the cap at once
    local = provider("fake-local", replies=["Noted locally."])
    models = ModelSet(local=local, cloud=cloud)
    async with assistant(
        tmp_path, models, model_preference="cloud", session_cloud_cost_cap=0.5
    ) as a:
        first = await turn(a, "who is in scene 2?", upload(screenplays_dir))
        second = await turn(a, "who is in scene 3?")
    assert first.usage and first.usage["provider"] == "fake-cloud"
    assert first.usage["cost"] == pytest.approx(1.0)
    assert second.usage and second.usage["provider"] == "fake-local"
    assert second.route and "reached the cap" in second.route["reason"]


async def test_a_model_reads_a_message_the_rules_cannot(
    tmp_path: Path, screenplays_dir: Path
) -> None:
    reader = provider(
        "reader",
        replies=["Done."],
        structured=[{"kind": "what_if", "changes": [{"kind": "pin", "scene": "1", "days": [2]}]}],
    )
    async with assistant(tmp_path, ModelSet(local=reader)) as a:
        await turn(a, "", upload(screenplays_dir))
        # "the opening scene" is no scene number the grammar reads: the model is asked.
        result = await turn(a, "could the opening scene happen on the final day instead")
    assert result.request and result.request["kind"] == "what_if"
    assert result.version == 2
    assert {"scene": "1", "from_day": 1, "to_day": 3} in result.facts["diff"]["moved"]


async def test_an_export_writes_a_file(tmp_path: Path, screenplays_dir: Path) -> None:
    async with assistant(tmp_path, ModelSet()) as a:
        result = await turn(a, "export the schedule as csv", upload(screenplays_dir))
    assert result.artifacts and result.artifacts[0]["format"] == "csv"
    text = Path(result.artifacts[0]["path"]).read_text()
    assert text.splitlines()[0].startswith("day,date,scenes")
    assert Path(result.artifacts[0]["path"]).is_relative_to(tmp_path)


@pytest.mark.postgres
async def test_memory_on_postgres_survives_a_restart_and_deleting_forgets(
    tmp_path: Path, screenplays_dir: Path, postgres_db_url: str
) -> None:
    options = {"database_url": postgres_db_url}
    async with assistant(tmp_path, ModelSet(), **options) as a:
        first = await turn(a, "", upload(screenplays_dir))
        await turn(a, "pin scene 1 to day 3")
    assert first.version == 1
    async with assistant(tmp_path, ModelSet(), **options) as again:
        compared = await turn(again, "what changed?")
        assert compared.facts["compared"] == [1, 2]
        assert not (tmp_path / "greenlight.db").exists()
        await delete_thread(again, "t1")
        state = await again.graph.aget_state({"configurable": {"thread_id": "t1"}})
        assert state.values == {}
        assert await again.context.plans.versions("t1") == []


async def test_deleting_a_thread_forgets_it_on_sqlite(
    tmp_path: Path, screenplays_dir: Path
) -> None:
    async with assistant(tmp_path, ModelSet()) as a:
        await turn(a, "", upload(screenplays_dir))
        await run_turn(a, thread_id="keep", text="", uploads=upload(screenplays_dir))
        await delete_thread(a, "t1")
        gone = await a.graph.aget_state({"configurable": {"thread_id": "t1"}})
        kept = await a.graph.aget_state({"configurable": {"thread_id": "keep"}})
        assert gone.values == {} and kept.values["version"] == 1
        assert await a.context.plans.versions("t1") == []
