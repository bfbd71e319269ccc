"""The local job runner under faults: a real solve whose child process is killed by signals,
runs past its time bound, or outgrows its memory bound. Each ends that one job (with a retry
on a crash) and the next job on the same runner works."""

from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from jobs import JobFailed, JobPlanner, LocalRunner
from tests.conftest import SCREENPLAYS
from tools import parsing

SCRIPT_FILE = SCREENPLAYS / "national-stupidity.fdx"
SOLVES_SECONDS = {"days": 13, "time_limit_s": 10}
"""A day more than the fewest the day's minutes allow (24 sites, one company move a day):
feasible at once, then searched for its 10 s, long enough to be killed mid-solve."""


@pytest.fixture(scope="module")
def script() -> dict[str, Any]:
    data = SCRIPT_FILE.read_bytes()
    return parsing.read_script(data, filename=SCRIPT_FILE.name).model_dump(mode="json")


def _runner(tmp_path: Path, **bounds: Any) -> LocalRunner:
    options = {"timeout_s": 120.0, "memory_mb": 2048, **bounds}
    return LocalRunner(cache_dir=tmp_path / "cache", **options)


def _in_thread(planner: JobPlanner, script: dict[str, Any], inputs: dict[str, Any]) -> dict:
    box: dict[str, Any] = {}

    def run() -> None:
        try:
            box["plan"] = planner.make_plan(script, inputs, previous=None)
        except Exception as exc:
            box["error"] = exc

    box["thread"] = threading.Thread(target=run, daemon=True)
    box["thread"].start()
    return box


def _signal_child(runner: LocalRunner, sig: int, *, not_pid: int = 0) -> int:
    """Wait until a job's child (other than `not_pid`) is solving, then send it `sig`."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        pids = [pid for pid in runner.running.values() if pid and pid != not_pid]
        if pids:
            time.sleep(1.0)  # inside the solve, not in its start-up
            os.kill(pids[0], sig)
            return pids[0]
        time.sleep(0.05)
    raise AssertionError("no job child started within 60 s")


def _finish(box: dict[str, Any]) -> dict[str, Any]:
    box["thread"].join(180)
    assert not box["thread"].is_alive(), "the job never ended"
    return box


def test_sigabrt_on_every_try_is_a_clear_failure_and_the_next_job_works(script, tmp_path):
    runner = _runner(tmp_path)
    planner = JobPlanner(runner)
    box = _in_thread(planner, script, SOLVES_SECONDS)
    first = _signal_child(runner, signal.SIGABRT)
    _signal_child(runner, signal.SIGABRT, not_pid=first)
    error = _finish(box).get("error")
    assert isinstance(error, JobFailed), box
    assert "SIGABRT" in str(error) and "tried 2 times" in str(error)
    plan = planner.make_plan(script, {"days": 13, "time_limit_s": 10}, previous=None)
    assert plan["schedule"]["status"] in ("optimal", "feasible")
    assert len(plan["schedule"]["days"]) == 13


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGSEGV])
def test_a_worker_killed_mid_plan_is_retried(script, tmp_path, sig):
    runner = _runner(tmp_path)
    box = _finish_after_one_kill(runner, script, sig)
    assert "error" not in box, box.get("error")
    assert box["plan"]["schedule"]["status"] in ("optimal", "feasible")
    assert len(box["plan"]["schedule"]["days"]) == 13


def _finish_after_one_kill(runner: LocalRunner, script: dict[str, Any], sig: int) -> dict:
    box = _in_thread(JobPlanner(runner), script, SOLVES_SECONDS)
    _signal_child(runner, sig)
    return _finish(box)


def test_a_hang_past_the_bound_is_stopped(script, tmp_path):
    runner = _runner(tmp_path, timeout_s=2.0)
    started = time.monotonic()
    with pytest.raises(JobFailed, match="took longer than 2 s"):
        # A 14-day schedule searches for its whole 30 s time limit.
        JobPlanner(runner).make_plan(script, {"days": 14}, previous=None)
    assert time.monotonic() - started < 15
    assert not runner.running


def test_memory_runaway_ends_the_job(script, tmp_path):
    runner = _runner(tmp_path, memory_mb=150)
    with pytest.raises(JobFailed, match="needed more than 150 MB"):
        JobPlanner(runner).make_plan(script, SOLVES_SECONDS, previous=None)
    # The same runner with room enough: the bound was the job's, not the runner's.
    runner.memory_mb = 2048
    assert JobPlanner(runner).make_plan(script, SOLVES_SECONDS, previous=None)["schedule"]["days"]


def test_a_fixable_request_stays_a_value_error(script, tmp_path):
    runner = _runner(tmp_path)
    too_many = {**script, "scenes": script["scenes"] * 200}
    with pytest.raises(ValueError, match="more than the 1,000"):
        JobPlanner(runner).make_plan(too_many, {}, previous=None)


def test_identical_jobs_in_flight_run_once(script, tmp_path):
    runner = _runner(tmp_path)
    planner = JobPlanner(runner)
    boxes = [_in_thread(planner, script, SOLVES_SECONDS) for _ in range(3)]
    seen: set[int] = set()
    while any(b["thread"].is_alive() for b in boxes):
        seen.update(pid for pid in runner.running.values() if pid)
        time.sleep(0.02)
    plans = [_finish(b)["plan"] for b in boxes]
    assert len(seen) == 1
    assert plans[0] == plans[1] == plans[2]
