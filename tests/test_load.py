"""Load on the real server: concurrent sessions without errors, and one user's plan never
freezing another's chat (the solver and the readers run off the event loop).

bench/load.py is the full form (50 sessions, SQLite and PostgreSQL, `make bench`).
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.chatdriver import ChatClient, Server
from bench.load import FAKE_REPLY, PASSWORD, QUESTIONS, drive

pytestmark = pytest.mark.slow

BIG = "national-stupidity.fdx"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    running = Server(tmp_path_factory.mktemp("load"), fake_model=FAKE_REPLY)
    running.start()
    try:
        yield running
    finally:
        running.stop()


async def test_five_sessions_of_two_questions_have_no_errors(server: Server) -> None:
    result = await drive(server, sessions=5, questions=QUESTIONS[:2])
    assert result.errors == []
    assert len(result.latencies) == 10 and all(s > 0 for s in result.latencies)
    assert result.rss_peak_mb > 50, "the server's memory was sampled"


async def test_a_long_plan_does_not_hold_up_another_sessions_question(
    server: Server, screenplays_dir: Path
) -> None:
    for name in ("planner", "asker"):
        await asyncio.to_thread(server.add_user, name, PASSWORD)
    planner, asker = (
        ChatClient(server.url, "planner", PASSWORD),
        ChatClient(server.url, "asker", PASSWORD),
    )
    try:
        await asyncio.gather(planner.connect(), asker.connect())
        ref = await planner.upload(BIG, (screenplays_dir / BIG).read_bytes())
        plan = asyncio.create_task(planner.ask("Plan the shoot at 4 pages a day.", files=[ref]))
        for _ in range(3000):  # the script is read: the solver is running now
            if "NATIONAL STUPIDITY" in " ".join(planner.messages()) or plan.done():
                break
            await asyncio.sleep(0.01)
        quick = await asker.ask("How do I start a plan from my screenplay?")
        assert FAKE_REPLY in quick.answer
        assert not plan.done(), "the other session's answer came while the plan still ran"
        planned = await plan
        assert "shoot days" in " ".join(planned.messages)
        assert quick.seconds < planned.seconds / 2
    finally:
        await asyncio.gather(planner.close(), asker.close())
