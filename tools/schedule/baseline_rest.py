"""The baselines' crew's rest after nights (`crew_rest`): where a strip may go in the packing,
and the packed board re-boarded (or given days off) when the packing still broke it."""

from __future__ import annotations

from collections.abc import Sequence

from tools.schedule.costing import occupancy
from tools.schedule.crew_rest import (
    begins_in_morning,
    crew_breaks,
    crew_order,
    ends_at_night,
    rest_after,
)
from tools.schedule.prepare import PreparedProblem

__all__ = ["rest_fits", "rested"]


def rest_fits(prep: PreparedProblem, board: Sequence[Sequence[int]], s: int, start: int) -> bool:
    """Strip `s` from day `start` keeps the crew's rest with the days before and after it (a
    day scene may join a night's day as a split day, which begins in the afternoon)."""
    if not prep.turnaround_rule:
        return True
    end = start + prep.length[s]

    def on(d: int, add: bool) -> list[int]:
        placed = list(board[d]) if 0 <= d < len(board) else []
        return [*placed, s] if add else placed

    pairs = (
        (start - 1, on(start - 1, False), on(start, True)),
        (end - 1, on(end - 1, True), on(end, False)),
    )
    return not any(
        d >= 0
        and ends_at_night(prep, a)
        and begins_in_morning(prep, b)
        and not rest_after(prep.problem.options, d)
        for d, a, b in pairs
    )


def rested(prep: PreparedProblem, starts: list[int]) -> list[int]:
    """`starts` keeping the crew's rest when the packing broke it: its days re-ordered
    (`crew_order`), or when no order keeps the cast's turnaround and pins too, a day off (an
    empty day) after each night that a morning call follows."""
    days = occupancy(prep, starts)
    if not prep.turnaround_rule or not crew_breaks(prep, days):
        return starts
    order = crew_order(prep, days)
    if order is not None:
        position = {d: k for k, d in enumerate(order)}
        return [position[d] for d in starts]
    out = list(starts)
    for _ in range(len(out)):  # a day strip tied to a split day by a multi-day strip stays
        broken = crew_breaks(prep, occupancy(prep, out))
        if not broken:
            break
        out = [d + 1 if d > broken[0] else d for d in out]
    return out
