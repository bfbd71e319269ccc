"""Model usage and router decisions: recorded per message, summed per session (thread)."""

from __future__ import annotations

from pydantic import BaseModel, Field
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker

from store.models import RouteRow, UsageRow

__all__ = ["RouteRecord", "UsageRecord", "UsageStore", "UsageTotals"]


class UsageRecord(BaseModel):
    """One model answer (or one deterministic answer, provider "deterministic")."""

    thread_id: str
    message_id: str = ""
    provider: str
    model: str = ""
    tokens_in: int = Field(default=0, ge=0)
    tokens_out: int = Field(default=0, ge=0)
    cost: float = Field(default=0.0, ge=0)
    latency_s: float = Field(default=0.0, ge=0)
    outcome: str = "ok"


class RouteRecord(BaseModel):
    """One router decision."""

    thread_id: str
    message_id: str = ""
    complexity: str
    score: float
    route: str
    reason: str


class UsageTotals(BaseModel):
    """A session's usage summed."""

    messages: int = 0
    tokens_in: int = 0
    tokens_out: int = 0
    cost: float = 0.0
    by_provider: dict[str, float] = Field(default_factory=dict)
    """Cost per provider."""


class UsageStore:
    """Writes usage and route rows and sums them per thread."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._sessions = async_sessionmaker(engine, expire_on_commit=False)

    async def record_usage(self, record: UsageRecord) -> None:
        """Append one usage row."""
        async with self._sessions.begin() as session:
            session.add(UsageRow(**record.model_dump()))

    async def record_route(self, record: RouteRecord) -> None:
        """Append one router decision."""
        async with self._sessions.begin() as session:
            session.add(RouteRow(**record.model_dump()))

    async def routes(self, thread_id: str) -> list[RouteRecord]:
        """A thread's router decisions, oldest first."""
        async with self._sessions() as session:
            rows = await session.scalars(
                select(RouteRow).where(RouteRow.thread_id == thread_id).order_by(RouteRow.id)
            )
            return [
                RouteRecord(
                    thread_id=r.thread_id,
                    message_id=r.message_id,
                    complexity=r.complexity,
                    score=r.score,
                    route=r.route,
                    reason=r.reason,
                )
                for r in rows
            ]

    async def totals(self, thread_id: str) -> UsageTotals:
        """Messages, tokens and cost of a thread, with cost per provider."""
        async with self._sessions() as session:
            result = await session.execute(
                select(
                    UsageRow.provider,
                    func.count(),
                    func.sum(UsageRow.tokens_in),
                    func.sum(UsageRow.tokens_out),
                    func.sum(UsageRow.cost),
                )
                .where(UsageRow.thread_id == thread_id)
                .group_by(UsageRow.provider)
            )
            totals = UsageTotals()
            for provider, count, t_in, t_out, cost in result.all():
                totals.messages += int(count)
                totals.tokens_in += int(t_in or 0)
                totals.tokens_out += int(t_out or 0)
                totals.cost += float(cost or 0.0)
                totals.by_provider[provider] = float(cost or 0.0)
            return totals
