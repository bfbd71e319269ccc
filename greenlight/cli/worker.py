"""`greenlight worker`: a Celery worker that runs solve jobs from the Redis broker.

Its bounds come from the settings (GREENLIGHT_JOB_TIMEOUT_S, GREENLIGHT_JOB_MEMORY_MB,
GREENLIGHT_REDIS_URL); each job runs in a prefork child, so a crash ends that child only and
the job goes back on the queue (see jobs/celery_app.py).
"""

from __future__ import annotations

import argparse
import socket
from typing import Any

from greenlight.settings import Settings

__all__ = ["register", "worker_argv"]


def worker_argv(settings: Settings, *, concurrency: int, name: str | None) -> list[str]:
    """The Celery worker's command line."""
    node = name or f"greenlight@{socket.gethostname()}"
    return [
        "worker",
        "--loglevel=INFO",
        "--pool=prefork",
        f"--concurrency={concurrency}",
        f"--hostname={node}",
        "--without-gossip",
        "--without-mingle",
    ]


def _worker(args: argparse.Namespace) -> int:
    from jobs.celery_app import make_app

    settings = Settings()
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    app = make_app(
        settings.redis_url,
        timeout_s=settings.job_timeout_s,
        memory_mb=settings.job_memory_mb,
        cache_dir=settings.data_dir / "cache",
    )
    concurrency = args.concurrency or settings.job_workers
    app.worker_main(worker_argv(settings, concurrency=concurrency, name=args.name))
    return 0


def register(subparsers: Any) -> None:
    """Add `worker` to the `greenlight` parser."""
    parser = subparsers.add_parser("worker", help="run a Celery worker for solve jobs")
    parser.add_argument("--concurrency", type=int, help="jobs at once (default: job_workers)")
    parser.add_argument("--name", help="worker node name (default: greenlight@HOST)")
    parser.set_defaults(handler=_worker)
