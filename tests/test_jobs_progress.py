"""Improving boards from a real solve-job child: they arrive while the job runs, numbered and
priced by the tools; an identical request joining the job in flight hears them too; a child
killed mid-solve ends the job (retried once) without hanging the reader; a listener that
fails does not fail the plan."""

from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from bench.scriptfmt import to_fountain
from bench.scriptgen import GenOptions, generate
from jobs import JobFailed, JobPlanner, LocalRunner
from tools.parsing import read_script

FEATURE_INPUTS = {"time_limit_s": 4.0}
"""A short search: the sorted board first, then a few seconds of improving boards."""


def feature_fountain(scenes: int = 64, seed: int = 5) -> bytes:
    """A generated feature with site structure, as the Fountain file a user would upload."""
    gen = generate(GenOptions(seed=seed, scenes=scenes, pages=scenes * 4 // 5, sites=True))
    return to_fountain(gen.title_page, gen.blocks()).encode()


@pytest.fixture(scope="module")
def feature() -> dict[str, Any]:
    script = read_script(feature_fountain(), filename="feature.fountain")
    return script.model_dump(mode="json")


def _runner(tmp_path: Path, **bounds: Any) -> LocalRunner:
    return LocalRunner(
        cache_dir=tmp_path / "cache", **{"timeout_s": 120.0, "memory_mb": 2048, **bounds}
    )


def test_boards_arrive_from_the_child_while_it_solves(feature, tmp_path):
    runner = _runner(tmp_path)
    boards: list[tuple[float, dict[str, Any], bool]] = []

    def heard(board: dict[str, Any]) -> None:
        boards.append((time.monotonic(), board, bool(runner.running)))

    started = time.monotonic()
    plan = JobPlanner(runner).make_plan(feature, FEATURE_INPUTS, previous=None, progress=heard)
    ended = time.monotonic()
    assert boards, "no board came from the child"
    assert all(running for _, _, running in boards), "a board came after the child ended"
    assert boards[0][0] - started < ended - started
    records = [b for _, b, _ in boards]
    assert [b["number"] for b in records] == list(range(1, len(records) + 1))
    assert records[0]["method"] == "lns"  # the sorted board, the first feasible one
    costs = [b["cost"] for b in records]
    assert costs == sorted(costs, reverse=True)
    for board in records:
        assert board["days"] > 0 and board["likely"] > 0 and board["currency"] == "USD"
        assert board["bound"] is not None and 0 <= board["gap"] < 1
    schedule = plan["schedule"]
    if schedule["method"] == "lns":  # the plan is the last board (or the sorted board, kept)
        assert schedule["bound"] == pytest.approx(records[-1]["bound"])
        assert len(schedule["days"]) == records[-1]["days"]


def test_an_identical_request_in_flight_hears_the_boards_too(feature, tmp_path):
    runner = _runner(tmp_path)
    planner = JobPlanner(runner)
    first: list[dict[str, Any]] = []
    second: list[dict[str, Any]] = []
    pids: set[int] = set()
    results: dict[str, Any] = {}

    def plan(name: str, sink: list[dict[str, Any]]) -> None:
        results[name] = planner.make_plan(
            feature, FEATURE_INPUTS, previous=None, progress=sink.append
        )

    one = threading.Thread(target=plan, args=("one", first), daemon=True)
    one.start()
    deadline = time.monotonic() + 60
    while not first and time.monotonic() < deadline:
        pids.update(runner.running.values())
        time.sleep(0.01)
    assert first, "the first request heard no board within 60 s"
    two = threading.Thread(target=plan, args=("two", second), daemon=True)
    two.start()
    while one.is_alive() or two.is_alive():
        pids.update(runner.running.values())
        time.sleep(0.01)
    assert results["one"] == results["two"]
    assert len(pids) == 1, "the identical request started a second child"
    assert second and second[0]["number"] >= 1  # the latest board at once, then the rest
    assert second[-1] == first[-1]


def test_a_child_killed_mid_solve_ends_the_job_without_hanging(feature, tmp_path):
    runner = _runner(tmp_path)
    heard: list[dict[str, Any]] = []

    def kill_on_first_board(board: dict[str, Any]) -> None:
        heard.append(board)
        for pid in list(runner.running.values()):
            os.kill(pid, signal.SIGKILL)

    started = time.monotonic()
    with pytest.raises(JobFailed, match=r"SIGKILL.*tried 2 times"):
        JobPlanner(runner).make_plan(
            feature, FEATURE_INPUTS, previous=None, progress=kill_on_first_board
        )
    assert time.monotonic() - started < 30
    assert [b["number"] for b in heard[:1]] == [1] and len(heard) >= 2  # one per attempt
    assert not runner.running


def test_a_failing_listener_does_not_fail_the_plan(feature, tmp_path):
    calls: list[int] = []

    def broken(board: dict[str, Any]) -> None:
        calls.append(board["number"])
        raise RuntimeError("the chat went away")

    plan = JobPlanner(_runner(tmp_path)).make_plan(
        feature, FEATURE_INPUTS, previous=None, progress=broken
    )
    assert calls and plan["schedule"]["days"]
