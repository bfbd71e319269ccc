"""Production reports in the store: revisions per day, read back by a new engine, on both."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from store.db import create_tables, make_engine
from store.plans import PlanStore
from store.progress import ProgressStore, create_progress_tables, progress_charts


@pytest.fixture
async def engine(database_url: str) -> AsyncIterator[AsyncEngine]:
    engine = make_engine(database_url)
    await create_progress_tables(engine)
    await create_progress_tables(engine)  # idempotent
    yield engine
    await engine.dispose()


async def test_reports_are_revised_never_overwritten(
    engine: AsyncEngine, database_url: str
) -> None:
    store = ProgressStore(engine)
    first = await store.save(
        "t1", report={"day": 0, "complete": ["1"]}, planned=["1", "2"], approved_version=1
    )
    await store.save("t1", report={"day": 1, "complete": ["3"]}, planned=["3"], approved_version=1)
    edited = await store.save(
        "t1", report={"day": 0, "complete": ["1", "2"]}, planned=["1", "2"], approved_version=1
    )
    await store.save("t2", report={"day": 0}, planned=[], approved_version=4)
    assert (first.revision, edited.revision) == (1, 2)
    await store.link_version("t1", 0, 2, 5)
    with pytest.raises(ValueError, match="no revision 9 of day 1"):
        await store.link_version("t1", 0, 9, 5)
    # A new engine (a restarted server) reads the same reports back.
    again = make_engine(database_url)
    try:
        reread = ProgressStore(again)
        current = await reread.current("t1")
        assert [(r.day, r.revision, r.report["complete"]) for r in current] == [
            (0, 2, ["1", "2"]),
            (1, 1, ["3"]),
        ]
        assert current[0].plan_version == 5 and current[1].plan_version is None
        assert [r.revision for r in await reread.history("t1", 0)] == [1, 2]
        await reread.delete_thread("t1")
        assert await reread.current("t1") == []
        assert [r.approved_version for r in await reread.current("t2")] == [4]
    finally:
        await again.dispose()


async def test_the_review_reads_the_charts_of_threads_in_production(engine: AsyncEngine) -> None:
    await create_tables(engine)
    plans = PlanStore(engine)
    forecast = {"approved": 10.0, "planned_pages": [4.0]}
    await plans.save("shooting", inputs={}, plan={"progress": {"forecast": forecast}}, label="v1")
    await plans.save(
        "shooting", inputs={}, plan={"progress": {"forecast": forecast}}, label="day 1 reported"
    )
    await plans.save("planning", inputs={}, plan={}, label="initial plan")
    await plans.save(
        "went-back", inputs={}, plan={"progress": {"forecast": forecast}}, label="day 1 reported"
    )
    await plans.set_current("went-back", 1)
    await plans.save("went-back", inputs={}, plan={}, label="pin scene 1")
    found = await progress_charts(engine, ["shooting", "planning", "went-back", "other"])
    assert found == {"shooting": forecast}
    assert await progress_charts(engine, []) == {}
