"""The real server's websocket: steps bound to their thread and user, revoked tokens refused
at connect, the files-per-message limit, and script text shown as plain text in steps.

Each test failed on the code before the security layer.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import httpx
import pytest
import socketio

from bench.chatdriver import ChatClient
from tests.browser.server import AppServer, running_app

pytestmark = pytest.mark.slow

SECRET = "the budget is 1,234,567"
TRACKER = "http://127.0.0.1:9/pixel.png"
SCRIPT = f"""Title: ![pixel]({TRACKER})

INT. RADIO STUDIO - NIGHT

MAYA speaks into the microphone.

MAYA
Good evening.
"""


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppServer]:
    with running_app(tmp_path_factory.mktemp("secws"), fake_model="Noted.") as app:
        app.add_user("second", "second-password")
        yield app


async def _as_owner(server: AppServer, thread_id: str) -> dict:
    owner = ChatClient(server.url, server.first_user.name, server.first_user.password)
    try:
        login = {"username": owner.name, "password": owner.password}
        (await owner.http.post("/login", data=login)).raise_for_status()
        return await owner.thread(thread_id)
    finally:
        await owner.close()


async def test_a_step_id_of_another_users_thread_does_not_overwrite_it(
    server: AppServer,
) -> None:
    owner = ChatClient(server.url, server.first_user.name, server.first_user.password)
    try:
        await owner.connect()
        await owner.ask(SECRET)
        thread_id = owner.thread_id
        assert thread_id
    finally:
        await owner.close()
    before = await _as_owner(server, thread_id)
    step = next(s for s in before["steps"] if s["type"] == "user_message")
    assert step["output"] == SECRET

    forger = ChatClient(server.url, "second", "second-password")
    try:
        await forger.connect()
        await forger.ask("overwritten by someone else", step_id=step["id"])
    finally:
        await forger.close()
    after = await _as_owner(server, thread_id)
    kept = [s for s in after["steps"] if s["id"] == step["id"]]
    assert [s["output"] for s in kept] == [SECRET]
    assert [s["id"] for s in after["steps"]] == [s["id"] for s in before["steps"]]


async def test_a_signed_out_token_cannot_open_a_websocket(server: AppServer) -> None:
    client = ChatClient(server.url, "second", "second-password")
    try:
        await client.connect()
        token = client.http.cookies["access_token"]
        await client.sio.disconnect()
        assert (await client.http.post("/logout")).status_code == 200
    finally:
        await client.close()
    sio = socketio.AsyncClient(reconnection=False)
    with pytest.raises(socketio.exceptions.ConnectionError):
        await sio.connect(
            server.url,
            socketio_path="/ws/socket.io",
            transports=["websocket"],
            headers={"Cookie": f"access_token={token}", "Origin": server.url},
            auth={"sessionId": "s", "clientType": "webapp", "userEnv": "{}"},
            wait_timeout=30,
        )
    await sio.disconnect()
    with httpx.Client(base_url=server.url, cookies={"access_token": token}) as stale:
        assert stale.get("/user").status_code == 401


async def test_more_files_than_the_limit_are_refused_with_a_message(server: AppServer) -> None:
    client = ChatClient(server.url, "second", "second-password")
    try:
        await client.connect()
        files = [await client.upload(f"part{i}.fountain", SCRIPT.encode()) for i in range(6)]
        turn = await client.ask("", files=files)
    finally:
        await client.close()
    said = " ".join(turn.messages)
    assert "6 files" in said and "at most 5" in said, said
    assert "Breakdown" not in client.events and "scenes" not in said


async def test_script_text_in_steps_is_plain_text(server: AppServer) -> None:
    client = ChatClient(server.url, "second", "second-password")
    try:
        await client.connect()
        await client.ask("", files=[await client.upload("tracker.fountain", SCRIPT.encode())])
        thread_id = client.thread_id
        assert thread_id
        # The data layer writes a step's last update after the turn's answer: on a loaded
        # machine the first read can come before it, so read again for up to 30 s (a full
        # suite on 2 cores has taken more than 10).
        for _ in range(60):
            saved = await client.thread(thread_id)
            tools = [s for s in saved["steps"] if s["type"] == "tool"]
            if any("pixel" in (s["output"] or "") for s in tools):
                break
            await asyncio.sleep(0.5)
    finally:
        await client.close()
    assert tools, saved["steps"]
    for step in tools:
        assert step["language"] == "text", step
        assert "![" not in (step["output"] or "") and TRACKER not in (step["output"] or "")
    assert any("pixel" in (s["output"] or "") for s in tools), [s["output"] for s in tools]
