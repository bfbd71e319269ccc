"""The planning tools as the graph sees them: JSON records in, JSON records out.

`ToolPlanner` calls `tools.plan` (the deterministic pipeline); tests may inject another
`Planner`. Records cross this seam as dicts because that is how the state stores them.
A planner that runs the tools out of process (jobs/) raises `PlannerFailed` when the run
ended without an answer (a crash, a time or memory bound); the graph says so and keeps the plan.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

__all__ = ["BoardSink", "Planner", "PlannerFailed", "ToolPlanner", "failure_notice"]

Record = dict[str, Any]
BoardSink = Callable[[Record], None]
"""Receives each improving board of a long solve (`tools.plan.Board` as JSON), from any thread."""


class PlannerFailed(RuntimeError):
    """The planning run ended without an answer; the message says why, in plain words."""


def failure_notice(exc: PlannerFailed) -> str:
    """What the chat says when a planning run failed: the reason, and that nothing changed."""
    return f"The solver failed on this request: {exc}; your plan is unchanged."


class Planner(Protocol):
    """What the graph needs from the planning tools."""

    def make_plan(
        self,
        script: Record,
        inputs: Record,
        *,
        previous: Record | None,
        progress: BoardSink | None = None,
    ) -> Record:
        """Plan a script under inputs (re-planning from `previous` when given); `progress`
        hears each improving board while a feature-length solve runs."""
        ...

    def compare(self, old: Record, new: Record) -> Record:
        """What changed between two plans: moved strips, days, budget by account."""
        ...

    def cuts(
        self,
        plan: Record,
        cap: float,
        *,
        forecast: float | None = None,
        shot: frozenset[str] = frozenset(),
    ) -> Record:
        """What to cut to bring a plan under a budget cap (mid-shoot: its forecast at
        completion, the scenes shot kept)."""
        ...

    def revise(self, plan: Record, old: Record, new: Record, inputs: Record) -> Record:
        """Re-plan a new draft of the script stably: {"plan", "inputs", "report"}."""
        ...


class ToolPlanner:
    """The real tools (`tools.plan`), imported on first use; plans cached under `cache_dir`."""

    def __init__(self, cache_dir: Path | None = None) -> None:
        self.cache_dir = cache_dir

    def make_plan(
        self,
        script: Record,
        inputs: Record,
        *,
        previous: Record | None,
        progress: BoardSink | None = None,
    ) -> Record:
        """Run `tools.plan.make_plan` and return the plan as JSON (boards to `progress`).

        ValueError, before any solving, for a script over `tools.plan.MAX_PLAN_SCENES`;
        ValueError too when the solver ran out of time without any schedule (no plan worth saving).
        """
        from tools import plan
        from tools.script import Script

        result = plan.make_plan(
            Script.model_validate(script),
            plan.PlanInputs.model_validate(inputs),
            previous=plan.Plan.model_validate(previous) if previous else None,
            cache=plan.PlanCache(self.cache_dir) if self.cache_dir else None,
            boards=(lambda board: progress(board.model_dump(mode="json"))) if progress else None,
        )
        if result.schedule.status == "unknown" and not result.schedule.days:
            why = " ".join(result.schedule.diagnosis) or "the solver found no schedule in time"
            raise ValueError(why)
        return result.model_dump(mode="json")

    def compare(self, old: Record, new: Record) -> Record:
        """Run `tools.plan.compare_plans` and return the diff as JSON."""
        from tools import plan

        diff = plan.compare_plans(plan.Plan.model_validate(old), plan.Plan.model_validate(new))
        return _as_record(diff)

    def cuts(
        self,
        plan_record: Record,
        cap: float,
        *,
        forecast: float | None = None,
        shot: frozenset[str] = frozenset(),
    ) -> Record:
        """Run `tools.plan.cuts_for_cap` and return its answer as JSON."""
        from tools import plan

        found = plan.cuts_for_cap(
            plan.Plan.model_validate(plan_record), cap, forecast=forecast, shot=shot
        )
        return _as_record(found)

    def revise(self, plan_record: Record, old: Record, new: Record, inputs: Record) -> Record:
        """Run `tools.revisions.replan_revision` with the inputs carried over to the new draft."""
        from tools import plan, revisions
        from tools.script import Script

        old_script, new_script = Script.model_validate(old), Script.model_validate(new)
        diff = revisions.diff_scripts(old_script, new_script)
        carried = revisions.translate_inputs(plan.PlanInputs.model_validate(inputs), diff)
        result, report = revisions.replan_revision(
            plan.Plan.model_validate(plan_record),
            old_script,
            new_script,
            carried,
            cache=plan.PlanCache(self.cache_dir) if self.cache_dir else None,
        )
        return {
            "plan": result.model_dump(mode="json"),
            "inputs": carried.model_dump(mode="json"),
            "report": report.model_dump(mode="json"),
        }


def _as_record(value: Any) -> Record:
    if hasattr(value, "model_dump"):
        return dict(value.model_dump(mode="json"))
    if isinstance(value, list):
        return {"items": [_as_record(item) for item in value]}
    return dict(value)
