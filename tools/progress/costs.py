"""Hot costs: what the production reports add to the budget the board already prices.

The re-planned board prices the days as shot (extra days, holds, moves, the scenes' own
lines). What it cannot see is in the reports: overtime, priced by the rate card's overtime
rules on the crew of that day and the cast who worked it, and background beyond the plan's.
Each comes with its fringe, as a budget line that says which day it is from.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal

from tools.budget import BudgetLine, CrewPlan
from tools.budget.lines import WORK_CODES, make_line
from tools.progress.ledger import ResolvedDay
from tools.ratecard import RateCard, overtime_rules
from tools.schedule.model import Dood

__all__ = ["cast_wages", "crew_wages", "hot_costs", "overtime_lines"]


def crew_wages(crew: CrewPlan, day: int) -> Decimal:
    """Straight crew wages of one day (core crew and day players at their premium)."""
    premium = 1 + Decimal(crew.premium)
    return sum(
        (
            Decimal(dept.rate) * (dept.core + dept.day_players[day] * premium)
            for dept in crew.departments
            if day < len(dept.day_players)
        ),
        Decimal(0),
    )


def cast_wages(dood: Dood, day: int, card: RateCard, tiers: Mapping[str, str]) -> Decimal:
    """Day rates of the cast who worked `day` (holds do not run into overtime)."""
    total = Decimal(0)
    for row in dood.rows:
        if day < len(row.codes) and row.codes[day] in WORK_CODES:
            total += card.cast_rate(row.name, tiers.get(row.name, "day_player"))
    return total


def _with_fringe(line: BudgetLine, labor: str, card: RateCard) -> list[BudgetLine]:
    pct = card.rate("fringe", labor, Decimal(0))
    if not pct or not line.amount:
        return [line] if line.amount else []
    fringe = make_line(
        line.account,
        f"Fringes on {line.description.lower()} ({pct:g}%)",
        line.amount,
        "wages",
        pct / 100,
        source=f"{pct:g}% of {line.description.lower()}",
        days=line.days,
        tags=["fringe", "hot"],
    )
    return [line, fringe]


def overtime_lines(
    day: int, hours: float, *, crew: Decimal, cast: Decimal, card: RateCard
) -> list[BudgetLine]:
    """Crew (2000) and cast (1300) overtime of one day, each with its fringe."""
    if hours <= 0:
        return []
    rules = overtime_rules(card)
    paid = rules.straight_hours(Decimal(str(hours)))
    source = (
        f"day {day + 1}: {hours:g} hours over, paid as {paid:g} straight hours "
        f"(x{rules.multiplier:g} after {rules.after_hours:g} h, "
        f"x{rules.double_multiplier:g} after {rules.double_after_hours:g} h)"
    )
    lines = []
    for account, labor, wages in (("2000", "crew", crew), ("1300", "cast", cast)):
        line = make_line(
            account,
            f"{labor.capitalize()} overtime, day {day + 1}",
            paid,
            "straight hour",
            wages / rules.after_hours,
            source=source,
            days=[day],
            labor=labor,  # type: ignore[arg-type]
            tags=["hot"],
        )
        lines += _with_fringe(line, labor, card)
    return lines


def _background(day: int, count: int, card: RateCard) -> list[BudgetLine]:
    item = card.find("extras", "background")
    if count <= 0 or item is None:
        return []
    line = make_line(
        "2100",
        f"Extra background, day {day + 1}",
        count,
        "person-day",
        item.rate,
        source=f"production report of day {day + 1}: {count} beyond the plan",
        days=[day],
        labor="extras",
        tags=["hot"],
    )
    return _with_fringe(line, "extras", card)


def hot_costs(
    days: Sequence[ResolvedDay],
    *,
    crew: CrewPlan,
    dood: Dood,
    card: RateCard,
    tiers: Mapping[str, str],
) -> list[BudgetLine]:
    """Overtime and extra background of every reported day, priced on the board as shot."""
    lines: list[BudgetLine] = []
    for day in days:
        lines += overtime_lines(
            day.day,
            day.overtime_hours,
            crew=crew_wages(crew, day.day),
            cast=cast_wages(dood, day.day, card, tiers),
            card=card,
        )
        lines += _background(day.day, day.extra_background, card)
    return lines
