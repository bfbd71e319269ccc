"""A board priced as the plan prices it: crew scaled to the days' needs, then the budget."""

from __future__ import annotations

from tools import schedule
from tools.budget import Budget, CrewPlan, compute_budget, crew_needs, day_facts
from tools.budget.crew import day_player_premium
from tools.plan import Plan
from tools.ratecard import RateCard
from tools.savings import scale_crew
from tools.schedule.model import Dood, ScheduleProblem, ScheduleResult

__all__ = ["board_budget", "priced"]


def priced(
    problem: ScheduleProblem,
    result: ScheduleResult,
    dood: Dood,
    card: RateCard,
    tiers: dict[str, str],
) -> tuple[Budget, CrewPlan]:
    """The budget and crew of the board `result` of `problem` on `card`."""
    needs = crew_needs(day_facts(problem, result), card)
    crew = scale_crew(
        needs, {n: card.rate("crew", n) for n in needs}, premium=day_player_premium(card)
    )
    return compute_budget(problem, result, dood, card, tiers=tiers, crew=crew), crew


def board_budget(plan: Plan, card: RateCard) -> tuple[Budget, CrewPlan]:
    """The budget and crew of `plan`'s board priced on `card` (its own rates or earlier ones)."""
    dood = plan.dood or schedule.day_out_of_days(plan.problem, plan.schedule)
    return priced(plan.problem, plan.schedule, dood, card, plan.tiers)
