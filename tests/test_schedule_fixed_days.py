"""A feature-scale board to a set number of days ("can we do it in 35 days?"): exactly that
many days, every day rule kept (checked from the days themselves), or a plain sentence naming
the tightest board found and the floor no board can go below."""

from __future__ import annotations

import time

import pytest

from bench.schedule_feature import feature_problem
from tools.schedule import ScheduleProblem, optimize
from tools.schedule.baseline import heuristic_starts
from tools.schedule.costing import day_minutes, day_moves, occupancy
from tools.schedule.crew_rest import crew_breaks
from tools.schedule.feature_days import resize
from tools.schedule.prepare import PreparedProblem, prepare
from tools.schedule.relax import fewest_shooting_days


def _fixed(problem: ScheduleProblem, days: int, limit: float = 12.0) -> ScheduleProblem:
    options = problem.options.model_copy(update={"fixed_days": days, "time_limit_s": limit})
    return problem.model_copy(update={"options": options})


def _assert_rules(prep: PreparedProblem, starts: list[int], days: int) -> None:
    """Every day used, each within its minutes (with moves), the moves cap and one lighting;
    every strip on a day it may start; the cast's and the crew's turnaround."""
    board = occupancy(prep, starts)
    options = prep.problem.options
    assert len(board) == days and all(board)
    for d, strips in enumerate(board):
        shoot, moves = day_minutes(prep, strips, strips)
        assert shoot + moves <= (options.day_minutes or 0) + 1e-6
        assert day_moves(prep, strips)[0] <= (options.max_company_moves or 0)
        assert len({prep.night[s] for s in strips}) == 1
        assert all(d in prep.allowed_starts(s) for s in strips)
        if d:
            assert not prep.turnaround_breaks(board[d - 1], strips)
    assert not crew_breaks(prep, board)  # no morning call after a night without a day off


def _sorted_board(problem: ScheduleProblem) -> tuple[dict[int, int], int]:
    prep = prepare(problem)
    starts = heuristic_starts(prep)
    return dict(enumerate(starts)), len({d for d in starts})


@pytest.fixture(scope="module")
def feature() -> ScheduleProblem:
    return feature_problem(scenes=70, day_rules=True)


def test_a_longer_board_splits_days_and_keeps_every_rule(feature: ScheduleProblem) -> None:
    board, n = _sorted_board(feature)
    prep = prepare(_fixed(feature, n + 3), horizon=n + 3)
    out = resize(prep, board, n + 3, deadline=time.perf_counter() + 30)
    assert out is not None
    _assert_rules(prep, [out[s] for s in range(len(prep.ids))], n + 3)


def test_a_shorter_board_takes_a_day_out_and_keeps_every_rule(feature: ScheduleProblem) -> None:
    # The sorted board packs greedily: it has days to spare against the floor.
    board, n = _sorted_board(feature)
    day, night = fewest_shooting_days(prepare(feature))
    assert n - 2 >= day + night
    prep = prepare(_fixed(feature, n - 2), horizon=n - 2)
    out = resize(prep, board, n - 2, deadline=time.perf_counter() + 60)
    assert out is not None
    _assert_rules(prep, [out[s] for s in range(len(prep.ids))], n - 2)


def test_optimize_to_a_set_number_of_days_at_feature_scale(feature: ScheduleProblem) -> None:
    free = optimize(
        feature.model_copy(
            update={"options": feature.options.model_copy(update={"time_limit_s": 8.0})}
        )
    )
    asked = len(free.days) + 2
    result = optimize(_fixed(feature, asked))
    assert result.status in ("feasible", "optimal") and result.method == "lns"
    assert len(result.days) == asked
    prep = prepare(_fixed(feature, asked), horizon=asked)
    starts = [0] * len(prep.ids)
    for day in result.days:
        for sid in day.strips:
            starts[prep.index[sid]] = day.index
    _assert_rules(prep, starts, asked)
    assert result.bound is not None and result.bound <= result.cost.total + 1e-6


def test_fewer_days_than_the_floor_say_so_at_once(feature: ScheduleProblem) -> None:
    day, night = fewest_shooting_days(prepare(feature))
    started = time.perf_counter()
    result = optimize(_fixed(feature, day + night - 1, limit=8.0))
    assert time.perf_counter() - started < 8.0  # no search: the floor proves it
    assert result.status == "infeasible" and not result.days
    [sentence] = result.diagnosis
    assert sentence.startswith(f"No {day + night - 1}-day board exists: ")
    assert f"no board can have fewer than {day + night} days" in sentence
    assert "12-hour days, at most 1 company move a day" in sentence
