"""The talent-scheduling path of `optimize`: sequencing without locations or precedences.

Pure talent problems (whole-day strips, cast paid from first to last day, no priced location,
no precedence) past a tiny numpy subset DP (left to `sequential`) go first to the numpy
search of `talent_small` (the published instances: proven in a fraction of a second, nothing
compiled loaded); when it gives up, to the compiled subset DP of `talent_subset` if it surely
fits the time (up to 25 groups, any cast), else to the compiled bounded DP of
`talent_search`, started from the local search's order; from both ends when the cast is large
against the groups (there the two-ended bound is much the stronger). That one is proven
optimal when the search finishes, and otherwise comes with the better of the search's lower
bound and the relaxed DPs' of `bounds` (computed once the proof is cut, so the ceiling
searches after it start from the higher of the two). The method is "talent-dp" for all
three; anything else returns None so `sequential` takes it."""

from __future__ import annotations

import time

from tools.schedule.bounds import lower_bound
from tools.schedule.costing import result_from_starts
from tools.schedule.exact import ExactPlan, exact_plan
from tools.schedule.model import ScheduleResult
from tools.schedule.ordering import greedy_order, improve_order
from tools.schedule.prepare import PreparedProblem
from tools.schedule.sequence import Sequencing, order_cost, sequencing, starts_of
from tools.schedule.talent_search import Floor, TalentOutcome, talent_search
from tools.schedule.talent_small import small_search
from tools.schedule.talent_subset import estimated_seconds, subset_order

__all__ = ["solve_talent"]

_LOCAL_SHARE = 0.05
"""Share for the local search before the compiled search (its beam improves the order too)."""
_SMALL_SHARE = 0.1
"""Share of the time limit the numpy search may take before the compiled one is tried."""
_SMALL_GROUPS = 26
"""Past this many groups the numpy search always gives up (measured): not tried."""
_SUBSET_SHARE = 0.5
"""The compiled subset DP runs when its estimate is within this share of the time left."""
_SUBSET_FAST = 0.05
"""Estimated seconds under which the subset DP is simply run (up to ~14 groups)."""
_BOUND_SHARE = 0.15
"""Share of the time limit kept for the relaxed-DP bound when the proof does not finish
(computed before the ceiling searches of `talent_deepen`, which then start from it)."""
_BOTH_ENDS_CAST = 0.4
"""Cast per group from which the exact search grows orders from both ends (measured, 30 s:
28 x 14 and 28 x 22 bound higher and prove more from both ends; 32 x 8 proves 3/3 from one
end against 1/3 from both, where the one-ended subsumption rule prunes most)."""
_MARGIN = 0.3
"""Seconds kept back to cost and build the answer."""


def _plan(seq: Sequencing) -> ExactPlan | None:
    if seq.before or seq.setup.any():
        return None
    try:
        plan = exact_plan(seq, max_groups=62)
    except ValueError:
        return None
    return None if plan.estimated_seconds() <= _SUBSET_FAST else plan


def _as_groups(plan: ExactPlan, order: list[int]) -> list[int]:
    """Groups in the order their first strip appears in `order`."""
    where = {s: g for g, members in enumerate(plan.groups) for s in members}
    seen: dict[int, None] = {}
    for s in order:
        if s in where:
            seen.setdefault(where[s], None)
    return list(seen)


def _compiled(seq: Sequencing, plan: ExactPlan, deadline: float) -> TalentOutcome:
    """The compiled search from the local search's order, with the relaxed DPs' floor."""
    limit = deadline - time.perf_counter()
    local, _ = improve_order(
        seq, greedy_order(seq), deadline=time.perf_counter() + _LOCAL_SHARE * limit
    )
    return talent_search(
        plan,
        _as_groups(plan, local),
        deadline=deadline - _MARGIN,
        both_ends=_both_ends(plan),
        floor=_relaxed_floor(seq, plan),
        floor_seconds=_BOUND_SHARE * limit,
    )


def _relaxed_floor(seq: Sequencing, plan: ExactPlan) -> Floor:
    """The relaxed DPs' bound (`bounds.lower_bound`) in the plan's cost, as the search takes it.

    Past ~30 groups the relaxed DPs (fewer cast, fewer strips) often bound better than the
    search; they bound `order_cost`, which differs from the plan's cost by a constant (the
    pay every order pays the same), measured on the order the search hands over.
    """

    def floor(groups: list[int], cost: float, until: float) -> float:
        order = list(plan.first) + [s for g in groups for s in plan.groups[g]]
        return lower_bound(seq, deadline=until) - (order_cost(seq, order) - cost)

    return floor


def _both_ends(plan: ExactPlan) -> bool:
    """True when the cast is large against the groups: the two-ended search is the stronger."""
    return len(plan.weights) >= _BOTH_ENDS_CAST * len(plan.groups)


def _answer(prep: PreparedProblem, plan: ExactPlan, found: TalentOutcome) -> ScheduleResult:
    order = list(plan.first) + [s for g in found.groups for s in plan.groups[g]]
    status = "optimal" if found.proven else "feasible"
    result = result_from_starts(prep, starts_of(prep, order), status=status, method="talent-dp")
    # The DP leaves out what every order pays the same (one-group cast, crew days, ...).
    bound = found.bound + result.cost.total - found.cost
    result.bound = min(bound, result.cost.total)
    if result.bound >= result.cost.total - 1e-6:
        result.status = "optimal"
    return result


def solve_talent(prep: PreparedProblem, *, started: float) -> ScheduleResult | None:
    """The talent answer with its bound, or None when another path should take the problem."""
    limit = prep.problem.options.time_limit_s
    deadline = started + limit
    seq = sequencing(prep)
    plan = _plan(seq)
    if plan is None:
        return None
    found = None
    if len(plan.groups) <= _SMALL_GROUPS:
        incumbent = _as_groups(plan, greedy_order(seq))
        found = small_search(plan, incumbent, deadline=started + _SMALL_SHARE * limit)
    if found is None and estimated_seconds(plan) <= _SUBSET_SHARE * (
        deadline - time.perf_counter()
    ):
        order, cost = subset_order(plan)  # cannot be stopped: run only when it surely fits
        found = TalentOutcome(groups=order, cost=cost, bound=cost)
    if found is None:
        found = _compiled(seq, plan, deadline)
    result = _answer(prep, plan, found)
    result.seconds = time.perf_counter() - started
    return result
