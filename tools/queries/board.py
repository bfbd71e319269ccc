"""A plan record read once into the lookups every query needs.

Works on the plan as JSON (the chat keeps it so; `Plan.model_dump(mode="json")` elsewhere), so
fields added later (a strip's `site`, a day's `minutes`) are read when present and ignored when
not. Days are 0-based inside, 1-based in every text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

__all__ = ["Board", "Record", "day_label", "days_words", "money_text", "pages_text", "plural"]

Record = dict[str, Any]
_MINUTES_PER_EIGHTH = 22.5
_MOVE_MINUTES = 75.0


def money_text(value: float, currency: str = "USD") -> str:
    """Money as a budget writes it: "$1,234,567" (other currencies by code)."""
    sign = "-" if value < 0 else ""
    amount = f"{abs(round(value)):,.0f}"
    return f"{sign}${amount}" if currency == "USD" else f"{sign}{currency} {amount}"


def pages_text(eighths: int) -> str:
    """Eighths as a script supervisor writes them: 11 -> "1 3/8", 4 -> "4/8", 16 -> "2"."""
    whole, rest = divmod(int(eighths), 8)
    if not rest:
        return str(whole)
    return f"{whole} {rest}/8" if whole else f"{rest}/8"


def plural(count: int, word: str, many: str | None = None) -> str:
    """ "1 scene", "3 scenes"."""
    return f"{count} {word if count == 1 else (many or word + 's')}"


def day_label(day: int) -> str:
    """A 0-based day index as people say it: "day 3"."""
    return f"day {day + 1}"


def days_words(days: list[int]) -> str:
    """0-based days as 1-based ranges: [0, 1, 2, 5] -> "days 1-3 and 6"."""
    ordered = sorted(set(days))
    if not ordered:
        return "no days"
    runs: list[list[int]] = []
    for day in ordered:
        if runs and runs[-1][-1] == day - 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    parts = [f"{r[0] + 1}" if len(r) == 1 else f"{r[0] + 1}-{r[-1] + 1}" for r in runs]
    joined = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return ("day " if len(ordered) == 1 else "days ") + joined


@dataclass
class Board:
    """The plan's days, strips, DOOD and budget as lookups."""

    plan: Record
    script: Record | None = None
    days: list[Record] = field(init=False)
    strips: dict[str, Record] = field(init=False)
    day_of: dict[str, int] = field(init=False)
    """Scene -> its first 0-based day."""
    days_of: dict[str, list[int]] = field(init=False)
    """Scene -> every 0-based day it is shot on (a long scene can fill several)."""
    currency: str = field(init=False)

    def __post_init__(self) -> None:
        self.days = list((self.plan.get("schedule") or {}).get("days") or [])
        problem = self.plan.get("problem") or {}
        self.strips = {str(s.get("id")): s for s in problem.get("strips") or []}
        self.days_of = {}
        for position, day in enumerate(self.days):
            for sid in day.get("strips") or []:
                self.days_of.setdefault(str(sid), []).append(position)
        self.day_of = {sid: days[0] for sid, days in self.days_of.items()}
        self.currency = str((self.plan.get("budget") or {}).get("currency") or "USD")

    @property
    def pace(self) -> float:
        """Minutes per eighth the plan was scheduled at."""
        options = (self.plan.get("problem") or {}).get("options") or {}
        return float(options.get("minutes_per_eighth") or _MINUTES_PER_EIGHTH)

    def date_words(self, day: int) -> str:
        """' (Tuesday 16 March 2027)' for a 0-based day when the board has dates, else ''."""
        iso = self.days[day].get("date") if 0 <= day < len(self.days) else None
        if not iso:
            return ""
        when = date.fromisoformat(str(iso))
        return f" ({when:%A} {when.day} {when:%B %Y})"

    def money(self, value: float) -> str:
        """Money in the plan's currency."""
        return money_text(value, self.currency)

    def site(self, strip: Record) -> str:
        """Where a strip is shot: its site when the plan has sites, else its main location."""
        return str(
            strip.get("site") or strip.get("main_location") or strip.get("location") or "UNKNOWN"
        )

    def scene_record(self, number: str) -> Record | None:
        """The script's scene of that number (headings, elements), when a script is known."""
        for scene in (self.script or {}).get("scenes") or []:
            if str(scene.get("number", "")).upper() == number.upper():
                return dict(scene)
        return None

    def strip(self, number: str) -> Record | None:
        """The strip of a scene number (case-insensitive)."""
        return (
            self.strips.get(number)
            or self.strips.get(number.upper())
            or next((s for k, s in self.strips.items() if k.upper() == number.upper()), None)
        )

    def day_strips(self, day: int) -> list[Record]:
        """The strips of a 0-based day in shooting order."""
        return [
            self.strips[str(s)] for s in self.days[day].get("strips") or [] if str(s) in self.strips
        ]

    def day_eighths(self, day: int) -> int:
        """Eighths shot on a day (the board's own figure: a scene over two days is split)."""
        record = self.days[day]
        if record.get("eighths") is not None:
            return int(record["eighths"])
        return sum(int(s.get("eighths") or 0) for s in self.day_strips(day))

    def day_minutes(self, day: int) -> float:
        """Shooting minutes of a day plus its moves (the day's own figure when given: the
        schedule's `day_minutes` counts set moves too)."""
        record = self.days[day]
        for key in ("day_minutes", "minutes"):
            if record.get(key):
                return float(record[key])
        timed = [s for s in self.day_strips(day) if s.get("minutes") is not None]
        if timed and len(timed) == len(self.day_strips(day)):
            shooting = sum(float(s["minutes"]) for s in timed)
        else:
            shooting = self.day_eighths(day) * self.pace
        return shooting + int(record.get("company_moves") or 0) * _MOVE_MINUTES

    def lines(self) -> list[Record]:
        """The budget's detail lines."""
        return list((self.plan.get("budget") or {}).get("lines") or [])

    def day_costs(self) -> list[float]:
        """Each day's share of the lines that depend on days (a line split evenly over its days)."""
        costs = [0.0] * len(self.days)
        for line in self.lines():
            days = [d for d in line.get("days") or [] if 0 <= int(d) < len(costs)]
            for d in days:
                costs[int(d)] += float(line.get("amount") or 0) / len(days)
        return [round(c, 2) for c in costs]

    def day_cost_parts(self, day: int) -> list[tuple[str, float]]:
        """What makes up one day's cost (`day_costs`), by budget account, dearest first."""
        names = {
            str(a.get("code")): str(a.get("name"))
            for a in (self.plan.get("budget") or {}).get("accounts") or []
        }
        parts: dict[str, float] = {}
        for line in self.lines():
            days = [int(d) for d in line.get("days") or [] if 0 <= int(d) < len(self.days)]
            if day in days:
                name = names.get(str(line.get("account")), str(line.get("account")))
                parts[name] = parts.get(name, 0.0) + float(line.get("amount") or 0) / len(days)
        return sorted(((n, round(v, 2)) for n, v in parts.items()), key=lambda p: -p[1])

    def cast_names(self) -> list[str]:
        """The cast, as the DOOD lists them."""
        return [str(r.get("name")) for r in (self.plan.get("dood") or {}).get("rows") or []]

    def find_cast(self, name: str) -> str | None:
        """The cast name a user means: exact, a first or last name, or a unique prefix."""
        wanted = name.strip().upper()
        names = self.cast_names()
        for test in (
            lambda n: n == wanted,
            lambda n: wanted in n.split(),
            lambda n: n.startswith(wanted),
        ):
            found = [n for n in names if test(n)]
            if found:
                return found[0]
        return None

    def dood_row(self, name: str) -> Record | None:
        """One cast member's DOOD row."""
        for row in (self.plan.get("dood") or {}).get("rows") or []:
            if row.get("name") == name:
                return dict(row)
        return None
