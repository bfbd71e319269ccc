"""The solve-job interface: a local process pool by default, Celery workers at scale.

`build_planner(...)` gives the graph its `Planner` (the edge calls it with the settings'
values): planning and re-planning run as jobs with a wall-time and memory bound, so a solver
crash, hang or runaway ends one job with `JobFailed` and the server goes on. Only
`jobs.celery_app` imports celery, and only when the Celery runner is chosen.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from jobs.errors import JobFailed
from jobs.local import LocalRunner
from jobs.planner import JobPlanner, Runner

__all__ = ["JobFailed", "JobPlanner", "LocalRunner", "Runner", "build_planner", "build_runner"]


def build_runner(
    mode: Literal["local", "celery"],
    *,
    cache_dir: Path | None,
    timeout_s: float,
    memory_mb: int,
    workers: int = 2,
    redis_url: str = "redis://127.0.0.1:6379/0",
) -> Runner:
    """The configured runner: `local` (child processes here) or `celery` (Redis workers)."""
    if mode == "celery":
        from jobs.celery_app import CeleryRunner, make_app

        app = make_app(redis_url, timeout_s=timeout_s, memory_mb=memory_mb, cache_dir=cache_dir)
        return CeleryRunner(app, timeout_s=timeout_s)
    return LocalRunner(
        cache_dir=cache_dir, timeout_s=timeout_s, memory_mb=memory_mb, workers=workers
    )


def build_planner(mode: Literal["local", "celery"], **options: object) -> JobPlanner:
    """A `JobPlanner` on the runner `build_runner(mode, **options)` builds."""
    runner = build_runner(mode, **options)  # type: ignore[arg-type]
    cache = options.get("cache_dir")
    return JobPlanner(runner, cache_dir=cache if isinstance(cache, Path) else None)
