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
