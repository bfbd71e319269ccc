"""The grammar, one table row per phrasing (tests/grammar_rows.py), on a small lexicon."""

from __future__ import annotations

from typing import Any

import pytest

from graph.grammar import Lexicon, Request, parse_message
from graph.grammar.numbers import normalize_numbers
from graph.whatif import describe_changes
from tests.grammar_rows import FOLLOW_ROWS, ROWS

SCRIPT = {
    "scenes": [
        {
            "speakers": ["MAYA", "JONAH"],
            "non_speaking": ["DR. ELLEN PARK"],
            "location": "LIGHTHOUSE",
            "main_location": "LIGHTHOUSE",
        },
        {
            "speakers": ["TOM"],
            "location": "MILLER HOUSE - KITCHEN",
            "main_location": "MILLER HOUSE",
        },
        {"speakers": [], "location": "MAIN STREET", "main_location": "MAIN STREET"},
    ]
}
LEXICON = Lexicon.from_script(SCRIPT)


def check(request: Request | None, expected: dict[str, Any]) -> None:
    if expected.get("kind") is None:
        assert request is None, request
        return
    assert request is not None
    got = request.model_dump()
    for key, value in expected.items():
        if key == "q":
            assert request.queries, got
            first = request.queries[0].model_dump()
            assert {k: first[k] for k in value} == value, first
        elif key == "q2":
            assert len(request.queries) > 1, got
            second = request.queries[1].model_dump()
            assert {k: second[k] for k in value} == value, second
        elif key == "c":
            assert request.changes, got
            first = request.changes[0].model_dump()
            assert {k: first[k] for k in value} == value, first
        elif key in {"n", "nq"}:
            assert len(request.queries) == value, got
        else:
            assert got[key] == value, got


def test_the_table_has_enough_phrasings() -> None:
    assert len(ROWS) + len(FOLLOW_ROWS) >= 300


@pytest.mark.parametrize(("text", "expected"), ROWS, ids=[r[0][:40] or "empty" for r in ROWS])
def test_phrasing(text: str, expected: dict[str, Any]) -> None:
    check(parse_message(text, lexicon=LEXICON), expected)


@pytest.mark.parametrize(("before", "text", "expected"), FOLLOW_ROWS)
def test_follow_up(before: str, text: str, expected: dict[str, Any]) -> None:
    previous = parse_message(before, lexicon=LEXICON)
    check(parse_message(text, previous=previous, lexicon=LEXICON), expected)


@pytest.mark.parametrize(
    ("text", "normal"),
    [
        ("two fewer days", "2 fewer days"),
        ("twenty-five pages", "25 pages"),
        ("a dozen scenes", "12 scenes"),
        ("half a day", "0.5 day"),
        ("one and a half pages a day", "1.5 pages a day"),
        ("a couple of days", "2 days"),
        ("no one is free", "no one is free"),
        ("which one costs more", "which one costs more"),
        ("the first week", "the first week"),
    ],
)
def test_numbers_in_words(text: str, normal: str) -> None:
    assert normalize_numbers(text) == normal


@pytest.mark.parametrize(
    ("text", "cast"),
    [
        ("when does Patron Two come in?", "PATRON TWO"),
        ("What does Woman cost?", "WOMAN"),
        ("when does the woman start", None),
    ],
)
def test_cast_names_with_number_words_and_common_words(text: str, cast: str | None) -> None:
    lexicon = Lexicon.from_script({"scenes": [{"speakers": ["PATRON TWO", "WOMAN"]}]})
    request = parse_message(text, lexicon=lexicon)
    found = request.queries[0].cast if request and request.queries else None
    assert found == cast


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Maya can only work Mondays", "MAYA available only on Mondays"),
        ("Maya can't work Fridays", "MAYA unavailable on Fridays"),
        (
            "Jonah can only work Mondays, Tuesdays and Thursdays",
            "JONAH unavailable on Wednesdays and Fridays",
        ),
        ("Tom is only available on weekends", "TOM unavailable Monday to Friday"),
        ("Tom can't work Saturdays", "TOM unavailable on Saturdays"),
    ],
)
def test_weekday_availability_is_said_as_weekdays(text: str, said: str) -> None:
    request = parse_message(text, lexicon=LEXICON)
    assert request is not None and request.kind == "what_if"
    assert describe_changes(request.changes) == said


def test_a_pronoun_in_the_second_question_is_the_first_ones_cast() -> None:
    request = parse_message(
        "how much does Maya cost and how many days does she work?", lexicon=LEXICON
    )
    assert request is not None
    assert [(q.kind, q.cast, q.aspect) for q in request.queries] == [
        ("cast", "MAYA", "cost"),
        ("cast", "MAYA", "days"),
    ]


def test_a_location_named_in_full_is_not_a_cast_member_sharing_a_word() -> None:
    lexicon = Lexicon.from_script(
        {"scenes": [{"speakers": ["STUDIO PRESENTER"], "location": "TV NEWS STUDIO"}]}
    )
    at = parse_message("which days are we at the TV news studio?", lexicon=lexicon)
    assert at is not None and [(q.kind, q.location) for q in at.queries] == [
        ("location", "TV NEWS STUDIO")
    ]
    who = parse_message("when does the studio presenter work?", lexicon=lexicon)
    assert who is not None and [(q.kind, q.cast) for q in who.queries] == [
        ("cast", "STUDIO PRESENTER")
    ]


def test_a_days_change_and_a_tier_rate_in_one_message_are_both_read() -> None:
    request = parse_message("what if we had one more day and paid the lead 10% more?")
    assert request is not None
    assert [(c.kind, c.value, c.department, c.factor) for c in request.changes] == [
        ("days", 1.0, None, None),
        ("rate", None, "cast:lead", 1.1),
    ]
    assert describe_changes(request.changes) == "1 more shooting day; lead cast rates x 1.1"


def test_a_cast_members_start_is_not_the_shoots_start_date() -> None:
    request = parse_message("Maya can start on the 14th", lexicon=LEXICON)
    assert request is not None
    assert [c.kind for c in request.changes] == ["available"]
    shoot = parse_message("we can start on the 14th", lexicon=LEXICON)
    assert shoot is not None and [c.kind for c in shoot.changes] == ["start_date"]


def test_a_what_if_says_back_the_part_it_could_not_read() -> None:
    request = parse_message(
        "what if we shoot 5 pages a day and give the lead a week off in the middle?",
        lexicon=LEXICON,
    )
    assert request is not None and request.kind == "what_if"
    assert [c.kind for c in request.changes] == ["pages_per_day"]
    assert request.unread == ["give the lead a week off in the middle"]


def test_every_readable_what_if_in_the_table_has_nothing_unread() -> None:
    for text, expected in ROWS:
        request = parse_message(text, lexicon=LEXICON)
        if expected.get("kind") == "what_if" and request is not None:
            assert request.unread == [], text
