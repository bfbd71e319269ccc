"""A complete, rule-abiding board to start the evening's solve from (and to fall back on).

The last version's later days keep their strips; work back on the board goes, strip by strip
in script order, to the first later day it fits (`dayfit`: pages, minutes, scene count, day or
night, the moves cap and the day's minutes with its moves, cast availability; and pins), else
to a new day at the end; then the last day is folded into room on earlier days at its sites while it
fits (no fixed day count), so slipped work fills slack instead of growing the board by a day
a later evening would take away again. Last, the later days are re-boarded
(`crew_rest.rested_days`) where a night would be followed by a morning call with no day off
between: the crew's rest holds after a frozen night too. CP-SAT then starts from a feasible
answer on a 150-scene feature instead of searching for one, and when it finds nothing better
in its time the repaired board is the answer (`method="repair"`).
"""

from __future__ import annotations

from tools.progress.dayfit import DayFit
from tools.schedule.crew_rest import rested_days
from tools.schedule.model import ScheduleProblem, ScheduleResult, ShootDay, Strip

__all__ = ["repaired_board"]


def _same_site(day: list[Strip], strip: Strip) -> bool:
    """Joining `day` adds no company move (its site is already the day's, or the day is empty)."""
    return not day or strip.main_location in {s.main_location for s in day}


def _dissolve_last(
    days: list[list[Strip]], problem: ScheduleProblem, frozen: int, rules: DayFit
) -> bool:
    """Move the last day's strips into earlier days at their sites, when every one fits
    there; True when the day went. Slipped work fills the slack of days at its site instead
    of growing the board by a day that a later evening would take away again."""
    if len(days) < 2:
        return False
    last, rest = days[-1], days[:-1]
    moves: list[tuple[list[Strip], Strip]] = []
    for strip in last:
        spot = None
        if problem.options.pinned.get(strip.id) is None and not strip.whole_day and strip.days == 1:
            spot = next(
                (
                    day
                    for i, day in enumerate(rest)
                    if _same_site(day, strip) and rules.fits(day, strip, frozen + i)
                ),
                None,
            )
        if spot is None:
            for day, placed in moves:  # the day stays: put back what had moved
                day.remove(placed)
            return False
        spot.append(strip)
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
    days = [strips for strips in later if strips]
    placed = {s for d in previous.days for s in d.strips if s in by_id}
    rules = DayFit(problem)
    for strip in problem.strips:
        if strip.id in placed:
            continue
        pin = problem.options.pinned.get(strip.id)
        spot = next(
            (
                day
                for i, day in enumerate(days)
                if (pin is None or pin == frozen + i) and rules.fits(day, strip, frozen + i)
            ),
            None,
        )
        if spot is None:
            days.append(spot := [])
        spot.append(strip)
    while problem.options.fixed_days is None and _dissolve_last(days, problem, frozen, rules):
        pass
    board = rested_days(
        problem, [*(d.strips for d in kept), *([s.id for s in d] for d in days)], frozen
    )
    new = [ShootDay(index=frozen + i, strips=strips) for i, strips in enumerate(board[frozen:])]
    return previous.model_copy(update={"days": [*kept, *new], "moved_strips": []})
