"""Scene length in eighths of a page, measured the way a typeset page fills.

Industry basis (PARSING.md): US Letter, 12 pt Courier, 56 lines a page. Each element is
wrapped at its column width, the blank lines before it are added, and a scene's lines give
`ceil(lines / 56 * 8)` eighths, at least one. Final Draft's stored length wins when present
(see `build.py`); PDF blocks carry a measured height (`extent_lines`) used as is.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

from tools.parsing.blocks import Block

__all__ = [
    "LINES_PER_PAGE",
    "block_lines",
    "eighths_from_lines",
    "format_eighths",
    "parse_length",
    "scene_lines",
]

LINES_PER_PAGE = 56
#: Characters per line for each element (Courier 12 at its column width).
WIDTH: dict[str, int] = {
    "heading": 60,
    "action": 60,
    "transition": 60,
    "centered": 60,
    "cue": 35,
    "dialogue": 35,
    "lyrics": 35,
    "parenthetical": 25,
}
#: Blank lines a page puts before each element.
SPACE_BEFORE: dict[str, int] = {
    "heading": 1,
    "action": 1,
    "transition": 1,
    "centered": 1,
    "cue": 1,
    "dialogue": 0,
    "lyrics": 0,
    "parenthetical": 0,
}
_LENGTH = re.compile(r"^\s*(?:(?P<whole>\d+)\s*)?(?:(?P<num>\d+)\s*/\s*8)?\s*$")


def _wrapped(text: str, width: int) -> int:
    """Lines a greedy word wrap at `width` columns takes (as textwrap, long words broken)."""
    lines, used = 1, 0
    for word in text.split():
        size = len(word)
        if size <= width:
            if used and used + 1 + size <= width:
                used += 1 + size
            elif used:
                lines, used = lines + 1, size
            else:
                used = size
            continue
        if used:
            size -= max(width - used - 1, 0)
            lines, used = lines + 1, 0
        full, rest = divmod(size, width)
        lines += full - 1 if not rest else full
        used = rest or width
    return lines


def block_lines(block: Block, *, rejoin: bool = False) -> float:
    """Printed lines of one block, blank lines before it included; 0 for non-printing ones.

    `rejoin` joins hard-wrapped source lines first (typewriter-layout plain text), otherwise
    every source line starts a printed line (Fountain keeps line breaks).
    """
    if block.extent_lines is not None:
        return block.extent_lines
    width = WIDTH.get(block.kind)
    if width is None:
        return 0
    text = block.text.strip()
    pieces = [" ".join(text.split())] if rejoin else text.split("\n")
    body = sum(_wrapped(piece, width) if piece.strip() else 1 for piece in pieces)
    return SPACE_BEFORE[block.kind] + body


def scene_lines(blocks: Iterable[Block], *, rejoin: bool = False) -> float:
    """Printed lines of a scene's blocks, heading first."""
    return sum(block_lines(block, rejoin=rejoin) for block in blocks)


def eighths_from_lines(lines: float) -> int:
    """`ceil(lines / 56 * 8)`, at least 1 (tolerant of float noise from PDF extents)."""
    return max(1, math.ceil(round(lines / LINES_PER_PAGE * 8, 6)))


def parse_length(text: str) -> int | None:
    """Final Draft's `Length` ("1 3/8", "3/8", "2") in eighths; None when unreadable."""
    match = _LENGTH.match(text or "")
    if not match or not (match.group("whole") or match.group("num")):
        return None
    return int(match.group("whole") or 0) * 8 + int(match.group("num") or 0)


def format_eighths(eighths: int) -> str:
    """Eighths as a breakdown sheet writes them: 11 -> "1 3/8", 8 -> "1", 3 -> "3/8"."""
    pages, rest = divmod(eighths, 8)
    if not rest:
        return str(pages)
    return f"{pages} {rest}/8" if pages else f"{rest}/8"
