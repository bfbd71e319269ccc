"""The async SQLAlchemy engine for Greenlight's own tables, from one database URL.

SQLite (the default) gets WAL and a busy timeout so a second writer waits instead of failing;
PostgreSQL goes through asyncpg. `checkpoint_conninfo` gives the same database to LangGraph's
Postgres saver, which speaks psycopg rather than SQLAlchemy.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from store.models import Base

__all__ = ["create_tables", "is_postgres", "make_engine", "normalize_url", "sqlite_path"]

BUSY_TIMEOUT_MS = 5000


def normalize_url(url: str) -> str:
    """The URL with an async driver: `sqlite+aiosqlite` or `postgresql+asyncpg`."""
    parsed = make_url(url)
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        return str(parsed.set(drivername="sqlite+aiosqlite"))
    if backend == "postgresql":
        return parsed.set(drivername="postgresql+asyncpg").render_as_string(hide_password=False)
    raise ValueError(f"unsupported database URL {parsed.drivername!r}: use sqlite or postgresql")


def is_postgres(url: str) -> bool:
    """True when the URL names a PostgreSQL database."""
    return make_url(url).get_backend_name() == "postgresql"


def sqlite_path(url: str) -> Path | None:
    """The SQLite file a URL points at, or None for PostgreSQL or an in-memory database."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return None
    if parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def _set_sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # WAL with synchronous=NORMAL survives an application crash; only a power loss can drop
    # the last commits, and it saves an fsync per commit (a few ms on every chat turn).
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def make_engine(url: str, *, echo: bool = False) -> AsyncEngine:
    """An async engine for the URL; creates the SQLite file's folder when needed."""
    async_url = normalize_url(url)
    if is_postgres(async_url):
        return create_async_engine(async_url, echo=echo, pool_pre_ping=True)
    path = sqlite_path(async_url)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
    engine = create_async_engine(
        async_url, echo=echo, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000}
    )
    event.listen(engine.sync_engine, "connect", _set_sqlite_pragmas)
    return engine


async def create_tables(engine: AsyncEngine) -> None:
    """Create Greenlight's tables if they do not exist (idempotent)."""
    async with engine.begin() as conn:
        await conn.run_sync(Base.metadata.create_all)
