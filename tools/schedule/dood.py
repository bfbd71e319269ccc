"""Day out of days: per cast member and shooting day, SW / W / H / WF / SWF / D."""

from __future__ import annotations

from tools.schedule.costing import cast_days
from tools.schedule.crew_rest import day_numbers
from tools.schedule.model import Dood, DoodRow, ScheduleOptions, ScheduleProblem, ScheduleResult

__all__ = ["day_out_of_days"]


def _row(
    name: str, worked: list[int], n_days: int, options: ScheduleOptions, span: bool
) -> DoodRow:
    numbers = day_numbers(options, n_days)
    gap, most = options.drop_min_gap, options.max_drops
    work, holds, drops = cast_days(worked, gap, most, numbers) if span else cast_days(worked, 1)
    codes = [""] * n_days
    for d in holds:
        codes[d] = "H"
    for d in drops:
        codes[d] = "D"
    for d in work:
        codes[d] = "W"
    if work:
        codes[work[0]] = "SW"
        codes[work[-1]] = "SWF" if len(work) == 1 else "WF"
    return DoodRow(
        name=name,
        codes=codes,
        work_days=len(work),
        hold_days=len(holds),
        drop_days=len(drops),
        start_day=work[0] if work else None,
        finish_day=work[-1] if work else None,
    )


def day_out_of_days(problem: ScheduleProblem, result: ScheduleResult) -> Dood:
    """The DOOD of a schedule, consistent with the cost function's cast pay.

    With span pay, days between first and last work day are holds (H), except gaps of at
    least `options.drop_min_gap` calendar days, which are drops (D, unpaid), at most
    `options.max_drops` of them per cast member (the longest). With worked pay every
    gap is a drop. Cast members with no scenes get an empty row.
    """
    cast_of = {strip.id: strip.cast for strip in problem.strips}
    names = [member.name for member in problem.cast]
    names += [n for s in problem.strips for n in s.cast if n not in names]
    names = list(dict.fromkeys(names))
    n_days = max((day.index + 1 for day in result.days), default=0)
    worked: dict[str, list[int]] = {name: [] for name in names}
    for day in result.days:
        for sid in day.strips:
            for name in cast_of.get(sid, []):
                worked[name].append(day.index)
    span = problem.costs.cast_pay == "span"
    rows = [_row(n, worked[n], n_days, problem.options, span) for n in names]
    return Dood(days=n_days, rows=rows)
