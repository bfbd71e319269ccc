"""The crew's and cast's rest after nights, as the board keeps it ("what's the turnaround
like after the nights?").

The board keeps both as rules (`tools.schedule.crew_rest`): a day that ends at night is
followed by another night (or split) day, by a day off, or by nothing. So the answer names each
run of night work and what follows it, from the plan's own days (`day_off_after`, the
lighting).
"""

from __future__ import annotations

from tools.queries.board import Board, Record, days_words, plural

__all__ = ["rest_text"]

_NIGHT = {"NIGHT", "SPLIT"}


def _runs(days: list[Record]) -> list[list[int]]:
    """Runs of consecutive days with night work (0-based), in board order."""
    runs: list[list[int]] = []
    for d, day in enumerate(days):
        if day.get("lighting") not in _NIGHT:
            continue
        if runs and runs[-1][-1] == d - 1:
            runs[-1].append(d)
        else:
            runs.append([d])
    return runs


def _after(days: list[Record], run: list[int]) -> tuple[str, bool]:
    """What follows a run of nights, and whether the crew is rested for it."""
    last = run[-1]
    if last == len(days) - 1:
        return "ends the shoot", True
    if days[last].get("day_off_after"):
        return f"ends before a day off, so day {last + 2}'s morning call comes rested", True
    return f"is followed by a morning call on day {last + 2} with no day off between", False


def rest_text(board: Board) -> tuple[int, str]:
    """(runs of nights, the sentence): each run and what follows it."""
    runs = _runs(board.days)
    if not runs:
        return 0, "The plan has no night work, so no turnaround after nights comes up."
    after = [_after(board.days, run) for run in runs]
    parts = [f"{days_words(run)} {words}" for run, (words, _) in zip(runs, after, strict=True)]
    text = f"Night work runs in {plural(len(runs), 'block')}: " + "; ".join(parts) + "."
    if all(rested for _, rested in after):
        text += (
            " No one is called in the morning after a night without a day off between: the "
            "crew's and the cast's turnaround are rules of the board."
        )
    else:
        text += " Turnaround is not a rule of this plan, so the crew works short of its rest."
    return len(runs), text
