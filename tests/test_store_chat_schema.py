"""The chat tables hold everything Chainlit's SQLAlchemy data layer writes, on both engines.

The data layer logs and swallows its SQL errors, so every test writes through it and reads
the rows back: a missing column shows up as a lost row, not as an exception.
"""

from __future__ import annotations

import dataclasses
import re
import uuid
from pathlib import Path

import pytest
from chainlit.context import init_http_context
from chainlit.element import File
from chainlit.message import Message
from chainlit.step import Step
from chainlit.types import Feedback, Pagination, ThreadFilter
from chainlit.user import User
from sqlalchemy import text

from greenlight.chat.datalayer import GreenlightDataLayer
from store import users
from store.chat_schema import TABLES, create_chat_tables, dialect_of, statements
from store.storage import LocalStorageClient


def _columns(dialect: str) -> dict[str, set[str]]:
    out = {}
    for ddl in statements(dialect):  # type: ignore[arg-type]
        match = re.match(r"CREATE TABLE IF NOT EXISTS (\w+) \((.*)\)$", ddl, re.S)
        if match:
            out[match.group(1)] = set(re.findall(r'^\s*"(\w+)"', match.group(2), re.M))
    return out


@pytest.mark.parametrize(
    ("url", "dialect"),
    [
        ("sqlite+aiosqlite:///x.db", "sqlite"),
        ("sqlite:///:memory:", "sqlite"),
        ("postgresql+asyncpg://u@h/db", "postgresql"),
        ("postgresql://u@h/db", "postgresql"),
    ],
)
def test_dialect_of(url: str, dialect: str) -> None:
    assert dialect_of(url) == dialect


def test_dialect_of_refuses_other_databases() -> None:
    with pytest.raises(ValueError, match="mysql"):
        dialect_of("mysql://u@h/db")


@pytest.mark.parametrize("dialect", ["sqlite", "postgresql"])
async def test_every_key_chainlit_writes_has_a_column(dialect: str) -> None:
    init_http_context(thread_id=str(uuid.uuid4()))
    columns = _columns(dialect)
    assert set(columns) == set(TABLES)
    step_keys = set(Step(name="s", type="tool").to_dict()) | set(Message(content="m").to_dict())
    assert step_keys - {"feedback"} <= columns["steps"], step_keys - columns["steps"]
    assert {"autoCollapse", "defaultOpen", "modes", "command"} <= columns["steps"]
    element_keys = set(File(name="f", content=b"x", thread_id="t").to_dict()) - {"path"}
    assert element_keys <= columns["elements"], element_keys - columns["elements"]
    feedback_keys = {f.name for f in dataclasses.fields(Feedback)}
    assert feedback_keys <= columns["feedbacks"]


def test_postgres_uses_json_and_array_types() -> None:
    steps = next(s for s in statements("postgresql") if "TABLE IF NOT EXISTS steps" in s)
    assert '"metadata" JSONB' in steps and '"tags" TEXT[]' in steps
    assert "{" not in "".join(statements("sqlite"))


async def _round_trip(url: str, files: Path) -> None:
    storage = LocalStorageClient(files)
    deleted: list[str] = []

    async def on_deleted(thread_id: str) -> None:
        deleted.append(thread_id)

    layer = GreenlightDataLayer(url, storage=storage, on_thread_deleted=[on_deleted])
    try:
        await create_chat_tables(layer.engine)
        await create_chat_tables(layer.engine)  # idempotent
        # The data layer creates only users who have a password.
        await users.create_user(layer.engine, "maya", "maya-password")
        user = await layer.create_user(User(identifier="maya", metadata={"provider": "password"}))
        assert user is not None and user.identifier == "maya"
        thread_id = str(uuid.uuid4())
        init_http_context(thread_id=thread_id, user=user)
        await layer.update_thread(
            thread_id,
            name="The Script",
            user_id=user.id,
            metadata={"preferences": {"currency": "EUR"}},
        )
        step = Step(name="Read script.fdx", type="tool", thread_id=thread_id)
        step.output, step.auto_collapse, step.default_open = "42 scenes", True, False
        await layer.create_step(step.to_dict())
        message = Message(content="**Done**", author="Greenlight")
        message.thread_id = thread_id
        await layer.create_step(message.to_dict())
        element = File(
            name="../../etc/passwd",
            content=b"a,b\n1,2\n",
            mime="text/csv",
            thread_id=thread_id,
            for_id=message.id,
        )
        await layer.create_element(element)
        await layer.upsert_feedback(Feedback(forId=message.id, value=1, threadId=thread_id))

        page = await layer.list_threads(Pagination(first=10), ThreadFilter(userId=user.id))
        assert [t["id"] for t in page.data] == [thread_id]
        thread = await layer.get_thread(thread_id)
        assert thread is not None and thread["name"] == "The Script"
        by_id = {s["id"]: s for s in thread["steps"]}
        assert by_id[step.id]["output"] == "42 scenes"
        assert by_id[message.id]["output"] == "**Done**"
        assert by_id[message.id]["feedback"]["value"] == 1
        (stored,) = thread["elements"]
        assert stored["url"].startswith("/greenlight/files/")
        assert storage.lookup(stored["url"].rsplit("/", 1)[1]).path.read_bytes() == b"a,b\n1,2\n"
        assert all(p.is_relative_to(files.resolve()) for p in files.resolve().rglob("*"))
        assert await layer.get_thread_author(thread_id) == "maya"
        assert await layer.file_owner(stored["objectKey"]) == "maya"
        assert await layer.file_owner("someone/else/file.csv") is None

        await layer.delete_thread(thread_id)
        assert await layer.get_thread(thread_id) is None
        assert not storage.exists(stored["objectKey"])
        assert await layer.file_owner(stored["objectKey"]) is None
        assert deleted == [thread_id]
        async with layer.engine.connect() as conn:
            for table in ("steps", "elements", "feedbacks"):
                count = await conn.execute(
                    text(f'SELECT COUNT(*) FROM {table} WHERE "threadId" = :t'), {"t": thread_id}
                )
                assert count.scalar() == 0, table
    finally:
        await layer.engine.dispose()


async def test_round_trip_on_sqlite(tmp_path: Path) -> None:
    await _round_trip(f"sqlite+aiosqlite:///{tmp_path / 'chat.db'}", tmp_path / "files")


@pytest.mark.postgres
async def test_round_trip_on_postgres(postgres_db_url: str, tmp_path: Path) -> None:
    await _round_trip(postgres_db_url, tmp_path / "files")
