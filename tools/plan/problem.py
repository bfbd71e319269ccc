"""From a script, the plan inputs and the rate card to the scheduling problem the solver sees.

The solver's objective is priced from the same rate card as the budget, so the cheapest
schedule it finds is cheap in the budget too: a crew day is the flat crew's loaded wages plus
daily equipment and meals; a night adds the premium, night crew and lighting; a cast day is
the tier rate with fringes.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from tools import schedule, sites
from tools.budget import location_kind
from tools.plan.model import PlanInputs
from tools.ratecard import RateCard
from tools.schedule.calendar import shooting_weekdays
from tools.schedule.model import MINUTES_PER_EIGHTH, ScheduleCosts, ScheduleOptions, ScheduleProblem
from tools.script import Script
from tools.sites import SiteAssignment, SiteCorrections

__all__ = ["build_problem", "day_options", "schedule_costs", "script_sites"]


def _crew_wages(card: RateCard, condition: str) -> tuple[Decimal, int]:
    rows = [item for item in card.of_kind("crew") if item.applies_to == condition]
    wages = sum((item.rate * (item.qty or 0) for item in rows), Decimal(0))
    return wages, int(sum((item.qty or 0) for item in rows))


def _equipment(card: RateCard, condition: str) -> Decimal:
    items = card.of_kind("equipment")
    return sum((item.rate for item in items if item.applies_to == condition), Decimal(0))


def schedule_costs(
    card: RateCard, locations: list[str], kinds: Mapping[str, str] | None = None
) -> ScheduleCosts:
    """The optimizer's prices, from the rate card (see the module docstring).

    `kinds` gives a site's kind (from `tools.sites`); otherwise it is read from the name.
    """
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
        item = card.find("setup", (kinds or {}).get(where) or location_kind(where))
        setups[where] = float(item.rate) if item else 0.0
    turnaround = float(card.rate("param", "turnaround_penalty", Decimal(0)))
    return ScheduleCosts(
        crew_day=float(crew_day),
        company_move=float(card.rate("move", "company_move")),
        set_move=float(card.rate("move", "set_move", Decimal(0))),
        location_setup=setups,
        night_premium_day=float(night),
        soft_penalties={"turnaround": turnaround} if turnaround > 0 else {},
    )


def day_options(card: RateCard, inputs: PlanInputs) -> dict[str, float | int]:
    """The day's rules from the inputs over the rate card: its minutes, move minutes, cap.

    The day's minutes also cap the pages a day (at the pace), so "10-hour days" shoots fewer.
    """
    minutes = inputs.day_minutes or float(card.rate("param", "day_minutes", Decimal(720)))
    cap = inputs.max_company_moves
    if cap is None:
        cap = int(card.rate("param", "max_company_moves_per_day", Decimal(1)))
    eighths = min(round(inputs.pages_per_day * 8), int(minutes / MINUTES_PER_EIGHTH + 1e-9))
    return {
        "day_minutes": minutes,
        "company_move_minutes": float(card.rate("param", "company_move_minutes", Decimal(0))),
        "set_move_minutes": float(card.rate("param", "set_move_minutes", Decimal(0))),
        "max_company_moves": cap,
        "capacity_eighths": max(1, eighths),
    }


def script_sites(script: Script, corrections: SiteCorrections) -> list[SiteAssignment]:
    """Every scene's site and set: inferred from the headings, the user's corrections on top."""
    inferred = sites.infer_sites(script.scenes)
    if corrections.empty:
        return inferred
    return sites.apply_corrections(script.scenes, inferred, corrections)


def _cast_rates(card: RateCard, tiers: dict[str, str]) -> dict[str, float]:
    fringe = 1 + card.rate("fringe", "cast", Decimal(0)) / 100
    rates = {}
    for name, tier in tiers.items():
        rates[name] = float(card.cast_rate(name, tier) * fringe)
    return rates


def build_problem(
    script: Script,
    card: RateCard,
    tiers: dict[str, str],
    inputs: PlanInputs,
    *,
    assigned: list[SiteAssignment] | None = None,
) -> ScheduleProblem:
    """The problem: strips (at their sites) from scenes, cast with rates and unavailability,
    the day's rules and the costs. ValueError names an unknown scene or cast member."""
    placed = assigned if assigned is not None else script_sites(script, inputs.site_corrections)
    locations = list(dict.fromkeys(a.site for a in placed))
    kinds = {a.site: a.kind for a in placed}
    gap = int(card.rate("param", "drop_pickup_min_gap_days", Decimal(0)))
    most = int(card.rate("param", "drop_pickup_max_per_performer", Decimal(0)))
    options = ScheduleOptions(
        drop_min_gap=gap or None,
        max_drops=most or None,
        fixed_days=inputs.days,
        pinned=dict(inputs.pinned),
        precedences=[(a, b) for a, b in inputs.precedences],
        start_date=inputs.start_date,
        work_days_per_week=inputs.work_days_per_week,
        time_limit_s=inputs.time_limit_s,
        seed=inputs.seed,
        **day_options(card, inputs),  # type: ignore[arg-type]
    )
    problem = schedule.problem_from_script(
        script,
        cast_rates=_cast_rates(card, tiers),
        costs=schedule_costs(card, locations, kinds),
        options=options,
        sites=placed,
    )
    problem = _without(problem, inputs.omitted)
    ids = {strip.id for strip in problem.strips}
    for scene in inputs.pinned:
        if scene not in ids:
            raise ValueError(f"cannot pin scene {scene!r}: the script has no such scene")
    for scene in {x for pair in inputs.precedences for x in pair} - ids:
        raise ValueError(f"cannot order scene {scene!r}: the script has no such scene")
    names = {member.name for member in problem.cast}
    unavailable = _unavailable(inputs, options)
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


def _without(problem: ScheduleProblem, omitted: list[str]) -> ScheduleProblem:
    """`problem` without the scenes cut from the shoot, and without cast left with no scene.
    ValueError names a scene the script does not have, or a cut of every scene."""
    if not omitted:
        return problem
    ids = {strip.id for strip in problem.strips}
    for scene in omitted:
        if scene not in ids:
            raise ValueError(f"cannot cut scene {scene!r}: the script has no such scene")
    strips = [strip for strip in problem.strips if strip.id not in set(omitted)]
    if not strips:
        raise ValueError("that cuts every scene: there is nothing left to schedule")
    working = {name for strip in strips for name in strip.cast}
    cast = [member for member in problem.cast if member.name in working]
    return problem.model_copy(update={"strips": strips, "cast": cast})


WEEKDAY_HORIZON = 200
"""Shooting days a weekday rule is spelled out for: longer than any shoot."""


def _unavailable(inputs: PlanInputs, options: ScheduleOptions) -> dict[str, list[int]]:
    """Each cast member's unavailable days: those named, and those on their weekdays off."""
    out = {name: list(days) for name, days in inputs.unavailable.items()}
    if inputs.unavailable_weekdays:
        weekdays = shooting_weekdays(
            options.start_date,
            WEEKDAY_HORIZON,
            work_days_per_week=options.work_days_per_week,
            days_off=options.days_off,
        )
        for name, off in inputs.unavailable_weekdays.items():
            days = [d for d, weekday in enumerate(weekdays) if weekday in set(off)]
            out[name] = sorted(set(out.get(name, [])) | set(days))
    return out
