"""Paperwork a crew works from, rendered from a saved plan: PDFs, a calendar and JSON.

`build_board` turns a plan (and its script) into the documents' view; `render_document` prints
one document of it. Framework-free: fpdf2 writes the PDFs, pypdfium2 makes preview images,
icalendar writes the calendar.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from tools.paperwork.board import Board, BoardDay, BoardScene, build_board, pages, site_of
from tools.paperwork.breakdown import render_breakdown
from tools.paperwork.callsheet import CallOptions, cast_calls, render_callsheet
from tools.paperwork.dood import render_dood
from tools.paperwork.ics import render_ics
from tools.paperwork.jsonfmt import SCHEMA_PATH, render_json, schedule_document
from tools.paperwork.pdf import Paper
from tools.paperwork.schedule import render_oneliner, render_schedule
from tools.paperwork.stripboard import COLOURS, render_stripboard

__all__ = [
    "COLOURS",
    "DOCUMENTS",
    "SCHEMA_PATH",
    "Board",
    "BoardDay",
    "BoardScene",
    "CallOptions",
    "DocName",
    "Rendered",
    "build_board",
    "cast_calls",
    "file_name",
    "pages",
    "render_document",
    "schedule_document",
    "site_of",
]

DocName = Literal[
    "stripboard", "oneliner", "schedule", "dood", "breakdown", "callsheet", "ics", "json"
]
DOCUMENTS: tuple[DocName, ...] = (
    "stripboard",
    "oneliner",
    "schedule",
    "dood",
    "breakdown",
    "callsheet",
    "ics",
    "json",
)
_PDF = {
    "stripboard": render_stripboard,
    "oneliner": render_oneliner,
    "schedule": render_schedule,
    "dood": render_dood,
    "breakdown": render_breakdown,
}


@dataclass(frozen=True)
class Rendered:
    """One rendered document."""

    name: str
    data: bytes
    mime: str


def file_name(doc: str, *, version: int, paper: Paper, day: int | None = None) -> str:
    """The download's name, from the document, version, paper and day only (never user text)."""
    if doc == "ics":
        return f"shooting-days-v{version}.ics"
    if doc == "json":
        return f"schedule-v{version}.json"
    part = f"-day{day}" if doc == "callsheet" else ""
    return f"{doc}{part}-v{version}-{paper}.pdf"


def render_document(
    board: Board,
    doc: str,
    *,
    paper: Paper = "letter",
    day: int | None = None,
    options: CallOptions | None = None,
) -> Rendered:
    """Render one document; ValueError naming a bad document, paper or day."""
    if doc not in DOCUMENTS:
        raise ValueError(f"unknown document {doc!r}: use one of {', '.join(DOCUMENTS)}")
    if paper not in ("letter", "a4"):
        raise ValueError(f"unknown paper size {paper!r}: use letter or a4")
    name = file_name(doc, version=board.version, paper=paper, day=day or 1)
    if doc == "ics":
        return Rendered(name, render_ics(board), "text/calendar")
    if doc == "json":
        return Rendered(name, render_json(board), "application/json")
    if doc == "callsheet":
        data = render_callsheet(board, day=day or 1, paper=paper, options=options)
    else:
        data = _PDF[doc](board, paper=paper)
    return Rendered(name, data, "application/pdf")
