"""`JobPlanner`: the graph's `Planner` with the heavy calls (plan, re-plan a draft) run as jobs.

Comparing two plans and cutting to a cap are light and stay in the calling process. A runner
is anything with `run(kind, payload, progress=...) -> record` (the local pool or Celery); a
plan's improving boards come back through `progress` while the job runs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol

from graph.planner import BoardSink, ToolPlanner

__all__ = ["JobPlanner", "Runner"]

Record = dict[str, Any]


class Runner(Protocol):
    """Runs one solve job; ValueError for a fixable request, JobFailed when it could not."""

    def run(self, kind: str, payload: Record, *, progress: BoardSink | None = None) -> Record:
        """The job's result record; `progress` hears each board the job reports."""
        ...


class JobPlanner(ToolPlanner):
    """Plans through a job runner; the rest of `ToolPlanner` runs here."""

    def __init__(self, runner: Runner, cache_dir: Path | None = None) -> None:
        super().__init__(cache_dir=cache_dir)
        self.runner = runner

    def make_plan(
        self,
        script: Record,
        inputs: Record,
        *,
        previous: Record | None,
        progress: BoardSink | None = None,
    ) -> Record:
        """Plan (or re-plan from `previous`) in a job; its boards go to `progress`."""
        payload = {"script": script, "inputs": inputs, "previous": previous}
        return self.runner.run("make_plan", payload, progress=progress)

    def revise(self, plan: Record, old: Record, new: Record, inputs: Record) -> Record:
        """Re-plan a new draft in a job."""
        payload = {"plan": plan, "old": old, "new": new, "inputs": inputs}
        return self.runner.run("revise", payload)
