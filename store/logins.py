"""Failed sign-ins per user name and per client address, with exponential backoff.

The counts live in the `login_failures` table, so every app instance on the database sees
the same ones. A key ("user:NAME" or "addr:ADDRESS") gets a few free failures; each failure
after those locks the key for twice as long as the one before, up to a cap. A success
clears the user's count (not the address's: one valid account must not reset the count of
an address guessing at others). A key forgets its failures after a quiet hour.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

__all__ = ["LoginPolicy", "address_key", "clear", "locked_for", "record_failure", "user_key"]


@dataclass(frozen=True)
class LoginPolicy:
    """How many failures are free and how long the locks after them last."""

    free_user_failures: int = 5
    """Failures of one user name before its sign-ins are delayed."""
    free_address_failures: int = 20
    """Failures from one address (any names) before its sign-ins are delayed."""
    first_lock_s: float = 1.0
    """The first lock; each further failure doubles it."""
    max_lock_s: float = 900.0
    """The longest lock (15 minutes)."""
    forget_after_s: float = 3600.0
    """A key with no failure for this long starts again from zero."""

    def lock_s(self, failures: int, *, free: int) -> float:
        """Seconds a key stays locked after its `failures`-th failure."""
        over = failures - free
        return 0.0 if over <= 0 else min(self.max_lock_s, self.first_lock_s * 2 ** (over - 1))


def user_key(name: str) -> str:
    """The key counting failures of one user name (case-folded: names differ only by case)."""
    return "user:" + name.strip().casefold()[:128]


def address_key(address: str) -> str:
    """The key counting failures from one client address."""
    return "addr:" + address[:64]


def _ms(seconds: float) -> int:
    return int(seconds * 1000)


async def locked_for(
    engine: AsyncEngine, keys: Iterable[str], *, now: float | None = None
) -> float:
    """Seconds until every key may try again (0 when none is locked)."""
    now_ms = _ms(time.time() if now is None else now)
    wanted = list(keys)
    params = {f"k{i}": key for i, key in enumerate(wanted)}
    names = ", ".join(f":k{i}" for i in range(len(wanted)))
    async with engine.connect() as conn:
        rows = await conn.execute(
            text(f'SELECT MAX("lockedUntil") FROM login_failures WHERE "key" IN ({names})'),
            params,
        )
        until = rows.scalar()
    return max(0.0, ((until or 0) - now_ms) / 1000)


async def record_failure(
    engine: AsyncEngine, key: str, *, free: int, policy: LoginPolicy, now: float | None = None
) -> int:
    """Count one failure of `key` and lock it as the policy says; returns its failure count."""
    now_s = time.time() if now is None else now
    forget = _ms(now_s - policy.forget_after_s)
    async with engine.begin() as conn:
        # One atomic upsert counts the failure, so instances racing on a key lose no count.
        count = (
            await conn.execute(
                text(
                    'INSERT INTO login_failures ("key", "failures", "lockedUntil", "updatedAt") '
                    'VALUES (:k, 1, 0, :now) ON CONFLICT ("key") DO UPDATE SET "failures" = '
                    'CASE WHEN login_failures."updatedAt" < :forget THEN 1 '
                    'ELSE login_failures."failures" + 1 END, "updatedAt" = :now '
                    'RETURNING "failures"'
                ),
                {"k": key, "now": _ms(now_s), "forget": forget},
            )
        ).scalar_one()
        lock = policy.lock_s(int(count), free=free)
        if lock > 0:
            await conn.execute(
                text('UPDATE login_failures SET "lockedUntil" = :until WHERE "key" = :k'),
                {"k": key, "until": _ms(now_s + lock)},
            )
    return int(count)


async def clear(engine: AsyncEngine, key: str) -> None:
    """Forget a key's failures (after a successful sign-in)."""
    async with engine.begin() as conn:
        await conn.execute(text('DELETE FROM login_failures WHERE "key" = :k'), {"k": key})
