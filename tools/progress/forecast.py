"""Hot costs, cost to complete and the forecast at completion, by account.

- approved: the budget of the version the shoot started from.
- at completion: the re-planned board's budget (shot days as shot, the rest as re-planned)
  plus the hot costs of the reports (overtime, extra background, with their fringes), plus a
  run-rate allowance: the extra days the slips still to come add, each at what a day more
  adds to the budget (`daycosts.day_more`: the lines that scale with the shoot's days, with
  their fringes, insurance and contingency), and the hot costs a day so far over the
  days left and those extra days. The extra days come from the evening's rollouts
  (`tools.progress.rollout`) when given, else from the pace so far (days left x (planned
  pages / shot pages - 1)). On pace and with no hot costs the allowance is nothing.
- actual to date: the at-completion lines' share for the shot days (a line over days 0..29
  counts 3/30 after three days; fringes follow their account's wages), plus the hot costs.
  A day's share is recorded on its evening (`Forecast.day_costs`) and kept from then on, so
  a later re-plan or what-if does not rewrite what a shot day cost.
  Lines tied to no day (above the line, post, insurance, contingency) are all still to come.
- to complete: at completion minus actual; variance: at completion minus approved.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal

from pydantic import BaseModel, Field

from tools.budget import ACCOUNTS, Budget, BudgetLine
from tools.budget.money import Money, to_money
from tools.progress.daycosts import (
    Recorded,
    Repriced,
    daily_costs,
    day_more,
    shares_of,
    whole_budget,
)
from tools.progress.rollout import Outlook

__all__ = ["AccountForecast", "Forecast", "daily_costs", "forecast"]


class AccountForecast(BaseModel):
    """One account's row of the cost report."""

    code: str
    name: str
    approved: Money
    actual: Money
    allowance: Money = Decimal(0)
    """Run-rate allowance for the days left (in `at_completion`)."""
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
    allowance: Money = Decimal(0)
    """The run rate so far over the days left: hot costs a day and the pace's extra days."""
    pace: Decimal = Decimal(0)
    """Extra days per remaining day at the pace so far (planned / shot pages - 1)."""
    extra_days: Decimal = Decimal(0)
    """Days the allowance adds to the board's: the rollouts' mean, else the pace's."""
    extra_spread: float = 0.0
    """Standard deviation of the rollouts' days (0 without rollouts)."""
    extra_sample_spread: float = 0.0
    """The same with the shot days resampled: counting their own uncertainty as a sample."""
    rollouts: int = 0
    """Rollouts behind `extra_days` (0: the pace's days)."""
    day_price: Money = Decimal(0)
    """What one more day on the board adds, as the allowance prices each extra day
    (`tools.progress.daycosts.day_more`; 0: no day left)."""
    slip_days: int = 0
    """Shot days that left booked work unfinished (what the rollouts replay)."""
    to_complete: Money
    at_completion: Money
    variance: Money
    accounts: list[AccountForecast] = Field(default_factory=list)
    hot_costs: list[BudgetLine] = Field(default_factory=list)
    day_costs: list[dict[str, Money]] = Field(default_factory=list)
    """Per shot day its cost by account, hot costs apart: what later evenings keep as actual."""
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


def _cumulative(fixed: Decimal, per_day: Sequence[Decimal]) -> list[float]:
    out, running = [], fixed
    for share in per_day:
        running += share
        out.append(float(to_money(running)))
    return out


def _hot_run(days: int, hot: Decimal, reported: int, hot_days: Decimal) -> Decimal:
    """The hot costs a day so far carried on over `hot_days` (none before the first report
    or with no day left on the `days` of the board)."""
    if reported == 0 or days - reported <= 0:
        return Decimal(0)
    return hot / reported * hot_days


def _rows(
    approved: Budget,
    final: Budget,
    hot: Sequence[BudgetLine],
    reported: int,
    extra: tuple[Decimal, Decimal],
    repriced: Repriced = (),
    recorded: Recorded = (),
    unit: Mapping[str, Decimal] | None = None,
) -> list[AccountForecast]:
    """Per account its row; `extra` is the allowance's extra days and hot-cost days, `unit`
    per account the price of one of those days (`day_more`; none: no day is left)."""
    spread = shares_of(final, repriced, recorded)
    hot_by: dict[str, Decimal] = {}
    for line in hot:
        hot_by[line.account] = hot_by.get(line.account, Decimal(0)) + line.amount
    rows = []
    for code, (name, _section) in ACCOUNTS.items():
        hot_here = hot_by.get(code, Decimal(0))
        shares, paid = spread.get(code, ([], []))
        # The shot days cost what they cost at their rates; the board's rates price the rest.
        repricing = sum(paid[:reported], Decimal(0)) - sum(shares[:reported], Decimal(0))
        actual = to_money(sum(paid[:reported], Decimal(0)) + hot_here)
        old = _total(approved, code)
        days = (unit or {}).get(code, Decimal(0)) * extra[0]
        allowance = to_money(_hot_run(final.days, hot_here, reported, extra[1]) + days)
        done = to_money(_total(final, code) + repricing + hot_here + allowance)
        rows.append(
            AccountForecast(
                code=code,
                name=name,
                approved=old,
                actual=actual,
                allowance=allowance,
                to_complete=done - actual,
                at_completion=done,
                variance=done - old,
            )
        )
    return rows


def _pace(planned: int, progressed: int) -> Decimal:
    """Extra days per remaining day at the pace so far (planned / shot - 1, 0 when on pace
    or ahead; at most 1, a company shooting half its pages)."""
    if progressed <= 0 or planned <= progressed:
        return Decimal(0) if progressed > 0 or planned == 0 else Decimal(1)
    return min(Decimal(1), Decimal(planned) / Decimal(progressed) - 1)


def _total(budget: Budget, code: str) -> Decimal:
    return next((a.total for a in budget.accounts if a.code == code), Decimal(0))


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
    progress_eighths: Sequence[int] | None = None,
    booked_eighths: Sequence[int] | None = None,
    repriced: Repriced = (),
    recorded: Recorded = (),
    outlook: Outlook | None = None,
) -> Forecast:
    """The cost report: `final` is the re-plan's budget, `hot` the reports' hot costs.

    `approved_eighths` and `final_eighths` are eighths per day of the two boards;
    `shot_eighths` per reported day, pick-ups included; `progress_eighths` the same without
    pick-ups (default: `shot_eighths`), for the pace the run-rate allowance carries on;
    `booked_eighths` what each reported day had on its board that morning (default: the
    approved plan's days), the pace's yardstick; `repriced` the board at the rates earlier
    shot days were shot at, when a what-if changed the rates mid-shoot; `recorded` what
    earlier evenings recorded each shot day cost (`Forecast.day_costs`), kept as actuals;
    `outlook` the rollouts' extra days (default: the pace's).
    """
    reported = len(shot_eighths)
    progressed = sum(progress_eighths if progress_eighths is not None else shot_eighths)
    booked = booked_eighths if booked_eighths is not None else approved_eighths[:reported]
    pace = _pace(sum(booked), progressed)
    left = Decimal(max(0, final.days - reported))
    extra = pace * left if outlook is None else Decimal(str(outlook.extra_days))
    hot_days = left if outlook is None else left + extra
    spread = shares_of(final, repriced, recorded)
    unit = day_more(final) if reported and left else {}
    rows = _rows(approved, final, hot, reported, (extra, hot_days), repriced, recorded, unit)
    hot_by_day = [Decimal(0)] * final.days
    for line in hot:
        for d in line.days[:1]:
            if d < final.days:
                hot_by_day[d] += line.amount
    fixed, per_day = whole_budget(final)
    for shares, paid in spread.values():
        per_day = [p + b - a for p, a, b in zip(per_day, shares, paid, strict=True)]
    day_costs = [
        {code: to_money(paid[d]) for code, (_s, paid) in sorted(spread.items()) if paid[d]}
        for d in range(min(reported, final.days))
    ]
    approved_fixed, approved_days = whole_budget(approved)
    allowance = sum((row.allowance for row in rows), Decimal(0))
    for d in range(reported, final.days):
        hot_by_day[d] += allowance / left  # the allowance is spread over the days left

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
        allowance=total("allowance"),
        pace=pace,
        extra_days=extra if reported and left else Decimal(0),
        extra_spread=outlook.spread if outlook else 0.0,
        extra_sample_spread=outlook.sample_spread if outlook else 0.0,
        rollouts=outlook.rollouts if outlook else 0,
        day_price=to_money(sum(unit.values(), Decimal(0))),
        slip_days=outlook.slip_days if outlook else 0,
        to_complete=total("to_complete"),
        at_completion=total("at_completion"),
        variance=total("variance"),
        accounts=rows,
        hot_costs=list(hot),
        day_costs=day_costs,
        planned_pages=_pages(approved_eighths),
        actual_pages=_pages(shot_eighths),
        forecast_pages=_pages(final_eighths),
        approved_cumulative=_cumulative(approved_fixed, approved_days),
        forecast_cumulative=_cumulative(
            fixed, [a + b for a, b in zip(per_day, hot_by_day, strict=True)]
        ),
    )
