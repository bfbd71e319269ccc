"""A week, a range of days and the nights' runs, as a 1st AD asks them: the grammar reads the
question, the query tool answers from the board's own days."""

from __future__ import annotations

import pytest

from graph.grammar import parse_message
from graph.grammar.lexicon import Lexicon
from tools.queries import Query, answer


def _board(lighting: str, week: int = 5) -> dict:
    """A plan whose day d has lighting[d] (D, N or S) and one scene of one page, 'S<d+1>' at
    site 'SITE<d+1>'; `week` shooting days a week."""
    names = {"D": "DAY", "N": "NIGHT", "S": "SPLIT"}
    strips = [
        {"id": f"S{d + 1}", "lighting": names[c], "location": f"SITE{d + 1}", "eighths": 8}
        for d, c in enumerate(lighting)
    ]
    days = [
        {"index": d, "strips": [f"S{d + 1}"], "lighting": names[c]} for d, c in enumerate(lighting)
    ]
    options = {"work_days_per_week": week}
    return {"schedule": {"days": days}, "problem": {"strips": strips, "options": options}}


def _ask(text: str, previous=None) -> list[Query]:
    request = parse_message(text, previous=previous)
    assert request is not None and request.kind == "question", (text, request)
    return request.queries


@pytest.mark.parametrize(
    "text",
    [
        "how many nights in a row do we shoot?",
        "what's the longest run of nights?",
        "when do nights start?",
        "when do we go onto nights?",
        "are the nights together?",
        "how many consecutive nights are there?",
    ],
)
def test_questions_about_the_nights_runs_read_as_runs(text: str) -> None:
    assert _ask(text) == [Query(kind="total", measure="night_runs")]


@pytest.mark.parametrize(
    "text",
    [
        "move the nights to the end",
        "can we shoot all the nights in one block?",
        "can we have the nights back to back?",
        "put the nights first",
    ],
)
def test_moving_or_grouping_the_nights_is_answered_with_the_board(text: str) -> None:
    assert _ask(text) == [Query(kind="total", measure="night_block")]


def test_the_runs_name_the_start_the_longest_run_and_the_last_night() -> None:
    got = answer(_board("DDNNNDNN"), Query(kind="total", measure="night_runs"))
    assert got.facts["runs"] == [[3, 4, 5], [7, 8]] and got.facts["longest"] == 3
    assert "Nights start on day 3 of 8" in got.text
    assert "5 nights in 2 runs: days 3-5 (3 nights) and days 7-8 (2 nights)" in got.text
    assert "The longest run is 3 nights in a row (days 3-5)" in got.text
    assert "the last night is day 8" in got.text


def test_split_days_count_as_night_work_in_a_run() -> None:
    got = answer(_board("DSND"), Query(kind="total", measure="night_runs"))
    assert got.facts["runs"] == [[2, 3]] and "all 2 nights in one run: days 2-3" in got.text


def test_a_request_to_move_the_nights_says_there_is_no_rule_and_what_the_board_does() -> None:
    got = answer(_board("DNNDN"), Query(kind="total", measure="night_block"))
    assert got.text.startswith("I can't re-plan to a rule for where the nights go")
    assert "days 2-3 (2 nights) and day 5 (1 night)" in got.text
    assert "Not one block; the nights end the shoot." in got.text
    one = answer(_board("NNDDD"), Query(kind="total", measure="night_block"))
    assert "One block; the shoot ends on day 5." in one.text


def test_no_nights_says_so() -> None:
    got = answer(_board("DDD"), Query(kind="total", measure="night_runs"))
    assert got.text == "The plan has no night work."


@pytest.mark.parametrize(
    ("text", "query"),
    [
        ("what are we shooting next week?", Query(kind="span", week=2)),
        ("give me week two", Query(kind="span", week=2)),
        ("what does the third week cost?", Query(kind="span", week=3)),
        ("what's in the last week?", Query(kind="span", week=-1)),
        ("show me days 6 to 10", Query(kind="span", days=[5, 6, 7, 8, 9])),
        ("what are days 3-4?", Query(kind="span", days=[2, 3])),
        ("show me the first 2 weeks", Query(kind="span", days=list(range(10)))),
    ],
)
def test_weeks_and_ranges_of_days_read_as_spans(text: str, query: Query) -> None:
    assert _ask(text) == [query]


def test_the_week_after_follows_the_last_span() -> None:
    first = parse_message("what are we shooting next week?")
    assert _ask("and the week after?", first) == [Query(kind="span", week=3)]
    days = parse_message("show me days 6 to 10")
    assert _ask("and the week after?", days) == [Query(kind="span", days=list(range(10, 15)))]
    assert _ask("and the week before?", days) == [Query(kind="span", days=list(range(5)))]


@pytest.mark.parametrize(
    ("text", "query"),
    [
        ("is there a night shoot in the first week?", Query(kind="span", week=1, lighting="NIGHT")),
        ("any nights in week 2?", Query(kind="span", week=2, lighting="NIGHT")),
        (
            "do we have any night work in the first week?",
            Query(kind="span", week=1, lighting="NIGHT"),
        ),
        (
            "are there nights on days 1 to 5?",
            Query(kind="span", days=[0, 1, 2, 3, 4], lighting="NIGHT"),
        ),
    ],
)
def test_nights_in_a_span_ask_that_spans_nights(text: str, query: Query) -> None:
    assert _ask(text) == [query]
    assert _ask("and the week after?", parse_message(text))[0].lighting == "NIGHT"


def test_a_spans_nights_are_named_or_said_to_be_elsewhere() -> None:
    board = _board("DDDDSNNN", week=3)
    first = answer(board, Query(kind="span", week=1, lighting="NIGHT"))
    assert first.text == "No: week 1 (days 1-3) has no night work; the board's nights are days 5-8."
    assert first.facts["nights"] == []
    second = answer(board, Query(kind="span", week=2, lighting="NIGHT"))
    assert second.facts["nights"] == [5, 6]
    assert second.text == (
        "Yes: week 2 (days 4-6) has 2 nights; day 5 (a split day): S5 at SITE5; day 6: S6 at SITE6."
    )
    none = answer(_board("DDD"), Query(kind="span", days=[0, 1], lighting="NIGHT"))
    assert none.text == "No: days 1-2 have no night work; the board has none."


def test_a_week_is_the_boards_week_and_each_day_is_named() -> None:
    got = answer(_board("DDDDDNNN", week=3), Query(kind="span", week=2))
    assert got.facts["days"] == [4, 5, 6] and got.facts["scenes"] == 3
    assert got.text.startswith("Week 2 (days 4-6): 3 scenes, 3 pages,")
    assert "Day 4: S4 at SITE4; Day 5: S5 at SITE5; Day 6 (nights): S6 at SITE6." in got.text
    assert [r["day"] for r in got.rows] == [4, 5, 6]


def test_the_last_week_is_cut_at_the_end_of_the_plan() -> None:
    got = answer(_board("DDDDDDD"), Query(kind="span", week=-1))
    assert got.text.startswith("Week 2 (days 6-7; the plan ends on day 7)")
    past = answer(_board("DDD"), Query(kind="span", week=3))
    assert not past.found and "week 3 (days 11-15) is past the end" in past.text


def test_the_last_days_count_from_the_end() -> None:
    got = answer(_board("DDDDD"), Query(kind="span", days=[-2, -1]))
    assert got.facts["days"] == [4, 5]


@pytest.mark.parametrize(
    ("text", "query"),
    [
        (
            "how many night exteriors are there?",
            Query(kind="scenes", lighting="NIGHT", int_ext="EXT"),
        ),
        ("how many exterior nights?", Query(kind="scenes", lighting="NIGHT", int_ext="EXT")),
        ("which locations do we go back to?", Query(kind="total", measure="revisits")),
        ("how many cast days do we have?", Query(kind="total", measure="cast_days")),
    ],
)
def test_counts_that_read_as_the_wrong_count_before(text: str, query: Query) -> None:
    assert _ask(text) == [query]


def test_cast_days_add_every_part_s_work_days() -> None:
    plan = _board("DD")
    plan["dood"] = {
        "rows": [{"name": "A", "work_days": 2, "hold_days": 1}, {"name": "B", "work_days": 1}]
    }
    got = answer(plan, Query(kind="total", measure="cast_days"))
    assert got.facts["value"] == 3
    assert got.text == "The cast has 3 work days in all across 2 parts, plus 1 hold day."


def test_a_location_names_its_days() -> None:
    got = answer(_board("DDD"), Query(kind="location", location="site2"))
    assert "(on 1 day: day 2)" in got.text


@pytest.mark.parametrize(
    ("text", "query"),
    [
        ("who finishes first?", Query(kind="rank", measure="finish", least=True)),
        ("who wraps last?", Query(kind="rank", measure="finish")),
        ("who's the first to start?", Query(kind="rank", measure="start", least=True)),
        ("who starts last?", Query(kind="rank", measure="start")),
        ("what day do we move to the courthouse?", Query(kind="location", location="courthouse")),
    ],
)
def test_cast_ends_and_moves_to_a_place(text: str, query: Query) -> None:
    assert _ask(text) == [query]


@pytest.mark.parametrize(
    ("text", "scenes"),
    [
        ("drop scene twelve", ["12"]),
        ("what if we cut scenes 40 and 41?", ["40", "41"]),
        ("lose scene 12a", ["12A"]),
        ("shoot it without scene 7", ["7"]),
        ("what do we save if we cut scene 30?", ["30"]),
    ],
)
def test_cutting_a_scene_is_a_what_if(text: str, scenes: list[str]) -> None:
    request = parse_message(text)
    assert request is not None and request.kind == "what_if"
    assert [(c.kind, c.scene) for c in request.changes] == [("omit", s) for s in scenes]


@pytest.mark.parametrize(
    ("text", "scenes"),
    [
        ("put scene 40 back", ["40"]),
        ("restore scene 12", ["12"]),
        ("bring back scenes 7 and 8", ["7", "8"]),
    ],
)
def test_putting_a_cut_scene_back_is_a_what_if(text: str, scenes: list[str]) -> None:
    request = parse_message(text)
    assert request is not None and request.kind == "what_if"
    assert [(c.kind, c.scene) for c in request.changes] == [("restore", s) for s in scenes]


def test_a_sites_cost_is_its_own_budget_lines() -> None:
    lexicon = Lexicon.from_script({"scenes": [{"site": "BELL HOUSE"}]})
    asked = parse_message("how much does the bell house cost us?", lexicon=lexicon)
    assert asked is not None
    assert asked.queries[0] == Query(kind="location", location="BELL HOUSE", aspect="cost")
    plan = _board("DDD")
    site = plan["problem"]["strips"][0].get("site") or "SITE1"
    plan["budget"] = {
        "lines": [
            {"description": f"{site}: practical fee", "amount": 5000.0, "source": "days 1-2"},
            {"description": f"{site}: set-up", "amount": 1500.0, "source": "1 visit block(s)"},
            {"description": "OTHER: practical fee", "amount": 9999.0, "source": "day 3"},
        ]
    }
    got = answer(plan, Query(kind="location", location=site, aspect="cost"))
    assert got.facts["cost"] == 6500.0
    assert got.text.startswith(f"{site} costs $6,500 in the budget: practical fee $5,000")


def test_who_finishes_first_reads_the_dood() -> None:
    plan = _board("DDDD")
    plan["dood"] = {
        "rows": [
            {"name": "A", "start_day": 0, "finish_day": 3},
            {"name": "B", "start_day": 1, "finish_day": 1},
        ]
    }
    first = answer(plan, Query(kind="rank", measure="finish", least=True))
    assert first.text == "The first to finish is B: day 2."
    last = answer(plan, Query(kind="rank", measure="start"))
    assert last.text == "The last to start is B: day 2."


@pytest.mark.parametrize(
    ("text", "account"),
    [
        ("how much is the camera department?", "camera"),
        ("what's the crew costing us?", "crew"),
    ],
)
def test_an_account_asked_in_a_producer_s_words(text: str, account: str) -> None:
    assert _ask(text) == [Query(kind="account", account=account)]


@pytest.mark.parametrize(
    ("text", "aspect", "day"),
    [
        ("is MAYA working on day 10?", "on_day", 9),
        ("does MAYA work day 3?", "on_day", 2),
        ("is MAYA called on day 4?", "on_day", 3),
        ("is MAYA on hold on day 12?", "held_on_day", 11),
        ("is MAYA held on day 7?", "held_on_day", 6),
    ],
)
def test_a_yes_no_question_about_one_person_on_one_day(text: str, aspect: str, day: int) -> None:
    request = parse_message(text)
    assert request is not None and request.kind == "question"
    (query,) = request.queries
    assert (query.kind, query.cast, query.day, query.aspect) == ("cast", "MAYA", day, aspect)
    # "who works day 4?" stays the day's cast.
    other = parse_message("who is working on day 4?")
    assert other is not None and other.queries[0].kind == "day"


def test_when_do_we_wrap_a_place_is_that_places_days() -> None:
    lexicon = Lexicon.from_script({"scenes": [{"site": "BELL HOUSE"}]})
    place = parse_message("when do we wrap the bell house?", lexicon=lexicon)
    assert place is not None and place.queries[0].kind == "location"
    assert place.queries[0].location == "BELL HOUSE"
    shoot = parse_message("when do we wrap?", lexicon=lexicon)
    assert shoot is not None and (shoot.queries[0].kind, shoot.queries[0].day) == ("day", -1)
