"""The call sheet for one shooting day, and the call times it prints.

Crew call and shooting call come from the options (the app's settings); each scene's start is
the shooting call plus the minutes of the scenes before it; a cast member's call is their first
scene's start minus the make-up and wardrobe lead. Sites print their address when the user gave
one and a clearly marked placeholder otherwise.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from tools.paperwork.board import Board, BoardDay, BoardScene, pages
from tools.paperwork.pdf import FONT, Paper, Sheet

__all__ = ["NO_ADDRESS", "CallOptions", "CastCall", "cast_calls", "render_callsheet", "starts"]

NO_ADDRESS = "ADDRESS NOT GIVEN (placeholder: confirm with locations)"
NOTE_CATEGORIES = ("stunts", "animals", "minors", "weapons", "sfx")


@dataclass(frozen=True)
class CallOptions:
    """What a call sheet needs beyond the plan (from settings)."""

    crew_call: str = "07:00"
    shooting_call: str = "08:00"
    makeup_lead_minutes: int = 90
    addresses: Mapping[str, str] = field(default_factory=dict)
    """Site -> address, as the user gave them."""


@dataclass(frozen=True)
class CastCall:
    """One cast member's call on a day."""

    cast_id: int
    name: str
    first_scene: str
    on_set: str
    call: str


def _minutes(clock: str) -> int:
    try:
        hours, minutes = clock.split(":")
        value = int(hours) * 60 + int(minutes)
    except ValueError:
        raise ValueError(f"not a time of day (HH:MM): {clock!r}") from None
    if not 0 <= value < 24 * 60:
        raise ValueError(f"not a time of day (HH:MM): {clock!r}")
    return value


def _clock(minutes: float) -> str:
    total = round(minutes) % (24 * 60)
    return f"{total // 60:02d}:{total % 60:02d}"


def starts(day: BoardDay, options: CallOptions) -> list[tuple[BoardScene, str]]:
    """Each scene of the day with its estimated start time (shooting call + scenes before)."""
    now = float(_minutes(options.shooting_call))
    out = []
    for scene in day.scenes:
        out.append((scene, _clock(now)))
        now += scene.minutes
    return out


def cast_calls(board: Board, day: BoardDay, options: CallOptions) -> list[CastCall]:
    """Every cast member working the day, in ID order, with their call time."""
    first: dict[int, tuple[str, str]] = {}
    for scene, start in starts(day, options):
        for cast_id in scene.cast_ids:
            first.setdefault(cast_id, (scene.number, start))
    return [
        CastCall(
            cast_id=cast_id,
            name=board.cast_name(cast_id),
            first_scene=number,
            on_set=start,
            call=_clock(_minutes(start) - options.makeup_lead_minutes),
        )
        for cast_id, (number, start) in sorted(first.items())
    ]


def _table(sheet: Sheet, widths: list[float], rows: list[list[str]], bold: bool = False) -> None:
    for row in rows:
        sheet.set_font(FONT, "B" if bold else "", 7.5)
        for width, value in zip(widths, row, strict=True):
            sheet.cell(width, 5, sheet.fit(value, width), border=1, fill=bold)
        sheet.ln(5)
        bold = False


def _top(sheet: Sheet, board: Board, day: BoardDay, options: CallOptions) -> None:
    sheet.set_font(FONT, "B", 14)
    sheet.cell(
        0, 8, f"CALL SHEET · Day {day.number} of {len(board.days)}", new_x="LMARGIN", new_y="NEXT"
    )
    sheet.set_font(FONT, "", 9)
    sheet.cell(
        0, 5, f"Date: {day.date or 'not set (no start date given)'}", new_x="LMARGIN", new_y="NEXT"
    )
    sheet.set_font(FONT, "B", 11)
    sheet.cell(sheet.epw / 2, 7, f"Crew call {options.crew_call}", border=1, align="C")
    sheet.cell(
        sheet.epw / 2,
        7,
        f"Shooting call {options.shooting_call}",
        border=1,
        align="C",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    sheet.ln(2)


def _notes(day: BoardDay) -> list[str]:
    notes = []
    for scene in day.scenes:
        for category in NOTE_CATEGORIES:
            if names := scene.elements.get(category):
                notes.append(f"Sc. {scene.number} {category}: {', '.join(names)}")
    return notes or ["No stunts, animals, minors, weapons or special effects scheduled."]


def _advance(sheet: Sheet, board: Board, day: BoardDay) -> None:
    following = next((d for d in board.days if d.index == day.index + 1), None)
    if following is None:
        sheet.heading("Advance schedule: none (last shooting day)")
        return
    when = f" · {following.date}" if following.date else ""
    sheet.heading(f"Advance schedule: day {following.number}{when}")
    sheet.set_fill_color(230, 230, 230)
    widths = [sheet.epw * s for s in (0.08, 0.56, 0.08, 0.1, 0.18)]
    rows = [["Sc.", "Set", "D/N", "Pages", "Cast"]]
    rows += [
        [
            s.number,
            f"{s.int_ext}. {s.set}",
            "N" if s.lighting == "NIGHT" else "D",
            pages(s.eighths),
            ",".join(map(str, s.cast_ids)),
        ]
        for s in following.scenes
    ]
    _table(sheet, widths, rows, bold=True)


def render_callsheet(
    board: Board, *, day: int, paper: Paper = "letter", options: CallOptions | None = None
) -> bytes:
    """The call sheet of 1-based shooting day `day` as PDF bytes; ValueError for no such day."""
    if not 1 <= day <= len(board.days):
        raise ValueError(f"there is no shooting day {day}: the plan has {len(board.days)} days")
    options = options or CallOptions()
    _minutes(options.crew_call)
    this = board.days[day - 1]
    sheet = Sheet(
        title=board.title,
        document=f"Call sheet, day {day}",
        stamp=board.stamp,
        rtl=board.rtl,
        fallback=board.fallback,
        paper=paper,
    )
    sheet.add_page()
    _top(sheet, board, this, options)
    sheet.set_fill_color(230, 230, 230)
    sheet.heading("Sites")
    rows = [["Site", "Address"]]
    rows += [[site, options.addresses.get(site) or NO_ADDRESS] for site in this.sites]
    _table(sheet, [sheet.epw * 0.4, sheet.epw * 0.6], rows, bold=True)
    sheet.ln(2)
    sheet.heading(f"Scenes · {pages(this.eighths)} pages")
    rows = [["Sc.", "Set", "D/N", "Pages", "Cast", "Start"]]
    rows += [
        [
            s.number,
            f"{s.int_ext}. {s.set}",
            "N" if s.lighting == "NIGHT" else "D",
            pages(s.eighths),
            ",".join(map(str, s.cast_ids)),
            start,
        ]
        for s, start in starts(this, options)
    ]
    sheet.set_fill_color(230, 230, 230)
    _table(sheet, [sheet.epw * s for s in (0.08, 0.5, 0.06, 0.1, 0.16, 0.1)], rows, bold=True)
    sheet.ln(2)
    sheet.heading(f"Cast · make-up and wardrobe {options.makeup_lead_minutes} min before set")
    rows = [["ID", "Name", "First sc.", "On set", "Call"]]
    rows += [
        [str(c.cast_id), c.name, c.first_scene, c.on_set, c.call]
        for c in cast_calls(board, this, options)
    ]
    sheet.set_fill_color(230, 230, 230)
    _table(sheet, [sheet.epw * s for s in (0.07, 0.5, 0.13, 0.15, 0.15)], rows, bold=True)
    sheet.ln(2)
    sheet.heading("Notes from the breakdown")
    for note in _notes(this):
        sheet.paragraph(note)
    sheet.ln(2)
    _advance(sheet, board, this)
    return sheet.output_bytes()
