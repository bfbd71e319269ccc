"""Attribution: the total saving split over the analyses as a waterfall, to the cent.

Each step is a budget; an analysis is credited with the drop from the previous step's likely
total to its own. The steps telescope, so the amounts add up to baseline minus final exactly,
and no saving is counted twice.
"""

from __future__ import annotations

from decimal import Decimal

from pydantic import BaseModel

from tools.budget.model import Budget
from tools.budget.money import Money

__all__ = ["Saving", "Step", "waterfall"]


class Step(BaseModel):
    """One waterfall step: the analysis applied and the budget after it."""

    analysis: str
    budget: Budget
    detail: str


class Saving(BaseModel):
    """One analysis's credit: `amount` = likely before - likely after (positive saves)."""

    analysis: str
    amount: Money
    detail: str
    before: Money
    after: Money


def waterfall(baseline: Budget, steps: list[Step]) -> list[Saving]:
    """Credit each step with its increment over the previous one."""
    savings = []
    previous: Decimal = baseline.likely
    for step in steps:
        after = step.budget.likely
        savings.append(
            Saving(
                analysis=step.analysis,
                amount=previous - after,
                detail=step.detail,
                before=previous,
                after=after,
            )
        )
        previous = after
    return savings
