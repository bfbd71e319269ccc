"""Security figures on the real server: an anonymous 150 MB POST, and a burst of sign-ins.

- oversize: server memory growth (RSS, psutil) and body bytes sent before the 413, for a
  declared Content-Length and for a chunked body (target: under 10 MB growth, refused
  before the body is read);
- sign-in burst: 60 parallel sign-ins while another signed-in client asks `/user` every
  50 ms: the slowest of those answers (the event loop must stay free while scrypt runs).
"""

from __future__ import annotations

import argparse
import asyncio
import select
import socket
import tempfile
import time
from pathlib import Path

import httpx
import psutil

from bench.chatdriver import Server

MB = 1024 * 1024
OVERSIZE = 150 * MB


def _post(port: int, *, declared: bool) -> tuple[str, int, float]:
    """The status line, body bytes sent and seconds until the server answered."""
    head = f"POST /project/threads HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
    head += f"Content-Length: {OVERSIZE}\r\n" if declared else "Transfer-Encoding: chunked\r\n"
    chunk = b"x" * MB
    framed = chunk if declared else b"%x\r\n" % len(chunk) + chunk + b"\r\n"
    sent, started = 0, time.perf_counter()
    with socket.create_connection(("127.0.0.1", port), timeout=60) as sock:
        sock.sendall((head + "\r\n").encode())
        while sent < OVERSIZE and not select.select([sock], [], [], 0.05)[0]:
            try:
                sock.sendall(framed)
            except OSError:
                break
            sent += len(chunk)
        answer = sock.recv(4096).split(b"\r\n", 1)[0].decode()
    return answer, sent, time.perf_counter() - started


async def _burst(server: Server, logins: int) -> tuple[float, float, int]:
    form = {"username": server.first_user.name, "password": server.first_user.password}
    async with httpx.AsyncClient(base_url=server.url, timeout=120) as http:
        token = (await http.post("/login", data=form)).cookies["access_token"]
        http.cookies.clear()
        started = time.perf_counter()
        burst = asyncio.gather(
            *(
                http.post("/login", data=form, headers={"X-Forwarded-For": f"203.0.113.{i}"})
                for i in range(logins)
            )
        )
        slowest, probes = 0.0, 0
        async with httpx.AsyncClient(
            base_url=server.url, timeout=120, cookies={"access_token": token}
        ) as other:
            while not burst.done():
                probe = time.perf_counter()
                (await other.get("/user")).raise_for_status()
                slowest, probes = max(slowest, time.perf_counter() - probe), probes + 1
                await asyncio.sleep(0.05)
        await burst
    return time.perf_counter() - started, slowest, probes


def run(args: argparse.Namespace) -> None:
    """Print the figures (one server, fake model, loopback)."""
    with tempfile.TemporaryDirectory() as tmp:
        server = Server(Path(tmp), fake_model="ok")
        server.start()
        try:
            assert server.process is not None
            process = psutil.Process(server.process.pid)
            for declared in (True, False):
                before = process.memory_info().rss
                answer, sent, seconds = _post(server.settings.port, declared=declared)
                growth = (process.memory_info().rss - before) / MB
                kind = "Content-Length" if declared else "chunked"
                print(
                    f"anonymous 150 MB POST ({kind}): {answer!r} after {sent / MB:.0f} MB sent, "
                    f"{seconds * 1000:.0f} ms; server RSS +{growth:.1f} MB"
                )
            logins = 20 if args.quick else 60
            burst_s, slowest, probes = asyncio.run(_burst(server, logins))
            print(
                f"{logins} parallel sign-ins: {burst_s:.1f} s; another request during them: "
                f"slowest {slowest * 1000:.0f} ms of {probes}"
            )
        finally:
            server.stop()
