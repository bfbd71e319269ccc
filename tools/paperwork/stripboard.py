"""The stripboard: one strip per scene in board order, in the industry's colours.

INT day white, EXT day yellow, INT night blue, EXT night green; each day ends in a black
day-break strip (day, date, pages, sites); an orange banner marks a company move between sites.
The cast legend (ID -> name) heads the first page.
"""

from __future__ import annotations

from tools.paperwork.board import Board, BoardDay, BoardScene, pages
from tools.paperwork.pdf import FONT, Paper, Sheet

__all__ = ["BANNER", "COLOURS", "DAY_BREAK", "render_stripboard"]

#: Strip fill per colour key, RGB (the samples a test reads back from the rendered page).
COLOURS: dict[str, tuple[int, int, int]] = {
    "int-day": (255, 255, 255),
    "ext-day": (255, 236, 110),
    "int-night": (130, 170, 235),
    "ext-night": (130, 205, 140),
}
DAY_BREAK = (0, 0, 0)
BANNER = (245, 160, 70)
STRIP_H = 6.0
#: Column widths as shares of the page width: scene, D/N, set, site, pages, cast.
_COLUMNS = (0.07, 0.06, 0.37, 0.22, 0.08, 0.20)


def _widths(sheet: Sheet) -> list[float]:
    return [sheet.epw * share for share in _COLUMNS]


def _legend(sheet: Sheet, board: Board) -> None:
    sheet.set_font(FONT, "B", 8)
    sheet.cell(0, 4.5, "Cast", new_x="LMARGIN", new_y="NEXT")
    sheet.set_font(FONT, "", 7.5)
    entries = [f"{cast_id}. {sheet.fit(name, 60)}" for cast_id, name in board.cast]
    sheet.multi_cell(0, 3.8, "   ".join(entries) or "(no cast)", new_x="LMARGIN", new_y="NEXT")
    sheet.ln(1.5)
    keys = ["INT day", "EXT day", "INT night", "EXT night"]
    for key, label in zip(COLOURS, keys, strict=True):
        sheet.set_fill_color(*COLOURS[key])
        sheet.cell(22, 4.5, label, border=1, fill=True, align="C", new_x="RIGHT", new_y="TOP")
    sheet.ln(7)


def _strip(sheet: Sheet, scene: BoardScene) -> None:
    widths = _widths(sheet)
    sheet.set_fill_color(*COLOURS[scene.colour_key])
    sheet.set_font(FONT, "", 7.5)
    cast = ",".join(str(i) for i in scene.cast_ids)
    values = [
        scene.number,
        "N" if scene.lighting == "NIGHT" else "D",
        f"{scene.int_ext}. {scene.set}",
        scene.site,
        pages(scene.eighths),
        cast,
    ]
    for width, value in zip(widths, values, strict=True):
        sheet.cell(width, STRIP_H, sheet.fit(value, width), border=1, fill=True)
    sheet.ln(STRIP_H)


def _banner(sheet: Sheet, text: str, colour: tuple[int, int, int], light: bool) -> None:
    sheet.set_fill_color(*colour)
    sheet.set_text_color(*((255, 255, 255) if light else (0, 0, 0)))
    sheet.set_font(FONT, "B", 7.5)
    sheet.cell(0, STRIP_H - 0.5, sheet.fit(text, sheet.epw), fill=True, border=1)
    sheet.ln(STRIP_H - 0.5)
    sheet.set_text_color(0, 0, 0)


def day_break_text(day: BoardDay, n_days: int) -> str:
    """The words on a day-break strip."""
    when = f" · {day.date}" if day.date else ""
    return (
        f"END OF DAY {day.number} of {n_days}{when} · {pages(day.eighths)} pages · "
        f"{', '.join(day.sites) or 'no site'}"
    )


def _day(sheet: Sheet, day: BoardDay, n_days: int) -> None:
    previous = None
    for scene in day.scenes:
        if previous is not None and scene.site != previous:
            _banner(sheet, f"COMPANY MOVE to {scene.site}", BANNER, light=False)
        _strip(sheet, scene)
        previous = scene.site
    _banner(sheet, day_break_text(day, n_days), DAY_BREAK, light=True)


def render_stripboard(board: Board, *, paper: Paper = "letter") -> bytes:
    """The stripboard as PDF bytes."""
    sheet = Sheet(
        title=board.title,
        document="Stripboard",
        stamp=board.stamp,
        rtl=board.rtl,
        fallback=board.fallback,
        paper=paper,
    )
    sheet.add_page()
    _legend(sheet, board)
    sheet.set_font(FONT, "B", 7.5)
    labels = ["Scene", "D/N", "Set", "Site", "Pages", "Cast"]
    for width, label in zip(_widths(sheet), labels, strict=True):
        sheet.cell(width, 5, label, border="B")
    sheet.ln(5)
    for day in board.days:
        _day(sheet, day, board.day_count)
    return sheet.output_bytes()
