"""Money as exact decimals: amounts are rounded to cents once, per line, and then only added.

Models hold `Decimal` (exact sums, so savings add up to the total to the cent) and write
plain JSON numbers.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Annotated

from pydantic import AfterValidator, PlainSerializer

__all__ = ["CENT", "Money", "Number", "format_money", "to_money"]

CENT = Decimal("0.01")


def to_money(value: Decimal | int | float | str) -> Decimal:
    """Round to cents, half up (floats go through their shortest text form)."""
    number = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
    return number.quantize(CENT, rounding=ROUND_HALF_UP)


def format_money(value: Decimal | float, currency: str = "USD") -> str:
    """`USD 1,234,567` (whole units; cents are kept in the data, not in the tables)."""
    amount = to_money(value).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    sign = "-" if amount < 0 else ""
    return f"{sign}{currency} {abs(amount):,.0f}"


Money = Annotated[Decimal, AfterValidator(to_money), PlainSerializer(float, when_used="json")]
Number = Annotated[Decimal, PlainSerializer(float, when_used="json")]
