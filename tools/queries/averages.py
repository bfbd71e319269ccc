"""Averages over the shooting days, and what the cast's hold days cost.

An average is the plan's own total over its days ("the average day costs $41,120": the
day-dependent lines spread over the days, as `Board.day_costs` does for one day). A hold's
cost is the held days' share of a cast member's pay: a line of 5 work and 2 hold days at
$5,000 a day spends $10,000 on holds.
"""

from __future__ import annotations

from tools.queries.board import Board, Record, pages_text, plural
from tools.queries.cast import cast_cost
from tools.queries.model import Answer, Query
from tools.queries.money import find_account

__all__ = ["AVERAGES", "average_answer", "hold_cost_answer"]

AVERAGES = ("day_cost", "pages", "scenes", "minutes", "moves", "budget", "page_cost", "account")
"""What can be averaged per shooting day ("budget" is the whole budget over the days;
"page_cost" is the budget over the script's pages; "account" is one account over the days:
"catering per day")."""


def _per_day(board: Board, measure: str) -> tuple[float, str]:
    """The mean of a measure over the days and how it is said."""
    n = len(board.days)
    if measure == "pages":
        eighths = sum(board.day_eighths(d) for d in range(n))
        mean = eighths / n
        return round(mean / 8, 3), f"{pages_text(round(mean))} pages"
    if measure == "scenes":
        mean = sum(len(board.day_strips(d)) for d in range(n)) / n
        return round(mean, 2), f"{mean:.1f} scenes"
    if measure == "minutes":
        mean = sum(board.day_minutes(d) for d in range(n)) / n
        return round(mean, 1), f"{mean / 60:.1f} hours ({mean:.0f} minutes)"
    if measure == "moves":
        mean = sum(int(d.get("company_moves") or 0) for d in board.days) / n
        return round(mean, 2), f"{mean:.2f} company moves"
    if measure == "budget":
        total = float((board.plan.get("budget") or {}).get("likely") or 0)
        return round(total / n, 2), board.money(total / n)
    mean = sum(board.day_costs()) / n
    return round(mean, 2), board.money(mean)


def average_answer(board: Board, query: Query) -> Answer:
    """The average shooting day: its cost (or pages, scenes, minutes, moves)."""
    if not board.days:
        return Answer(kind="average", text="The plan has no shooting days yet.", found=False)
    measure = query.measure if query.measure in AVERAGES else "day_cost"
    if measure == "page_cost":
        return _per_page(board)
    if measure == "account":
        return _account_per_day(board, query.account or "")
    value, shown = _per_day(board, measure)
    n = len(board.days)
    if measure == "day_cost":
        text = (
            f"The average shooting day costs {shown}: the lines that depend on days, spread "
            f"over the plan's {plural(n, 'day')}."
        )
    elif measure == "budget":
        text = f"The likely budget over {plural(n, 'shooting day')} is {shown} a day."
    else:
        text = f"The average shooting day has {shown}, over {plural(n, 'day')}."
    return Answer(kind="average", text=text, facts={"measure": measure, "value": value, "days": n})


def _account_per_day(board: Board, words: str) -> Answer:
    """One account's total over the shooting days ("how much is catering per day?")."""
    account = find_account(board, words)
    if account is None:
        return Answer(kind="average", text=f"The budget has no account for {words!r}.", found=False)
    n, total = len(board.days), float(account.get("total") or 0)
    name = str(account.get("name") or words)
    text = (
        f"{name} is {board.money(total / n)} a shooting day: {board.money(total)} over the "
        f"plan's {plural(n, 'day')}."
    )
    facts = {"measure": "account", "code": account.get("code"), "value": round(total / n, 2)}
    return Answer(kind="average", text=text, facts={**facts, "total": total, "days": n})


def _per_page(board: Board) -> Answer:
    """The likely budget over the script's pages (what "cost per page" means to a producer)."""
    eighths = sum(int(s.get("eighths") or 0) for s in board.strips.values())
    likely = float((board.plan.get("budget") or {}).get("likely") or 0)
    if not eighths:
        return Answer(kind="average", text="The plan has no pages to divide by.", found=False)
    value = likely * 8 / eighths
    text = (
        f"The likely budget is {board.money(value)} a page: {board.money(likely)} over "
        f"{pages_text(eighths)} pages."
    )
    facts = {"measure": "page_cost", "value": round(value, 2), "likely": round(likely, 2)}
    return Answer(kind="average", text=text, facts={**facts, "pages": round(eighths / 8, 3)})


def _hold_share(board: Board, name: str, row: Record) -> float:
    """The held days' share of one cast member's pay."""
    work = int(row.get("work_days") or 0)
    hold = int(row.get("hold_days") or 0)
    if not hold or not work + hold:
        return 0.0
    return round(cast_cost(board, name) * hold / (work + hold), 2)


def hold_cost_answer(board: Board, query: Query) -> Answer:
    """What the hold days cost: the whole cast's, ranked, or one cast member's."""
    rows = (board.plan.get("dood") or {}).get("rows") or []
    if query.cast:
        name = board.find_cast(query.cast)
        row = board.dood_row(name) if name else None
        if name is None or row is None:
            names = board.cast_names()
            return Answer(
                kind="hold_cost",
                text=f"Nobody called {query.cast.upper()} is in the cast. "
                f"The cast: {', '.join(names[:15])}{'...' if len(names) > 15 else ''}.",
                facts={"cast": names},
                found=False,
            )
        cost = _hold_share(board, name, row)
        hold = int(row.get("hold_days") or 0)
        text = (
            f"{name} has no hold days, so holds cost nothing for {name}."
            if not hold
            else f"{name}'s {plural(hold, 'hold day')} cost {board.money(cost)}."
        )
        return Answer(kind="hold_cost", text=text, facts={"cast": name, "value": cost})
    costs = [(str(r.get("name")), int(r.get("hold_days") or 0)) for r in rows]
    priced = [(n, h, _hold_share(board, n, board.dood_row(n) or {})) for n, h in costs if h]
    total = round(sum(c for _, _, c in priced), 2)
    days = sum(h for _, h, _ in priced)
    if not priced:
        return Answer(
            kind="hold_cost",
            text="Nobody is held: the cast has no hold days, so holds cost nothing.",
            facts={"value": 0.0, "hold_days": 0},
        )
    priced.sort(key=lambda t: t[2], reverse=True)
    text = (
        f"Holds cost {board.money(total)}: {plural(days, 'hold day')} across "
        f"{plural(len(priced), 'cast member')} (before fringes). The dearest is "
        f"{priced[0][0]}, {board.money(priced[0][2])}."
    )
    table = [{"name": n, "hold_days": h, "cost": board.money(c)} for n, h, c in priced[:8]]
    return Answer(
        kind="hold_cost",
        text=text,
        rows=table,
        facts={"value": total, "hold_days": days, "name": priced[0][0]},
    )
