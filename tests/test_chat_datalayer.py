"""Thread titles: the script's title survives Chainlit's automatic naming."""

from __future__ import annotations

import asyncio
import uuid
from pathlib import Path

import pytest
from chainlit.context import init_http_context
from chainlit.user import User

from greenlight.chat.datalayer import GreenlightDataLayer
from store import users
from store.chat_schema import create_chat_tables
from store.storage import LocalStorageClient
from tests.chat_history import session_history


async def test_titles(tmp_path: Path) -> None:
    layer = GreenlightDataLayer(
        f"sqlite+aiosqlite:///{tmp_path / 'c.db'}", storage=LocalStorageClient(tmp_path / "files")
    )
    try:
        await create_chat_tables(layer.engine)
        # The data layer creates only users who have a password.
        await users.create_user(layer.engine, "maya", "maya-password")
        user = await layer.create_user(User(identifier="maya"))
        assert user is not None
        init_http_context(user=user)

        async def name_of(thread_id: str) -> str | None:
            thread = await layer.get_thread(thread_id)
            assert thread is not None
            return thread["name"]

        late = str(uuid.uuid4())
        await layer.update_thread(late, name="BIG FISH")  # the turn names it first
        await layer.update_thread(late, name="here is my script", user_id=user.id)  # auto-name
        assert await name_of(late) == "BIG FISH"
        await layer.update_thread(late, name="Big Fish, 2nd draft")  # a rename by the user
        assert await name_of(late) == "Big Fish, 2nd draft"

        early = str(uuid.uuid4())
        await layer.update_thread(early, name="", user_id=user.id)  # file-only first message
        assert await name_of(early) is None
        await layer.update_thread(early, name="hello", user_id=user.id)
        assert await name_of(early) == "hello"
        await layer.update_thread(early, name="RADIO STUDIO")
        assert await name_of(early) == "RADIO STUDIO"
    finally:
        await layer.engine.dispose()


async def test_a_steps_update_is_not_blanked_by_its_late_creation(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Chainlit writes a step's creation and its update as two tasks, each an upsert of the
    whole row. When the creation is slow (a loaded server) the update must still win."""
    async with session_history(tmp_path) as (layer, thread):
        real = layer.update_thread
        calls = {"n": 0}

        async def slow_first(thread_id: str, **kwargs: object) -> None:
            calls["n"] += 1
            if calls["n"] == 1:
                await asyncio.sleep(0.3)  # the creation's first write is slow
            await real(thread_id, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(layer, "update_thread", slow_first)
        step = {
            "id": str(uuid.uuid4()), "threadId": thread, "type": "tool", "name": "read",
            "streaming": False,
        }  # fmt: skip
        created = asyncio.create_task(layer.create_step({**step, "output": ""}))  # type: ignore[typeddict-item]
        updated = asyncio.create_task(layer.update_step({**step, "output": "Read pixel"}))  # type: ignore[typeddict-item]
        await asyncio.gather(created, updated)
        saved = await layer.get_step(step["id"])
        assert saved is not None and saved["output"] == "Read pixel"
        assert layer._step_locks == {}  # nothing kept once the writes are done
