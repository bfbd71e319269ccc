"""The LangGraph checkpointer for a database URL: SQLite by default, Postgres by URL.

One saver per process (SQLite under concurrent writers needs that), opened as an async
context manager. The SQLite connection gets WAL and a busy timeout like the store's engine.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager

from langgraph.checkpoint.base import BaseCheckpointSaver
from sqlalchemy.engine import make_url

from store.db import BUSY_TIMEOUT_MS, is_postgres, sqlite_path

__all__ = ["open_checkpointer", "postgres_conninfo"]

PG_POOL_SIZE = 10
PG_CONNECT_TIMEOUT_S = 10.0
"""How long a checkpoint read or write waits for a connection before the turn fails."""


def postgres_conninfo(url: str) -> str:
    """A psycopg connection string for an SQLAlchemy PostgreSQL URL (driver removed)."""
    parsed = make_url(url).set(drivername="postgresql")
    return parsed.render_as_string(hide_password=False)


@asynccontextmanager
async def _postgres(url: str) -> AsyncIterator[BaseCheckpointSaver[str]]:
    from langgraph.checkpoint.postgres.aio import AsyncPostgresSaver
    from psycopg.rows import dict_row
    from psycopg_pool import AsyncConnectionPool

    # A pool that checks each connection before lending it: a single connection would stay
    # dead after the server restarts, failing every later turn until the app restarts.
    async with AsyncConnectionPool(
        postgres_conninfo(url),
        min_size=1,
        max_size=PG_POOL_SIZE,
        kwargs={"autocommit": True, "prepare_threshold": 0, "row_factory": dict_row},
        check=AsyncConnectionPool.check_connection,
        timeout=PG_CONNECT_TIMEOUT_S,
        open=False,
    ) as pool:
        saver = AsyncPostgresSaver(conn=pool)  # type: ignore[arg-type]
        await saver.setup()
        yield saver


@asynccontextmanager
async def _sqlite(url: str) -> AsyncIterator[BaseCheckpointSaver[str]]:
    import aiosqlite

    from graph.sqlite_saver import RollbackSqliteSaver

    path = sqlite_path(url)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
    conn = await aiosqlite.connect(str(path) if path else ":memory:")
    try:
        await conn.execute("PRAGMA journal_mode=WAL")
        await conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        await conn.execute("PRAGMA synchronous=NORMAL")
        saver = RollbackSqliteSaver(conn)
        await saver.setup()
        yield saver
    finally:
        await conn.close()


def open_checkpointer(url: str) -> AbstractAsyncContextManager[BaseCheckpointSaver[str]]:
    """A ready saver (tables created) for the URL, closed on exit: `async with` it."""
    return _postgres(url) if is_postgres(url) else _sqlite(url)
