"""The feature-scale paths of `optimize`: the days' LP board improved by the strip search and
large neighbourhood search, and re-plans that repair and improve the previous board (`lns`,
`lns_replan`), each with the relaxation's bound.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable

from tools.schedule.baseline import boarded_first, first_fit, heuristic_starts, sorted_order
from tools.schedule.costing import cost_of, occupancy, result_from_starts
from tools.schedule.crew_rest import crew_breaks, crew_order
from tools.schedule.lns import improve
from tools.schedule.lns_replan import replan
from tools.schedule.lp_board import lp_board
from tools.schedule.model import ScheduleResult
from tools.schedule.prepare import PreparedProblem
from tools.schedule.relax import relaxation_bound
from tools.schedule.relax_days import days_lp
from tools.schedule.relax_price import warm_up
from tools.schedule.strip_search import COMPILE_SECONDS, applies, is_ready, search
from tools.schedule.strip_search import warm_up as warm_strips

__all__ = [
    "LNS_MIN_STRIPS",
    "REPLAN_LNS_MIN_STRIPS",
    "Progress",
    "by_lns",
    "closed",
    "fresh_start",
    "lns_start",
    "replan_by_lns",
]

Progress = Callable[[ScheduleResult], None]
"""Receives each improving board (a full result with its bound) while `optimize` runs."""

_DECODE_MARGIN = 0.5
"""Seconds kept back to decode and cost the answer."""
_SHARE = 0.92
"""Share of the time limit the search may use on a loaded machine: a plan's budget, savings
and crew scaling follow the board (about 2 s for a 150-scene feature), and its final must come
within the limit (measured: 61 s for a 60 s limit with the whole limit given to the search)."""


_LP_SHARE = 0.4
"""Most of the time limit the days' LP and its board may take before the search, a safety
net: their work is counted (a 150-scene feature's take about 5 s on an idle machine)."""
_LP_NODES = 1_000_000
"""Search nodes of the LP's pricing per second of the time limit, for each lighting."""

_PARTITION_SHARE = 0.2
"""Share of the search's deterministic work each lighting's partition into the LP's days
gets (measured on the 150-scene feature: the board 3.47 M after 4 s, 3.50 M after 1 s; the
search from it then gained under 1% in 9 s)."""

_MOVES_PER_S = 60_000
"""Moves of the strip search per second of the time limit (measured: about 115,000 a second
on the 150-scene feature with this 2-core machine at load 5, so a 60 s limit gives it about
30 s, after the LP's 5-8 s; the wall-clock deadline stays a safety net)."""
_AFTER_SHARE = 0.03
"""Share of the time limit CP-SAT's neighbourhoods get after the strip search."""

LNS_MIN_STRIPS = 20
"""From this many strips (sequencing problems aside), the board is improved by `lns` from the
sorted board (or, for a re-plan, by `lns_replan` from the previous one) instead of one
monolithic CP-SAT model. Measured on generated scripts with sites (10 s limit, seeds 1-3):
at 12-14 scenes the model proves its optimum in 1-4 s and LNS only ties it; at 18-20 both
find the same or LNS a board 1% cheaper; from 24 scenes the model ends on the sorted board
it was hinted with or near it (30-50 scenes: 20-27% dearer than LNS's board)."""

REPLAN_LNS_MIN_STRIPS = 60
"""From this many strips a re-plan (`lns_replan`) and a plan to a set number of days
(`feature_days`) leave the monolithic model too. Below it the model, hinted with the previous
board, also keeps what the neighbourhoods rarely reach: a site asked mid-shoot to be one
block is gathered into one run of days (tests/test_progress_blocks.py)."""


def lns_start(prep: PreparedProblem) -> list[int] | None:
    """The sorted board as a start for LNS, when it keeps every hard rule it is checked for."""
    options = prep.problem.options
    if options.fixed_days is not None or options.precedences:
        return None
    return _kept(prep, closed(prep, heuristic_starts(prep)))


def fresh_start(prep: PreparedProblem, before: dict[int, int]) -> list[int] | None:
    """A start for a re-plan the repair could not reach (a stop date pulling an actor's nights
    into the first weeks): what the sorted board boards first (`boarded_first`), in its order,
    then the rest in the previous board's order (`before`: start day per strip), packed as the
    sorted board packs; so the days keep the previous board's make-up where the change
    allows. Else the sorted board (`lns_start`); None when neither keeps the rules."""
    options = prep.problem.options
    if options.fixed_days is not None or options.precedences:
        return None
    first = boarded_first(prep)
    order = sorted_order(prep)
    rest = sorted((s for s in order if s not in first), key=lambda s: (before.get(s, 0), s))
    head = [s for s in order if s in first]
    return _kept(prep, closed(prep, first_fit(prep, [*head, *rest]))) or lns_start(prep)


def _kept(prep: PreparedProblem, starts: list[int] | None) -> list[int] | None:
    """`starts` when every strip is on a day it may start (pins, availability), else None."""
    if starts is not None and all(
        starts[s] in prep.allowed_starts(s) for s in range(len(prep.ids))
    ):
        return starts
    return None


def closed(prep: PreparedProblem, starts: list[int]) -> list[int] | None:
    """`starts` with no empty day: the sorted board leaves one as the crew's day off where no
    order of its days keeps the cast's turnaround too; the plan's board may not (an empty day
    is not priced), so its days close up and are re-boarded for the crew's rest
    (`crew_order`). None when no order of the closed days keeps the rules."""
    days = occupancy(prep, starts)
    if all(days):
        return starts
    used = [d for d, day in enumerate(days) if day]
    index = {d: i for i, d in enumerate(used)}
    packed = [index[d] for d in starts]
    board = occupancy(prep, packed)
    if not crew_breaks(prep, board) and not any(
        prep.turnaround_breaks(a, b) for a, b in itertools.pairwise(board)
    ):
        return packed
    order = crew_order(prep, board)
    if order is None:
        return None
    position = {d: i for i, d in enumerate(order)}
    return [position[d] for d in packed]


def by_lns(
    prep: PreparedProblem, start: list[int], started: float, progress: Progress | None
) -> ScheduleResult:
    """The cheaper of `start` and the LP's board (`lp_board`) improved by the strip search
    (`strip_search`), then by `lns`; each improving board goes to `progress` with the best
    bound so far."""
    options = prep.problem.options
    deadline = started + options.time_limit_s * _SHARE - _DECODE_MARGIN
    bounds = [relaxation_bound(prep, days_lp=False)]
    steps: list[str] = []

    def board(starts: list[int]) -> ScheduleResult:
        found = result_from_starts(prep, starts, status="feasible", method="lns")
        found.steps = list(steps)
        found.bound = min(max(bounds), found.cost.total)
        found.seconds = time.perf_counter() - started
        return found

    def report(starts: list[int], _: float) -> None:
        if progress is not None:
            progress(board(starts))

    report(start, 0.0)
    # Deterministic work, not wall time, decides where the search stops (same input, same
    # board); each step also builds its model and the days are reordered between steps.
    # Measured on the 150-scene feature with this 2-core machine at load 5: 25% of the limit
    # in solver work overran a 40 s limit (boards differed run to run); 15% keeps the
    # wall-clock deadline a safety net. The LP's partition takes its share of that work.
    work = 0.15 * options.time_limit_s
    warm_up()  # the compiled pricing's first load is not the LP's work
    lp_deadline = min(deadline, time.perf_counter() + _LP_SHARE * options.time_limit_s)
    first = start
    start, spent = _from_lp(prep, start, bounds, lp_deadline, _PARTITION_SHARE * work)
    if start is not first:
        steps.append("lp-board")
    if start is not first or max(bounds) > bounds[0]:
        report(start, 0.0)
    left = deadline - time.perf_counter()
    if applies(prep) and (is_ready() or left > COMPILE_SECONDS):
        # A first compile that would overrun the limit is left to a longer plan.
        warm_strips()
        steps.append("strip-search")
        moves = int(_MOVES_PER_S * options.time_limit_s)
        start = search(prep, start, iterations=moves, deadline=deadline, progress=_every(report))
        # After the strip search CP-SAT's neighbourhoods gain little (measured on the
        # 150-scene feature: 0.1% in 30 s): they get a small share of the work.
        work = min(work, spent + _AFTER_SHARE * options.time_limit_s)
    steps.append("neighbourhoods")
    best = improve(prep, start, deadline=deadline, budget=work - spent, progress=report)
    return board(best)


def _every(report: Callable[[list[int], float], None]) -> Callable[[list[int]], None]:
    """`report` for the strip search's improving boards, at most one a second."""
    last = [-1.0]

    def send(starts: list[int]) -> None:
        if time.perf_counter() - last[0] >= 1.0:
            last[0] = time.perf_counter()
            report(starts, 0.0)

    return send


def _from_lp(
    prep: PreparedProblem, start: list[int], bounds: list[float], deadline: float, work: float
) -> tuple[list[int], float]:
    """The days' LP: its bound joins `bounds`; its board replaces `start` when cheaper, and
    then the deterministic work its partition was given (`work` for each lighting) comes
    out of the search's."""
    days = [day for day in occupancy(prep, start) if day]
    nodes = int(_LP_NODES * prep.problem.options.time_limit_s)
    lp = days_lp(prep, seconds=max(0.0, deadline - time.perf_counter()), seeds=days, work=nodes)
    if lp is None:
        return start, 0.0
    bounds.append(lp.bound)
    if not lp.converged:
        # Days from an LP stopped part way make a poor start (the bench's feature, one site
        # holding most strips): the search keeps the sorted board and all its work.
        return start, 0.0
    found = lp_board(prep, lp, deadline=deadline, work=work)
    if found is not None and cost_of(prep, found).total < cost_of(prep, start).total - 1e-6:
        return found, work * len(lp.columns)
    return start, 0.0


def replan_by_lns(
    prep: PreparedProblem,
    before: dict[int, int],
    frozen: set[int],
    move_cost: float,
    started: float,
) -> ScheduleResult | None:
    """A feature-scale re-plan: the previous board (`before`, start day per strip) repaired,
    then improved (`lns_replan`); None when the repair found no board."""
    options = prep.problem.options
    deadline = started + options.time_limit_s * _SHARE - _DECODE_MARGIN
    starts = replan(
        prep,
        before,
        frozen=frozen,
        move_cost=move_cost,
        deadline=deadline,
        budget=0.15 * options.time_limit_s,
    )
    if starts is None:
        return None
    moved = {prep.ids[s]: d for s, d in before.items()}
    found = result_from_starts(
        prep, starts, status="feasible", method="lns", previous=moved, move_cost=move_cost
    )
    # Stability costs nothing in the relaxation, so its bound stays a bound.
    days = [day for day in occupancy(prep, starts) if day]
    found.bound = min(relaxation_bound(prep, deadline=deadline, seeds=days), found.cost.total)
    found.seconds = time.perf_counter() - started
    return found
