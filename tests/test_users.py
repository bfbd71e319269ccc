"""Password users: hashing, sign-in checks and management, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from store import users
from store.chat_schema import create_chat_tables
from store.db import make_engine


@pytest.fixture
async def engine(tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    eng = make_engine(f"sqlite+aiosqlite:///{tmp_path / 'users.db'}")
    await create_chat_tables(eng)
    yield eng
    await eng.dispose()


def test_hash_uses_a_fresh_salt_and_verifies() -> None:
    salt1, hash1, params = users.hash_password("correct horse")
    salt2, hash2, _ = users.hash_password("correct horse")
    assert salt1 != salt2 and hash1 != hash2
    assert params.startswith("scrypt:")
    assert users.verify_password("correct horse", salt_hex=salt1, hash_hex=hash1, params=params)
    assert not users.verify_password("correct horsE", salt_hex=salt1, hash_hex=hash1, params=params)


def test_same_salt_gives_same_hash() -> None:
    assert (
        users.hash_password("pw-123456", salt_hex="ab" * 16)[1]
        == users.hash_password("pw-123456", salt_hex="ab" * 16)[1]
    )


def test_generated_passwords_are_long_and_distinct() -> None:
    made = {users.generate_password() for _ in range(20)}
    assert len(made) == 20 and min(map(len, made)) >= 16


async def test_create_authenticate_and_change(engine: AsyncEngine) -> None:
    await users.create_user(engine, "maya", "first-password")
    assert await users.authenticate(engine, "maya", "first-password")
    assert not await users.authenticate(engine, "maya", "wrong-password")
    assert not await users.authenticate(engine, "nobody", "first-password")
    await users.set_password(engine, "maya", "second-password")
    assert not await users.authenticate(engine, "maya", "first-password")
    assert await users.authenticate(engine, "maya", "second-password")


async def test_only_the_hash_is_stored(engine: AsyncEngine) -> None:
    await users.create_user(engine, "maya", "plain-text-secret")
    async with engine.connect() as conn:
        row = (await conn.execute(text("SELECT * FROM credentials"))).mappings().one()
    assert "plain-text-secret" not in " ".join(str(v) for v in row.values())


@pytest.mark.parametrize(
    ("name", "password", "message"),
    [
        ("maya", "short", "too short"),
        ("../etc", "long-enough-pw", "not valid"),
        ("", "long-enough-pw", "not valid"),
        ("a b", "long-enough-pw", "not valid"),
        ("x" * 65, "long-enough-pw", "not valid"),
    ],
)
async def test_bad_names_and_passwords_are_refused(
    engine: AsyncEngine, name: str, password: str, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        await users.create_user(engine, name, password)


async def test_duplicates_and_unknown_users(engine: AsyncEngine) -> None:
    await users.create_user(engine, "maya", "first-password")
    with pytest.raises(ValueError, match="already exists"):
        await users.create_user(engine, "maya", "other-password")
    with pytest.raises(ValueError, match="no user"):
        await users.set_password(engine, "ghost", "other-password")
    with pytest.raises(ValueError, match="no user"):
        await users.delete_user(engine, "ghost")


async def test_list_and_delete_with_their_sessions(engine: AsyncEngine) -> None:
    await users.create_user(engine, "zed", "zed-password")
    await users.create_user(engine, "amy", "amy-password")
    assert [u.identifier for u in await users.list_users(engine)] == ["amy", "zed"]
    async with engine.begin() as conn:
        for who in ("amy", "zed"):
            await conn.execute(
                text('INSERT INTO threads ("id", "userIdentifier") VALUES (:t, :u)'),
                {"t": f"t-{who}", "u": who},
            )
            await conn.execute(
                text(
                    'INSERT INTO elements ("id", "threadId", "name", "objectKey") '
                    "VALUES (:e, :t, 'f', :k)"
                ),
                {"e": f"e-{who}", "t": f"t-{who}", "k": f"{who}/e/f"},
            )
    assert await users.delete_user(engine, "amy") == ["amy/e/f"]
    assert [u.identifier for u in await users.list_users(engine)] == ["zed"]
    assert not await users.authenticate(engine, "amy", "amy-password")
    async with engine.connect() as conn:
        left = (await conn.execute(text('SELECT "id" FROM threads'))).scalars().all()
        elements = (await conn.execute(text('SELECT "id" FROM elements'))).scalars().all()
    assert left == ["t-zed"] and elements == ["e-zed"]


@pytest.mark.postgres
async def test_users_on_postgres(postgres_db_url: str) -> None:
    eng = make_engine(postgres_db_url)
    try:
        await create_chat_tables(eng)
        await users.create_user(eng, "maya", "first-password")
        assert await users.authenticate(eng, "maya", "first-password")
        assert not await users.authenticate(eng, "maya", "nope-nope-nope")
        assert await users.delete_user(eng, "maya") == []
    finally:
        await eng.dispose()
