"""Crew per department per day: what each day needs, and who is hired to cover it.

A department's need on a day is the sum of its rate-card rows whose condition holds that day
(`always`, `night`, `exterior`, or a breakdown flag such as `stunts`). A crew plan covers the
need with a core crew paid every shooting day plus day players paid only when hired, at the
rate card's day-player premium.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, Field

from tools.budget.days import DayFacts
from tools.budget.money import Number
from tools.ratecard import RateCard

__all__ = ["CrewPlan", "DeptPlan", "crew_needs", "day_player_premium", "flat_crew"]


class DeptPlan(BaseModel):
    """One department's hiring: a core crew every day plus day players on some days."""

    department: str
    rate: Number
    """Run-of-show day rate per person."""
    core: int = Field(ge=0)
    day_players: list[int]
    """Per shooting day, people hired for that day only."""
    need: list[int]
    """Per shooting day, people the day's work needs."""


class CrewPlan(BaseModel):
    """How every department is staffed over the shoot."""

    method: Literal["flat", "scaled"]
    premium: Number
    """Day players cost `rate x (1 + premium)`."""
    departments: list[DeptPlan]

    def headcount(self, day: int) -> int:
        """People on the crew on one day."""
        return sum(dept.core + dept.day_players[day] for dept in self.departments)


def crew_needs(facts: list[DayFacts], card: RateCard) -> dict[str, list[int]]:
    """Per department (rate-card order), the headcount each day needs."""
    needs: dict[str, list[int]] = {}
    for item in card.of_kind("crew"):
        row = needs.setdefault(item.key, [0] * len(facts))
        qty = int(item.qty or 0)
        for day in facts:
            if item.applies_to in day.conditions:
                row[day.index] += qty
    return needs


def day_player_premium(card: RateCard) -> Decimal:
    """The day-player premium as a fraction (20 percent -> 0.2)."""
    return card.rate("param", "day_player_premium_pct", Decimal(0)) / 100


def flat_crew(facts: list[DayFacts], card: RateCard) -> CrewPlan:
    """Every department carries, every day, the crew its busiest day needs."""
    needs = crew_needs(facts, card)
    departments = [
        DeptPlan(
            department=name,
            rate=card.rate("crew", name),
            core=max(need, default=0),
            day_players=[0] * len(need),
            need=need,
        )
        for name, need in needs.items()
    ]
    return CrewPlan(method="flat", premium=day_player_premium(card), departments=departments)
