"""Render screenplay blocks to a PDF in industry layout, as Final Draft or Fade In would export it.

US Letter, 12 pt Courier on 12 pt lines (56 body lines from 1 in down), action and headings at
1.5 in, dialogue at 2.5 in, parentheticals at 3.0 in, cues at 3.7 in, transitions flush right
at 7.5 in, scene numbers in both margins, page numbers top right from page 2, a title page,
(MORE) at the bottom of a page where a speech breaks and `NAME (CONT'D)` at the top of the next,
and optionally CONTINUED at scene breaks across pages. `font="times"` renders a non-Courier
PDF (11 pt Times on 13 pt lines: fewer lines a page) to exercise the reader's normalisation.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from fpdf import FPDF

from bench.scriptfmt import wrap
from tools.parsing.blocks import Block
from tools.parsing.eighths import SPACE_BEFORE

__all__ = ["BLANK_BEFORE", "fountain_to_pdf", "render_pdf"]

INCH = 72.0
_X = {"heading": 1.5, "action": 1.5, "dialogue": 2.5, "parenthetical": 3.0, "cue": 3.7}
_RIGHT = 7.5 * INCH
_TOP = 1.0 * INCH
_BODY = 56 * 12.0
#: Blank lines before each element: the same as the text formats' measure of eighths.
BLANK_BEFORE = SPACE_BEFORE
_AS_ACTION = {"centered": "action", "lyrics": "action"}
_DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf")
_FIXED_DATE = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)


@dataclass
class _Row:
    kind: str
    text: str
    number: str | None = None


Page = list[_Row | None]


def render_pdf(
    title_page: dict[str, str],
    blocks: Sequence[Block],
    *,
    font: str = "courier",
    continueds: bool = False,
    scene_numbers: bool = True,
) -> bytes:
    """Render a title page and blocks to PDF bytes (deterministic: fixed creation date)."""
    if font not in ("courier", "times"):
        raise ValueError(f"unknown font {font!r}: choose courier or times")
    size, leading = (12.0, 12.0) if font == "courier" else (11.0, 13.0)
    pages = _paginate(blocks, lines=int(_BODY // leading), continueds=continueds)
    pdf = FPDF(unit="pt", format="letter")
    pdf.set_creation_date(_FIXED_DATE)
    pdf.set_auto_page_break(False)
    pdf.core_fonts_encoding = "cp1252"
    family = "Courier" if font == "courier" else "Times"
    texts = [*title_page.values(), *(block.text for block in blocks)]
    if not _encodable(texts) and _DEJAVU.is_file():
        pdf.add_font("DejaVuMono", fname=str(_DEJAVU))
        family = "DejaVuMono"
    pdf.set_font(family, size=size)
    if title_page:
        _title(pdf, title_page)
    for number, page in enumerate(pages, start=1):
        pdf.add_page()
        if number > 1:
            label = f"{number}."
            pdf.text(_RIGHT - pdf.get_string_width(label), 0.5 * INCH + size, label)
        for line, row in enumerate(page):
            if row is not None:
                _draw(pdf, row, _TOP + line * leading + size * 0.8, scene_numbers=scene_numbers)
    return bytes(pdf.output())


def fountain_to_pdf(text: str, **options: object) -> bytes:
    """Render a Fountain file's blocks (read by `tools.parsing.fountain`) to PDF."""
    from tools.parsing import fountain

    doc = fountain.read_fountain(text)
    return render_pdf(doc.title_page, doc.blocks, **options)  # type: ignore[arg-type]


def _encodable(texts: Sequence[str]) -> bool:
    try:
        "".join(texts).encode("cp1252")
    except UnicodeEncodeError:
        return False
    return True


def _title(pdf: FPDF, title_page: dict[str, str]) -> None:
    pdf.add_page()
    lines = [
        title_page.get("Title", ""),
        "",
        title_page.get("Credit", "Written by"),
        "",
        title_page.get("Author", ""),
    ]
    for index, line in enumerate(value for raw in lines for value in raw.splitlines() or [""]):
        pdf.text((612 - pdf.get_string_width(line)) / 2, 3.5 * INCH + index * 14, line)
    for index, line in enumerate(title_page.get("Contact", "").splitlines()):
        pdf.text(1.5 * INCH, 9.0 * INCH + index * 14, line)


def _draw(pdf: FPDF, row: _Row, y: float, *, scene_numbers: bool) -> None:
    if row.kind in ("transition", "continued_bottom"):
        pdf.text(_RIGHT - pdf.get_string_width(row.text), y, row.text)
        return
    pdf.text(_X.get(row.kind, 1.5) * INCH, y, row.text)
    if row.number and scene_numbers:
        pdf.text(0.75 * INCH, y, row.number)
        pdf.text(7.75 * INCH, y, row.number)


def _paginate(blocks: Sequence[Block], *, lines: int, continueds: bool) -> list[Page]:
    """Lay the blocks into pages of `lines` rows, breaking speeches with (MORE)/(CONT'D)."""
    cap = lines - 1 if continueds else lines
    pages: list[Page] = [[]]
    scene: str | None = None
    for unit in _units(blocks):
        page = pages[-1]
        first = unit[0]
        before = BLANK_BEFORE.get(first.kind, 0) if page else 0
        keep = 3 if first.kind == "heading" else len(unit)
        if first.kind == "heading":
            scene = first.number
        if len(page) + before + keep <= cap:
            page.extend([None] * before)
            page.extend(unit)
            continue
        room = cap - len(page) - before
        if first.kind == "cue" and room >= 4 and len(unit) - (room - 1) >= 1:
            page.extend([None] * before)
            page.extend([*unit[: room - 1], _Row("cue", "(MORE)")])
            cue = first.text if first.text.endswith("(CONT'D)") else f"{first.text} (CONT'D)"
            rest = [_Row("cue", cue), *unit[room - 1 :]]
        else:
            rest = unit
        new: Page = []
        if continueds and first.kind != "heading" and scene:
            page.append(_Row("continued_bottom", "(CONTINUED)"))
            new += [_Row("heading", "CONTINUED:", scene), None]
        pages.append([*new, *rest])
    return [page for page in pages if page]


def _units(blocks: Sequence[Block]) -> list[list[_Row]]:
    """Rows grouped into units kept together: a speech is its cue with what follows it."""
    units: list[list[_Row]] = []
    count = 0
    for block in blocks:
        kind = _AS_ACTION.get(block.kind, block.kind)
        if kind not in _X and kind != "transition":
            continue
        text = block.text.upper() if kind in ("heading", "cue") else block.text
        rows = [_Row(kind, line) for line in wrap(text, kind)]
        if kind == "heading":
            # Unnumbered scripts get sequential numbers, as apps print them with numbering on.
            count += 1
            rows[0].number = block.scene_number or str(count)
        if kind in ("dialogue", "parenthetical") and units and units[-1][0].kind == "cue":
            units[-1].extend(rows)
        else:
            units.append(rows)
    return units
