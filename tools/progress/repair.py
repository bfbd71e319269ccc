"""A complete, rule-abiding board to start the evening's solve from (and to fall back on).

The last version's later days keep their strips; work back on the board goes, strip by strip
in script order, to the first later day it fits (pages, minutes, scene count, day or night,
the moves cap and the day's minutes with its moves, cast availability, pins), else to a new
day at the end; then the last day is folded into room on earlier days at its sites while it
fits (no fixed day count), so slipped work fills slack instead of growing the board by a day
a later evening would take away again. Last, the later days are re-boarded
(`crew_rest.rested_days`) where a night would be followed by a morning call with no day off
between: the crew's rest holds after a frozen night too. CP-SAT then starts from a feasible
answer on a 150-scene feature instead of searching for one, and when it finds nothing better
in its time the repaired board is the answer (`method="repair"`).
"""

from __future__ import annotations

from collections.abc import Mapping

from tools.schedule.crew_rest import rested_days
from tools.schedule.model import ScheduleOptions, ScheduleProblem, ScheduleResult, ShootDay, Strip

__all__ = ["repaired_board"]


def _blocked(problem: ScheduleProblem) -> dict[str, set[int]]:
    """Cast name -> days they cannot work (windows as far as 400 days)."""
    out = {}
    for member in problem.cast:
        days = set(member.unavailable_days)
        if member.earliest_day is not None:
            days.update(range(member.earliest_day))
        if member.latest_day is not None:
            days.update(range(member.latest_day + 1, 400))
        out[member.name] = days
    return out


class _Day:
    def __init__(self, strips: list[Strip]) -> None:
        self.strips = strips

    def fits(self, strip: Strip, problem: ScheduleProblem) -> bool:
        options = problem.options
        if any(s.whole_day or s.days > 1 for s in self.strips):
            return False
        if sum(s.eighths for s in self.strips) + strip.eighths > options.capacity_eighths:
            return False
        if options.max_scenes_per_day and len(self.strips) >= options.max_scenes_per_day:
            return False
        if options.capacity_minutes is not None:
            pace = options.minutes_per_eighth
            used = sum(
                s.minutes if s.minutes is not None else s.eighths * pace for s in self.strips
            )
            mine = strip.minutes if strip.minutes is not None else strip.eighths * pace
            if used + mine > options.capacity_minutes:
                return False
        lights = {s.lighting for s in self.strips}
        if not (options.allow_split_days or not lights or lights == {strip.lighting}):
            return False
        return self._day_rules(strip, options)

    def _day_rules(self, strip: Strip, options: ScheduleOptions) -> bool:
        """With `strip`, the day keeps the moves cap and its minutes with the moves (shot
        grouped by site, then set: a company move per site after the first, a set move per
        set after the first at each site)."""
        strips = [*self.strips, strip]
        sites = {s.main_location for s in strips}
        company = len(sites) - 1
        if options.max_company_moves is not None and company > options.max_company_moves:
            return False
        if options.day_minutes is None:
            return True
        sets = len({(s.main_location, s.set) for s in strips}) - len(sites)
        pace = options.minutes_per_eighth
        shoot = sum(s.minutes if s.minutes is not None else s.eighths * pace for s in strips)
        moves = company * options.company_move_minutes + sets * options.set_move_minutes
        return shoot + moves <= options.day_minutes + 1e-6


def _available(strip: Strip, day: int, blocked: Mapping[str, set[int]]) -> bool:
    return not any(day in blocked.get(name, set()) for name in strip.cast)


def _same_site(day: _Day, strip: Strip) -> bool:
    """Joining `day` adds no company move (its site is already the day's, or the day is empty)."""
    return not day.strips or strip.main_location in {s.main_location for s in day.strips}


def _dissolve_last(
    days: list[_Day], problem: ScheduleProblem, frozen: int, blocked: Mapping[str, set[int]]
) -> bool:
    """Move the last day's strips into earlier days at their sites, when every one fits
    there; True when the day went. Slipped work fills the slack of days at its site instead
    of growing the board by a day that a later evening would take away again."""
    if len(days) < 2:
        return False
    last, rest = days[-1], days[:-1]
    moves: list[tuple[_Day, Strip]] = []
    for strip in last.strips:
        spot = None
        if problem.options.pinned.get(strip.id) is None and not strip.whole_day and strip.days == 1:
            spot = next(
                (
                    day
                    for i, day in enumerate(rest)
                    if _same_site(day, strip)
                    and day.fits(strip, problem)
                    and _available(strip, frozen + i, blocked)
                ),
                None,
            )
        if spot is None:
            for day, placed in moves:  # the day stays: put back what had moved
                day.strips.remove(placed)
            return False
        spot.strips.append(strip)
        moves.append((spot, strip))
    days.pop()
    return True


def repaired_board(
    problem: ScheduleProblem, previous: ScheduleResult, frozen: int
) -> ScheduleResult:
    """`previous` with every strip of `problem` placed; days before `frozen` untouched."""
    by_id = {s.id: s for s in problem.strips}
    kept = [d for d in previous.days if d.index < frozen]
    later = [[by_id[s] for s in d.strips if s in by_id] for d in previous.days if d.index >= frozen]
    days = [_Day(strips) for strips in later if strips]
    placed = {s for d in previous.days for s in d.strips if s in by_id}
    blocked = _blocked(problem)
    for strip in problem.strips:
        if strip.id in placed:
            continue
        pin = problem.options.pinned.get(strip.id)
        spot = next(
            (
                day
                for i, day in enumerate(days)
                if (pin is None or pin == frozen + i)
                and day.fits(strip, problem)
                and _available(strip, frozen + i, blocked)
            ),
            None,
        )
        if spot is None:
            days.append(spot := _Day([]))
        spot.strips.append(strip)
    while problem.options.fixed_days is None and _dissolve_last(days, problem, frozen, blocked):
        pass
    board = rested_days(
        problem, [*(d.strips for d in kept), *([s.id for s in d.strips] for d in days)], frozen
    )
    new = [ShootDay(index=frozen + i, strips=strips) for i, strips in enumerate(board[frozen:])]
    return previous.model_copy(update={"days": [*kept, *new], "moved_strips": []})
