"""The rollouts' extra days: the slips still to come played out on a small board by hand."""

from __future__ import annotations

import pytest

from tools.progress import Portion, ResolvedDay
from tools.progress.rollout import outlook, slip_patterns
from tools.schedule import ScheduleOptions, ScheduleProblem, ScheduleResult, ShootDay, Strip

SCENES = {sid: 4 for sid in ("s1", "s2", "s3", "a1", "a2", "b1", "b2")}

# Day 1 went as booked; day 2 finished s2 and did not get to s3 (back on the board).
SHOT = [
    ResolvedDay(day=0, planned=["s1"], shot=[Portion(scene="s1", eighths=4, finished=True)]),
    ResolvedDay(
        day=1,
        planned=["s2", "s3"],
        shot=[Portion(scene="s2", eighths=4, finished=True)],
        not_shot=["s3"],
    ),
]


def _board(moves: int) -> tuple[ScheduleProblem, ScheduleResult]:
    site = {"s1": "ZOO", "s2": "ZOO", "s3": "HOUSE", "a1": "HOUSE", "a2": "HOUSE"}
    strips = [Strip(id=s, eighths=4, main_location=site.get(s, "DINER")) for s in SCENES]
    problem = ScheduleProblem(
        strips=strips, options=ScheduleOptions(capacity_eighths=32, max_company_moves=moves)
    )
    days = [["s1"], ["s2"], ["s3", "a1", "a2"], ["b1", "b2"]]
    schedule = ScheduleResult(
        status="feasible",
        days=[ShootDay(index=i, strips=d, frozen=i < 2) for i, d in enumerate(days)],
    )
    return problem, schedule


def test_each_shot_day_says_what_share_of_its_booked_scenes_it_left_undone() -> None:
    scenes = {"18": 8, "19": 4, "20": 2}
    days = [
        ResolvedDay(day=0, planned=["18", "19"], shot=[Portion(scene="18", eighths=2)]),
        # 18 had 6 eighths left that morning; 2 more were shot, so 4 of 6 stayed undone.
        ResolvedDay(
            day=1,
            planned=["18", "20", "19"],
            shot=[Portion(scene="18", eighths=2), Portion(scene="20", eighths=2, finished=True)],
        ),
    ]
    assert slip_patterns(days, scenes) == [(0.75, 1.0), (4 / 6, 1.0)]


def test_work_pulled_forward_offsets_what_a_day_left_undone() -> None:
    scenes = {"1": 8, "2": 8, "3": 4, "4": 8}
    days = [
        # Booked 3 (4 eighths); shot 1 and 2 instead (16 eighths from later days): ahead.
        ResolvedDay(
            day=0,
            planned=["3"],
            shot=[Portion(scene="1", eighths=8, finished=True), Portion(scene="2", eighths=8)],
        ),
        # Booked 4 (8 eighths), shot 2 of it and nothing else: 6 of 8 left.
        ResolvedDay(day=1, planned=["4"], shot=[Portion(scene="4", eighths=2)]),
    ]
    patterns = slip_patterns(days, scenes)
    assert patterns[0] == ()  # 4 undone, 16 ahead: no slip to play out
    assert patterns[1] == (0.75,)
    partly = [
        ResolvedDay(
            day=0,
            planned=["3", "4"],
            shot=[Portion(scene="1", eighths=3)],
        )
    ]
    # 12 eighths undone, 3 pulled forward: each share is scaled to the 9 left net.
    assert slip_patterns(partly, scenes) == [(1.0 * 9 / 12, 1.0 * 9 / 12)]


@pytest.mark.parametrize(
    ("moves", "extra", "spread"),
    [
        # From day 1's pattern: the DINER day leaves b2, which takes a day of its own (3 days);
        # from day 2's: the HOUSE day leaves a2, which joins the DINER day with a move (2).
        (1, 0.5, 0.5),
        # No moves allowed: a2 needs a return day, which leaves it again (as day 2 did) and
        # takes one more (4 days); the other rollout still takes 3.
        (0, 1.5, 0.5),
    ],
)
def test_the_rollouts_replay_the_shot_days_on_the_board_left(
    moves: int, extra: float, spread: float
) -> None:
    problem, schedule = _board(moves)
    ahead = outlook(problem, schedule, SHOT, SCENES)
    assert (ahead.extra_days, ahead.spread) == (extra, spread)
    assert (ahead.slip_days, ahead.shot_days, ahead.rollouts) == (1, 2, 2)


def test_no_slips_so_far_add_no_days() -> None:
    problem, schedule = _board(1)
    on_pace = [SHOT[0], SHOT[0].model_copy(update={"day": 1})]
    ahead = outlook(problem, schedule, on_pace, SCENES)
    assert (ahead.extra_days, ahead.rollouts, ahead.slip_days) == (0.0, 0, 0)


def test_resampled_shot_days_widen_the_spread_by_their_own_uncertainty() -> None:
    problem, schedule = _board(1)
    ahead = outlook(problem, schedule, SHOT, SCENES)
    # The two shot days resampled: both went as booked (the 2 days as booked), both slipped
    # (a2 joins the DINER day, leaves it again, then keeps slipping to the cap of 4 days),
    # HOUSE slipped then DINER did not (2), or the other way round (b2 alone: 3). Equally
    # likely: 2, 4, 2, 3 days, a standard deviation of 0.83 against the in-turn rollouts' 0.5
    # (20 resampled rollouts estimate it within about 0.15 either way).
    assert ahead.sample_spread == pytest.approx(0.829, abs=0.2)
    assert ahead.sample_spread > ahead.spread
    assert outlook(problem, schedule, SHOT, SCENES) == ahead  # the same answer when asked again


def test_one_slipped_day_early_does_not_run_the_rest_of_the_shoot_to_the_cap() -> None:
    # 20 full days (two 8-eighth scenes, a 16-eighth day); day 1 left 3 of its 16 booked
    # eighths. Every full day played as day 1 leaves 3 eighths that fit no full day, so they
    # gather on days of their own at the end; each of those leaves 1 eighth of its last piece,
    # until a day holds so little that 3/16 of it rounds to nothing, and it finishes.
    # (Played as a share of any day, a 1-eighth piece too short to part-shoot was left whole
    # every day, to the cap of twice the board: "37 more days" on the generated feature after
    # its first evening.)
    scenes = {f"{c}{d}": 8 for d in range(20) for c in "ab"}
    strips = [Strip(id=sid, eighths=8, main_location="STAGE") for sid in scenes]
    problem = ScheduleProblem(strips=strips, options=ScheduleOptions(capacity_eighths=16))
    days = [[f"a{d}", f"b{d}"] for d in range(20)]
    schedule = ScheduleResult(
        status="feasible",
        days=[ShootDay(index=i, strips=d, frozen=i < 1) for i, d in enumerate(days)],
    )
    first = ResolvedDay(
        day=0,
        planned=["a0", "b0"],
        shot=[Portion(scene="a0", eighths=8, finished=True), Portion(scene="b0", eighths=5)],
    )
    ahead = outlook(problem, schedule, [first], scenes)
    # 19 days leave 3 eighths each (57): leftover days of 15, 16, 16 and 13 eighths leave 1
    # each, and the fifth, of 1 eighth, finishes.
    assert ahead.slip_days == 1 and ahead.rollouts == 1
    assert ahead.extra_days == 5.0
