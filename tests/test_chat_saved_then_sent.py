"""An answer is in the session's history before the page shows its end.

Chainlit saves a sent message from a background task; a user who sees the answer end and at
once opens the session from the review page would load the thread without it (seen on a loaded
CI machine). `ChainlitAnswer.finish` awaits the save first."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import chainlit as cl
import pytest

from greenlight.chat import chainlit_output
from greenlight.chat.chainlit_output import ChainlitAnswer, ChainlitOutput
from greenlight.chat.datalayer import GreenlightDataLayer
from tests.chat_history import session_history


@pytest.fixture
async def layer(tmp_path: Path) -> AsyncIterator[GreenlightDataLayer]:
    """A real SQLite history with one user's thread, the current session's."""
    async with session_history(tmp_path) as (layer, _thread):
        yield layer


def _watch_sends(monkeypatch: pytest.MonkeyPatch, layer: GreenlightDataLayer) -> list[Any]:
    """Record what the history holds for each message at the moment it is sent to the page."""
    seen: list[Any] = []
    real = cl.Message.send

    async def send(self: cl.Message) -> cl.Message:
        seen.append(await layer.get_step(self.id))
        return await real(self)

    monkeypatch.setattr(cl.Message, "send", send)
    monkeypatch.setattr(chainlit_output, "get_data_layer", lambda: layer)
    return seen


async def test_the_answer_and_its_footer_are_saved_before_the_page_shows_them(
    layer: GreenlightDataLayer, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = _watch_sends(monkeypatch, layer)
    real_create = layer.create_step

    async def slow_create(step: Any) -> None:
        await asyncio.sleep(0.3)  # a loaded server's write
        await real_create(step)

    monkeypatch.setattr(layer, "create_step", slow_create)
    answer = ChainlitAnswer()
    await answer.token("Re-planned as version 2 (13 days).")
    content = await answer.finish(footer="Current plan: version 2")
    assert content == "Re-planned as version 2 (13 days).\n\nCurrent plan: version 2"
    assert len(seen) == 1 and seen[0] is not None, "the page was sent an unsaved answer"
    assert seen[0]["output"] == content
    assert not seen[0]["streaming"]
    assert answer.message is not None and answer.message.persisted

    await ChainlitOutput(answer.message.thread_id).say("Read script.fdx: 12 scenes.")
    assert len(seen) == 2 and seen[1] is not None
    assert seen[1]["output"] == "Read script.fdx: 12 scenes."


async def test_a_failed_save_still_shows_the_answer(
    layer: GreenlightDataLayer, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = _watch_sends(monkeypatch, layer)

    async def broken(step: Any) -> None:
        raise RuntimeError("database is locked")

    monkeypatch.setattr(layer, "create_step", broken)
    answer = ChainlitAnswer()
    content = await answer.finish(footer="Current plan: version 1")
    assert content == "Current plan: version 1"
    assert seen == [None]  # shown, though not saved
    assert answer.message is not None and not answer.message.persisted  # Chainlit's write retries
