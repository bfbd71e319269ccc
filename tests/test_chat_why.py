"""A bare "why?" after an answer, the board's weekends, and a lost location's follow-up: the
real graph and tools over several turns, with a fake model injected through the context (its
wording is never what is checked: the facts are, worked out here from the plan records)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from graph.grammar import Lexicon, Request, parse_message
from graph.providers import ModelSet
from tests.test_graph import assistant, provider, turn, upload

Record = dict[str, Any]


def _day_parts(plan: Record, day: int) -> dict[str, float]:
    """A day's share of each account, summed here from the budget lines."""
    names = {a["code"]: a["name"] for a in plan["budget"]["accounts"]}
    n_days = len(plan["schedule"]["days"])
    parts: dict[str, float] = {}
    for line in plan["budget"]["lines"]:
        days = [d for d in line.get("days") or [] if 0 <= d < n_days]
        if day in days:
            name = names[line["account"]]
            parts[name] = parts.get(name, 0.0) + float(line["amount"]) / len(days)
    return parts


def _moves(plan: Record) -> int:
    return sum(int(d.get("company_moves") or 0) for d in plan["schedule"]["days"])


def _holds(plan: Record) -> int:
    return sum(row["codes"].count("H") for row in plan["dood"]["rows"])


async def test_why_explains_a_day_a_cast_member_and_a_what_if(
    tmp_path: Path, screenplays_dir: Path
) -> None:
    models = ModelSet(local=provider("fake", replies=["Here it is."] * 12))
    async with assistant(tmp_path, models) as a:
        first = await turn(a, "", upload(screenplays_dir))
        plan = first.plan
        assert plan is not None

        nothing = await turn(a, "why?")  # after the first plan: no figure to break down
        assert nothing.facts["answers"][0]["kind"] == "why"
        assert "I can explain what a day costs" in nothing.answer

        await turn(a, "what does day 2 cost?")
        why = await turn(a, "why?")
        [answer] = why.facts["answers"]
        parts = _day_parts(plan, 1)
        assert answer["facts"]["day"] == 2
        assert answer["facts"]["parts"] == pytest.approx(parts, abs=0.01)
        assert answer["facts"]["cost"] == pytest.approx(sum(parts.values()), abs=0.05)
        assert answer["facts"]["scenes"] == len(plan["schedule"]["days"][1]["strips"])

        await turn(a, "who is the most expensive actor?")
        come = await turn(a, "how come?")
        [answer] = come.facts["answers"]
        cast = [
            ln
            for ln in plan["budget"]["lines"]
            if ln["account"] == "1300" and "fringe" not in (ln.get("tags") or [])
        ]
        top = max(float(ln["amount"]) for ln in cast)
        dearest = {
            ln["description"].split(" (")[0]: ln for ln in cast if float(ln["amount"]) == top
        }
        assert answer["facts"]["name"] in dearest
        line = dearest[answer["facts"]["name"]]
        assert answer["facts"]["rate"] == [float(line["rate"])]
        assert answer["facts"]["quantity"] == [float(line["quantity"])]
        assert float(line["rate"]) * float(line["quantity"]) == pytest.approx(top, abs=0.01)

        longer = await turn(a, "what if we shoot it in one more day?")
        assert longer.version == 2 and longer.plan is not None
        drove = await turn(a, "why is that?")
        assert drove.request is not None and drove.request["explain"]
        [answer] = drove.facts["answers"]
        facts = answer["facts"]
        assert (facts["days_before"], facts["days_after"]) == (
            len(plan["schedule"]["days"]),
            len(longer.plan["schedule"]["days"]),
        )
        assert (facts["moves_before"], facts["moves_after"]) == (_moves(plan), _moves(longer.plan))
        assert (facts["holds_before"], facts["holds_after"]) == (_holds(plan), _holds(longer.plan))
        delta = float(longer.plan["budget"]["likely"]) - float(plan["budget"]["likely"])
        assert facts["total_delta"] == pytest.approx(delta, abs=0.01)
        assert "What drove it" in drove.answer

        failed = await turn(a, "what if we shoot it in 0.5 days?")
        assert failed.version == 2
        again = await turn(a, "why?")
        said = [n for n in failed.facts.get("notices") or []]
        assert said and all(n in again.answer for n in said)


async def test_weekends_are_read_from_the_board_and_not_re_planned(
    tmp_path: Path, screenplays_dir: Path
) -> None:
    async with assistant(tmp_path, ModelSet()) as a:
        await turn(a, "", upload(screenplays_dir))
        plain = await turn(a, "do we shoot on Saturdays?")
        assert plain.version == 1 and plain.request is not None
        assert plain.request["kind"] == "question"
        assert plain.facts["answers"][0]["facts"]["weekend_days"] == []
        assert "5-day weeks" in plain.answer

        six = await turn(a, "we start shooting on Monday March 1st 2027 and shoot six-day weeks")
        assert six.plan is not None and six.version == 2
        dates = [date.fromisoformat(d["date"]) for d in six.plan["schedule"]["days"]]
        saturdays = [i + 1 for i, d in enumerate(dates) if d.weekday() >= 5]
        for asked in ("is there anything on a weekend?", "any weekend days?"):
            answer = await turn(a, asked)
            assert answer.version == 2
            facts = answer.facts["answers"][0]["facts"]
            assert facts["work_days_per_week"] == 6
            assert facts["weekend_days"] == saturdays
            assert facts["first_date"] == dates[0].isoformat()


LEXICON = Lexicon.from_script(
    {
        "scenes": [
            {"speakers": ["MAYA"], "main_location": place, "location": place}
            for place in ("ST. JUDE'S HOSPITAL", "POLICE STATION", "RIVERSIDE MOTEL")
        ]
    }
)


@pytest.mark.parametrize(
    "text", ["why?", "Why is that?", "how come?", "but why", "what's driving that?", "explain"]
)
def test_a_bare_why_asks_the_last_questions_again_for_their_parts(text: str) -> None:
    before = parse_message("what does day 12 cost?", lexicon=LEXICON)
    request = parse_message(text, previous=before, lexicon=LEXICON)
    assert request is not None and request.kind == "question"
    assert [(q.kind, q.day, q.why) for q in request.queries] == [("day", 11, True)]


@pytest.mark.parametrize(
    "text", ["why do we shoot at night?", "why not day 3?", "how come MAYA is held?"]
)
def test_a_why_with_its_own_subject_is_not_a_bare_why(text: str) -> None:
    before = parse_message("what does day 12 cost?", lexicon=LEXICON)
    request = parse_message(text, previous=before, lexicon=LEXICON)
    assert request is None or not any(q.why for q in request.queries)


def test_why_after_a_what_if_compares_the_versions_it_made() -> None:
    before = Request(kind="what_if", outcome={"version": 5, "from_version": 1})
    request = parse_message("why?", previous=before, lexicon=LEXICON)
    assert request is not None and (request.kind, request.versions) == ("compare", [1, 5])
    assert request.explain


def test_a_lost_location_follow_up_loses_that_site() -> None:
    lost = Request(kind="question", topic="outside", text="what if we lose the hospital?")
    for text, site in (
        ("and the police station?", "police station"),
        ("what about the motel", "motel"),
    ):
        request = parse_message(text, previous=lost, lexicon=LEXICON)
        assert request is not None and request.topic == "outside"
        assert request.text == f"what if we lose the {site}?"
    # Not after another outside question, and not for something that is no place.
    weather = Request(kind="question", topic="outside", text="what's the weather like?")
    request = parse_message("and the police station?", previous=weather, lexicon=LEXICON)
    assert request is None or request.text != "what if we lose the police station?"
    request = parse_message("and the cost?", previous=lost, lexicon=LEXICON)
    assert request is None or request.text != "what if we lose the cost?"


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


@pytest.mark.parametrize("text", ["what if we shoot Saturdays too?", "let's shoot six-day weeks"])
def test_a_change_of_the_week_is_still_a_what_if(text: str) -> None:
    request = parse_message(text, lexicon=PEOPLE)
    assert request is not None and [(c.kind, c.value) for c in request.changes] == [
        ("week_days", 6)
    ]


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
    from tools.queries import Query, answer

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
    from tools.queries import Query, answer

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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("why is day 32 so expensive?", ("day", 31, None, None)),
        ("why does maya cost so much?", ("cast", None, "MAYA", None)),
        ("why is the cast so expensive?", ("account", None, None, "cast")),
        ("how come catering is so high?", ("account", None, None, "catering")),
        ("why are we 38 days?", ("total", None, None, None)),
        ("why is the shoot so long?", ("total", None, None, None)),
    ],
)
def test_a_why_question_asks_what_its_figure_is_made_of(
    text: str, expected: tuple[str, int | None, str | None, str | None]
) -> None:
    request = parse_message(text, lexicon=PEOPLE)
    assert request is not None and request.kind == "question" and not request.changes
    [q] = request.queries
    assert q.why and (q.kind, q.day, q.cast, q.account) == expected


def test_why_not_is_still_a_proposal() -> None:
    request = parse_message("why not shoot it in 30 days?", lexicon=PEOPLE)
    assert request is not None and request.kind == "what_if"
    assert [(c.kind, c.value) for c in request.changes] == [("days", 30)]


def test_what_fills_the_days_is_said_from_the_board() -> None:
    from tools.queries import Query, answer

    strips = [
        {"id": str(i), "location": "BELL HOUSE", "eighths": e, "cast": []}
        for i, e in enumerate((20, 12, 4))
    ]
    days = [
        {"strips": ["0"], "day_minutes": 720, "company_moves": 0, "lighting": "DAY"},
        {"strips": ["1"], "day_minutes": 600, "company_moves": 1, "lighting": "NIGHT"},
        {"strips": ["2"], "day_minutes": 710, "company_moves": 0, "lighting": "DAY"},
    ]
    plan = {
        "schedule": {"days": days},
        "problem": {"strips": strips, "options": {"day_minutes": 720}},
        "budget": {"lines": [], "accounts": []},
    }
    found = answer(plan, Query(kind="total", measure="days", why=True))
    # 36 eighths over 3 days: 4 4/8 pages, 12 eighths (1 4/8) a day; days 1 and 3 are within
    # 15 minutes of 720; one night; one move.
    assert found.facts == {
        "days": 3,
        "eighths": 36,
        "full_days": [1, 3],
        "nights": 1,
        "moves": 1,
        "day_minutes": 720.0,
    }
    assert "4 4/8 pages, 1 4/8 a day on average" in found.text


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

    from tools.queries import Query, answer

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
