"""Load: N concurrent chat sessions against the real server, on SQLite and on PostgreSQL.

Sessions belong to users five at a time (a producer with several sessions open: 50 sessions are
10 users); each signs in, opens its websocket, uploads a screenplay with its first question and
asks the rest (five in all) with the fake model, as the page would (bench/chatdriver.py).
Reported: errors (target 0), p50/p95 turn latency, and the server's peak memory (RSS of the
server process and its children, sampled every 0.25 s). `make bench` runs 50 sessions;
`--quick` runs 5. The plan cache makes later sessions' plans of the same script cheap.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

import psutil

from bench.chatdriver import ChatClient, Server

__all__ = ["FAILED", "QUESTIONS", "LoadResult", "drive", "measure", "run"]

SCRIPT = Path(__file__).resolve().parents[2] / "shared" / "data" / "screenplays"
SCRIPT_NAME = "radio-studio.fountain"
FAKE_REPLY = "Here is what the planning tools found for you."
QUESTIONS = (
    "Plan the shoot at 4 pages a day.",
    "What does the shoot cost?",
    "Show the budget by account.",
    "How many shoot days are there?",
    "Which scenes are shot on day 1?",
)
PASSWORD = "load-test-password"
SESSIONS_PER_USER = 5
#: The chat's own words when a turn failed (greenlight/chat/turn.py).
FAILED = "Something went wrong"


@dataclass
class LoadResult:
    """What one load run measured."""

    backend: str
    sessions: int
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    rss_peak_mb: float = 0.0
    seconds: float = 0.0

    def percentile(self, q: float) -> float:
        """The q-th percentile (0..100) of the turn latencies, in seconds."""
        if not self.latencies:
            return 0.0
        if len(self.latencies) == 1:
            return self.latencies[0]
        return statistics.quantiles(self.latencies, n=100, method="inclusive")[int(q) - 1]

    def line(self) -> str:
        """One line for the bench's output."""
        return (
            f"{self.backend:<10} {self.sessions:>3} sessions {len(self.latencies):>4} turns "
            f"errors {len(self.errors)}  p50 {self.percentile(50):.2f} s  "
            f"p95 {self.percentile(95):.2f} s  peak RSS {self.rss_peak_mb:.0f} MB  "
            f"wall {self.seconds:.1f} s"
        )


async def _session(
    server: Server, user: str, script: bytes, questions: tuple[str, ...], result: LoadResult
) -> None:
    client = ChatClient(server.url, user, PASSWORD)
    try:
        await client.connect()
        for number, question in enumerate(questions):
            files = [await client.upload(SCRIPT_NAME, script)] if number == 0 else []
            turn = await client.ask(question, files=files)
            result.latencies.append(turn.seconds)
            if not turn.answer.strip() or FAILED in turn.answer:
                result.errors.append(f"{question!r}: {turn.answer[:120]!r}")
    except Exception as exc:  # one session's failure is a counted error, not the run's end
        result.errors.append(f"{type(exc).__name__}: {exc}")
    finally:
        await client.close()


def _rss_mb(pid: int) -> float:
    with suppress(psutil.Error):
        process = psutil.Process(pid)
        total = process.memory_info().rss
        for child in process.children(recursive=True):
            with suppress(psutil.Error):
                total += child.memory_info().rss
        return total / 2**20
    return 0.0


async def drive(
    server: Server, *, sessions: int, questions: tuple[str, ...] = QUESTIONS
) -> LoadResult:
    """Run `sessions` concurrent sessions on a running server; sample its memory meanwhile."""
    if sessions < 1:
        raise ValueError(f"sessions must be at least 1, got {sessions}")
    backend = "postgresql" if server.database_url else "sqlite"
    result = LoadResult(backend=backend, sessions=sessions)
    script = (SCRIPT / SCRIPT_NAME).read_bytes()
    pid = server.process.pid if server.process is not None else 0
    started = time.perf_counter()
    users = [f"load-{number}" for number in range(-(-sessions // SESSIONS_PER_USER))]
    await asyncio.gather(*(asyncio.to_thread(server.add_user, n, PASSWORD) for n in users))
    owners = [users[i % len(users)] for i in range(sessions)]
    work = asyncio.gather(*(_session(server, n, script, questions, result) for n in owners))
    task = asyncio.ensure_future(work)
    while not task.done():
        result.rss_peak_mb = max(result.rss_peak_mb, _rss_mb(pid))
        await asyncio.wait({task}, timeout=0.25)
    await task
    result.seconds = time.perf_counter() - started
    return result


def measure(workdir: Path, *, sessions: int, database_url: str | None = None) -> LoadResult:
    """Start a server on `workdir`, drive it with `sessions` sessions, stop it."""
    server = Server(workdir, database_url=database_url, fake_model=FAKE_REPLY)
    server.start()
    try:
        return asyncio.run(drive(server, sessions=sessions))
    finally:
        server.stop()


@contextmanager
def _postgres() -> Iterator[str | None]:
    import pytest

    from tests.pgserver import postgres_url

    cluster = contextmanager(postgres_url.__wrapped__)  # type: ignore[attr-defined]
    try:
        with cluster() as url:
            yield url
    except pytest.skip.Exception:
        yield None


def run(args: argparse.Namespace) -> None:
    """The `load` section: sessions on SQLite, then on a throwaway PostgreSQL cluster."""
    sessions = 5 if args.quick else 50
    with tempfile.TemporaryDirectory(prefix="gl-load-") as tmp:
        print(measure(Path(tmp) / "sqlite", sessions=sessions).line(), flush=True)
        with _postgres() as url:
            if url is None:
                print("postgresql: not installed, skipped")
                return
            print(measure(Path(tmp) / "pg", sessions=sessions, database_url=url).line())
