"""'Who works the most days, and what do they cost?': the ranking's first is the subject of the
clause after it, in one message or the next; each answer checked against the plan's records."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from graph.grammar import parse_message
from tools.parsing import read_path
from tools.plan import PlanInputs, make_plan
from tools.queries import Query, answer

Record = dict[str, Any]


@pytest.fixture(scope="module")
def record(screenplays_dir: Path) -> Record:
    script = read_path(screenplays_dir / "national-stupidity.fdx")
    return make_plan(script, PlanInputs(time_limit_s=5)).model_dump(mode="json")


@pytest.mark.parametrize(
    ("text", "measure", "aspect"),
    [
        ("who works the most days and how much do they cost?", "work", "cost"),
        ("who is the most expensive actor and how many days does she work?", "cast_cost", "days"),
        ("what is the most expensive day and what is shot on it?", "day_cost", "scenes"),
    ],
)
def test_a_pronoun_after_a_ranking_asks_of_its_first(text: str, measure: str, aspect: str) -> None:
    request = parse_message(text)
    assert request is not None
    first, then = request.queries
    assert (first.kind, first.measure, first.of_ranked) == ("rank", measure, False)
    assert (then.kind, then.measure, then.aspect, then.of_ranked) == ("rank", measure, aspect, True)


def test_the_next_message_asks_of_the_ranked_first_too() -> None:
    ranked = parse_message("who is held the longest?")
    then = parse_message("what does she cost?", previous=ranked)
    assert then is not None
    [query] = then.queries
    assert (query.measure, query.aspect, query.of_ranked) == ("hold", "cost", True)


def test_the_ranked_cast_members_cost_is_theirs(record: Record) -> None:
    top = answer(record, Query(kind="rank", measure="work")).facts["name"]
    said = answer(record, Query(kind="rank", measure="work", aspect="cost", of_ranked=True))
    theirs = answer(record, Query(kind="cast", cast=top, aspect="cost"))
    assert said.kind == "cast" and said.facts == theirs.facts
    assert top in said.text and said.text == theirs.text


def test_the_ranked_days_scenes_are_that_days(record: Record) -> None:
    top = answer(record, Query(kind="rank", measure="day_cost")).facts["name"]
    day = int(top.split()[-1]) - 1
    said = answer(record, Query(kind="rank", measure="day_cost", aspect="scenes", of_ranked=True))
    assert said.kind == "day" and said.facts["day"] == day + 1
    assert said.facts["scenes"] == record["schedule"]["days"][day]["strips"]


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        ("which is the biggest day by pages and which the smallest?", "pages"),
        ("what is the most expensive day and which is the cheapest?", "day_cost"),
        ("which day has the most pages? and the least?", "pages"),
    ],
)
def test_the_other_end_of_a_ranking_in_one_message_is_asked_too(text: str, measure: str) -> None:
    request = parse_message(text)
    assert request is not None
    assert [(q.kind, q.measure, q.least) for q in request.queries] == [
        ("rank", measure, False),
        ("rank", measure, True),
    ]
