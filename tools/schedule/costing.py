"""The exact objective: cost any stripboard, and build its days in shooting order.

Every solver path (CP-SAT, the exact sequencer, the baseline, what-ifs) reports the cost this
module computes, so figures are comparable. A strip's "start" is the first day it occupies.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from typing import Literal

from tools.schedule.calendar import calendar_dates
from tools.schedule.crew_rest import day_numbers, rest_days
from tools.schedule.model import (
    CostBreakdown,
    ScheduleOptions,
    ScheduleProblem,
    ScheduleResult,
    ShootDay,
)
from tools.schedule.prepare import PreparedProblem, prepare

__all__ = [
    "cast_days",
    "cost_of",
    "day_minutes",
    "day_moves",
    "evaluate",
    "occupancy",
    "result_from_starts",
    "shoot_days",
    "site_changes",
]


def occupancy(prep: PreparedProblem, starts: Sequence[int]) -> list[list[int]]:
    """Strips occupying each day, in shooting order (day before night, grouped by location)."""
    n_days = max((st + prep.length[s] for s, st in enumerate(starts)), default=0)
    days: list[list[int]] = [[] for _ in range(n_days)]
    for s, st in enumerate(starts):
        for d in range(st, st + prep.length[s]):
            days[d].append(s)
    return [_order_within_day(prep, day) for day in days]


def _order_within_day(prep: PreparedProblem, strips: list[int]) -> list[int]:
    first_seen: dict[str, int] = {}
    first_set: dict[str, int] = {}
    for s in strips:
        first_seen.setdefault(prep.location[s], s)
        first_set.setdefault(prep.sets[s], s)
    ordered = sorted(
        strips,
        key=lambda s: (prep.night[s], first_seen[prep.location[s]], first_set[prep.sets[s]], s),
    )
    before = {(prep.index[a], prep.index[b]) for a, b in prep.problem.options.precedences}
    # A stable topological pass keeps continuity pairs right when they share a day.
    out: list[int] = []
    pending = list(ordered)
    while pending:
        pick = next(
            (s for s in pending if not any((p, s) in before for p in pending if p != s)),
            pending[0],
        )
        out.append(pick)
        pending.remove(pick)
    return out


def day_moves(prep: PreparedProblem, strips: Sequence[int]) -> tuple[int, int]:
    """(company moves, set moves) of a day: sites visited - 1, sets visited - sites visited.

    Strips are shot grouped by site, then set (`occupancy`), so these are also the changes
    between consecutive strips; the objective and the CP-SAT model count them this way. A
    split day shoots its day scenes, then its night scenes: a site in both halves is visited
    twice unless the halves meet there: the changes are counted in shooting order.
    """
    placed = [s for s in strips if prep.location[s]]
    if len({prep.night[s] for s in placed}) > 1:
        # The day's order as `occupancy` makes it (from strips in index order), so the count
        # matches the board whatever order the caller holds them in.
        ordered = _order_within_day(prep, sorted(placed))
        company = site_changes(prep, ordered)
        changes = sum(1 for a, b in itertools.pairwise(ordered) if prep.sets[a] != prep.sets[b])
        return company, changes - company
    sites = len({prep.location[s] for s in placed})
    sets = len({prep.sets[s] for s in placed})
    return max(0, sites - 1), max(0, sets - sites)


def site_changes(prep: PreparedProblem, strips: Sequence[int]) -> int:
    """Changes of site between consecutive strips, in shooting order (what the board shows)."""
    placed = [prep.location[s] for s in strips if prep.location[s]]
    return sum(1 for a, b in itertools.pairwise(placed) if a != b)


def day_minutes(prep: PreparedProblem, strips: Sequence[int], first: Sequence[int]) -> tuple:
    """(shooting, move) minutes of a day; `first` are the strips that start on it."""
    options = prep.problem.options
    company, sets = day_moves(prep, strips)
    shoot = sum(prep.minutes[s] for s in first if not prep.whole[s])
    if any(prep.whole[s] for s in strips):
        shoot = options.day_minutes or shoot
    moves = company * options.company_move_minutes + sets * options.set_move_minutes
    return float(shoot), float(moves)


def cast_days(
    worked: Sequence[int],
    drop_min_gap: int | None,
    max_drops: int | None = None,
    numbers: Sequence[int] | None = None,
) -> tuple[list[int], list[int], list[int]]:
    """Split a cast member's calendar into (work, hold, drop) day lists from their work days:
    a gap of at least `drop_min_gap` days is a drop, at most `max_drops` of them (those with
    the most shooting days off, the earliest of equal ones), and any other gap between two
    work days is held. With `numbers` (each shooting day's calendar day,
    `crew_rest.day_numbers`) a gap qualifies by its calendar days, weekends between included,
    as SAG-AFTRA counts a break."""
    work = sorted(set(worked))
    pairs = list(itertools.pairwise(work))
    gaps = [list(range(prev + 1, nxt)) for prev, nxt in pairs]
    if numbers is None:
        lengths = [len(gap) for gap in gaps]
    else:
        lengths = [numbers[nxt] - numbers[prev] - 1 for prev, nxt in pairs]
    qualify = [
        i
        for i, gap in enumerate(gaps)
        if gap and drop_min_gap is not None and lengths[i] >= drop_min_gap
    ]
    if max_drops is not None:
        qualify = sorted(qualify, key=lambda i: (-len(gaps[i]), i))[:max_drops]
    holds: list[int] = []
    drops: list[int] = []
    for i, gap in enumerate(gaps):
        (drops if i in qualify else holds).extend(gap)
    return work, holds, drops


def _cast_cost(prep: PreparedProblem, days: list[list[int]]) -> tuple[float, float]:
    work_cost = hold_cost = 0.0
    worked: list[list[int]] = [[] for _ in prep.cast_names]
    for d, strips in enumerate(days):
        for a in {a for s in strips for a in prep.cast_of[s]}:
            worked[a].append(d)
    costs, options = prep.problem.costs, prep.problem.options
    numbers = day_numbers(options, len(days))
    for a, rate in enumerate(prep.rates):
        work, holds, _ = cast_days(worked[a], options.drop_min_gap, options.max_drops, numbers)
        work_cost += rate * len(work)
        if costs.cast_pay == "span":
            hold_cost += rate * len(holds)
    return work_cost, hold_cost


def _penalties(prep: PreparedProblem, days: list[list[int]], starts: Sequence[int]) -> dict:
    out: dict[str, float] = {}
    if (weight := prep.penalty("turnaround")) > 0:
        count = sum(len(prep.turnaround_breaks(days[d], days[d + 1])) for d in range(len(days) - 1))
        out["turnaround"] = weight * count
    if (weight := prep.penalty("story_order")) > 0:
        count = sum(1 for s in range(len(starts) - 1) if starts[s + 1] < starts[s])
        out["story_order"] = weight * count
    if (weight := prep.penalty("stunt_spread")) > 0:
        count = sum(max(0, sum(prep.stunt[s] for s in day) - 1) for day in days)
        out["stunt_spread"] = weight * count
    return out


def cost_of(
    prep: PreparedProblem,
    starts: Sequence[int],
    *,
    previous: Mapping[str, int] | None = None,
    move_cost: float = 0.0,
) -> CostBreakdown:
    """The objective's parts for strips starting on `starts` (one 0-based day per strip)."""
    costs = prep.problem.costs
    days = occupancy(prep, starts)
    used = [day for day in days if day]
    counted = [day_moves(prep, day) for day in used]
    moves = sum(c for c, _ in counted)
    set_moves = sum(s for _, s in counted)
    revisits = 0.0
    for loc in {loc for loc in prep.location if loc}:
        present = [any(prep.location[s] == loc for s in day) for day in days]
        runs = sum(1 for d, here in enumerate(present) if here and (d == 0 or not present[d - 1]))
        revisits += prep.setup_cost(loc) * max(0, runs - 1)
    work, hold = _cast_cost(prep, days)
    moved = _moved(prep, starts, previous)
    return CostBreakdown(
        crew_days=costs.crew_day * len(used),
        cast_work=work,
        cast_hold=hold,
        company_moves=costs.company_move * moves,
        set_moves=costs.set_move * set_moves,
        location_revisits=revisits,
        night_premium=costs.night_premium_day * sum(any(prep.night[s] for s in d) for d in used),
        penalties=_penalties(prep, days, starts),
        stability=move_cost * len(moved),
    )


def _moved(
    prep: PreparedProblem, starts: Sequence[int], previous: Mapping[str, int] | None
) -> list[str]:
    if not previous:
        return []
    return [sid for s, sid in enumerate(prep.ids) if sid in previous and previous[sid] != starts[s]]


def shoot_days(prep: PreparedProblem, starts: Sequence[int]) -> list[ShootDay]:
    """The stripboard: each day with its strips in order, locations, eighths, cast, lighting."""
    out = []
    occupied = occupancy(prep, starts)
    dates = _dates(prep.problem.options, len(occupied))
    rest = rest_days(prep.problem.options, len(occupied))
    for d, strips in enumerate(occupied):
        locations = list(dict.fromkeys(prep.location[s] for s in strips if prep.location[s]))
        _, sets = day_moves(prep, strips)
        shoot, move = day_minutes(prep, strips, [s for s in strips if starts[s] == d])
        nights = {prep.night[s] for s in strips}
        lighting: Literal["DAY", "NIGHT", "SPLIT"] = (
            "SPLIT" if len(nights) == 2 else ("NIGHT" if True in nights else "DAY")
        )
        out.append(
            ShootDay(
                index=d,
                strips=[prep.ids[s] for s in strips],
                locations=locations,
                eighths=sum(prep.problem.strips[s].eighths for s in strips if starts[s] == d),
                cast=[
                    prep.cast_names[a] for a in sorted({a for s in strips for a in prep.cast_of[s]})
                ],
                lighting=lighting,
                company_moves=site_changes(prep, strips),
                sites=locations,
                set_moves=sets,
                shoot_minutes=shoot,
                move_minutes=move,
                day_minutes=shoot + move,
                date=dates[d] if dates else None,
                day_off_after=rest[d] and d < len(occupied) - 1,
            )
        )
    return out


def _dates(options: ScheduleOptions, n_days: int) -> list[str]:
    """ISO calendar dates of the shooting days when a start date is set, else nothing."""
    if not options.start_date:
        return []
    return [
        day.isoformat()
        for day in calendar_dates(
            options.start_date,
            n_days,
            work_days_per_week=options.work_days_per_week,
            days_off=options.days_off,
        )
    ]


def result_from_starts(
    prep: PreparedProblem,
    starts: Sequence[int],
    *,
    status: str,
    method: str,
    previous: Mapping[str, int] | None = None,
    move_cost: float = 0.0,
) -> ScheduleResult:
    """A result record for a complete assignment of start days (no bound, no timing)."""
    return ScheduleResult(
        status=status,  # type: ignore[arg-type]
        days=shoot_days(prep, starts),
        cost=cost_of(prep, starts, previous=previous, move_cost=move_cost),
        moved_strips=_moved(prep, starts, previous),
        method=method,
    )


def evaluate(problem: ScheduleProblem, days: Sequence[Sequence[str]]) -> ScheduleResult:
    """Cost a given stripboard (scene ids per day) with the optimizer's exact objective.

    A strip's first appearance is its start day; every strip must appear. The status is
    "feasible" and the method "evaluated"; hard rules are not checked here.
    """
    starts: dict[str, int] = {}
    for d, day in enumerate(days):
        for sid in day:
            starts.setdefault(sid, d)
    missing = [strip.id for strip in problem.strips if strip.id not in starts]
    if missing:
        raise ValueError(f"scene {missing[0]!r} is not on the stripboard")
    unknown = [sid for sid in starts if sid not in {s.id for s in problem.strips}]
    if unknown:
        raise ValueError(f"scene {unknown[0]!r} on the stripboard is not in the plan")
    prep = prepare(problem, horizon=max(len(days), 1))
    return result_from_starts(
        prep, [starts[sid] for sid in prep.ids], status="feasible", method="evaluated"
    )
