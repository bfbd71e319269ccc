"""Faults: the PostgreSQL server goes away for a moment under an open assistant.

A private cluster (not the suite's shared one, which other tests use) is stopped with
`pg_ctl stop -m fast` between two turns, then started again on the same data.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from graph.providers import ModelSet, Provider
from graph.session import Assistant, open_assistant, run_turn
from greenlight.settings import Settings
from tests.fakes import FakeChatModel
from tests.pgserver import _as_server_user, _free_port, _run, find_pg_bin

SCRIPT = "the-library-freak-out.fountain"
OUTAGE_TURN_LIMIT_S = 60.0


@dataclass
class Cluster:
    """A private PostgreSQL cluster that can be stopped and started again."""

    pg_bin: Path
    root: Path
    port: int

    @property
    def url(self) -> str:
        return f"postgresql+asyncpg://postgres@127.0.0.1:{self.port}/postgres"

    def _ctl(self, *args: str) -> None:
        _run([str(self.pg_bin / "pg_ctl"), "-D", str(self.root / "data"), *args])

    def start(self) -> None:
        options = f"-h 127.0.0.1 -p {self.port} -k {self.root} -F -c fsync=off"
        self._ctl("-l", str(self.root / "server.log"), "-o", options, "-w", "-t", "60", "start")

    def stop(self) -> None:
        self._ctl("-m", "fast", "-w", "stop")


@pytest.fixture
def cluster() -> Iterator[Cluster]:
    pg_bin = find_pg_bin()
    if pg_bin is None:
        pytest.skip("PostgreSQL is not installed: run scripts/system-deps.sh")
    root = Path(tempfile.mkdtemp(prefix="gl-pgfault-"))
    if os.geteuid() == 0:
        shutil.chown(root, user="postgres", group="postgres")
    data = root / "data"
    made = Cluster(pg_bin, root, _free_port())
    try:
        _run(
            [str(pg_bin / "initdb"), "-A", "trust", "-U", "postgres", "--no-sync", "-D", str(data)]
        )
        made.start()
        yield made
    finally:
        if (data / "postmaster.pid").exists():
            subprocess.run(
                _as_server_user(
                    [str(pg_bin / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]
                ),
                capture_output=True,
                timeout=60,
            )
        shutil.rmtree(root, ignore_errors=True)


def _models() -> ModelSet:
    model = FakeChatModel(replies=["Here is where things stand."])
    return ModelSet(local=Provider("fake", "local", model, "fake-1"))


async def _messages(assistant: Assistant, thread_id: str) -> list[str]:
    state = await assistant.graph.aget_state({"configurable": {"thread_id": thread_id}})
    return [str(m.content) for m in state.values.get("messages", [])]


async def test_postgres_down_fails_the_turn_clearly_and_the_session_recovers(
    cluster: Cluster, tmp_path: Path, screenplays_dir: Path
) -> None:
    settings = Settings(  # type: ignore[call-arg]
        data_dir=tmp_path, database_url=cluster.url, solver_time_limit_s=2.0, _env_file=None
    )
    upload = [{"name": SCRIPT, "path": str(screenplays_dir / SCRIPT)}]
    async with open_assistant(settings, models=_models()) as assistant:
        first = await run_turn(assistant, thread_id="pg", text="", uploads=upload)
        assert first.version == 1
        before = await _messages(assistant, "pg")

        await asyncio.to_thread(cluster.stop)
        with pytest.raises(Exception) as failure:  # the driver's or pool's own type
            await asyncio.wait_for(
                run_turn(assistant, thread_id="pg", text="pin scene 1 to day 3"),
                OUTAGE_TURN_LIMIT_S,
            )
        assert not isinstance(failure.value, TimeoutError), "the turn hung on the dead server"
        assert any(
            word in f"{type(failure.value).__name__} {failure.value}".lower()
            for word in ("connect", "closed", "refused", "shutdown", "terminat")
        ), repr(failure.value)

        await asyncio.to_thread(cluster.start)
        moved = await run_turn(assistant, thread_id="pg", text="pin scene 1 to day 3")
        assert moved.version == 2
        versions = await assistant.context.plans.versions("pg")
        assert [v.version for v in versions] == [1, 2]
        after = await _messages(assistant, "pg")
        assert after[: len(before)] == before and after[-2] == "pin scene 1 to day 3"
