"""The crew's rest after nights: the rule's table, the optimizer and the baselines keep it,
pins that break it are diagnosed in plain words."""

from __future__ import annotations

import pytest

from tools import schedule
from tools.schedule import CastMember, ScheduleCosts, ScheduleOptions, ScheduleProblem, Strip
from tools.schedule.crew_rest import crew_breaks, crew_order, rest_days
from tools.schedule.prepare import prepare

# Strip indexes of `_prep`: two night scenes, two day scenes (each with its own actor).
N1, N2, D1, D2 = 0, 1, 2, 3


def _prep(**options):
    strips = [
        Strip(id="N1", lighting="NIGHT", cast=["A"]),
        Strip(id="N2", lighting="NIGHT", cast=["B"]),
        Strip(id="D1", lighting="DAY", cast=["C"]),
        Strip(id="D2", lighting="DAY", cast=["D"]),
    ]
    return prepare(ScheduleProblem(strips=strips, options=ScheduleOptions(**options)), horizon=8)


@pytest.mark.parametrize(
    ("days", "options", "broken"),
    [
        # Night then day in one week: the crew wrapped at dawn, called at 7.
        ([[N1], [D1]], {}, [0]),
        ([[D1], [D2], [N1], [D1]], {}, [2]),
        # The same across the weekend of a five-day week (day 5 is a Friday): fine.
        ([[D1], [D1], [D1], [D1], [N1], [D2]], {}, []),
        # ... but not in a six-day week, where day 6 is the Saturday.
        ([[D1], [D1], [D1], [D1], [N1], [D2]], {"work_days_per_week": 6}, [4]),
        # A split day ends at night: the morning after is broken too.
        ([[D1, N1], [D2]], {}, [0]),
        # Night -> split (it begins in the afternoon), night -> night, day -> night: fine.
        ([[N1], [N2, D1]], {}, []),
        ([[N1], [N2], [N1, D2]], {}, []),
        ([[D1], [N1]], {}, []),
        # Split -> night -> day: the break is the last pair.
        ([[D1, N1], [N2], [D2]], {}, [1]),
        # An empty day is a day off.
        ([[N1], [], [D1]], {}, []),
        # The calendar: Mon 1 Jan 2024, Tue, then Wednesday off: the Thursday call is fine.
        ([[D1], [N1], [D2]], {"start_date": "2024-01-01", "days_off": ["2024-01-03"]}, []),
        ([[D1], [N1], [D2]], {"start_date": "2024-01-01"}, [1]),
        # A shoot that starts on a Saturday has its weekend after day 1.
        ([[N1], [D1], [N2], [D2]], {"start_date": "2024-01-06"}, [2]),
    ],
)
def test_the_rule_table(days, options, broken) -> None:
    assert crew_breaks(_prep(**options), days) == broken


def test_week_breaks_follow_the_calendar() -> None:
    assert rest_days(ScheduleOptions(), 11) == tuple(d in (4, 9) for d in range(11))
    # Wed 3 Jan 2024 off, then the weekend: breaks after Tue (day 1) and after Fri (day 3).
    off = ScheduleOptions(start_date="2024-01-01", days_off=["2024-01-03"])
    assert rest_days(off, 6) == (False, True, False, True, False, False)


def test_the_ads_reboarding_moves_nights_to_the_weeks_end() -> None:
    prep = _prep()
    days = [[N1], [D1], [N2], [D2], [D1], [D2], [D1]]
    order = crew_order(prep, days)
    assert order is not None
    board = [days[d] for d in order]
    assert crew_breaks(prep, board) == []
    # The morning days keep their order; the two nights end the first week (days 4 and 5).
    assert order == [1, 3, 4, 0, 2, 5, 6]


def _problem(**options) -> ScheduleProblem:
    """A week's work: two nights and four day scenes, one actor each, a day scene a day."""
    strips = [
        Strip(id=f"N{i}", main_location="PIER", lighting="NIGHT", eighths=24, cast=[f"N{i}"])
        for i in (1, 2)
    ] + [
        Strip(id=f"D{i}", main_location="PIER", lighting="DAY", eighths=24, cast=[f"D{i}"])
        for i in range(1, 5)
    ]
    cast = [CastMember(name=s.cast[0], day_rate=1_000) for s in strips]
    return ScheduleProblem(
        strips=strips,
        cast=cast,
        costs=ScheduleCosts(crew_day=5_000, night_premium_day=500),
        options=ScheduleOptions(capacity_eighths=32, time_limit_s=10, **options),
    )


def _lighting(result: schedule.ScheduleResult) -> list[str]:
    return [day.lighting for day in result.days]


@pytest.mark.parametrize("make", [schedule.optimize, schedule.sorted_board, schedule.baseline])
def test_a_week_ends_with_its_nights(make) -> None:
    # Six days in five-day weeks: the nights end week one (days 4-5) or the board (days 5-6).
    result = make(_problem())
    lights = _lighting(result)
    assert sorted(lights) == ["DAY"] * 4 + ["NIGHT"] * 2
    assert lights in (["DAY"] * 3 + ["NIGHT"] * 2 + ["DAY"], ["DAY"] * 4 + ["NIGHT"] * 2)
    # The board says where the week's day off falls (the plan's JSON carries it).
    assert [day.day_off_after for day in result.days] == [False] * 4 + [True, False]


def test_a_pinned_thursday_night_makes_friday_the_other_night() -> None:
    result = schedule.optimize(_problem(pinned={"N1": 3}))
    assert result.status == "optimal"
    assert _lighting(result) == ["DAY"] * 3 + ["NIGHT"] * 2 + ["DAY"]
    assert crew_breaks(prepare(_problem()), _days(result)) == []


def test_a_pinned_tuesday_night_without_nights_to_fill_the_week_is_diagnosed() -> None:
    # Tuesday and Wednesday can be nights, Thursday cannot be a morning call: no board.
    result = schedule.optimize(_problem(pinned={"N1": 1}))
    assert result.status == "infeasible"
    assert any(
        "Day 2 has pinned night work" in line and "day 5" in line for line in result.diagnosis
    ), result.diagnosis


def _days(result: schedule.ScheduleResult) -> list[list[int]]:
    index = {s.id: i for i, s in enumerate(_problem().strips)}
    return [[index[sid] for sid in day.strips] for day in result.days]


def test_lifting_turnaround_lifts_the_crews_rest() -> None:
    pins = {"N1": 1, "D1": 2}
    assert schedule.optimize(_problem(pinned=pins)).status == "infeasible"
    lifted = schedule.optimize(_problem(pinned=pins, turnaround=False))
    assert lifted.status == "optimal"
    assert _lighting(lifted)[1:3] == ["NIGHT", "DAY"]


def test_pins_that_break_the_crews_rest_are_diagnosed() -> None:
    # Day 6 and day 7 are the Monday and Tuesday of week two.
    pins = {"N1": 5, "D1": 6}
    result = schedule.optimize(_problem(pinned=pins, max_days=9))
    assert result.status == "infeasible"
    assert any(
        "Day 6 has pinned night work and day 7, the next calendar day" in line
        and "crew's rest" in line
        for line in result.diagnosis
    ), result.diagnosis
    # Friday night, Monday morning: nothing to diagnose, the board is made.
    weekend = schedule.optimize(_problem(pinned={"N1": 4, "D1": 5}, max_days=9))
    assert weekend.status in ("optimal", "feasible")
    assert _lighting(weekend)[4:6] == ["NIGHT", "DAY"]


def test_the_evenings_repaired_board_carries_a_frozen_night_to_its_weekend() -> None:
    from tools.progress.repair import repaired_board

    # Day 4 (a Thursday) was shot at night and is frozen; the board had day work after it.
    problem = _problem()
    shot = [["D1"], ["D2"], ["D3"], ["N1"]]
    previous = schedule.ScheduleResult(
        status="feasible",
        days=[schedule.ShootDay(index=i, strips=s, frozen=True) for i, s in enumerate(shot)]
        + [schedule.ShootDay(index=4, strips=["D4"]), schedule.ShootDay(index=5, strips=["N2"])],
    )
    board = repaired_board(problem, previous, frozen=4)
    # Friday is the other night, Monday's call the day work.
    assert [d.strips for d in board.days] == [*shot, ["N2"], ["D4"]]
    assert [d.index for d in board.days] == list(range(6))


def test_a_multi_day_strip_moves_whole_and_never_out_of_the_kept_days() -> None:
    strips = [
        Strip(id="N", lighting="NIGHT", cast=["A"]),
        Strip(id="M", lighting="DAY", cast=["B"], days=2),
        Strip(id="D", lighting="DAY", cast=["C"]),
    ]
    prep = prepare(ScheduleProblem(strips=strips), horizon=6)
    days = [[0], [1], [1], [2]]  # a night, the two days of M, a day scene
    order = crew_order(prep, days)
    assert order == [1, 2, 3, 0]  # M's days stay together; the night ends the board
    assert crew_order(prep, days, keep=2) is None  # M runs on from the kept days
