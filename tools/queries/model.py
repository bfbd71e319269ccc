"""The records of a query: what is asked (`Query`) and what the plan answers (`Answer`)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

__all__ = ["Answer", "Aspect", "Query", "QueryKind"]

QueryKind = Literal[
    "day",
    "scene",
    "cast",
    "category",
    "scenes",
    "location",
    "account",
    "total",
    "rank",
    "savings",
    "versions",
    "average",
    "hold_cost",
    "span",
    "overtime",
]
Aspect = Literal[
    "all",
    "scenes",
    "locations",
    "cast",
    "pages",
    "minutes",
    "moves",
    "cost",
    "days",
    "holds",
    "start",
    "finish",
    "elements",
    "list",
    "date",
    "free",
    "on_day",
    "held_on_day",
    "free_on_day",
]


class Query(BaseModel):
    """One question about a plan, in the plan's own terms (days are 0-based)."""

    kind: QueryKind
    aspect: Aspect = "all"
    """Which part of the subject is asked for ("cost" of a day, "holds" of a cast member)."""
    day: int | None = None
    scene: str | None = None
    other: str | None = None
    """A second scene the question sets beside `scene` ("why does scene 4 come before 7?")."""
    cast: str | None = None
    """A cast name as the script writes it (upper case), or a first name of one."""
    category: str | None = None
    """A breakdown category (stunts, animals, vehicles, extras, vfx, sfx, weapons, minors)."""
    account: str | None = None
    """An account code ("1300") or words of its name or of a line ("cast", "catering")."""
    location: str | None = None
    """Words of a location or site name ("lighthouse")."""
    measure: str | None = None
    """What a total or a ranking counts: days, scenes, pages, moves, nights, cast, budget,
    locations, exteriors (totals); day_cost, account, hold, cast_cost, pages, work (rankings);
    day_cost, pages, scenes, minutes, moves, budget (averages per day)."""
    lighting: Literal["DAY", "NIGHT"] | None = None
    int_ext: Literal["INT", "EXT"] | None = None
    least: bool = False
    """Rankings: the smallest instead of the largest."""
    days: list[int] = Field(default_factory=list)
    """A span of 0-based days ("week 2", "days 6 to 10") for `span`."""
    week: int | None = None
    """The 1-based week a span was asked as ("next week": 2), for its wording."""
    hours: float | None = None
    """`overtime`: the hours over the day priced ("two hours of overtime"); None: one. The
    `long_days` total: the length a day must exceed ("which days go over 11 hours?")."""
    tier: Literal["lead", "supporting", "day_player"] | None = None
    """`cast`: only the cast of this tier ("who are the leads?"), as the budget pays them."""
    top: int | None = None
    """Rankings: how many to list ("the three most expensive days"); None: the first (and
    ties), with the top five as a table."""
    over: int | None = None
    """Rankings of holds or work days: everyone above this many days ("held more than 3
    days")."""
    when: Literal["today", "tomorrow"] | None = None
    """A day said relative to today ("who's working tomorrow?"): `day` is read from the
    board's dates when answered."""
    why: bool = False
    """What the asked figure is made of ("why?" after it): `tools.queries.why`."""
    of_ranked: bool = False
    """A ranking's first is the subject ("who works the most days and what do they cost?"):
    the ranking is answered, then this aspect of the cast member, day or account it names."""


class Answer(BaseModel):
    """A deterministic answer: a short sentence, an optional table and the facts it used."""

    kind: str
    text: str
    rows: list[dict[str, Any]] = Field(default_factory=list)
    """A table (one dict per row) when a table helps, else empty."""
    facts: dict[str, Any] = Field(default_factory=dict)
    """Every number and name the text uses, for grounding a model's wording."""
    found: bool = True
    """False when the plan has no such subject (no day 40, no cast member BOB)."""
