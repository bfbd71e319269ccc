"""Plan versions, usage and router decisions, on SQLite and on a real PostgreSQL."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from store import plans as store_plans
from store.db import create_tables, make_engine, normalize_url, sqlite_path
from store.plans import PlanStore
from store.usage import RouteRecord, UsageRecord, UsageStore


@pytest.fixture
async def engine(database_url: str) -> AsyncIterator[AsyncEngine]:
    engine = make_engine(database_url)
    await create_tables(engine)
    await create_tables(engine)  # idempotent
    yield engine
    await engine.dispose()


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("sqlite:///var/x.db", "sqlite+aiosqlite:///var/x.db"),
        ("postgresql://u:p@h:5/db", "postgresql+asyncpg://u:p@h:5/db"),
        ("postgresql+psycopg://u@h/db", "postgresql+asyncpg://u@h/db"),
    ],
)
def test_urls_get_async_drivers(url: str, expected: str) -> None:
    assert normalize_url(url) == expected


def test_unsupported_url_is_named() -> None:
    with pytest.raises(ValueError, match="mysql"):
        normalize_url("mysql://h/db")


async def test_sqlite_uses_wal_and_a_busy_timeout(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'a' / 'g.db'}"
    engine = make_engine(url)
    async with engine.connect() as conn:
        mode = (await conn.execute(text("PRAGMA journal_mode"))).scalar()
        timeout = (await conn.execute(text("PRAGMA busy_timeout"))).scalar()
    await engine.dispose()
    assert (mode, timeout) == ("wal", 5000)
    assert sqlite_path(url) == tmp_path / "a" / "g.db"


async def test_plan_versions_number_branch_and_go_back(engine: AsyncEngine) -> None:
    plans = PlanStore(engine)
    first = await plans.save("t", inputs={"days": None}, plan={"n": 1}, label="initial plan")
    second = await plans.save("t", inputs={"days": 18}, plan={"n": 2}, label="18 days")
    await plans.save("other", inputs={}, plan={"n": 9})
    assert (first.version, second.version, second.parent_version) == (1, 2, 1)
    assert (await plans.current("t")).plan == {"n": 2}  # type: ignore[union-attr]
    back = await plans.set_current("t", 1)
    assert back.inputs == {"days": None}
    third = await plans.save("t", inputs={"days": 20}, plan={"n": 3})
    assert (third.version, third.parent_version) == (3, 1)
    assert [v.label for v in await plans.versions("t")] == ["initial plan", "18 days", ""]
    assert await plans.get("t", 7) is None
    with pytest.raises(ValueError, match="version 7"):
        await plans.set_current("t", 7)
    await plans.delete_thread("t")
    assert await plans.versions("t") == []
    assert await plans.current("t") is None
    assert len(await plans.versions("other")) == 1


async def test_versions_saved_elsewhere_are_read_and_kept_versions_are_not_decoded_again(
    engine: AsyncEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    mine, other_process = PlanStore(engine), PlanStore(engine)
    await mine.save("t", inputs={}, plan={"n": 1})
    await other_process.save("t", inputs={}, plan={"n": 2})  # a version this store never saw
    assert [v.plan for v in await mine.versions("t")] == [{"n": 1}, {"n": 2}]
    assert (await mine.get("t", 2)).plan == {"n": 2}  # type: ignore[union-attr]
    decoded: list[int] = []
    real = store_plans._record
    monkeypatch.setattr(
        store_plans, "_record", lambda row: decoded.append(row.version) or real(row)
    )
    await mine.versions("t")
    await mine.get("t", 1)
    await mine.current("t")
    assert decoded == []  # saved versions never change: each is decoded once per store
    small = PlanStore(engine)
    monkeypatch.setattr(small, "CACHED_VERSIONS", 1)
    assert [v.version for v in await small.versions("t")] == [1, 2]  # beyond the memory bound
    await other_process.delete_thread("t")
    await mine.delete_thread("t")
    assert await mine.versions("t") == [] and await mine.get("t", 1) is None


async def test_concurrent_saves_get_distinct_versions(engine: AsyncEngine) -> None:
    plans = PlanStore(engine)
    for n in range(3):
        await plans.save("t", inputs={}, plan={"n": n})
    assert [v.version for v in await plans.versions("t")] == [1, 2, 3]
    results = await asyncio.gather(
        *(plans.save(f"t{n}", inputs={}, plan={"n": n}) for n in range(4))
    )
    assert {r.version for r in results} == {1}


async def test_usage_is_summed_per_session(engine: AsyncEngine) -> None:
    usage = UsageStore(engine)
    await usage.record_usage(
        UsageRecord(
            thread_id="s",
            provider="openai",
            model="gpt",
            tokens_in=1000,
            tokens_out=200,
            cost=0.00027,
        )
    )
    await usage.record_usage(
        UsageRecord(thread_id="s", provider="embedded", tokens_in=50, tokens_out=10, latency_s=0.4)
    )
    await usage.record_usage(UsageRecord(thread_id="other", provider="openai", cost=5.0))
    totals = await usage.totals("s")
    assert (totals.messages, totals.tokens_in, totals.tokens_out) == (2, 1050, 210)
    assert totals.cost == pytest.approx(0.00027)
    assert totals.by_provider == {"openai": pytest.approx(0.00027), "embedded": 0.0}
    assert (await usage.totals("nobody")).messages == 0


async def test_route_decisions_are_recorded_with_reasons(engine: AsyncEngine) -> None:
    usage = UsageStore(engine)
    record = RouteRecord(
        thread_id="s",
        message_id="m1",
        complexity="complex",
        score=4.0,
        route="cloud",
        reason="complex requests go to the cloud model",
    )
    await usage.record_route(record)
    assert await usage.routes("s") == [record]
