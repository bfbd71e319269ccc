"""The rate card: every price the budget and the savings analyses use, from one editable CSV.

The default card ships in `data/rate_card.csv` (columns documented in `data/README.md`); a
user's own file replaces it whole. A malformed file raises `RateCardError` naming the line
and the column, so it can be fixed in a spreadsheet.
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Mapping
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from pathlib import Path

from tools.script import CATEGORIES

__all__ = [
    "COLUMNS",
    "DEFAULT_RATE_CARD",
    "KINDS",
    "OvertimeRules",
    "RateCard",
    "RateCardError",
    "RateItem",
    "adjust_rates",
    "load_rate_card",
    "overtime_rules",
    "parse_rate_card",
]

DEFAULT_RATE_CARD = Path(__file__).resolve().parent.parent / "data" / "rate_card.csv"
COLUMNS = (
    "kind",
    "key",
    "applies_to",
    "description",
    "unit",
    "rate",
    "qty",
    "low",
    "high",
    "notes",
)
KINDS = frozenset(
    {
        "param",
        "cast",
        "cast_name",
        "crew",
        "location",
        "setup",
        "equipment",
        "move",
        "premium",
        "overtime",
        "extras",
        "specialty",
        "atl",
        "post",
        "other",
        "fringe",
        "contingency",
        "range",
    }
)
#: Day conditions a crew or equipment row can apply to: every day, or days with a flag.
CONDITIONS = frozenset({"always", "night", "exterior", *CATEGORIES})
PERCENT_KINDS = frozenset({"premium", "overtime", "fringe", "contingency"})
REQUIRED = (
    ("cast", "lead"),
    ("cast", "supporting"),
    ("cast", "day_player"),
    ("location", "practical"),
    ("location", "street"),
    ("location", "stage"),
    ("location", "backlot"),
    ("move", "company_move"),
    ("fringe", "cast"),
    ("fringe", "crew"),
    ("contingency", "total"),
)


class RateCardError(ValueError):
    """A rate card that cannot be used; the message names the line and the column."""


@dataclass(frozen=True, slots=True)
class RateItem:
    """One row of the rate card."""

    kind: str
    key: str
    applies_to: str
    description: str
    unit: str
    rate: Decimal
    qty: Decimal | None
    low: Decimal | None
    high: Decimal | None
    notes: str
    line: int
    """1-based line of the row in the file (the header is line 1)."""


@dataclass(frozen=True, slots=True)
class RateCard:
    """A validated rate card; amounts in `currency`."""

    items: tuple[RateItem, ...]
    currency: str = "USD"
    source: str = ""
    content_hash: str = ""
    name_factors: tuple[tuple[str, Decimal], ...] = ()
    """What-if multipliers on one cast member's day rate ("MAYA costs 20% more")."""

    def cast_rate(self, name: str, tier: str) -> Decimal:
        """`name`'s day rate: their own `cast_name` row, else their tier's, times any
        what-if factor on them."""
        named = self.find("cast_name", name)
        rate = named.rate if named else self.rate("cast", tier)
        factor = dict(self.name_factors).get(name)
        return rate if factor is None else (rate * factor).quantize(Decimal("0.01"))

    def find(self, kind: str, key: str, applies_to: str = "") -> RateItem | None:
        """The row with this kind, key and condition, or None."""
        for item in self.items:
            if (item.kind, item.key, item.applies_to) == (kind, key, applies_to):
                return item
        return None

    def item(self, kind: str, key: str, applies_to: str = "") -> RateItem:
        """The row with this kind, key and condition; ValueError naming it when absent."""
        found = self.find(kind, key, applies_to)
        if found is None:
            raise RateCardError(f"{self.source}: no row kind={kind!r} key={key!r}")
        return found

    def rate(self, kind: str, key: str, default: Decimal | None = None) -> Decimal:
        """The rate of a row (any condition); `default` when absent, else ValueError."""
        for item in self.items:
            if item.kind == kind and item.key == key:
                return item.rate
        if default is not None:
            return default
        raise RateCardError(f"{self.source}: no row kind={kind!r} key={key!r}")

    def of_kind(self, kind: str) -> list[RateItem]:
        """Every row of one kind, in file order."""
        return [item for item in self.items if item.kind == kind]


def _decimal(value: str, *, line: int, column: str, required: bool) -> Decimal | None:
    text = value.strip()
    if not text:
        if required:
            raise RateCardError(f"line {line}, column {column!r}: a number is required")
        return None
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise RateCardError(f"line {line}, column {column!r}: {text!r} is not a number") from None
    if not number.is_finite():
        raise RateCardError(f"line {line}, column {column!r}: {text!r} is not a finite number")
    return number


def _item(row: dict[str, str], line: int) -> RateItem:
    """Validate one CSV row."""
    kind = (row.get("kind") or "").strip()
    if kind not in KINDS:
        raise RateCardError(
            f"line {line}, column 'kind': {kind!r} is not one of {', '.join(sorted(KINDS))}"
        )
    key = (row.get("key") or "").strip()
    if not key:
        raise RateCardError(f"line {line}, column 'key': empty")
    applies_to = (row.get("applies_to") or "").strip()
    if kind in {"crew", "equipment"} and applies_to not in CONDITIONS:
        raise RateCardError(
            f"line {line}, column 'applies_to': {applies_to!r} is not one of "
            f"{', '.join(sorted(CONDITIONS))}"
        )
    unit = (row.get("unit") or "").strip()
    if not unit:
        raise RateCardError(f"line {line}, column 'unit': empty")
    rate = _decimal(row.get("rate") or "", line=line, column="rate", required=True)
    assert rate is not None
    if rate < 0 and kind != "range":
        raise RateCardError(f"line {line}, column 'rate': {rate} is negative")
    if kind in PERCENT_KINDS and rate > 100:
        raise RateCardError(f"line {line}, column 'rate': {rate} is over 100 percent")
    qty = _decimal(row.get("qty") or "", line=line, column="qty", required=kind == "crew")
    if qty is not None and qty < 0:
        raise RateCardError(f"line {line}, column 'qty': {qty} is negative")
    low = _decimal(row.get("low") or "", line=line, column="low", required=kind == "range")
    high = _decimal(row.get("high") or "", line=line, column="high", required=kind == "range")
    if low is not None and high is not None and low > high:
        raise RateCardError(f"line {line}, column 'low': {low} is above high {high}")
    return RateItem(
        kind=kind,
        key=key,
        applies_to=applies_to,
        description=(row.get("description") or "").strip(),
        unit=unit,
        rate=rate,
        qty=qty,
        low=low,
        high=high,
        notes=(row.get("notes") or "").strip(),
        line=line,
    )


def _check_department_rates(items: list[RateItem], source: str) -> None:
    """Rows of one crew department share one day rate (the condition changes only headcount)."""
    first: dict[str, RateItem] = {}
    for item in items:
        if item.kind != "crew":
            continue
        seen = first.setdefault(item.key, item)
        if seen.rate != item.rate:
            raise RateCardError(
                f"{source}: line {item.line}, column 'rate': {item.rate} differs from the "
                f"{item.key!r} rate {seen.rate} on line {seen.line}"
            )


def parse_rate_card(text: str, *, source: str = "rate card", currency: str = "USD") -> RateCard:
    """Parse and validate rate-card CSV text; RateCardError names the bad line and column."""
    if len(currency) != 3 or not currency.isalpha():
        raise RateCardError(f"currency {currency!r} is not a three-letter code")
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    header = [name.strip() for name in reader.fieldnames or []]
    missing = [name for name in COLUMNS if name not in header]
    if missing:
        raise RateCardError(f"{source}: line 1 lacks the column(s) {', '.join(missing)}")
    reader.fieldnames = header
    items: list[RateItem] = []
    seen: dict[tuple[str, str, str], int] = {}
    for row in reader:
        line = reader.line_num
        if None in row:
            raise RateCardError(f"{source}: line {line} has more cells than the header")
        if not any((value or "").strip() for value in row.values()):
            continue
        try:
            item = _item(row, line)
        except RateCardError as exc:
            raise RateCardError(f"{source}: {exc}") from None
        ident = (item.kind, item.key, item.applies_to)
        if ident in seen:
            raise RateCardError(f"{source}: line {line} repeats the row on line {seen[ident]}")
        seen[ident] = line
        items.append(item)
    _check_department_rates(items, source)
    present = {(item.kind, item.key) for item in items}
    for kind, key in REQUIRED:
        if (kind, key) not in present:
            raise RateCardError(f"{source}: no row with kind={kind} and key={key}")
    digest = hashlib.sha256(f"{currency}\n{text}".encode()).hexdigest()
    return RateCard(tuple(items), currency=currency.upper(), source=source, content_hash=digest)


def load_rate_card(path: str | Path | None = None, *, currency: str = "USD") -> RateCard:
    """Read a rate card from `path`, or the default one shipped in `data/`."""
    file = Path(path) if path is not None else DEFAULT_RATE_CARD
    try:
        text = file.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise RateCardError(f"rate card {str(file)!r} does not exist") from None
    except UnicodeDecodeError:
        raise RateCardError(f"rate card {file.name!r} is not UTF-8 text (save it as CSV)") from None
    return parse_rate_card(text, source=file.name, currency=currency)


def _scaled(item: RateItem, factor: Decimal) -> RateItem:
    return replace(item, rate=(item.rate * factor).quantize(Decimal("0.01")))


def _factor_applies(item: RateItem, target: str) -> bool:
    """Whether a what-if factor ("cast", a cast tier as "cast:lead", "crew" or one crew
    department) prices this row; a tier's factor prices its tier rate, not own rates."""
    if target == "cast":
        return item.kind in {"cast", "cast_name"}
    if target.startswith("cast:"):
        return item.kind == "cast" and item.key == target.removeprefix("cast:")
    if target == "crew":
        return item.kind == "crew"
    return item.kind == "crew" and item.key == target


def adjust_rates(
    card: RateCard, *, rates: Mapping[str, float], factors: Mapping[str, float]
) -> RateCard:
    """A copy of `card` with what-if rates: `rates` maps "cast:NAME" (a cast member's day
    rate, added as a cast_name row when absent) or "crew:DEPT" (every row of that crew
    department) to a rate; `factors` maps "cast", a cast tier ("cast:lead"), "crew" or a
    crew department, or "name:NAME" (one cast member's day rate, whatever it is) to a
    multiplier. ValueError for a negative rate or factor. The content
    hash changes with them."""
    if not rates and not factors:
        return card
    if any(v < 0 for v in [*rates.values(), *factors.values()]):
        raise ValueError("a rate or a rate factor cannot be negative")
    items = list(card.items)
    named = {
        t.removeprefix("name:"): Decimal(str(f))
        for t, f in factors.items()
        if t.startswith("name:")
    }
    for target, factor in factors.items():
        if target.startswith("name:"):
            continue
        items = [
            _scaled(i, Decimal(str(factor))) if _factor_applies(i, target) else i for i in items
        ]
    for key, value in rates.items():
        kind, _, name = key.partition(":")
        rate = Decimal(str(value)).quantize(Decimal("0.01"))
        if kind == "crew":
            items = [
                replace(i, rate=rate) if i.kind == "crew" and i.key == name else i for i in items
            ]
            continue
        found = [n for n, i in enumerate(items) if i.kind == "cast_name" and i.key == name]
        if found:
            items[found[0]] = replace(items[found[0]], rate=rate)
        else:
            items.append(
                RateItem("cast_name", name, "", f"{name} (what-if rate)", "day", rate,
                         None, None, None, "what-if", 0)
            )  # fmt: skip
    digest = hashlib.sha256(
        f"{card.content_hash}\n{sorted(rates.items())}\n{sorted(factors.items())}".encode()
    ).hexdigest()
    merged = dict(card.name_factors)
    for who, by in named.items():
        merged[who] = merged.get(who, Decimal(1)) * by
    return replace(
        card, items=tuple(items), content_hash=digest, name_factors=tuple(sorted(merged.items()))
    )


@dataclass(frozen=True, slots=True)
class OvertimeRules:
    """How hours worked past the day are paid (the `param` rows `overtime_*`, `double_time_*`)."""

    after_hours: Decimal = Decimal(12)
    """Hours a day rate covers; the straight hourly rate is the day rate over these hours."""
    double_after_hours: Decimal = Decimal(14)
    multiplier: Decimal = Decimal("1.5")
    double_multiplier: Decimal = Decimal(2)

    def straight_hours(self, over: Decimal) -> Decimal:
        """Hours over the day, as straight-time hours paid (1.5 hours over: 2.25)."""
        if over < 0:
            raise ValueError(f"overtime hours {over} are negative")
        band = max(Decimal(0), self.double_after_hours - self.after_hours)
        time_and_half = min(over, band)
        return time_and_half * self.multiplier + (over - time_and_half) * self.double_multiplier


def overtime_rules(card: RateCard) -> OvertimeRules:
    """The card's overtime rules; rows it lacks keep the defaults (12 h, 1.5x, 14 h, 2x)."""
    base = OvertimeRules()
    rules = OvertimeRules(
        after_hours=card.rate("param", "overtime_after_hours", base.after_hours),
        double_after_hours=card.rate("param", "double_time_after_hours", base.double_after_hours),
        multiplier=card.rate("param", "overtime_multiplier", base.multiplier),
        double_multiplier=card.rate("param", "double_time_multiplier", base.double_multiplier),
    )
    if rules.after_hours <= 0 or rules.double_after_hours < rules.after_hours:
        raise RateCardError(
            f"{card.source}: overtime_after_hours {rules.after_hours} must be positive and at "
            f"most double_time_after_hours {rules.double_after_hours}"
        )
    return rules
