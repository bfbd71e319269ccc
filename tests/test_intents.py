"""The deterministic intent parser, one table row per phrasing a producer or AD would use."""

from __future__ import annotations

from typing import Any

import pytest

from graph.intent_patterns import parse_budget_cap, parse_days, parse_versions
from graph.intents import parse_intent


def _summary(text: str) -> dict[str, Any] | None:
    request = parse_intent(text)
    return None if request is None else request.model_dump(exclude_defaults=True, exclude={"text"})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", {"kind": "plan"}),
        ("Plan this script", {"kind": "plan"}),
        ("schedule it", {"kind": "plan"}),
        ("hi", {"kind": "chat"}),
        ("thanks!", {"kind": "chat"}),
        ("show the schedule", {"kind": "show", "view": "schedule"}),
        ("Show me the stripboard", {"kind": "show", "view": "stripboard"}),
        ("dood please", {"kind": "show", "view": "dood"}),
        ("day out of days", {"kind": "show", "view": "dood"}),
        ("budget", {"kind": "show", "view": "budget"}),
        ("show me the top sheet", {"kind": "show", "view": "budget"}),
        ("what are the savings", {"kind": "show", "view": "savings"}),
        ("give me the summary", {"kind": "show", "view": "summary"}),
        ("Shoot it in 18 days", {"kind": "what_if", "changes": [{"kind": "days", "value": 18}]}),
        (
            "what if we only have 20 shooting days?",
            {"kind": "what_if", "changes": [{"kind": "days", "value": 20}]},
        ),
        (
            "Let's do 5 pages a day",
            {"kind": "what_if", "changes": [{"kind": "pages_per_day", "value": 5}]},
        ),
        (
            "Maya is unavailable the first week",
            {
                "kind": "what_if",
                "changes": [{"kind": "unavailable", "actor": "MAYA", "days": [0, 1, 2, 3, 4]}],
            },
        ),
        (
            "Tom can't work days 3 to 5",
            {
                "kind": "what_if",
                "changes": [{"kind": "unavailable", "actor": "TOM", "days": [2, 3, 4]}],
            },
        ),
        (
            "Ana is not available on day 2 and 4",
            {
                "kind": "what_if",
                "changes": [{"kind": "unavailable", "actor": "ANA", "days": [1, 3]}],
            },
        ),
        (
            "pin scene 12 to day 3",
            {"kind": "what_if", "changes": [{"kind": "pin", "scene": "12", "days": [2]}]},
        ),
        (
            "shoot scene 4A on day 1",
            {"kind": "what_if", "changes": [{"kind": "pin", "scene": "4A", "days": [0]}]},
        ),
        (
            "what if the bridge stunt moves to the stage",
            {"kind": "what_if", "changes": [{"kind": "stage", "hint": "bridge"}]},
        ),
        (
            "move scene 14 to the stage",
            {"kind": "what_if", "changes": [{"kind": "stage", "scene": "14"}]},
        ),
        (
            "We have $400k: what do we cut?",
            {"kind": "what_if", "changes": [{"kind": "budget_cap", "value": 400000}]},
        ),
        (
            "Budget cap is $2.5M",
            {"kind": "what_if", "changes": [{"kind": "budget_cap", "value": 2500000}]},
        ),
        (
            "Shoot it in 18 days and pin scene 2 to day 1",
            {
                "kind": "what_if",
                "changes": [
                    {"kind": "days", "value": 18},
                    {"kind": "pin", "scene": "2", "days": [0]},
                ],
            },
        ),
        ("compare version 2 and 3", {"kind": "compare", "versions": [2, 3]}),
        ("Compare versions 1, 2 and 3", {"kind": "compare", "versions": [1, 2, 3]}),
        ("what changed?", {"kind": "compare"}),
        ("go back to version 2", {"kind": "revert", "versions": [2]}),
        ("revert to v1", {"kind": "revert", "versions": [1]}),
        ("undo that", {"kind": "revert"}),
        (
            "Who is in scene 12?",
            {
                "kind": "question",
                "scene": "12",
                "queries": [{"kind": "scene", "scene": "12", "aspect": "cast"}],
            },
        ),
        (
            "which scenes have animals",
            {
                "kind": "question",
                "category": "animals",
                "queries": [{"kind": "category", "category": "animals"}],
            },
        ),
        (
            "Which scenes have stunts?",
            {
                "kind": "question",
                "category": "stunts",
                "queries": [{"kind": "category", "category": "stunts"}],
            },
        ),
        (
            "what scenes have kids in them",
            {
                "kind": "question",
                "category": "minors",
                "queries": [{"kind": "category", "category": "minors"}],
            },
        ),
        (
            "export the schedule as a spreadsheet",
            {"kind": "export", "view": "schedule", "export_format": "xlsx"},
        ),
        ("download the DOOD as csv", {"kind": "export", "view": "dood", "export_format": "csv"}),
        ("export budget json", {"kind": "export", "view": "budget", "export_format": "json"}),
        ("Estimate the cost of an AI-generated shot, 10 seconds", {"kind": "render_cost"}),
        (
            "Can we shoot with 10-hour days?",
            {"kind": "what_if", "changes": [{"kind": "hours_per_day", "value": 10.0}]},
        ),
        (
            "what if we shoot 11 hours a day",
            {"kind": "what_if", "changes": [{"kind": "hours_per_day", "value": 11.0}]},
        ),
        (
            "why is day 4 so long?",
            {"kind": "question", "queries": [{"kind": "day", "day": 3, "aspect": "minutes"}]},
        ),
        ("What do you think of the second act?", None),
    ],
)
def test_parse_intent(text: str, expected: dict[str, Any] | None) -> None:
    assert _summary(text) == expected


@pytest.mark.parametrize(
    ("fragment", "days"),
    [
        ("the first week", [0, 1, 2, 3, 4]),
        ("the second week", [5, 6, 7, 8, 9]),
        ("week 3", [10, 11, 12, 13, 14]),
        ("days 3-5", [2, 3, 4]),
        ("days 8 through 10", [7, 8, 9]),
        ("day 2, 4 and 6", [1, 3, 5]),
        ("tomorrow", []),
    ],
)
def test_parse_days(fragment: str, days: list[int]) -> None:
    assert parse_days(fragment) == days


@pytest.mark.parametrize(
    ("text", "cap"),
    [
        ("we have $400k", 400_000),
        ("budget cap of 2.5M", 2_500_000),
        ("we only have $1,200,000", 1_200_000),
        ("cap it at 900 thousand", 900_000),
        ("$400k", None),
        ("we have 3 days", None),
    ],
)
def test_parse_budget_cap(text: str, cap: float | None) -> None:
    assert parse_budget_cap(text) == cap


@pytest.mark.parametrize(
    ("text", "versions"),
    [("v2 vs v3", [2, 3]), ("version 4", [4]), ("versions 1, 2 and 3", [1, 2, 3]), ("none", [])],
)
def test_parse_versions(text: str, versions: list[int]) -> None:
    assert parse_versions(text) == versions
