"""Each account's cost spread over the shooting days, and what each shot day cost.

A budget line tied to days counts an equal share on each of them (fringes follow their
account's wages); lines tied to no day are the account's fixed cost. A shot day's cost is
what its evening recorded (`Forecast.day_costs`), else its share at the rates it was shot at.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal

from tools.budget import Budget, BudgetLine

__all__ = [
    "Recorded",
    "Repriced",
    "daily_costs",
    "day_more",
    "markups",
    "shares_of",
    "whole_budget",
]

PERCENT_BASES = ("direct costs", "total before contingency")
"""The units of the budget's percent lines (`tools.budget.topsheet.assemble`): insurance on
the direct costs, contingency on the total before it."""


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


Repriced = Sequence[tuple[Sequence[int], Budget]]
"""Budgets of the same board at earlier rates, each with the shot days it prices."""


Recorded = Sequence[Mapping[str, Decimal | float | str] | None]
"""Per shot day its cost by account as recorded on an earlier evening (None: cost it now)."""


def shares_of(
    final: Budget, repriced: Repriced, recorded: Recorded = ()
) -> dict[str, tuple[list[Decimal], list[Decimal]]]:
    """Per account its day shares at the board's rates, and what each shot day cost: as
    recorded when it was reported, else at the rates it was shot at."""
    spread = daily_costs(final, final.days)
    out = {code: (list(per_day), list(per_day)) for code, (_fixed, per_day) in spread.items()}
    empty = ([Decimal(0)] * final.days, [Decimal(0)] * final.days)
    for days, budget in repriced:
        for code, (_fixed, per_day) in daily_costs(budget, final.days).items():
            shot = out.setdefault(code, (list(empty[0]), list(empty[1])))[1]
            for d in days:
                shot[d] = per_day[d]
    for d, costs in enumerate(recorded):
        if costs is None or d >= final.days:
            continue
        for code in {*out, *costs}:
            out.setdefault(code, (list(empty[0]), list(empty[1])))[1][d] = Decimal(
                str(costs.get(code, 0))
            )
    return out


def markups(budget: Budget) -> list[tuple[str, Decimal]]:
    """The budget's percent lines as (account, rate), in the order they are added (each on
    everything before it): lines tied to no day, yet a day more on the board raises them."""
    return [
        (line.account, Decimal(str(line.rate)))
        for line in budget.lines
        if line.unit in PERCENT_BASES
    ]


def day_more(budget: Budget) -> dict[str, Decimal]:
    """Per account what one more shooting day adds to `budget`: its lines that scale with
    the shoot's days (tagged "daily": crew, cast, equipment, ... as the budget's pace range
    prices a day) over the board's days, with the account's fringes on them, then the
    insurance and contingency on all that (`markups`).

    Not the average day: the lines a day's scenes bring (their background, sites, set
    dressing) come with the scenes, and the scenes are on the board already. On the 30-day
    feature of `bench.shoot` a day more comes to about 98,000 this way, against 101,000 for
    the average remaining day and 119,000 with its insurance and contingency; the finals of
    shoots branched from the same halfway evening rise about 98,000 a day (10 seeds, 5
    shoots of the rest each, `bench.shoot_floor`).
    """
    out: dict[str, Decimal] = {}
    for account in budget.accounts:
        lines = budget.lines_of(account.code)
        daily = sum((line.amount for line in lines if "daily" in line.tags), Decimal(0))
        base = sum((line.amount for line in lines if "fringe" not in line.tags), Decimal(0))
        if daily and base and budget.days:
            out[account.code] = daily / budget.days * account.total / base
    total = sum(out.values(), Decimal(0))
    for code, rate in markups(budget):
        added = total * rate
        out[code] = out.get(code, Decimal(0)) + added
        total += added
    return out


def whole_budget(budget: Budget) -> tuple[Decimal, list[Decimal]]:
    """The whole budget's cost tied to no day, and each day's share."""
    fixed, per_day = Decimal(0), [Decimal(0)] * budget.days
    for account_fixed, shares in daily_costs(budget, budget.days).values():
        fixed += account_fixed
        per_day = [a + b for a, b in zip(per_day, shares, strict=True)]
    return fixed, per_day
