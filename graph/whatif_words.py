"""What-if changes in a few words, for version labels and answers ("18 shooting days; MAYA
unavailable on days 1-5")."""

from __future__ import annotations

from collections.abc import Sequence

from graph.facts import say_date
from graph.grammar.weekdays import describe_weekdays
from graph.intents import Change
from tools.plan.blocks import ALL_SITES
from tools.schedule.model import MINUTES_PER_EIGHTH, eighths_in_hours
from tools.sites import SiteCorrections

__all__ = ["HOURS_PER_PAGE", "describe_changes", "pages_in_hours"]

HOURS_PER_PAGE = MINUTES_PER_EIGHTH * 8 / 60
"""The planning pace the schedule uses (3 hours a page)."""


def pages_in_hours(hours: float) -> float:
    """Pages a shooting day of `hours` takes at the planning pace, in whole eighths."""
    return eighths_in_hours(hours) / 8


def describe_changes(changes: Sequence[Change]) -> str:
    """The changes in a few words ("18 shooting days; MAYA unavailable on days 1-5")."""
    parts = []
    for c in changes:
        if c.kind == "days" and c.relative:
            count = abs(c.value or 0)
            more = "more" if (c.value or 0) > 0 else "fewer"
            parts.append(f"{count:g} {more} shooting day{'' if count == 1 else 's'}")
        elif c.kind == "days":
            parts.append(f"{c.value:g} shooting days")
        elif c.kind == "pages_per_day":
            parts.append(f"{c.value:g} pages per day")
        elif c.kind == "hours_per_day":
            pages = pages_in_hours(c.value or 0)
            parts.append(
                f"{c.value:g}-hour days ({pages:g} pages a day at {HOURS_PER_PAGE:g} hours a page)"
            )
        elif c.kind == "budget_cap":
            parts.append(f"budget cap {c.value:,.0f}")
        elif c.kind == "moves_per_day":
            parts.append(f"up to {c.value:g} company moves a day")
        elif c.kind == "sites":
            parts.append(_describe_sites(SiteCorrections.model_validate(c.sites or {})))
        elif c.kind == "omit":
            parts.append(f"scene {c.scene} cut")
        elif c.kind == "restore":
            parts.append(f"scene {c.scene} back in")
        elif c.kind == "block":
            where = "each site" if c.hint in (None, ALL_SITES) else c.hint
            parts.append(f"{where} shot in one block")
        elif c.kind == "week_days":
            parts.append(f"{c.value:g}-day weeks")
        elif c.kind == "start_date" and c.relative:
            count = abs(c.value or 0)
            weeks, unit = (count / 7, "week") if count % 7 == 0 else (count, "day")
            way = "later" if (c.value or 0) > 0 else "earlier"
            parts.append(f"start {weeks:g} {unit}{'' if weeks == 1 else 's'} {way}")
        elif c.kind == "start_date" and c.date:
            parts.append(f"shooting starts {say_date(c.date)}")
        elif c.kind == "unavailable" and c.weekdays:
            parts.append(describe_weekdays(c.actor or "", c.weekdays))
        elif c.kind == "unavailable":
            days = ", ".join(str(d + 1) for d in c.days)
            parts.append(f"{c.actor} unavailable on days {days}")
        elif c.kind == "pin":
            parts.append(f"scene {c.scene} pinned to day {c.days[0] + 1}")
        elif c.kind == "available" and c.to_before and c.to_of_month and not c.from_day:
            parts.append(f"{c.actor} unavailable {_said_day('from', 0, c.to_of_month)}")
        elif c.kind == "available":
            start = _said_day("from", c.from_day, c.from_of_month) if c.from_day else ""
            end = ""
            if c.to_day is not None:
                end = _said_day("before" if c.to_before else "until", c.to_day, c.to_of_month)
            parts.append(f"{c.actor} available {' '.join(p for p in (start, end) if p)}")
        elif c.kind == "rate":
            who = c.actor or c.department or "crew"
            if who.startswith("cast:"):
                who = who.removeprefix("cast:").replace("_", " ") + " cast"
            parts.append(
                f"{who}'s day rate x {c.factor:g}"
                if c.factor is not None and c.actor
                else f"{who} rates x {c.factor:g}"
                if c.factor is not None
                else f"{who} at {c.value:,.0f} a day"
            )
        elif c.kind == "before":
            parts.append(f"scene {c.scene} before scene {c.then}")
        elif c.kind == "stage":
            parts.append(
                f"scene {c.scene} moved to a stage"
                if c.scene
                else f"{c.hint or 'the'} stunt moved to a stage"
            )
    return "; ".join(parts)


def _said_day(word: str, day: int, of_month: int | None) -> str:
    """'from day 14', or 'before the 14th' when it was said as a date."""
    if of_month is None:
        return f"{word} day {day + 1}"
    suffix = (
        "th" if 10 <= of_month % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(of_month % 10, "th")
    )
    return f"{word} the {of_month}{suffix}"


def _describe_sites(c: SiteCorrections) -> str:
    said = [f"scenes {s.first}-{s.last} at {s.site.upper()}" for s in c.scenes]
    said += [f"{place} at {site}" for place, site in c.locations.items() if place != site]
    said += [f"{site} is a {kind}" for site, kind in c.kinds.items()]
    return "sites corrected: " + ", ".join(said)
