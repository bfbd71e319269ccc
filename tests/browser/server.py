"""Start the real Greenlight chat server for a test: free port, temporary data, real database.

Each server gets its own Chainlit app root (a temporary folder holding a copy of the
project's `.chainlit/config.toml` and `chainlit.md`), because Chainlit keeps uploads in
`<app root>/.files` and deletes that folder when it stops: two servers sharing the project
folder would delete each other's uploads.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from greenlight.cli.serve import FirstUser, chainlit_command, prepare, server_env
from greenlight.cli.users import run_with_engine
from greenlight.settings import PROJECT_ROOT, Settings
from store import users

__all__ = ["AppServer", "running_app"]

START_TIMEOUT_S = 90.0
T = TypeVar("T")


@dataclass
class AppServer:
    """A running server: where it answers and who can sign in."""

    url: str
    settings: Settings
    first_user: FirstUser
    log: Path
    process: subprocess.Popen[bytes]

    def add_user(self, name: str, password: str) -> None:
        """Create another password user in the server's database."""
        _off_loop(run_with_engine, self.settings, lambda e: users.create_user(e, name, password))

    def log_text(self) -> str:
        """What the server printed so far."""
        return self.log.read_text(encoding="utf-8", errors="replace")


def _off_loop(fn: Callable[..., T], *args: Any) -> T:
    # Playwright's sync API runs an event loop in this thread; asyncio.run needs its own.
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(fn, *args).result()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_ready(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited early:\n{log.read_text(errors='replace')}")
        try:
            with urllib.request.urlopen(url + "/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(
        f"server not ready in {START_TIMEOUT_S}s:\n{log.read_text(errors='replace')}"
    )


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=15)


@contextmanager
def running_app(
    workdir: Path,
    *,
    database_url: str | None = None,
    fake_model: str | None = None,
    env: dict[str, str] | None = None,
) -> Iterator[AppServer]:
    """Run the app on a free loopback port with data under `workdir`; stop it afterwards.

    `fake_model` (scripted replies) replaces every real model in the server (tests only);
    `env` adds settings for the server (e.g. GREENLIGHT_SOLVER_TIME_LIMIT_S).
    """
    app_root, data_dir = workdir / "app", workdir / "data"
    (app_root / ".chainlit").mkdir(parents=True)
    shutil.copy(PROJECT_ROOT / ".chainlit" / "config.toml", app_root / ".chainlit")
    shutil.copy(PROJECT_ROOT / "chainlit.md", app_root)
    settings = Settings(data_dir=data_dir, port=_free_port(), database_url=database_url)
    first = _off_loop(prepare, settings)
    assert first is not None, "a fresh data directory must get its first user"
    extra = env or {}
    env = {**server_env(settings), **extra}
    env["CHAINLIT_APP_ROOT"] = str(app_root)
    if fake_model is not None:
        env["GREENLIGHT_FAKE_MODEL"] = fake_model
    log = workdir / "server.log"
    with log.open("wb") as sink:
        process = subprocess.Popen(
            chainlit_command(settings),
            cwd=app_root,
            env=env,
            stdout=sink,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    url = f"http://127.0.0.1:{settings.port}"
    try:
        _wait_ready(url, process, log)
        yield AppServer(url, settings, first, log, process)
    finally:
        _stop(process)
