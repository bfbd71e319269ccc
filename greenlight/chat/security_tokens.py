"""Sign-in tokens that can be revoked: each carries its user's token version.

Chainlit's tokens are signed JWTs valid for `user_session_timeout` (15 days) with no way to
end them. Greenlight signs the user's token version (`store.users.token_version`) into the
token's metadata at sign-in, and `TokenGate` checks it on every HTTP request and websocket
connect: a token that is not current (signed out, password changed, user deleted, expired,
forged) is removed from the request before Chainlit sees it, so the request is simply not
signed in (and /login still works). `refresh_router` replaces Chainlit's /auth/jwt, which
minted a fresh 15-day token from any valid one: it hands back the same token, so a token
never outlives its own expiry.
"""

from __future__ import annotations

import os
from collections.abc import Awaitable, Callable
from typing import Any

import jwt
from chainlit.auth import get_token_from_cookies, set_auth_cookie
from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import JSONResponse
from starlette.requests import cookie_parser
from starlette.types import ASGIApp, Receive, Scope, Send

from greenlight.chat.secret import SECRET_ENV

__all__ = [
    "TOKEN_VERSION",
    "TokenGate",
    "VersionOf",
    "current_identifier",
    "refresh_router",
    "request_token",
]

#: The key of the token version in a signed-in user's metadata (and so in the token).
TOKEN_VERSION = "tokenVersion"

VersionOf = Callable[[str], Awaitable[int | None]]
"""The current token version of a user, or None for no such user."""


def _cookie_name() -> str:
    return os.environ.get("CHAINLIT_AUTH_COOKIE_NAME", "access_token")


def _claims(token: str) -> dict[str, Any] | None:
    secret = os.environ.get(SECRET_ENV)
    if not secret:
        return None
    try:
        return dict(jwt.decode(token, secret, algorithms=["HS256"]))
    except jwt.PyJWTError:  # expired, forged or malformed: not signed in
        return None


async def current_identifier(token: str, version_of: VersionOf) -> str | None:
    """The user a token signs in, when it is valid and carries their current version."""
    claims = _claims(token)
    if claims is None:
        return None
    identifier, metadata = claims.get("identifier"), claims.get("metadata")
    version = metadata.get(TOKEN_VERSION) if isinstance(metadata, dict) else None
    if not isinstance(identifier, str) or not isinstance(version, int):
        return None
    return identifier if await version_of(identifier) == version else None


def _bearer(value: bytes) -> str | None:
    scheme, _, token = value.decode("latin-1").partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


class TokenGate:
    """ASGI middleware: sign-in tokens that are not current are taken out of the request.

    Anonymous requests to `signed_in_paths` (uploads) are answered 401 before their body
    is read.
    """

    def __init__(
        self, app: ASGIApp, *, version_of: VersionOf, signed_in_paths: tuple[str, ...] = ()
    ) -> None:
        self.app = app
        self.version_of = version_of
        self.signed_in_paths = signed_in_paths

    async def _screen(
        self, headers: list[tuple[bytes, bytes]]
    ) -> tuple[list[tuple[bytes, bytes]], bool]:
        """The headers without stale tokens, and whether a current token remains."""
        name = _cookie_name()
        kept: list[tuple[bytes, bytes]] = []
        signed_in = False
        for key, value in headers:
            if key == b"cookie":
                cookies = cookie_parser(value.decode("latin-1"))
                token = get_token_from_cookies(cookies)
                if token and await current_identifier(token, self.version_of):
                    signed_in = True
                elif token:
                    others = {
                        k: v
                        for k, v in cookies.items()
                        if k != name and not k.startswith(name + "_")
                    }
                    value = "; ".join(f"{k}={v}" for k, v in others.items()).encode("latin-1")
            elif key == b"authorization" and (token := _bearer(value)) is not None:
                if not await current_identifier(token, self.version_of):
                    continue
                signed_in = True
            kept.append((key, value))
        return kept, signed_in

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        headers, signed_in = await self._screen(list(scope.get("headers") or ()))
        scope = {**scope, "headers": headers}
        if scope["type"] == "http" and not signed_in and scope.get("path") in self.signed_in_paths:
            await _unauthorized(send)
            return
        await self.app(scope, receive, send)


async def _unauthorized(send: Send) -> None:
    body = b'{"detail":"Sign in first"}'
    await send(
        {
            "type": "http.response.start",
            "status": 401,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", b"%d" % len(body)),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


def request_token(request: Request) -> str | None:
    """The request's sign-in token (cookie first, then bearer), as Chainlit reads it."""
    token = get_token_from_cookies(dict(request.cookies))
    if token:
        return token
    header = request.headers.get("authorization")
    return _bearer(header.encode("latin-1")) if header else None


def refresh_router(version_of: VersionOf) -> APIRouter:
    """POST /auth/jwt: a current bearer token back as the cookie, with its own expiry."""
    router = APIRouter()

    @router.post("/auth/jwt")
    async def refresh(request: Request) -> JSONResponse:
        header = request.headers.get("authorization")
        token = _bearer(header.encode("latin-1")) if header else None
        if token is None or await current_identifier(token, version_of) is None:
            raise HTTPException(status_code=401, detail="Invalid token")
        response = JSONResponse({"access_token": token, "token_type": "bearer"})
        set_auth_cookie(request, response, token)
        return response

    return router
