"""A producer's board totals: what the nights cost, what the stunts cost, which days run
longer than some hours, and the days off between shooting days.

The nights' cost is the per-day cost `Board.day_costs` gives "what does day 12 cost?",
summed over the days with night work; the stunts are the budget lines tagged or named for
stunts; a day's length is its shooting plus move minutes; the days off are the calendar days
between consecutive shooting days (the board's dates, else its days read on weeks from a
Monday, as the planner reads them).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from tools.queries.board import Board, Record, days_words, plural
from tools.queries.model import Answer, Query
from tools.schedule.calendar import calendar_dates

__all__ = ["PRODUCER_MEASURES", "producer_answer"]

PRODUCER_MEASURES = ("night_cost", "stunt_cost", "long_days", "days_off")
_A_MONDAY = date(2024, 1, 1)
_NIGHT_LINES = re.compile(r"\bnight\b", re.I)
_STUNT = re.compile(r"\bstunt", re.I)


def _night_days(board: Board) -> list[int]:
    return [i for i, d in enumerate(board.days) if d.get("lighting") in {"NIGHT", "SPLIT"}]


def _night_cost(board: Board) -> Answer:
    nights = _night_days(board)
    if not nights:
        text = "The board has no night work, so no day's cost is a night's."
        return Answer(kind="total", text=text, facts=_night_facts([], 0.0, 0.0))
    costs = board.day_costs()
    total = round(sum(costs[d] for d in nights), 2)
    everything = round(sum(costs), 2)
    premium = [ln for ln in board.lines() if _NIGHT_LINES.search(str(ln.get("description", "")))]
    text = (
        f"The {plural(len(nights), 'day')} with night work ({days_words(nights)}) cost "
        f"{board.money(total)} together, their share of the day-based budget lines "
        f"({100 * total / everything:.0f}% of the {board.money(everything)} those lines "
        f"come to), {board.money(total / len(nights))} a day on average."
        if everything
        else f"The {plural(len(nights), 'day')} with night work ({days_words(nights)}) cost "
        f"{board.money(total)} together."
    )
    extra = round(sum(float(ln.get("amount") or 0) for ln in premium), 2)
    if premium:
        parts = "; ".join(
            f"{ln.get('description')} {board.money(float(ln.get('amount') or 0))}" for ln in premium
        )
        text += f" Of that, {board.money(extra)} is for working nights: {parts}."
    rows = [{"day": d + 1, "cost": board.money(costs[d])} for d in nights]
    return Answer(kind="total", text=text, rows=rows, facts=_night_facts(nights, total, extra))


def _night_facts(nights: list[int], total: float, extra: float) -> dict[str, object]:
    return {
        "measure": "night_cost",
        "night_days": len(nights),
        "days": [d + 1 for d in nights],
        "value": total,
        "night_lines": extra,
    }


def _is_stunt(line: Record) -> bool:
    tags = [str(t).lower() for t in line.get("tags") or []]
    return "stunts" in tags or bool(_STUNT.search(str(line.get("description", ""))))


def _stunt_cost(board: Board) -> Answer:
    lines = [ln for ln in board.lines() if _is_stunt(ln)]
    if not lines:
        text = "The budget has no stunt lines: the script's breakdown has no stunts to price."
        return Answer(kind="total", text=text, facts={"measure": "stunt_cost", "value": 0.0})
    total = round(sum(float(ln.get("amount") or 0) for ln in lines), 2)
    days = sorted({int(d) for ln in lines for d in ln.get("days") or []})
    parts = "; ".join(
        f"{ln.get('description')} {board.money(float(ln.get('amount') or 0))}" for ln in lines
    )
    text = (
        f"The stunt work costs {board.money(total)} in {plural(len(lines), 'budget line')}"
        + (f" over {days_words(days)}" if days else "")
        + f": {parts}. Fringes on those wages are in the crew fringes line, not counted here."
    )
    rows = [
        {
            "line": ln.get("description", ""),
            "account": ln.get("account", ""),
            "amount": board.money(float(ln.get("amount") or 0)),
            "source": ln.get("source", ""),
        }
        for ln in lines
    ]
    facts = {"measure": "stunt_cost", "value": total, "lines": len(lines), "days": len(days)}
    return Answer(kind="total", text=text, rows=rows, facts=facts)


def _hours(minutes: float) -> str:
    hours, rest = divmod(round(minutes), 60)
    return f"{hours} h {rest:02d}" if rest else f"{hours} h"


def _long_days(board: Board, hours: float) -> Answer:
    limit = hours * 60
    lengths = [board.day_minutes(i) for i in range(len(board.days))]
    over = [i for i, m in enumerate(lengths) if m > limit + 1e-6]
    said = f"{hours:g} {'hour' if hours == 1 else 'hours'}"
    if not over:
        longest = max(range(len(lengths)), key=lambda i: lengths[i], default=None)
        text = f"No day runs over {said} (shooting plus moves)"
        text += (
            f"; the longest is day {longest + 1} at {_hours(lengths[longest])}."
            if longest is not None
            else "."
        )
    else:
        listed = ", ".join(f"day {i + 1} ({_hours(lengths[i])})" for i in over[:12])
        more = f" and {len(over) - 12} more" if len(over) > 12 else ""
        text = (
            f"{plural(len(over), 'day')} of {len(lengths)} {'runs' if len(over) == 1 else 'run'} "
            f"over {said} (shooting plus moves): {listed}{more}."
        )
    rows = [
        {
            "day": i + 1,
            "shooting": _hours(float(board.days[i].get("shoot_minutes") or 0)),
            "moves": _hours(float(board.days[i].get("move_minutes") or 0)),
            "length": _hours(lengths[i]),
        }
        for i in over
    ]
    days = [i + 1 for i in over]
    facts = {"measure": "long_days", "hours": hours, "value": len(over), "days": days}
    return Answer(kind="total", text=text, rows=rows, facts=facts)


def _dates(board: Board) -> tuple[list[date], bool]:
    given = [str(d.get("date") or "") for d in board.days]
    if given and all(given):
        return [date.fromisoformat(d) for d in given], True
    options = (board.plan.get("problem") or {}).get("options") or {}
    week = int(options.get("work_days_per_week") or 5)
    return calendar_dates(_A_MONDAY, len(board.days), work_days_per_week=week), False


def _off_words(off: list[date], dated: bool) -> str:
    names = [f"{d:%a} {d.day} {d:%b}" if dated else f"{d:%A}" for d in off]
    if not dated and names == ["Saturday", "Sunday"]:
        return "the weekend"
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _days_off(board: Board) -> Answer:
    dates, dated = _dates(board)
    breaks: list[tuple[int, list[date]]] = []
    for i in range(len(dates) - 1):
        gap = (dates[i + 1] - dates[i]).days - 1
        if gap > 0:
            breaks.append((i, [dates[i] + timedelta(days=k + 1) for k in range(gap)]))
    total = sum(len(off) for _, off in breaks)
    if not breaks:
        text = f"The {plural(len(dates), 'shooting day')} run back to back with no day off."
    else:
        listed = "; ".join(
            f"after day {i + 1}, {plural(len(off), 'day')} ({_off_words(off, dated)})"
            for i, off in breaks[:10]
        )
        more = f"; and {len(breaks) - 10} more breaks" if len(breaks) > 10 else ""
        text = (
            f"The board has {plural(total, 'day')} off between the "
            f"{plural(len(dates), 'shooting day')}, in {plural(len(breaks), 'break')}: "
            f"{listed}{more}."
        )
        if not dated:
            text += (
                ' The board has no dates yet (say "we start shooting on March 1" and I will '
                "date it), so its days are read on weeks from a Monday."
            )
    ends = [i for i, _ in breaks] + [len(dates) - 1]
    starts = [0] + [i + 1 for i, _ in breaks]
    run = max(zip(starts, ends, strict=True), key=lambda r: r[1] - r[0], default=(0, -1))
    if dates:
        text += (
            f" The longest run of shooting days without a day off is {run[1] - run[0] + 1} "
            f"({days_words(list(range(run[0], run[1] + 1)))})."
        )
    rows = [
        {"after day": i + 1, "days off": len(off), "dates": ", ".join(d.isoformat() for d in off)}
        for i, off in breaks
    ]
    if not dated:
        rows = [{k: v for k, v in row.items() if k != "dates"} for row in rows]
    facts = {
        "measure": "days_off",
        "value": total,
        "breaks": len(breaks),
        "after_days": [i + 1 for i, _ in breaks],
        "dated": dated,
        "longest_run": run[1] - run[0] + 1,
    }
    return Answer(kind="total", text=text, rows=rows, facts=facts)


def producer_answer(board: Board, query: Query) -> Answer:
    """One of `PRODUCER_MEASURES` answered from the board."""
    if query.measure == "night_cost":
        return _night_cost(board)
    if query.measure == "stunt_cost":
        return _stunt_cost(board)
    if query.measure == "long_days":
        return _long_days(board, query.hours or 12.0)
    return _days_off(board)
