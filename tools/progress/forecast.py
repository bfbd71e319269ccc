"""Hot costs, cost to complete and the forecast at completion, by account.

- approved: the budget of the version the shoot started from.
- at completion: the re-planned board's budget (shot days as shot, the rest as re-planned)
  plus the hot costs of the reports (overtime, extra background, with their fringes).
- actual to date: the at-completion lines' share for the shot days (a line over days 0..29
  counts 3/30 after three days; fringes follow their account's wages), plus the hot costs.
  Lines tied to no day (above the line, post, insurance, contingency) are all still to come.
- to complete: at completion minus actual; variance: at completion minus approved.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from pydantic import BaseModel, Field

from tools.budget import ACCOUNTS, Budget, BudgetLine
from tools.budget.money import Money, to_money

__all__ = ["AccountForecast", "Forecast", "daily_costs", "forecast"]


class AccountForecast(BaseModel):
    """One account's row of the cost report."""

    code: str
    name: str
    approved: Money
    actual: Money
    to_complete: Money
    at_completion: Money
    variance: Money


class Forecast(BaseModel):
    """The cost report after the reported days, with the figures the charts draw."""

    currency: str
    reported_days: int
    approved_days: int
    forecast_days: int
    planned_eighths: int
    """Eighths the approved plan had on the reported days."""
    shot_eighths: int
    approved: Money
    actual: Money
    to_complete: Money
    at_completion: Money
    variance: Money
    accounts: list[AccountForecast] = Field(default_factory=list)
    hot_costs: list[BudgetLine] = Field(default_factory=list)
    planned_pages: list[float] = Field(default_factory=list)
    """Pages per day of the approved plan."""
    actual_pages: list[float] = Field(default_factory=list)
    """Pages shot per reported day (pick-ups included)."""
    forecast_pages: list[float] = Field(default_factory=list)
    """Pages per day of the re-plan (shot days as shot)."""
    approved_cumulative: list[float] = Field(default_factory=list)
    """Approved cost to the end of each day (costs tied to no day counted before day 1)."""
    forecast_cumulative: list[float] = Field(default_factory=list)
    """Actual to the end of each shot day, then the forecast to the end of each later day."""


def _spread(lines: Sequence[BudgetLine], days: int) -> tuple[Decimal, list[Decimal]]:
    """Costs tied to no day, and each day's share of the rest."""
    fixed, per_day = Decimal(0), [Decimal(0)] * days
    for line in lines:
        shown = [d for d in line.days if 0 <= d < days]
        if not shown:
            fixed += line.amount
            continue
        share = line.amount / len(shown)
        for d in shown:
            per_day[d] += share
    return fixed, per_day


def daily_costs(budget: Budget, days: int) -> dict[str, tuple[Decimal, list[Decimal]]]:
    """Per account: its cost tied to no day and each day's share (fringes with their wages)."""
    out = {}
    for account in budget.accounts:
        lines = budget.lines_of(account.code)
        wages = [line for line in lines if "fringe" not in line.tags]
        fixed, per_day = _spread(wages, days)
        base = fixed + sum(per_day, Decimal(0))
        ratio = account.total / base if base else Decimal(1)
        fixed = account.total if not base else fixed * ratio
        out[account.code] = (fixed, [share * ratio for share in per_day])
    return out


def _cumulative(fixed: Decimal, per_day: Sequence[Decimal]) -> list[float]:
    out, running = [], fixed
    for share in per_day:
        running += share
        out.append(float(to_money(running)))
    return out


def _rows(
    approved: Budget, final: Budget, hot: Sequence[BudgetLine], reported: int
) -> list[AccountForecast]:
    spread = daily_costs(final, final.days)
    rows = []
    for code, (name, _section) in ACCOUNTS.items():
        hot_here = sum((line.amount for line in hot if line.account == code), Decimal(0))
        shares = spread.get(code, (Decimal(0), []))[1]
        actual = to_money(sum(shares[:reported], Decimal(0)) + hot_here)
        old = _total(approved, code)
        done = to_money(_total(final, code) + hot_here)
        rows.append(
            AccountForecast(
                code=code,
                name=name,
                approved=old,
                actual=actual,
                to_complete=done - actual,
                at_completion=done,
                variance=done - old,
            )
        )
    return rows


def _total(budget: Budget, code: str) -> Decimal:
    return next((a.total for a in budget.accounts if a.code == code), Decimal(0))


def _whole_budget(budget: Budget) -> tuple[Decimal, list[Decimal]]:
    """The whole budget's cost tied to no day, and each day's share."""
    fixed, per_day = Decimal(0), [Decimal(0)] * budget.days
    for account_fixed, shares in daily_costs(budget, budget.days).values():
        fixed += account_fixed
        per_day = [a + b for a, b in zip(per_day, shares, strict=True)]
    return fixed, per_day


def _pages(eighths: Sequence[int]) -> list[float]:
    return [round(e / 8, 3) for e in eighths]


def forecast(
    approved: Budget,
    final: Budget,
    hot: Sequence[BudgetLine],
    *,
    approved_eighths: Sequence[int],
    final_eighths: Sequence[int],
    shot_eighths: Sequence[int],
) -> Forecast:
    """The cost report: `final` is the re-plan's budget, `hot` the reports' hot costs.

    `approved_eighths` and `final_eighths` are eighths per day of the two boards;
    `shot_eighths` per reported day.
    """
    reported = len(shot_eighths)
    rows = _rows(approved, final, hot, reported)
    hot_by_day = [Decimal(0)] * final.days
    for line in hot:
        for d in line.days[:1]:
            if d < final.days:
                hot_by_day[d] += line.amount
    fixed, per_day = _whole_budget(final)
    approved_fixed, approved_days = _whole_budget(approved)

    def total(field: str) -> Decimal:
        return sum((getattr(row, field) for row in rows), Decimal(0))

    return Forecast(
        currency=final.currency,
        reported_days=reported,
        approved_days=approved.days,
        forecast_days=final.days,
        planned_eighths=sum(approved_eighths[:reported]),
        shot_eighths=sum(shot_eighths),
        approved=total("approved"),
        actual=total("actual"),
        to_complete=total("to_complete"),
        at_completion=total("at_completion"),
        variance=total("variance"),
        accounts=rows,
        hot_costs=list(hot),
        planned_pages=_pages(approved_eighths),
        actual_pages=_pages(shot_eighths),
        forecast_pages=_pages(final_eighths),
        approved_cumulative=_cumulative(approved_fixed, approved_days),
        forecast_cumulative=_cumulative(
            fixed, [a + b for a, b in zip(per_day, hot_by_day, strict=True)]
        ),
    )
