"""The grounding check: invented figures are caught, figures from the facts pass."""

from __future__ import annotations

import pytest

from graph.grounding import check_grounding, extract_figures
from graph.summary import write_summary

FACTS = {
    "kind": "plan",
    "overview": {
        "title": "THE SHOW",
        "currency": "USD",
        "scenes": 26,
        "shooting_days": 7,
        "baseline_days": 8,
        "company_moves": 17,
        "budget_low": 1_277_820.0,
        "budget_likely": 1_332_529.0,
        "budget_high": 1_498_051.0,
        "baseline_budget": 1_485_078.0,
        "total_saving": 152_549.0,
        "saving_pct": 10.3,
        "savings": [{"analysis": "optimized_schedule", "amount": 76_305.0}],
    },
    "diff": {"moved": [{"scene": "12A", "from_day": 2, "to_day": 4}]},
}


@pytest.mark.parametrize(
    "answer",
    [
        "The shoot takes 7 days instead of 8, with 17 company moves.",
        "Likely budget: $1,332,529 (range $1,277,820 to $1,498,051).",
        "The plan costs about $1.33M and saves $152,549, or 10.3%.",
        "It comes in around $1.3 million.",
        "Scene 12A moved from day 2 to day 4.",
        "The optimizer alone saves $76k.",
        "1. Fewer moves\n2. Fewer days",
        "Nothing to add: the plan stands.",
    ],
)
def test_answers_built_from_the_facts_pass(answer: str) -> None:
    report = check_grounding(answer, FACTS)
    assert report.ok, report.unsupported


@pytest.mark.parametrize(
    ("answer", "invented"),
    [
        ("The shoot takes 9 days.", "9"),
        ("The budget is $1,500,000.", "$1,500,000"),
        ("It costs about $1.7M.", "$1.7M"),
        ("That saves 25% against the baseline.", "25%"),
        ("Scene 99 moved to day 4.", "99"),
        ("Scenes 12A and 13 moved.", "13"),
        ("Day 11 is the heaviest.", "11"),
        ("A budget of 2.1 billion dollars.", "2.1 billion"),
        ("The whole shoot costs $7.", "$7"),  # 7 is a day count, not an amount
        ("Scene 12A costs $2 to move.", "$2"),
    ],
)
def test_invented_figures_are_caught(answer: str, invented: str) -> None:
    report = check_grounding(answer, FACTS)
    assert not report.ok
    assert invented in [f.text for f in report.unsupported]
    assert invented in report.reason()


def test_numbers_from_the_users_message_are_not_invented() -> None:
    answer = "With 18 days the plan stays at 7 days of work."
    assert not check_grounding(answer, FACTS).ok
    assert check_grounding(answer, FACTS, user_text="shoot it in 18 days").ok


def test_precision_follows_how_the_figure_was_written() -> None:
    assert check_grounding("$1.33M", FACTS).ok
    assert not check_grounding("$1.34M", FACTS).ok
    assert not check_grounding("$1,332,600", FACTS).ok


def test_figures_are_classified() -> None:
    kinds = {f.text: f.kind for f in extract_figures("Day 3 costs $5k, 12% more; scene 4B too.")}
    assert kinds == {"3": "day", "$5k": "money", "12%": "percent", "4B": "scene"}


@pytest.mark.parametrize(
    "facts",
    [
        FACTS,
        {**FACTS, "kind": "show", "view": "summary"},
        {"kind": "question", "question": {"scene": "12", "heading": "INT. X", "cast": ["ANA"]}},
        {"kind": "chat"},
    ],
)
def test_the_deterministic_summary_is_always_grounded(facts: dict[str, object]) -> None:
    summary = write_summary(facts)
    assert summary
    assert check_grounding(summary, facts).ok
