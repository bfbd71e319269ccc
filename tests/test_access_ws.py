"""The real server's websocket: one user never reaching another's session through it.

User A chats over the websocket (fake model); user B, signed in with B's own password, then
asks to resume A's thread as the page does, and tries to post into it from a session of B's.
A's thread is read back as A through REST afterwards.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Iterator

import pytest
import socketio

from bench.chatdriver import ChatClient
from tests.browser.server import AppServer, running_app

pytestmark = pytest.mark.slow

FAKE_REPLY = "Your budget stays between us."
SECRET = "the budget is 1,234,567"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppServer]:
    with running_app(tmp_path_factory.mktemp("ws"), fake_model=FAKE_REPLY) as app:
        app.add_user("second", "second-password")
        yield app


async def _owner_thread(server: AppServer) -> str:
    owner = ChatClient(server.url, server.first_user.name, server.first_user.password)
    try:
        await owner.connect()
        assert (await owner.ask(SECRET)).answer.strip()
        assert owner.thread_id
        return owner.thread_id
    finally:
        await owner.close()


async def _saved_as_owner(server: AppServer, thread_id: str) -> dict:
    owner = ChatClient(server.url, server.first_user.name, server.first_user.password)
    try:
        login = {"username": owner.name, "password": owner.password}
        (await owner.http.post("/login", data=login)).raise_for_status()
        return await owner.thread(thread_id)
    finally:
        await owner.close()


def _said(thread: dict) -> list[str]:
    return [s["output"] for s in thread["steps"] if s["type"] == "user_message"]


async def test_another_user_cannot_resume_or_write_into_a_thread_over_the_websocket(
    server: AppServer,
) -> None:
    thread_id = await _owner_thread(server)
    before = await _saved_as_owner(server, thread_id)
    assert _said(before) == [SECRET] and before["userIdentifier"] == server.first_user.name

    intruder = ChatClient(server.url, "second", "second-password", thread_id=thread_id)
    with pytest.raises(socketio.exceptions.ConnectionError):
        await intruder.connect()
    assert intruder.events == [] and intruder.messages() == []
    assert intruder.thread_id == thread_id, "no resume of the thread reached the intruder"
    await intruder.close()

    # From a session of B's own, a message naming A's thread must stay in B's session.
    forger = ChatClient(server.url, "second", "second-password")
    try:
        await forger.connect()
        forger.thread_id = thread_id
        reply = await forger.ask("mine now")
        assert SECRET not in " ".join(reply.messages)
    finally:
        await forger.close()

    after = await _saved_as_owner(server, thread_id)
    assert after["userIdentifier"] == server.first_user.name
    assert _said(after) == [SECRET]
    assert [s["id"] for s in after["steps"]] == [s["id"] for s in before["steps"]]
    assert after.get("elements") == before.get("elements")


async def test_an_unauthenticated_websocket_is_refused(server: AppServer) -> None:
    for headers in ({"Origin": server.url}, {"Origin": server.url, "Cookie": "access_token=x"}):
        sio = socketio.AsyncClient(reconnection=False)
        seen: list[str] = []
        sio.on("*", lambda event, *_, seen=seen: seen.append(event))
        auth = {"sessionId": str(uuid.uuid4()), "clientType": "webapp", "userEnv": "{}"}
        with pytest.raises(socketio.exceptions.ConnectionError):
            await sio.connect(
                server.url,
                socketio_path="/ws/socket.io",
                transports=["websocket"],
                headers=headers,
                auth=auth,
                wait_timeout=30,
            )
        await asyncio.sleep(0.2)
        assert not sio.connected and seen == []
        await sio.disconnect()
