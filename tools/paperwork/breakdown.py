"""Breakdown sheets: one page per scene, its elements in the usual category boxes.

The header gives the scene, heading, day and night, pages, site and set, the day it is
scheduled and its synopsis; the boxes (cast, extras, stunts, vehicles, animals, props,
wardrobe, make-up, SFX, VFX, weapons, minors, notes) list what the breakdown found.
"""

from __future__ import annotations

from tools.paperwork.board import Board, BoardScene, pages
from tools.paperwork.pdf import FONT, Paper, Sheet
from tools.paperwork.schedule import category_label

__all__ = ["BOXES", "render_breakdown"]

#: Box order and the header colour each category traditionally has on a sheet.
BOXES: tuple[tuple[str, tuple[int, int, int]], ...] = (
    ("cast", (235, 90, 90)),
    ("extras", (110, 190, 110)),
    ("stunts", (245, 160, 70)),
    ("vehicles", (235, 140, 200)),
    ("animals", (200, 150, 100)),
    ("props", (170, 120, 210)),
    ("wardrobe", (100, 170, 230)),
    ("makeup", (240, 200, 120)),
    ("sfx", (120, 200, 200)),
    ("vfx", (160, 160, 230)),
    ("weapons", (180, 180, 180)),
    ("minors", (250, 210, 90)),
    ("notes", (210, 210, 210)),
)
_BOX_H = 34.0
_LINES = 7


def _header(sheet: Sheet, scene: BoardScene, day: int, n_days: int) -> None:
    sheet.set_font(FONT, "B", 12)
    sheet.cell(0, 7, sheet.fit(f"Scene {scene.number}", sheet.epw), new_x="LMARGIN", new_y="NEXT")
    sheet.set_font(FONT, "B", 9)
    sheet.cell(0, 5, sheet.fit(scene.heading, sheet.epw), new_x="LMARGIN", new_y="NEXT")
    sheet.set_font(FONT, "", 8)
    facts = (
        f"{scene.int_ext} · {'Night' if scene.lighting == 'NIGHT' else 'Day'} · "
        f"{pages(scene.eighths)} pages · shooting day {day} of {n_days}"
    )
    sheet.cell(0, 4.5, facts, new_x="LMARGIN", new_y="NEXT")
    where = f"Site: {scene.site} · Set: {scene.set}"
    sheet.cell(0, 4.5, sheet.fit(where, sheet.epw), new_x="LMARGIN", new_y="NEXT")
    synopsis = scene.synopsis or "(no synopsis in the script)"
    sheet.cell(0, 4.5, sheet.fit(f"Synopsis: {synopsis}", sheet.epw), new_x="LMARGIN", new_y="NEXT")
    sheet.ln(2)


def _entries(board: Board, scene: BoardScene, category: str) -> list[str]:
    if category == "cast":
        return [f"{i}. {board.cast_name(i)}" for i in scene.cast_ids]
    if category == "notes":
        return list(scene.notes)
    return list(scene.elements.get(category, []))


def _box(
    sheet: Sheet,
    x: float,
    y: float,
    w: float,
    title: str,
    colour: tuple[int, int, int],
    entries: list[str],
) -> None:
    sheet.set_xy(x, y)
    sheet.set_fill_color(*colour)
    sheet.set_font(FONT, "B", 7.5)
    sheet.cell(w, 5, title, border=1, fill=True)
    sheet.rect(x, y + 5, w, _BOX_H - 5)
    sheet.set_font(FONT, "", 7)
    shown = entries[:_LINES] if len(entries) <= _LINES else entries[: _LINES - 1]
    for row, entry in enumerate(shown):
        sheet.set_xy(x + 1, y + 6 + row * 3.8)
        sheet.cell(w - 2, 3.8, sheet.fit(entry, w - 2))
    if len(entries) > len(shown):
        sheet.set_xy(x + 1, y + 6 + len(shown) * 3.8)
        sheet.cell(w - 2, 3.8, f"… and {len(entries) - len(shown)} more")


def _sheet(sheet: Sheet, board: Board, scene: BoardScene, day: int) -> None:
    sheet.add_page()
    _header(sheet, scene, day, len(board.days))
    top, width = sheet.get_y(), (sheet.epw - 4) / 3
    for index, (category, colour) in enumerate(BOXES):
        row, col = divmod(index, 3)
        x = sheet.l_margin + col * (width + 2)
        y = top + row * (_BOX_H + 2)
        _box(sheet, x, y, width, category_label(category), colour, _entries(board, scene, category))


def render_breakdown(board: Board, *, paper: Paper = "letter") -> bytes:
    """Every scheduled scene's breakdown sheet, in board order, as PDF bytes."""
    sheet = Sheet(
        title=board.title,
        document="Breakdown sheets",
        stamp=board.stamp,
        rtl=board.rtl,
        fallback=board.fallback,
        paper=paper,
    )
    sheet.set_auto_page_break(False)
    for day in board.days:
        for scene in day.scenes:
            _sheet(sheet, board, scene, day.number)
    return sheet.output_bytes()
