"""A feature upload through the graph and the chat turn, planned in a real solve-job child:
the improving boards stream out of the planning node while it runs (custom stream events),
and the chat shows them in the Schedule step before the final answer, with the tools' figures.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from graph.providers import ModelSet
from graph.session import open_assistant, run_turn
from greenlight.chat.assistant import AssistantHost
from greenlight.chat.boards import board_line
from greenlight.chat.preferences import Preferences
from greenlight.chat.turn import Attachment, TurnInput
from greenlight.chat.turn import run_turn as chat_turn
from greenlight.settings import Settings
from jobs import JobPlanner, LocalRunner
from tests.test_chat_turn import Recorder
from tests.test_jobs_progress import feature_fountain
from tools.budget import format_money

SOLVE_S = 4.0


def _settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path, solver_time_limit_s=SOLVE_S, _env_file=None)  # type: ignore[call-arg]


async def test_boards_stream_out_of_the_planning_node_while_it_runs(tmp_path: Path) -> None:
    runner = LocalRunner(cache_dir=tmp_path / "cache", timeout_s=120.0, memory_mb=2048)
    events: list[tuple[str, Any]] = []

    def node(name: str, update: dict[str, Any] | None) -> None:
        events.append(("start" if update is None else "end", name))

    def board(record: dict[str, Any]) -> None:
        events.append(("board", record))

    upload = [{"name": "feature.fountain", "data": feature_fountain()}]
    planner = JobPlanner(runner)
    async with open_assistant(_settings(tmp_path), models=ModelSet(), planner=planner) as a:
        result = await run_turn(
            a, thread_id="t1", text="", uploads=upload, on_node=node, on_board=board
        )
    names = [e[1] if e[0] != "board" else "board" for e in events]
    start, end = names.index("plan_script"), len(names) - 1 - names[::-1].index("plan_script")
    boards = [e[1] for e in events if e[0] == "board"]
    assert boards, "no board streamed"
    assert all(start < i < end for i, n in enumerate(names) if n == "board")
    assert boards[0]["number"] == 1 and boards[0]["method"] == "lns"
    assert result.plan is not None and result.version == 1
    assert len(result.plan["schedule"]["days"]) == boards[-1]["days"] or (
        result.plan["schedule"]["method"] == "sorted-board"
    )


async def test_the_chat_shows_each_board_in_the_schedule_step(tmp_path: Path) -> None:
    settings = _settings(tmp_path)
    host = AssistantHost(settings, models=ModelSet())
    rec = Recorder()
    turn = TurnInput(
        thread_id="t1",
        user_id="maya",
        text="",
        preferences=Preferences(),
        settings=settings,
        attachments=(Attachment("feature.fountain", feature_fountain()),),
    )
    try:
        assistant = await host.start()
        await chat_turn(turn, rec, assistant=assistant)
    finally:
        await host.close()
    step = rec.named("Schedule")
    assert step.shown, "the Schedule step showed no board while it ran"
    first = step.shown[0].splitlines()[0]
    match = re.match(
        r"Board 1: (\d+) days, likely (USD [\d,]+) \(flat crew\), (gap \d+% to the bound)", first
    )
    assert match, first
    assert all(line.startswith("Board ") for line in (s.splitlines()[0] for s in step.shown))
    assert re.search(r"\d+ improving boards while solving: the first after", step.output)
    (answer, _) = rec.messages[-1]
    assert "Answered by" in answer  # the final answer came after the boards


def test_a_board_in_words_uses_only_the_record() -> None:
    board = {"number": 3, "days": 41, "likely": 1234567.4, "currency": "EUR", "gap": 0.314}
    line = board_line({**board, "seconds": 2.25})
    assert line == (
        f"Board 3: 41 days, likely {format_money(1234567.4, 'EUR')} (flat crew), gap 31% to the "
        "bound (2.2 s)"
    )
    assert "proven optimal" in board_line({**board, "gap": 0.0})
    assert "no bound yet" in board_line({**board, "gap": None})
