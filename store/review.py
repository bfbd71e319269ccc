"""A user's saved sessions as a producer reviews them, with model use per session and overall.

`load_review` reads everything with one aggregate query per table (threads, steps, plan
versions, project figures, usage, router decisions), whatever the number of sessions: the
page with 200 sessions costs six queries, not six hundred. Only threads whose owner is the
given user are read; the Greenlight tables are filtered through that set of threads.
"""

from __future__ import annotations

import json
from typing import Any, Literal

from pydantic import BaseModel, Field
from sqlalchemy import Integer, case, column, func, select, table
from sqlalchemy.ext.asyncio import AsyncEngine

from store.insights.store import ProjectFiguresRow
from store.models import PlanVersionRow, RouteRow, ThreadPlanRow, UsageRow
from tools.paperwork.thumbnail import board_keys

__all__ = [
    "CLOUD_PROVIDERS",
    "SORTS",
    "ProviderUse",
    "Review",
    "SessionSummary",
    "load_review",
]

CLOUD_PROVIDERS = frozenset({"openai"})
"""Providers whose messages count as cloud; every other one (and deterministic) is local."""
SORTS: tuple[str, ...] = ("activity", "title", "budget")
Sort = Literal["activity", "title", "budget"]

_threads = table(
    "threads",
    column("id"),
    column("name"),
    column("createdAt"),
    column("userIdentifier"),
    column("metadata"),
)
_steps = table("steps", column("threadId"), column("createdAt"))


class ProviderUse(BaseModel):
    """Messages, tokens and cost of one provider."""

    messages: int = 0
    tokens_in: int = 0
    tokens_out: int = 0
    cost: float = 0.0

    def add(self, other: ProviderUse) -> None:
        """Add another provider's use to this one."""
        self.messages += other.messages
        self.tokens_in += other.tokens_in
        self.tokens_out += other.tokens_out
        self.cost += other.cost


class SessionSummary(BaseModel):
    """One saved session as the review lists it."""

    thread_id: str
    title: str
    draft: int = 1
    scenes: int | None = None
    versions: int = 0
    current_version: int | None = None
    days: int | None = None
    budget: float | None = None
    currency: str = ""
    savings: float | None = None
    by_provider: dict[str, ProviderUse] = Field(default_factory=dict)
    routes: dict[str, int] = Field(default_factory=dict)
    last_activity: str = ""
    """ISO time of the latest message, plan or the session's creation."""
    board: list[list[str]] = Field(default_factory=list)
    """The current version's stripboard as strip colour keys per day (for a thumbnail)."""

    def messages(self, where: Literal["local", "cloud"]) -> int:
        """Messages answered locally (or deterministically) or in the cloud."""
        cloud = where == "cloud"
        return sum(
            u.messages for p, u in self.by_provider.items() if (p in CLOUD_PROVIDERS) == cloud
        )

    def use(self) -> ProviderUse:
        """The session's use summed over providers."""
        out = ProviderUse()
        for one in self.by_provider.values():
            out.add(one)
        return out


class Review(BaseModel):
    """The sessions listed, and model use over all of them."""

    sessions: list[SessionSummary]
    by_provider: dict[str, ProviderUse] = Field(default_factory=dict)
    routes: dict[str, int] = Field(default_factory=dict)


def _iso(value: Any) -> str:
    """A time as comparable ISO text (the chat tables keep text, ours keep datetimes)."""
    if value is None:
        return ""
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    return text.replace(" ", "T")[:19]


def _script_memory(raw: Any) -> dict[str, Any]:
    """The script summary the chat keeps in the thread's metadata (see chat.turn)."""
    try:
        data = json.loads(raw) if isinstance(raw, str) else (raw or {})
        script = data.get("greenlight", {}).get("script", {})
    except (ValueError, AttributeError):
        return {}
    return script if isinstance(script, dict) else {}


async def _rows(engine: AsyncEngine, user_id: str) -> dict[str, list[Any]]:
    owned = select(_threads.c.id).where(_threads.c.userIdentifier == user_id).scalar_subquery()
    drafts = func.sum(case((PlanVersionRow.label.like("new draft%"), 1), else_=0), type_=Integer)
    queries = {
        "threads": select(
            _threads.c.id, _threads.c.name, _threads.c.createdAt, _threads.c.metadata
        ).where(_threads.c.userIdentifier == user_id),
        "steps": select(_steps.c.threadId, func.max(_steps.c.createdAt))
        .where(_steps.c.threadId.in_(owned))
        .group_by(_steps.c.threadId),
        "plans": select(
            PlanVersionRow.thread_id,
            func.count(),
            drafts,
            func.max(PlanVersionRow.created_at),
            ThreadPlanRow.current_version,
        )
        .outerjoin(ThreadPlanRow, ThreadPlanRow.thread_id == PlanVersionRow.thread_id)
        .where(PlanVersionRow.thread_id.in_(owned))
        .group_by(PlanVersionRow.thread_id, ThreadPlanRow.current_version),
        "figures": select(ProjectFiguresRow.thread_id, ProjectFiguresRow.figures).where(
            ProjectFiguresRow.user_id == user_id, ProjectFiguresRow.thread_id.in_(owned)
        ),
        "usage": select(
            UsageRow.thread_id,
            UsageRow.provider,
            func.count(),
            func.sum(UsageRow.tokens_in),
            func.sum(UsageRow.tokens_out),
            func.sum(UsageRow.cost),
        )
        .where(UsageRow.thread_id.in_(owned))
        .group_by(UsageRow.thread_id, UsageRow.provider),
        "boards": select(PlanVersionRow.thread_id, PlanVersionRow.plan)
        .join(
            ThreadPlanRow,
            (ThreadPlanRow.thread_id == PlanVersionRow.thread_id)
            & (ThreadPlanRow.current_version == PlanVersionRow.version),
        )
        .where(PlanVersionRow.thread_id.in_(owned)),
        "routes": select(RouteRow.thread_id, RouteRow.route, func.count())
        .where(RouteRow.thread_id.in_(owned))
        .group_by(RouteRow.thread_id, RouteRow.route),
    }
    async with engine.connect() as conn:
        return {name: list((await conn.execute(q)).all()) for name, q in queries.items()}


def _summaries(rows: dict[str, list[Any]]) -> dict[str, SessionSummary]:
    out: dict[str, SessionSummary] = {}
    for tid, name, created, meta in rows["threads"]:
        script = _script_memory(meta)
        title = str(script.get("title") or name or "Untitled session")
        out[tid] = SessionSummary(
            thread_id=tid, title=title, scenes=script.get("scenes"), last_activity=_iso(created)
        )
    for tid, last in rows["steps"]:
        out[tid].last_activity = max(out[tid].last_activity, _iso(last))
    for tid, count, drafts, last, current in rows["plans"]:
        s = out[tid]
        s.versions, s.draft, s.current_version = int(count), 1 + int(drafts or 0), current
        s.last_activity = max(s.last_activity, _iso(last))
    for tid, figures in rows["figures"]:
        s = out[tid]
        s.days, s.budget, s.savings = figures["days"], figures["likely"], figures["saving"]
        s.currency, s.title = figures["currency"], figures["title"] or s.title
    for tid, provider, count, t_in, t_out, cost in rows["usage"]:
        out[tid].by_provider[provider] = ProviderUse(
            messages=int(count),
            tokens_in=int(t_in or 0),
            tokens_out=int(t_out or 0),
            cost=float(cost or 0.0),
        )
    for tid, route, count in rows["routes"]:
        out[tid].routes[route] = int(count)
    for tid, plan in rows.get("boards", []):
        out[tid].board = board_keys(plan if isinstance(plan, dict) else json.loads(plan))
    return out


def _sorted(sessions: list[SessionSummary], sort: str) -> list[SessionSummary]:
    if sort == "title":
        return sorted(sessions, key=lambda s: (s.title.casefold(), s.thread_id))
    if sort == "budget":
        return sorted(sessions, key=lambda s: (s.budget is None, -(s.budget or 0.0)))
    return sorted(sessions, key=lambda s: s.last_activity, reverse=True)


async def load_review(
    engine: AsyncEngine, user_id: str, *, sort: str = "activity", search: str = ""
) -> Review:
    """The user's sessions sorted (`SORTS`) and filtered by a title search, with usage.

    The usage totals cover the sessions listed. ValueError names an unknown sort.
    """
    if sort not in SORTS:
        raise ValueError(f"sort {sort!r} is not one of {', '.join(SORTS)}")
    found = _summaries(await _rows(engine, user_id)).values()
    needle = search.strip().casefold()
    sessions = _sorted([s for s in found if needle in s.title.casefold()], sort)
    review = Review(sessions=sessions)
    for s in sessions:
        for provider, use in s.by_provider.items():
            review.by_provider.setdefault(provider, ProviderUse()).add(use)
        for route, count in s.routes.items():
            review.routes[route] = review.routes.get(route, 0) + count
    return review
