"""LangGraph's SQLite saver, rolling back a write that failed.

The stock saver commits after each write but never rolls back: a write refused because
another connection held the lock past the busy timeout leaves its transaction open on the
one shared connection, with a stale snapshot, so every later write in every session fails
at once with "database is locked" until the process restarts (tests/test_faults.py).
"""

from __future__ import annotations

from typing import Any

from langgraph.checkpoint.sqlite.aio import AsyncSqliteSaver

__all__ = ["RollbackSqliteSaver"]


class RollbackSqliteSaver(AsyncSqliteSaver):
    """An AsyncSqliteSaver whose failed writes leave no transaction open."""

    async def _rollback(self) -> None:
        # Under the saver's lock, so another session's write in progress is not rolled back.
        async with self.lock:
            if self.conn.in_transaction:
                await self.conn.rollback()

    async def aput(self, *args: Any, **kwargs: Any) -> Any:
        """Save a checkpoint; on failure, roll back and raise."""
        try:
            return await super().aput(*args, **kwargs)
        except BaseException:
            await self._rollback()
            raise

    async def aput_writes(self, *args: Any, **kwargs: Any) -> None:
        """Save a task's pending writes; on failure, roll back and raise."""
        try:
            await super().aput_writes(*args, **kwargs)
        except BaseException:
            await self._rollback()
            raise
