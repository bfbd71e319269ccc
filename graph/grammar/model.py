"""The typed request a message becomes: what the nodes act on (and a model's structured
output is checked against)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

from tools.queries import Query

__all__ = ["LAST_DAY", "Change", "ChangeKind", "ExportFormat", "IntentKind", "Request", "View"]

LAST_DAY = -999
"""A day index meaning the plan's last day ("on the final day"), resolved when applied."""

IntentKind = Literal[
    "plan",
    "show",
    "what_if",
    "compare",
    "revert",
    "export",
    "render_cost",
    "question",
    "chat",
    "document",
    "progress",
]
View = Literal["schedule", "stripboard", "dood", "budget", "savings", "summary"]
ExportFormat = Literal["csv", "xlsx", "json"]
ChangeKind = Literal[
    "days",
    "pages_per_day",
    "hours_per_day",
    "unavailable",
    "available",
    "pin",
    "stage",
    "budget_cap",
    "rate",
    "sites",
    "moves_per_day",
    "start_date",
    "week_days",
    "before",
    "block",
    "omit",
    "restore",
]


class Change(BaseModel):
    """One what-if change to the plan's inputs."""

    kind: ChangeKind
    value: float | None = None
    """Days, pages per day, hours per day, the budget cap, a day rate, moves a day, or
    shooting days a week."""
    relative: bool = False
    """`value` is added to the current figure ("two fewer days": -2)."""
    factor: float | None = None
    """For `rate`: multiply the rates ("10% cheaper cast": 0.9)."""
    actor: str | None = None
    """Cast name (upper case) for `unavailable`, `available` and `rate`."""
    department: str | None = None
    """For `rate`: "cast", "crew" or a crew department ("camera")."""
    days: list[int] = Field(default_factory=list)
    """0-based days for `unavailable`; one day for `pin`."""
    weekdays: list[int] = Field(default_factory=list)
    """For `unavailable` read from weekdays ("can't work Fridays"): the weekdays missed
    (0 Monday), which `days` spells out on the board's five-day weeks."""
    from_day: int | None = None
    """For `available`: the first 0-based day they can work (None: from the start)."""
    to_day: int | None = None
    """For `available`: the last 0-based day they can work (None: to the end)."""
    from_of_month: int | None = None
    """For `available` said as a date ("from the 14th"): the day of the month they start;
    with a start date it is that date, else `from_day` (day 14)."""
    to_of_month: int | None = None
    """For `available` said as a date ("until the 20th", "can't work from the 14th"): the day
    of the month their last day is on (or before, with `to_before`)."""
    to_before: bool = False
    """`to_of_month` is the first date they cannot work ("can't work from the 14th")."""
    scene: str | None = None
    """Scene number for `pin`, `stage` and `omit`; for `before`, the scene shot first."""
    then: str | None = None
    """For `before`: the scene shot after `scene` (same day: later in it)."""
    sites: dict[str, Any] | None = None
    """For `sites`: the user's site corrections (`tools.sites.SiteCorrections` as JSON)."""
    other: float | None = None
    """For `week_days` said as a choice ("five-day weeks versus six"): the other week; the
    change is whichever of the two the plan does not have (`inforce.chosen`)."""
    hint: str | None = None
    """Words that pick scenes for `stage` when no number is given ("bridge"); for
    `start_date`, the date as said; for `block`, the site (or "*": every site)."""
    date: str | None = None
    """For `start_date`: the first shooting day's ISO date (None: what was said is no date)."""
    base: float | None = None
    """For `days` said relatively and made absolute: the days it was read against, so a
    relative follow-up "instead" ("cut two days", "and three?") is read against them too."""


class Request(BaseModel):
    """What the user asked for, in a form the nodes act on."""

    kind: IntentKind
    view: View | None = None
    changes: list[Change] = Field(default_factory=list)
    versions: list[int] = Field(default_factory=list)
    """Versions to compare or go back to (empty: the previous one)."""
    scene: str | None = None
    """The scene a question is about."""
    category: str | None = None
    """The breakdown category a question is about (animals, stunts, ...)."""
    actor: str | None = None
    export_format: ExportFormat | None = None
    document: str | None = None
    """A printed document (graph.documents): stripboard, oneliner, callsheet, ..."""
    day: int | None = None
    """1-based shooting day of a call sheet; with `last_day`, the first of a range."""
    last_day: int | None = None
    """The last 1-based day of the range a one-liner, schedule or stripboard covers ("the
    one-liner for week two", "the schedule for days 6 to 10"); None: the whole board."""
    week: int | None = None
    """The 1-based week a schedule document covers, turned into days by the plan's week."""
    paper: Literal["letter", "a4"] | None = None
    queries: list[Query] = Field(default_factory=list)
    """Questions the plan answers (several when a message asks several)."""
    instead: bool = False
    """A what-if replacing the previous one ("... instead")."""
    reset: bool = False
    """A what-if starting over from the first plan's inputs."""
    topic: Literal["outside", "why"] | None = None
    """"outside": a question about something the script and plan do not hold (weather);
    "why": a "why?" with nothing before it that can be explained (said in words)."""
    explain: bool = False
    """For `compare`: say what drove the change ("why?" after a what-if), not the diff."""
    outcome: dict[str, Any] | None = None
    """What the turn did, recorded after it for a "why?" that follows: the version it made
    and the one before ("version", "from_version"), or the notices when it failed."""
    report: dict[str, Any] | None = None
    """For `progress`: the day's production report (`tools.progress.DayReport`, 0-based day)."""
    ask: Literal["report", "schedule", "cost", "hot", "status", "day"] | None = None
    """For `progress`: a report to file, or which progress question is asked."""
    error: str | None = None
    """For `progress`: why the report could not be read, in words."""
    text: str = ""
    """The message as written."""
    unread: list[str] = Field(default_factory=list)
    """For `what_if`: parts of the message that ask for a change none of the parsers read
    ("... and give the lead a week off in the middle"), said back so nothing is dropped
    silently."""
