"""Questions the plan cannot answer: said honestly, and a lost location says how to re-home
its scenes in words the chat reads."""

from __future__ import annotations

import pytest

from graph.answers import outside_answer
from graph.intents import parse_intent

SCRIPT = {
    "scenes": [
        {"number": "4", "main_location": "RIVERSIDE MOTEL"},
        {"number": "5", "main_location": "WAREHOUSE"},
        {"number": "6", "main_location": "RIVERSIDE MOTEL"},
        {"number": "9", "main_location": "WAREHOUSE"},
    ]
}


@pytest.mark.parametrize(
    ("text", "place", "scene", "other"),
    [
        ("what if we lose the warehouse location?", "WAREHOUSE", "5", "riverside motel"),
        ("what if the motel falls through?", "RIVERSIDE MOTEL", "4", "warehouse"),
        ("we can't get the riverside motel", "RIVERSIDE MOTEL", "4", "warehouse"),
    ],
)
def test_a_lost_location_says_where_to_put_its_scenes(
    text: str, place: str, scene: str, other: str
) -> None:
    answer = outside_answer(text, SCRIPT)
    assert answer["found"] is False
    assert answer["text"].startswith(f"Losing {place} is not a change I can re-plan by itself")
    assert f'"scene {scene} is at the {other}"' in answer["text"]
    # The two phrasings it suggests are ones the chat reads as re-plans.
    stage = answer["text"].split('"')[1]
    site = answer["text"].split('"')[3]
    for said in (stage, site):
        request = parse_intent(said)
        assert request is not None and request.kind == "what_if", said
        assert request.changes[0].kind in {"stage", "sites"}


def test_anything_else_is_the_plain_outside_answer() -> None:
    for text in ("what's the weather like in Prague?", "we lose an hour to rain"):
        answer = outside_answer(text, SCRIPT)
        assert answer["text"].startswith("I don't have that: it is not in the script or the plan.")


def test_a_weekly_cap_for_one_person_says_how_to_give_their_days_instead() -> None:
    from graph.grammar.lexicon import Lexicon

    lexicon = Lexicon.from_script({"scenes": [{"speakers": ["ORSON", "MAYA"]}]})
    text = "Orson can only work three days a week"
    request = parse_intent(text, lexicon=lexicon)
    assert request is not None and request.topic == "outside", "not a 3-day shoot"
    answer = outside_answer(request.text, SCRIPT)
    assert answer["text"].startswith("A cap on how many days a week one person works")
    # The phrasings it suggests are ones the chat reads as re-plans.
    for said in answer["text"].split('"')[1::2]:
        suggested = parse_intent(said, lexicon=lexicon)
        assert suggested is not None and suggested.kind == "what_if", said
    shoot = parse_intent("what if we shoot six days a week?", lexicon=lexicon)
    assert shoot is not None and shoot.changes[0].kind == "week_days"
