"""A solver crash inside a what-if, through the graph: the chat says the solver failed and
the plan is unchanged, and the next what-if in the same session plans normally."""

from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path

from graph.providers import ModelSet
from graph.session import open_assistant, run_turn
from greenlight.settings import Settings
from jobs import JobPlanner, LocalRunner
from tests.test_graph import SCRIPT


def _abort_children(runner: LocalRunner, count: int, stop: threading.Event) -> None:
    """SIGABRT the next `count` job children, each as soon as it is running (the solve-level
    abort, in the middle of a longer solve, is tests/test_jobs_local.py's)."""
    killed: set[int] = set()
    while len(killed) < count and not stop.is_set():
        for pid in list(runner.running.values()):
            if pid and pid not in killed:
                # At once: this script's plan takes well under a second.
                os.kill(pid, signal.SIGABRT)
                killed.add(pid)
        time.sleep(0.01)


async def test_a_solver_abort_is_a_chat_message_and_the_session_goes_on(
    tmp_path: Path, screenplays_dir: Path
) -> None:
    settings = Settings(data_dir=tmp_path, solver_time_limit_s=2.0, _env_file=None)  # type: ignore[call-arg]
    runner = LocalRunner(cache_dir=tmp_path / "cache", timeout_s=60.0, memory_mb=2048)
    upload = [{"name": SCRIPT, "path": str(screenplays_dir / SCRIPT)}]
    async with open_assistant(settings, models=ModelSet(), planner=JobPlanner(runner)) as a:
        first = await run_turn(a, thread_id="t1", text="", uploads=upload)
        assert first.version == 1

        stop = threading.Event()
        killer = threading.Thread(target=_abort_children, args=(runner, 2, stop), daemon=True)
        killer.start()
        try:
            crashed = await run_turn(a, thread_id="t1", text="shoot it in 4 days")
        finally:
            stop.set()
            killer.join(10)
        assert "The solver failed on this request:" in crashed.answer
        assert "SIGABRT" in crashed.answer and "your plan is unchanged" in crashed.answer
        assert crashed.version == 1 and crashed.plan == first.plan

        again = await run_turn(a, thread_id="t1", text="shoot it in 4 days")
        assert again.version == 2
        assert again.plan is not None and len(again.plan["schedule"]["days"]) == 4
