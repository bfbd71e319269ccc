"""Why a schedule is impossible, in plain words that name what to relax."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

from tools.schedule.crew_rest import pinned_rest_reasons
from tools.schedule.prepare import PreparedProblem

__all__ = ["diagnose", "precedence_cycle"]


def _pages(eighths: int) -> str:
    pages, rest = divmod(eighths, 8)
    text = f"{pages} {rest}/8" if pages and rest else (f"{rest}/8" if rest else str(pages))
    return f"{text} page" + ("" if eighths == 8 else "s")


def precedence_cycle(pairs: Iterable[tuple[str, str]]) -> list[str] | None:
    """A cycle in the "shot before" pairs (first scene repeated at the end), or None."""
    after: dict[str, list[str]] = {}
    for a, b in pairs:
        after.setdefault(a, []).append(b)
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in after.get(node, []):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        state[node] = 2
        path.pop()
        return None

    for node in list(after):
        if node not in state and (found := visit(node)):
            return found
    return None


def _strip_reasons(prep: PreparedProblem, fixed: Mapping[int, int]) -> list[str]:
    out = []
    pinned = prep.problem.options.pinned
    for s, sid in enumerate(prep.ids):
        if prep.allowed_starts(s):
            continue
        pin = pinned.get(sid)
        if pin is not None and pin + prep.length[s] > prep.horizon:
            out.append(
                f"Scene {sid} is pinned to day {pin + 1}, beyond the {prep.horizon} shooting "
                "days: move the pin or add days."
            )
            continue
        blockers = [prep.cast_names[a] for a in prep.cast_of[s] if prep.unavailable[a]]
        who = " and ".join(blockers) or "its cast"
        if pin is not None:
            out.append(
                f"Scene {sid} is pinned to day {pin + 1}, but {who} cannot work that day: "
                "move the pin or relax the availability."
            )
        else:
            out.append(
                f"Scene {sid} needs {who}, who is unavailable on every day with room for it: "
                "relax the availability window or add a day."
            )
    return out


def _capacity_reasons(prep: PreparedProblem) -> list[str]:
    options = prep.problem.options
    strips = prep.problem.strips
    cap = options.capacity_eighths
    whole_days = sum(prep.length[s] for s in range(len(strips)) if prep.whole[s])
    pages = sum(strips[s].eighths for s in range(len(strips)) if not prep.whole[s])
    need = whole_days + math.ceil(pages / cap)
    out = []
    if need > prep.horizon:
        out.append(
            f"The scenes need at least {need} shooting days at {_pages(cap)} a day, but only "
            f"{prep.horizon} {'is' if prep.horizon == 1 else 'are'} allowed: add days or raise "
            "the pages per day."
        )
    if options.fixed_days is not None and sum(prep.length) < options.fixed_days:
        out.append(
            f"The schedule is fixed at {options.fixed_days} days but the strips fill at most "
            f"{sum(prep.length)}: lower the number of days."
        )
    return out


def _site_reasons(prep: PreparedProblem) -> list[str]:
    """Too few days for the sites: each is visited at least once, and a day with the moves
    cap can visit at most cap + 1 of them."""
    options = prep.problem.options
    if options.max_company_moves is None:
        return []
    sites = len(set(prep.location))
    per_day = options.max_company_moves + 1
    need = math.ceil(sites / per_day)
    if need <= prep.horizon:
        return []
    moves = options.max_company_moves
    more = f"{moves + 1} move{'s' if moves + 1 != 1 else ''} a day"
    example = '"KITCHEN is in the Miller house"'
    return [
        f"The scenes are at {sites} sites and a day allows {moves} company "
        f"move{'s' if moves != 1 else ''} ({per_day} sites), so at least {need} shooting days "
        f"are needed, but only {prep.horizon} {'is' if prep.horizon == 1 else 'are'} allowed: "
        f"add days, allow {more}, or correct "
        f"the sites ({example})."
    ]


def _pinned_day_reasons(prep: PreparedProblem) -> list[str]:
    options = prep.problem.options
    by_day: dict[int, list[int]] = {}
    for sid, day in options.pinned.items():
        by_day.setdefault(day, []).append(prep.index[sid])
    out = []
    for day, strips in sorted(by_day.items()):
        names = ", ".join(prep.ids[s] for s in strips)
        eighths = sum(prep.problem.strips[s].eighths for s in strips if not prep.whole[s])
        if eighths > options.capacity_eighths or (
            len(strips) > 1 and any(prep.whole[s] for s in strips)
        ):
            out.append(
                f"Day {day + 1} has pinned scenes {names} totalling {_pages(eighths)}, over the "
                f"{_pages(options.capacity_eighths)} a day can hold: unpin one or raise the "
                "pages per day."
            )
        lights = {prep.night[s] for s in strips}
        if len(lights) == 2 and not options.allow_split_days:
            out.append(
                f"Day {day + 1} has pinned day and night scenes ({names}) but split days are "
                "not allowed: unpin one or allow split days."
            )
    return out


def _turnaround_reasons(prep: PreparedProblem) -> list[str]:
    """Pinned scenes that put cast on a day call the morning after their night."""
    if not prep.turnaround_rule:
        return []
    by_day: dict[int, list[int]] = {}
    for sid, day in prep.problem.options.pinned.items():
        by_day.setdefault(day, []).append(prep.index[sid])
    out = []
    for day, strips in sorted(by_day.items()):
        after = by_day.get(day + 1, [])
        broken = prep.turnaround_breaks(strips, after)
        if broken:
            who = " and ".join(prep.cast_names[a] for a in sorted(broken))
            out.append(
                f"{who} would work the night of day {day + 1} and be called for a day scene on "
                f"day {day + 2} (pinned scenes), but turnaround is a rule: move a pin or lift "
                "the turnaround rule."
            )
    return out


def diagnose(
    prep: PreparedProblem,
    *,
    frozen_days: Iterable[int] = (),
    fixed: Mapping[int, int] | None = None,
    timed_out: bool = False,
) -> list[str]:
    """Plain sentences naming what to relax; a general one when no single cause is found."""
    if timed_out:
        limit = prep.problem.options.time_limit_s
        return [
            f"No schedule was found within the {limit:g} s time limit: raise the time limit, "
            "or relax pins, availability or precedences."
        ]
    out = []
    cycle = precedence_cycle(prep.problem.options.precedences)
    if cycle:
        out.append(
            "The continuity order is a cycle (" + " before ".join(cycle) + "): drop one of "
            "those precedences."
        )
    out += _strip_reasons(prep, fixed or {})
    out += _capacity_reasons(prep)
    out += _site_reasons(prep)
    out += _pinned_day_reasons(prep)
    out += _turnaround_reasons(prep)
    out += pinned_rest_reasons(prep)
    if not out and set(frozen_days):
        out.append(
            "The frozen days leave no room for the remaining scenes under the rules: unfreeze a "
            "day or add days."
        )
    turnaround = (
        " (turnaround and the crew's rest after nights are rules too)"
        if prep.turnaround_rule
        else ""
    )
    return out or [
        "No schedule meets every rule together" + turnaround + ": relax pins, cast "
        "availability or precedences, or add days."
    ]
