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

from graph.intents import Request
from tools.paperwork import CallOptions, build_board, file_name, render_document
from tools.paperwork.preview import page_count, preview_png
from tools.plan import Plan
from tools.script import Script

__all__ = ["parse_document_request", "print_saved", "resolve_day"]

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


def parse_document_request(text: str) -> Request | None:
    """The document a message asks for, or None when it asks for none."""
    document = next((name for name, pattern in _ALWAYS if pattern.search(text)), None)
    if document is None and _PRINT.search(text):
        document = next((name for name, pattern in _VIEWS if pattern.search(text)), None)
    if document is None:
        return None
    day = _DAY.search(text)
    version = _VERSION.search(text)
    paper = _PAPER.search(text)
    return Request(
        kind="document",
        document=document,
        day=int(day.group(1)) if day else None,
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
) -> Record:
    """Render (or reuse) one document of a saved version; returns its record for the chat."""
    name = file_name(doc, version=version, paper=paper, day=day)  # type: ignore[arg-type]
    path = folder / name
    if not path.is_file():
        board = build_board(
            Plan.model_validate(plan),
            Script.model_validate(script) if script else None,
            version=version,
            version_date=saved,
        )
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
