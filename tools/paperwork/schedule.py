"""The one-liner and the shooting schedule: the board day by day, short and long.

The one-liner gives each scene one line (number, D/N, set, pages, cast IDs, synopsis); the
shooting schedule gives each scene its heading, synopsis, pages, cast and breakdown elements
by category. Both show company moves and close each day with its totals.
"""

from __future__ import annotations

from tools.paperwork.board import Board, BoardDay, BoardScene, pages
from tools.paperwork.pdf import FONT, Paper, Sheet

__all__ = ["category_label", "render_oneliner", "render_schedule"]

_LABELS = {"sfx": "SFX", "vfx": "VFX", "makeup": "Make-up"}
#: One-liner columns as shares of the page width: scene, D/N, set and synopsis, pages, cast.
_ONE = (0.08, 0.06, 0.60, 0.09, 0.17)


def category_label(category: str) -> str:
    """A breakdown category as a sheet prints it."""
    return _LABELS.get(category, category.capitalize())


def _day_header(sheet: Sheet, day: BoardDay, n_days: int) -> None:
    if sheet.get_y() > sheet.h - 40:
        sheet.add_page()
    sheet.set_fill_color(230, 230, 230)
    sheet.set_font(FONT, "B", 9)
    when = f" · {day.date}" if day.date else ""
    text = f"Day {day.number} of {n_days}{when} · {', '.join(day.sites) or 'no site'}"
    sheet.cell(0, 6, sheet.fit(text, sheet.epw), fill=True, new_x="LMARGIN", new_y="NEXT")


def _day_total(sheet: Sheet, day: BoardDay) -> None:
    sheet.set_font(FONT, "B", 8)
    moves = f" · {day.company_moves} company move(s)" if day.company_moves else ""
    text = f"End of day {day.number}: {len(day.scenes)} scenes · {pages(day.eighths)} pages{moves}"
    sheet.cell(0, 5, text, border="T", new_x="LMARGIN", new_y="NEXT")
    sheet.ln(3)


def _move(sheet: Sheet, site: str) -> None:
    sheet.set_font(FONT, "B", 7.5)
    sheet.set_fill_color(245, 160, 70)
    sheet.cell(0, 4.5, sheet.fit(f"COMPANY MOVE to {site}", sheet.epw), fill=True)
    sheet.ln(4.5)


def _one_line(sheet: Sheet, scene: BoardScene) -> None:
    widths = [sheet.epw * share for share in _ONE]
    sheet.set_font(FONT, "", 7.5)
    what = f"{scene.int_ext}. {scene.set}" + (f" — {scene.synopsis}" if scene.synopsis else "")
    values = [
        scene.number,
        "N" if scene.lighting == "NIGHT" else "D",
        what,
        f"{pages(scene.eighths)} pgs",
        ",".join(str(i) for i in scene.cast_ids),
    ]
    for width, value in zip(widths, values, strict=True):
        sheet.cell(width, 4.5, sheet.fit(value, width))
    sheet.ln(4.5)


def _each_day(sheet: Sheet, board: Board, draw: str) -> None:
    for day in board.days:
        _day_header(sheet, day, board.day_count)
        previous = None
        for scene in day.scenes:
            if previous is not None and scene.site != previous:
                _move(sheet, scene.site)
            if draw == "one":
                _one_line(sheet, scene)
            else:
                _scene_block(sheet, board, scene)
            previous = scene.site
        _day_total(sheet, day)


def render_oneliner(board: Board, *, paper: Paper = "letter") -> bytes:
    """The one-line schedule as PDF bytes."""
    sheet = Sheet(
        title=board.title,
        document="One-line schedule",
        stamp=board.stamp,
        rtl=board.rtl,
        fallback=board.fallback,
        paper=paper,
    )
    sheet.add_page()
    _each_day(sheet, board, "one")
    return sheet.output_bytes()


def _scene_block(sheet: Sheet, board: Board, scene: BoardScene) -> None:
    if sheet.get_y() > sheet.h - 35:
        sheet.add_page()
    night = "Night" if scene.lighting == "NIGHT" else "Day"
    sheet.set_font(FONT, "B", 8.5)
    sheet.cell(sheet.epw * 0.8, 5, sheet.fit(f"Sc. {scene.number}  {scene.heading}", sheet.epw))
    sheet.cell(0, 5, f"{night} · {pages(scene.eighths)} pgs", align="R")
    sheet.ln(5)
    sheet.set_font(FONT, "", 7.5)
    if scene.synopsis:
        sheet.cell(0, 4, sheet.fit(scene.synopsis, sheet.epw), new_x="LMARGIN", new_y="NEXT")
    cast = ", ".join(f"{i}. {board.cast_name(i)}" for i in scene.cast_ids) or "none"
    lines = [f"Cast: {cast}", f"Site: {scene.site} · Set: {scene.set}"]
    lines += [
        f"{category_label(cat)}: {', '.join(names)}"
        for cat, names in scene.elements.items()
        if cat != "cast"
    ]
    for line in lines:
        sheet.cell(4, 4)
        sheet.cell(0, 4, sheet.fit(line, sheet.epw - 4), new_x="LMARGIN", new_y="NEXT")
    sheet.ln(1.5)


def render_schedule(board: Board, *, paper: Paper = "letter") -> bytes:
    """The shooting schedule as PDF bytes."""
    sheet = Sheet(
        title=board.title,
        document="Shooting schedule",
        stamp=board.stamp,
        rtl=board.rtl,
        fallback=board.fallback,
        paper=paper,
    )
    sheet.add_page()
    if not board.detailed:
        sheet.paragraph(
            "Drawn from the plan's strips only: the script this version was planned from is "
            "not the session's current script, so synopses and elements are left out."
        )
    _each_day(sheet, board, "long")
    return sheet.output_bytes()
