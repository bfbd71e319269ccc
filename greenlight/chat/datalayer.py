"""Chainlit's SQLAlchemy data layer on Greenlight's database, with the local storage client.

One URL for everything: an SQLite file by default (with a busy timeout, as several writers
share it), PostgreSQL through asyncpg by URL. Deleting a thread also deletes its files (the
base class does that through the storage client) and then runs the registered hooks, so the
planner can drop its graph memory for that thread.

Chainlit writes whatever step a client's `client_message` names (an upsert by the step id
the browser chose), so a step is written only into the current session's thread, only when
that thread is the current user's, and never over a step of another thread. Users are
created only for names that have a password (`credentials`): a sign-in token alone never
brings a deleted user back.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Iterable

from chainlit.context import ChainlitContextException, context
from chainlit.data.sql_alchemy import SQLAlchemyDataLayer
from chainlit.logger import logger
from chainlit.session import BaseSession
from chainlit.step import StepDict
from chainlit.types import Feedback
from chainlit.user import PersistedUser, User

from store.chat_schema import dialect_of
from store.db import normalize_url
from store.storage import LocalStorageClient

__all__ = ["GreenlightDataLayer", "ThreadHook"]

ThreadHook = Callable[[str], Awaitable[None]]
#: Seconds an SQLite writer waits for a lock before failing.
SQLITE_BUSY_TIMEOUT_S = 5.0


def _session() -> BaseSession | None:
    """The Chainlit session this call runs for; None for server code outside any session."""
    try:
        return context.session
    except ChainlitContextException:
        return None


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
        self._step_locks: dict[str, tuple[asyncio.Lock, int]] = {}
        """Per step being written: its lock and how many writes hold or wait for it."""

    async def _rows(self, query: str, params: dict) -> list[dict]:
        rows = await self.execute_sql(query, params)
        return rows if isinstance(rows, list) else []

    async def create_user(self, user: User) -> PersistedUser | None:
        """Save a signed-in user; None (and no row) for a name without a password."""
        known = await self._rows(
            'SELECT 1 AS known FROM credentials WHERE "identifier" = :i', {"i": user.identifier}
        )
        if not known:
            logger.warning("refused to create user %r: no such password user", user.identifier)
            return None
        return await super().create_user(user)

    async def _may_write_step(self, step: StepDict) -> bool:
        thread_id, session = str(step.get("threadId") or ""), _session()
        if session is not None and thread_id != session.thread_id:
            return False
        rows = await self._rows(
            'SELECT (SELECT "threadId" FROM steps WHERE "id" = :s) AS step_thread, '
            '(SELECT "userIdentifier" FROM threads WHERE "id" = :t) AS owner',
            {"s": str(step.get("id")), "t": thread_id},
        )
        found = rows[0] if rows else {}
        if found.get("step_thread") not in (None, thread_id):
            return False
        owner = found.get("owner")
        if owner is None or session is None:
            return True
        return owner == getattr(session.user, "identifier", None)

    async def create_step(self, step_dict: StepDict) -> None:
        """Save a step of the current session's own thread; refuse (and log) anything else.

        Chainlit writes a step's creation and its updates as separate tasks, each an upsert
        of the whole row; on a loaded server the creation (empty output) could land after the
        update that carries the output and blank it. Writes of one step are taken in the order
        their tasks start (an uncontended lock is taken without yielding)."""
        step_id = str(step_dict.get("id"))
        lock, users = self._step_locks.get(step_id, (asyncio.Lock(), 0))
        self._step_locks[step_id] = (lock, users + 1)
        try:
            async with lock:
                await self._write_step(step_dict)
        finally:
            lock, users = self._step_locks[step_id]
            if users == 1:
                del self._step_locks[step_id]
            else:
                self._step_locks[step_id] = (lock, users - 1)

    async def _write_step(self, step_dict: StepDict) -> None:
        if not await self._may_write_step(step_dict):
            logger.warning(
                "refused to write step %s into thread %s",
                step_dict.get("id"),
                step_dict.get("threadId"),
            )
            return
        await super().create_step(step_dict)

    async def delete_step(self, step_id: str) -> None:
        """Delete a step of the current session's thread only."""
        session = _session()
        if session is not None:
            rows = await self._rows('SELECT "threadId" FROM steps WHERE "id" = :s', {"s": step_id})
            if not rows or rows[0].get("threadId") != session.thread_id:
                logger.warning("refused to delete step %s", step_id)
                return
        await super().delete_step(step_id)

    async def step_thread_of(self, step_id: str, identifier: str) -> str | None:
        """The thread of a step when that thread is `identifier`'s, else None."""
        rows = await self._rows(
            'SELECT s."threadId" AS thread FROM steps s JOIN threads t ON s."threadId" = t."id" '
            'WHERE s."id" = :s AND t."userIdentifier" = :u',
            {"s": step_id, "u": identifier},
        )
        return str(rows[0]["thread"]) if rows else None

    async def feedback_step_of(self, feedback_id: str, identifier: str) -> str | None:
        """The step a feedback is on when it is in a thread of `identifier`'s, else None."""
        rows = await self._rows(
            'SELECT f."forId" AS step FROM feedbacks f JOIN threads t ON f."threadId" = t."id" '
            'WHERE f."id" = :f AND t."userIdentifier" = :u',
            {"f": feedback_id, "u": identifier},
        )
        return str(rows[0]["step"]) if rows else None

    async def save_feedback(self, feedback: Feedback, identifier: str) -> str | None:
        """Write feedback on a step of one of the user's threads; None when it is not theirs.

        The thread comes from the step, never from the request; an existing feedback id must
        be the user's and on the same step.
        """
        thread_id = await self.step_thread_of(feedback.forId, identifier)
        if thread_id is None:
            return None
        taken = feedback.id and await self._rows(
            'SELECT 1 AS taken FROM feedbacks WHERE "id" = :f', {"f": feedback.id}
        )
        if taken and await self.feedback_step_of(str(feedback.id), identifier) != feedback.forId:
            return None
        feedback.threadId = thread_id
        return await self.upsert_feedback(feedback)

    async def remove_feedback(self, feedback_id: str, identifier: str) -> bool:
        """Delete a feedback of the user's own threads; False when it is not theirs."""
        if await self.feedback_step_of(feedback_id, identifier) is None:
            return False
        return await self.delete_feedback(feedback_id)

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
