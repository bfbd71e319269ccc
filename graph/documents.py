"""Documents asked for in the chat: which one, for which day, paper and version; and printing.

`parse_document_request` reads "print the one-liner", "call sheet for day 3", "call sheet for
tomorrow", "send me the stripboard" (a `Request` of kind "document"), before the general intent
rules, so "show the stripboard" stays the chart and "send/print the stripboard" is paper.
`print_saved` renders one document of a saved version and keeps it on disk by version: a
version never changes, so its documents never do, whatever later what-ifs make.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from graph.grammar.numbers import ORDINALS, normalize_numbers
from graph.intents import Request
from tools.paperwork import CallOptions, build_board, file_name, render_document
from tools.paperwork.preview import page_count, preview_png
from tools.plan import Plan
from tools.script import Script

__all__ = ["parse_document_request", "print_saved", "resolve_day", "resolve_days"]

Record = dict[str, Any]
#: Documents named outright: always paper.
_ALWAYS = (
    ("callsheet", re.compile(r"\bcall ?sheets?\b", re.I)),
    ("oneliner", re.compile(r"\bone[- ]?liners?\b", re.I)),
    ("breakdown", re.compile(r"\bbreakdown sheets?\b", re.I)),
    ("ics", re.compile(r"\b(ical|ics|icalendar|calendar file)\b", re.I)),
)
#: Documents that are also chat views: paper only with a printing word.
_VIEWS = (
    ("stripboard", re.compile(r"\bstrip ?board\b", re.I)),
    ("dood", re.compile(r"\b(dood|day[- ]out[- ]of[- ]days?)\b", re.I)),
    ("schedule", re.compile(r"\bshooting schedule\b", re.I)),
)
_PRINT = re.compile(r"\b(print|send|pdf|paper|printable|hand ?out|mail)\b", re.I)
_DAY = re.compile(r"\bday\s+(\d{1,3})\b", re.I)
_RELATIVE = re.compile(r"\b(today|tomorrow)\b", re.I)
_VERSION = re.compile(r"\b(?:version|v)\s*(\d{1,4})\b", re.I)
_PAPER = re.compile(r"\b(a4|letter)\b", re.I)
_RANGE = re.compile(
    r"\bdays?\s+(\d{1,3})\s*(?:-|–|to|through|thru|till|until)\s*(?:day\s+)?(\d{1,3})\b", re.I
)
_WEEK = re.compile(
    rf"\bweek\s*(?:number\s*)?(\d{{1,2}})\b|\b({'|'.join(ORDINALS)}|\d{{1,2}}(?:st|nd|rd|th))\s+week\b",
    re.I,
)
_SPANNED = {"oneliner", "schedule", "stripboard"}
"""Documents that can cover a stretch of the board (a week, a range of days)."""


def parse_document_request(text: str) -> Request | None:
    """The document a message asks for, or None when it asks for none."""
    document = next((name for name, pattern in _ALWAYS if pattern.search(text)), None)
    if document is None and _PRINT.search(text):
        document = next((name for name, pattern in _VIEWS if pattern.search(text)), None)
    if document is None:
        return None
    said = normalize_numbers(text)
    day = _DAY.search(text)
    version = _VERSION.search(text)
    paper = _PAPER.search(text)
    first = last = week = None
    if document in _SPANNED:
        if span := _RANGE.search(said):
            first, last = sorted((int(span.group(1)), int(span.group(2))))
        elif named := _WEEK.search(said):
            word = (named.group(2) or "").lower()
            week = int(named.group(1)) if named.group(1) else ORDINALS.get(word) or int(word[:-2])
    return Request(
        kind="document",
        document=document,
        day=first if first is not None else int(day.group(1)) if day else None,
        last_day=last,
        week=week,
        paper=paper.group(1).lower() if paper else None,  # type: ignore[arg-type]
        versions=[int(version.group(1))] if version else [],
        text=text,
    )


def resolve_day(request: Request, plan: Plan, *, today: date) -> int:
    """The 1-based day a call sheet is for: named, or today/tomorrow by the plan's dates.

    Raises ValueError in words when "tomorrow" is not a shooting day or the plan has no dates.
    """
    if request.day is not None:
        return request.day
    word = _RELATIVE.search(request.text)
    if word is None:
        return 1
    wanted = today + timedelta(days=1 if word.group(1).lower() == "tomorrow" else 0)
    dates = [d.date for d in plan.schedule.days]
    if not any(dates):
        raise ValueError(
            f"the plan has no calendar dates, so I cannot tell which day is {word.group(1)}: "
            "give a start date or ask for a day by number"
        )
    if wanted.isoformat() not in dates:
        raise ValueError(f"{word.group(1)} ({wanted.isoformat()}) is not a shooting day")
    return dates.index(wanted.isoformat()) + 1


def resolve_days(request: Request, plan: Plan) -> tuple[int, int] | None:
    """The 1-based first and last day a one-liner, schedule or stripboard covers (a week by
    the plan's own week), or None for the whole board; ValueError past the board's end."""
    if request.document not in _SPANNED or (request.week is None and request.last_day is None):
        return None
    total = len(plan.schedule.days)
    if request.week is not None:
        week = plan.inputs.work_days_per_week
        first, last = (request.week - 1) * week + 1, request.week * week
        said = f"week {request.week}"
    else:
        first, last = request.day or 1, request.last_day or total
        said = f"day {first}"
    if first < 1 or first > total:
        raise ValueError(f"the plan has {total} shooting days, so there is no {said}")
    return first, min(last, total)


def print_saved(
    plan: Record,
    script: Record | None,
    *,
    version: int,
    saved: date,
    doc: str,
    day: int,
    paper: str,
    options: CallOptions,
    folder: Path,
    days: tuple[int, int] | None = None,
) -> Record:
    """Render (or reuse) one document of a saved version; returns its record for the chat.
    `days` (1-based, inclusive) keeps only those days of a schedule document."""
    name = file_name(doc, version=version, paper=paper, day=day)  # type: ignore[arg-type]
    if days is not None:
        name = name.replace(f"-v{version}-", f"-days{days[0]}-{days[1]}-v{version}-")
    path = folder / name
    if not path.is_file():
        board = build_board(
            Plan.model_validate(plan),
            Script.model_validate(script) if script else None,
            version=version,
            version_date=saved,
        )
        if days is not None:
            board = board.stretch(*days)
        rendered = render_document(board, doc, paper=paper, day=day, options=options)  # type: ignore[arg-type]
        folder.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_bytes(rendered.data)
        tmp.replace(path)
    data = path.read_bytes()
    record: Record = {
        "doc": doc,
        "name": name,
        "path": str(path),
        "version": version,
        "day": day,
        "days": list(days) if days else None,
        "paper": paper,
        "bytes": len(data),
    }
    if name.endswith(".pdf"):
        preview = path.with_suffix(".png")
        if not preview.is_file():
            preview.write_bytes(preview_png(data))
        record.update(pages=page_count(data), preview=str(preview), mime="application/pdf")
    else:
        record["mime"] = "text/calendar" if doc == "ics" else "application/json"
    return record
