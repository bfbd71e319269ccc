"""The one error a solve job raises when it could not answer: the graph shows it in words."""

from __future__ import annotations

from graph.planner import PlannerFailed

__all__ = ["JobFailed"]


class JobFailed(PlannerFailed):
    """The job ended without a plan (crash, time or memory bound); the message says why."""
