"""Detail lines that follow the shoot days: above the line, cast (from the DOOD), crew.

Every builder returns lines whose amount is exactly `quantity x rate` rounded to the cent, and
whose `source` says which days, scenes or DOOD codes the quantity counts.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from tools.budget.crew import CrewPlan, DeptPlan
from tools.budget.days import DayFacts, days_text
from tools.budget.model import BudgetLine
from tools.budget.money import to_money
from tools.ratecard import RateCard
from tools.schedule.model import Dood

__all__ = ["PAID_CODES", "WORK_CODES", "atl_lines", "cast_lines", "crew_lines", "make_line"]

WORK_CODES = frozenset({"SW", "W", "WF", "SWF"})
#: Codes a cast member is paid for: work days and hold days (not drop days).
PAID_CODES = WORK_CODES | {"H"}


def make_line(
    account: str, description: str, quantity: Decimal | int, unit: str, rate: Decimal, **extra: Any
) -> BudgetLine:
    """A detail line with `amount = quantity x rate`, rounded to the cent."""
    qty = Decimal(quantity)
    return BudgetLine(
        account=account,
        description=description,
        quantity=qty,
        unit=unit,
        rate=rate,
        amount=to_money(qty * rate),
        **extra,
    )


def atl_lines(card: RateCard) -> list[BudgetLine]:
    """Flat above-the-line fees (writer, director, producers)."""
    return [
        make_line(
            "1100",
            item.description or item.key,
            1,
            "flat",
            item.rate,
            source=f"rate card line {item.line}",
        )
        for item in card.of_kind("atl")
    ]


def cast_lines(dood: Dood, tiers: Mapping[str, str], card: RateCard) -> list[BudgetLine]:
    """One line per cast member: paid days (work and hold, from the DOOD) x day rate."""
    lines = []
    for row in dood.rows:
        paid = [day for day, code in enumerate(row.codes) if code in PAID_CODES]
        if not paid:
            continue
        work = sum(code in WORK_CODES for code in row.codes)
        hold = sum(code == "H" for code in row.codes)
        named = card.find("cast_name", row.name)
        tier = tiers.get(row.name, "day_player")
        rate = card.cast_rate(row.name, tier)
        basis = "own rate" if named else tier.replace("_", " ")
        if (factor := dict(card.name_factors).get(row.name)) is not None:
            basis += f" x {factor:g}"
        lines.append(
            make_line(
                "1300",
                f"{row.name} ({basis})",
                len(paid),
                "day",
                rate,
                source=f"DOOD: {work} work + {hold} hold, {days_text(paid)}",
                days=paid,
                labor="cast",
                tags=["daily"],
            )
        )
    return lines


def _dept_tags(card: RateCard, department: str) -> list[str]:
    conditions = {item.applies_to for item in card.of_kind("crew") if item.key == department}
    special = [flag for flag in ("stunts", "vfx") if conditions == {flag}]
    return ["daily", "crew", *special]


def _dept_lines(dept: DeptPlan, premium: Decimal, days: int, tags: list[str]) -> list[BudgetLine]:
    lines = []
    if dept.core:
        lines.append(
            make_line(
                "2000",
                f"{dept.department}: crew of {dept.core} every day",
                dept.core * days,
                "person-day",
                dept.rate,
                source=f"{dept.core} people x {days} shooting days",
                days=list(range(days)),
                labor="crew",
                tags=tags,
            )
        )
    hired = [day for day, count in enumerate(dept.day_players) if count]
    if hired:
        lines.append(
            make_line(
                "2000",
                f"{dept.department}: day players",
                sum(dept.day_players),
                "person-day",
                dept.rate * (1 + premium),
                source=f"{sum(dept.day_players)} person-days on {days_text(hired)} "
                f"at the day-player premium of {premium * 100:g}%",
                days=hired,
                labor="crew",
                tags=tags,
            )
        )
    return lines


def _labor_by_day(plan: CrewPlan, days: int) -> list[Decimal]:
    premium_rate = 1 + plan.premium
    return [
        sum(
            (
                dept.rate * (dept.core + dept.day_players[day] * premium_rate)
                for dept in plan.departments
            ),
            Decimal(0),
        )
        for day in range(days)
    ]


def _percent_of_labor(
    description: str, pct: Decimal, chosen: Sequence[int], labor: list[Decimal]
) -> BudgetLine:
    base = sum((labor[day] for day in chosen), Decimal(0))
    return make_line(
        "2000",
        description,
        base,
        "crew labor",
        pct / 100,
        source=f"{pct:g}% of crew labor on {days_text(chosen)}",
        days=list(chosen),
        labor="crew",
        tags=["crew"],
    )


def crew_lines(
    facts: list[DayFacts], plan: CrewPlan, card: RateCard, *, capacity_eighths: int
) -> list[BudgetLine]:
    """Crew wages per department, then the night and sixth-day premiums and overtime on the
    days they apply."""
    days = len(facts)
    lines = []
    for dept in plan.departments:
        lines += _dept_lines(dept, plan.premium, days, _dept_tags(card, dept.department))
    labor = _labor_by_day(plan, days)
    nights = [day.index for day in facts if "night" in day.conditions]
    night_pct = card.rate("premium", "night", Decimal(0))
    if nights and night_pct:
        lines.append(_percent_of_labor("Night premium", night_pct, nights, labor))
    sixth = [day.index for day in facts if "sixth_day" in day.conditions]
    sixth_pct = card.rate("premium", "sixth_day", Decimal(0))
    if sixth and sixth_pct:
        lines.append(_percent_of_labor("Sixth-day premium", sixth_pct, sixth, labor))
    threshold = card.rate("param", "overtime_threshold_pct", Decimal(100))
    heavy = [day.index for day in facts if day.eighths * 100 >= threshold * capacity_eighths]
    ot_pct = card.rate("overtime", "heavy_day", Decimal(0))
    if heavy and ot_pct:
        lines.append(_percent_of_labor("Overtime on heavy days", ot_pct, heavy, labor))
    return lines
