"""'Do we shoot on Saturdays?', 'is there anything on a weekend?': the board's calendar.

The week is the plan's (`work_days_per_week`: five, Monday to Friday, or six, to Saturday);
the board's dates when it has a start date, else its days read on weeks from a Monday, as
the planner reads weekday rules then. A sixth-day premium is said only when the budget has
the line.
"""

from __future__ import annotations

from datetime import date

from tools.queries.board import Board, days_words, plural
from tools.queries.model import Answer
from tools.schedule.calendar import shooting_weekdays

__all__ = ["weekend_answer"]

_WEEKS = {5: "Monday to Friday", 6: "Monday to Saturday"}


def _when(iso: str) -> str:
    day = date.fromisoformat(iso)
    return f"{day:%A} {day.day} {day:%B %Y}"


def weekend_answer(board: Board) -> Answer:
    """Shooting days a week, the board's dates, and which days fall on a weekend."""
    options = (board.plan.get("problem") or {}).get("options") or {}
    week = int(options.get("work_days_per_week") or 5)
    dates = [str(d.get("date") or "") for d in board.days]
    dated = bool(dates) and all(dates)
    if dated:
        weekdays = [date.fromisoformat(d).weekday() for d in dates]
    else:
        weekdays = shooting_weekdays(None, len(board.days), work_days_per_week=week)
    weekend = [i for i, w in enumerate(weekdays) if w >= 5]
    text = f"The board shoots {week}-day weeks ({_WEEKS.get(week, f'{week} days a week')})"
    if dated:
        text += f", {plural(len(dates), 'shooting day')} from {_when(dates[0])} to "
        text += f"{_when(dates[-1])}."
    else:
        text += (
            f', {plural(len(board.days), "shooting day")}; it has no dates yet (say "we start '
            'shooting on March 1" and I will date it), so its days are read on weeks from a '
            "Monday."
        )
    if not weekend:
        text += " No shooting day falls on a Saturday or a Sunday."
    else:
        names = sorted({"Saturday" if weekdays[i] == 5 else "Sunday" for i in weekend})
        on = " or ".join(f"{n}s" for n in names)
        if dated:
            listed = ", ".join(f"day {i + 1} ({_when(dates[i])})" for i in weekend[:8])
            more = "..." if len(weekend) > 8 else ""
            text += f" {plural(len(weekend), 'day')} on {on}: {listed}{more}."
        else:
            text += f" {plural(len(weekend), 'day')} on {on}: {days_words(weekend)}."
    premium = [ln for ln in board.lines() if str(ln.get("description", "")) == "Sixth-day premium"]
    if premium and weekend:
        amount = sum(float(ln.get("amount") or 0) for ln in premium)
        text += f" The sixth-day premium on them is {board.money(amount)}."
    facts = {
        "work_days_per_week": week,
        "weekend_days": [i + 1 for i in weekend],
        "first_date": dates[0] if dated else None,
        "last_date": dates[-1] if dated else None,
    }
    return Answer(kind="total", text=text, facts=facts)
