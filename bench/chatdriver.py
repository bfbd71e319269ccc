"""Drive the real chat server as a browser would: sign in, open a websocket, upload, ask.

Chainlit's protocol (chainlit/socket.py): the socket at /ws/socket.io authenticates with the
access_token cookie from POST /login and names its session in the connect `auth`
(`sessionId`, and `threadId` to resume a saved thread); the client then emits
`connection_successful`. A message is `client_message` with a step dict; the server emits
`task_start` ... `task_end` around the turn. Files go first to POST /project/file with the
session id and are referenced by id in the message.

`Server` starts the app as `greenlight serve` does, and can be killed and started again on
the same data directory (the fault tests need that; tests/browser/server.py cannot).
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import signal
import subprocess
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import socketio

from greenlight.cli.serve import FirstUser, chainlit_command, prepare, server_env
from greenlight.cli.users import run_with_engine
from greenlight.settings import PROJECT_ROOT, Settings
from store import users
from tests.browser.server import _free_port, _off_loop, _wait_ready

__all__ = ["ChatClient", "Server", "Turn"]

TURN_TIMEOUT_S = 120.0


@dataclass
class Server:
    """A chat server process on a data directory that outlives it."""

    workdir: Path
    database_url: str | None = None
    fake_model: str | None = None
    peer: Server | None = None
    """Another instance of the same app: share its data directory (secret, files), database
    and users, as instances behind one load balancer do."""
    public_url: str | None = None
    """The load balancer's address, when the server sits behind one."""
    env: dict[str, str] = field(default_factory=dict)
    """More environment for the server (e.g. GREENLIGHT_JOBS=celery)."""
    settings: Settings = field(init=False)
    first_user: FirstUser = field(init=False)
    process: subprocess.Popen[bytes] | None = None

    def __post_init__(self) -> None:
        app_root = self.workdir / "app"
        (app_root / ".chainlit").mkdir(parents=True, exist_ok=True)
        shutil.copy(PROJECT_ROOT / ".chainlit" / "config.toml", app_root / ".chainlit")
        shutil.copy(PROJECT_ROOT / "chainlit.md", app_root)
        if self.peer is not None:
            self.settings = self.peer.settings.model_copy(
                update={"port": _free_port(), "public_url": self.public_url}
            )
            self.first_user = self.peer.first_user
            return
        self.settings = Settings(
            data_dir=self.workdir / "data",
            port=_free_port(),
            database_url=self.database_url,
            public_url=self.public_url,
        )
        first = _off_loop(prepare, self.settings)
        if first is None:
            raise ValueError(f"data directory {self.settings.data_dir} is not fresh")
        self.first_user = first

    @property
    def url(self) -> str:
        """Where the server answers."""
        return f"http://127.0.0.1:{self.settings.port}"

    @property
    def log(self) -> Path:
        """What the server printed (all its runs)."""
        return self.workdir / "server.log"

    def add_user(self, name: str, password: str) -> None:
        """Create another password user in the server's database."""
        _off_loop(run_with_engine, self.settings, lambda e: users.create_user(e, name, password))

    def start(self) -> None:
        """Start the server (again) and wait until it answers."""
        env = server_env(self.settings)
        env["CHAINLIT_APP_ROOT"] = str(self.workdir / "app")
        env.update(self.env)
        if self.fake_model is not None:
            env["GREENLIGHT_FAKE_MODEL"] = self.fake_model
        with self.log.open("ab") as sink:
            self.process = subprocess.Popen(
                chainlit_command(self.settings),
                cwd=self.workdir / "app",
                env=env,
                stdout=sink,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        _wait_ready(self.url, self.process, self.log)

    def stop(self, sig: int = signal.SIGTERM) -> None:
        """Send `sig` to the server's process group and wait for it to end."""
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, sig)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=15)
        self.process = None


@dataclass
class Turn:
    """One question's outcome as the client saw it."""

    seconds: float
    messages: list[str]
    """The content of every step and message the server sent or updated, last state."""
    answer: str = ""
    """The last assistant message's content."""


class ChatClient:
    """One signed-in browser tab: a websocket session and its thread."""

    def __init__(self, url: str, name: str, password: str, *, thread_id: str | None = None):
        self.url, self.name, self.password = url, name, password
        self.session_id = str(uuid.uuid4())
        self.thread_id = thread_id
        self.http = httpx.AsyncClient(base_url=url, timeout=60)
        self.sio = socketio.AsyncClient(reconnection=False)
        self._done = asyncio.Event()
        self._ready = asyncio.Event()
        self._threaded = asyncio.Event()
        """Set once the server has named the thread (Chainlit names it from a background task)."""
        self._seen: dict[str, tuple[str, str]] = {}
        self._old: set[str] = set()
        """Steps of earlier turns: their late updates do not belong to the current turn."""
        self.sio.on("task_end", self._task_end)
        self.sio.on("new_message", self._message)
        self.sio.on("update_message", self._message)
        self.sio.on("stream_start", self._message)
        self.sio.on("stream_token", self._token)
        self.sio.on("first_interaction", self._first)
        # The app's chat start ends by setting the commands; a resume ends with the thread.
        self.sio.on("set_commands", self._set_ready)
        self.sio.on("resume_thread", self._set_ready)
        self.events: list[str] = []
        """Types of the steps the server sent during the current turn, in order."""
        self.timeline: list[tuple[float, str, str]] = []
        """(time.perf_counter(), type, output) of each step sent or updated this turn."""
        self.sent_at = 0.0
        """When the current turn's message was sent (time.perf_counter())."""

    async def _set_ready(self, _data: Any = None) -> None:
        self._ready.set()

    async def _task_end(self, _data: Any = None) -> None:
        # The session's start ends a task too, possibly after the first message is sent: a
        # turn is over only once it has answered.
        if any(kind == "assistant_message" for kind, _ in self._seen.values()):
            self._done.set()

    async def _message(self, step: dict[str, Any]) -> None:
        if str(step.get("id")) in self._old:
            return
        self.events.append(str(step.get("type")))
        self.timeline.append((time.perf_counter(), str(step.get("type")), str(step.get("output"))))
        if step.get("type") != "user_message":
            self._seen[str(step.get("id"))] = (str(step.get("type")), str(step.get("output") or ""))

    async def _token(self, data: dict[str, Any]) -> None:
        if str(data.get("id")) in self._old:
            return
        kind, text = self._seen.get(str(data.get("id")), ("", ""))
        token = str(data.get("token") or "")
        self._seen[str(data.get("id"))] = (kind, token if data.get("isSequence") else text + token)

    async def _first(self, data: dict[str, Any]) -> None:
        self.thread_id = data.get("thread_id") or self.thread_id
        self._threaded.set()

    def messages(self) -> list[str]:
        """The current turn's steps and messages so far (while `ask` runs)."""
        return [text for _, text in self._seen.values()]

    async def connect(self) -> None:
        """Sign in and open the session's websocket (resuming `thread_id` when set)."""
        response = await self.http.post(
            "/login", data={"username": self.name, "password": self.password}
        )
        response.raise_for_status()
        # Every cookie, not just the token: a load balancer's sticky-session cookie too.
        cookies = "; ".join(f"{name}={value}" for name, value in self.http.cookies.items())
        auth = {"sessionId": self.session_id, "clientType": "webapp", "userEnv": "{}"}
        if self.thread_id:
            auth["threadId"] = self.thread_id
        await self.sio.connect(
            self.url,
            socketio_path="/ws/socket.io",
            transports=["websocket"],
            headers={"Cookie": cookies, "Origin": self.url},
            auth=auth,
            wait_timeout=30,
        )
        await self.sio.emit("connection_successful")
        # A message sent before the session has started is lost by Chainlit.
        await asyncio.wait_for(self._ready.wait(), TURN_TIMEOUT_S)

    async def upload(self, name: str, data: bytes) -> dict[str, Any]:
        """Send a file as the page's paperclip does; returns the file reference."""
        response = await self.http.post(
            "/project/file",
            params={"session_id": self.session_id},
            files={"file": (name, data, "application/octet-stream")},
        )
        response.raise_for_status()
        return {"id": response.json()["id"]}

    async def ask(
        self,
        text: str,
        *,
        files: list[dict[str, Any]] | None = None,
        timeout_s: float = TURN_TIMEOUT_S,
        step_id: str | None = None,
    ) -> Turn:
        """Send one message and wait for the server to finish the turn.

        `step_id` names the message's step (the page picks a fresh one; a test may not)."""
        self._done.clear()
        self._old |= set(self._seen)
        self._seen, self.events, self.timeline = {}, [], []
        step = {
            "id": step_id or str(uuid.uuid4()),
            "threadId": self.thread_id or "",
            "type": "user_message",
            "name": self.name,
            "output": text,
            "createdAt": time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime()),
        }
        started = self.sent_at = time.perf_counter()
        await self.sio.emit("client_message", {"message": step, "fileReferences": files or []})
        await asyncio.wait_for(self._done.wait(), timeout_s)
        seconds = time.perf_counter() - started
        if self.thread_id is None:
            # Chainlit saves the new thread and names it from a task of its own, which can
            # finish after the answer when the database is busy.
            await asyncio.wait_for(self._threaded.wait(), timeout_s)
        answers = [text for kind, text in self._seen.values() if kind == "assistant_message"]
        texts = [text for _, text in self._seen.values()]
        return Turn(seconds, texts, answers[-1] if answers else "")

    async def thread(self, thread_id: str) -> dict[str, Any]:
        """The saved thread, as the page's history reads it (REST)."""
        response = await self.http.get(f"/project/thread/{thread_id}")
        response.raise_for_status()
        return dict(json.loads(response.text))

    async def close(self) -> None:
        """Close the socket and the HTTP client."""
        if self.sio.connected:
            await self.sio.disconnect()
        await self.http.aclose()
