"""Scale-out load: concurrent sessions through HAProxy over app instances with Celery workers.

Everything real on loopback: a throwaway PostgreSQL, redis-server, `greenlight worker`
processes (one job each at a time) and `greenlight serve` instances behind HAProxy (sticky by
cookie, tests/haproxy.py). Each session uploads a screenplay of its own (bench/scriptgen.py,
one seed per session), so the plan cache hides no solving. Reported per layout: errors
(target 0), p50/p95 turn time. `make bench`: 100 sessions of 10 users over two instances and
two workers, then the same on one instance; `--quick`: 10 sessions.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

from bench.chatdriver import ChatClient, Server
from bench.load import FAILED, FAKE_REPLY, PASSWORD, QUESTIONS, LoadResult
from bench.scriptfmt import to_fountain
from bench.scriptgen import GenOptions, generate
from tests.browser.server import _free_port

__all__ = ["Cluster", "cluster", "drive", "run", "script_for"]

ROOT = Path(__file__).resolve().parent.parent
ENTRY = "import sys; from greenlight.cli import main; sys.exit(main(sys.argv[1:]))"
SOLVER_LIMIT_S = "5"
"""Each plan's solver budget here: every session solves, and two workers queue them."""
TURN_TIMEOUT_S = 600.0
"""A turn waits its plan's place in the queue: the wait is the measured latency, not an error."""


@dataclass
class Cluster:
    """The running layout: the balancer's address, the instances, the worker processes."""

    url: str
    servers: list[Server]
    workers: list[subprocess.Popen[bytes]] = field(default_factory=list)


def script_for(seed: int) -> bytes:
    """A short feature of its own for one session (Fountain)."""
    made = generate(GenOptions(seed=seed, scenes=16, pages=12, speaking_parts=8))
    return to_fountain(made.title_page, made.blocks()).encode()


@contextmanager
def _fixture(fixture: object) -> Iterator[str]:
    with contextmanager(fixture.__wrapped__)() as value:  # type: ignore[attr-defined]
        yield value


def _worker(data_dir: Path, env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    environ = {**os.environ, **env, "PYTHONPATH": str(ROOT), "GREENLIGHT_DATA_DIR": str(data_dir)}
    with log.open("ab") as sink:
        command = [sys.executable, "-c", ENTRY, "worker", "--concurrency", "1"]
        return subprocess.Popen(
            [*command, "--name", f"w{log.stem}@local"],
            env=environ,
            cwd=ROOT,
            stdout=sink,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


@contextmanager
def cluster(workdir: Path, *, instances: int, workers: int) -> Iterator[Cluster]:
    """PostgreSQL, Redis, `workers` Celery workers, `instances` servers, HAProxy in front."""
    from tests.haproxy import running_haproxy
    from tests.pgserver import postgres_url
    from tests.redisserver import redis_url

    with ExitStack() as stack:
        database = stack.enter_context(_fixture(postgres_url))
        broker = stack.enter_context(_fixture(redis_url)) + "/0"
        env = {
            "GREENLIGHT_JOBS": "celery",
            "GREENLIGHT_REDIS_URL": broker,
            "GREENLIGHT_SOLVER_TIME_LIMIT_S": SOLVER_LIMIT_S,
        }
        port = _free_port()
        public = f"http://127.0.0.1:{port}"
        first = Server(workdir / "s0", database_url=database, fake_model=FAKE_REPLY,
                       public_url=public, env=env)  # fmt: skip
        servers = [first] + [
            Server(workdir / f"s{n}", peer=first, fake_model=FAKE_REPLY, public_url=public, env=env)
            for n in range(1, instances)
        ]
        made = Cluster(public, servers)
        stack.callback(_stop_all, made)
        for n in range(workers):
            made.workers.append(_worker(first.settings.data_dir, env, workdir / f"{n}.log"))
        for server in servers:
            server.start()
        backends = {f"s{n}": s.settings.port for n, s in enumerate(servers)}
        stack.enter_context(running_haproxy(port, backends))
        yield made


def _stop_all(made: Cluster) -> None:
    for server in made.servers:
        server.stop()
    for worker in made.workers:
        # The whole group: the worker and its prefork children (warm shutdown, then kill).
        with suppress(ProcessLookupError):
            os.killpg(worker.pid, signal.SIGTERM)
        try:
            worker.wait(20)
        except subprocess.TimeoutExpired:
            with suppress(ProcessLookupError):
                os.killpg(worker.pid, signal.SIGKILL)
            worker.wait(10)


async def drive(
    layout: Cluster, *, sessions: int, users: int, questions: tuple[str, ...]
) -> LoadResult:
    """`sessions` concurrent sessions of `users` users, each on a screenplay of its own."""
    result = LoadResult(backend=f"{len(layout.servers)}x app", sessions=sessions)
    names = [f"scale-{n}" for n in range(users)]
    for name in names:
        await asyncio.to_thread(layout.servers[0].add_user, name, PASSWORD)
    started = time.perf_counter()
    await asyncio.gather(
        *(
            _session(layout.url, names[i % users], script_for(i), questions, result)
            for i in range(sessions)
        )
    )
    result.seconds = time.perf_counter() - started
    return result


async def _session(
    url: str, user: str, script: bytes, questions: tuple[str, ...], result: LoadResult
) -> None:
    client = ChatClient(url, user, PASSWORD)
    try:
        await client.connect()
        for number, question in enumerate(questions):
            files = [await client.upload("generated.fountain", script)] if number == 0 else []
            turn = await client.ask(question, files=files, timeout_s=TURN_TIMEOUT_S)
            result.latencies.append(turn.seconds)
            if not turn.answer.strip() or FAILED in turn.answer:
                result.errors.append(f"{question!r}: {turn.answer[:120]!r}")
    except Exception as exc:  # one session's failure is a counted error, not the run's end
        result.errors.append(f"{type(exc).__name__}: {exc!r}")
    finally:
        await client.close()


def run(args: argparse.Namespace) -> None:
    """Two instances and two workers, then one instance; errors and p50/p95 turn time."""
    sessions, questions = (10, QUESTIONS[:2]) if args.quick else (100, QUESTIONS[:3])
    for instances in (2, 1):
        with tempfile.TemporaryDirectory(prefix="gl-scale-") as tmp:
            with cluster(Path(tmp), instances=instances, workers=2) as layout:
                result = asyncio.run(
                    drive(layout, sessions=sessions, users=10, questions=questions)
                )
            print(f"{result.line()}  (2 workers, HAProxy)", flush=True)
            for error in result.errors[:5]:
                print(f"  error: {error}")
