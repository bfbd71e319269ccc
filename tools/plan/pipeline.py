"""`make_plan`: breakdown -> schedule -> savings -> budget -> summary, cached by its inputs.

The savings waterfall, each step a full budget on the same rate card:
baseline (script order, flat crew) -> location clustering -> the optimized schedule ->
department scaling -> stunt relocation (only the scenes the user moved). Each analysis is
credited with its step, so the credits add up to baseline minus plan exactly.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from importlib.metadata import version
from typing import Any

from tools import schedule
from tools.budget import Budget, cast_tiers, compute_budget, crew_needs, day_facts
from tools.budget.crew import CrewPlan, day_player_premium
from tools.cache import PlanCache, cache_key
from tools.plan.boards import BoardSink, board_reporter
from tools.plan.model import Baseline, Plan, PlanInputs
from tools.plan.problem import build_problem, script_sites
from tools.plan.solving import STUCK_REPLAN, fresh_when_stuck, listeners, solve
from tools.plan.summary import savings_steps, summarize
from tools.ratecard import RateCard, adjust_rates, load_rate_card
from tools.savings import (
    clustering_report,
    relocate,
    scale_crew,
    stunt_candidates,
    waterfall,
)
from tools.schedule.model import Dood, ScheduleProblem, ScheduleResult
from tools.schedule.solver import Progress
from tools.script import Script

__all__ = ["make_plan", "plan_key"]


@dataclass(frozen=True)
class Costed:
    """A schedule with its DOOD, ready to budget."""

    problem: ScheduleProblem
    result: ScheduleResult
    dood: Dood


def plan_key(script: Script, card: RateCard, inputs: PlanInputs, previous: Plan | None) -> str:
    """The cache key: script content, rate card content, inputs, previous version, solver."""
    script_id = script.content_hash or script.model_dump_json()
    return cache_key(
        script=script_id,
        rate_card=card.content_hash,
        inputs=inputs.model_dump(mode="json"),
        previous=previous.key if previous else None,
        solver={"ortools": version("ortools"), "workers": 2},
    )


def _moves(c: Costed) -> int:
    """Company moves as the budget counts them (changes of main location within a day)."""
    return sum(day.moves for day in day_facts(c.problem, c.result))


def _costed(problem: ScheduleProblem, result: ScheduleResult) -> Costed:
    return Costed(problem, result, schedule.day_out_of_days(problem, result))


def _scaled_crew(final: Costed, card: RateCard) -> CrewPlan:
    needs = crew_needs(day_facts(final.problem, final.result), card)
    rates = {name: card.rate("crew", name) for name in needs}
    return scale_crew(needs, rates, premium=day_player_premium(card))


def _budget(c: Costed, card: RateCard, tiers: dict[str, str], crew: CrewPlan | None) -> Budget:
    return compute_budget(c.problem, c.result, c.dood, card, tiers=tiers, crew=crew)


def _analyses(
    problem: ScheduleProblem,
    base: Costed,
    sorted_: Costed,
    base_budget: Budget,
    final: Costed,
    card: RateCard,
    tiers: dict[str, str],
    inputs: PlanInputs,
) -> dict[str, Any]:
    """The waterfall's budgets, the savings, the stunt candidates and the summary."""
    clustered = sorted_
    crew = _scaled_crew(final, card)
    original = Costed(problem, final.result, final.dood)
    budgets = [
        _budget(clustered, card, tiers, None),
        _budget(original, card, tiers, None),
        _budget(original, card, tiers, crew),
        _budget(final, card, tiers, crew),
    ]
    report = clustering_report(
        problem,
        [day.strips for day in base.result.days],
        [day.strips for day in clustered.result.days],
    )
    candidates = stunt_candidates(
        final.problem,
        lambda p: compute_budget(p, final.result, final.dood, card, tiers=tiers, crew=crew).likely,
    )
    steps = savings_steps(
        budgets,
        report,
        clustered.result,
        final.result,
        (_moves(clustered), _moves(final)),
        crew,
        inputs,
        candidates,
    )
    savings = waterfall(base_budget, steps)
    return dict(
        dood=final.dood,
        budget=budgets[-1],
        crew=crew,
        clustering=report,
        savings=savings,
        stunt_candidates=candidates,
        summary=summarize(
            base_budget,
            budgets[-1],
            final.result,
            inputs,
            moves=(_moves(base), _moves(final)),
            savings=savings,
            sorted_board=(budgets[0], _moves(clustered)),
        ),
    )


def _baseline(c: Costed, budget: Budget) -> Baseline:
    return Baseline(schedule=c.result, dood=c.dood, budget=budget)


def _no_worse(final: Costed, sorted_: Costed, card: RateCard, tiers: dict[str, str]) -> Costed:
    """The plan, or the sorted board when the solver's board came out dearer in the budget."""
    plan_likely = _budget(final, card, tiers, None).likely
    if _budget(sorted_, card, tiers, None).likely >= plan_likely:
        return final
    kept = sorted_.result.model_copy(
        update={
            "status": final.result.status,
            "bound": final.result.bound,
            "method": "sorted-board",
        }
    )
    return Costed(final.problem, kept, sorted_.dood)


def _build(
    script: Script,
    inputs: PlanInputs,
    card: RateCard,
    previous: Plan | None,
    progress: Progress | None = None,
    boards: BoardSink | None = None,
) -> Plan:
    started = time.perf_counter()
    tiers = cast_tiers(script, card)
    placed = script_sites(script, inputs.site_corrections)
    problem = build_problem(script, card, tiers, inputs, assigned=placed)
    base = _costed(problem, schedule.baseline(problem))
    base_budget = _budget(base, card, tiers, None)
    final_problem = relocate(problem, inputs.stage_moves) if inputs.stage_moves else problem
    sorted_ = _costed(problem, schedule.sorted_board(problem))
    priced = board_reporter(final_problem, card, tiers, boards, started=started) if boards else None
    listener = listeners(progress, priced)
    result = solve(final_problem, inputs, card, previous, listener)
    fresh = fresh_when_stuck(final_problem, inputs, card, previous, result, listener)
    result = fresh or result
    common: dict[str, Any] = dict(
        inputs=inputs,
        title=script.title,
        content_hash=script.content_hash,
        rate_card_hash=card.content_hash,
        currency=card.currency,
        problem=final_problem,
        tiers=tiers,
        baseline=_baseline(base, base_budget),
        sorted_board=_baseline(sorted_, _budget(sorted_, card, tiers, None)),
        sites=placed,
    )
    if result.status == "infeasible" or not result.days:
        summary = summarize(base_budget, None, result, inputs, moves=(_moves(base), 0))
        return Plan(**common, schedule=result, summary=summary)
    final = _costed(final_problem, result)
    # The sorted board keeps only the day rules: it may stand in for an unconstrained plan.
    free = not (
        inputs.stage_moves
        or inputs.days
        or inputs.pinned
        or inputs.precedences
        or inputs.unavailable
        or inputs.unavailable_weekdays
        or inputs.site_blocks
    )
    if previous is None and free:
        final = _no_worse(final, sorted_, card, tiers)
    analyses = _analyses(problem, base, sorted_, base_budget, final, card, tiers, inputs)
    if fresh is not None:
        analyses["summary"].text.append(STUCK_REPLAN)
    return Plan(**common, schedule=final.result, **analyses)


MAX_PLAN_SCENES = 1_000
"""Most scenes one plan schedules. A feature has 100 to 250; building the solver's model for
5,000 took 150 s of CPU here, so larger scripts are refused before any solving."""


def make_plan(
    script: Script,
    inputs: PlanInputs,
    *,
    previous: Plan | None = None,
    cache: PlanCache | None = None,
    progress: Progress | None = None,
    boards: BoardSink | None = None,
) -> Plan:
    """The whole plan for `script`; with `previous`, a stable re-plan (few moved strips).

    With `cache`, the same script, rate card, inputs and previous version return the stored
    plan without solving again. With `progress`, a feature-length solve reports each
    improving board (a `ScheduleResult` with its bound) as it goes, the sorted board first;
    `boards` receives the same boards priced (`tools.plan.boards.Board`: days, likely, gap).
    ValueError for a script over `MAX_PLAN_SCENES`.
    """
    if len(script.scenes) > MAX_PLAN_SCENES:
        raise ValueError(
            f"the script has {len(script.scenes):,} scenes, more than the {MAX_PLAN_SCENES:,} "
            "one plan can schedule: split it into episodes or blocks and plan each one"
        )
    card = adjust_rates(
        load_rate_card(inputs.rate_card, currency=inputs.currency),
        rates=inputs.rates,
        factors=inputs.rate_factors,
    )
    key = plan_key(script, card, inputs, previous)
    if cache is not None:
        stored = cache.get(key, Plan)
        if stored is not None:
            return stored
    built = _build(script, inputs, card, previous, progress, boards)
    plan = built.model_copy(update={"key": key})
    if cache is not None:
        cache.put(key, plan)
    return plan
