"""Thread titles: the script's title survives Chainlit's automatic naming."""

from __future__ import annotations

import uuid
from pathlib import Path

from chainlit.context import init_http_context
from chainlit.user import User

from greenlight.chat.datalayer import GreenlightDataLayer
from store import users
from store.chat_schema import create_chat_tables
from store.storage import LocalStorageClient


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
