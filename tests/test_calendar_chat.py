"""The shoot's calendar in the chat: the start date read from what people say and put on weeks
of Monday to Friday, availability said in weekdays ("can't work Fridays") or in dates ("can't
work from the 14th"), and six-day weeks (Saturdays dated and paid at the sixth-day premium):
the real graph and tools, a fake model."""

from __future__ import annotations

import math
from datetime import date, timedelta
from pathlib import Path

import pytest

from graph.grammar.dates import start_date_changes
from graph.grammar.model import Change
from graph.inforce import chosen, resolve_changes
from graph.intents import parse_intent
from graph.providers import ModelSet
from graph.whatif import apply_changes, describe_changes
from tests.test_graph import assistant, provider, turn
from tools.parsing import read_script
from tools.plan import PlanInputs, make_plan
from tools.schedule import calendar_dates
from tools.schedule.calendar import day_of_month_index, shooting_weekdays

TODAY = date(2026, 12, 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("we start shooting on March 1st 2027", "2027-03-01"),
        ("start date is 2027-03-01", "2027-03-01"),
        ("start date: 2027-03-01", "2027-03-01"),
        ("Principal photography begins Monday, 1 March 2027", "2027-03-01"),
        ("day one is the third of May", "2027-05-03"),
        ("what if we start on the 3rd of May?", "2027-05-03"),
        ("shooting starts June 7", "2027-06-07"),
        ("lets begin shooting on April 5", "2027-04-05"),
        ("we start shooting on the 20-first of June 2027", "2027-06-21"),
        ("we start on December 14", "2026-12-14"),  # this year's is still ahead
        ("we start on the 14th", "2026-12-14"),
        ("what if we start shooting on the 1st?", "2026-12-01"),  # today counts
        ("we start on November 3", "2027-11-03"),  # this year's is past: next year's
        ("we start shooting February 30", None),  # said, but no date: answered in words
    ],
)
def test_start_dates_are_read_as_people_say_them(text: str, expected: str | None) -> None:
    changes = start_date_changes(text, today=TODAY)
    assert [c.kind for c in changes] == ["start_date"]
    assert changes[0].date == expected


@pytest.mark.parametrize("text", ["when do we start?", "Maya starts on day 4", "start over"])
def test_other_starts_are_not_start_dates(text: str) -> None:
    assert start_date_changes(text, today=TODAY) == []


def test_weeks_run_monday_to_friday_from_any_start() -> None:
    # A Wednesday start: Wednesday to Friday, then Monday on (not five days in a row).
    days = calendar_dates("2027-03-03", 6)
    assert [d.isoformat() for d in days] == [
        "2027-03-03", "2027-03-04", "2027-03-05", "2027-03-08", "2027-03-09", "2027-03-10",
    ]  # fmt: skip
    # A Saturday start shoots that Saturday, then the weeks go on from Monday.
    assert [d.weekday() for d in calendar_dates("2027-03-06", 3)] == [5, 0, 1]
    assert shooting_weekdays(None, 7) == [0, 1, 2, 3, 4, 0, 1]
    assert shooting_weekdays("2027-03-03", 4) == [2, 3, 4, 0]


def test_a_day_of_the_month_is_a_shooting_day_on_the_calendar() -> None:
    # From Monday 1 March 2027: days 0-4 are 1-5 March, days 5-9 are 8-12 March, day 10 the 15th.
    assert day_of_month_index("2027-03-01", 14, edge="first") == 10  # a Sunday: the Monday after
    assert day_of_month_index("2027-03-01", 14, edge="before") == 9  # the Friday before
    assert day_of_month_index("2027-03-01", 10, edge="last") == 7
    assert day_of_month_index("2027-03-01", 10, edge="before") == 6
    # The 14th after a start on the 20th is next month's.
    assert day_of_month_index("2027-03-20", 14, edge="first") > 15
    with pytest.raises(ValueError, match="32th"):
        day_of_month_index("2027-03-01", 32, edge="first")


SCRIPT_RECORD = {"scenes": [{"number": "1", "speakers": ["MAYA"]}]}


def test_availability_in_dates_follows_the_start_date_whenever_it_is_set() -> None:
    gone = Change(kind="available", actor="MAYA", to_day=12, to_of_month=14, to_before=True)
    start = Change(kind="start_date", date="2027-03-01")
    # Without a start date "the 14th" is day 14; the start date makes it 14 March, in either
    # order of the two changes.
    plain = apply_changes({}, [gone], SCRIPT_RECORD)
    assert plain["unavailable"]["MAYA"][0] == 13
    for changes in ([start, gone], [gone, start]):
        dated = apply_changes({}, changes, SCRIPT_RECORD)
        assert dated["start_date"] == "2027-03-01"
        assert dated["unavailable"]["MAYA"][0] == 10  # Monday 15 March, the first day after
    # On six-day weeks Saturday 13 March is a shooting day: the last one before the 14th.
    six = apply_changes({}, [start, gone, Change(kind="week_days", value=6)], SCRIPT_RECORD)
    assert six["unavailable"]["MAYA"][0] == 12
    assert describe_changes([start, gone]) == (
        "shooting starts Monday 1 March 2027; MAYA unavailable from the 14th"
    )


def test_a_start_date_that_is_no_date_is_refused_in_words() -> None:
    with pytest.raises(ValueError, match="February 30 is not a calendar date"):
        apply_changes({}, [Change(kind="start_date", hint="February 30")], SCRIPT_RECORD)


SCRIPT = """Title: Dates

INT. MILLER HOUSE - KITCHEN - DAY

Maya pours coffee.

MAYA
Morning.

EXT. OLD PIER - DAY

Maya waits.

MAYA
Here.

INT. HARBOR OFFICE - DAY

Ben reads.

BEN
Late again.

EXT. LIGHTHOUSE - DAY

Maya climbs.

MAYA
Up.
"""


async def test_a_start_date_dates_the_board_and_weekdays_follow_it(tmp_path: Path) -> None:
    path = tmp_path / "dates.fountain"
    path.write_text(SCRIPT, encoding="utf-8")
    async with assistant(tmp_path, ModelSet(local=provider("fake", replies=["Done."]))) as a:
        await turn(a, "", [{"name": path.name, "path": str(path)}])
        dated = await turn(a, "we start shooting on Wednesday March 3rd 2027")
        assert "Day 1 is Wednesday 3 March 2027" in dated.answer
        current = await a.context.plans.current("t1")
        assert current is not None and current.inputs["start_date"] == "2027-03-03"
        days = current.plan["schedule"]["days"]
        assert days[0]["date"] == "2027-03-03"
        assert all(date.fromisoformat(d["date"]).weekday() < 5 for d in days)

        # Day 1 is a Wednesday now (on weeks from a Monday it would be day 3).
        off = await turn(a, "what if MAYA can't work Wednesdays?")
        assert "MAYA unavailable on Wednesdays" in off.answer, off.answer
        current = await a.context.plans.current("t1")
        assert current is not None
        assert current.inputs["unavailable_weekdays"] == {"MAYA": [2]}
        for day in current.plan["schedule"]["days"]:
            if any(s in day["strips"] for s in ("1", "2", "4")):  # MAYA's scenes
                assert date.fromisoformat(day["date"]).weekday() != 2, day


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("what if we shoot six-day weeks?", "week_days", 6),
        ("what if we shoot Saturdays too?", "week_days", 6),
        ("back to five-day weeks", "week_days", 5),
        ("shoot it in 6 days", "days", 6),
    ],
)
def test_six_day_weeks_are_weeks_not_days(text: str, kind: str, value: int) -> None:
    request = parse_intent(text)
    assert request is not None and [(c.kind, c.value) for c in request.changes] == [(kind, value)]


@pytest.mark.parametrize(
    ("text", "week", "picked"),
    [
        ("what would it cost to shoot five day weeks versus six?", 5, 6),
        ("what would it cost to shoot five day weeks versus six?", 6, 5),
        ("6-day weeks or 5-day weeks, which is cheaper?", 5, 6),
        ("how about 5-day weeks instead of 6", 6, 5),
    ],
)
def test_a_choice_of_weeks_re_plans_the_one_the_plan_does_not_have(
    text: str, week: int, picked: int
) -> None:
    request = parse_intent(text)
    assert request is not None and request.kind == "what_if"
    [change] = chosen(request.changes, {"work_days_per_week": week})
    assert (change.kind, change.value, change.other) == ("week_days", picked, None)


def test_six_day_weeks_date_saturdays_and_pay_their_premium(screenplays_dir: Path) -> None:
    data = (screenplays_dir / "national-stupidity.fdx").read_bytes()
    script = read_script(data, filename="national-stupidity.fdx")
    five = make_plan(script, PlanInputs(start_date="2027-03-01", time_limit_s=5))
    six = make_plan(
        script, PlanInputs(start_date="2027-03-01", work_days_per_week=6, time_limit_s=5)
    )
    dates = [date.fromisoformat(d.date or "") for d in six.schedule.days]
    saturdays = [i for i, d in enumerate(dates) if d.weekday() == 5]
    assert saturdays and saturdays == list(range(5, len(dates), 6))
    premium = [line for line in six.budget.lines if line.description == "Sixth-day premium"]
    assert len(premium) == 1 and premium[0].days == saturdays
    assert not any(line.description == "Sixth-day premium" for line in five.budget.lines)
    # Editorial runs by shoot weeks: six-day weeks are fewer weeks.
    weeks = {
        n: next(line.quantity for line in plan.budget.lines if line.account == "3000")
        for n, plan in ((5, five), (6, six))
    }
    post = 12
    assert weeks[5] == math.ceil(len(five.schedule.days) / 5) + post
    assert weeks[6] == math.ceil(len(six.schedule.days) / 6) + post


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("what if we start a week later?", 7),
        ("push the start back two weeks", 14),
        ("start 3 days earlier", -3),
        ("bring the start forward a week", -7),
        ("delay the start by 10 days", 10),
    ],
)
def test_a_start_moved_by_days_or_weeks(text: str, days: int) -> None:
    request = parse_intent(text)
    assert request is not None
    assert [(c.kind, c.value, c.relative) for c in request.changes] == [("start_date", days, True)]
    moved = resolve_changes(request.changes, {"start_date": "2027-03-01"}, 12)
    assert moved[0].date == (date(2027, 3, 1) + timedelta(days=days)).isoformat()
    with pytest.raises(ValueError, match="no start date to move"):
        resolve_changes(request.changes, {}, 12)


def test_a_moved_start_is_said_in_weeks_or_days() -> None:
    week = Change(kind="start_date", value=7, relative=True)
    days = Change(kind="start_date", value=-3, relative=True)
    assert describe_changes([week, days]) == "start 1 week later; start 3 days earlier"
