"""What hours over the day cost, before they happen: the overtime rules priced on the board.

"How much is an hour of overtime?" is asked while planning (a long day against a day more)
and on set ("if we go two hours over tomorrow?"). A day's overtime is priced exactly as a
production report's is (`costs.overtime_lines`): the straight wages of the crew working that
day (its scaled size) and of the cast working it (not those held), per hour of the day rate,
times the rule's multiple (time and a half to the double-time hour, then double), with
fringes. The board's days differ (who works, day players), so the quote gives the average
day and the range.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from tools.budget import format_money
from tools.plan import Plan
from tools.progress.costs import cast_wages, crew_wages, overtime_lines
from tools.progress.rules import rate_card
from tools.ratecard import OvertimeRules, overtime_rules

__all__ = ["OvertimeQuote", "overtime_quote", "quote_text"]


@dataclass(frozen=True)
class OvertimeQuote:
    """`hours` over on each of the board's shooting days, in money."""

    hours: float
    per_day: tuple[Decimal, ...]
    rules: OvertimeRules
    currency: str

    @property
    def average(self) -> Decimal:
        return sum(self.per_day, Decimal(0)) / len(self.per_day)

    def dearest(self) -> int:
        return max(range(len(self.per_day)), key=lambda d: (self.per_day[d], -d))

    def cheapest(self) -> int:
        return min(range(len(self.per_day)), key=lambda d: (self.per_day[d], d))


def overtime_quote(plan: Plan, hours: float = 1.0) -> OvertimeQuote | None:
    """`hours` over priced on every day of `plan`'s board; None without a board or crew."""
    if plan.dood is None or plan.crew is None or not plan.schedule.days or hours <= 0:
        return None
    card = rate_card(plan.inputs)
    per_day = []
    for day in range(len(plan.schedule.days)):
        lines = overtime_lines(
            day,
            hours,
            crew=crew_wages(plan.crew, day),
            cast=cast_wages(plan.dood, day, card, plan.tiers),
            card=card,
        )
        per_day.append(sum((line.amount for line in lines), Decimal(0)))
    return OvertimeQuote(hours, tuple(per_day), overtime_rules(card), plan.currency)


def _hours(hours: float) -> str:
    words = {0.5: "Half an hour", 1.0: "An hour", 2.0: "Two hours", 3.0: "Three hours"}
    return words.get(hours, f"{hours:g} hours")


def quote_text(
    quote: OvertimeQuote,
    *,
    day: int | None = None,
    money: Callable[[Decimal], str] | None = None,
) -> str:
    """The quote in a sentence: the day asked (0-based) or the average day and the range,
    then the rule that prices it."""
    said = money or (lambda value: format_money(value, quote.currency))
    rules = quote.rules
    hi, lo = quote.dearest(), quote.cheapest()
    if day is not None:
        text = (
            f"{_hours(quote.hours)} over on day {day + 1} costs {said(quote.per_day[day])} "
            f"(the crew and the cast working that day; {said(quote.average)} on an average day). "
        )
    else:
        text = (
            f"{_hours(quote.hours)} over costs about {said(quote.average)} on an average day of "
            f"this board: from {said(quote.per_day[lo])} (day {lo + 1}) to "
            f"{said(quote.per_day[hi])} (day {hi + 1}), the crew and the cast working that day. "
        )
    return text + (
        f"The rate card pays x{rules.multiplier:g} the straight hourly rate (the day rate over "
        f"{rules.after_hours:g} hours) after {rules.after_hours:g} hours and "
        f"x{rules.double_multiplier:g} after {rules.double_after_hours:g}, with fringes."
    )
