"""What-if changes applied to plan inputs, checked against the script, and described.

The planner's inputs are a `tools.plan.PlanInputs` record kept as a dict in state; each
change returns a new dict (inputs are never mutated). A change naming a scene or a cast
member the script does not have raises ValueError naming it.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from typing import Any

from graph.config import GraphSettings
from graph.facts import money
from graph.inforce import in_force, resolve_changes
from graph.intents import Change
from graph.whatif_words import describe_changes, pages_in_hours
from tools.plan.blocks import ALL_SITES
from tools.schedule.calendar import day_of_month_index
from tools.schedule.model import MINUTES_PER_EIGHTH
from tools.sites import SiteCorrections, parse_site_phrase

__all__ = [
    "MAX_DAYS",
    "MAX_HOURS_PER_DAY",
    "MAX_PAGES_PER_DAY",
    "apply_changes",
    "default_inputs",
    "describe_changes",
    "in_force",
    "normalize_cuts",
    "resolve_changes",
]

Record = dict[str, Any]
MAX_DAYS = 365
"""More shooting days than any production asks for: a year."""
MAX_PAGES_PER_DAY = 50.0
"""Far more than any unit shoots in a day (a fast one does 8 to 10)."""
MAX_HOURS_PER_DAY = 24.0
MAX_MOVES_PER_DAY = 5
"""Most company moves a day the chat lets a plan allow."""


def default_inputs(settings: GraphSettings) -> Record:
    """The first plan's inputs, from the settings."""
    return {
        "days": None,
        "pages_per_day": settings.pages_per_day,
        "rate_card": str(settings.rate_card) if settings.rate_card else None,
        "currency": settings.currency,
        "unavailable": {},
        "pinned": {},
        "stage_moves": [],
        "budget_cap": None,
        "start_date": None,
        "time_limit_s": settings.solver_time_limit_s,
        "seed": settings.solver_seed,
        "frozen_days": [],
        "rates": {},
        "rate_factors": {},
    }


def _scene(script: Record, number: str) -> Record:
    for scene in script.get("scenes", []):
        if str(scene.get("number", "")).upper() == number.upper():
            return scene
    raise ValueError(f"the script has no scene {number}")


def _actor(script: Record, name: str) -> str:
    cast: dict[str, None] = {}
    for scene in script.get("scenes", []):
        cast.update(dict.fromkeys(scene.get("speakers", []) + scene.get("non_speaking", [])))
    matches = [c for c in cast if c == name or c.split()[0] == name]
    if not matches:
        raise ValueError(f"nobody called {name} is in the cast")
    return matches[0]


def _stage_scenes(script: Record, change: Change) -> list[str]:
    if change.scene:
        return [str(_scene(script, change.scene)["number"])]
    hint = (change.hint or "").upper()
    found = [
        str(s["number"])
        for s in script.get("scenes", [])
        if (s.get("elements") or {}).get("stunts") and hint in str(s.get("location", "")).upper()
    ]
    if not found and hint:
        # "film the pub scene on a stage": the scenes at that place, stunts or not.
        found = [
            str(s["number"])
            for s in script.get("scenes", [])
            if any(hint in str(s.get(k) or "").upper() for k in ("location", "site"))
        ]
    if not found:
        what = f"{change.hint} stunt" if change.hint else "stunt"
        raise ValueError(f"no {what} scene was found in the breakdown")
    return found


def _day_word(day: int) -> str:
    return f"day {day + 1}"


def _check_value(change: Change) -> None:
    """ValueError, in the producer's words, for a value no schedule can have."""
    value = change.value
    if change.kind == "days" and (value is None or not 1 <= value <= MAX_DAYS or value % 1):
        raise ValueError(
            f"{value:g} shooting days is not a schedule: ask for a whole number of days "
            f"from 1 to {MAX_DAYS}"
            if value is not None
            else "say how many shooting days"
        )
    if change.kind == "pages_per_day" and (value is None or not 0 < value <= MAX_PAGES_PER_DAY):
        raise ValueError(
            f"{value or 0:g} pages per day cannot be scheduled: ask for more than 0 and at most "
            f"{MAX_PAGES_PER_DAY:g} pages a day"
        )
    if change.kind == "hours_per_day" and (
        value is None or not 0 < value <= MAX_HOURS_PER_DAY or pages_in_hours(value) <= 0
    ):
        raise ValueError(
            f"{value or 0:g}-hour days cannot be scheduled: a shooting day needs at least "
            f"{MINUTES_PER_EIGHTH:g} minutes (an eighth of a page) and at most "
            f"{MAX_HOURS_PER_DAY:g} hours"
        )
    if change.kind == "week_days" and value not in (5, 6):
        raise ValueError(
            f"{value:g}-day weeks are not planned: a shoot works five-day weeks or six-day "
            "weeks (the sixth day at a premium)"
        )
    if change.kind == "start_date" and change.date is None:
        raise ValueError(
            f"{change.hint or 'that'} is not a calendar date: say the first shooting day as "
            '"March 1, 2027" or 2027-03-01'
        )
    if change.kind == "budget_cap" and (value is None or value <= 0):
        raise ValueError(f"a budget cap of {value or 0:g} is not a budget: name a positive amount")
    if change.kind in {"pin", "unavailable"}:
        if not change.days:
            what = (
                f"scene {change.scene} goes" if change.kind == "pin" else f"{change.actor} is out"
            )
            raise ValueError(f"say which shooting day {what} (days are numbered from 1)")
        if min(change.days) < 0:
            raise ValueError(
                f"there is no {_day_word(min(change.days))}: shooting days are numbered from 1"
            )
        if max(change.days) >= MAX_DAYS:
            raise ValueError(
                f"{_day_word(max(change.days))} is past the longest schedule I plan "
                f"({MAX_DAYS} days)"
            )


def _moves_cap(value: float | None) -> int:
    if value is None or value % 1 or not 0 <= value <= MAX_MOVES_PER_DAY:
        raise ValueError(
            f"a cap of {value or 0:g} company moves a day is not a plan: ask for a whole number "
            f"from 0 to {MAX_MOVES_PER_DAY}"
        )
    return int(value)


def _site_corrections(inputs: Record, change: Change, script: Record) -> Record:
    """The saved corrections with this one added; ValueError names an unknown scene or place."""
    added = SiteCorrections.model_validate(change.sites or {})
    numbers = {str(s.get("number", "")).upper() for s in script.get("scenes") or []}
    for span in added.scenes:
        for end in (span.first, span.last):
            if end.upper() not in numbers:
                raise ValueError(f"the script has no scene {end}: check the scene numbers")
    places = [str(s.get(k) or "") for s in script.get("scenes") or [] for k in ("location",)]
    for name in [*added.locations, *added.kinds]:
        if parse_site_phrase(f"{name} is a stage", places) is None:
            raise ValueError(f"no heading names {name}: say it as the script writes it")
    saved = SiteCorrections.model_validate(inputs.get("site_corrections") or {})
    return saved.merged(added).model_dump(mode="json")


def _omit(inputs: Record, number: str) -> None:
    """Scene `number` cut from the shoot, and taken out of the pins, orders and stage moves
    that named it (they would point at a scene no longer planned)."""
    cut = inputs.setdefault("omitted", [])
    cut.extend([number] if number not in cut else [])
    inputs.get("pinned", {}).pop(number, None)
    inputs["precedences"] = [p for p in inputs.get("precedences") or [] if number not in p]
    inputs["stage_moves"] = [s for s in inputs.get("stage_moves") or [] if s != number]


def apply_changes(inputs: Record, changes: Sequence[Change], script: Record) -> Record:
    """New inputs with every change applied; ValueError for an unknown scene or actor or a
    value no schedule can have (0 days, day 0, 0 pages per day)."""
    new = copy.deepcopy(inputs)
    start = next((c.date for c in reversed(changes) if c.kind == "start_date"), None)
    start = start or inputs.get("start_date")
    week = next((c.value for c in reversed(changes) if c.kind == "week_days"), None)
    week = int(week or inputs.get("work_days_per_week") or 5)
    for change in changes:
        if change.kind == "available" and start:
            change = dated_window(change, start, week)
        if change.kind == "unavailable":
            _actor(script, change.actor or "")  # an unknown name is the clearer answer
        _check_value(change)
        if change.kind == "days":
            new["days"] = int(change.value or 0)
        elif change.kind == "pages_per_day":
            new["pages_per_day"] = float(change.value or 0)
        elif change.kind == "hours_per_day":
            new["pages_per_day"] = pages_in_hours(change.value or 0)
            # The day in minutes: shooting plus moves must fit the new length.
            new["day_minutes"] = float(change.value or 0) * 60
        elif change.kind == "moves_per_day":
            new["max_company_moves"] = _moves_cap(change.value)
        elif change.kind == "sites":
            new["site_corrections"] = _site_corrections(new, change, script)
        elif change.kind == "budget_cap":
            new["budget_cap"] = float(change.value or 0)
        elif change.kind == "unavailable" and change.weekdays:
            # Which days those weekdays are is the calendar's (the start date may come later).
            actor = _actor(script, change.actor or "")
            rules = new.setdefault("unavailable_weekdays", {})
            rules[actor] = sorted(set(rules.get(actor, [])) | set(change.weekdays))
        elif change.kind == "unavailable":
            actor = _actor(script, change.actor or "")
            days = set(new.setdefault("unavailable", {}).get(actor, [])) | set(change.days)
            new["unavailable"][actor] = sorted(days)
        elif change.kind == "start_date":
            new["start_date"] = change.date
        elif change.kind == "week_days":
            new["work_days_per_week"] = int(change.value or 5)
        elif change.kind == "pin":
            number = str(_scene(script, change.scene or "")["number"])
            new.setdefault("pinned", {})[number] = change.days[0]
        elif change.kind == "before":
            pair = [str(_scene(script, x or "")["number"]) for x in (change.scene, change.then)]
            order = new.setdefault("precedences", [])
            if pair not in order and tuple(pair) not in order:
                order.append(pair)
        elif change.kind == "stage":
            moves = new.setdefault("stage_moves", [])
            moves.extend(s for s in _stage_scenes(script, change) if s not in moves)
        elif change.kind == "omit":
            _omit(new, str(_scene(script, change.scene or "")["number"]))
        elif change.kind == "restore":
            number = str(_scene(script, change.scene or "")["number"])
            new["omitted"] = [s for s in new.get("omitted") or [] if s != number]
        elif change.kind == "block":
            blocks = new.setdefault("site_blocks", [])
            site = change.hint or ALL_SITES
            blocks.extend([site] if site not in blocks else [])
        elif change.kind == "available":
            actor = _actor(script, change.actor or "")
            days = set(new.setdefault("unavailable", {}).get(actor, [])) | set(_outside(change))
            new["unavailable"][actor] = sorted(days)
        elif change.kind == "rate":
            _apply_rate(new, change, script)
        else:
            raise ValueError(f"{change.kind.replace('_', ' ')} changes are not planned yet")
    return new


def dated_window(change: Change, start: str, week: int = 5) -> Change:
    """An availability said in dates ("from the 14th") as shooting days on the calendar from
    the start date; without a start date those stay day numbers (day 14)."""
    update: Record = {}
    if change.from_of_month is not None:
        update["from_day"] = day_of_month_index(
            start, change.from_of_month, edge="first", work_days_per_week=week
        )
    if change.to_of_month is not None:
        edge = "before" if change.to_before else "last"
        update["to_day"] = day_of_month_index(
            start, change.to_of_month, edge=edge, work_days_per_week=week
        )
    if update.get("to_day", 0) < 0:
        raise ValueError("that leaves no shooting day they can work before that date")
    return change.model_copy(update=update)


AVAILABILITY_HORIZON = 120
"""Days an availability window closes off after its end: longer than any feature's shoot."""


def _outside(change: Change) -> list[int]:
    """The 0-based days outside an availability window."""
    start = change.from_day or 0
    end = change.to_day if change.to_day is not None else AVAILABILITY_HORIZON
    if start < 0 or end < start:
        raise ValueError("an availability window must start on day 1 or later and end after it")
    return [*range(0, start), *range(end + 1, max(AVAILABILITY_HORIZON, end + 1))]


def _apply_rate(new: Record, change: Change, script: Record) -> None:
    if change.factor is not None:
        if not 0 < change.factor <= 10:
            raise ValueError(f"a rate factor of {change.factor:g} is not a rate change")
        factors = new.setdefault("rate_factors", {})
        target = change.department or "crew"
        if change.actor:  # one actor: their own what-if rate, else a factor on their tier's
            name = _actor(script, change.actor)
            rates = new.setdefault("rates", {})
            if f"cast:{name}" in rates:
                rates[f"cast:{name}"] = round(rates[f"cast:{name}"] * change.factor, 2)
                return
            target = f"name:{name}"
        factors[target] = round(factors.get(target, 1.0) * change.factor, 4)
        return
    if change.value is None or not 0 < change.value <= 1_000_000:
        raise ValueError("name a day rate above 0 and at most $1,000,000")
    if change.actor:
        name = _actor(script, change.actor)
        new.setdefault("rates", {})[f"cast:{name}"] = change.value
        new.get("rate_factors", {}).pop(f"name:{name}", None)  # the day rate said last wins
    elif change.department and change.department not in {"cast", "crew"}:
        new.setdefault("rates", {})[f"crew:{change.department}"] = change.value
    else:
        raise ValueError("say whose day rate changes (a cast member or a crew department)")


def normalize_cuts(cuts: Record) -> Record:
    """The cuts tool's answer (`tools.plan.CapCuts` as JSON) as facts."""
    return {
        "cap": money(cuts.get("cap")),
        "likely": money(cuts.get("likely")),
        "gap": money(cuts.get("gap")),
        "items": [
            {
                "what": str(c.get("action", "")),
                "amount": money(c.get("saving")),
                "traded_away": str(c.get("traded_away", "")),
                "selected": bool(c.get("selected")),
            }
            for c in cuts.get("cuts") or []
        ],
        "fits": bool(cuts.get("reachable")),
        "remaining": money(cuts.get("remaining")),
        "message": str(cuts.get("message", "")),
    }
