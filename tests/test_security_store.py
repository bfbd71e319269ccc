"""Token versions and sign-in failure counts in the database, on SQLite and PostgreSQL.

`database_url` runs each test on both engines: the counts are shared by every instance on
one database, so the upsert that counts a failure must work on both.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from store import logins, users
from store.chat_schema import create_chat_tables
from store.db import make_engine

POLICY = logins.LoginPolicy(free_user_failures=2, first_lock_s=1.0, max_lock_s=4.0)


@pytest.fixture
async def engine(database_url: str) -> AsyncIterator[AsyncEngine]:
    engine = make_engine(database_url)
    await create_chat_tables(engine)
    yield engine
    await engine.dispose()


async def test_failures_lock_with_backoff_and_a_success_clears(engine: AsyncEngine) -> None:
    key, now = logins.user_key("Maya"), 1_000.0
    for count in (1, 2):
        assert await logins.record_failure(engine, key, free=2, policy=POLICY, now=now) == count
        assert await logins.locked_for(engine, [key], now=now) == 0
    locks = []
    for _ in range(4):
        await logins.record_failure(engine, key, free=2, policy=POLICY, now=now)
        locks.append(await logins.locked_for(engine, [key, "addr:x"], now=now))
    assert locks == [1.0, 2.0, 4.0, 4.0]  # doubling, capped
    assert await logins.locked_for(engine, [key], now=now + 5) == 0
    later = now + POLICY.forget_after_s + 1  # a quiet hour: counting starts again
    assert await logins.record_failure(engine, key, free=2, policy=POLICY, now=later) == 1
    await logins.clear(engine, key)
    assert await logins.locked_for(engine, [key], now=later) == 0


async def test_token_versions_change_on_password_and_revocation(engine: AsyncEngine) -> None:
    await users.create_user(engine, "maya", "first-password")
    first = await users.token_version(engine, "maya")
    assert first is not None
    await users.set_password(engine, "maya", "second-password")
    second = await users.token_version(engine, "maya")
    assert await users.revoke_tokens(engine, "maya")
    third = await users.token_version(engine, "maya")
    assert len({first, second, third}) == 3
    await users.delete_user(engine, "maya")
    assert await users.token_version(engine, "maya") is None
    assert not await users.revoke_tokens(engine, "maya")


async def test_an_old_credentials_table_gets_the_token_version(engine: AsyncEngine) -> None:
    async with engine.begin() as conn:
        await conn.execute(text("DROP TABLE credentials"))
        await conn.execute(
            text(
                'CREATE TABLE credentials ("identifier" TEXT PRIMARY KEY, "salt" TEXT NOT NULL, '
                '"hash" TEXT NOT NULL, "params" TEXT NOT NULL, "createdAt" TEXT NOT NULL, '
                '"updatedAt" TEXT NOT NULL)'
            )
        )
        await conn.execute(
            text("INSERT INTO credentials VALUES ('old', 's', 'h', 'scrypt:2:1:1', 'c', 'u')")
        )
    await create_chat_tables(engine)
    assert await users.token_version(engine, "old") == 0
