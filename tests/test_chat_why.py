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
    {"scenes": [{"speakers": ["MAYA", "HELEN"], "main_location": "MOTEL", "location": "MOTEL"}]}
)


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
