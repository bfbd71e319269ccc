"""The day out of days: cast by ID down, shooting days across, SW/W/H/WF/SWF/D in the cells.

Landscape; a long shoot continues on further pages of up to `DAYS_PER_PAGE` day columns, each
with the whole show's totals (work, hold, drop) and start and finish dates.
"""

from __future__ import annotations

from typing import Any

from tools.paperwork.board import Board
from tools.paperwork.pdf import FONT, Paper, Sheet

__all__ = ["CODE_KEY", "DAYS_PER_PAGE", "render_dood"]

DAYS_PER_PAGE = 24
CODE_KEY = (
    "SW start work · W work · H hold · WF work finish · SWF start-work-finish · D drop/pick-up"
)
_ROW_H = 5.0
_TOTALS = ("Work", "Hold", "Drop", "Start", "Finish")


def _when(board: Board, index: int | None) -> str:
    if index is None:
        return "—"
    day = board.days[index] if index < len(board.days) else None
    return day.date if day is not None and day.date else f"Day {index + 1}"


def _head(sheet: Sheet, board: Board, days: range, name_w: float, day_w: float) -> None:
    sheet.set_font(FONT, "B", 6.5)
    sheet.set_fill_color(230, 230, 230)
    sheet.cell(8, _ROW_H * 2, "ID", border=1, fill=True, align="C")
    sheet.cell(name_w, _ROW_H * 2, "Cast", border=1, fill=True)
    x, y = sheet.get_x(), sheet.get_y()
    for offset, d in enumerate(days):
        sheet.set_xy(x + offset * day_w, y)
        sheet.cell(day_w, _ROW_H, str(d + 1), border=1, fill=True, align="C")
        sheet.set_xy(x + offset * day_w, y + _ROW_H)
        date = board.days[d].date if d < len(board.days) else None
        sheet.set_font(FONT, "", 5)
        sheet.cell(day_w, _ROW_H, date[5:] if date else "", border=1, fill=True, align="C")
        sheet.set_font(FONT, "B", 6.5)
    sheet.set_xy(x + len(days) * day_w, y)
    for label in _TOTALS:
        width = 9 if label in {"Work", "Hold", "Drop"} else 17
        sheet.cell(width, _ROW_H * 2, label, border=1, fill=True, align="C")
    sheet.ln(_ROW_H * 2)


def _row(
    sheet: Sheet, board: Board, row: dict[str, Any], days: range, name_w: float, day_w: float
) -> None:
    sheet.set_font(FONT, "", 6.5)
    sheet.cell(8, _ROW_H, str(row["id"]), border=1, align="C")
    sheet.cell(name_w, _ROW_H, sheet.fit(row["name"], name_w), border=1)
    for d in days:
        code = row["codes"][d] if d < len(row["codes"]) else ""
        shade = code in {"SW", "W", "WF", "SWF"}
        sheet.set_fill_color(215, 215, 215)
        sheet.cell(day_w, _ROW_H, code, border=1, align="C", fill=shade)
    totals = [row["work_days"], row["hold_days"], row["drop_days"]]
    for value in totals:
        sheet.cell(9, _ROW_H, str(value), border=1, align="C")
    sheet.cell(17, _ROW_H, _when(board, row["start_day"]), border=1, align="C")
    sheet.cell(17, _ROW_H, _when(board, row["finish_day"]), border=1, align="C")
    sheet.ln(_ROW_H)


def render_dood(board: Board, *, paper: Paper = "letter") -> bytes:
    """The day out of days as PDF bytes."""
    sheet = Sheet(
        title=board.title,
        document="Day out of days",
        stamp=board.stamp,
        rtl=board.rtl,
        fallback=board.fallback,
        paper=paper,
        landscape=True,
    )
    n_days = len(board.days)
    for start in range(0, max(n_days, 1), DAYS_PER_PAGE):
        days = range(start, min(start + DAYS_PER_PAGE, n_days))
        sheet.add_page()
        sheet.set_font(FONT, "", 7)
        sheet.cell(0, 4, f"Shooting days {start + 1}-{days.stop} of {n_days}. {CODE_KEY}")
        sheet.ln(5)
        name_w = 48.0
        day_w = min(9.0, (sheet.epw - 8 - name_w - 3 * 9 - 2 * 17) / max(len(days), 1))
        _head(sheet, board, days, name_w, day_w)
        for row in board.dood:
            if sheet.get_y() > sheet.h - 20:
                sheet.add_page()
                _head(sheet, board, days, name_w, day_w)
            _row(sheet, board, row, days, name_w, day_w)
    return sheet.output_bytes()
