"""The board from the days' LP: every strip once, the day rules kept, repeatable, and no
dearer than the sorted board it replaces as the search's start."""

from __future__ import annotations

import itertools
import time

from bench.schedule_feature import feature_problem
from tools.schedule.baseline import heuristic_starts
from tools.schedule.costing import cost_of, occupancy, shoot_days
from tools.schedule.lp_board import lp_board
from tools.schedule.prepare import prepare
from tools.schedule.relax_days import days_lp


def test_the_lp_board_keeps_the_rules_and_repeats() -> None:
    problem = feature_problem(scenes=70, day_rules=True)
    prep = prepare(problem, horizon=40)
    start = heuristic_starts(prep)
    lp = days_lp(prep, seconds=60, seeds=[day for day in occupancy(prep, start) if day])
    assert lp is not None
    boards = [lp_board(prep, lp, deadline=time.perf_counter() + 120, work=1.0) for _ in range(2)]
    assert boards[0] is not None and boards[0] == boards[1]
    board = boards[0]
    days = shoot_days(prep, board)
    assert sorted(sid for day in days for sid in day.strips) == sorted(prep.ids)
    options = problem.options
    for day in days:
        assert day.day_minutes <= (options.day_minutes or 0) + 1e-6
        assert day.company_moves <= (options.max_company_moves or 0)
        assert day.lighting != "SPLIT"
        assert sum(problem.strips[prep.index[sid]].eighths for sid in day.strips) <= 32
    for a, b in zip(occupancy(prep, board), occupancy(prep, board)[1:], strict=False):
        assert not prep.turnaround_breaks(a, b)
    # The crew's rest, from the days' lighting: no night then a day call in one week.
    for a, b in itertools.pairwise(days):
        assert not (a.lighting == "NIGHT" and b.lighting == "DAY" and (a.index + 1) % 5)
    cost = cost_of(prep, board).total
    assert lp.bound <= cost
    assert cost < cost_of(prep, start).total


def test_pins_leave_the_partition_to_the_search() -> None:
    problem = feature_problem(scenes=70, day_rules=True)
    options = problem.options.model_copy(update={"pinned": {problem.strips[0].id: 3}})
    prep = prepare(problem.model_copy(update={"options": options}), horizon=40)
    lp = days_lp(prep, seconds=60)
    assert lp is not None
    assert lp_board(prep, lp, deadline=time.perf_counter() + 60, work=1.0) is None
