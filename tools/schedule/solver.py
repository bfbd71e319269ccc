"""`optimize`: the cheapest schedule the solvers can find and prove, with re-plan stability.

The same path serves the product and the published benchmarks. Sequencing problems (whole-day
strips filling a fixed number of days, see `sequence.is_sequential`) without locations or
precedences and too big for the subset DP go to `talent` (a bounded DP over sets of strips);
the rest go to `sequential`: an exact subset DP when it fits the time budget, else local
search, relaxed-DP bounds and CP-SAT.
Everything else is the CP-SAT model seeded with a heuristic (or the previous version). The
time limit covers the whole call: CP-SAT gets what preparation and the other methods left.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

from tools.schedule.baseline import heuristic_starts, sorted_board
from tools.schedule.costing import occupancy, result_from_starts
from tools.schedule.cpsat_run import run_cpsat
from tools.schedule.diagnose import diagnose, precedence_cycle
from tools.schedule.feature import (
    LNS_MIN_STRIPS,
    REPLAN_LNS_MIN_STRIPS,
    Progress,
    by_lns,
    fresh_start,
    lns_start,
    replan_by_lns,
)
from tools.schedule.feature_days import by_days
from tools.schedule.model import ScheduleProblem, ScheduleResult
from tools.schedule.prepare import PreparedProblem, day_rules_on, default_horizon, prepare
from tools.schedule.relax import relaxation_bound
from tools.schedule.relax_days import applies
from tools.schedule.relax_price import is_loaded, warm_up
from tools.schedule.sequence import is_sequential
from tools.schedule.sequential import solve_sequential
from tools.schedule.talent import solve_talent

__all__ = ["LNS_MIN_STRIPS", "Progress", "optimize"]

_DECODE_MARGIN = 0.5
"""Seconds kept back from CP-SAT to decode and cost its answer."""
_WARM_LIMIT = 20.0
"""From this time limit the days' LP pricing is loaded before CP-SAT (0.5 s from the disk
cache, about 6 s the first time it compiles)."""


def _previous_starts(prep: PreparedProblem, previous: ScheduleResult | None) -> dict[int, int]:
    out: dict[int, int] = {}
    for day in previous.days if previous else []:
        for sid in day.strips:
            if sid in prep.index:
                out.setdefault(prep.index[sid], day.index)
    return out


def _frozen(
    prep: PreparedProblem, previous: ScheduleResult | None, frozen_days: Sequence[int]
) -> tuple[set[int], dict[int, int]]:
    days = set(frozen_days) | {d.index for d in (previous.days if previous else []) if d.frozen}
    fixed = {s: d for s, d in _previous_starts(prep, previous).items() if d in days}
    return days, fixed


def _days_interchangeable(prep: PreparedProblem, previous: ScheduleResult | None) -> bool:
    """True when permuting whole days never changes the cost or breaks a rule."""
    problem, costs = prep.problem, prep.problem.costs
    return (
        _reversible(prep, previous)
        or (
            previous is None
            and not problem.options.pinned
            and not problem.options.precedences
            and not any(prep.unavailable)
        )
    ) and (
        costs.cast_pay == "worked"
        and costs.company_move >= 0
        and not any(prep.setup_cost(loc) > 0 for loc in prep.location if loc)
        and not any(prep.length[s] > 1 for s in range(len(prep.ids)))
        and prep.penalty("turnaround") <= 0
        and not prep.turnaround_rule
        and prep.penalty("story_order") <= 0
    )


def _reversible(prep: PreparedProblem, previous: ScheduleResult | None) -> bool:
    problem = prep.problem
    return (
        previous is None
        and problem.options.fixed_days is not None
        and not problem.options.pinned
        and not problem.options.precedences
        and not any(prep.unavailable)
        and prep.penalty("turnaround") <= 0
        and not prep.turnaround_rule
        and prep.penalty("story_order") <= 0
    )


def optimize(
    problem: ScheduleProblem,
    *,
    previous: ScheduleResult | None = None,
    move_cost: float = 0.0,
    frozen_days: Sequence[int] = (),
    horizon: int | None = None,
    progress: Progress | None = None,
) -> ScheduleResult:
    """The cheapest schedule found within `problem.options.time_limit_s`, with status and bound.

    Infeasible problems come back with `status="infeasible"` and a plain-words `diagnosis`.
    With `previous`, each strip whose start day changes costs `move_cost`; strips on frozen
    days (`frozen_days` or days marked frozen in `previous`) stay, and nothing joins them.
    From `LNS_MIN_STRIPS` (not a sequencing problem) a new plan's sorted board is improved
    by large neighbourhood search; `progress` then receives each improving board with its bound. A
    re-plan at feature scale (`REPLAN_LNS_MIN_STRIPS`; not to a fixed number of days, which
    `feature_days.by_days` plans from that size) repairs and improves the previous
    board the same way (`lns_replan`), falling back to a fresh board in the previous one's
    order (`feature.fresh_start`), then to the monolithic model, if that fails. A model that
    finds no board in its time returns the sorted board it was hinted with, when that keeps
    the rules (method "sorted-board"), rather than no plan.
    """
    started = time.perf_counter()
    prep = prepare(problem, horizon=horizon or _horizon(problem, previous))
    if precedence_cycle(problem.options.precedences):
        return ScheduleResult(status="infeasible", diagnosis=diagnose(prep))
    frozen, fixed = _frozen(prep, previous, frozen_days)
    sequencing = is_sequential(prep)
    large = len(prep.ids) >= LNS_MIN_STRIPS and not sequencing
    feature = len(prep.ids) >= REPLAN_LNS_MIN_STRIPS and not sequencing
    if feature and not frozen and problem.options.fixed_days is not None:
        found = by_days(
            prep,
            _previous_starts(prep, previous),
            move_cost=move_cost,
            started=started,
            progress=progress,
        )
        if found is not None:
            return found
    if large and previous is None and not frozen:
        start = lns_start(prep)
        if start is not None:
            return by_lns(prep, start, started, progress)
    if feature and previous is not None and problem.options.fixed_days is None:
        found = replan_by_lns(prep, _previous_starts(prep, previous), frozen, move_cost, started)
        if found is not None:
            return found
        start = fresh_start(prep, _previous_starts(prep, previous)) if not frozen else None
        if start is not None:
            # A change the repair cannot reach from the previous board (an actor's stop date
            # pulling their nights into the first weeks): boarded again, the previous board's
            # order kept where the change allows, and searched as a new plan is.
            return by_lns(prep, start, started, progress)
    # The sequencing solvers know no turnaround: a night strip under the rule goes to CP-SAT.
    if previous is None and not frozen and sequencing and not prep.turnaround_rule:
        found = solve_talent(prep, started=started) or solve_sequential(
            prep, started=started, reversible=_reversible(prep, previous)
        )
        if found is not None:
            return found
    if problem.options.time_limit_s >= _WARM_LIMIT and applies(prep) and not is_loaded():
        # Loaded now, out of CP-SAT's time: left to the end, the days' LP that bounds this
        # board would find no time to load once CP-SAT has used its limit.
        warm_up()
    before = _previous_starts(prep, previous)
    repaired = None
    mid = large and not feature and previous is not None and not frozen
    if mid and problem.options.fixed_days is None:
        # A mid-size re-plan (a feature-scale one was repaired above): the previous board
        # repaired and improved first, then CP-SAT from it. Hinted with a previous board the
        # change breaks, CP-SAT alone gave "ORSON can't work Fridays" 17 days for 12.
        repaired = replan_by_lns(prep, before, frozen, move_cost, started)
    origin = _previous_starts(prep, repaired) if repaired is not None else before
    fallback = heuristic_starts(prep)
    hint = [origin.get(s, fallback[s]) for s in range(len(prep.ids))]
    outcome = run_cpsat(
        prep,
        deadline=started + problem.options.time_limit_s - _DECODE_MARGIN,
        hint=hint,
        frozen_days=sorted(frozen),
        fixed=fixed,
        previous=before,
        move_cost=move_cost,
        reversible=_reversible(prep, previous),
        relabel=_days_interchangeable(prep, previous),
    )
    if outcome.starts is None and outcome.status != "infeasible" and not frozen and not fixed:
        kept = lns_start(prep)
        if kept is not None:
            # Out of time before CP-SAT's first board (a slow machine, a short limit): the
            # sorted board its search starts from keeps every rule, so it stands, unimproved.
            result = result_from_starts(
                prep,
                kept,
                status="feasible",
                method="sorted-board",
                previous={prep.ids[s]: d for s, d in before.items()},
                move_cost=move_cost,
            )
            result.seconds = time.perf_counter() - started
            return result
    if outcome.starts is None:
        return ScheduleResult(
            status="infeasible" if outcome.status == "infeasible" else "unknown",
            seconds=time.perf_counter() - started,
            diagnosis=diagnose(
                prep, frozen_days=frozen, fixed=fixed, timed_out=outcome.status != "infeasible"
            ),
        )
    result = result_from_starts(
        prep,
        outcome.starts,
        status=outcome.status,
        method="cp-sat",
        previous={prep.ids[s]: d for s, d in before.items()},
        move_cost=move_cost,
    )
    result.bound = min(outcome.bound, result.cost.total) if outcome.bound is not None else None
    if repaired is not None and repaired.cost.total < result.cost.total - 1e-6:
        if result.bound is not None:
            repaired.bound = min(result.bound, repaired.cost.total)
        repaired.seconds = time.perf_counter() - started
        return repaired
    if day_rules_on(problem):
        # The cast's DPs stop at the limit: this call stays within it.
        days = [day for day in occupancy(prep, outcome.starts) if day]
        floor = relaxation_bound(prep, deadline=started + problem.options.time_limit_s, seeds=days)
        result.bound = min(max(result.bound or 0.0, floor), result.cost.total)
        if result.bound >= result.cost.total - 1e-6 * max(1.0, result.cost.total):
            # The relaxation proves what CP-SAT could not in its time: the board is optimal.
            result.status = "optimal"
    result.seconds = time.perf_counter() - started
    return result


def _horizon(problem: ScheduleProblem, previous: ScheduleResult | None) -> int:
    days = default_horizon(problem)
    options = problem.options
    if options.fixed_days is None and options.max_days is None:
        # The moves cap and turnaround can need more days than the pages do: the sorted board
        # (the hint) fits them, with a day to spare.
        days = max(days, len(sorted_board(problem).days) + 1)
    if (
        previous is not None
        and problem.options.fixed_days is None
        and problem.options.max_days is None
    ):
        days = max(days, len(previous.days) + 1)
    return days
