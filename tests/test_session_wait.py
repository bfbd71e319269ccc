"""An upload sent before its websocket session is registered waits for it (the sign-in race)."""

from __future__ import annotations

import asyncio

import httpx
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from greenlight.chat.session_wait import WaitForSession

SESSIONS: dict[str, object] = {}


async def upload(request: Request) -> JSONResponse:
    # What Chainlit's upload route does first: one lookup, 404 when absent.
    if request.query_params["session_id"] not in SESSIONS:
        return JSONResponse({"detail": "Session not found"}, status_code=404)
    return JSONResponse({"ok": True})


def app(wait_s: float) -> Starlette:
    inner = Starlette(routes=[Route("/project/file", upload, methods=["POST"])])
    inner.add_middleware(WaitForSession, wait_s=wait_s, poll_s=0.01, lookup=SESSIONS.get)
    return inner


async def post(application: Starlette, session_id: str) -> httpx.Response:
    transport = httpx.ASGITransport(app=application)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        return await client.post(f"/project/file?session_id={session_id}", timeout=10)


async def test_an_early_upload_waits_for_its_session() -> None:
    async def connect_later() -> None:
        await asyncio.sleep(0.3)
        SESSIONS["s1"] = object()

    connecting = asyncio.create_task(connect_later())
    response = await post(app(wait_s=5.0), "s1")
    await connecting
    assert response.status_code == 200


async def test_an_unknown_session_still_fails_after_the_wait() -> None:
    response = await post(app(wait_s=0.2), "nobody")
    assert response.status_code == 404 and response.json()["detail"] == "Session not found"
