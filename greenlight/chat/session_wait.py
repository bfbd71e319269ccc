"""Uploads that arrive before their websocket session: wait for it instead of failing.

Chainlit's page creates the session id itself and opens the websocket; the server registers
the session only when its `connect` handler has authenticated the socket. A file attached in
the first second after sign-in is POSTed to `/project/file?session_id=...` before that, and
Chainlit answers 404 "Session not found" (`server.upload_file` looks the session up once).
This middleware holds such an upload until the session is registered (at most `wait_s`),
then lets Chainlit handle it as usual; an id that never appears still gets Chainlit's 404.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qs

__all__ = ["UPLOAD_PATH", "WaitForSession"]

UPLOAD_PATH = "/project/file"
Scope = dict[str, Any]
ASGIApp = Callable[..., Any]


def _chainlit_session(session_id: str) -> object | None:
    from chainlit.session import WebsocketSession

    return WebsocketSession.get_by_id(session_id)


class WaitForSession:
    """ASGI middleware: an upload for a session not yet registered waits for it."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        wait_s: float = 5.0,
        poll_s: float = 0.05,
        lookup: Callable[[str], object | None] = _chainlit_session,
    ) -> None:
        self.app, self.wait_s, self.poll_s, self.lookup = app, wait_s, poll_s, lookup

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        upload = scope.get("type") == "http" and scope.get("method") == "POST"
        if upload and str(scope.get("path", "")).endswith(UPLOAD_PATH):
            query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
            if session_id := (query.get("session_id") or [""])[0]:
                await self._wait(session_id)
        await self.app(scope, receive, send)

    async def _wait(self, session_id: str) -> None:
        deadline = time.monotonic() + self.wait_s
        while self.lookup(session_id) is None and time.monotonic() < deadline:
            await asyncio.sleep(self.poll_s)
