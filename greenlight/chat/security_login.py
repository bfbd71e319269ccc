"""Sign-in with limits: per user name and per client address, with backoff.

`login_router` answers POST /login ahead of Chainlit's route and then hands over to it (so
Chainlit still checks the password through the app's callback and sets the cookie). Before
that it refuses, with 429 and Retry-After, a name or address locked by earlier failures
(`store.logins`, in the database so every instance shares the counts), and it lets one
attempt per name and a few per address run at a time in this process, so a burst of
parallel guesses is counted one by one instead of all passing the check together.
"""

from __future__ import annotations

import asyncio
import math
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Request, Response
from fastapi.security import OAuth2PasswordRequestForm
from sqlalchemy.ext.asyncio import AsyncEngine

from greenlight.chat.security_http import client_address
from store import logins

__all__ = ["KeyedSlots", "login_router"]

#: Sign-ins of one user name checked at a time in one process.
PER_USER = 1
#: Sign-ins from one address checked at a time in one process.
PER_ADDRESS = 4

LoginEndpoint = Callable[[Request, Response, OAuth2PasswordRequestForm], Awaitable[Any]]


class KeyedSlots:
    """At most `size` holders per key at once; a key's semaphore lives while it is held."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._slots: dict[str, tuple[asyncio.Semaphore, int]] = {}

    @asynccontextmanager
    async def hold(self, key: str) -> AsyncIterator[None]:
        """Wait for a slot of `key`, hold it for the block."""
        semaphore, holders = self._slots.get(key, (asyncio.Semaphore(self.size), 0))
        self._slots[key] = (semaphore, holders + 1)
        try:
            async with semaphore:
                yield
        finally:
            semaphore, holders = self._slots[key]
            if holders <= 1:
                del self._slots[key]
            else:
                self._slots[key] = (semaphore, holders - 1)

    def __len__(self) -> int:
        return len(self._slots)


def login_router(
    engine: AsyncEngine,
    chainlit_login: LoginEndpoint,
    *,
    policy: logins.LoginPolicy | None = None,
) -> APIRouter:
    """POST /login with the limits, then `chainlit_login` (Chainlit's own /login endpoint)."""
    policy = policy or logins.LoginPolicy()
    users, addresses = KeyedSlots(PER_USER), KeyedSlots(PER_ADDRESS)
    router = APIRouter()

    @router.post("/login")
    async def login(
        request: Request,
        response: Response,
        form_data: OAuth2PasswordRequestForm = Depends(),  # noqa: B008 (FastAPI's idiom)
    ) -> Any:
        user_key = logins.user_key(form_data.username)
        address_key = logins.address_key(client_address(request.scope))
        # Address first, then name, in every request: no two requests wait on each other.
        async with addresses.hold(address_key), users.hold(user_key):
            wait = await logins.locked_for(engine, (user_key, address_key))
            if wait > 0:
                seconds = math.ceil(wait)
                raise HTTPException(
                    status_code=429,
                    detail=f"Too many failed sign-ins: try again in {seconds} s.",
                    headers={"Retry-After": str(seconds)},
                )
            try:
                answer = await chainlit_login(request, response, form_data)
            except HTTPException as exc:
                if exc.status_code == 401:
                    free = policy.free_user_failures
                    await logins.record_failure(engine, user_key, free=free, policy=policy)
                    free = policy.free_address_failures
                    await logins.record_failure(engine, address_key, free=free, policy=policy)
                raise
            await logins.clear(engine, user_key)
            return answer

    return router
