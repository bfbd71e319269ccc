"""Improving boards as a person follows them while a feature-length solve runs.

The solver reports each improving board as a `ScheduleResult`; `board_reporter` turns it into
a small `Board` record (days, the likely budget on the plan's rate card, the gap to the proven
bound) that can cross a process pipe or a task queue as JSON. The figures come from the same
budget the plan is priced with, so the chat never makes a number up.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from pydantic import BaseModel

from tools import schedule
from tools.budget import compute_budget
from tools.ratecard import RateCard
from tools.schedule.model import ScheduleProblem, ScheduleResult

__all__ = ["Board", "BoardSink", "board_reporter"]


class Board(BaseModel):
    """One board the search found, numbered in the order it was found (1 = the first)."""

    number: int
    days: int
    likely: float
    """The board's likely budget (no crew scaling yet: that comes with the final plan)."""
    currency: str
    cost: float
    """The solver's objective for the board."""
    bound: float | None
    """The proven lower bound on the objective, when there is one."""
    gap: float | None
    """Relative gap between `cost` and `bound` (0 = proven optimal)."""
    seconds: float
    """Seconds since planning started."""
    method: str


BoardSink = Callable[[Board], None]
"""Receives each improving board; it runs inside the solve, so it must return quickly."""


def board_reporter(
    problem: ScheduleProblem,
    card: RateCard,
    tiers: dict[str, str],
    sink: BoardSink,
    *,
    started: float | None = None,
) -> Callable[[ScheduleResult], None]:
    """A solver `progress` callback that prices each board and hands it to `sink`.

    Pricing a 150-scene board takes about 8 ms here, small next to one search step.
    """
    began = time.perf_counter() if started is None else started
    count = 0

    def report(result: ScheduleResult) -> None:
        nonlocal count
        count += 1
        dood = schedule.day_out_of_days(problem, result)
        budget = compute_budget(problem, result, dood, card, tiers=tiers)
        sink(
            Board(
                number=count,
                days=len(result.days),
                likely=float(budget.likely),
                currency=card.currency,
                cost=float(result.cost.total),
                bound=result.bound,
                gap=result.gap,
                seconds=round(time.perf_counter() - began, 3),
                method=result.method,
            )
        )

    return report
