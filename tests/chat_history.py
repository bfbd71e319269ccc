"""A real SQLite chat history with one password user whose new thread is the current session's."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from chainlit.context import init_http_context
from chainlit.user import User

from greenlight.chat.datalayer import GreenlightDataLayer
from store import users
from store.chat_schema import create_chat_tables
from store.storage import LocalStorageClient


@asynccontextmanager
async def session_history(tmp_path: Path) -> AsyncIterator[tuple[GreenlightDataLayer, str]]:
    """(the data layer, the thread id): user "maya" signed in, the thread hers and current."""
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
        thread = str(uuid.uuid4())
        await layer.update_thread(thread, name="T", user_id=user.id)
        init_http_context(thread_id=thread, user=user)  # the session's own thread
        yield layer, thread
    finally:
        await layer.engine.dispose()
