"""Production reports, frozen days, hot costs and cost to complete: the shoot back into the plan.

`parse_report` (tools.progress.phrases) reads a 1st AD's evening message into a `DayReport`;
`progress` checks the reports against the plan, re-plans the remaining days with the shot
days frozen (`replan_rest`) and prices the cost report (`forecast`): actual to date, cost to
complete and forecast at completion by account against the approved budget.
"""

from tools.progress.board import Board, progress_board
from tools.progress.costs import hot_costs, overtime_lines
from tools.progress.evening import Progress, planned_scenes, progress, scene_eighths
from tools.progress.forecast import AccountForecast, Forecast, daily_costs, forecast
from tools.progress.ledger import Portion, ResolvedDay, resolve_day, resolve_days, scene_of
from tools.progress.model import DayReport, PartialScene, PickUp
from tools.progress.phrases import parse_report
from tools.progress.replan import RestReport, replan_rest
from tools.progress.rules import RatesFrom, day_rules, rate_card, rate_history
from tools.progress.text import (
    cost_text,
    day_cost_text,
    day_text,
    hot_costs_text,
    progress_text,
    schedule_text,
)

__all__ = [
    "AccountForecast",
    "Board",
    "DayReport",
    "Forecast",
    "PartialScene",
    "PickUp",
    "Portion",
    "Progress",
    "RatesFrom",
    "ResolvedDay",
    "RestReport",
    "cost_text",
    "daily_costs",
    "day_cost_text",
    "day_rules",
    "day_text",
    "forecast",
    "hot_costs",
    "hot_costs_text",
    "overtime_lines",
    "parse_report",
    "planned_scenes",
    "progress",
    "progress_board",
    "progress_text",
    "rate_card",
    "rate_history",
    "replan_rest",
    "resolve_day",
    "resolve_days",
    "scene_eighths",
    "scene_of",
    "schedule_text",
]
