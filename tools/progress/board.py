"""The board after some shooting days: shot work frozen on its days, the rest back on the board.

Strip ids stay stable from one evening to the next so the re-plan's stability cost can see
them: a scene shot in one go keeps its number; a scene shot over several days is "18" on the
day it started, "18 (day 5)" on later days, and "18 (rest)" while eighths are left; a pick-up
is "22 (pick-up, day 4)". The solver sees the shot days as they were, eased to the day's
rules for it alone: within the day's pages and minutes, one lighting, one site (their strips
are fixed, so only the remaining days are really decided); the budget sees the real board.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from tools.progress.ledger import ResolvedDay, scene_of
from tools.schedule.model import ScheduleOptions, ScheduleProblem, ScheduleResult, ShootDay, Strip

__all__ = ["Board", "idle_id", "progress_board", "rest_id", "strip_portion"]


def idle_id(day: int) -> str:
    """The id of the empty strip that keeps a shot day with nothing shot on the calendar."""
    return f"day {day + 1} (nothing shot)"


def rest_id(scene: str) -> str:
    """The id of a part-shot scene's remaining eighths."""
    return f"{scene} (rest)"


@dataclass(frozen=True)
class Board:
    """The problems and the previous version a re-plan of the remaining days needs."""

    problem: ScheduleProblem
    """The real strips: shot portions, pick-ups and what is left."""
    solve_problem: ScheduleProblem
    """The same strips with the frozen days eased for the solver (see the module docstring)."""
    previous: ScheduleResult
    """Shot days as shot (frozen), later days as the last version had them."""
    frozen: list[int]
    frozen_ids: dict[str, int]
    """Strip id -> the frozen day it was shot on."""


def strip_portion(strip: Strip, sid: str, eighths: int) -> Strip:
    """`eighths` of `strip` as a one-day strip `sid` (its minutes in proportion)."""
    minutes = None
    if strip.minutes is not None and strip.eighths:
        minutes = strip.minutes * eighths / strip.eighths
    return strip.model_copy(
        update={"id": sid, "eighths": eighths, "minutes": minutes, "days": 1, "whole_day": False}
    )


def _shot_strips(
    by_scene: dict[str, Strip], days: Sequence[ResolvedDay]
) -> tuple[list[list[Strip]], dict[str, int]]:
    """Per shot day its strips, and how many eighths of each scene are still to shoot."""
    left = {sid: strip.eighths for sid, strip in by_scene.items()}
    started: set[str] = set()
    out = []
    for day in days:
        strips = []
        for portion in day.shot:
            base = by_scene[portion.scene]
            sid = (
                portion.scene
                if portion.scene not in started
                else f"{portion.scene} (day {day.day + 1})"
            )
            started.add(portion.scene)
            strips.append(strip_portion(base, sid, portion.eighths))
            left[portion.scene] -= portion.eighths
        for pick in day.pickups:
            sid = f"{pick.scene} (pick-up, day {day.day + 1})"
            strips.append(strip_portion(by_scene[pick.scene], sid, pick.eighths))
        if not strips:
            # A day with nothing shot (rained out) was still a paid day on the calendar.
            strips.append(Strip(id=idle_id(day.day), eighths=0))
        out.append(strips)
    return out, {sid: n for sid, n in left.items() if sid not in started or n > 0}


def _remaining(by_scene: dict[str, Strip], left: dict[str, int], started: set[str]) -> list[Strip]:
    out = []
    for sid, strip in by_scene.items():
        if sid not in left:
            continue
        out.append(strip_portion(strip, rest_id(sid), left[sid]) if sid in started else strip)
    return out


def _room(options: ScheduleOptions) -> int:
    """Most eighths one day holds: its pages, and its minutes at the planning pace."""
    minutes = [m for m in (options.capacity_minutes, options.day_minutes) if m is not None]
    if not minutes:
        return options.capacity_eighths
    return min(options.capacity_eighths, math.floor(min(minutes) / options.minutes_per_eighth))


def _eased(day: list[Strip], options: ScheduleOptions, *, last: bool) -> list[Strip]:
    """The strips of a shot day made to fit the day's rules, for the solver only: within
    the day's pages and minutes, one lighting, and all at its first site and set (a pick-up
    elsewhere made moves the day's minutes or the moves cap did not allow).

    Only the `last` shot day keeps night (when it shot any): its night cast owe the next
    day their turnaround. An earlier shot day is eased to day, since what the company did
    between two shot days is a fact the night-to-day rule cannot refuse (a night pick-up
    before a day scene of the same actor made the frozen days themselves infeasible)."""
    total = sum(s.eighths for s in day)
    room = _room(options)
    scale = min(1.0, room / total) if total else 1.0
    first = day[0]
    update = {
        "minutes": None,
        "lighting": "NIGHT" if last and any(s.lighting == "NIGHT" for s in day) else "DAY",
        "main_location": first.main_location,
        "site_kind": first.site_kind,
        "location": first.location,
        "set": first.set,
        "int_ext": first.int_ext,  # part of a set's key: INT and EXT are two sets
    }
    return [s.model_copy(update={**update, "eighths": math.floor(s.eighths * scale)}) for s in day]


def _previous(
    shot: list[list[Strip]], last: ScheduleResult, ids: set[str], started: set[str]
) -> ScheduleResult:
    k = len(shot)
    days = [
        ShootDay(index=d, strips=[s.id for s in strips], frozen=True)
        for d, strips in enumerate(shot)
    ]
    for day in last.days:
        if day.index < k:
            continue
        mapped = []
        for sid in day.strips:
            scene = scene_of(sid)
            new = rest_id(scene) if scene in started else scene
            if new in ids and new not in mapped:
                mapped.append(new)
        days.append(ShootDay(index=day.index, strips=mapped))
    return last.model_copy(update={"days": days, "moved_strips": []})


def _options(problem: ScheduleProblem, k: int, remaining: set[str]) -> ScheduleOptions:
    pinned = {s: d for s, d in problem.options.pinned.items() if s in remaining and d >= k}
    return problem.options.model_copy(update={"pinned": pinned})


def progress_board(
    problem: ScheduleProblem,
    days: Sequence[ResolvedDay],
    last: ScheduleResult,
    *,
    shot: ScheduleProblem | None = None,
    night_rest: bool = True,
) -> Board:
    """The board after `days` (resolved reports for days 0..k-1) from the plan's `problem`.

    `last` is the current version's schedule: later days keep its order where they can.
    The shot portions are cut from `shot`'s strips (default: `problem`'s), so a what-if
    that moves a scene's site moves only what is left of it. `night_rest` off eases the last
    shot day to day work too, so its night owes the next day no rest (see `_eased`).
    """
    by_scene = {strip.id: strip for strip in problem.strips}
    shot_days, left = _shot_strips({s.id: s for s in (shot or problem).strips}, days)
    started = {p.scene for day in days for p in day.shot}
    rest = _remaining(by_scene, left, started)
    k = len(days)
    strips = [s for day in shot_days for s in day] + rest
    remaining = {s.id for s in rest}
    cast = [
        member.model_copy(
            update={"unavailable_days": [d for d in member.unavailable_days if d >= k]}
        )
        for member in problem.cast
    ]
    real = problem.model_copy(
        update={"strips": strips, "cast": cast, "options": _options(problem, k, remaining)}
    )
    eased = [
        s
        for d, day in enumerate(shot_days)
        for s in _eased(day, problem.options, last=night_rest and d == len(shot_days) - 1)
    ] + rest
    solve = real.model_copy(update={"strips": eased})
    ids = {s.id for s in strips}
    return Board(
        problem=real,
        solve_problem=solve,
        previous=_previous(shot_days, last, ids, started),
        frozen=list(range(k)),
        frozen_ids={s.id: d for d, day in enumerate(shot_days) for s in day},
    )
