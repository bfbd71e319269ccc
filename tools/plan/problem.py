"""From a script, the plan inputs and the rate card to the scheduling problem the solver sees.

The solver's objective is priced from the same rate card as the budget, so the cheapest
schedule it finds is cheap in the budget too: a crew day is the flat crew's loaded wages plus
daily equipment and meals; a night adds the premium, night crew and lighting; a cast day is
the tier rate with fringes.
"""

from __future__ import annotations

from decimal import Decimal

from tools import schedule
from tools.budget import location_kind
from tools.ratecard import RateCard
from tools.schedule.model import ScheduleCosts, ScheduleOptions, ScheduleProblem
from tools.script import Script

__all__ = ["build_problem", "schedule_costs"]


def _crew_wages(card: RateCard, condition: str) -> tuple[Decimal, int]:
    rows = [item for item in card.of_kind("crew") if item.applies_to == condition]
    wages = sum((item.rate * (item.qty or 0) for item in rows), Decimal(0))
    return wages, int(sum((item.qty or 0) for item in rows))


def _equipment(card: RateCard, condition: str) -> Decimal:
    items = card.of_kind("equipment")
    return sum((item.rate for item in items if item.applies_to == condition), Decimal(0))


def schedule_costs(card: RateCard, locations: list[str]) -> ScheduleCosts:
    """The optimizer's prices, from the rate card (see the module docstring)."""
    crew_fringe = 1 + card.rate("fringe", "crew", Decimal(0)) / 100
    wages, heads = _crew_wages(card, "always")
    meal = card.rate("other", "catering", Decimal(0))
    crew_day = wages * crew_fringe + _equipment(card, "always") + meal * heads
    night_wages, night_heads = _crew_wages(card, "night")
    night_pct = card.rate("premium", "night", Decimal(0)) / 100
    night = (
        (wages + night_wages) * night_pct * crew_fringe
        + night_wages * crew_fringe
        + _equipment(card, "night")
        + meal * night_heads
    )
    setups = {}
    for where in locations:
        item = card.find("setup", location_kind(where))
        setups[where] = float(item.rate) if item else 0.0
    return ScheduleCosts(
        crew_day=float(crew_day),
        company_move=float(card.rate("move", "company_move")),
        location_setup=setups,
        night_premium_day=float(night),
    )


def _cast_rates(card: RateCard, tiers: dict[str, str]) -> dict[str, float]:
    fringe = 1 + card.rate("fringe", "cast", Decimal(0)) / 100
    rates = {}
    for name, tier in tiers.items():
        named = card.find("cast_name", name)
        rate = named.rate if named else card.rate("cast", tier)
        rates[name] = float(rate * fringe)
    return rates


def build_problem(
    script: Script,
    card: RateCard,
    tiers: dict[str, str],
    *,
    days: int | None,
    pages_per_day: float,
    pinned: dict[str, int],
    unavailable: dict[str, list[int]],
    start_date: str | None,
    time_limit_s: float,
    seed: int,
) -> ScheduleProblem:
    """The problem: strips from scenes, cast with rates and unavailability, options, costs."""
    locations = list(dict.fromkeys(s.main_location or s.location for s in script.scenes))
    gap = int(card.rate("param", "drop_pickup_min_gap_days", Decimal(0)))
    options = ScheduleOptions(
        capacity_eighths=max(1, round(pages_per_day * 8)),
        drop_min_gap=gap or None,
        fixed_days=days,
        pinned=dict(pinned),
        start_date=start_date,
        time_limit_s=time_limit_s,
        seed=seed,
    )
    problem = schedule.problem_from_script(
        script,
        cast_rates=_cast_rates(card, tiers),
        costs=schedule_costs(card, locations),
        options=options,
    )
    ids = {strip.id for strip in problem.strips}
    for scene in pinned:
        if scene not in ids:
            raise ValueError(f"cannot pin scene {scene!r}: the script has no such scene")
    names = {member.name for member in problem.cast}
    for name in unavailable:
        if name not in names:
            raise ValueError(f"{name!r} is not in the cast; check the spelling (upper case)")
    cast = [
        member.model_copy(update={"unavailable_days": sorted(set(unavailable[member.name]))})
        if member.name in unavailable
        else member
        for member in problem.cast
    ]
    return problem.model_copy(update={"cast": cast})
