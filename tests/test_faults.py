"""Faults: a locked database, and the server killed (SIGKILL) in the middle of a plan.

The lock is a real exclusive SQLite lock held from another connection; the kill is a real
SIGKILL of the real server, restarted on the same data directory and driven over its
websocket as the page does (bench/chatdriver.py).
"""

from __future__ import annotations

import asyncio
import signal
import sqlite3
import threading
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError

import graph.checkpoint
import store.db
from bench.chatdriver import ChatClient, Server
from graph.providers import ModelSet, Provider
from graph.session import Assistant, run_turn
from greenlight.chat.assistant import AssistantHost
from greenlight.settings import Settings
from tests.fakes import FakeChatModel

FAKE_REPLY = "Here is what the planning tools found for you."
QUESTION = "How do I start a plan from my screenplay?"
SCRIPT = "national-stupidity.fdx"


@asynccontextmanager
async def opened(data_dir: Path) -> AsyncIterator[Assistant]:
    model = FakeChatModel(replies=["Send your screenplay and I will plan it."])
    host = AssistantHost(
        Settings(data_dir=data_dir, _env_file=None),  # type: ignore[call-arg]
        models=ModelSet(local=Provider("fake", "local", model, "fake-1")),
    )
    try:
        yield await host.start()
    finally:
        await host.close()


@contextmanager
def exclusive_lock(db: Path, seconds: float) -> Iterator[threading.Event]:
    """Hold SQLite's exclusive write lock on `db` from another connection for `seconds`."""
    taken, done = threading.Event(), threading.Event()

    def hold() -> None:
        connection = sqlite3.connect(db, timeout=10, isolation_level=None)
        connection.execute("BEGIN EXCLUSIVE")
        taken.set()
        done.wait(seconds)
        connection.execute("ROLLBACK")
        connection.close()

    holder = threading.Thread(target=hold)
    holder.start()
    assert taken.wait(10), "could not take the lock"
    try:
        yield done
    finally:
        holder.join()


async def messages_of(assistant: Assistant, thread_id: str) -> list[str]:
    config = {"configurable": {"thread_id": thread_id}}
    state = await assistant.graph.aget_state(config)  # type: ignore[arg-type]
    return [str(m.content) for m in state.values.get("messages", [])]


async def test_a_turn_waits_out_a_short_lock_and_succeeds(tmp_path: Path) -> None:
    async with opened(tmp_path) as assistant:
        await run_turn(assistant, thread_id="lock", text="Hello there")
        with exclusive_lock(tmp_path / "greenlight.db", 1.0):
            result = await run_turn(assistant, thread_id="lock", text=QUESTION)
        assert result.answer and result.seconds >= 0.5, "the turn waited for the lock"
        assert len(await messages_of(assistant, "lock")) == 4


async def test_a_lock_past_the_busy_timeout_fails_clearly_and_the_session_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store.db, "BUSY_TIMEOUT_MS", 200)
    monkeypatch.setattr(graph.checkpoint, "BUSY_TIMEOUT_MS", 200)
    async with opened(tmp_path) as assistant:
        await run_turn(assistant, thread_id="lock", text="Hello there")
        with exclusive_lock(tmp_path / "greenlight.db", 30.0) as release:
            with pytest.raises((OperationalError, sqlite3.OperationalError), match="locked"):
                await run_turn(assistant, thread_id="lock", text=QUESTION)
            release.set()
        result = await run_turn(assistant, thread_id="lock", text=QUESTION)
        assert result.answer
        history = await messages_of(assistant, "lock")
        assert history[0] == "Hello there" and history[-2] == QUESTION


async def _kill_during_plan(server: Server, script: bytes) -> tuple[str, str]:
    client = ChatClient(server.url, server.first_user.name, server.first_user.password)
    await client.connect()
    first = (await client.ask(QUESTION)).answer
    assert first.strip()
    ref = await client.upload(SCRIPT, script)
    ask = asyncio.create_task(client.ask("Plan the shoot at 4 pages a day.", files=[ref]))
    for _ in range(3000):  # the script is read, the schedule is being solved: kill now
        if "NATIONAL STUPIDITY" in " ".join(client.messages()) or ask.done():
            break
        await asyncio.sleep(0.01)
    assert not ask.done(), "the plan ended before the kill"
    await asyncio.to_thread(server.stop, signal.SIGKILL)
    ask.cancel()
    await client.close()
    assert client.thread_id
    return client.thread_id, first


async def _resume_and_ask_again(server: Server, thread_id: str, first: str, script: bytes) -> None:
    client = ChatClient(
        server.url, server.first_user.name, server.first_user.password, thread_id=thread_id
    )
    try:
        await client.connect()
        saved = await client.thread(thread_id)
        said = [s["output"] for s in saved["steps"] if s["type"] == "user_message"]
        assert said == [QUESTION, "Plan the shoot at 4 pages a day."]
        answers = [s["output"] for s in saved["steps"] if s["type"] == "assistant_message"]
        assert answers[:1] == [first], "the answer before the kill is kept"
        ref = await client.upload(SCRIPT, script)
        again = await client.ask("Plan the shoot at 4 pages a day.", files=[ref])
        assert "shoot days" in " ".join(again.messages), again.messages
    finally:
        await client.close()


@pytest.mark.slow
async def test_a_server_killed_mid_plan_keeps_the_session_and_answers_again(
    tmp_path: Path, screenplays_dir: Path
) -> None:
    server = await asyncio.to_thread(Server, tmp_path, fake_model=FAKE_REPLY)
    script = (screenplays_dir / SCRIPT).read_bytes()
    try:
        await asyncio.to_thread(server.start)
        thread_id, first = await _kill_during_plan(server, script)
        await asyncio.to_thread(server.start)
        await _resume_and_ask_again(server, thread_id, first, script)
    finally:
        await asyncio.to_thread(server.stop)
