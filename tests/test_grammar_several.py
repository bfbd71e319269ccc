"""Several changes in one message, each read from its own clause (tests/test_grammar.py's
lexicon: MAYA, JONAH, DR. ELLEN PARK, TOM)."""

from __future__ import annotations

import pytest

from graph.grammar import parse_message
from graph.grammar.numbers import normalize_numbers
from tests.test_grammar import LEXICON

CASES = [
    (
        "what if Maya costs 20% more and we finish a day early?",
        [("rate", "MAYA", 1.2), ("days", None, -1.0)],
    ),
    (
        "Maya ten percent cheaper, and Jonah 5% more",
        [("rate", "MAYA", 0.9), ("rate", "JONAH", 1.05)],
    ),
    ("raise the crew by 10% and Maya by 20%", [("rate", "crew", 1.1), ("rate", "MAYA", 1.2)]),
    ("Maya and Jonah cost 20% more", [("rate", "MAYA", 1.2), ("rate", "JONAH", 1.2)]),
    (
        "Jonah at $3,000 a day and Maya at $2,000 a day",
        [("rate", "JONAH", 3000.0), ("rate", "MAYA", 2000.0)],
    ),
    ("10% cheaper cast and 5% more crew", [("rate", "cast", 0.9), ("rate", "crew", 1.05)]),
    ("what if Maya and the crew cost 10% more?", [("rate", "MAYA", 1.1), ("rate", "crew", 1.1)]),
    (
        "what if Maya is out on day 3 and the cast is 10% cheaper",
        [("unavailable", "MAYA", None), ("rate", "cast", 0.9)],
    ),
    ("Tom must wrap by day 8", [("available", "TOM", None)]),
]


def _brief(change) -> tuple:
    if change.kind == "rate":
        return ("rate", change.actor or change.department, change.factor or change.value)
    if change.kind == "days":
        return ("days", None, change.value)
    return (change.kind, change.actor, None)


@pytest.mark.parametrize(("text", "want"), CASES, ids=[c[0][:40] for c in CASES])
def test_each_clause_gives_its_own_change(text: str, want: list[tuple]) -> None:
    request = parse_message(normalize_numbers(text), lexicon=LEXICON)
    assert request is not None and request.kind == "what_if", request
    assert sorted(map(_brief, request.changes), key=str) == sorted(want, key=str)
