"""Solve jobs on Celery workers with a Redis broker and result backend (the scale-out runner).

The only module that imports celery. The worker side: `make_app(...)` and `greenlight worker`.
The app side: `CeleryRunner.run`, the same interface as the local pool. Delivery: late acks
and reject-on-worker-lost, so a job whose worker is killed goes back on the queue; an attempt
counter in Redis lets it run twice at most (a job that kills its worker every time would
otherwise come back forever). The task id is the job key: a repeated request waits for the
job already queued or returns its stored result. Progress: the task appends each improving
board to a Redis list (`jobs.boards.BoardChannel`) that every caller waiting on the job reads
between its waits for the result.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import redis
from celery import Celery
from celery.exceptions import TimeoutError as ResultTimeout
from celery.result import AsyncResult
from celery.signals import worker_process_init

from jobs import work
from jobs.boards import BoardChannel
from jobs.errors import JobFailed
from jobs.work import BoardSink

__all__ = ["TASK", "CeleryRunner", "make_app"]

Record = dict[str, Any]
TASK = "greenlight.solve"
_MAX_ATTEMPTS = 2
_KEEP_S = 24 * 3600
_POLL_S = 0.5
"""How long one wait for the result lasts before the job's latest board is read."""


def make_app(
    redis_url: str, *, timeout_s: float, memory_mb: int, cache_dir: Path | None = None
) -> Celery:
    """The Celery app both sides use; the worker's settings bound each task."""
    app = Celery("greenlight", broker=redis_url, backend=redis_url)
    app.conf.update(
        task_serializer="json",
        result_serializer="json",
        accept_content=["json"],
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        worker_prefetch_multiplier=1,
        task_time_limit=timeout_s,
        worker_max_memory_per_child=memory_mb * 1024,
        result_expires=_KEEP_S,
        # A worker that dies whole (not just its child) leaves its job unacknowledged: Redis
        # hands it out again after this long.
        broker_transport_options={"visibility_timeout": int(timeout_s * 2 + 60)},
        broker_connection_timeout=5,
        redis_socket_timeout=10,
        redis_socket_connect_timeout=5,
        worker_hijack_root_logger=False,
        greenlight_cache_dir=str(cache_dir) if cache_dir else None,
        greenlight_memory_mb=memory_mb,
    )

    @app.task(name=TASK, bind=True)
    def solve(task: Any, kind: str, payload: Record) -> Record:
        attempts = _count_attempt(redis_url, task.request.id)
        if attempts > _MAX_ATTEMPTS:
            return {"status": "failed", "error": "the solver's worker died on each try"}

        client = redis.Redis.from_url(redis_url, socket_timeout=5, socket_connect_timeout=5)
        channel = BoardChannel(client, keep_s=int(timeout_s * 2 + 60))

        def report(board: Record) -> None:
            channel.publish(task.request.id, board)

        try:
            return work.outcome(kind, payload, app.conf.greenlight_cache_dir, memory_mb, report)
        finally:
            client.close()

    @worker_process_init.connect(weak=False)
    def _bound(**_: Any) -> None:
        work.limit_memory(memory_mb)

    return app


def _count_attempt(redis_url: str, job_id: str) -> int:
    client = redis.Redis.from_url(redis_url, socket_timeout=5)
    name = f"greenlight:attempts:{job_id}"
    count = int(client.incr(name))
    client.expire(name, _KEEP_S)
    return count


class CeleryRunner:
    """Send solve jobs to Celery workers and wait for them (bounded)."""

    def __init__(self, app: Celery, *, timeout_s: float) -> None:
        self.app, self.timeout_s = app, timeout_s
        self._redis = redis.Redis.from_url(app.conf.broker_url, socket_timeout=10)
        self._boards = BoardChannel(self._redis, keep_s=int(timeout_s * 2 + 60))

    def run(self, kind: str, payload: Record, *, progress: BoardSink | None = None) -> Record:
        """The job's result; ValueError for a fixable request, JobFailed otherwise.

        `progress` hears each new board the job reports while this call waits."""
        key = work.job_key(kind, payload)
        result = AsyncResult(key, app=self.app)
        # Send once per key: another instance's identical request waits on the same job.
        if self._redis.set(f"greenlight:sent:{key}", "1", nx=True, ex=_KEEP_S):
            self.app.send_task(TASK, args=[kind, payload], task_id=key)
        answer = self._wait(key, result, work.shielded(progress))
        if answer.get("status") != "ok":
            self._forget(key, result)
        if answer.get("status") == "value":
            raise ValueError(answer["error"])
        if answer.get("status") != "ok":
            raise JobFailed(str(answer.get("error")))
        return dict(answer["result"])

    def _wait(self, key: str, result: AsyncResult, progress: BoardSink | None) -> Record:
        # Queueing behind other jobs counts too: wait for two bounds, then give up honestly.
        deadline = time.monotonic() + 2 * self.timeout_s + 30
        seen = 0
        while time.monotonic() < deadline:
            try:
                value = result.get(timeout=_POLL_S, propagate=False, interval=0.1)
            except ResultTimeout:
                seen = self._relay(key, progress, seen)
                continue
            self._relay(key, progress, seen)  # the boards sent just before the end
            if result.successful():
                return dict(value)
            if "TimeLimitExceeded" in type(value).__name__ + repr(value):
                return {"status": "failed", "error": self._late()}
            return {"status": "failed", "error": f"{type(value).__name__}: {value}"}
        return {"status": "failed", "error": f"no worker answered within {2 * self.timeout_s:g} s"}

    def _relay(self, key: str, progress: BoardSink | None, seen: int) -> int:
        """Hand the job's boards after the first `seen` to `progress`; how many are seen."""
        if progress is None:
            return seen
        try:
            boards = self._boards.read(key, seen)
        except redis.RedisError:  # a broker hiccup costs progress lines, not the job
            return seen
        for board in boards:
            progress(board)
        return seen + len(boards)

    def _late(self) -> str:
        return f"it took longer than {self.timeout_s:g} s and was stopped"

    def _forget(self, key: str, result: AsyncResult) -> None:
        # A failed job is not kept: the same request later gets a fresh try.
        result.forget()
        self._redis.delete(f"greenlight:sent:{key}", f"greenlight:attempts:{key}")
        self._boards.clear(key)
