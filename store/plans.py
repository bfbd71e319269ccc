"""Plan versions per thread: every plan or what-if saves a new version; one is current.

Versions are numbered from 1 per thread. Going back to a version makes it current without
deleting anything, so a later what-if branches from it (its parent is recorded).

A saved version never changes, so the store keeps the most recently used ones in memory: a
turn that lists, compares or goes back to versions decodes each plan's JSON once, not on
every turn. The records are shared between callers and must be treated as read-only.
"""

from __future__ import annotations

from collections import OrderedDict
from datetime import datetime
from typing import Any

from pydantic import BaseModel
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker

from store.models import PlanVersionRow, ThreadPlanRow

__all__ = ["PlanStore", "StoredPlan"]


class StoredPlan(BaseModel):
    """A saved plan version as the graph reads it back."""

    thread_id: str
    version: int
    parent_version: int | None = None
    label: str = ""
    inputs: dict[str, Any]
    plan: dict[str, Any]
    created_at: datetime | None = None


def _record(row: PlanVersionRow) -> StoredPlan:
    return StoredPlan(
        thread_id=row.thread_id,
        version=row.version,
        parent_version=row.parent_version,
        label=row.label,
        inputs=row.inputs,
        plan=row.plan,
        created_at=row.created_at,
    )


class PlanStore:
    """Saves and reads plan versions of threads in Greenlight's database."""

    CACHED_VERSIONS = 256
    """Versions kept decoded in memory (a plan's JSON is tens to hundreds of KB)."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._sessions = async_sessionmaker(engine, expire_on_commit=False)
        self._cache: OrderedDict[tuple[str, int], StoredPlan] = OrderedDict()

    def _keep(self, record: StoredPlan) -> StoredPlan:
        self._cache[(record.thread_id, record.version)] = record
        self._cache.move_to_end((record.thread_id, record.version))
        while len(self._cache) > self.CACHED_VERSIONS:
            self._cache.popitem(last=False)
        return record

    def _cached(self, thread_id: str, version: int) -> StoredPlan | None:
        found = self._cache.get((thread_id, version))
        if found is not None:
            self._cache.move_to_end((thread_id, version))
        return found

    async def save(
        self, thread_id: str, *, inputs: dict[str, Any], plan: dict[str, Any], label: str = ""
    ) -> StoredPlan:
        """Save a new version (numbered after the last one), make it current, return it."""
        async with self._sessions.begin() as session:
            last = await session.scalar(
                select(func.max(PlanVersionRow.version)).where(
                    PlanVersionRow.thread_id == thread_id
                )
            )
            current = await session.get(ThreadPlanRow, thread_id)
            row = PlanVersionRow(
                thread_id=thread_id,
                version=(last or 0) + 1,
                parent_version=current.current_version if current else None,
                label=label,
                inputs=inputs,
                plan=plan,
            )
            session.add(row)
            if current is None:
                session.add(ThreadPlanRow(thread_id=thread_id, current_version=row.version))
            else:
                current.current_version = row.version
            await session.flush()
            record = _record(row)
        return self._keep(record)

    async def get(self, thread_id: str, version: int) -> StoredPlan | None:
        """One version of a thread, or None when it does not exist."""
        if (cached := self._cached(thread_id, version)) is not None:
            return cached
        async with self._sessions() as session:
            row = await session.scalar(
                select(PlanVersionRow).where(
                    PlanVersionRow.thread_id == thread_id, PlanVersionRow.version == version
                )
            )
        return self._keep(_record(row)) if row else None

    async def current(self, thread_id: str) -> StoredPlan | None:
        """The thread's current version, or None before its first plan."""
        async with self._sessions() as session:
            pointer = await session.get(ThreadPlanRow, thread_id)
        return await self.get(thread_id, pointer.current_version) if pointer else None

    async def set_current(self, thread_id: str, version: int) -> StoredPlan:
        """Make an existing version current (going back); ValueError when it does not exist."""
        found = await self.get(thread_id, version)
        if found is None:
            raise ValueError(f"version {version} does not exist in this conversation")
        async with self._sessions.begin() as session:
            pointer = await session.get(ThreadPlanRow, thread_id)
            if pointer is None:
                session.add(ThreadPlanRow(thread_id=thread_id, current_version=version))
            else:
                pointer.current_version = version
        return found

    async def versions(self, thread_id: str) -> list[StoredPlan]:
        """Every version of a thread, oldest first (only those not in memory are decoded)."""
        async with self._sessions() as session:
            numbers = list(
                await session.scalars(
                    select(PlanVersionRow.version)
                    .where(PlanVersionRow.thread_id == thread_id)
                    .order_by(PlanVersionRow.version)
                )
            )
            found = {n: kept for n in numbers if (kept := self._cached(thread_id, n))}
            missing = [n for n in numbers if n not in found]
            if missing:
                for row in await session.scalars(
                    select(PlanVersionRow).where(
                        PlanVersionRow.thread_id == thread_id, PlanVersionRow.version.in_(missing)
                    )
                ):
                    found[row.version] = self._keep(_record(row))
        return [found[n] for n in numbers if n in found]

    async def delete_thread(self, thread_id: str) -> None:
        """Forget every version of a thread (when the conversation is deleted)."""
        for key in [key for key in self._cache if key[0] == thread_id]:
            del self._cache[key]
        async with self._sessions.begin() as session:
            for row in await session.scalars(
                select(PlanVersionRow).where(PlanVersionRow.thread_id == thread_id)
            ):
                await session.delete(row)
            pointer = await session.get(ThreadPlanRow, thread_id)
            if pointer is not None:
                await session.delete(pointer)
