"""Budget records: detail lines, accounts (the top sheet) and the low / likely / high range."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, Field

from tools.budget.money import Money, Number

__all__ = ["ACCOUNTS", "Account", "Budget", "BudgetLine", "Labor", "RangePart", "Section"]

Section = Literal["above_the_line", "production", "post", "other"]
Labor = Literal["cast", "crew", "extras"]

#: Account code -> (name, section), in top-sheet order.
ACCOUNTS: dict[str, tuple[str, Section]] = {
    "1100": ("Story, producers and director", "above_the_line"),
    "1300": ("Cast", "above_the_line"),
    "2000": ("Production crew", "production"),
    "2100": ("Background", "production"),
    "2200": ("Locations and stages", "production"),
    "2300": ("Company moves", "production"),
    "2400": ("Equipment", "production"),
    "2500": ("Special requirements", "production"),
    "2600": ("Catering", "production"),
    "3000": ("Editorial", "post"),
    "3100": ("Visual effects", "post"),
    "3200": ("Sound, music and finishing", "post"),
    "4000": ("Insurance", "other"),
    "4100": ("Legal and accounting", "other"),
    "4900": ("Contingency", "other"),
}


class BudgetLine(BaseModel):
    """One detail line: `amount` is `quantity x rate` rounded to the cent, nothing else."""

    account: str
    description: str
    quantity: Number
    unit: str
    rate: Number
    amount: Money
    source: str = ""
    """Where the quantity comes from, in words (which days, scenes, DOOD codes)."""
    days: list[int] = Field(default_factory=list)
    """0-based shooting days the line depends on."""
    scenes: list[str] = Field(default_factory=list)
    """Scene numbers the line depends on."""
    labor: Labor | None = None
    """Which fringe applies, when the line is wages."""
    tags: list[str] = Field(default_factory=list)
    """"daily" (scales with shoot days), "stunts", "vfx", "fringe", "crew": for ranges and cuts."""


class Account(BaseModel):
    """One top-sheet row: an account's lines summed, fringes shown apart."""

    code: str
    name: str
    section: Section
    subtotal: Money = Decimal(0)
    """Sum of the account's lines other than fringes."""
    fringes: Money = Decimal(0)
    total: Money = Decimal(0)


class RangePart(BaseModel):
    """One uncertain input and what it moves the likely total by, down and up."""

    name: str
    basis: str
    low: Money
    high: Money


class Budget(BaseModel):
    """A budget computed from one schedule, its DOOD and a rate card."""

    currency: str = "USD"
    days: int = 0
    lines: list[BudgetLine] = Field(default_factory=list)
    accounts: list[Account] = Field(default_factory=list)
    sections: dict[str, Money] = Field(default_factory=dict)
    fringes: Money = Decimal(0)
    contingency: Money = Decimal(0)
    total: Money = Decimal(0)
    """The likely total: every line, fringes, insurance and contingency."""
    low: Money = Decimal(0)
    likely: Money = Decimal(0)
    high: Money = Decimal(0)
    range_parts: list[RangePart] = Field(default_factory=list)
    method: str = ""
    """How low and high were derived, in words."""

    def account(self, code: str) -> Account:
        """The top-sheet row of one account code; ValueError when absent."""
        for account in self.accounts:
            if account.code == code:
                return account
        raise ValueError(f"no account {code!r} in this budget")

    def lines_of(self, code: str) -> list[BudgetLine]:
        """The detail lines of one account."""
        return [line for line in self.lines if line.account == code]
