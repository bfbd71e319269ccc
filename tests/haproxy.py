"""A real HAProxy (Debian's) in front of app instances on loopback, for the scale-out tests.

The configuration is written into a temporary folder: round-robin over the instances, sticky
by an inserted cookie (a session's websocket and its uploads reach the instance that holds
the session), health checks on /health, and redispatch when the pinned instance is down.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

__all__ = ["haproxy_config", "running_haproxy"]

COOKIE = "GLSERVER"


def haproxy_config(port: int, backends: dict[str, int]) -> str:
    """The configuration: one frontend on `port`, one server line per named backend port."""
    servers = "\n".join(
        f"    server {name} 127.0.0.1:{p} check inter 300ms fall 2 rise 2 cookie {name}"
        for name, p in backends.items()
    )
    return f"""global
    maxconn 4096
defaults
    mode http
    option redispatch
    retries 2
    timeout connect 3s
    timeout check 3s
    timeout client 300s
    timeout server 300s
    timeout tunnel 1h
frontend web
    bind 127.0.0.1:{port}
    default_backend app
backend app
    balance roundrobin
    cookie {COOKIE} insert indirect nocache
    option httpchk GET /health
{servers}
"""


def _wait_listening(port: int, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        assert proc.poll() is None, "haproxy exited"
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("haproxy did not listen within 20 s")


@contextmanager
def running_haproxy(port: int, backends: dict[str, int]) -> Iterator[Path]:
    """Run haproxy on `port` before `backends` (name -> port); yields its config file."""
    binary = shutil.which("haproxy") or "/usr/sbin/haproxy"
    if not Path(binary).exists():
        pytest.skip("haproxy is not installed: run scripts/system-deps.sh")
    root = Path(tempfile.mkdtemp(prefix="gl-haproxy-"))
    config = root / "haproxy.cfg"
    config.write_text(haproxy_config(port, backends), encoding="utf-8")
    check = subprocess.run([binary, "-c", "-f", str(config)], capture_output=True, timeout=30)
    assert check.returncode == 0, check.stderr.decode(errors="replace")
    proc = subprocess.Popen([binary, "-db", "-f", str(config)], stdout=subprocess.DEVNULL)
    try:
        _wait_listening(port, proc)
        yield config
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(root, ignore_errors=True)
