"""Insights across a user's projects: figures per plan, sums per user, grounded observations.

`InsightStore.plan_saved` refreshes a project's figures (cost per page, pages per day, share
of night exteriors, company moves and their cost, savings by analysis) and the user's sums
when a plan changes, and only then; `InsightStore.observe` writes one or two sentences from
templates ("38% night exteriors, twice your average (19%)."), so they are never missing.
"""

from store.insights.figures import (
    MONEY_METRICS,
    PLAIN_METRICS,
    ProjectFigures,
    Totals,
    figures_of,
    totals,
)
from store.insights.observe import NOTABLE, observations
from store.insights.store import (
    InsightStore,
    ProjectFiguresRow,
    UserInsightsRow,
    create_insight_tables,
)

__all__ = [
    "MONEY_METRICS",
    "NOTABLE",
    "PLAIN_METRICS",
    "InsightStore",
    "ProjectFigures",
    "ProjectFiguresRow",
    "Totals",
    "UserInsightsRow",
    "create_insight_tables",
    "figures_of",
    "observations",
    "totals",
]
