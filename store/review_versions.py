"""One session's versions for its review page: scoped to the signed-in user's own threads."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from store.models import PlanVersionRow
from store.review import SessionSummary, load_review

__all__ = ["SessionDetail", "VersionPoint", "load_session", "load_version_plan"]


class VersionPoint(BaseModel):
    """One saved version on the session's timeline."""

    version: int
    parent: int | None = None
    label: str = ""
    created_at: str = ""
    days: int = 0
    likely: float | None = None


class SessionDetail(BaseModel):
    """A session with its versions, oldest first, and its current board."""

    summary: SessionSummary
    versions: list[VersionPoint] = Field(default_factory=list)


def _point(row: PlanVersionRow) -> VersionPoint:
    plan: dict[str, Any] = row.plan or {}
    budget = plan.get("budget") or {}
    created = (
        row.created_at.isoformat(" ", "minutes") if isinstance(row.created_at, datetime) else ""
    )
    return VersionPoint(
        version=row.version,
        parent=row.parent_version,
        label=row.label,
        created_at=created,
        days=len((plan.get("schedule") or {}).get("days") or []),
        likely=float(budget["likely"]) if budget.get("likely") is not None else None,
    )


async def load_session(engine: AsyncEngine, user_id: str, thread_id: str) -> SessionDetail | None:
    """The user's session `thread_id` with its versions; None when it is not theirs."""
    review = await load_review(engine, user_id)
    summary = next((s for s in review.sessions if s.thread_id == thread_id), None)
    if summary is None:
        return None
    async with AsyncSession(engine) as session:
        rows = await session.scalars(
            select(PlanVersionRow)
            .where(PlanVersionRow.thread_id == thread_id)
            .order_by(PlanVersionRow.version)
        )
        points = [_point(row) for row in rows]
    return SessionDetail(summary=summary, versions=points)


async def load_version_plan(
    engine: AsyncEngine, user_id: str, thread_id: str, version: int
) -> tuple[dict[str, Any], datetime | None] | None:
    """A saved version's plan record and save time, when the session is the user's."""
    review = await load_review(engine, user_id)
    if not any(s.thread_id == thread_id for s in review.sessions):
        return None
    async with engine.connect() as conn:
        row = (
            await conn.execute(
                select(PlanVersionRow.plan, PlanVersionRow.created_at).where(
                    PlanVersionRow.thread_id == thread_id, PlanVersionRow.version == version
                )
            )
        ).first()
    return (row[0], row[1]) if row else None
