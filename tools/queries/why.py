"""Why a figure is what it is ("why?" after an answer): the figures it is made of.

A day's cost is its share of the day-based budget lines, by account; a cast member's cost is
their cast line (paid days times the day rate); an account is its biggest lines. What a
what-if changed is read from the plan diff (`tools.plan.PlanDiff` as JSON): days, company
moves, holds, scenes moved and the lines whose money moved most. Nothing is estimated here.
"""

from __future__ import annotations

from typing import Any

from tools.queries.board import Board, money_text, pages_text, plural
from tools.queries.cast import cast_cost
from tools.queries.days import day_info, no_day
from tools.queries.model import Answer, Query
from tools.queries.money import find_account
from tools.queries.scene_why import scene_pair_why, scene_why
from tools.queries.totals import rank_answer

__all__ = ["EXPLAINABLE", "change_reasons", "why_answer"]

Record = dict[str, Any]
EXPLAINABLE = (
    "I can explain what a day costs (its budget lines), what a cast member or an account "
    "costs, why a scene is on its day, and what a what-if changed (days, company moves, "
    "holds and the lines that moved)."
)


def _day_why(board: Board, day: int) -> Answer:
    if day < 0:
        day += len(board.days)
    if not 0 <= day < len(board.days):
        return no_day(board, day)
    info = day_info(board, day)
    parts = board.day_cost_parts(day)
    shown = ", ".join(f"{name} {board.money(value)}" for name, value in parts[:5])
    rest = sum(value for _, value in parts[5:])
    if rest:
        shown += f", other accounts {board.money(rest)}"
    moves = f" and {plural(info.company_moves, 'company move')}" if info.company_moves else ""
    text = (
        f"Day {info.day} costs {board.money(info.cost)}: its share of the budget lines that "
        f"run on it ({shown}). It shoots {plural(len(info.scenes), 'scene')} "
        f"({info.pages_text} pages) with {plural(len(info.cast), 'cast member')} called{moves}."
    )
    rows = [{"account": name, "share": board.money(value)} for name, value in parts]
    facts = {
        "day": info.day,
        "cost": info.cost,
        "parts": {name: value for name, value in parts},
        "scenes": len(info.scenes),
        "cast": len(info.cast),
        "company_moves": info.company_moves,
    }
    return Answer(kind="why", text=text, rows=rows, facts=facts)


def _count(quantity: float, unit: str) -> str:
    """ "24 days", "1 week": a line's quantity in its unit."""
    many = unit if unit.endswith("s") or quantity == 1 else unit + "s"
    return f"{quantity:g} {many}"


def _cast_why(board: Board, wanted: str) -> Answer:
    name = board.find_cast(wanted)
    lines = [
        ln
        for ln in board.lines()
        if ln.get("account") == "1300" and str(ln.get("description", "")).split(" (")[0] == name
    ]
    if name is None or not lines:
        return Answer(kind="why", text=f"The budget has no cast line for {wanted}.", found=False)
    cost = cast_cost(board, name)
    said = "; ".join(
        f"{_count(float(ln.get('quantity') or 0), str(ln.get('unit') or 'day'))} at "
        f"{board.money(float(ln.get('rate') or 0))}"
        + (f" ({ln.get('source')})" if ln.get("source") else "")
        for ln in lines
    )
    text = f"{name} costs {board.money(cost)}: {said}, before fringes."
    facts = {
        "name": name,
        "cost": cost,
        "quantity": [float(ln.get("quantity") or 0) for ln in lines],
        "rate": [float(ln.get("rate") or 0) for ln in lines],
    }
    return Answer(kind="why", text=text, facts=facts)


def _account_why(board: Board, words: str) -> Answer | None:
    account = find_account(board, words)
    if account is None:
        return None
    lines = [ln for ln in board.lines() if ln.get("account") == account.get("code")]
    lines.sort(key=lambda ln: -float(ln.get("amount") or 0))
    total = float(account.get("total") or 0)
    top = "; ".join(
        f"{ln.get('description')} {board.money(float(ln.get('amount') or 0))}"
        + (f" ({ln.get('source')})" if ln.get("source") else "")
        for ln in lines[:3]
    )
    which = "its one line" if len(lines) == 1 else f"{len(lines)} lines, the biggest"
    text = f"{account.get('name')} is {board.money(total)}: {which} {top}."
    facts = {"account": account.get("name"), "total": round(total, 2), "lines": len(lines)}
    return Answer(kind="why", text=text, facts=facts)


def _days_why(board: Board) -> Answer:
    """What fills the board's days: pages, full days, nights and company moves."""
    n = len(board.days)
    eighths = sum(board.day_eighths(d) for d in range(n))
    options = (board.plan.get("problem") or {}).get("options") or {}
    length = float(options.get("day_minutes") or 720)
    full = [d for d in range(n) if board.day_minutes(d) >= length - 15]
    nights = [d for d, r in enumerate(board.days) if r.get("lighting") in {"NIGHT", "SPLIT"}]
    moves = sum(int(r.get("company_moves") or 0) for r in board.days)
    text = (
        f"The board has {plural(n, 'day')} for {pages_text(eighths)} pages, "
        f"{pages_text(round(eighths / n))} a day on average; {plural(len(full), 'day')} "
        f"within 15 minutes of the {length / 60:g}-hour day with shooting and moves, "
        f"{plural(len(nights), 'night day')} and {plural(moves, 'company move')} in all."
    )
    facts = {
        "days": n,
        "eighths": eighths,
        "full_days": [d + 1 for d in full],
        "nights": len(nights),
        "moves": moves,
        "day_minutes": length,
    }
    return Answer(kind="why", text=text, facts=facts)


def why_answer(board: Board, query: Query) -> Answer:
    """What the figure a query asked for is made of, or what can be explained instead."""
    if query.kind == "day" and query.lighting is None and query.day is not None:
        return _day_why(board, query.day)
    if query.kind == "rank" and query.top is None and query.over is None:
        # "the most expensive day", "the dearest actor", "the biggest account": the first.
        first = rank_answer(board, query.model_copy(update={"why": False}))
        name = str(first.facts.get("name") or "")
        if query.measure in {None, "day_cost"} and name.startswith("day "):
            return _day_why(board, int(name.split()[-1]) - 1)
        if query.measure == "cast_cost" and name:
            return _cast_why(board, name)
        if query.measure == "account" and name and (found := _account_why(board, name)):
            return found
    if query.kind == "cast" and query.cast:
        return _cast_why(board, query.cast)
    if query.kind == "scene" and query.scene and query.other:
        return scene_pair_why(board, query.scene, query.other)
    if query.kind == "scene" and query.scene:
        return scene_why(board, query.scene, query.day)
    if query.kind == "total" and query.measure == "days" and board.days:
        return _days_why(board)
    if query.kind == "account" and query.account and (found := _account_why(board, query.account)):
        return found
    return Answer(
        kind="why",
        text=f"That figure is read straight off the plan; there is nothing under it to "
        f"break down. {EXPLAINABLE}",
        found=False,
    )


def change_reasons(diff: Record, old: Record, new: Record) -> Answer:
    """What drove a re-plan, from the diff of the two plans and their boards."""
    currency = str((new.get("budget") or {}).get("currency") or "USD")

    def money(value: float) -> str:
        text = money_text(value, currency)
        return text if value < 0 else "+" + text

    def moves(plan: Record) -> int:
        days = (plan.get("schedule") or {}).get("days") or []
        return sum(int(d.get("company_moves") or 0) for d in days)

    def holds(plan: Record) -> int:
        rows = (plan.get("dood") or {}).get("rows") or []
        return sum(list(r.get("codes") or []).count("H") for r in rows)

    days_before, days_after = int(diff.get("days_before") or 0), int(diff.get("days_after") or 0)
    moves_before, moves_after = moves(old), moves(new)
    holds_before, holds_after = holds(old), holds(new)
    parts = [f"shooting days {days_before} -> {days_after}"]
    parts.append(f"company moves {moves_before} -> {moves_after}")
    parts.append(f"cast hold days {holds_before} -> {holds_after}")
    moved = len(diff.get("moved") or [])
    parts.append(f"{plural(moved, 'scene')} changed day")
    held = sorted(
        diff.get("dood") or [],
        key=lambda d: -abs(int(d["new_hold"]) - int(d["old_hold"])),
    )
    held = [d for d in held if d["new_hold"] != d["old_hold"]][:3]
    text = "What drove it: " + "; ".join(parts) + "."
    if held:
        text += " Holds moved most for " + ", ".join(
            f"{d['name']} ({d['old_hold']} -> {d['new_hold']})" for d in held
        )
        text += "."
    lines = sorted(diff.get("lines") or [], key=lambda ln: -abs(float(ln.get("delta") or 0)))
    lines = [ln for ln in lines if round(float(ln.get("delta") or 0))][:4]
    total = float(diff.get("total_delta") or 0)
    if lines:
        text += f" The budget moved {money(total)}, most in: " + ", ".join(
            f"{ln.get('description')} {money(float(ln.get('delta') or 0))}" for ln in lines
        )
        text += "."
    elif not round(total):
        text += " The budget did not move."
    rows = [
        {"line": ln.get("description"), "change": money(float(ln.get("delta") or 0))}
        for ln in lines
    ]
    facts = {
        "days_before": days_before,
        "days_after": days_after,
        "moves_before": moves_before,
        "moves_after": moves_after,
        "holds_before": holds_before,
        "holds_after": holds_after,
        "moved": moved,
        "total_delta": round(total, 2),
        "lines": {str(ln.get("description")): float(ln.get("delta") or 0) for ln in lines},
    }
    return Answer(kind="why", text=text, rows=rows, facts=facts)
