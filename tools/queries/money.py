"""Money questions: an account or a budget line with its source days, the total, the savings
and the baseline."""

from __future__ import annotations

import re

from tools.queries.board import Board, Record, days_words, plural
from tools.queries.model import Answer, Query

__all__ = ["account_answer", "budget_answer", "find_account", "savings_answer"]

#: Words people use for an account, by code (the top sheet's names are matched too).
ACCOUNT_WORDS: dict[str, tuple[str, ...]] = {
    "1100": ("story", "producer", "producers", "director", "writer", "above the line", "atl"),
    "1300": ("cast", "actors", "actor", "talent"),
    "2000": ("crew", "production crew", "labor", "labour"),
    "2100": ("background", "extras"),
    "2200": ("locations", "location", "stages", "stage", "permits"),
    "2300": ("moves", "company moves", "move", "transport"),
    "2400": ("equipment", "camera package", "camera", "grip", "lighting"),
    "2500": ("special", "stunts", "special requirements", "sfx"),
    "2600": ("catering", "food", "craft"),
    "3000": ("editorial", "editing", "editor", "post"),
    "3100": ("vfx", "visual effects"),
    "3200": ("sound", "music", "finishing", "mix"),
    "4000": ("insurance",),
    "4100": ("legal", "accounting"),
    "4900": ("contingency",),
}


def _accounts(board: Board) -> list[Record]:
    return list((board.plan.get("budget") or {}).get("accounts") or [])


def find_account(board: Board, words: str) -> Record | None:
    """The account a code or words name ("1300", "cast", "catering")."""
    wanted = words.strip().lower()
    for account in _accounts(board):
        if wanted in {str(account.get("code")), str(account.get("name", "")).lower()}:
            return account
    for code, names in ACCOUNT_WORDS.items():
        if wanted in names:
            return next((a for a in _accounts(board) if a.get("code") == code), None)
    for account in _accounts(board):
        if re.search(rf"\b{re.escape(wanted)}", str(account.get("name", "")).lower()):
            return account
    return None


def _lines_matching(board: Board, words: str) -> list[Record]:
    wanted = words.strip().lower()
    return [
        line
        for line in board.lines()
        if wanted and re.search(rf"\b{re.escape(wanted)}", str(line.get("description", "")).lower())
    ]


def _line_rows(board: Board, lines: list[Record]) -> list[dict[str, object]]:
    return [
        {
            "line": line.get("description", ""),
            "amount": board.money(float(line.get("amount") or 0)),
            "days": days_words([int(d) for d in line.get("days") or []])
            if line.get("days")
            else "",
            "source": line.get("source", ""),
        }
        for line in lines
    ]


def account_answer(board: Board, query: Query) -> Answer:
    """An account's total with its lines, or the lines a word names ("catering", "grip")."""
    words = query.account or ""
    account = find_account(board, words)
    if account is not None:
        lines = [ln for ln in board.lines() if ln.get("account") == account.get("code")]
        total = round(float(account.get("total") or 0), 2)
        days = sorted({int(d) for ln in lines for d in ln.get("days") or []})
        text = (
            f"{account.get('name')} (account {account.get('code')}): {board.money(total)}"
            + (
                f", fringes {board.money(float(account['fringes']))} included"
                if float(account.get("fringes") or 0)
                else ""
            )
            + f"; {plural(len(lines), 'line')}"
            + (f" over {days_words(days)}." if days else ".")
        )
        facts = {
            "account": account.get("name"),
            "code": account.get("code"),
            "total": total,
            "fringes": round(float(account.get("fringes") or 0), 2),
            "lines": len(lines),
        }
        return Answer(kind="account", text=text, rows=_line_rows(board, lines), facts=facts)
    lines = _lines_matching(board, words)
    if not lines:
        names = [str(a.get("name")) for a in _accounts(board)]
        return Answer(
            kind="account",
            text=f"No budget account or line matches {words!r}. Accounts: "
            + ", ".join(names)
            + ".",
            facts={"accounts": names},
            found=False,
        )
    total = round(sum(float(ln.get("amount") or 0) for ln in lines), 2)
    first = lines[0]
    text = (
        f"{first.get('description')}: {board.money(float(first.get('amount') or 0))}"
        + (f" ({first.get('source')})" if first.get("source") else "")
        + (
            f"; {plural(len(lines), 'line')} match, {board.money(total)} in all."
            if len(lines) > 1
            else "."
        )
    )
    return Answer(
        kind="line",
        text=text,
        rows=_line_rows(board, lines),
        facts={"total": total, "lines": len(lines)},
    )


def budget_answer(board: Board) -> Answer:
    """The budget's likely total and its range, with the top sheet."""
    budget = board.plan.get("budget") or {}
    likely = round(float(budget.get("likely") or budget.get("total") or 0), 2)
    low, high = round(float(budget.get("low") or 0), 2), round(float(budget.get("high") or 0), 2)
    rows = [
        {
            "account": a.get("name"),
            "code": a.get("code"),
            "total": board.money(float(a.get("total") or 0)),
        }
        for a in _accounts(board)
    ]
    text = (
        f"The budget is {board.money(likely)} likely "
        f"(range {board.money(low)} to {board.money(high)})."
    )
    return Answer(
        kind="budget", text=text, rows=rows, facts={"likely": likely, "low": low, "high": high}
    )


def savings_answer(board: Board, query: Query) -> Answer:
    """The saving against the script-order baseline (and the sorted board when the plan has
    one), with each analysis's credit."""
    plan = board.plan
    likely = round(float((plan.get("budget") or {}).get("likely") or 0), 2)
    baseline = plan.get("baseline") or {}
    base = round(float((baseline.get("budget") or {}).get("likely") or 0), 2)
    base_days = len((baseline.get("schedule") or {}).get("days") or [])
    saving = round(base - likely, 2)
    rows: list[dict[str, object]] = [
        {
            "analysis": str(s.get("analysis", "")).replace("_", " "),
            "amount": board.money(float(s.get("amount") or 0)),
        }
        for s in plan.get("savings") or []
    ]
    facts: dict[str, object] = {
        "budget": likely,
        "baseline_budget": base,
        "baseline_days": base_days,
        "shooting_days": len(board.days),
        "saving": saving,
    }
    verb = "saves" if saving >= 0 else "costs"
    text = (
        f"Against the script-order baseline ({plural(base_days, 'day')}, "
        f"{board.money(base)}) the plan ({plural(len(board.days), 'day')}, "
        f"{board.money(likely)}) {verb} {board.money(abs(saving))}"
        + (f" ({100 * abs(saving) / base:.1f}%)" if base else "")
        + ("." if saving >= 0 else " more.")
    )
    sorted_board = plan.get("sorted_board") or {}
    if sorted_board.get("budget"):
        sorted_total = round(float(sorted_board["budget"].get("likely") or 0), 2)
        facts["sorted_budget"] = sorted_total
        gap = round(sorted_total - likely, 2)
        verb = "saves" if gap >= 0 else "costs"
        text += (
            " Against the sorted board an AD would make "
            f"({plural(len((sorted_board.get('schedule') or {}).get('days') or []), 'day')}, "
            f"{board.money(sorted_total)}) it "
            f"{verb} {board.money(abs(gap))}{'' if gap >= 0 else ' more'}."
        )
    credits = [
        (float(s.get("amount") or 0), str(s.get("analysis", ""))) for s in plan.get("savings") or []
    ]
    best = max(credits, default=(0.0, ""))
    if best[0] > 0:
        text += f" The biggest credit is {best[1].replace('_', ' ')} ({board.money(best[0])})."
    return Answer(kind="savings", text=text, rows=rows, facts=facts)
