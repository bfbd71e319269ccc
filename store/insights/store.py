"""Pre-aggregated insights per user, refreshed when a plan is saved and only then.

One row per project (user and thread) holds the figures of its current plan with that plan's
key; one row per user holds the sums over their projects. Saving a plan whose key the project
row already has changes nothing: no plan is read, no figure recomputed (`recomputed` counts
the times figures were). Observations are written from the stored rows, never from plans.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, DateTime, Integer, String, UniqueConstraint, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker
from sqlalchemy.orm import Mapped, mapped_column

from store.insights.figures import ProjectFigures, Totals, figures_of, totals
from store.insights.observe import observations
from store.models import Base, utcnow
from tools.cache import cache_key
from tools.plan import Plan

__all__ = ["InsightStore", "ProjectFiguresRow", "UserInsightsRow", "create_insight_tables"]


class ProjectFiguresRow(Base):
    """The figures of one project's current plan, with the key of that plan."""

    __tablename__ = "gl_project_figures"
    __table_args__ = (UniqueConstraint("user_id", "thread_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    user_id: Mapped[str] = mapped_column(String(128), index=True)
    thread_id: Mapped[str] = mapped_column(String(128))
    plan_key: Mapped[str] = mapped_column(String(64))
    figures: Mapped[dict[str, Any]] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class UserInsightsRow(Base):
    """Sums and counts of every figure over one user's projects."""

    __tablename__ = "gl_user_insights"

    user_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    totals: Mapped[dict[str, Any]] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


async def create_insight_tables(engine: AsyncEngine) -> None:
    """Create the insight tables if they do not exist (idempotent)."""
    tables = [Base.metadata.tables[name] for name in ("gl_project_figures", "gl_user_insights")]
    async with engine.begin() as conn:
        await conn.run_sync(lambda sync: Base.metadata.create_all(sync, tables=tables))


def _key_of(plan: Plan | Mapping[str, Any]) -> str:
    """The plan's cache key, or a hash of its content when it has none."""
    data = plan.model_dump(mode="json") if isinstance(plan, Plan) else dict(plan)
    return str(data.get("key") or cache_key(plan=data))


class InsightStore:
    """Keeps each user's project figures and their sums current as plans are saved."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._sessions = async_sessionmaker(engine, expire_on_commit=False)
        self._dialect = engine.dialect.name
        self.recomputed = 0
        """How many times a project's figures were computed from a plan."""

    async def plan_saved(
        self, user_id: str, thread_id: str, plan: Plan | Mapping[str, Any]
    ) -> bool:
        """Refresh the project's figures and the user's sums; False when the plan is unchanged.

        `plan` is a Plan or its JSON (as `store.plans` keeps it).
        """
        async with self._sessions.begin() as session:
            changed, _ = await self._save(session, user_id, thread_id, plan)
        return changed

    async def remember(
        self, user_id: str, thread_id: str, plan: Plan | Mapping[str, Any]
    ) -> list[str]:
        """`plan_saved` then `observe`, in one transaction: what a turn that saves a plan needs."""
        async with self._sessions.begin() as session:
            _, figures = await self._save(session, user_id, thread_id, plan)
            found = await session.get(UserInsightsRow, user_id)
            summed = Totals.model_validate(found.totals) if found else Totals()
        return observations(figures, summed)

    async def _save(
        self,
        session: AsyncSession,
        user_id: str,
        thread_id: str,
        plan: Plan | Mapping[str, Any],
    ) -> tuple[bool, ProjectFigures]:
        """The project's figures, recomputed (True) only when the plan's key changed."""
        key = _key_of(plan)
        row = await self._project(session, user_id, thread_id)
        if row is not None and row.plan_key == key:
            return False, ProjectFigures.model_validate(row.figures)
        parsed = plan if isinstance(plan, Plan) else Plan.model_validate(plan)
        figures = figures_of(parsed).model_copy(update={"plan_key": key})
        self.recomputed += 1
        stored = figures.model_dump(mode="json")
        if row is None:
            project = ProjectFiguresRow(
                user_id=user_id, thread_id=thread_id, plan_key=key, figures=stored
            )
            session.add(project)
        else:
            row.plan_key, row.figures, row.updated_at = key, stored, utcnow()
        await session.flush()
        await self._ensure_user_row(session, user_id)
        await self._refresh_totals(session, user_id)
        return True, figures

    async def forget(self, user_id: str, thread_id: str) -> None:
        """Drop a project (its thread was deleted) and refresh the user's sums."""
        async with self._sessions.begin() as session:
            row = await self._project(session, user_id, thread_id)
            if row is not None:
                await session.delete(row)
                await session.flush()
                await self._refresh_totals(session, user_id)

    async def figures(self, user_id: str, thread_id: str) -> ProjectFigures | None:
        """The stored figures of a project, or None before its first saved plan."""
        async with self._sessions() as session:
            row = await self._project(session, user_id, thread_id)
        return ProjectFigures.model_validate(row.figures) if row else None

    async def totals(self, user_id: str) -> Totals:
        """The user's sums over all their projects (empty before any plan)."""
        async with self._sessions() as session:
            row = await session.get(UserInsightsRow, user_id)
        return Totals.model_validate(row.totals) if row else Totals()

    async def observe(self, user_id: str, thread_id: str) -> list[str]:
        """Sentences on this project against the user's others; empty before its first plan."""
        figures = await self.figures(user_id, thread_id)
        if figures is None:
            return []
        return observations(figures, await self.totals(user_id))

    @staticmethod
    async def _project(
        session: AsyncSession, user_id: str, thread_id: str
    ) -> ProjectFiguresRow | None:
        return await session.scalar(
            select(ProjectFiguresRow).where(
                ProjectFiguresRow.user_id == user_id, ProjectFiguresRow.thread_id == thread_id
            )
        )

    async def _ensure_user_row(self, session: AsyncSession, user_id: str) -> None:
        """Create the user's sums row if missing, without racing a concurrent first save.

        Two sessions of one user planning at once would both find no row and both insert it;
        an insert that ignores the conflict leaves exactly one row for the lock below.
        """
        insert = postgresql.insert if self._dialect == "postgresql" else sqlite.insert
        await session.execute(
            insert(UserInsightsRow)
            .values(user_id=user_id, totals={}, updated_at=utcnow())
            .on_conflict_do_nothing(index_elements=["user_id"])
        )

    @staticmethod
    async def _refresh_totals(session: AsyncSession, user_id: str) -> None:
        # Locked first, then summed again from the project rows (never adjusted in place):
        # two saves of one user's plans queue here, and the later one sees the earlier row.
        found = await session.get(UserInsightsRow, user_id, with_for_update=True)
        rows = await session.scalars(
            select(ProjectFiguresRow.figures).where(ProjectFiguresRow.user_id == user_id)
        )
        summed = totals(ProjectFigures.model_validate(data) for data in rows).model_dump()
        if found is None:
            session.add(UserInsightsRow(user_id=user_id, totals=summed))
        else:
            found.totals, found.updated_at = summed, utcnow()
