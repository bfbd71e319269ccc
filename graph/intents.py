"""Turn a chat message into a typed request, deterministically, before any model is asked.

`parse_intent` returns None when it does not recognise the message; only then does the graph
ask an LLM for the same `Request` through structured output. Days in messages are 1-based
("day 3") and become 0-based indexes here, as the planner expects.
"""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import BaseModel, Field

from graph.intent_patterns import (
    CATEGORY_WORDS,
    parse_budget_cap,
    parse_changes,
    parse_versions,
)
from graph.progress_intent import progress_fields

__all__ = ["Change", "IntentKind", "Request", "View", "parse_intent"]

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
    "progress",
]
View = Literal["schedule", "stripboard", "dood", "budget", "savings", "summary"]
ExportFormat = Literal["csv", "xlsx", "json"]
_FORMATS: tuple[ExportFormat, ...] = ("csv", "xlsx", "json")


class Change(BaseModel):
    """One what-if change to the plan's inputs."""

    kind: Literal[
        "days", "pages_per_day", "hours_per_day", "unavailable", "pin", "stage", "budget_cap"
    ]
    value: float | None = None
    """Days, pages per day, hours per shooting day or the budget cap."""
    actor: str | None = None
    """Cast name (upper case) for `unavailable`."""
    days: list[int] = Field(default_factory=list)
    """0-based days for `unavailable`; one day for `pin`."""
    scene: str | None = None
    """Scene number for `pin` and `stage`."""
    hint: str | None = None
    """Words that pick scenes for `stage` when no number is given ("bridge")."""


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
    text: str = ""
    """The message as written."""
    report: dict[str, Any] | None = None
    """For `progress`: the day's production report (`tools.progress.DayReport`, 0-based day)."""
    ask: Literal["report", "schedule", "cost", "status"] | None = None
    """For `progress`: a report to file, or which progress question is asked."""
    error: str | None = None
    """For `progress`: why the report could not be read, in words."""


_VIEWS: tuple[tuple[View, re.Pattern[str]], ...] = (
    ("dood", re.compile(r"\b(dood|day[- ]out[- ]of[- ]days?)\b", re.I)),
    ("stripboard", re.compile(r"\b(strip ?board|strips)\b", re.I)),
    ("savings", re.compile(r"\b(savings?|save)\b", re.I)),
    ("budget", re.compile(r"\b(budget|top ?sheet|cost|accounts?)\b", re.I)),
    ("summary", re.compile(r"\b(summary|overview|recap)\b", re.I)),
    ("schedule", re.compile(r"\b(schedule|shooting days?|calendar|day \d+)\b", re.I)),
)
_SHOW = re.compile(r"^\s*(show|see|display|view|give me|let me see|what'?s|what is|print)\b", re.I)
_EXPORT = re.compile(r"\b(export|download|spreadsheet|csv|xlsx|excel)\b", re.I)
_RENDER = re.compile(
    r"\b(ai[- ](?:generated |shot|render)|render(?:ing)? cost|gpu|generated shot)", re.I
)
_COMPARE = re.compile(r"\b(compare|comparison|what changed|difference between|diff)\b", re.I)
_REVERT = re.compile(r"\b(go back|revert|roll ?back|undo|restore|switch back)\b", re.I)
_PLAN = re.compile(
    r"^\s*(?:please\s+)?(plan|schedule|break (?:it|this) down|breakdown|make a (?:plan|schedule)|"
    r"build (?:a|the) (?:plan|schedule)|optimi[sz]e)\b(?!.*\bday\b)",
    re.I,
)
_WHO_IN_SCENE = re.compile(r"\bwho(?:'s| is| are)?\b.*\bscene\s+(\w+)", re.I)
_SCENES_WITH = re.compile(r"\b(which|what) scenes\b", re.I)
_GREETING = re.compile(r"^\s*(hi|hello|hey|thanks?|thank you|ok(?:ay)?|great|cool)\b[!. ]*$", re.I)


def _question(text: str) -> Request | None:
    if match := _WHO_IN_SCENE.search(text):
        return Request(kind="question", scene=match.group(1).upper(), text=text)
    if _SCENES_WITH.search(text):
        for category, pattern in CATEGORY_WORDS:
            if pattern.search(text):
                return Request(kind="question", category=category, text=text)
    return None


def _view(text: str) -> View | None:
    return next((view for view, pattern in _VIEWS if pattern.search(text)), None)


def parse_intent(text: str) -> Request | None:
    """The request a message makes, or None when the rules cannot tell."""
    message = text.strip()
    if not message:
        return Request(kind="plan", text=text)
    if fields := progress_fields(message):  # production reports and progress questions
        return Request(text=text, **fields)
    if _GREETING.match(message):
        return Request(kind="chat", text=text)
    if _RENDER.search(message):
        return Request(kind="render_cost", text=text)
    if _COMPARE.search(message):
        return Request(kind="compare", versions=parse_versions(message), text=text)
    if _REVERT.search(message) and not parse_changes(message):
        return Request(kind="revert", versions=parse_versions(message)[:1], text=text)
    if question := _question(message):
        return question
    if _EXPORT.search(message):
        named = [f for f in _FORMATS if f in message.lower()]
        spreadsheet = re.search(r"excel|spreadsheet", message, re.I)
        fmt: ExportFormat = named[0] if named else "xlsx" if spreadsheet else "csv"
        return Request(
            kind="export", view=_view(message) or "schedule", export_format=fmt, text=text
        )
    changes = parse_changes(message)
    if cap := parse_budget_cap(message):
        changes.append(Change(kind="budget_cap", value=cap))
    if changes:
        return Request(kind="what_if", changes=changes, text=text)
    if _PLAN.match(message):
        return Request(kind="plan", text=text)
    if (view := _view(message)) and (_SHOW.match(message) or len(message.split()) <= 4):
        return Request(kind="show", view=view, text=text)
    return None
