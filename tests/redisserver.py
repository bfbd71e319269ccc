"""Pytest plugin: a throwaway Redis server on a free loopback port, one per test session.

Registered for the whole suite in tests/conftest.py. Debian's `redis-server`
(`scripts/system-deps.sh` installs it), no persistence, stopped at the end.

Fixtures:
- `redis_url`: `redis://127.0.0.1:PORT` (session-scoped).
- `redis_db_url`: that server's URL with a database number of its own, flushed, for one test.
"""

from __future__ import annotations

import itertools
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

__all__ = ["redis_db_url", "redis_url"]

_DATABASES = itertools.count(1)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_ready(port: int, proc: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"redis-server exited:\n{log.read_text(errors='replace')}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as sock:
                sock.sendall(b"PING\r\n")
                if sock.recv(16).startswith(b"+PONG"):
                    return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("redis-server did not answer within 20 s")


@pytest.fixture(scope="session")
def redis_url() -> Iterator[str]:
    """A running throwaway Redis server's URL."""
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip("redis-server is not installed: run scripts/system-deps.sh")
    root = Path(tempfile.mkdtemp(prefix="gl-redis-"))
    port, log = _free_port(), root / "redis.log"
    command = [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly",
               "no", "--dir", str(root), "--databases", "64", "--logfile", str(log)]  # fmt: skip
    proc = subprocess.Popen(command)
    try:
        _wait_ready(port, proc, log)
        yield f"redis://127.0.0.1:{port}"
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def redis_db_url(redis_url: str) -> str:
    """A database of its own on the session's server, for one test."""
    number = next(_DATABASES) % 64
    import redis

    url = f"{redis_url}/{number}"
    redis.Redis.from_url(url, socket_timeout=5).flushdb()
    return url
