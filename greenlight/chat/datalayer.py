"""Chainlit's SQLAlchemy data layer on Greenlight's database, with the local storage client.

One URL for everything: an SQLite file by default (with a busy timeout, as several writers
share it), PostgreSQL through asyncpg by URL. Deleting a thread also deletes its files (the
base class does that through the storage client) and then runs the registered hooks, so the
planner can drop its graph memory for that thread.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable

from chainlit.data.sql_alchemy import SQLAlchemyDataLayer
from chainlit.logger import logger

from store.chat_schema import dialect_of
from store.db import normalize_url
from store.storage import LocalStorageClient

__all__ = ["GreenlightDataLayer", "ThreadHook"]

ThreadHook = Callable[[str], Awaitable[None]]
#: Seconds an SQLite writer waits for a lock before failing.
SQLITE_BUSY_TIMEOUT_S = 5.0


class GreenlightDataLayer(SQLAlchemyDataLayer):
    """The chat history store: threads, steps, elements, feedback, files."""

    def __init__(
        self,
        url: str,
        *,
        storage: LocalStorageClient,
        on_thread_deleted: Iterable[ThreadHook] = (),
    ) -> None:
        async_url = normalize_url(url)
        connect_args = (
            {"timeout": SQLITE_BUSY_TIMEOUT_S} if dialect_of(async_url) == "sqlite" else {}
        )
        super().__init__(conninfo=async_url, connect_args=connect_args, storage_provider=storage)
        self.storage = storage
        self.thread_deleted_hooks: list[ThreadHook] = list(on_thread_deleted)

    async def update_thread(
        self,
        thread_id: str,
        name: str | None = None,
        user_id: str | None = None,
        metadata: dict | None = None,
        tags: list[str] | None = None,
    ) -> None:
        """Save a thread's fields; Chainlit's automatic name never replaces a given title.

        Chainlit names a thread after its first message, from a task that can land after the
        turn has already named it after the script (and a file-only message gives ""). Only
        that call passes `user_id` together with a name, so it is the one that yields.
        """
        if name == "" or (
            name is not None and user_id is not None and await self._named(thread_id)
        ):
            name = None
        await super().update_thread(
            thread_id, name=name, user_id=user_id, metadata=metadata, tags=tags
        )

    async def _named(self, thread_id: str) -> bool:
        rows = await self.execute_sql(
            'SELECT "name" FROM threads WHERE "id" = :id', {"id": thread_id}
        )
        return isinstance(rows, list) and bool(rows) and bool(rows[0].get("name"))

    async def file_owner(self, object_key: str) -> str | None:
        """The identifier of the user whose session holds the stored file, if any."""
        rows = await self.execute_sql(
            'SELECT t."userIdentifier" AS owner FROM elements e JOIN threads t '
            'ON e."threadId" = t."id" WHERE e."objectKey" = :key',
            {"key": object_key},
        )
        owners = {row["owner"] for row in rows} if isinstance(rows, list) else set()
        # One file, one session: anything else is not served.
        return owners.pop() if len(owners) == 1 else None

    async def get_thread_author(self, thread_id: str) -> str:
        """The thread's owner, or "" for an unknown thread (answered 404, not a server error)."""
        try:
            return await super().get_thread_author(thread_id)
        except ValueError:
            return ""

    async def delete_thread(self, thread_id: str) -> None:
        """Delete the thread, its steps, elements and files, then run the hooks."""
        await super().delete_thread(thread_id)
        for hook in self.thread_deleted_hooks:
            try:
                await hook(thread_id)
            except Exception:  # one failing hook must not keep the others from cleaning up
                logger.exception("thread-deleted hook %r failed for %s", hook, thread_id)
