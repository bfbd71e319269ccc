"""Two `greenlight serve` instances on one PostgreSQL behind a real HAProxy (sticky by
cookie): a user's session is served by one; that instance is SIGKILLed; the user signs in
again through the same address, resumes the thread on the other instance, and finds the
same plan version and goes on planning from it."""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.chatdriver import ChatClient, Server
from tests.browser.server import _free_port
from tests.conftest import SCREENPLAYS
from tests.haproxy import COOKIE, running_haproxy

pytestmark = [pytest.mark.slow, pytest.mark.postgres]
SCRIPT = "the-library-freak-out.fountain"


@pytest.fixture
def two_instances(tmp_path: Path, postgres_db_url: str) -> Iterator[tuple[str, dict[str, Server]]]:
    port = _free_port()
    public = f"http://127.0.0.1:{port}"
    a = Server(tmp_path / "a", database_url=postgres_db_url, public_url=public)
    b = Server(tmp_path / "b", peer=a, public_url=public)
    servers = {"a": a, "b": b}
    try:
        for server in servers.values():
            server.start()
        with running_haproxy(port, {n: s.settings.port for n, s in servers.items()}):
            yield public, servers
    finally:
        for server in servers.values():
            server.stop()


async def _plan_then_kill(url: str, servers: dict[str, Server]) -> tuple[str, str]:
    user = servers["a"].first_user
    client = ChatClient(url, user.name, user.password)
    await client.connect()
    pinned = client.http.cookies.get(COOKIE)
    assert pinned in servers, f"no sticky cookie: {dict(client.http.cookies)}"
    ref = await client.upload(SCRIPT, (SCREENPLAYS / SCRIPT).read_bytes())
    planned = await client.ask("Plan the shoot at 4 pages a day.", files=[ref])
    assert "current plan: version 1" in " ".join(planned.messages).lower(), planned.messages
    longer = await client.ask("What if we shoot it in 4 days?")
    assert "current plan: version 2" in " ".join(longer.messages).lower(), longer.messages
    await client.close()
    assert client.thread_id
    await asyncio.to_thread(servers[pinned].stop, signal.SIGKILL)
    return pinned, client.thread_id


async def test_a_session_resumes_on_the_other_instance(two_instances) -> None:
    url, servers = two_instances
    killed, thread_id = await _plan_then_kill(url, servers)
    await asyncio.sleep(1.5)  # haproxy's checks mark the killed instance down
    user = servers["a"].first_user
    client = ChatClient(url, user.name, user.password, thread_id=thread_id)
    try:
        await client.connect()
        survivor = client.http.cookies.get(COOKIE)
        assert survivor in servers and survivor != killed
        saved = await client.thread(thread_id)
        said = [s["output"] for s in saved["steps"] if s["type"] == "user_message"]
        assert said == ["Plan the shoot at 4 pages a day.", "What if we shoot it in 4 days?"]
        shown = await client.ask("Show the schedule.")
        assert "current plan: version 2" in " ".join(shown.messages).lower(), shown.messages
        again = await client.ask("What if we shoot it in 3 days?")
        assert "current plan: version 3" in " ".join(again.messages).lower(), again.messages
    finally:
        await client.close()
