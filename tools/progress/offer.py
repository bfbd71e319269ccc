"""Where an evening's re-plan starts, and the board it offers when the rule cost a day.

`start_board` is the rule-abiding board the solver starts from: the last version repaired
(`repair`), or the approved board repaired when that takes fewer days. `second_move` is the
same start under one more company move a day, priced, when the re-plan had to add days: a
rest of a scene at a site no later day can reach within the cap becomes a day of its own,
where an AD would weigh a second move on a light day. The cap is the user's rule, so the
answer offers it ("say 'allow 2 moves a day'") and does not take it.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from tools import schedule
from tools.budget.money import Money
from tools.plan import Plan
from tools.progress.board import Board
from tools.progress.pricing import priced
from tools.progress.repair import repaired_board
from tools.ratecard import RateCard
from tools.schedule.model import ScheduleProblem, ScheduleResult

__all__ = ["MoveOffer", "second_move", "start_board"]


class MoveOffer(BaseModel):
    """The evening's work on the board with one more company move allowed a day: what an AD
    weighs against adding a day (the rule is the user's: this is offered, not taken)."""

    moves: int
    """The company moves a day it needs (the cap plus one)."""
    days: int
    budget: Money
    move_days: list[int] = Field(default_factory=list)
    """0-based days that take more moves than the cap."""


def start_board(problem: ScheduleProblem, board: Board, approved: ScheduleResult) -> ScheduleResult:
    """The repaired last version; or the repaired approved board (shot days as shot), when
    that takes fewer days: a what-if asked after an evening that added a day ("allow two
    moves a day") starts where the day was added, not from the day it added."""
    frozen = len(board.frozen)
    hint = repaired_board(problem, board.previous, frozen)
    if len(approved.days) <= frozen:
        return hint
    shot = board.previous.days[:frozen]
    taken = {sid for day in shot for sid in day.strips}
    later = [
        day.model_copy(update={"strips": [s for s in day.strips if s not in taken]})
        for day in approved.days[frozen:]
    ]
    first = board.previous.model_copy(update={"days": [*shot, *later]})
    other = repaired_board(problem, first, frozen)
    return other if len(other.days) < len(hint.days) else hint


def second_move(
    current: Plan, plan: Plan, board: Board, card: RateCard, approved: ScheduleResult
) -> MoveOffer | None:
    """The repaired board under one more company move a day, when the re-plan added days
    that it saves and it costs less (a 2/8 page left at a site no later day can reach within
    the cap becomes a day of its own, where an AD would take a second move on a light day)."""
    options = board.solve_problem.options
    cap = options.max_company_moves
    if cap is None or options.fixed_days is not None:
        return None
    if len(plan.schedule.days) <= len(board.previous.days) or plan.budget is None:
        return None
    looser = options.model_copy(update={"max_company_moves": cap + 1})
    solve = board.solve_problem.model_copy(update={"options": looser})
    hint = start_board(solve, board, approved)
    if len(hint.days) >= len(plan.schedule.days):
        return None
    problem = board.problem.model_copy(update={"options": looser})
    found = schedule.evaluate(problem, [day.strips for day in hint.days])
    dood = schedule.day_out_of_days(problem, found)
    budget, _ = priced(problem, found, dood, card, current.tiers)
    if budget.total >= plan.budget.total:
        return None
    over = [day.index for day in found.days if day.company_moves > cap]
    return MoveOffer(moves=cap + 1, days=len(found.days), budget=budget.total, move_days=over)
