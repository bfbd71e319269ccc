"""What a solve job does once it runs: the same planning calls the graph makes, as records.

Framework-free on purpose: the local pool's child process and a Celery worker both call
`run_job`, and the tools it calls never learn they run in a job. `child_main` is the local
pool's process entry: it bounds its own memory before any solving, then answers on a pipe.
A plan job reports its improving boards as it goes (`progress`): the local child sends each
one on the same pipe as `{"board": ...}` before its outcome, a Celery task as its state.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import resource
from collections.abc import Callable
from pathlib import Path
from typing import Any

__all__ = [
    "EXIT_MEMORY",
    "KINDS",
    "BoardSink",
    "child_main",
    "job_key",
    "limit_memory",
    "ready",
    "run_job",
    "shielded",
    "tell",
]

Record = dict[str, Any]
BoardSink = Callable[[Record], None]
logger = logging.getLogger(__name__)
KINDS = ("make_plan", "revise")
EXIT_MEMORY = 75
"""The local child's exit status when even reporting ran out of memory."""


def job_key(kind: str, payload: Record) -> str:
    """The job's identity: SHA-256 of its kind and payload as canonical JSON.

    The payload is everything the plan's cache key is made of (script, inputs, previous plan),
    so two requests for the same plan share one job, and the plan itself comes from the plan
    cache (`tools.plan.plan_key`) when a job is repeated or retried.
    """
    text = json.dumps({"kind": kind, "payload": payload}, sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def tell(sink: BoardSink, board: Record) -> None:
    """Hand `board` to `sink`; a failure is logged, never raised: a progress report that
    cannot be delivered (a closed pipe, a Redis hiccup) must not end the solve or the wait."""
    try:
        sink(board)
    except Exception:  # the plan matters more than one progress line
        logger.warning("a progress report was lost", exc_info=True)


def shielded(sink: BoardSink | None) -> BoardSink | None:
    """`sink` with its failures logged and swallowed (see `tell`)."""
    if sink is None:
        return None
    return lambda board: tell(sink, board)


def run_job(
    kind: str, payload: Record, cache_dir: str | None, progress: BoardSink | None = None
) -> Record:
    """Run one job in this process; ValueError for a request the user can fix."""
    from graph.planner import ToolPlanner

    planner = ToolPlanner(cache_dir=Path(cache_dir) if cache_dir else None)
    if kind == "make_plan":
        return planner.make_plan(
            payload["script"],
            payload["inputs"],
            previous=payload.get("previous"),
            progress=shielded(progress),
        )
    if kind == "revise":
        return planner.revise(payload["plan"], payload["old"], payload["new"], payload["inputs"])
    raise ValueError(f"unknown job kind {kind!r}")


def ready() -> None:
    """A job that does nothing: starting it brings the local pool's forkserver up."""


def limit_memory(memory_mb: int) -> bool:
    """Cap this process's address space, so a runaway solve fails here and not the machine.

    False when the process already maps that much (the solver's libraries alone map a few
    hundred MB): the job cannot run within the bound, and native code that then fails to
    allocate may crash rather than raise, so the caller says so at once."""
    limit = memory_mb * 1024 * 1024
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    return _mapped_bytes() < limit


def _mapped_bytes() -> int:
    """This process's address space now (0 where /proc does not tell)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            pages = int(statm.read().split()[0])
    except (OSError, ValueError, IndexError):
        return 0
    return pages * resource.getpagesize()


def outcome(
    kind: str,
    payload: Record,
    cache_dir: str | None,
    memory_mb: int,
    progress: BoardSink | None = None,
) -> Record:
    """`run_job` with its failures as data: {"status": "ok"|"value"|"failed", ...}."""
    try:
        return {"status": "ok", "result": run_job(kind, payload, cache_dir, progress)}
    except ValueError as exc:
        return {"status": "value", "error": str(exc)}
    except MemoryError:
        return {"status": "failed", "error": f"it needed more than {memory_mb:,} MB"}
    except Exception as exc:  # any other failure of the tools ends this job, not the server
        return {"status": "failed", "error": f"{type(exc).__name__}: {exc}"}


def child_main(conn: Any, kind: str, payload: Record, cache_dir: str | None, mb: int) -> None:
    """The local pool's child: bound memory, run (each board sent as it comes), send the
    outcome, exit."""
    if not limit_memory(mb):
        os._exit(EXIT_MEMORY)  # over the bound before starting: the exit status says so
    try:
        conn.send(outcome(kind, payload, cache_dir, mb, lambda b: conn.send({"board": b})))
    except MemoryError:
        # Too little memory left to say so on the pipe: the exit status says it.
        os._exit(EXIT_MEMORY)
    finally:
        conn.close()
