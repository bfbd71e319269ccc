"""From detail lines to the top sheet: fringes, insurance, contingency, accounts and the range."""

from __future__ import annotations

import math
from collections.abc import Iterable
from decimal import Decimal

from tools.budget.lines import make_line
from tools.budget.model import ACCOUNTS, Account, Budget, BudgetLine, RangePart
from tools.budget.money import to_money
from tools.ratecard import RateCard

__all__ = ["assemble", "budget_range"]

RANGE_METHOD = (
    "likely = every detail line + fringes + insurance + contingency. low and high add, to the "
    "likely total, each uncertain input at its rate-card bound: pace (shoot days x the range "
    "percent, rounded to whole days outwards, each day at the average cost of the lines that "
    "scale with days, before fringes), weather (exterior days x the percent, rounded up, at the "
    "same day cost), stunt and VFX overruns (their lines x the percent). Parts are added, not "
    "combined statistically, so low and high are bounds, not percentiles."
)


def _total(lines: Iterable[BudgetLine]) -> Decimal:
    return sum((line.amount for line in lines), Decimal(0))


def _fringe_lines(lines: list[BudgetLine], card: RateCard) -> list[BudgetLine]:
    """One fringe line per account and labor class, on that account's wages."""
    fringes = []
    for code in ACCOUNTS:
        for labor in ("cast", "crew", "extras"):
            wages = _total(line for line in lines if line.account == code and line.labor == labor)
            pct = card.rate("fringe", labor, Decimal(0))
            if wages and pct:
                fringes.append(
                    make_line(
                        code,
                        f"Fringes on {labor} wages ({pct:g}%)",
                        wages,
                        "wages",
                        pct / 100,
                        source=f"{pct:g}% of account {code} {labor} wages",
                        tags=["fringe"],
                    )
                )
    return fringes


def _percent_line(
    code: str, description: str, base: Decimal, pct: Decimal, what: str
) -> BudgetLine:
    return make_line(code, description, base, what, pct / 100, source=f"{pct:g}% of {what}")


def _accounts(lines: list[BudgetLine]) -> list[Account]:
    accounts = []
    for code, (name, section) in ACCOUNTS.items():
        mine = [line for line in lines if line.account == code]
        if not mine:
            continue
        fringes = _total(line for line in mine if "fringe" in line.tags)
        total = _total(mine)
        accounts.append(
            Account(
                code=code,
                name=name,
                section=section,
                subtotal=total - fringes,
                fringes=fringes,
                total=total,
            )
        )
    return accounts


def _days_delta(days: int, pct: Decimal) -> int:
    """Whole days, rounded away from zero: 15% of 20 days is 3, -10% of 25 is -3."""
    raw = Decimal(days) * pct / 100
    return math.ceil(raw) if raw >= 0 else -math.ceil(-raw)


def budget_range(
    lines: list[BudgetLine], card: RateCard, *, days: int, exterior_days: int
) -> list[RangePart]:
    """The uncertain inputs' low and high deltas against the likely total."""
    daily = _total(line for line in lines if "daily" in line.tags)
    day_cost = daily / days if days else Decimal(0)
    parts = []
    for item in card.of_kind("range"):
        low, high = item.low or Decimal(0), item.high or Decimal(0)
        if item.key in {"pace", "weather"}:
            base_days = days if item.key == "pace" else exterior_days
            lo, hi = _days_delta(base_days, low), _days_delta(base_days, high)
            basis = (
                f"{lo:+d} / {hi:+d} days of {base_days} "
                f"({'shoot' if item.key == 'pace' else 'exterior'}) at "
                f"{to_money(day_cost)} per day"
            )
            parts.append(
                RangePart(
                    name=item.key,
                    basis=basis,
                    low=to_money(day_cost * lo),
                    high=to_money(day_cost * hi),
                )
            )
        else:
            base = _total(line for line in lines if item.key in line.tags)
            parts.append(
                RangePart(
                    name=item.key,
                    basis=f"{low:g}% / {high:+g}% of {base}",
                    low=to_money(base * low / 100),
                    high=to_money(base * high / 100),
                )
            )
    return parts


def assemble(lines: list[BudgetLine], card: RateCard, *, days: int, exterior_days: int) -> Budget:
    """Add fringes, insurance and contingency to the detail lines and roll up the top sheet."""
    lines = lines + _fringe_lines(lines, card)
    insurance = card.find("other", "insurance")
    if insurance is not None and insurance.rate:
        lines.append(
            _percent_line(
                "4000", insurance.description, _total(lines), insurance.rate, "direct costs"
            )
        )
    contingency = card.rate("contingency", "total")
    lines.append(
        _percent_line("4900", "Contingency", _total(lines), contingency, "total before contingency")
    )
    accounts = _accounts(lines)
    sections: dict[str, Decimal] = {}
    for account in accounts:
        sections[account.section] = sections.get(account.section, Decimal(0)) + account.total
    likely = _total(lines)
    parts = budget_range(lines, card, days=days, exterior_days=exterior_days)
    return Budget(
        currency=card.currency,
        days=days,
        lines=lines,
        accounts=accounts,
        sections=sections,
        fringes=_total(line for line in lines if "fringe" in line.tags),
        contingency=lines[-1].amount,
        total=likely,
        likely=likely,
        low=likely + sum((part.low for part in parts), Decimal(0)),
        high=likely + sum((part.high for part in parts), Decimal(0)),
        range_parts=parts,
        method=RANGE_METHOD,
    )
