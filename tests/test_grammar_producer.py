"""Questions read as a producer, a line producer or a 1st AD asks them: several subjects in
one message, follow-ups that lean on the last question ("and day 10?", "and the least?",
"what does it cost?"), days said as "tomorrow", a day's company moves and who is free, and
names one slip away; the grammar on a small lexicon, and the query tools on small boards."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from graph.grammar import Lexicon, Request, parse_message
from tools.queries import Query, answer

PEOPLE = Lexicon.from_script(
    {
        "scenes": [
            {"speakers": ["MAYA", "HELEN", "ORSON"], "main_location": p, "location": p}
            for p in ("RIVERSIDE MOTEL", "POLICE STATION")
        ]
    }
)


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("how many pages do we shoot a day?", [("average", "pages", None)]),
        ("how many pages a day are we doing", [("average", "pages", None)]),
        ("how many scenes a day do we shoot?", [("average", "scenes", None)]),
        (
            "how many days does ORSON work, and HELEN?",
            [("cast", "days", "ORSON"), ("cast", "days", "HELEN")],
        ),
        ("when do MAYA and HELEN start?", [("cast", "start", "MAYA"), ("cast", "start", "HELEN")]),
        ("what does maya cost per day?", [("cast", "cost", "MAYA")]),
        ("what's Orson's day rate?", [("cast", "cost", "ORSON")]),
    ],
)
def test_questions_read_as_a_producer_asks_them(
    text: str, asked: list[tuple[str, str | None, str | None]]
) -> None:
    request = parse_message(text, lexicon=PEOPLE)
    assert request is not None and request.kind == "question"
    got = [
        (q.kind, q.measure if q.kind == "average" else q.aspect, q.cast) for q in request.queries
    ]
    assert got == asked
    # A cast member's cost "a day" is their line broken down (days x the day rate).
    per_day = "per day" in text or "rate" in text
    assert all(q.why == per_day for q in request.queries if q.kind == "cast")


@pytest.mark.parametrize(
    ("before", "text", "expected"),
    [
        ("is helen working on day 9?", "and day 10?", ("cast", "on_day", "HELEN", 9)),
        ("is MAYA free on day 6?", "day 8?", ("cast", "free_on_day", "MAYA", 7)),
        ("what's on day 4?", "and day 5?", ("day", "scenes", None, 4)),
    ],
)
def test_a_day_follow_up_keeps_the_person_asked_about(
    before: str, text: str, expected: tuple[str, str, str | None, int]
) -> None:
    previous = parse_message(before, lexicon=PEOPLE)
    request = parse_message(text, previous=previous, lexicon=PEOPLE)
    assert request is not None
    [q] = request.queries
    assert (q.kind, q.aspect, q.cast, q.day) == expected


def test_a_location_follow_up_asks_the_same_of_the_new_site() -> None:
    previous = parse_message("how much does the motel cost us?", lexicon=PEOPLE)
    request = parse_message("and the police station?", previous=previous, lexicon=PEOPLE)
    assert request is not None
    [q] = request.queries
    assert (q.kind, q.aspect, q.location) == ("location", "cost", "POLICE STATION")


@pytest.mark.parametrize(
    "text", ["and the police station?", "also the police station", "or the police station?"]
)
def test_a_site_after_an_unrelated_question_is_what_is_shot_there(text: str) -> None:
    previous = parse_message("do we shoot on saturdays?", lexicon=PEOPLE)
    request = parse_message(text, previous=previous, lexicon=PEOPLE)
    assert request is not None and request.kind == "question"
    [q] = request.queries
    assert (q.kind, q.aspect, q.location) == ("location", "all", "POLICE STATION")


@pytest.mark.parametrize(
    "text",
    [
        "do we shoot on Saturdays?",
        "are we on six-day weeks?",
        "do we work sundays",
        "any weekends?",
    ],
)
def test_a_question_about_the_week_is_no_change_to_it(text: str) -> None:
    request = parse_message(text, lexicon=PEOPLE)
    assert request is not None and request.kind == "question" and not request.changes
    assert [(q.kind, q.measure) for q in request.queries] == [("total", "weekends")]


@pytest.mark.parametrize(
    "text",
    [
        "what if we shoot Saturdays too?",
        "let's shoot six-day weeks",
        "what if we shoot 6 days a week?",
        "what if we shoot six days a week?",
        "what if we work 6 days per week",
    ],
)
def test_a_change_of_the_week_is_still_a_what_if(text: str) -> None:
    request = parse_message(text, lexicon=PEOPLE)
    assert request is not None and [(c.kind, c.value) for c in request.changes] == [
        ("week_days", 6)
    ]


def test_a_number_of_days_without_a_week_is_the_shoots_length() -> None:
    request = parse_message("what if we shoot it in 6 days?", lexicon=PEOPLE)
    assert request is not None and [(c.kind, c.value) for c in request.changes] == [("days", 6)]


@pytest.mark.parametrize(
    ("before", "text", "expected"),
    [
        ("when is scene 40 shot", "and 41?", {"kind": "scene", "aspect": "days", "scene": "41"}),
        ("who is in scene 12?", "what about 12A?", {"kind": "scene", "scene": "12A"}),
        ("what does day 3 cost?", "and 7?", {"kind": "day", "aspect": "cost", "day": 6}),
        (
            "which day has the most pages?",
            "and the least?",
            {"kind": "rank", "measure": "pages", "least": True},
        ),
        (
            "who's the cheapest actor?",
            "and the most expensive?",
            {"kind": "rank", "measure": "cast_cost", "least": False},
        ),
        (
            "what's the most expensive day?",
            "and the cheapest one?",
            {"kind": "rank", "measure": "day_cost", "least": True},
        ),
    ],
)
def test_a_bare_number_or_the_other_end_follows_the_last_question(
    before: str, text: str, expected: dict[str, Any]
) -> None:
    previous = parse_message(before, lexicon=PEOPLE)
    request = parse_message(text, previous=previous, lexicon=PEOPLE)
    assert request is not None
    [q] = request.queries
    assert {k: getattr(q, k) for k in expected} == expected


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("what's on days 3 and 4?", [("day", 2, None), ("day", 3, None)]),
        ("what do days 3 and 4 cost?", [("day", 2, None), ("day", 3, None)]),
        ("what do scenes 12 and 14 need?", [("scene", None, "12"), ("scene", None, "14")]),
        (
            "who is in scenes 5, 6 and 7?",
            [("scene", None, "5"), ("scene", None, "6"), ("scene", None, "7")],
        ),
    ],
)
def test_a_list_of_days_or_scenes_asks_of_each(
    text: str, asked: list[tuple[str, int | None, str | None]]
) -> None:
    request = parse_message(text, lexicon=PEOPLE)
    assert request is not None and request.kind == "question"
    assert [(q.kind, q.day, q.scene) for q in request.queries] == asked
    assert len({q.aspect for q in request.queries}) == 1


DATED = {
    "schedule": {
        "days": [{"date": iso, "strips": []} for iso in ("2027-03-04", "2027-03-05", "2027-03-08")]
    },
    "problem": {"strips": []},
    "budget": {"lines": [], "accounts": []},
}


@pytest.mark.parametrize(
    ("when", "today", "day", "text"),
    [
        ("tomorrow", date(2027, 3, 3), 1, "Day 1 (Thursday 4 March 2027)"),
        ("today", date(2027, 3, 5), 2, "Day 2 (Friday 5 March 2027)"),
        # Saturday is no shooting day on these weeks: the next one is said instead.
        ("tomorrow", date(2027, 3, 5), None, "the next one is day 3 (Monday 8 March 2027)"),
        ("tomorrow", date(2027, 3, 8), None, "the shoot wraps on day 3"),
    ],
)
def test_today_and_tomorrow_are_read_from_the_boards_dates(
    when: str, today: date, day: int | None, text: str
) -> None:
    found = answer(DATED, Query(kind="day", when=when, aspect="date"), today=today)  # type: ignore[arg-type]
    assert text in found.text
    assert found.found == (day is not None)
    if day is not None:
        assert found.facts["day"] == day
    undated = {**DATED, "schedule": {"days": [{"strips": []}]}}
    plain = answer(undated, Query(kind="day", when=when), today=today)  # type: ignore[arg-type]
    assert not plain.found and "no calendar dates" in plain.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("whos working tomorrow", ("day", "cast", None, "tomorrow")),
        ("what are we shooting tomorow?", ("day", "all", None, "tomorrow")),
        ("is maya working today?", ("cast", "on_day", "MAYA", "today")),
        ("what's day 3's date?", ("day", "date", None, None)),
    ],
)
def test_a_day_said_as_today_or_tomorrow(
    text: str, expected: tuple[str, str, str | None, str | None]
) -> None:
    request = parse_message(text, lexicon=PEOPLE)
    assert request is not None and request.kind == "question"
    [q] = request.queries
    assert (q.kind, q.aspect, q.cast, q.when) == expected


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("when does the shoot start?", 0),
        ("when do we start shooting?", 0),
        ("what's the start date?", 0),
        ("when do we wrap?", -1),
    ],
)
def test_the_first_and_last_day_are_dates(text: str, day: int) -> None:
    request = parse_message(text, lexicon=PEOPLE)
    assert request is not None and request.kind == "question" and not request.changes
    assert [(q.kind, q.day, q.aspect) for q in request.queries] == [("day", day, "date")]


@pytest.mark.parametrize(
    "text", ["how much more is that?", "what does that do to the budget?", "what's the damage?"]
)
def test_the_cost_of_a_what_if_just_made_is_its_two_versions_compared(text: str) -> None:
    made = Request(kind="what_if", outcome={"version": 4, "from_version": 3})
    request = parse_message(text, previous=made, lexicon=PEOPLE)
    assert request is not None and (request.kind, request.versions) == ("compare", [3, 4])
    assert not request.explain
    # After a question it is no comparison.
    asked = parse_message("what does day 3 cost?", lexicon=PEOPLE)
    later = parse_message(text, previous=asked, lexicon=PEOPLE)
    assert later is None or later.kind != "compare"


NAMES = Lexicon.from_script(
    {"scenes": [{"speakers": ["ORSON", "HELEN", "WALTER", "DR. OKAFOR", "PATRONS THREE"]}]}
)


@pytest.mark.parametrize(
    ("text", "cast"),
    [
        ("how much does orsen cost", "ORSON"),
        ("when does hellen start", "HELEN"),
        ("when is orsen's last day?", "ORSON"),
        ("when does okafur finish?", "DR. OKAFOR"),
    ],
)
def test_a_name_one_slip_away_is_that_cast_member(text: str, cast: str) -> None:
    request = parse_message(text, lexicon=NAMES)
    assert request is not None and [q.cast for q in request.queries] == [cast]


@pytest.mark.parametrize(
    "text", ["which scenes need water?", "is there anything on a weekend?", "what about there?"]
)
def test_a_word_a_slip_from_a_name_stays_a_word(text: str) -> None:
    assert NAMES.misspelt(text) == text


@pytest.mark.parametrize(
    ("before", "text", "expected"),
    [
        ("", "where are we on day twelve, and what does it cost?", ("day", "cost", 11, None)),
        ("what's on day 12?", "what does it cost?", ("day", "cost", 11, None)),
        (
            "when are we at the motel?",
            "and what does it cost?",
            ("location", "cost", None, "RIVERSIDE MOTEL"),
        ),
        ("how many days?", "what does it cost?", None),  # the film's cost: the budget
    ],
)
def test_what_it_costs_is_the_day_or_place_just_named(
    before: str, text: str, expected: tuple[str, str, int | None, str | None] | None
) -> None:
    previous = parse_message(before, lexicon=PEOPLE) if before else None
    request = parse_message(text, previous=previous, lexicon=PEOPLE)
    assert request is not None
    if expected is None:
        assert not any(q.kind in {"day", "location"} for q in request.queries)
        return
    q = request.queries[-1]
    assert (q.kind, q.aspect, q.day, q.location) == expected


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("how many company moves on day 5?", 4),
        ("does day 3 have a company move?", 2),
        ("is there a company move on day 7?", 6),
    ],
)
def test_a_days_company_moves_are_asked_of_that_day(text: str, day: int) -> None:
    request = parse_message(text, lexicon=PEOPLE)
    assert request is not None and request.kind == "question"
    assert [(q.kind, q.aspect, q.day) for q in request.queries] == [("day", "moves", day)]


def test_a_days_company_moves_are_said_between_its_sites() -> None:
    strips = [
        {"id": "1", "location": "BELL HOUSE", "eighths": 8, "cast": []},
        {"id": "2", "location": "LIGHTHOUSE", "eighths": 8, "cast": []},
    ]
    plan = {
        "schedule": {
            "days": [
                {"strips": ["1", "2"], "company_moves": 1},
                {"strips": ["2"], "company_moves": 0},
            ]
        },
        "problem": {"strips": strips},
        "budget": {"lines": [], "accounts": []},
    }
    moved = answer(plan, Query(kind="day", day=0, aspect="moves"))
    assert moved.text == "Day 1 has 1 company move: BELL HOUSE to LIGHTHOUSE."
    stays = answer(plan, Query(kind="day", day=1, aspect="moves"))
    assert stays.text == "Day 2 has no company move: it stays at LIGHTHOUSE."


@pytest.mark.parametrize("text", ["and scene 14?", "what about 14 too?"])
def test_a_scene_after_a_cut_is_cut_too(text: str) -> None:
    previous = parse_message("what if we cut scene 12?", lexicon=PEOPLE)
    request = parse_message(text, previous=previous, lexicon=PEOPLE)
    assert request is not None and request.kind == "what_if" and not request.instead
    assert [(c.kind, c.scene) for c in request.changes] == [("omit", "14")]
    # After a question about a scene, it is the same question of the next one.
    asked = parse_message("when is scene 12 shot?", lexicon=PEOPLE)
    again = parse_message(text, previous=asked, lexicon=PEOPLE)
    assert again is not None and again.kind == "question"


@pytest.mark.parametrize("text", ["who's free on day 4?", "who is off on day 4?"])
def test_who_is_free_on_a_day_is_who_does_not_work_it(text: str) -> None:
    request = parse_message(text, lexicon=PEOPLE)
    assert request is not None
    assert [(q.kind, q.aspect, q.day) for q in request.queries] == [("day", "free", 3)]

    plan = {
        "schedule": {"days": [{"strips": ["1"]}, {"strips": ["1"]}]},
        "problem": {"strips": [{"id": "1", "location": "PIER", "eighths": 8, "cast": ["MAYA"]}]},
        "budget": {"lines": [], "accounts": []},
        "dood": {
            "rows": [
                {"name": "MAYA", "codes": ["SW", "WF"]},
                {"name": "JONAH", "codes": ["SW", "H", "WF"]},
                {"name": "TOM", "codes": ["", "", "SWF"]},
            ]
        },
    }
    said = answer(plan, Query(kind="day", day=1, aspect="free")).text
    assert said == (
        "Day 2 does not work 2 cast members; held (paid, not called): JONAH; "
        "not on the payroll that day: TOM."
    )


@pytest.mark.parametrize(
    ("text", "hours"),
    [("any 12 hour days?", 12), ("do we have 12-hour days?", 12), ("are there 10 hour days", 10)],
)
def test_asking_for_days_of_some_hours_is_no_change_to_the_day(text: str, hours: int) -> None:
    request = parse_message(text, lexicon=PEOPLE)
    assert request is not None and request.kind == "question" and not request.changes
    assert [(q.measure, q.hours) for q in request.queries] == [("long_days", hours)]
    # Said as a change, the day's length is still set.
    change = parse_message("what if we shoot 10-hour days?", lexicon=PEOPLE)
    assert change is not None and [(c.kind, c.value) for c in change.changes] == [
        ("hours_per_day", 10)
    ]


@pytest.mark.parametrize(
    ("text", "hours"),
    [
        ("which days are over ten hours and which are over eleven?", [10.0, 11.0]),
        ("which days run over 11 hours and which over 12?", [11.0, 12.0]),
        ("which days are longer than 10 hours? and 11?", [10.0, 11.0]),
    ],
)
def test_a_second_length_in_one_message_is_asked_too(text: str, hours: list[float]) -> None:
    request = parse_message(text, lexicon=PEOPLE)
    assert request is not None and request.kind == "question" and not request.changes
    assert [(q.measure, q.hours) for q in request.queries] == [("long_days", h) for h in hours]


def test_a_bare_length_follows_a_long_days_question_and_nothing_else() -> None:
    first = parse_message("which days go over 10 hours?", lexicon=PEOPLE)
    again = parse_message("and 11?", previous=first, lexicon=PEOPLE)
    assert again is not None and [(q.measure, q.hours) for q in again.queries] == [
        ("long_days", 11.0)
    ]
    scene = parse_message("when is scene 4 shot?", lexicon=PEOPLE)
    other = parse_message("and 11?", previous=scene, lexicon=PEOPLE)
    assert other is not None and [(q.kind, q.scene) for q in other.queries] == [("scene", "11")]
