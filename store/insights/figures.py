"""A project's figures, read off its plan, and the sums that make a user's averages.

Money figures are kept per currency (`cost_per_page@USD`): averaging dollars with euros would
be a number nobody can check. Shares are fractions (0.38 = 38%).
"""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import BaseModel, Field

from tools.plan import Plan

__all__ = ["MONEY_METRICS", "PLAIN_METRICS", "ProjectFigures", "Totals", "figures_of", "totals"]

MONEY_METRICS: tuple[str, ...] = ("cost_per_page", "move_cost")
"""Figures in the plan's currency: averaged only among projects in the same currency."""
PLAIN_METRICS: tuple[str, ...] = (
    "pages_per_day",
    "night_ext_share",
    "company_moves",
    "saving_share",
)
"""Figures without a currency."""


class ProjectFigures(BaseModel):
    """What one project's current plan says, as a producer compares projects."""

    title: str
    plan_key: str
    currency: str
    pages: float
    days: int
    likely: float
    """Likely budget total."""
    cost_per_page: float
    pages_per_day: float
    night_ext_share: float
    """Share of the script's pages that are exterior night scenes."""
    company_moves: int
    move_cost: float
    """What one company move costs on this plan's rate card."""
    saving: float
    """Likely saving against script order, all analyses together."""
    saving_share: float
    """That saving as a share of the script-order budget."""
    savings_by_analysis: dict[str, float] = Field(default_factory=dict)

    def metrics(self) -> dict[str, float]:
        """The averaged figures, money ones keyed with the currency."""
        out = {f"{name}@{self.currency}": float(getattr(self, name)) for name in MONEY_METRICS}
        out.update({name: float(getattr(self, name)) for name in PLAIN_METRICS})
        for name, amount in self.savings_by_analysis.items():
            out[f"saving:{name}@{self.currency}"] = amount
        return out


class Totals(BaseModel):
    """Sums and counts per metric over a user's projects: averages without re-reading plans."""

    projects: int = 0
    sums: dict[str, float] = Field(default_factory=dict)
    counts: dict[str, int] = Field(default_factory=dict)

    def average(self, metric: str, *, excluding: ProjectFigures | None = None) -> float | None:
        """The metric's average, leaving one project out; None when no other project has it."""
        total, count = self.sums.get(metric, 0.0), self.counts.get(metric, 0)
        if excluding is not None and metric in excluding.metrics():
            total, count = total - excluding.metrics()[metric], count - 1
        return total / count if count > 0 else None


def figures_of(plan: Plan) -> ProjectFigures:
    """The project's figures from its plan (the budget's likely total, the stripboard)."""
    eighths = sum(strip.eighths for strip in plan.problem.strips)
    night_ext = sum(
        strip.eighths
        for strip in plan.problem.strips
        if strip.int_ext == "EXT" and strip.lighting == "NIGHT"
    )
    pages, days = eighths / 8, len(plan.schedule.days)
    likely = float(plan.budget.likely if plan.budget else plan.summary.likely)
    base = float(plan.baseline.budget.likely)
    saving = float(plan.summary.total_saving)
    return ProjectFigures(
        title=plan.title,
        plan_key=plan.key,
        currency=plan.currency,
        pages=pages,
        days=days,
        likely=likely,
        cost_per_page=likely / pages if pages else 0.0,
        pages_per_day=pages / days if days else 0.0,
        night_ext_share=night_ext / eighths if eighths else 0.0,
        company_moves=plan.summary.moves,
        move_cost=plan.problem.costs.company_move,
        saving=saving,
        saving_share=saving / base if base else 0.0,
        savings_by_analysis={k: float(v) for k, v in plan.summary.by_analysis.items()},
    )


def totals(projects: Iterable[ProjectFigures]) -> Totals:
    """Sums and counts of every metric over the projects."""
    out = Totals()
    for figures in projects:
        out.projects += 1
        for metric, value in figures.metrics().items():
            out.sums[metric] = out.sums.get(metric, 0.0) + value
            out.counts[metric] = out.counts.get(metric, 0) + 1
    return out
