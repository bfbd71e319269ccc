"""HTTP hardening in front of Chainlit: body limits, security headers, no API docs.

`BodyLimit` refuses an oversized request body before any route parses it or checks the
sign-in: a declared Content-Length over the limit is answered 413 without reading a byte,
and a body streamed without one is counted as it arrives and refused the moment it passes
the limit (the rest is never read). Uploads get the upload limit, every other route a small
one. `SecurityHeaders` adds the headers that keep the page out of frames and stop type
sniffing to every response. `client_address` is the address sign-in limits count by.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from fastapi import APIRouter, FastAPI, HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = [
    "SECURITY_HEADERS",
    "BodyLimit",
    "Limits",
    "SecurityHeaders",
    "client_address",
    "docs_router",
    "remove_api_docs",
]

SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
)
_FRAME_ANCESTORS = b"frame-ancestors 'none'"
_LOOPBACK = frozenset({"127.0.0.1", "::1"})


@dataclass(frozen=True)
class Limits:
    """Largest request bodies, in bytes, by kind of route."""

    upload: int
    """Routes that receive files (the upload limit plus room for the multipart framing)."""
    default: int = 256 * 1024
    """Every other route: JSON and forms of a few kilobytes."""
    socket: int = 1_000_000
    """Socket.IO's HTTP long-polling posts (Engine.IO's own message limit)."""
    upload_paths: tuple[str, ...] = ("/project/file",)

    def for_path(self, path: str) -> int:
        """The limit for a request to `path`."""
        if path in self.upload_paths:
            return self.upload
        return self.socket if path.startswith("/ws/socket.io") else self.default


def client_address(scope: Scope) -> str:
    """The client's address; behind a proxy on this machine, the address the proxy saw.

    X-Forwarded-For is believed only from loopback (a proxy on the same host appends the
    real peer last); from anywhere else a client could claim any address in it.
    """
    peer = (scope.get("client") or ("", 0))[0] or ""
    if peer in _LOOPBACK:
        for name, value in scope.get("headers") or ():
            if name == b"x-forwarded-for":
                last = value.decode("latin-1").rsplit(",", 1)[-1].strip()
                return last or peer
    return peer


class _TooLarge(Exception):
    """The body passed the limit while it was being read."""


async def _refuse(send: Send, status: int, detail: str) -> None:
    body = json.dumps({"detail": detail}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", b"%d" % len(body))]
    # The unread rest of the body makes the connection unusable for another request.
    headers.append((b"connection", b"close"))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def _declared_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers") or ():
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


class BodyLimit:
    """ASGI middleware: request bodies over the route's limit are refused with 413."""

    def __init__(self, app: ASGIApp, *, limits: Limits) -> None:
        self.app = app
        self.limits = limits

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limits.for_path(scope.get("path", ""))
        declared = _declared_length(scope)
        too_large = f"The request is larger than this route accepts ({limit:,} bytes)."
        if declared is not None and declared > limit:
            await _refuse(send, 413, too_large)
            return
        received, refused, started = 0, False, False

        async def counted() -> Message:
            nonlocal received, refused
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    refused = True
                    raise _TooLarge
            return message

        async def guarded(message: Message) -> None:
            nonlocal started
            if refused:  # the app's own error answer is replaced by the 413
                return
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted, guarded)
        except _TooLarge:
            pass
        except Exception:
            if not refused:
                raise
        if refused and not started:
            await _refuse(send, 413, too_large)


def _with_security_headers(headers: Iterable[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
    out = list(headers)
    present = {name.lower() for name, _ in out}
    out += [(name, value) for name, value in SECURITY_HEADERS if name not in present]
    for i, (name, value) in enumerate(out):
        if name.lower() == b"content-security-policy":
            if b"frame-ancestors" not in value:
                out[i] = (name, value + b"; " + _FRAME_ANCESTORS)
            return out
    return [*out, (b"content-security-policy", _FRAME_ANCESTORS)]


class SecurityHeaders:
    """ASGI middleware: frame, sniffing and referrer headers on every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": _with_security_headers(message["headers"])}
            await send(message)

        await self.app(scope, receive, with_headers)


def remove_api_docs(app: FastAPI) -> None:
    """Drop FastAPI's generated /docs, /redoc and /openapi.json (they map the whole API)."""
    paths = {app.docs_url, app.redoc_url, app.openapi_url, app.swagger_ui_oauth2_redirect_url}
    app.router.routes[:] = [r for r in app.router.routes if getattr(r, "path", None) not in paths]
    app.docs_url = app.redoc_url = app.openapi_url = None


def docs_router() -> APIRouter:
    """404 for the docs' paths (the page's catch-all route would otherwise answer them)."""
    router = APIRouter()

    async def not_found() -> None:
        raise HTTPException(status_code=404, detail="Not found")

    for path in ("/docs", "/docs/oauth2-redirect", "/redoc", "/openapi.json"):
        router.add_api_route(path, not_found, methods=["GET"], include_in_schema=False)
    return router
