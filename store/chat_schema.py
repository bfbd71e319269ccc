"""The tables Chainlit's SQLAlchemy data layer reads and writes, owned by this project.

Chainlit creates no tables. Its documented DDL lacks `autoCollapse` (and `modes`) on steps;
the data layer builds each INSERT from every non-empty key of the step it is given, so a
missing column makes the whole INSERT fail, and the error is logged and swallowed: the step
is silently lost. The columns below are the union of the keys Chainlit 2.12 writes
(`Step.to_dict`, `Message.to_dict`, `Element.to_dict`, `Feedback`) and reads back.

Identifiers are TEXT on both engines: Chainlit passes ids as strings and compares them with
string literals, so TEXT keeps one behaviour on SQLite and PostgreSQL. `credentials` is the
project's own table of password hashes and token versions (see `store.users`), kept apart
from `users` because Chainlit sends a user's metadata to the browser; `login_failures`
counts failed sign-ins per user and per address (see `store.logins`), shared by every app
instance on the database.
"""

from __future__ import annotations

from typing import Literal

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

__all__ = ["TABLES", "create_chat_tables", "dialect_of", "statements"]

Dialect = Literal["sqlite", "postgresql"]

#: Tables in creation order (children after parents).
TABLES: tuple[str, ...] = (
    "users",
    "credentials",
    "login_failures",
    "threads",
    "steps",
    "elements",
    "feedbacks",
)

# {json} and {array} are filled per dialect: JSONB and TEXT[] on PostgreSQL, TEXT on SQLite.
_DDL: tuple[str, ...] = (
    """CREATE TABLE IF NOT EXISTS users (
        "id" TEXT PRIMARY KEY,
        "identifier" TEXT NOT NULL UNIQUE,
        "metadata" {json} NOT NULL,
        "createdAt" TEXT
    )""",
    """CREATE TABLE IF NOT EXISTS credentials (
        "identifier" TEXT PRIMARY KEY,
        "salt" TEXT NOT NULL,
        "hash" TEXT NOT NULL,
        "params" TEXT NOT NULL,
        "tokenVersion" INTEGER NOT NULL DEFAULT 0,
        "createdAt" TEXT NOT NULL,
        "updatedAt" TEXT NOT NULL
    )""",
    """CREATE TABLE IF NOT EXISTS login_failures (
        "key" TEXT PRIMARY KEY,
        "failures" INTEGER NOT NULL,
        "lockedUntil" BIGINT NOT NULL,
        "updatedAt" BIGINT NOT NULL
    )""",
    """CREATE TABLE IF NOT EXISTS threads (
        "id" TEXT PRIMARY KEY,
        "createdAt" TEXT,
        "name" TEXT,
        "userId" TEXT,
        "userIdentifier" TEXT,
        "tags" {array},
        "metadata" {json},
        FOREIGN KEY ("userId") REFERENCES users("id") ON DELETE CASCADE
    )""",
    """CREATE TABLE IF NOT EXISTS steps (
        "id" TEXT PRIMARY KEY,
        "name" TEXT NOT NULL,
        "type" TEXT NOT NULL,
        "threadId" TEXT NOT NULL,
        "parentId" TEXT,
        "command" TEXT,
        "modes" {json},
        "streaming" BOOLEAN NOT NULL,
        "waitForAnswer" BOOLEAN,
        "isError" BOOLEAN,
        "metadata" {json},
        "tags" {array},
        "input" TEXT,
        "output" TEXT,
        "createdAt" TEXT,
        "start" TEXT,
        "end" TEXT,
        "generation" {json},
        "showInput" TEXT,
        "defaultOpen" BOOLEAN,
        "autoCollapse" BOOLEAN,
        "language" TEXT,
        "icon" TEXT,
        "indent" INT,
        FOREIGN KEY ("threadId") REFERENCES threads("id") ON DELETE CASCADE
    )""",
    """CREATE TABLE IF NOT EXISTS elements (
        "id" TEXT PRIMARY KEY,
        "threadId" TEXT,
        "type" TEXT,
        "url" TEXT,
        "chainlitKey" TEXT,
        "name" TEXT NOT NULL,
        "display" TEXT,
        "objectKey" TEXT,
        "size" TEXT,
        "page" INT,
        "language" TEXT,
        "autoPlay" BOOLEAN,
        "playerConfig" {json},
        "forId" TEXT,
        "mime" TEXT,
        "props" {json},
        FOREIGN KEY ("threadId") REFERENCES threads("id") ON DELETE CASCADE
    )""",
    """CREATE TABLE IF NOT EXISTS feedbacks (
        "id" TEXT PRIMARY KEY,
        "forId" TEXT NOT NULL,
        "threadId" TEXT NOT NULL,
        "value" INT NOT NULL,
        "comment" TEXT,
        FOREIGN KEY ("threadId") REFERENCES threads("id") ON DELETE CASCADE
    )""",
    'CREATE INDEX IF NOT EXISTS threads_user_idx ON threads ("userId")',
    'CREATE INDEX IF NOT EXISTS steps_thread_idx ON steps ("threadId")',
    'CREATE INDEX IF NOT EXISTS elements_thread_idx ON elements ("threadId")',
    'CREATE INDEX IF NOT EXISTS feedbacks_for_idx ON feedbacks ("forId")',
)

_TYPES: dict[Dialect, dict[str, str]] = {
    "sqlite": {"json": "TEXT", "array": "TEXT"},
    "postgresql": {"json": "JSONB", "array": "TEXT[]"},
}


def dialect_of(url: str) -> Dialect:
    """`sqlite` or `postgresql` for an SQLAlchemy URL; ValueError names any other."""
    scheme = url.split(":", 1)[0].split("+", 1)[0].lower()
    if scheme == "sqlite":
        return "sqlite"
    if scheme in ("postgresql", "postgres"):
        return "postgresql"
    raise ValueError(f"unsupported database URL scheme {scheme!r}: use sqlite or postgresql")


def statements(dialect: Dialect) -> list[str]:
    """The DDL statements for one dialect, in order; each is idempotent."""
    if dialect not in _TYPES:
        raise ValueError(f"unknown dialect {dialect!r}")
    return [ddl.format(**_TYPES[dialect]) for ddl in _DDL]


#: Columns added after a table's first release: (table, column, definition).
_ADDED_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("credentials", "tokenVersion", "INTEGER NOT NULL DEFAULT 0"),
)


async def _add_missing_columns(conn: AsyncConnection, dialect: Dialect) -> None:
    for table, column, definition in _ADDED_COLUMNS:
        if dialect == "postgresql":
            await conn.execute(
                text(f'ALTER TABLE {table} ADD COLUMN IF NOT EXISTS "{column}" {definition}')
            )
            continue
        present = {row[1] for row in await conn.execute(text(f"PRAGMA table_info({table})"))}
        if column not in present:
            await conn.execute(text(f'ALTER TABLE {table} ADD COLUMN "{column}" {definition}'))


async def create_chat_tables(engine: AsyncEngine) -> None:
    """Create every chat table and index that does not exist yet, and add columns that
    databases made by earlier releases lack (safe to call again)."""
    dialect = dialect_of(engine.url.drivername)
    async with engine.begin() as conn:
        for ddl in statements(dialect):
            await conn.execute(text(ddl))
        await _add_missing_columns(conn, dialect)
