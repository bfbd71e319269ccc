"""The production-report grammar: one row per way a 1st AD says how the day went."""

from __future__ import annotations

from typing import Any

import pytest

from graph.intents import parse_intent
from tools.progress import DayReport, PartialScene, PickUp, parse_report, resolve_days
from tools.progress.numbers import digits

ROWS: list[tuple[str, dict[str, Any]]] = [
    (
        "Day 3 wrapped: shot 14, 15 and half of 18; 16 didn't get done; we went 1.5 hours over",
        dict(
            day=2,
            complete=["14", "15"],
            partial=[("18", None, 0.5)],
            not_shot=["16"],
            overtime_hours=1.5,
        ),
    ),
    (
        "day 4: all done plus a pick-up of 22, 3 extra background, lost two hours to rain",
        dict(day=3, all_planned=True, pickups=[("22", 1)], extra_background=3, weather_hours=2.0),
    ),
    (
        "Day four wrapped. Shot fourteen and fifteen, went over by an hour and a half",
        dict(day=3, complete=["14", "15"], overtime_hours=1.5),
    ),
    ("day 1: shot 1, 2, 3", dict(day=0, complete=["1", "2", "3"])),
    (
        "wrapped day one, got everything except scene 22 and went an hour over",
        dict(day=0, all_planned=True, not_shot=["22"], overtime_hours=1.0),
    ),
    (
        "day 2: we shot it all, 45 minutes of overtime, and lost two hours to rain",
        dict(day=1, all_planned=True, overtime_hours=0.75, weather_hours=2.0),
    ),
    (
        "day 4: everything but 12, an hour over",
        dict(day=3, all_planned=True, not_shot=["12"], overtime_hours=1.0),
    ),
    ("day 5: all but 12 and 14", dict(day=4, all_planned=True, not_shot=["12", "14"])),
    (
        "day 6: shot everything apart from 3A; half of 4",
        dict(day=5, all_planned=True, not_shot=["3A"], partial=[("4", None, 0.5)]),
    ),
    ("Day 2 - finished scenes 4 and 5A", dict(day=1, complete=["4", "5A"])),
    ("day 6: shot 30-33", dict(day=5, complete=["30", "31", "32", "33"])),
    (
        "day 6: shot 30 through 32, no time for 34",
        dict(day=5, complete=["30", "31", "32"], not_shot=["34"]),
    ),
    (
        "Day 7 wrapped: 3/8 of 40, 41 not shot",
        dict(day=6, partial=[("40", 3, None)], not_shot=["41"]),
    ),
    (
        "day 7: shot 2 eighths of 12 and all of 13",
        dict(day=6, partial=[("12", 2, None)], complete=["13"]),
    ),
    ("day 8: got a third of 50", dict(day=7, partial=[("50", None, 1 / 3)])),
    ("day 8: got two thirds of 50", dict(day=7, partial=[("50", None, 2 / 3)])),
    (
        "day 9: most of 51 and a quarter of 52",
        dict(day=8, partial=[("51", None, 0.75), ("52", None, 0.25)]),
    ),
    ("day 9: 53 partially, 54 done", dict(day=8, partial=[("53", None, 0.5)], complete=["54"])),
    ("day 10: shot 1 page of 60", dict(day=9, partial=[("60", 8, None)])),
    (
        "Day 10: shot 61 but we missed 62 and 63",
        dict(day=9, complete=["61"], not_shot=["62", "63"]),
    ),
    ("day 11 done: 70; 71 slipped", dict(day=10, complete=["70"], not_shot=["71"])),
    ("day 11: we went two hours over", dict(day=10, overtime_hours=2.0)),
    ("day 12: 3 hours of overtime", dict(day=11, overtime_hours=3.0)),
    ("day 12: overtime 45 minutes", dict(day=11, overtime_hours=0.75)),
    ("day 12: went half an hour over", dict(day=11, overtime_hours=0.5)),
    ("day 13: ran one and a half hours over", dict(day=12, overtime_hours=1.5)),
    ("day 13: 2.5h OT", dict(day=12, overtime_hours=2.5)),
    (
        "day 14: all shot, twelve extra background",
        dict(day=13, all_planned=True, extra_background=12),
    ),
    ("day 14: all done, 20 extras", dict(day=13, all_planned=True, extra_background=20)),
    (
        "day 15: made our day, a couple of additional background",
        dict(day=14, all_planned=True, extra_background=2),
    ),
    ("day 16 was rained out", dict(day=15, weather_hours=12.0)),
    (
        "day 16: lost 3 hours to the weather, shot 80",
        dict(day=15, weather_hours=3.0, complete=["80"]),
    ),
    (
        "day 17: four hours of rain delay; 81 didn't happen... never got to 82",
        dict(day=16, weather_hours=4.0, not_shot=["81", "82"]),
    ),
    (
        "day 18: all done plus pick-ups of 5 and 7",
        dict(day=17, all_planned=True, pickups=[("5", 1), ("7", 1)]),
    ),
    ("day 18: 2/8 pick-up of 9", dict(day=17, pickups=[("9", 2)])),
    ("day twenty-one wrapped: shot twenty-two", dict(day=20, complete=["22"])),
    ("day 22: shot sc. 90, scene 91 and #92", dict(day=21, complete=["90", "91", "92"])),
    (
        "day 23: shot 100 and half of 101; 102 and 103 weren't shot; 1 hour over; 5 extra "
        "background; lost 30 minutes to wind",
        dict(
            day=22,
            complete=["100"],
            partial=[("101", None, 0.5)],
            not_shot=["102", "103"],
            overtime_hours=1.0,
            extra_background=5,
            weather_hours=0.5,
        ),
    ),
]

LEFT_ROWS: list[tuple[str, dict[str, Any]]] = [
    # What a part-shot scene still needs, the way it is said on set ("2/8" is never a scene).
    (
        "Day 1 wrapped: we got 3 and most of 18, about 2/8 left",
        dict(day=0, complete=["3"], partial=[("18", None, None, 2)]),
    ),
    (
        "day 2: shot 14, 15 and 18 with a page to go",
        dict(day=1, complete=["14", "15"], partial=[("18", None, None, 8)]),
    ),
    (
        "day 2: shot 14 and all but 2/8 of 18",
        dict(day=1, complete=["14"], partial=[("18", None, None, 2)]),
    ),
    (
        "day 2 done: 14, 15; 2/8 left on 18",
        dict(day=1, complete=["14", "15"], partial=[("18", None, None, 2)]),
    ),
    (
        "day 4: 14 (3/8 remaining), 15 finished",
        dict(day=3, complete=["15"], partial=[("14", None, None, 3)]),
    ),
    (
        "day 6: shot 20, 21, 22 - half a page left on 22",
        dict(day=5, complete=["20", "21"], partial=[("22", None, None, 4)]),
    ),
    (
        "day 7: shot 5, 9 and 12, 5/8 short on 12",
        dict(day=6, complete=["5", "9"], partial=[("12", None, None, 5)]),
    ),
]
SET_ROWS: list[tuple[str, dict[str, Any]]] = [
    # More of the ways a report is said on set.
    (
        "Day 2: 7 and 8 in the can, 12 half done, lost 24",
        dict(day=1, complete=["7", "8"], partial=[("12", None, 0.5)], not_shot=["24"]),
    ),
    (
        "day 2: completed 7,8; partial 12 (4/8); 24 not started",
        dict(day=1, complete=["7", "8"], partial=[("12", 4, None)], not_shot=["24"]),
    ),
    ("day 2: 7 8 12 done, 24 moved", dict(day=1, complete=["7", "8", "12"], not_shot=["24"])),
    (
        "day 2: shot 7, 8 and 12, and picked up an insert for 3",
        dict(day=1, complete=["7", "8", "12"], pickups=[("3", 1)]),
    ),
    (
        "day two: finished seven and eight, started twelve",
        dict(day=1, complete=["7", "8"], partial=[("12", None, 0.5)]),
    ),
    (
        "day 2: 7, 8 complete. 12: 3/8 shot. 24: dropped",
        dict(day=1, complete=["7", "8"], partial=[("12", 3, None)], not_shot=["24"]),
    ),
    (
        "Day 2 wrapped 45 min late: 7, 8, 12 done; 24 not",
        dict(day=1, complete=["7", "8", "12"], not_shot=["24"], overtime_hours=0.75),
    ),
]
ROWS += LEFT_ROWS + SET_ROWS

NOT_REPORTS = [
    "show me day 3",
    "what did we shoot on day 3?",
    "are we on schedule?",
    "pin scene 12 to day 3",
    "shoot it in 18 days",
    "Maya is unavailable on day 3",
    "move scene 4 to day 2",
    "hello",
    "day 3",
    "plan it in 20 days",
]


def _expected(day: int, **fields: Any) -> DayReport:
    partial = [
        PartialScene(scene=s, eighths=e, fraction=f, left=rest[0] if rest else None)
        for s, e, f, *rest in fields.pop("partial", [])
    ]
    pickups = [PickUp(scene=s, eighths=e) for s, e in fields.pop("pickups", [])]
    return DayReport(day=day, partial=partial, pickups=pickups, **fields)


@pytest.mark.parametrize(("text", "expected"), ROWS, ids=[row[0][:40] for row in ROWS])
def test_a_report_reads_into_its_facts(text: str, expected: dict[str, Any]) -> None:
    found = parse_report(text)
    assert found is not None
    assert found.model_dump(exclude={"note"}) == _expected(**expected).model_dump(exclude={"note"})
    assert found.note == text


@pytest.mark.parametrize("text", NOT_REPORTS)
def test_other_messages_are_not_reports(text: str) -> None:
    assert parse_report(text) is None


def test_a_wrap_without_a_day_needs_the_next_day() -> None:
    assert parse_report("we wrapped: shot 4 and 5") is None
    found = parse_report("we wrapped: shot 4 and 5", next_day=6)
    assert found is not None and found.day == 6 and found.complete == ["4", "5"]


@pytest.mark.parametrize(
    ("text", "message"),
    [("day 0: shot 4", "count from day 1"), ("day 3: shot 4, 30 hours over", "overtime_hours")],
)
def test_impossible_reports_are_refused_in_words(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_report(text)


@pytest.mark.parametrize(
    ("words", "written"),
    [
        ("lost two hours", "lost 2 hours"),
        ("twenty-one extras", "21 extras"),
        ("thirty three", "33"),
        ("an hour and a half", "1.5 hours"),
        ("one and a half hours", "1.5 hours"),
        ("half an hour", "0.5 hours"),
        ("a couple of background", "2 background"),
        ("two and a quarter hours", "2.25 hours"),
        ("a pick-up of 22", "a pick-up of 22"),
    ],
)
def test_number_words_become_digits(words: str, written: str) -> None:
    assert digits(words) == written


@pytest.mark.parametrize(
    ("text", "ask"),
    [
        ("Day 3 wrapped: shot 14 and 15", "report"),
        ("day 3: shot 4, 30 hours over", "report"),
        ("are we on schedule?", "schedule"),
        ("How far behind are we?", "schedule"),
        ("what's our cost to complete?", "cost"),
        ("show me the forecast at completion", "cost"),
        ("hot costs please", "cost"),
        ("how much overtime have we paid so far?", "hot"),
        ("what hot costs do we have to date?", "hot"),
        ("what did day one cost?", "day"),
        ("show the production reports", "status"),
    ],
)
def test_the_intent_hook_reads_progress_first(text: str, ask: str) -> None:
    request = parse_intent(text)
    assert request is not None and request.kind == "progress" and request.ask == ask
    assert (request.report is not None) == (ask == "report" and request.error is None)


@pytest.mark.parametrize(
    ("text", "kind"),
    [("show me the budget", "show"), ("pin scene 12 to day 3", "what_if"), ("hello", "chat")],
)
def test_other_intents_are_left_alone(text: str, kind: str) -> None:
    request = parse_intent(text)
    assert request is not None and request.kind == kind


def test_what_a_part_shot_scene_still_needs_is_taken_from_what_was_left() -> None:
    scenes = {"3": 10}
    reports = [
        DayReport(day=0, partial=[PartialScene(scene="3", left=7)]),  # "3, 7/8 left"
        DayReport(day=1, partial=[PartialScene(scene="3", left=2)]),  # "all but 2/8 of 3"
    ]
    days = resolve_days(reports, scenes=scenes, planned={})
    assert [d.shot[0].eighths for d in days] == [3, 5]
    too_much = [DayReport(day=0, partial=[PartialScene(scene="3", left=10)])]
    with pytest.raises(ValueError, match="scene 3 had 10/8 left to shoot, so 10/8 left means"):
        resolve_days(too_much, scenes=scenes, planned={})


def test_a_report_that_adds_to_its_day_keeps_what_the_day_said() -> None:
    filed = parse_report("Day 1 wrapped: shot 3 and half of 18; 24 not shot; an hour over")
    more = parse_report("correction: on day 1 we finished 18 too, and 2 extra background")
    assert filed is not None and more is not None
    assert more.amend and not filed.amend
    merged = more.merged(filed)
    assert (merged.day, merged.complete, merged.partial, merged.not_shot) == (
        0,
        ["3", "18"],
        [],
        ["24"],
    )
    assert (merged.overtime_hours, merged.extra_background, merged.amend) == (1.0, 2, False)
    assert merged.note == f"{filed.note} / {more.note}"
    again = parse_report("scratch that, day 1: shot 3 and 18")
    assert again is not None and not again.amend, "a new report of the day replaces it"
