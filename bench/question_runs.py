"""Questions of `python -m bench questions` about runs of days: the nights, a week, a range."""

from __future__ import annotations

import random

from bench.question_model import Question, Record, pick

__all__ = ["night_runs", "run_questions"]


def night_runs(days: list[Record]) -> list[list[int]]:
    """1-based runs of consecutive days with night work (NIGHT or SPLIT)."""
    runs: list[list[int]] = []
    for n, day in enumerate(days, start=1):
        if day.get("lighting") in {"NIGHT", "SPLIT"}:
            if runs and runs[-1][-1] == n - 1:
                runs[-1].append(n)
            else:
                runs.append([n])
    return runs


def run_questions(plan: Record, rng: random.Random) -> list[Question]:
    """The nights' runs, a week and a range of days, as a 1st AD asks them."""
    days = plan["schedule"]["days"]
    runs = night_runs(days)
    longest = max((len(r) for r in runs), default=0)
    nights = (
        [f"Nights start on day {runs[0][0]}", f"{longest} night{'s' * (longest > 1)} in a row"]
        if runs
        else ["no night work"]
    )
    phrasings = ["how many nights in a row do we shoot?", "what's the longest run of nights?"]
    out = [
        Question(pick(rng, [*phrasings, "when do nights start?"]), nights, "nights"),
        Question(
            pick(rng, ["move the nights to the end", "can we shoot all the nights in one block?"]),
            ["no such rule", *nights[:1]] if runs else nights,
            "nights",
        ),
    ]
    if len(days) >= 4:
        out.append(
            Question(
                pick(rng, ["show me days 2 to 4", "what are days 2-4?"]),
                ["Days 2-4", *days[2]["strips"][:1]],
                "span",
            )
        )
    if len(days) >= 11:
        week = ["what are we shooting next week?", "give me week two", "what's the second week?"]
        out += [
            Question(pick(rng, week), ["Week 2 (days 6-10)", *days[5]["strips"][:1]], "span"),
            Question(
                "and the week after?",
                [f"Week 3 (days 11-{min(15, len(days))}", *days[10]["strips"][:1]],
                "span",
                follows=True,
            ),
        ]
    return out
