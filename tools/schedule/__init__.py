"""The schedule optimizer (OR-Tools CP-SAT), its baseline and the day-out-of-days.

Entry points: `optimize` (exact subset DP for sequencing problems, else CP-SAT; re-plan
stability), `baseline` (script order packed by the day's rules), `sorted_board` (the AD's
first board: sorted by site, INT/EXT, day/night, cast, packed by the same rules),
`evaluate` (the exact objective of any stripboard), `day_out_of_days`, `problem_from_script`,
`calendar_dates`, and the benchmark readers in `benchmarks`.
"""

from tools.schedule.adapter import problem_from_script
from tools.schedule.baseline import baseline, sorted_board
from tools.schedule.calendar import calendar_dates
from tools.schedule.costing import evaluate
from tools.schedule.dood import day_out_of_days
from tools.schedule.model import (
    CastMember,
    CostBreakdown,
    Dood,
    DoodRow,
    ScheduleCosts,
    ScheduleOptions,
    ScheduleProblem,
    ScheduleResult,
    ShootDay,
    Strip,
)
from tools.schedule.solver import optimize

__all__ = [
    "CastMember",
    "CostBreakdown",
    "Dood",
    "DoodRow",
    "ScheduleCosts",
    "ScheduleOptions",
    "ScheduleProblem",
    "ScheduleResult",
    "ShootDay",
    "Strip",
    "baseline",
    "calendar_dates",
    "day_out_of_days",
    "evaluate",
    "optimize",
    "problem_from_script",
    "sorted_board",
]
