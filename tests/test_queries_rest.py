"""'What's the turnaround like after the nights?': each run of nights and what follows it,
from the plan's own days."""

from __future__ import annotations

import pytest

from tools.queries import Query, answer


def _record(lighting: str, off_after: set[int] = frozenset()) -> dict:
    """A plan whose day d has lighting[d] (D, N or S) and a day off after the days given."""
    names = {"D": "DAY", "N": "NIGHT", "S": "SPLIT"}
    days = [
        {"index": d, "strips": [], "lighting": names[c], "day_off_after": d in off_after}
        for d, c in enumerate(lighting)
    ]
    return {"schedule": {"days": days}, "problem": {"strips": [], "options": {}}}


@pytest.mark.parametrize(
    ("lighting", "off", "runs", "words"),
    [
        ("DDDNN", set(), 1, "days 4-5 ends the shoot"),
        (
            "DDNNNDD",
            {4},
            1,
            "days 3-5 ends before a day off, so day 6's morning call comes rested",
        ),
        ("DNDDNN", {1}, 2, "day 2 ends before a day off"),
        ("DDSNN", set(), 1, "days 3-5 ends the shoot"),
    ],
)
def test_each_run_of_nights_says_what_follows(
    lighting: str, off: set[int], runs: int, words: str
) -> None:
    got = answer(_record(lighting, off), Query(kind="total", measure="turnaround"))
    assert got.facts["value"] == runs
    assert f"Night work runs in {runs} block" in got.text and words in got.text
    assert "turnaround are rules of the board" in got.text


def test_a_morning_call_after_a_night_is_said_when_the_rule_is_lifted() -> None:
    got = answer(_record("DNND"), Query(kind="total", measure="turnaround"))
    assert "followed by a morning call on day 4 with no day off between" in got.text
    assert "not a rule of this plan" in got.text


def test_no_nights_no_turnaround() -> None:
    got = answer(_record("DDD"), Query(kind="total", measure="turnaround"))
    assert got.facts["value"] == 0 and "no night work" in got.text


def _night_board() -> dict:
    """Days 1-2 day work, 3-4 nights (ANA, BEN; then ANA), 5 day work."""
    strips = [
        {"id": "1", "lighting": "DAY", "cast": ["ANA"], "eighths": 8},
        {"id": "2", "lighting": "DAY", "cast": ["BEN"], "eighths": 8},
        {"id": "3", "lighting": "NIGHT", "cast": ["ANA", "BEN"], "eighths": 8},
        {"id": "4", "lighting": "NIGHT", "cast": ["ANA"], "eighths": 8},
        {"id": "5", "lighting": "DAY", "cast": ["BEN"], "eighths": 8},
    ]
    names = ["DAY", "DAY", "NIGHT", "NIGHT", "DAY"]
    days = [
        {"index": d, "strips": [str(d + 1)], "lighting": light, "day_off_after": d == 3}
        for d, light in enumerate(names)
    ]
    return {"schedule": {"days": days}, "problem": {"strips": strips, "options": {}}}


@pytest.mark.parametrize(("nth", "day"), [(0, 3), (1, 4), (-1, 4)])
def test_the_nth_night_is_counted_among_the_nights(nth: int, day: int) -> None:
    got = answer(_night_board(), Query(kind="day", day=nth, lighting="NIGHT"))
    assert got.found and got.text.startswith(f"Day {day}")


def test_a_night_past_the_last_says_the_nights() -> None:
    got = answer(_night_board(), Query(kind="day", day=2, lighting="NIGHT"))
    assert not got.found and got.text == "The plan has 2 nights: days 3-4."
    none = answer(_record("DDD"), Query(kind="day", day=0, lighting="NIGHT"))
    assert not none.found and none.text == "The plan has no night work."


def test_who_works_the_nights_counts_each_ones_nights() -> None:
    got = answer(_night_board(), Query(kind="cast", lighting="NIGHT"))
    assert got.text == "2 cast members work nights: ANA (2), BEN (1)."
    assert got.rows == [
        {"name": "ANA", "nights": 2, "days": "days 3-4"},
        {"name": "BEN", "nights": 1, "days": "day 3"},
    ]


def test_many_days_tied_at_the_top_are_counted_and_named_as_runs() -> None:
    days = [
        {"index": d, "strips": [], "lighting": "DAY", "company_moves": m}
        for d, m in enumerate([1, 1, 0, 1, 1, 1, 0])
    ]
    record = {"schedule": {"days": days}, "problem": {"strips": [], "options": {}}}
    got = answer(record, Query(kind="rank", measure="moves"))
    assert got.text == (
        "The largest day by company moves: 5 days at 1 company move each (days 1-2 and 4-6)."
    )
