"""Whether one more strip joins a shooting day within the day rules: the one check the
evening's repair (`repair`) and the forecast's rollouts (`rollout`) both place work by.

A day keeps its pages, scene count and shooting minutes; one lighting unless split days are
allowed; the company-moves cap; and its length with the moves it takes (shot grouped by site,
then set: a company move per site after the first, a set move per set after the first at each
site). A day holding a whole-day or multi-day strip takes nothing more, and the strip's cast
must be free on the day it is shot.
"""

from __future__ import annotations

from collections.abc import Sequence

from tools.schedule.model import ScheduleOptions, ScheduleProblem, Strip

__all__ = ["DayFit"]

_LAST_DAY = 400
"""A cast window's end is counted as far as this many days."""


class DayFit:
    """The day rules of `problem`, for placing strips on a board's days."""

    def __init__(self, problem: ScheduleProblem) -> None:
        self.options: ScheduleOptions = problem.options
        self.blocked: dict[str, set[int]] = {}
        for member in problem.cast:
            days = set(member.unavailable_days)
            if member.earliest_day is not None:
                days.update(range(member.earliest_day))
            if member.latest_day is not None:
                days.update(range(member.latest_day + 1, _LAST_DAY))
            self.blocked[member.name] = days

    def minutes(self, strip: Strip) -> float:
        """The strip's shooting minutes (its own, else its eighths at the pace)."""
        pace = self.options.minutes_per_eighth
        return strip.minutes if strip.minutes is not None else strip.eighths * pace

    def free(self, strip: Strip, index: int) -> bool:
        """Every one of the strip's cast can work on shooting day `index` (0-based)."""
        return not any(index in self.blocked.get(name, ()) for name in strip.cast)

    def fits(self, day: Sequence[Strip], strip: Strip, index: int) -> bool:
        """`strip` joins `day`, shot on day `index`, and the day keeps every rule."""
        o = self.options
        if any(s.whole_day or s.days > 1 for s in day) or not self.free(strip, index):
            return False
        if sum(s.eighths for s in day) + strip.eighths > o.capacity_eighths:
            return False
        if o.max_scenes_per_day and len(day) >= o.max_scenes_per_day:
            return False
        shoot = sum(self.minutes(s) for s in day) + self.minutes(strip)
        if o.capacity_minutes is not None and shoot > o.capacity_minutes + 1e-6:
            return False
        lights = {s.lighting for s in day}
        if not (o.allow_split_days or not lights or lights == {strip.lighting}):
            return False
        strips = [*day, strip]
        sites = {s.main_location for s in strips}
        company = len(sites) - 1
        if o.max_company_moves is not None and company > o.max_company_moves:
            return False
        if o.day_minutes is None:
            return True
        sets = len({(s.main_location, s.set) for s in strips}) - len(sites)
        moves = company * o.company_move_minutes + sets * o.set_move_minutes
        return shoot + moves <= o.day_minutes + 1e-6
