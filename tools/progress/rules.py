"""The day rules and rates the rest of a shoot is planned under, and when the rates changed.

A what-if asked mid-shoot ("two more days", "make Maya $2,000 a day") changes the plan's
inputs for the days not yet shot. `day_rules` is the whole script's scheduling problem under
those inputs (the re-plan of the rest takes its options, cast and the unshot strips from it);
`rate_history` records from which day each set of what-if rates is in force, so the days
already shot keep the rates they were shot at.
"""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel, Field

from tools.budget import cast_tiers
from tools.plan import PlanInputs
from tools.plan.problem import build_problem, script_sites
from tools.ratecard import RateCard, adjust_rates, load_rate_card
from tools.savings import relocate
from tools.schedule.model import ScheduleProblem
from tools.script import Script

__all__ = ["RatesFrom", "day_rules", "rate_card", "rate_history"]


class RatesFrom(BaseModel):
    """What-if rates in force from a shooting day on (until the next entry's day)."""

    day: int = Field(default=0, ge=0)
    """First 0-based shooting day these rates apply to."""
    rates: dict[str, float] = Field(default_factory=dict)
    rate_factors: dict[str, float] = Field(default_factory=dict)


def rate_card(inputs: PlanInputs, rates: RatesFrom | None = None) -> RateCard:
    """The rate card of `inputs` with its what-if rates (or those of `rates`) applied."""
    source = rates or RatesFrom(rates=inputs.rates, rate_factors=inputs.rate_factors)
    card = load_rate_card(inputs.rate_card, currency=inputs.currency)
    return adjust_rates(card, rates=source.rates, factors=source.rate_factors)


def day_rules(script: Script, inputs: PlanInputs) -> ScheduleProblem:
    """The whole script's scheduling problem under `inputs`, as `tools.plan` builds it."""
    card = rate_card(inputs)
    placed = script_sites(script, inputs.site_corrections)
    problem = build_problem(script, card, cast_tiers(script, card), inputs, assigned=placed)
    return relocate(problem, inputs.stage_moves) if inputs.stage_moves else problem


def rate_history(
    history: Sequence[RatesFrom], before: PlanInputs, after: PlanInputs, day: int
) -> list[RatesFrom]:
    """`history` with the rates of `after` in force from `day` on (later entries dropped).

    An empty history means the rates of `before` held from day 1; unchanged rates add nothing.
    """
    first = RatesFrom(rates=before.rates, rate_factors=before.rate_factors)
    kept = [h for h in history if h.day < day] or [first]
    new = RatesFrom(day=day, rates=after.rates, rate_factors=after.rate_factors)
    if (kept[-1].rates, kept[-1].rate_factors) == (new.rates, new.rate_factors):
        return kept
    return [*kept, new]
