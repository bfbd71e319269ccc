"""Turn a PDF's positioned text lines into screenplay blocks, by where each line sits.

Industry layout is measured from the left text column (about 1.5 in, found as the most common
line start): headings and action at the column, dialogue about 1 in right of it, parentheticals
about 1.5 in, cues about 2 in, transitions flush right. Scene numbers sit in both margins.
Page artefacts ((MORE), a continuation cue `NAME (CONT'D)`, CONTINUED, page numbers, headers)
are dropped. Heights are measured in points and normalised to 56-line pages, so a
non-Courier PDF with fewer lines a page still measures a full page as 8/8.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from tools.parsing.blocks import Block, BlockKind, ParsedDocument
from tools.parsing.eighths import SPACE_BEFORE
from tools.parsing.pdf_title import is_title_page, title_fields

__all__ = ["HEADING_RE", "classify"]

INCH = 72.0
HEADING_RE = re.compile(r"^(INT|EXT|EST|INT\.?/EXT|EXT\.?/INT|I/E)[.\s]", re.IGNORECASE)
_NUMBER_RE = re.compile(r"^[A-Z]{0,2}\d{1,4}[A-Z]{0,3}(-\d+[A-Z]?)*\.?$")
_ARTEFACT_RE = re.compile(
    r"^(\(MORE\)|\(?CONTINUED\)?:?(\s*\(\d+\))?|\(CONT'D\)|\d+[A-Z]?\.|PAGE \d+)$", re.IGNORECASE
)
_CONTD_RE = re.compile(r"\(\s*CONT[’']?D\s*\)|\(CONTINUING\)", re.IGNORECASE)
_TRANSITION_RE = re.compile(r"(TO:|FADE OUT\.?|FADE TO BLACK\.?|CUT TO BLACK\.?)$")
_LINES_PER_PAGE = 56


@dataclass
class _Line:
    page: int
    top: float
    text: str
    offset: float
    """Inches right of the text column."""
    number: str | None = None
    kind: str = "action"
    share: float = 0.0
    """Points of page height this line accounts for (itself and the blank space after it)."""


@dataclass
class _Open:
    kind: str
    lines: list[_Line] = field(default_factory=list)
    space_before: float = 0.0
    """Points of blank space a page break swallowed before this block (at a page top)."""


def classify(pages: list[dict[str, Any]]) -> ParsedDocument:
    """Blocks and title page from the worker's pages (see `tools.parsing.pdf_worker`)."""
    start = 1 if len(pages) > 1 and is_title_page(pages[0]) else 0
    title_page = title_fields(pages[0]) if start else {}
    body = pages[start:]
    column = _text_column(body)
    lines = [line for index, page in enumerate(body) for line in _page_lines(page, index, column)]
    for line in lines:
        line.kind = _kind(line)
    _unnumbered_headings_are_action(lines)
    pitch = _pitch(lines)
    _measure(lines, pitch)
    blocks = _blocks(lines, scale=_LINES_PER_PAGE / _text_height(lines, body, pitch), pitch=pitch)
    return ParsedDocument(format="pdf", blocks=blocks, title_page=title_page)


def _text_column(pages: list[dict[str, Any]]) -> float:
    """The action and heading column: the leftmost of the common line starts."""
    starts = Counter(
        round(word[0])
        for page in pages
        for line in page["lines"]
        for word in line[3][:1]
        if not _NUMBER_RE.match(word[2])
    )
    if not starts:
        return 1.5 * INCH
    common = max(starts.values())
    return float(min(x for x, count in starts.items() if count >= 0.15 * common))


def _page_lines(page: dict[str, Any], index: int, column: float) -> list[_Line]:
    """Body lines of one page: headers and footers dropped, margin scene numbers split off."""
    height = page["height"]
    out = []
    for top, _bottom, _size, words in page["lines"]:
        text = " ".join(word[2] for word in words)
        if top < 0.07 * height or (top > 0.95 * height and len(words) <= 3):
            continue
        number = None
        body = [w for w in words if not _is_margin_number(w, column)]
        if len(body) < len(words):
            number = next(w[2] for w in words if _is_margin_number(w, column)).rstrip(".")
        if not body:
            continue
        text = " ".join(word[2] for word in body)
        out.append(_Line(index, top, text, (body[0][0] - column) / INCH, number))
    return out


def _is_margin_number(word: list[Any], column: float) -> bool:
    outside = word[1] < column - 0.1 * INCH or word[0] > column + 6.1 * INCH
    return outside and bool(_NUMBER_RE.match(word[2]))


def _kind(line: _Line) -> str:
    text = line.text
    upper = text == text.upper() and any(ch.isalpha() for ch in text)
    if _ARTEFACT_RE.match(text):
        return "skip"
    if line.offset < 0.5:
        if upper and (HEADING_RE.match(text) or line.number):
            return "heading"
        return "transition" if upper and _TRANSITION_RE.search(text) else "action"
    if upper and _TRANSITION_RE.search(text) and line.offset >= 1.85:
        return "transition"
    if line.offset < 1.3:
        return "dialogue"
    if line.offset < 1.85:
        return "parenthetical" if text.startswith("(") else "dialogue_paren"
    if line.offset < 3.4:
        return "cue" if upper and len(text) <= 50 else "action"
    return "transition" if upper else "action"


def _unnumbered_headings_are_action(lines: list[_Line]) -> None:
    """In a PDF that numbers its scenes, a heading-like line without a number is action.

    (Fountain's forced action `!INT. ACTION` prints exactly like a heading; the number is
    the only mark left on the page.)
    """
    headings = [line for line in lines if line.kind == "heading"]
    numbered = sum(line.number is not None for line in headings)
    if headings and numbered >= 0.8 * len(headings):
        for line in headings:
            if line.number is None:
                line.kind = "action"


def _measure(lines: list[_Line], pitch: float) -> None:
    """Give each kept line its height: down to the next line on its page, else one line."""
    for line, after in zip(lines, [*lines[1:], None], strict=True):
        if line.kind == "skip":
            continue
        same_page = after is not None and after.page == line.page
        line.share = after.top - line.top if same_page and after else pitch
        line.share = min(line.share, 4 * pitch)


def _pitch(lines: list[_Line]) -> float:
    gaps = Counter(
        round(b.top - a.top, 1) for a, b in pairwise(lines) if a.page == b.page and b.top > a.top
    )
    return gaps.most_common(1)[0][0] if gaps else 12.0


def _text_height(lines: list[_Line], pages: list[dict[str, Any]], pitch: float) -> float:
    """The page's text area in points: Letter's 56 lines of 12 pt, or what the pages fill."""
    tops: dict[int, list[float]] = {}
    for line in lines:
        tops.setdefault(line.page, []).append(line.top)
    spans = [max(values) - min(values) + pitch for values in tops.values()]
    standard = max((page["height"] for page in pages), default=792.0) - 120.0
    return max([standard, *spans])


def _blocks(lines: list[_Line], *, scale: float, pitch: float) -> list[Block]:
    """Join consecutive lines of one element into blocks; drop page continuation cues."""
    blocks: list[Block] = []
    current: _Open | None = None
    more = carried = False
    last_page = -1
    for line in lines:
        kind = line.kind
        if kind == "skip":
            more = more or line.text.upper() == "(MORE)"
            continue
        if kind == "cue" and more and _CONTD_RE.search(line.text):
            more, carried = False, True
            continue
        if kind == "dialogue_paren":
            kind = "parenthetical" if current and _open_paren(current) else "dialogue"
        if current and (
            (carried and kind == current.kind == "dialogue")
            or _continues(current, kind, line, pitch)
        ):
            current.lines.append(line)
        else:
            if current:
                blocks.append(_block(current, scale))
            # Count the blank lines a page break swallowed, so a scene's length does not
            # depend on where the page breaks fall (the measure of text formats counts them).
            top = line.page != last_page
            current = _Open(kind, [line], SPACE_BEFORE.get(kind, 0) * pitch if top else 0.0)
        more = carried = False
        last_page = line.page
    if current:
        blocks.append(_block(current, scale))
    return blocks


def _open_paren(current: _Open) -> bool:
    text = " ".join(line.text for line in current.lines)
    return current.kind == "parenthetical" and text.count("(") > text.count(")")


def _continues(current: _Open, kind: str, line: _Line, pitch: float) -> bool:
    """Whether `line` carries on the open block: same element, same page, no blank line."""
    last = current.lines[-1]
    if line.page != last.page or line.top - last.top > 1.5 * pitch or kind == "cue":
        return False
    if current.kind == "heading":
        # A long heading wraps onto a second upper-case line at the column, without a number.
        return line.offset < 0.5 and line.number is None and line.text == line.text.upper()
    return kind == current.kind


def _block(current: _Open, scale: float) -> Block:
    kind: BlockKind = current.kind  # type: ignore[assignment]
    first = current.lines[0]
    text = " ".join(line.text for line in current.lines)
    extent = (current.space_before + sum(line.share for line in current.lines)) * scale
    number = first.number if kind == "heading" else None
    page = str(first.page + 1) if kind == "heading" else None
    return Block(kind, text, scene_number=number, page=page, extent_lines=extent)
