"""The real server's HTTP API: sign-in, and one user never reaching another's sessions.

A session of user A is written through the app's own data layer into the server's database;
user B then tries every thread endpoint with B's own valid sign-in.
"""

from __future__ import annotations

import asyncio
import re
import uuid
from collections.abc import Iterator

import httpx
import pytest
from chainlit.context import init_http_context
from chainlit.element import File
from chainlit.message import Message
from chainlit.user import User

from greenlight.chat.datalayer import GreenlightDataLayer
from store.storage import LocalStorageClient
from tests.browser.server import AppServer, running_app

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppServer]:
    with running_app(tmp_path_factory.mktemp("api")) as app:
        app.add_user("second", "second-password")
        yield app


def _signed_in(server: AppServer, name: str, password: str) -> httpx.Client:
    client = httpx.Client(base_url=server.url, timeout=30)
    response = client.post("/login", data={"username": name, "password": password})
    assert response.status_code == 200, response.text
    return client


async def _write_thread(server: AppServer, owner: str) -> tuple[str, str, str]:
    settings = server.settings
    layer = GreenlightDataLayer(
        settings.resolved_database_url(), storage=LocalStorageClient(settings.data_dir / "files")
    )
    try:
        user = await layer.create_user(User(identifier=owner))
        assert user is not None
        thread_id = str(uuid.uuid4())
        init_http_context(thread_id=thread_id, user=user)
        await layer.update_thread(thread_id, name="Secret Script", user_id=user.id)
        message = Message(content="the budget is 1,234,567")
        message.thread_id = thread_id
        await layer.create_step(message.to_dict())
        element = File(
            name="plan.csv",
            content=b"a,b\n",
            mime="text/csv",
            thread_id=thread_id,
            for_id=message.id,
        )
        await layer.create_element(element)
        thread = await layer.get_thread(thread_id)
        assert thread is not None
        return thread_id, element.id, thread["elements"][0]["url"]
    finally:
        await layer.engine.dispose()


@pytest.fixture(scope="module")
def owned(server: AppServer) -> tuple[str, str, str]:
    return asyncio.run(_write_thread(server, server.first_user.name))


def test_wrong_password_and_no_sign_in_get_nothing(server: AppServer, owned) -> None:
    anonymous = httpx.Client(base_url=server.url)
    bad = anonymous.post("/login", data={"username": "second", "password": "nope-nope"})
    assert bad.status_code == 401
    thread_id, _element_id, file_url = owned
    assert (
        anonymous.post(
            "/project/threads", json={"pagination": {"first": 20}, "filter": {}}
        ).status_code
        == 401
    )
    assert anonymous.get(f"/project/thread/{thread_id}").status_code == 401
    assert anonymous.get(file_url).status_code == 401


def test_owner_sees_their_session(server: AppServer, owned) -> None:
    thread_id, _element_id, file_url = owned
    owner = _signed_in(server, server.first_user.name, server.first_user.password)
    listed = owner.post("/project/threads", json={"pagination": {"first": 20}, "filter": {}})
    assert [t["name"] for t in listed.json()["data"]] == ["Secret Script"]
    assert owner.get(f"/project/thread/{thread_id}").json()["id"] == thread_id
    assert owner.get(file_url).content == b"a,b\n"


def test_second_user_cannot_reach_the_first_users_session(server: AppServer, owned) -> None:
    thread_id, element_id, file_url = owned
    other = _signed_in(server, "second", "second-password")
    assert other.get("/user").json()["identifier"] == "second"
    listed = other.post("/project/threads", json={"pagination": {"first": 20}, "filter": {}})
    assert listed.status_code == 200 and listed.json()["data"] == []
    forged = other.post(
        "/project/threads",
        json={"pagination": {"first": 20}, "filter": {"userId": "anything", "search": "budget"}},
    )
    assert forged.json()["data"] == []
    attempts = [
        other.get(f"/project/thread/{thread_id}"),
        other.get(f"/project/thread/{thread_id}/element/{element_id}"),
        other.get(f"/project/share/{thread_id}"),
        other.get(file_url),
        other.request("DELETE", "/project/thread", json={"threadId": thread_id}),
        other.put("/project/thread", json={"threadId": thread_id, "name": "mine now"}),
    ]
    for response in attempts:
        assert response.status_code in (401, 403, 404), (response.request.url, response.text)
        assert "1,234,567" not in response.text and "Secret Script" not in response.text
    owner = _signed_in(server, server.first_user.name, server.first_user.password)
    assert owner.get(f"/project/thread/{thread_id}").json()["name"] == "Secret Script"


def test_unknown_thread_is_404_not_a_server_error(server: AppServer) -> None:
    other = _signed_in(server, "second", "second-password")
    assert other.get(f"/project/thread/{uuid.uuid4()}").status_code == 404


def test_page_has_no_third_party_links(server: AppServer) -> None:
    html = httpx.get(server.url + "/").text
    assert "<title>Greenlight</title>" in html
    assert not re.search(r"""(?:href|src)\s*=\s*["'](?:https?:)?//""", html)


def test_other_origins_get_no_cors_and_no_websocket(server: AppServer) -> None:
    own = server.url
    evil = "http://evil.example"
    preflight = {"Access-Control-Request-Method": "POST"}
    allowed = httpx.options(own + "/project/threads", headers={"Origin": own, **preflight})
    assert allowed.headers.get("access-control-allow-origin") == own
    refused = httpx.options(own + "/project/threads", headers={"Origin": evil, **preflight})
    assert "access-control-allow-origin" not in refused.headers
    handshake = own + "/ws/socket.io/?EIO=4&transport=polling"
    assert httpx.get(handshake, headers={"Origin": own}).status_code == 200
    bad = httpx.get(handshake, headers={"Origin": evil})
    assert bad.status_code == 400 and "not an accepted origin" in bad.text


def test_deleting_a_session_deletes_its_files(server: AppServer) -> None:
    thread_id, _element_id, file_url = asyncio.run(_write_thread(server, "second"))
    owner = _signed_in(server, "second", "second-password")
    assert owner.get(file_url).status_code == 200
    files = server.settings.data_dir / "files"
    digest = file_url.rsplit("/", 1)[1]
    assert (files / digest[:2] / digest).is_file()
    deleted = owner.request("DELETE", "/project/thread", json={"threadId": thread_id})
    assert deleted.status_code == 200
    assert owner.get(f"/project/thread/{thread_id}").status_code == 404
    assert owner.get(file_url).status_code == 404
    assert not (files / digest[:2] / digest).exists()
