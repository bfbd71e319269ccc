"""Insights through the graph: refreshed when a thread's plan changes and only then."""

from __future__ import annotations

from pathlib import Path

from graph.providers import ModelSet
from graph.session import open_assistant, run_turn
from greenlight.settings import Settings
from tests.test_graph import SCRIPT


def _settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path, solver_time_limit_s=2.0, _env_file=None)  # type: ignore[call-arg]


async def test_insights_recompute_when_the_plan_changes_and_only_then(
    tmp_path: Path, screenplays_dir: Path
) -> None:
    upload = [{"name": SCRIPT, "path": str(screenplays_dir / SCRIPT)}]
    async with open_assistant(_settings(tmp_path), models=ModelSet()) as a:
        insights = a.context.insights
        assert insights is not None

        first = await run_turn(a, thread_id="t1", text="", uploads=upload, user_id="ann")
        assert first.version == 1 and insights.recomputed == 1
        assert first.facts["insights"][0].startswith("First planned project")
        assert first.facts["insights"][0] in first.answer

        shown = await run_turn(a, thread_id="t1", text="show the schedule", user_id="ann")
        assert insights.recomputed == 1 and "insights" not in shown.facts

        again = await run_turn(a, thread_id="t1", text="plan it", user_id="ann")
        assert insights.recomputed == 1 and again.version == 1

        longer = await run_turn(a, thread_id="t1", text="shoot it in 4 days", user_id="ann")
        assert longer.version == 2 and insights.recomputed == 2
        figures = await insights.figures("ann", "t1")
        assert figures is not None and figures.days == 4

        back = await run_turn(a, thread_id="t1", text="go back to version 1", user_id="ann")
        assert back.version == 1 and insights.recomputed == 3
        figures = await insights.figures("ann", "t1")
        assert figures is not None and figures.days != 4

        other = await run_turn(a, thread_id="t2", text="", uploads=upload, user_id="ann")
        line = other.facts["insights"][0]
        assert not line.startswith("First planned project") and line in other.answer
        assert (await insights.totals("ann")).projects == 2
        assert (await insights.totals("bob")).projects == 0


async def test_the_cli_user_is_local_by_default(tmp_path: Path, screenplays_dir: Path) -> None:
    upload = [{"name": SCRIPT, "path": str(screenplays_dir / SCRIPT)}]
    async with open_assistant(_settings(tmp_path), models=ModelSet()) as a:
        await run_turn(a, thread_id="cli", text="", uploads=upload)
        assert a.context.insights is not None
        assert await a.context.insights.figures("local", "cli") is not None


async def test_the_chat_passes_its_user_names_the_current_version_and_lists_sessions(
    tmp_path: Path, screenplays_dir: Path
) -> None:
    from sqlalchemy import text

    from greenlight.chat.outputs import Table
    from greenlight.chat.turn import run_turn as chat_turn
    from store.chat_schema import create_chat_tables
    from tests.test_chat_turn import SMALL, Recorder, attach, host, turn

    async with host(tmp_path) as a:
        assert a.engine is not None and a.context.insights is not None
        rec = Recorder()
        await chat_turn(
            turn(files=attach(screenplays_dir, SMALL), data_dir=tmp_path), rec, assistant=a
        )
        assert rec.messages[-1][0].endswith("Current plan: version 1")
        assert await a.context.insights.figures("maya", "t1") is not None

        await create_chat_tables(a.engine)
        async with a.engine.begin() as conn:
            await conn.execute(
                text('INSERT INTO threads ("id", "name", "userIdentifier") VALUES (:i, :n, :u)'),
                [{"i": "t1", "n": "Radio", "u": "maya"}, {"i": "x", "n": "Other", "u": "bo"}],
            )
        listed = Recorder()
        await chat_turn(turn("show my sessions", data_dir=tmp_path), listed, assistant=a)
        ((said, items),) = listed.messages
        assert said.startswith("You have 1 saved session") and "/review" in said
        table = items[0]
        assert isinstance(table, Table) and list(table.frame["Link"]) == ["/thread/t1"]
        assert table.frame.iloc[0]["Current"] == "v1" and table.frame.iloc[0]["Versions"] == 1
