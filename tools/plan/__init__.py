"""The planning facade for the CLI and the chat: one call from a script to a whole plan.

`make_plan` (breakdown -> schedule -> savings -> budget -> summary, cached; its improving
boards reported as `Board` records), `compare_plans` (what moved and what it costs) and
`cuts_for_cap` (what to cut to meet a budget cap).
"""

from __future__ import annotations

from tools.cache import PlanCache
from tools.plan.boards import Board, BoardSink
from tools.plan.compare import (
    AccountChange,
    DoodChange,
    LineChange,
    PlanDiff,
    StripMove,
    compare_plans,
)
from tools.plan.cuts import CapCuts, Cut, cuts_for_cap
from tools.plan.model import Baseline, Plan, PlanInputs, Summary
from tools.plan.pipeline import MAX_PLAN_SCENES, make_plan, plan_key

__all__ = [
    "MAX_PLAN_SCENES",
    "AccountChange",
    "Baseline",
    "Board",
    "BoardSink",
    "CapCuts",
    "Cut",
    "DoodChange",
    "LineChange",
    "Plan",
    "PlanCache",
    "PlanDiff",
    "PlanInputs",
    "StripMove",
    "Summary",
    "compare_plans",
    "cuts_for_cap",
    "make_plan",
    "plan_key",
]
