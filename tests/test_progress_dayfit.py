"""The one day-fit check the evening's repair and the forecast's rollouts place work by."""

from __future__ import annotations

import pytest

from tools.progress.dayfit import DayFit
from tools.schedule.model import CastMember, ScheduleOptions, ScheduleProblem, Strip

RULES = ScheduleOptions(
    capacity_eighths=60,
    capacity_minutes=600,
    day_minutes=720,
    company_move_minutes=75,
    set_move_minutes=15,
    max_company_moves=1,
    max_scenes_per_day=6,
    minutes_per_eighth=15,
)


def _strip(sid: str, site: str, eighths: int, **more: object) -> Strip:
    return Strip(id=sid, main_location=site, set=more.pop("set", "A"), eighths=eighths, **more)  # type: ignore[arg-type]


def _fit(day: list[Strip], strip: Strip, index: int = 0, **options: object) -> bool:
    problem = ScheduleProblem(
        strips=[*day, strip],
        options=RULES.model_copy(update=options),
        cast=[CastMember(name="MAYA", unavailable_days=[3], earliest_day=1, latest_day=9)],
    )
    return DayFit(problem).fits(day, strip, index)


HOUSE = [_strip("1", "HOUSE", 16)]  # 16 eighths at 15 min = 240 min


@pytest.mark.parametrize(
    ("day", "strip", "index", "fits", "why"),
    [
        (HOUSE, _strip("2", "HOUSE", 16), 0, True, "same site, same set: 480 of 600 and 720"),
        (HOUSE, _strip("2", "HOUSE", 27), 0, False, "645 shooting minutes over the 600 cap"),
        (HOUSE, _strip("2", "HOUSE", 45), 0, False, "61 eighths over the 60 page cap"),
        (HOUSE, _strip("2", "BARN", 16), 0, True, "one company move: 480 + 75 of 720"),
        (
            [*HOUSE, _strip("2", "BARN", 4)],
            _strip("3", "MILL", 1),
            0,
            False,
            "a second company move over the cap",
        ),
        (
            [_strip("1", "HOUSE", 18), _strip("2", "BARN", 20)],
            _strip("3", "BARN", 2, set="B"),
            0,
            True,
            "600 shooting + 75 company move + 15 set move of 720",
        ),
        (HOUSE, _strip("2", "HOUSE", 2, lighting="NIGHT"), 0, False, "a split day"),
        (HOUSE, _strip("2", "HOUSE", 2, cast=["MAYA"]), 0, False, "before her first day"),
        (HOUSE, _strip("2", "HOUSE", 2, cast=["MAYA"]), 3, False, "a day she cannot work"),
        (HOUSE, _strip("2", "HOUSE", 2, cast=["MAYA"]), 10, False, "after her last day"),
        (HOUSE, _strip("2", "HOUSE", 2, cast=["MAYA"]), 4, True, "a day she works"),
        ([_strip("1", "HOUSE", 2, whole_day=True)], _strip("2", "HOUSE", 1), 0, False, "whole day"),
    ],
)
def test_a_strip_joins_a_day_only_within_every_rule(
    day: list[Strip], strip: Strip, index: int, fits: bool, why: str
) -> None:
    assert _fit(day, strip, index) is fits, why


def test_the_shooting_cap_leaves_moves_out_and_the_day_length_counts_them() -> None:
    # 40 eighths = 600 shooting minutes: at the shooting cap exactly, and 600 + 75 <= 720.
    day = [_strip("1", "HOUSE", 20)]
    assert _fit(day, _strip("2", "BARN", 20))
    # The same day in a 10-hour day: 600 + 75 minutes of move no longer fit.
    assert not _fit(day, _strip("2", "BARN", 20), day_minutes=600)
    # Without the day's length the moves cost no time: only the shooting cap holds.
    assert _fit(day, _strip("2", "BARN", 20), day_minutes=None, capacity_minutes=600)


def test_a_set_move_takes_its_minutes_out_of_the_day() -> None:
    day = [_strip("1", "HOUSE", 23)]  # 345 min
    other_set = _strip("2", "HOUSE", 24, set="B")  # 360 min: 705 + 15 = 720 fits
    assert _fit(day, other_set, capacity_minutes=None)
    bigger = _strip("2", "HOUSE", 25, set="B")  # 720 + 15 > 720
    assert not _fit(day, bigger, capacity_minutes=None)
    same_set = _strip("2", "HOUSE", 25)  # no set move: 720 fits
    assert _fit(day, same_set, capacity_minutes=None)
