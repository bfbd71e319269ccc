"""A producer's board totals: what the nights cost, what the stunts cost, which days run over
some hours, and the days off between shooting days; the grammar on phrasings a producer
uses, and the query tools on small boards whose figures are worked out here by hand."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bench.scriptfmt import to_fountain
from bench.scriptgen import GenOptions, generate
from graph.grammar import Lexicon, parse_message
from graph.providers import ModelSet
from tests.test_graph import assistant, turn, upload
from tools.queries import Query, answer

PEOPLE = Lexicon.from_script(
    {"scenes": [{"speakers": ["MAYA", "ORSON"], "main_location": "DINER", "location": "DINER"}]}
)


@pytest.mark.parametrize(
    ("text", "measure", "hours"),
    [
        ("how much do the nights cost?", "night_cost", None),
        ("what do the night shoots cost us?", "night_cost", None),
        ("what are we spending on nights?", "night_cost", None),
        ("how expensive is the night work?", "night_cost", None),
        ("what does the stunt work cost?", "stunt_cost", None),
        ("how much are the stunts?", "stunt_cost", None),
        ("what are we paying for stunt performers?", "stunt_cost", None),
        ("which days go over 11 hours?", "long_days", 11.0),
        ("which days are longer than 10 hours?", "long_days", 10.0),
        ("any days over eleven hours?", "long_days", 11.0),
        ("do any shoots run past 12 hours?", "long_days", 12.0),
        ("do we have a day off?", "days_off", None),
        ("when are the days off?", "days_off", None),
        ("are there any rest days?", "days_off", None),
        ("how many days off do we get?", "days_off", None),
        ("when do we get a break?", "days_off", None),
        ("when is our next break?", "days_off", None),
        ("do we get any breaks?", "days_off", None),
        ("what's the stunt budget?", "stunt_cost", None),
        ("is there a day off after the nights?", "turnaround", None),
    ],
)
def test_a_producers_board_total_is_read(text: str, measure: str, hours: float | None) -> None:
    request = parse_message(text, lexicon=PEOPLE)
    assert request is not None and request.kind == "question"
    [query] = request.queries
    assert (query.kind, query.measure, query.hours) == ("total", measure, hours)


def test_a_lunch_break_is_not_a_day_off() -> None:
    request = parse_message("do we get a lunch break?", lexicon=PEOPLE)
    assert request is None or all(q.measure != "days_off" for q in request.queries)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("what does day 12 cost?", "day"),
        ("when is MAYA off?", "cast"),
        ("which scenes have stunts?", "category"),
        ("how many nights do we have?", "total"),
    ],
)
def test_a_day_a_person_or_a_list_is_still_theirs(text: str, kind: str) -> None:
    request = parse_message(text, lexicon=PEOPLE)
    assert request is not None and request.queries
    query = request.queries[0]
    assert query.kind == kind
    assert query.measure not in {"night_cost", "stunt_cost", "long_days", "days_off"}


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("how much is the night premium?", "night premium"),
        ("what do the generators cost?", "generator"),
        ("what's the night lighting costing us?", "night lighting"),
    ],
)
def test_a_night_line_asked_by_name_is_that_budget_line(text: str, words: str) -> None:
    request = parse_message(text, lexicon=PEOPLE)
    assert request is not None
    assert [(q.kind, q.account) for q in request.queries] == [("account", words)]


def test_the_night_premium_line_is_its_amount() -> None:
    got = answer(BOARD, Query(kind="account", account="night premium"))
    assert got.kind == "line" and got.facts["total"] == pytest.approx(300.0)


def _line(description: str, amount: float, days: list[int], tags: list[str]) -> dict[str, Any]:
    return {
        "account": "2000",
        "description": description,
        "amount": amount,
        "days": days,
        "tags": tags,
    }


def _board(
    lighting: list[str],
    minutes: list[float],
    lines: list[dict[str, Any]],
    *,
    dates: list[str] | None = None,
    week: int = 5,
) -> dict[str, Any]:
    days = [
        {
            "index": d,
            "strips": [],
            "lighting": light,
            "shoot_minutes": minutes[d] - 30,
            "move_minutes": 30.0,
            "day_minutes": minutes[d],
            "date": dates[d] if dates else None,
        }
        for d, light in enumerate(lighting)
    ]
    return {
        "schedule": {"days": days},
        "problem": {"strips": [], "options": {"work_days_per_week": week}},
        "budget": {"currency": "USD", "accounts": [], "lines": lines},
    }


LINES = [
    _line("Crew every day", 1000.0, [0, 1, 2, 3], ["daily", "crew"]),
    _line("Night premium", 300.0, [1, 2], ["crew"]),
    _line("Generator on day 2", 90.0, [1], ["daily"]),
    _line("stunts: day players", 400.0, [0], ["daily", "crew", "stunts"]),
    _line("Road closure per stunt scene", 120.0, [3], []),
    _line("Screenplay rights", 5000.0, [], []),
]
BOARD = _board(["DAY", "NIGHT", "SPLIT", "DAY"], [600.0, 690.0, 661.0, 720.0], LINES)


def test_the_nights_cost_is_the_night_days_share_of_the_day_lines() -> None:
    got = answer(BOARD, Query(kind="total", measure="night_cost"))
    # Days 2 and 3 have night work: each 250 of the crew line and 150 of the premium, and
    # day 2 the 90 generator.
    assert got.facts["night_days"] == 2 and got.facts["days"] == [2, 3]
    assert got.facts["value"] == pytest.approx(250 + 150 + 90 + 250 + 150)
    assert got.facts["night_lines"] == pytest.approx(300.0)
    assert "$890" in got.text and "days 2-3" in got.text and "Night premium $300" in got.text


def test_no_nights_no_night_cost() -> None:
    board = _board(["DAY", "DAY"], [600.0, 600.0], LINES[:1])
    got = answer(board, Query(kind="total", measure="night_cost"))
    assert got.facts["night_days"] == 0 and "no night work" in got.text


def test_the_stunts_cost_is_the_stunt_lines() -> None:
    got = answer(BOARD, Query(kind="total", measure="stunt_cost"))
    assert got.facts["value"] == pytest.approx(400 + 120) and got.facts["lines"] == 2
    assert [r["line"] for r in got.rows] == ["stunts: day players", "Road closure per stunt scene"]
    assert "$520" in got.text and "scenes" not in got.text.split(":")[0]


def test_no_stunt_lines_is_said() -> None:
    got = answer(_board(["DAY"], [600.0], LINES[:1]), Query(kind="total", measure="stunt_cost"))
    assert got.facts["value"] == 0 and "no stunt lines" in got.text


@pytest.mark.parametrize(
    ("hours", "days"),
    [(11.0, [2, 3, 4]), (10.0, [2, 3, 4]), (9.5, [1, 2, 3, 4]), (11.5, [4]), (12.0, [])],
)
def test_the_days_over_some_hours_are_their_shooting_and_moves(
    hours: float, days: list[int]
) -> None:
    # The days run 10 h, 11 h 30, 11 h 01 and 12 h: exactly the figure is not over it.
    got = answer(BOARD, Query(kind="total", measure="long_days", hours=hours))
    assert got.facts["days"] == days and got.facts["value"] == len(days)
    assert [r["day"] for r in got.rows] == days
    if not days:
        assert "No day runs over 12 hours" in got.text and "day 4 at 12 h" in got.text
    else:
        assert got.text.startswith(f"{len(days)} day")


def test_the_days_off_on_undated_five_and_six_day_weeks() -> None:
    five = _board(["DAY"] * 12, [600.0] * 12, [])
    got = answer(five, Query(kind="total", measure="days_off"))
    # Days 1-5 Monday to Friday, the weekend, days 6-10, the weekend, days 11-12.
    assert got.facts["after_days"] == [5, 10] and got.facts["value"] == 4
    assert "after day 5, 2 days (the weekend)" in got.text and "no dates yet" in got.text
    assert got.facts["longest_run"] == 5 and "without a day off is 5 (days 1-5)" in got.text
    six = _board(["DAY"] * 8, [600.0] * 8, [], week=6)
    got = answer(six, Query(kind="total", measure="days_off"))
    assert got.facts["after_days"] == [6] and got.facts["value"] == 1
    assert "after day 6, 1 day (Sunday)" in got.text


def test_the_days_off_on_a_dated_board_are_its_calendar_gaps() -> None:
    dates = ["2027-03-01", "2027-03-02", "2027-03-04", "2027-03-08"]
    board = _board(["DAY"] * 4, [600.0] * 4, [], dates=dates)
    got = answer(board, Query(kind="total", measure="days_off"))
    # Wednesday 3 March, then Friday 5 to Sunday 7 March.
    assert got.facts["after_days"] == [2, 3] and got.facts["value"] == 4
    assert got.facts["dated"] is True and got.facts["longest_run"] == 2
    assert "after day 2, 1 day (Wed 3 Mar)" in got.text
    assert "after day 3, 3 days (Fri 5 Mar, Sat 6 Mar and Sun 7 Mar)" in got.text
    assert got.rows[1]["dates"] == "2027-03-05, 2027-03-06, 2027-03-07"


def test_back_to_back_days_have_no_day_off() -> None:
    board = _board(["DAY"] * 3, [600.0] * 3, [])
    got = answer(board, Query(kind="total", measure="days_off"))
    assert got.facts["value"] == 0 and "no day off" in got.text
    assert got.facts["longest_run"] == 3


async def test_the_chat_answers_the_board_totals_from_the_plan_records(tmp_path: Path) -> None:
    script = generate(GenOptions(scenes=40, pages=30, sites=True, seed=3))
    (tmp_path / "gen.fountain").write_text(to_fountain(script.title_page, script.blocks()))
    async with assistant(tmp_path, ModelSet()) as a:
        plan = (await turn(a, "", upload(tmp_path, "gen.fountain"))).plan
        assert plan is not None
        days, lines = plan["schedule"]["days"], plan["budget"]["lines"]
        share = [0.0] * len(days)
        for line in lines:
            on = [d for d in line.get("days") or [] if 0 <= d < len(days)]
            for d in on:
                share[d] += float(line["amount"]) / len(on)
        nights = [i for i, d in enumerate(days) if d["lighting"] in {"NIGHT", "SPLIT"}]

        said = (await turn(a, "how much do the nights cost?")).facts["answers"][0]["facts"]
        assert nights and said["night_days"] == len(nights)
        assert said["days"] == [d + 1 for d in nights]
        assert said["value"] == pytest.approx(sum(share[d] for d in nights), abs=0.05 * len(days))

        said = (await turn(a, "how much are the stunts?")).facts["answers"][0]["facts"]
        stunts = [ln for ln in lines if "stunts" in (ln.get("tags") or [])]
        stunts += [ln for ln in lines if ln not in stunts and "stunt" in ln["description"].lower()]
        assert stunts and said["lines"] == len(stunts)
        assert said["value"] == pytest.approx(sum(float(ln["amount"]) for ln in stunts))

        said = (await turn(a, "which days go over 11 hours?")).facts["answers"][0]["facts"]
        long = [i + 1 for i, d in enumerate(days) if d["shoot_minutes"] + d["move_minutes"] > 660]
        assert long and said["days"] == long and said["value"] == len(long)

        said = (await turn(a, "do we have a day off?")).facts["answers"][0]["facts"]
        off = [i + 1 for i, d in enumerate(days) if d["day_off_after"]]
        assert off and said["after_days"] == off


@pytest.mark.parametrize(
    ("text", "hours"),
    [
        ("are any days longer than 12 hours?", 12.0),
        ("do any days go over 11 hours?", 11.0),
        ("do we ever work six days in a row?", None),
        ("how many days straight do we shoot?", None),
    ],
)
def test_asking_for_days_over_some_hours_is_no_what_if(text: str, hours: float | None) -> None:
    request = parse_message(text, lexicon=PEOPLE)
    assert request is not None and request.kind == "question" and not request.changes
    measure = "long_days" if hours else "days_off"  # days in a row: the runs between days off
    assert [(q.measure, q.hours) for q in request.queries] == [(measure, hours)]


@pytest.mark.parametrize(
    ("text", "kind"),
    [("what if we shoot 12 hour days?", "hours_per_day"), ("what if we had 11 days?", "days")],
)
def test_a_change_of_the_days_is_still_a_what_if(text: str, kind: str) -> None:
    request = parse_message(text, lexicon=PEOPLE)
    assert request is not None and request.kind == "what_if"
    assert [c.kind for c in request.changes] == [kind]


@pytest.mark.parametrize(
    ("before", "text", "measure"),
    [
        ("how much do the nights cost?", "and the stunts?", "stunt_cost"),
        ("how much do the nights cost?", "what about the stunts?", "stunt_cost"),
        ("how much are the stunts?", "and the night shoots?", "night_cost"),
    ],
)
def test_the_other_cost_follows_the_last(before: str, text: str, measure: str) -> None:
    previous = parse_message(before, lexicon=PEOPLE)
    request = parse_message(text, previous=previous, lexicon=PEOPLE)
    assert request is not None
    assert [(q.kind, q.measure) for q in request.queries] == [("total", measure)]


def test_a_list_of_stunt_scenes_after_a_cost_is_still_the_list() -> None:
    previous = parse_message("how much do the nights cost?", lexicon=PEOPLE)
    request = parse_message("which scenes have stunts?", previous=previous, lexicon=PEOPLE)
    assert request is not None
    assert [(q.kind, q.category) for q in request.queries] == [("category", "stunts")]
