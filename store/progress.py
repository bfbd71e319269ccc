"""Production reports per thread and shooting day, every edit kept as a new revision.

A report is never overwritten: editing day 3 saves revision 2 of day 3, and the re-plan of
that evening records which plan version it produced. The current reports of a thread are the
latest revision of each day. Works on SQLite and PostgreSQL through the same queries.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel
from sqlalchemy import JSON, DateTime, Integer, String, UniqueConstraint, func, select
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker
from sqlalchemy.orm import Mapped, mapped_column

from store.models import Base, utcnow

__all__ = [
    "ProgressReportRow",
    "ProgressStore",
    "StoredReport",
    "create_progress_tables",
    "progress_charts",
]


class ProgressReportRow(Base):
    """One revision of one day's production report in a thread."""

    __tablename__ = "gl_progress_reports"
    __table_args__ = (UniqueConstraint("thread_id", "day", "revision"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    thread_id: Mapped[str] = mapped_column(String(128), index=True)
    day: Mapped[int] = mapped_column(Integer)
    """0-based shooting day."""
    revision: Mapped[int] = mapped_column(Integer)
    report: Mapped[dict[str, Any]] = mapped_column(JSON)
    """The report as filed (`tools.progress.DayReport`)."""
    planned: Mapped[list[str]] = mapped_column(JSON)
    """Scenes the plan had on the day when the report was filed."""
    approved_version: Mapped[int] = mapped_column(Integer)
    """The plan version the shoot started from (the budget the forecast is against)."""
    plan_version: Mapped[int | None] = mapped_column(Integer, nullable=True)
    """The plan version the evening's re-plan saved, once saved."""
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class StoredReport(BaseModel):
    """A saved report revision as the graph reads it back."""

    thread_id: str
    day: int
    revision: int
    report: dict[str, Any]
    planned: list[str]
    approved_version: int
    plan_version: int | None = None
    created_at: datetime | None = None


def _record(row: ProgressReportRow) -> StoredReport:
    return StoredReport(
        thread_id=row.thread_id,
        day=row.day,
        revision=row.revision,
        report=row.report,
        planned=list(row.planned),
        approved_version=row.approved_version,
        plan_version=row.plan_version,
        created_at=row.created_at,
    )


async def create_progress_tables(engine: AsyncEngine) -> None:
    """Create the progress table if it does not exist (idempotent)."""
    table = Base.metadata.tables[ProgressReportRow.__tablename__]
    async with engine.begin() as conn:
        await conn.run_sync(lambda sync: Base.metadata.create_all(sync, tables=[table]))


class ProgressStore:
    """Saves and reads production reports of threads in Greenlight's database."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._sessions = async_sessionmaker(engine, expire_on_commit=False)

    async def save(
        self,
        thread_id: str,
        *,
        report: dict[str, Any],
        planned: list[str],
        approved_version: int,
    ) -> StoredReport:
        """Save a day's report as its next revision (1 for a new day) and return it."""
        day = int(report["day"])
        async with self._sessions.begin() as session:
            last = await session.scalar(
                select(func.max(ProgressReportRow.revision)).where(
                    ProgressReportRow.thread_id == thread_id, ProgressReportRow.day == day
                )
            )
            row = ProgressReportRow(
                thread_id=thread_id,
                day=day,
                revision=(last or 0) + 1,
                report=report,
                planned=planned,
                approved_version=approved_version,
            )
            session.add(row)
            await session.flush()
            return _record(row)

    async def link_version(self, thread_id: str, day: int, revision: int, version: int) -> None:
        """Record the plan version the re-plan after this revision saved."""
        async with self._sessions.begin() as session:
            row = await session.scalar(
                select(ProgressReportRow).where(
                    ProgressReportRow.thread_id == thread_id,
                    ProgressReportRow.day == day,
                    ProgressReportRow.revision == revision,
                )
            )
            if row is None:
                raise ValueError(f"no revision {revision} of day {day + 1} in this conversation")
            row.plan_version = version

    async def history(self, thread_id: str, day: int | None = None) -> list[StoredReport]:
        """Every revision (of one day, or of all), by day then revision."""
        query = select(ProgressReportRow).where(ProgressReportRow.thread_id == thread_id)
        if day is not None:
            query = query.where(ProgressReportRow.day == day)
        async with self._sessions() as session:
            rows = await session.scalars(
                query.order_by(ProgressReportRow.day, ProgressReportRow.revision)
            )
            return [_record(row) for row in rows]

    async def current(self, thread_id: str) -> list[StoredReport]:
        """The latest revision of each reported day, by day."""
        latest: dict[int, StoredReport] = {}
        for record in await self.history(thread_id):
            latest[record.day] = record
        return [latest[day] for day in sorted(latest)]

    async def delete_thread(self, thread_id: str) -> None:
        """Forget every report of a thread (when the conversation is deleted)."""
        async with self._sessions.begin() as session:
            for row in await session.scalars(
                select(ProgressReportRow).where(ProgressReportRow.thread_id == thread_id)
            ):
                await session.delete(row)


async def progress_charts(engine: AsyncEngine, thread_ids: list[str]) -> dict[str, dict[str, Any]]:
    """Thread -> the chart record of its current version, for threads whose current version
    is an evening's re-plan (one query, whatever the number of threads)."""
    from store.models import PlanVersionRow, ThreadPlanRow

    if not thread_ids:
        return {}
    query = (
        select(PlanVersionRow.thread_id, PlanVersionRow.plan)
        .join(
            ThreadPlanRow,
            (ThreadPlanRow.thread_id == PlanVersionRow.thread_id)
            & (ThreadPlanRow.current_version == PlanVersionRow.version),
        )
        .where(PlanVersionRow.thread_id.in_(thread_ids), PlanVersionRow.label.like("day %"))
    )
    async with async_sessionmaker(engine)() as session:
        rows = (await session.execute(query)).all()
    out = {}
    for thread, plan in rows:
        forecast = ((plan or {}).get("progress") or {}).get("forecast")
        if forecast:
            out[thread] = forecast
    return out
