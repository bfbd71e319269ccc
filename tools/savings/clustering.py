"""Location clustering: the script's scenes grouped by main location, then packed into days.

This is the producer's first move before any optimizer: shoot everything at one place
together. It is measured against the baseline (script order) in set-up visits, company
moves and days; pins and cast availability are not considered here (the optimizer does).
"""

from __future__ import annotations

import math

from pydantic import BaseModel

from tools.budget.days import main_location
from tools.schedule.model import ScheduleProblem, Strip

__all__ = ["ClusteringReport", "cluster_days", "clustering_report", "pack_days"]


class ClusteringReport(BaseModel):
    """Set-up visits, company moves and days: baseline against clustered."""

    baseline_days: int
    clustered_days: int
    baseline_visits: int
    """Location visit blocks (one set-up each) in the baseline."""
    clustered_visits: int
    baseline_moves: int
    clustered_moves: int

    @property
    def visits_saved(self) -> int:
        """Set-ups saved by clustering."""
        return self.baseline_visits - self.clustered_visits

    @property
    def moves_saved(self) -> int:
        """Company moves saved by clustering."""
        return self.baseline_moves - self.clustered_moves


def _length(strip: Strip, capacity: int) -> int:
    if strip.days > 1:
        return strip.days
    return max(1, math.ceil(strip.eighths / capacity)) if strip.eighths > capacity else 1


def pack_days(
    strips: list[Strip], *, capacity_eighths: int, allow_split_days: bool = False
) -> list[list[str]]:
    """Strips in the given order onto days: a new day when the next one does not fit.

    A strip longer than a day (or with `days > 1`) fills whole days alone; day and night
    scenes share a day only when split days are allowed.
    """
    days: list[list[str]] = []
    load, lights, whole = 0, set(), False
    for strip in strips:
        length = _length(strip, capacity_eighths)
        if length > 1 or strip.whole_day:
            days.extend([strip.id] for _ in range(length))
            load, lights, whole = capacity_eighths, {strip.lighting}, True
            continue
        mixed = not allow_split_days and bool(lights - {strip.lighting})
        if not days or whole or mixed or load + strip.eighths > capacity_eighths:
            days.append([])
            load, lights, whole = 0, set(), False
        days[-1].append(strip.id)
        load += strip.eighths
        lights.add(strip.lighting)
    return days


def cluster_days(problem: ScheduleProblem) -> list[list[str]]:
    """Day scenes then night scenes (one switch, so the day/night rule costs little), each
    grouped by main location in order of first appearance, script order within; then packed
    by capacity."""
    first: dict[str, int] = {}
    for position, strip in enumerate(problem.strips):
        first.setdefault(main_location(strip), position)
    order = sorted(
        range(len(problem.strips)),
        key=lambda i: (
            problem.strips[i].lighting == "NIGHT",
            first[main_location(problem.strips[i])],
            i,
        ),
    )
    options = problem.options
    return pack_days(
        [problem.strips[i] for i in order],
        capacity_eighths=options.capacity_eighths,
        allow_split_days=options.allow_split_days,
    )


def _visits_and_moves(problem: ScheduleProblem, days: list[list[str]]) -> tuple[int, int]:
    by_id = {strip.id: strip for strip in problem.strips}
    visits, moves = 0, 0
    previous: set[str] = set()
    for day in days:
        runs = [main_location(by_id[sid]) for sid in day]
        changes = [where for i, where in enumerate(runs) if i == 0 or runs[i - 1] != where]
        moves += max(0, len(changes) - 1)
        here = set(runs)
        visits += len(here - previous)
        previous = here
    return visits, moves


def clustering_report(
    problem: ScheduleProblem, baseline_days: list[list[str]], clustered_days: list[list[str]]
) -> ClusteringReport:
    """Compare set-up visits (runs of consecutive days at a location) and moves."""
    base_visits, base_moves = _visits_and_moves(problem, baseline_days)
    visits, moves = _visits_and_moves(problem, clustered_days)
    return ClusteringReport(
        baseline_days=len(baseline_days),
        clustered_days=len(clustered_days),
        baseline_visits=base_visits,
        clustered_visits=visits,
        baseline_moves=base_moves,
        clustered_moves=moves,
    )
