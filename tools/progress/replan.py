"""`replan_rest`: the shot days frozen as shot, the remaining days re-solved with stability.

The board comes from `board.progress_board`; the optimizer is the same `schedule.optimize`
the plan uses, with the last version as the previous schedule (each strip that changes day
costs a company move) and the shot days frozen. When the plan had a fixed day count that the
slipped work no longer fits, the count is lifted and the answer says so.

The evening has one deadline: the solver gets what is left of it, less the share the board's
costing and the forecast after it need (`_RESERVE_SHARE`), so a loaded machine shortens the
search instead of overrunning the evening.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import replace

from pydantic import BaseModel, Field

from tools import schedule
from tools.budget import day_facts
from tools.budget.money import Money
from tools.cache import cache_key
from tools.plan import Plan, PlanInputs, StripMove
from tools.plan.blocks import blocked
from tools.plan.summary import summarize
from tools.progress.board import Board, progress_board
from tools.progress.ledger import ResolvedDay
from tools.progress.offer import MoveOffer, second_move, start_board
from tools.progress.pricing import priced
from tools.progress.rules import rate_card
from tools.ratecard import RateCard
from tools.schedule.model import ScheduleProblem, ScheduleResult

__all__ = ["RestReport", "replan_rest"]

_RESERVE_SHARE = 0.15
"""Share of the evening's limit kept back for what follows the solve: the board costed on the
real strips, its budget, crew and day out of days, then the hot costs, rollouts and sentences
(0.4 to 0.7 s on the 150-scene feature, measured idle; about three times that under load)."""
_RESERVE_LEAST = 1.0
"""Seconds kept back at the least."""
_SOLVE_LEAST = 1.0
"""Seconds the solver gets at the least, even when the evening is late (a board is needed)."""


class RestReport(BaseModel):
    """What the evening's re-plan moved and what it costs."""

    frozen_days: int
    status: str
    seconds: float
    limit_s: float = 0.0
    """The solver's time limit: what was left of the evening's less the costing's share."""
    moved: list[StripMove] = Field(default_factory=list)
    """Strips already on the board whose day changed."""
    placed: list[StripMove] = Field(default_factory=list)
    """Work back on the board (not shot, or the rest of a part-shot scene) and its new day."""
    days_before: int
    days_after: int
    cast_changes: list[str] = Field(default_factory=list)
    """Cast whose start or finish day changed, in words."""
    budget_before: Money
    budget_after: Money
    accounts: dict[str, Money] = Field(default_factory=dict)
    """Account code -> change of the board's budget (after minus before), non-zero only."""
    relaxed: str | None = None
    second_move: MoveOffer | None = None
    """When the re-plan had to add days: the board with one more company move a day."""


def solve_limit(deadline: float, reserve: float) -> float:
    """Seconds the solver may take from now so that `reserve` seconds are left before
    `deadline` (a `time.perf_counter` instant), at least `_SOLVE_LEAST`."""
    return max(_SOLVE_LEAST, deadline - time.perf_counter() - reserve)


def _optimize(
    problem: ScheduleProblem,
    board: Board,
    move: float,
    ends: tuple[float, float],
    approved: ScheduleResult,
) -> tuple[ScheduleResult, float]:
    """CP-SAT from the repaired board (`offer.start_board`); the repaired board itself when
    CP-SAT finds nothing. `ends` is the evening's deadline and the seconds kept back before
    it; with the result comes the time limit the solver was given."""
    hint = start_board(problem, board, approved)
    fixed = problem.options.fixed_days
    if fixed is not None and len(hint.days) > fixed:
        hint = board.previous  # too long for the fixed count: let the solver say so
    horizon = None if fixed is not None else len(hint.days) + 1
    limit = solve_limit(*ends)
    options = problem.options.model_copy(update={"time_limit_s": limit})
    problem = problem.model_copy(update={"options": options})
    result = schedule.optimize(
        problem, previous=hint, move_cost=move, frozen_days=board.frozen, horizon=horizon
    )
    if result.days or result.status == "infeasible" or hint is board.previous:
        return result, limit
    found = schedule.evaluate(problem, [day.strips for day in hint.days])
    return found.model_copy(update={"method": "repair", "seconds": result.seconds}), limit


def _solve(
    board: Board,
    card: RateCard,
    time_limit_s: float,
    deadline: float,
    approved: ScheduleResult,
) -> tuple[ScheduleResult, str | None, float]:
    """The remaining days solved by `deadline`, less the costing's reserve; a fixed day count
    the work no longer fits is lifted and solved again in what is left. With the result come
    the note of a lifted count and the last solve's time limit."""
    problem, options = board.solve_problem, board.solve_problem.options
    move = float(card.rate("move", "company_move"))
    ends = (deadline, max(_RESERVE_LEAST, _RESERVE_SHARE * time_limit_s))
    result, limit = _optimize(problem, board, move, ends, approved)
    if not result.days and options.fixed_days is not None:
        free = problem.model_copy(
            update={"options": options.model_copy(update={"fixed_days": None})}
        )
        result, limit = _optimize(free, board, move, ends, approved)
        lifted = f"the work left no longer fits {options.fixed_days} days: the day count was lifted"
        return result, lifted, limit
    return result, None, limit


def _real(board: Board, solved: ScheduleResult) -> ScheduleResult:
    """The solved board costed on the real strips, shot days marked frozen."""
    real = schedule.evaluate(board.problem, [day.strips for day in solved.days])
    cost = real.cost.model_copy(update={"stability": solved.cost.stability})
    frozen = set(board.frozen)
    days = [day.model_copy(update={"frozen": day.index in frozen}) for day in real.days]
    return real.model_copy(
        update={
            "status": solved.status,
            "bound": solved.bound,
            "seconds": solved.seconds,
            "method": solved.method,
            "moved_strips": solved.moved_strips,
            "cost": cost,
            "days": days,
        }
    )


def _days_of(result: ScheduleResult) -> dict[str, int]:
    return {sid: day.index for day in result.days for sid in day.strips}


def _cast_changes(before: Plan, after: Plan) -> list[str]:
    old = {row.name: row for row in (before.dood.rows if before.dood else [])}
    out = []
    for row in after.dood.rows if after.dood else []:
        was = old.get(row.name)
        if was is None or (was.start_day, was.finish_day) == (row.start_day, row.finish_day):
            continue
        parts = []
        if was.start_day != row.start_day and row.start_day is not None:
            parts.append(f"starts day {row.start_day + 1} (was {(was.start_day or 0) + 1})")
        if was.finish_day != row.finish_day and row.finish_day is not None:
            parts.append(f"finishes day {row.finish_day + 1} (was {(was.finish_day or 0) + 1})")
        if parts:
            out.append(f"{row.name} {' and '.join(parts)}")
    return out


def _plan(
    current: Plan, board: Board, solved: tuple[ScheduleResult, RateCard, PlanInputs], key: str
) -> Plan:
    result, card, inputs = solved
    problem = board.problem
    dood = schedule.day_out_of_days(problem, result)
    budget, crew = priced(problem, result, dood, card, current.tiers)
    inputs = inputs.model_copy(update={"frozen_days": list(board.frozen)})
    moves = sum(day.moves for day in day_facts(problem, result))
    summary = summarize(
        current.baseline.budget,
        budget,
        result,
        inputs,
        moves=(current.summary.baseline_moves, moves),
        savings=current.savings,
    )
    update = dict(inputs=inputs, problem=problem, schedule=result, dood=dood, budget=budget)
    return current.model_copy(update={**update, "crew": crew, "summary": summary, "key": key})


def _report(current: Plan, plan: Plan, board: Board, relaxed: str | None) -> RestReport:
    before, after = _days_of(board.previous), _days_of(plan.schedule)
    frozen = set(board.frozen)
    moved = [
        StripMove(scene=sid, old_day=before[sid], new_day=day)
        for sid, day in after.items()
        if sid in before and before[sid] not in frozen and before[sid] != day
    ]
    placed = [
        StripMove(scene=sid, old_day=None, new_day=day)
        for sid, day in after.items()
        if sid not in before and day not in frozen
    ]
    old_budget, new_budget = current.budget, plan.budget
    assert old_budget is not None and new_budget is not None
    old = {a.code: a.total for a in old_budget.accounts}
    changes = {a.code: a.total - old.get(a.code, 0) for a in new_budget.accounts}
    return RestReport(
        frozen_days=len(frozen),
        status=plan.schedule.status,
        seconds=plan.schedule.seconds,
        moved=sorted(moved, key=lambda m: (m.new_day or 0, m.scene)),
        placed=sorted(placed, key=lambda m: (m.new_day or 0, m.scene)),
        days_before=len(current.schedule.days),
        days_after=len(plan.schedule.days),
        cast_changes=_cast_changes(current, plan),
        budget_before=old_budget.total,
        budget_after=new_budget.total,
        accounts={code: delta for code, delta in changes.items() if delta},
        relaxed=relaxed,
    )


def night_rest_note(shot_days: int) -> str:
    """What the re-plan says when it calls the day after a shot night in the morning."""
    return (
        f"day {shot_days} wrapped at night and the night scenes left cannot keep the company "
        f"on nights until the week's day off, so day {shot_days + 1} is planned from a morning "
        "call: give the crew and the night cast their rest (a later call or a day off)"
    )


def _board(
    approved: Plan,
    current: Plan,
    days: Sequence[ResolvedDay],
    inputs: PlanInputs,
    rules: ScheduleProblem | None,
    *,
    night_rest: bool,
) -> Board:
    board = progress_board(
        rules or approved.problem,
        days,
        current.schedule,
        shot=approved.problem,
        night_rest=night_rest,
    )
    if inputs.site_blocks:
        # The sites asked to be one block stay so for the solver; costed on the real strips.
        board = replace(board, solve_problem=blocked(board.solve_problem, inputs.site_blocks))
    return board


def _ends_at_night(board: Board) -> bool:
    """True when the solver sees the last shot day as night work (it owes the next its rest)."""
    if not board.frozen:
        return False
    last = board.frozen[-1]
    ids = {sid for sid, day in board.frozen_ids.items() if day == last}
    return any(s.lighting == "NIGHT" for s in board.solve_problem.strips if s.id in ids)


def replan_rest(
    approved: Plan,
    current: Plan,
    days: Sequence[ResolvedDay],
    *,
    time_limit_s: float = 10.0,
    inputs: PlanInputs | None = None,
    rules: ScheduleProblem | None = None,
    deadline: float | None = None,
) -> tuple[Plan, RestReport]:
    """The plan with `days` (resolved reports of days 0..k-1) shot and the rest re-solved.

    The shot scenes come from `approved` (the plan the shoot started from); `current` is the
    last version, whose later days the re-plan keeps where it can. The rest is planned under
    `inputs` (default: the current version's) and `rules`, the whole script's problem under
    them (`tools.progress.day_rules`; default: the approved problem). ValueError when the
    remaining work cannot be scheduled (the diagnosis says why) or a plan has no budget.
    The evening ends by `deadline` (a `time.perf_counter` instant; default `time_limit_s`
    from now): the solver gets what is left of it less the costing's share.
    """
    deadline = deadline if deadline is not None else time.perf_counter() + time_limit_s
    if current.budget is None or approved.budget is None:
        raise ValueError("the plan has no schedule to report progress against: plan it first")
    inputs = inputs or current.inputs
    card = rate_card(inputs)
    board = _board(approved, current, days, inputs, rules, night_rest=True)
    solved, relaxed, limit = _solve(board, card, time_limit_s, deadline, approved.schedule)
    if not solved.days and _ends_at_night(board):
        # The last shot day wrapped at night: the crew may not be called the next morning,
        # so the company stays on nights to the week's day off. When the nights left cannot
        # fill those days, what was shot is a fact the rule cannot refuse: the rest is
        # planned from a morning call and the answer says the rest is the production's to
        # give (a late call or a day off), as an AD would after an unplanned night.
        eased = _board(approved, current, days, inputs, rules, night_rest=False)
        retry, lifted, retry_limit = _solve(eased, card, time_limit_s, deadline, approved.schedule)
        if retry.days:
            board, solved, limit = eased, retry, retry_limit
            rest = night_rest_note(len(days))
            relaxed = rest if lifted is None else f"{lifted}; {rest}"
    if solved.status == "infeasible" or not solved.days:
        why = " ".join(solved.diagnosis) or "no schedule was found in time"
        raise ValueError(f"the remaining days cannot be scheduled: {why.rstrip('.')}")
    key = cache_key(
        progress_of=approved.key,
        current=current.key,
        inputs=inputs.model_dump(mode="json"),
        days=[day.model_dump(mode="json") for day in days],
    )
    plan = _plan(current, board, (_real(board, solved), card, inputs), key)
    report = _report(current, plan, board, relaxed)
    offer = second_move(current, plan, board, card, approved.schedule)
    return plan, report.model_copy(update={"limit_s": round(limit, 3), "second_move": offer})
