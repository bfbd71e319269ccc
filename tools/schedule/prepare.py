"""Derived facts of a problem that every solver path shares: strip lengths, allowed days, costs.

One place decides what a strip occupies and which days it may start on, so the baseline, the
CP-SAT model, the exact sequencer and the cost function can never disagree.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from tools.schedule.model import ScheduleProblem, Strip

__all__ = [
    "PreparedProblem",
    "day_rules_on",
    "default_horizon",
    "prepare",
    "strip_length",
    "strip_minutes",
]

STUNT_FLAG = "stunts"


def strip_length(strip: Strip, capacity_eighths: int) -> tuple[int, bool]:
    """Days a strip occupies and whether it fills them alone (a strip over capacity does)."""
    if strip.days > 1:
        return strip.days, True
    if strip.eighths > capacity_eighths:
        return math.ceil(strip.eighths / capacity_eighths), True
    return 1, strip.whole_day


def strip_minutes(strip: Strip, minutes_per_eighth: float) -> float:
    """Estimated shooting minutes of a strip."""
    return strip.minutes if strip.minutes is not None else strip.eighths * minutes_per_eighth


@dataclass(frozen=True)
class PreparedProblem:
    """A problem's strips indexed 0..n-1 with everything the solvers derive from them."""

    problem: ScheduleProblem
    ids: list[str]
    index: dict[str, int]
    length: list[int]
    whole: list[bool]
    location: list[str]
    """Per strip, its site (main location): a change within a day is a company move."""
    sets: list[str]
    """Per strip, its set's key within the site (site, INT/EXT and set name)."""
    minutes: list[float]
    """Per strip, shooting minutes at the pace."""
    night: list[bool]
    stunt: list[bool]
    cast_of: list[list[int]]
    """Per strip, indexes into `cast_names`."""
    cast_names: list[str]
    rates: list[float]
    unavailable: list[set[int]]
    """Per cast member, the 0-based days they cannot work (windows included, up to `horizon`)."""
    horizon: int
    """Number of candidate days."""

    def allowed_starts(self, s: int) -> list[int]:
        """Start days on which strip `s` fits: inside the horizon, pins and cast availability."""
        pin = self.problem.options.pinned.get(self.ids[s])
        starts = [pin] if pin is not None else list(range(self.horizon))
        out = []
        for d in starts:
            span = range(d, d + self.length[s])
            if d < 0 or span.stop > self.horizon:
                continue
            if any(day in self.unavailable[a] for a in self.cast_of[s] for day in span):
                continue
            out.append(d)
        return out

    def setup_cost(self, location: str) -> float:
        """Cost of setting up `location` again on a later visit."""
        costs = self.problem.costs
        return costs.location_setup.get(location, costs.default_location_setup)

    def penalty(self, name: str) -> float:
        """The named soft-rule penalty, 0 when off (turnaround: only when it is not a rule)."""
        if name == "turnaround" and self.turnaround_rule:
            return 0.0
        return self.problem.costs.soft_penalties.get(name, 0.0)

    @property
    def turnaround_rule(self) -> bool:
        """True when night-to-day turnaround is a hard rule (and some strip is a night)."""
        return self.problem.options.turnaround and any(self.night)

    def turnaround_breaks(self, night_day: list[int], next_day: list[int]) -> set[int]:
        """Cast members who work a night scene among `night_day` and a day scene among
        `next_day` (the following day): each is a broken turnaround."""
        night = {a for s in night_day if self.night[s] for a in self.cast_of[s]}
        return {a for s in next_day if not self.night[s] for a in self.cast_of[s]} & night


def _unavailable(problem: ScheduleProblem, names: list[str], horizon: int) -> list[set[int]]:
    members = {member.name: member for member in problem.cast}
    out: list[set[int]] = []
    for name in names:
        member = members.get(name)
        days: set[int] = set()
        if member is not None:
            days.update(member.unavailable_days)
            if member.earliest_day is not None:
                days.update(range(min(member.earliest_day, horizon)))
            if member.latest_day is not None:
                days.update(range(member.latest_day + 1, horizon))
        out.append(days)
    return out


def _set_key(strip: Strip) -> str:
    site = strip.main_location or strip.location
    return f"{site}|{strip.int_ext or ''}|{strip.set or strip.location}"


def day_rules_on(problem: ScheduleProblem) -> bool:
    """True when the day in minutes (moves take time) or the moves cap is a rule."""
    options = problem.options
    return options.day_minutes is not None or options.max_company_moves is not None


def default_horizon(problem: ScheduleProblem) -> int:
    """Days the model may use: fixed or maximum days, else a packing estimate with slack."""
    options = problem.options
    if options.fixed_days is not None:
        return options.fixed_days
    if options.max_days is not None:
        return options.max_days
    cap = options.capacity_eighths
    lengths = [strip_length(strip, cap) for strip in problem.strips]
    whole_days = sum(length for length, whole in lengths if whole)
    pages = sum(s.eighths for s, (_, w) in zip(problem.strips, lengths, strict=True) if not w)
    estimate = whole_days + math.ceil(pages / cap) if problem.strips else 1
    if options.day_minutes is not None and problem.strips:
        # A day with a move shoots less: size the horizon for one move a day.
        pace = options.minutes_per_eighth
        shoot = sum(
            strip_minutes(s, pace)
            for s, (_, w) in zip(problem.strips, lengths, strict=True)
            if not w
        )
        room = max(1.0, options.day_minutes - options.company_move_minutes)
        estimate = max(estimate, whole_days + math.ceil(shoot / room))
    latest_pin = max(options.pinned.values(), default=0) + 1
    horizon = max(estimate + max(2, estimate // 5), latest_pin)
    # Days a cast member cannot work leave fewer for their scenes: lengthen the horizon by the
    # most days anyone misses inside it, so that a weekday rule or a late start still fits.
    missed = max(
        (
            (member.earliest_day or 0) + sum(1 for d in set(member.unavailable_days) if d < horizon)
            for member in problem.cast
        ),
        default=0,
    )
    return horizon + missed


def prepare(problem: ScheduleProblem, *, horizon: int | None = None) -> PreparedProblem:
    """Index a problem for the solvers; raises ValueError naming a duplicate or unknown id."""
    ids = [strip.id for strip in problem.strips]
    seen: set[str] = set()
    for sid in ids:
        if sid in seen:
            raise ValueError(f"scene id {sid!r} appears twice")
        seen.add(sid)
    for sid in list(problem.options.pinned) + [x for p in problem.options.precedences for x in p]:
        if sid not in seen:
            raise ValueError(f"scene {sid!r} is named in a pin or precedence but not in the plan")
    cap = problem.options.capacity_eighths
    lengths = [strip_length(strip, cap) for strip in problem.strips]
    names = list(dict.fromkeys(name for strip in problem.strips for name in strip.cast))
    position = {name: i for i, name in enumerate(names)}
    rates_by_name = {member.name: member.day_rate for member in problem.cast}
    days = horizon if horizon is not None else default_horizon(problem)
    return PreparedProblem(
        problem=problem,
        ids=ids,
        index={sid: i for i, sid in enumerate(ids)},
        length=[length for length, _ in lengths],
        whole=[whole for _, whole in lengths],
        location=[s.main_location or s.location for s in problem.strips],
        sets=[_set_key(s) for s in problem.strips],
        minutes=[strip_minutes(s, problem.options.minutes_per_eighth) for s in problem.strips],
        night=[s.lighting == "NIGHT" for s in problem.strips],
        stunt=[STUNT_FLAG in s.flags for s in problem.strips],
        cast_of=[sorted({position[name] for name in s.cast}) for s in problem.strips],
        cast_names=names,
        rates=[rates_by_name.get(name, 0.0) for name in names],
        unavailable=_unavailable(problem, names, days),
        horizon=days,
    )
