"""Which what-if changes are in force: relative figures made absolute against the current
plan, "instead" and "start over", and a later change replacing an earlier one of its kind."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from graph.grammar.model import LAST_DAY
from graph.intents import Change

__all__ = ["chosen", "in_force", "resolve_changes"]

Record = dict[str, Any]


def chosen(changes: Sequence[Change], inputs: Record) -> list[Change]:
    """A choice between two weeks ("five-day weeks versus six") made: the one the plan does
    not have now, so the re-plan compares the two."""
    week = int(inputs.get("work_days_per_week") or 5)
    out = []
    for c in changes:
        if c.kind == "week_days" and c.other is not None:
            pick = c.other if int(c.value or 0) == week else c.value
            c = c.model_copy(update={"value": pick, "other": None})
        out.append(c)
    return out


def resolve_changes(
    changes: Sequence[Change], inputs: Record, current_days: int, base_days: float | None = None
) -> list[Change]:
    """Changes with relative figures made absolute against the current plan ("two fewer
    days" on a 20-day plan is 18 days; "the last day" is its last day), or against
    `base_days` when given (a relative change replacing one read against them)."""
    out = []
    for c in changes:
        if c.kind == "days" and c.relative:
            b = float(current_days) if base_days is None else base_days
            c = c.model_copy(update={"value": b + (c.value or 0), "relative": False, "base": b})
        elif c.kind == "pages_per_day" and c.relative:
            pages = float(inputs.get("pages_per_day") or 4.0) + (c.value or 0)
            c = c.model_copy(update={"value": pages, "relative": False})
        elif c.kind == "start_date" and c.relative:
            c = c.model_copy(update={"date": _moved(inputs, c.value or 0), "relative": False})
        elif c.kind == "pin" and c.days == [LAST_DAY]:
            c = c.model_copy(update={"days": [max(0, current_days - 1)]})
        out.append(c)
    return out


def _moved(inputs: Record, days: float) -> str:
    """The start date moved by `days`; ValueError in words when there is none yet."""
    start = inputs.get("start_date")
    if not start:
        raise ValueError(
            'the plan has no start date to move: say when shooting starts ("we start shooting '
            'on March 1")'
        )
    return (date.fromisoformat(start) + timedelta(days=int(days))).isoformat()


def _key(c: Change) -> tuple[str, str]:
    """Changes with the same key replace each other; others add up."""
    if c.kind in {"pages_per_day", "hours_per_day"}:
        return ("pace", "")
    if c.kind == "rate":
        return ("rate", c.actor or c.department or "")
    if c.kind == "before":
        return ("before", f"{c.scene}>{c.then}")
    if c.kind == "block":
        return ("block", c.hint or "")
    if c.kind in {"omit", "restore"}:
        return ("omit", c.scene or "")  # putting a scene back replaces its cut
    if c.kind in {"pin", "stage"}:
        return (c.kind, c.scene or c.hint or "")
    if c.kind == "available":
        return ("available", c.actor or "")
    if c.kind == "unavailable":
        return ("unavailable", f"{c.actor}:{c.days}")
    if c.kind == "sites":
        # Corrections add up: each one says something of its own about the sites.
        return ("sites", json.dumps(c.sites, sort_keys=True))
    return (c.kind, "")


def in_force(
    groups: Sequence[Sequence[Change]], new: Sequence[Change], *, instead: bool, reset: bool
) -> list[list[Change]]:
    """The what-if groups in force after a new one: "start over" drops them all, "instead"
    drops the last one (when it changed the same things), and a change replaces an earlier
    one of the same kind ("20 days" after "18 days")."""
    kept = [] if reset else [list(g) for g in groups]
    if instead and kept and {_key(c) for c in kept[-1]} & {_key(c) for c in new}:
        kept = kept[:-1]
    keys = {_key(c) for c in new if c.kind != "rate" or c.factor is None}
    kept = [[c for c in g if _key(c) not in keys] for g in kept]
    return [g for g in kept if g] + [list(new)]
