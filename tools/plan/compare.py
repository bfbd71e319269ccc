"""`compare_plans`: what moved between two plan versions and what it did to the budget."""

from __future__ import annotations

from decimal import Decimal

from pydantic import BaseModel, Field

from tools.budget import Budget, days_text
from tools.budget.lines import WORK_CODES
from tools.budget.money import Money
from tools.plan.model import Plan
from tools.schedule.model import Dood, ScheduleResult

__all__ = ["AccountChange", "DoodChange", "LineChange", "PlanDiff", "StripMove", "compare_plans"]


class StripMove(BaseModel):
    """A scene whose shooting day changed (None: not in that version)."""

    scene: str
    old_day: int | None
    new_day: int | None


class DoodChange(BaseModel):
    """A cast member whose work or hold days changed."""

    name: str
    old_work: int
    new_work: int
    old_hold: int
    new_hold: int
    old_days: str
    new_days: str


class AccountChange(BaseModel):
    """One top-sheet account, before and after."""

    code: str
    name: str
    old: Money
    new: Money
    delta: Money


class LineChange(BaseModel):
    """One detail line whose amount changed (or that appeared or went away)."""

    account: str
    description: str
    old: Money
    new: Money
    delta: Money


class PlanDiff(BaseModel):
    """Two versions side by side."""

    moved: list[StripMove] = Field(default_factory=list)
    days_before: int
    days_after: int
    days_delta: int
    dood: list[DoodChange] = Field(default_factory=list)
    accounts: list[AccountChange] = Field(default_factory=list)
    lines: list[LineChange] = Field(default_factory=list)
    total_before: Money = Decimal(0)
    total_after: Money = Decimal(0)
    total_delta: Money = Decimal(0)


def _first_days(result: ScheduleResult) -> dict[str, int]:
    out: dict[str, int] = {}
    for day in result.days:
        for scene in day.strips:
            out.setdefault(scene, day.index)
    return out


def _moves(old: ScheduleResult, new: ScheduleResult) -> list[StripMove]:
    before, after = _first_days(old), _first_days(new)
    scenes = list(dict.fromkeys([*before, *after]))
    return [
        StripMove(scene=s, old_day=before.get(s), new_day=after.get(s))
        for s in scenes
        if before.get(s) != after.get(s)
    ]


def _dood_rows(dood: Dood | None) -> dict[str, tuple[int, int, str]]:
    rows = {}
    for row in dood.rows if dood else []:
        paid = [d for d, code in enumerate(row.codes) if code in WORK_CODES or code == "H"]
        work = sum(code in WORK_CODES for code in row.codes)
        rows[row.name] = (work, sum(code == "H" for code in row.codes), days_text(paid))
    return rows


def _dood_changes(old: Dood | None, new: Dood | None) -> list[DoodChange]:
    before, after = _dood_rows(old), _dood_rows(new)
    empty = (0, 0, "no days")
    changes = []
    for name in dict.fromkeys([*before, *after]):
        a, b = before.get(name, empty), after.get(name, empty)
        if a != b:
            changes.append(
                DoodChange(
                    name=name,
                    old_work=a[0],
                    new_work=b[0],
                    old_hold=a[1],
                    new_hold=b[1],
                    old_days=a[2],
                    new_days=b[2],
                )
            )
    return changes


def _amounts(budget: Budget | None) -> dict[tuple[str, str], Decimal]:
    out: dict[tuple[str, str], Decimal] = {}
    for line in budget.lines if budget else []:
        key = (line.account, line.description)
        out[key] = out.get(key, Decimal(0)) + line.amount
    return out


def _account_changes(old: Budget | None, new: Budget | None) -> list[AccountChange]:
    before = {a.code: a for a in old.accounts} if old else {}
    after = {a.code: a for a in new.accounts} if new else {}
    changes = []
    for code in sorted({*before, *after}):
        a = before[code].total if code in before else Decimal(0)
        b = after[code].total if code in after else Decimal(0)
        name = (after.get(code) or before[code]).name
        changes.append(AccountChange(code=code, name=name, old=a, new=b, delta=b - a))
    return changes


def compare_plans(old: Plan, new: Plan) -> PlanDiff:
    """Moved strips, days, DOOD changes, and the budget change by account and by line."""
    before, after = _amounts(old.budget), _amounts(new.budget)
    lines = [
        LineChange(
            account=key[0],
            description=key[1],
            old=before.get(key, Decimal(0)),
            new=after.get(key, Decimal(0)),
            delta=after.get(key, Decimal(0)) - before.get(key, Decimal(0)),
        )
        for key in dict.fromkeys([*before, *after])
        if before.get(key) != after.get(key)
    ]
    total_before = old.budget.likely if old.budget else Decimal(0)
    total_after = new.budget.likely if new.budget else Decimal(0)
    return PlanDiff(
        moved=_moves(old.schedule, new.schedule),
        days_before=len(old.schedule.days),
        days_after=len(new.schedule.days),
        days_delta=len(new.schedule.days) - len(old.schedule.days),
        dood=_dood_changes(old.dood, new.dood),
        accounts=_account_changes(old.budget, new.budget),
        lines=lines,
        total_before=total_before,
        total_after=total_after,
        total_delta=total_after - total_before,
    )
