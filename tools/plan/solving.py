"""How a plan gets its schedule: the solver call, its progress listeners, and a fresh plan
when a feature-scale stable re-plan found no board in time."""

from __future__ import annotations

from tools import schedule
from tools.plan.blocks import blocked, real_cost
from tools.plan.model import Plan, PlanInputs
from tools.ratecard import RateCard
from tools.schedule.model import ScheduleProblem, ScheduleResult
from tools.schedule.solver import LNS_MIN_STRIPS, Progress

__all__ = ["STUCK_REPLAN", "fresh_when_stuck", "listeners", "solve"]


def solve(
    problem: ScheduleProblem,
    inputs: PlanInputs,
    card: RateCard,
    previous: Plan | None,
    progress: Progress | None,
) -> ScheduleResult:
    """The schedule for the plan: stable against `previous` when given (moves priced); the
    sites asked to be one block kept together where a board can (`tools.plan.blocks`), a new
    block planned afresh."""
    sites = inputs.site_blocks
    new = set(sites) - set(previous.inputs.site_blocks) if previous is not None else set()
    if new and not inputs.frozen_days:
        # A site newly asked to be one block regroups the board: planned afresh, as a
        # stable re-plan's neighbourhoods rarely gather a site's many days into one run.
        previous = None
    streamed = progress
    if sites and progress is not None:
        sink = progress

        def streamed(board: ScheduleResult) -> None:
            sink(real_cost(problem, board, sites))

    found = schedule.optimize(
        blocked(problem, sites),
        previous=previous.schedule if previous else None,
        move_cost=float(card.rate("move", "company_move")) if previous else 0.0,
        frozen_days=inputs.frozen_days,
        progress=streamed,
    )
    return real_cost(problem, found, sites)


def listeners(progress: Progress | None, boards: Progress | None) -> Progress | None:
    """One solver callback feeding both the raw results and the priced boards."""
    sinks = [sink for sink in (progress, boards) if sink is not None]
    if not sinks:
        return None

    def report(result: ScheduleResult) -> None:
        for sink in sinks:
            sink(result)

    return report


STUCK_REPLAN = (
    "The stable re-plan (few strips moved) found no board within the time limit at this "
    "size, so this is a fresh plan from the sorted board: see what moved."
)


def fresh_when_stuck(
    problem: ScheduleProblem,
    inputs: PlanInputs,
    card: RateCard,
    previous: Plan | None,
    result: ScheduleResult,
    progress: Progress | None,
) -> ScheduleResult | None:
    """A fresh feature-scale plan when the stable re-plan found no board in time.

    At feature scale the stable re-plan repairs the previous board and improves it by large
    neighbourhood search (`tools.schedule.lns_replan`); should the repair still end with
    nothing, planning afresh (from the sorted board) always has a board. Frozen days need the
    stable path, so they get no fresh plan; nor does a set number of days, whose path
    (`feature_days`) says itself why no board of that length was found.
    """
    stuck = result.status == "unknown" and not result.days
    large = len(problem.strips) >= LNS_MIN_STRIPS
    if previous is None or not stuck or not large or inputs.frozen_days or inputs.days:
        return None
    fresh = solve(problem, inputs, card, None, progress)
    if not fresh.days:
        return None
    return fresh.model_copy(update={"diagnosis": [*fresh.diagnosis, STUCK_REPLAN]})
