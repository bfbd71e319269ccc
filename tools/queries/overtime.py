"""'How much is an hour of overtime?': the overtime rules priced on the plan's own days."""

from __future__ import annotations

from decimal import Decimal

from tools.plan import Plan
from tools.progress.overtime_quote import overtime_quote, quote_text
from tools.queries.board import Record, day_label, money_text
from tools.queries.model import Answer, Query

__all__ = ["overtime_answer"]


def overtime_answer(plan: Record, query: Query) -> Answer:
    """What `query.hours` (one by default) over the day cost on the board's days."""
    hours = query.hours or 1.0
    quote = overtime_quote(Plan.model_validate(plan), hours)
    if quote is None:
        return Answer(
            kind="overtime", text="The plan has no shooting days to price overtime on.", found=False
        )
    day = query.day
    if day is not None and not 0 <= day < len(quote.per_day):
        return Answer(
            kind="overtime",
            text=f"The plan has {len(quote.per_day)} shooting days: there is no day {day + 1}.",
            found=False,
        )
    order = sorted(range(len(quote.per_day)), key=lambda d: (-quote.per_day[d], d))
    rows = [
        {"Day": day_label(d), "Cost": money_text(float(quote.per_day[d]), quote.currency)}
        for d in order[:5]
    ]
    facts = {
        "hours": hours,
        "average": round(float(quote.average), 2),
        "dearest": {"day": quote.dearest() + 1, "cost": round(float(max(quote.per_day)), 2)},
        "cheapest": {"day": quote.cheapest() + 1, "cost": round(float(min(quote.per_day)), 2)},
        "multiplier": float(quote.rules.multiplier),
        "after_hours": float(quote.rules.after_hours),
    }
    if day is not None:
        facts["day"] = {"day": day + 1, "cost": round(float(quote.per_day[day]), 2)}
        rows = []

    def money(value: Decimal) -> str:
        return money_text(float(value), quote.currency)

    text = quote_text(quote, day=day, money=money)
    return Answer(kind="overtime", text=text, rows=rows, facts=facts)
