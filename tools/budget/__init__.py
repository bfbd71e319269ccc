"""The budget, computed from a schedule, its day-out-of-days and a rate card.

`compute_budget` turns each shooting day and each DOOD row into detail lines (quantity x rate,
with the days and scenes they come from), adds fringes, insurance and contingency, rolls the
lines up into a top sheet by account, and states a low / likely / high range. A change to the
schedule changes exactly the lines whose days or scenes changed.
"""

from __future__ import annotations

from collections.abc import Mapping

from tools.budget.crew import CrewPlan, DeptPlan, crew_needs, flat_crew
from tools.budget.days import RELOCATED, DayFacts, day_facts, days_text, location_kind
from tools.budget.lines import atl_lines, cast_lines, crew_lines
from tools.budget.model import ACCOUNTS, Account, Budget, BudgetLine, RangePart
from tools.budget.money import format_money, to_money
from tools.budget.production import (
    catering_lines,
    equipment_lines,
    extras_lines,
    location_lines,
    move_lines,
    other_lines,
    post_lines,
    special_lines,
)
from tools.budget.tiers import TIERS, cast_tiers
from tools.budget.topsheet import assemble
from tools.ratecard import RateCard
from tools.schedule.model import Dood, ScheduleProblem, ScheduleResult

__all__ = [
    "ACCOUNTS",
    "RELOCATED",
    "TIERS",
    "Account",
    "Budget",
    "BudgetLine",
    "CrewPlan",
    "DayFacts",
    "DeptPlan",
    "RangePart",
    "cast_tiers",
    "compute_budget",
    "crew_needs",
    "day_facts",
    "days_text",
    "flat_crew",
    "format_money",
    "location_kind",
    "to_money",
]


def compute_budget(
    problem: ScheduleProblem,
    result: ScheduleResult,
    dood: Dood,
    card: RateCard,
    *,
    tiers: Mapping[str, str] | None = None,
    crew: CrewPlan | None = None,
) -> Budget:
    """The budget of `result` (a stripboard of `problem`'s strips) with its DOOD.

    `tiers` maps cast names to a tier (see `cast_tiers`; unknown names are day players);
    `crew` is the staffing plan (default: a flat crew sized for the busiest day).
    """
    if result.status == "infeasible" or not result.days:
        raise ValueError(f"cannot budget a schedule with status {result.status!r} and no days")
    facts = day_facts(problem, result)
    staffing = crew if crew is not None else flat_crew(facts, card)
    if any(len(dept.day_players) != len(facts) for dept in staffing.departments):
        raise ValueError(f"crew plan covers a different number of days than the {len(facts)}")
    lines = [
        *atl_lines(card),
        *cast_lines(dood, tiers or {}, card),
        *crew_lines(facts, staffing, card, capacity_eighths=problem.options.capacity_eighths),
        *extras_lines(facts, card),
        *location_lines(facts, card),
        *move_lines(facts, card),
        *equipment_lines(facts, card),
        *special_lines(facts, card),
        *catering_lines(facts, staffing, dood, card),
        *post_lines(facts, card, work_days_per_week=problem.options.work_days_per_week),
        *other_lines(card),
    ]
    exterior = sum(1 for day in facts if "exterior" in day.conditions)
    return assemble(lines, card, days=len(facts), exterior_days=exterior)
