"""Sites the producer wants shot in one block ("shoot Maya's apartment in one go"): the
solver sees a return to such a site at a prohibitive set-up price, so it keeps the site's
days together where any board can; the plan is then costed at the rate card's real prices.

A block is the budget's visit block, consecutive shooting days at the site, kept for each
lighting: the site's day scenes in one run of days and its night scenes in one run of
nights (the nights of a board usually come together, after the crew's rest, so one block of
both would mostly be no board at all). To the solver the site's night scenes are at a site
of their own (`night_site`), which no day can share as split days are off; the result is
costed, and its days named, on the real sites. The solver's bound stays a bound for the
boards that keep every block (on them the block price is never paid) and is capped at the
board's real cost. Each asked site's days are said in the result's diagnosis, kept in one
block or not (its scenes cannot all be shot together under the day's rules), so the chat
never claims a block it did not get.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from tools import schedule
from tools.schedule.model import ScheduleProblem, ScheduleResult, ShootDay, Strip

__all__ = [
    "ALL_SITES",
    "BLOCK_CREW_DAYS",
    "block_sites",
    "blocked",
    "night_site",
    "real_cost",
    "visits",
]

ALL_SITES = "*"
"""Asked of every site ("keep each location's days together")."""
BLOCK_CREW_DAYS = 10.0
"""A return to a site asked to be one block costs the solver this many crew days: dearer
than any holds or moves a return could save on a feature (a held lead is under a tenth of a
crew day), yet finite, so an unkeepable block still gets a board."""
_NAMED = 4
"""Sites given a sentence of their own (kept in one block, or not); the rest are counted."""


def _site(strip: Strip) -> str:
    return strip.main_location or strip.location


def night_site(site: str) -> str:
    """The name the solver knows a blocked site's night scenes by."""
    return f"{site} (NIGHT)"


def block_sites(problem: ScheduleProblem, names: Sequence[str]) -> list[str]:
    """The sites `names` mean: a site's own name, a heading's location (its site), or
    `ALL_SITES` (every site with more than one scene). ValueError names an unknown place."""
    sites = list(dict.fromkeys(_site(strip) for strip in problem.strips if _site(strip)))
    of_location = {strip.location.upper(): _site(strip) for strip in problem.strips}
    upper = {site.upper(): site for site in sites}
    out: list[str] = []
    for name in names:
        if name == ALL_SITES:
            counts = Counter(_site(strip) for strip in problem.strips)
            out += [site for site in sites if counts[site] > 1]
        elif (found := upper.get(name.upper()) or of_location.get(name.upper())) is not None:
            out.append(found)
        else:
            raise ValueError(f"no site or heading is called {name}: say it as the script does")
    return list(dict.fromkeys(out))


def blocked(problem: ScheduleProblem, names: Sequence[str]) -> ScheduleProblem:
    """`problem` as the solver sees it when the sites `names` mean are each one block: a
    return to one costs `BLOCK_CREW_DAYS` crew days, and (split days off) its night scenes
    are at `night_site`, so its days and its nights each make one block."""
    wanted = set(block_sites(problem, names))
    if not wanted:
        return problem
    price = BLOCK_CREW_DAYS * max(problem.costs.crew_day, 1.0)
    apart = not problem.options.allow_split_days
    strips = [
        strip.model_copy(update={"main_location": night_site(_site(strip))})
        if apart and strip.lighting == "NIGHT" and _site(strip) in wanted
        else strip
        for strip in problem.strips
    ]
    setups = dict(problem.costs.location_setup)
    for site in wanted:
        setups[site] = setups[night_site(site)] = price
    costs = problem.costs.model_copy(update={"location_setup": setups})
    return problem.model_copy(update={"strips": strips, "costs": costs})


def visits(days: Sequence[ShootDay], site: str) -> list[list[int]]:
    """The visit blocks of `site` on `days`, for each lighting: runs of consecutive day
    indexes shooting there (day work and night work each their own runs)."""
    runs: list[list[int]] = []
    for night in (False, True):
        mine = [d.index for d in days if site in d.sites and (d.lighting == "NIGHT") == night]
        for index in mine:
            if runs and index == runs[-1][-1] + 1 and runs[-1][-1] in mine:
                runs[-1].append(index)
            else:
                runs.append([index])
    return sorted(runs)


def _days_text(runs: list[list[int]]) -> str:
    parts = [f"{r[0] + 1}" if len(r) == 1 else f"{r[0] + 1}-{r[-1] + 1}" for r in runs]
    return ", ".join(parts[:-1]) + f" and {parts[-1]}" if len(parts) > 1 else parts[0]


def _block_notes(problem: ScheduleProblem, days: list[ShootDay], names: Sequence[str]) -> list[str]:
    """Each asked site's days: kept in one block (its day run, its night run), or not."""
    kept: list[tuple[str, list[list[int]]]] = []
    split: list[tuple[str, list[list[int]]]] = []
    for site in block_sites(problem, names):
        runs = visits(days, site)
        lit = {next(d.lighting for d in days if d.index == run[0]) for run in runs}
        (split if len(runs) > len(lit) else kept).append((site, runs))
    notes = [
        f"{site} is shot in one block: days {_days_text(runs)}"
        + (" (its day work and its night work, each in one run)." if len(runs) > 1 else ".")
        for site, runs in kept[:_NAMED]
    ]
    if len(kept) > _NAMED:
        notes.append(f"{len(kept) - _NAMED} more sites are each shot in one block.")
    notes += [
        f"{site} could not be kept in one block under the day's rules: it is shot on days "
        f"{_days_text(runs)}."
        for site, runs in split[:_NAMED]
    ]
    if len(split) > _NAMED:
        notes.append(f"{len(split) - _NAMED} more sites could not be kept in one block.")
    return notes


def real_cost(
    problem: ScheduleProblem, result: ScheduleResult, names: Sequence[str]
) -> ScheduleResult:
    """`result` (solved on `blocked(problem, names)`) costed and its days named on
    `problem`'s real sites and prices, its bound capped at that cost, and a sentence for each
    asked site: where its block fell, or that it could not be kept in one."""
    if not names or not result.days:
        return result
    real = schedule.evaluate(problem, [day.strips for day in result.days])
    frozen = {day.index for day in result.days if day.frozen}
    days = [
        day.model_copy(update={"frozen": day.index in frozen, "index": was.index})
        for day, was in zip(real.days, result.days, strict=True)
    ]
    cost = real.cost.model_copy(update={"stability": result.cost.stability})
    bound = None if result.bound is None else min(result.bound, cost.total)
    notes = _block_notes(problem, days, names)
    return result.model_copy(
        update={
            "days": days,
            "cost": cost,
            "bound": bound,
            "diagnosis": [*result.diagnosis, *notes],
        }
    )
