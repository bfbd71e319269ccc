"""The waterfall's step descriptions and the executive summary, from computed numbers only."""

from __future__ import annotations

from decimal import Decimal

from tools.budget import Budget, CrewPlan, format_money
from tools.plan.model import PlanInputs, Summary
from tools.savings import ClusteringReport, Saving, Step, StuntCandidate
from tools.schedule.model import ScheduleResult

__all__ = ["ANALYSES", "savings_steps", "summarize"]

#: Waterfall order: each analysis is credited with the step from the previous one.
ANALYSES = ("location_clustering", "optimized_schedule", "department_scaling", "stunt_relocation")


_METHODS = {
    "cp-sat": "CP-SAT",
    "lns": "CP-SAT large neighbourhood search from the sorted board",
    "sorted-board": "the sorted board kept (the solver found nothing cheaper)",
    "exact-dp": "exact DP",
    "talent-dp": "talent-scheduling search (dynamic programming with bounds)",
    "local-search": "local search",
}


def _crew_detail(crew: CrewPlan) -> str:
    days = len(crew.departments[0].need) if crew.departments else 0
    flat = sum(max(d.need, default=0) for d in crew.departments) * days
    scaled = sum(d.core * days + sum(d.day_players) for d in crew.departments)
    players = sum(sum(d.day_players) for d in crew.departments)
    return (
        f"crew sized to each day's needs: {flat} flat person-days -> {scaled} "
        f"({players} of them day players, at the day-player premium)"
    )


def _stunt_detail(inputs: PlanInputs, candidates: list[StuntCandidate], currency: str) -> str:
    if inputs.stage_moves:
        return f"applied at your request: scenes {', '.join(inputs.stage_moves)} moved to a stage"
    useful = [c for c in candidates if c.saving > 0]
    if not useful:
        return "not applied: no stunt scene at a public location would save money on a stage"
    best = "; ".join(
        f"scene {c.scene} at {c.location} saves {format_money(c.saving, currency)}"
        for c in useful[:5]
    )
    return f"not applied (never silently): {len(useful)} candidate(s): {best}"


def savings_steps(
    budgets: list[Budget],
    report: ClusteringReport,
    clustered: ScheduleResult,
    result: ScheduleResult,
    moves: tuple[int, int],
    crew: CrewPlan,
    inputs: PlanInputs,
    candidates: list[StuntCandidate],
) -> list[Step]:
    """The four waterfall steps after the baseline, with what each one changed.

    `moves` is (clustered, optimized) company moves, counted as the budget counts them.
    """
    gap = f", gap {result.gap:.1%}" if result.gap is not None else ""
    details = [
        f"the sorted board (by site, INT/EXT, day/night, cast, packed by the day's minutes): "
        f"{report.visits_saved} site set-ups and {report.moves_saved} company moves saved; "
        f"{report.baseline_days} -> {report.clustered_days} days",
        f"{_METHODS.get(result.method, result.method)} {result.status}{gap}: "
        f"{len(clustered.days)} -> {len(result.days)} days, "
        f"{moves[0]} -> {moves[1]} company moves",
        _crew_detail(crew),
        _stunt_detail(inputs, candidates, budgets[-1].currency),
    ]
    return [
        Step(analysis=name, budget=budget, detail=detail)
        for name, budget, detail in zip(ANALYSES, budgets, details, strict=True)
    ]


def _text(s: Summary) -> list[str]:
    money = lambda v: format_money(v, s.currency)  # noqa: E731
    lines = [
        f"Baseline (script order, same day rules): {s.baseline_days} days, "
        f"{s.baseline_moves} company moves, "
        f"{money(s.baseline_low)} / {money(s.baseline_likely)} / {money(s.baseline_high)} "
        "(low / likely / high).",
    ]
    if s.status == "infeasible":
        return [*lines, "No schedule satisfies the constraints (see the diagnosis)."]
    if s.days == 0:
        return [*lines, "The solver found no schedule within its time limit: raise the limit."]
    lines.append(
        f"Plan ({s.status}): {s.days} days, {s.moves} company moves, {money(s.low)} / "
        f"{money(s.likely)} / {money(s.high)}."
    )
    if s.sorted_days:
        lines.append(
            f"Sorted board (by site, INT/EXT, day/night, cast): {s.sorted_days} days, "
            f"{s.sorted_moves} company moves, {money(s.sorted_likely)} likely."
        )
    lines.append(
        f"Saving against the script-order baseline: {money(s.total_saving)} (the analyses "
        "below are attributed against this baseline)."
    )
    if s.sorted_days:
        lines.append(f"Saving against the sorted board: {money(s.saving_vs_sorted)}.")
    lines += [f"- {name.replace('_', ' ')}: {money(v)}" for name, v in s.by_analysis.items()]
    if s.over_cap is not None:
        lines.append(f"Over the budget cap by {money(s.over_cap)}.")
    return lines


def summarize(
    base_budget: Budget,
    budget: Budget | None,
    result: ScheduleResult,
    inputs: PlanInputs,
    *,
    moves: tuple[int, int] = (0, 0),
    savings: list[Saving] | None = None,
    sorted_board: tuple[Budget, int] | None = None,
) -> Summary:
    """Baselines against plan in days, moves and money, and the saving per analysis.

    `moves` is (baseline, plan) company moves, counted as the budget counts them;
    `sorted_board` is the sorted board's budget and company moves.
    """
    summary = Summary(
        status=result.status,
        currency=base_budget.currency,
        days=len(result.days),
        baseline_days=base_budget.days,
        moves=moves[1],
        baseline_moves=moves[0],
        baseline_low=base_budget.low,
        baseline_likely=base_budget.likely,
        baseline_high=base_budget.high,
    )
    if sorted_board is not None:
        summary.sorted_days, summary.sorted_likely = sorted_board[0].days, sorted_board[0].likely
        summary.sorted_moves = sorted_board[1]
    if budget is not None:
        summary.low, summary.likely, summary.high = budget.low, budget.likely, budget.high
        summary.total_saving = base_budget.likely - budget.likely
        if sorted_board is not None:
            summary.saving_vs_sorted = sorted_board[0].likely - budget.likely
        summary.by_analysis = {s.analysis: s.amount for s in savings or []}
        cap = inputs.budget_cap
        if cap is not None and budget.likely > Decimal(str(cap)):
            summary.over_cap = budget.likely - Decimal(str(cap))
    summary.text = _text(summary)
    return summary
