"""The format-neutral stream every reader produces and the scene builder consumes.

Fountain, plain text, Final Draft and PDF readers each turn a file into a title page and a
list of `Block`s in script order; one builder turns blocks into `Scene` records (headings,
speakers, eighths, breakdown). Keeping the readers this thin is what makes the twins
(Fountain and FDX of the same script) give the same scenes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

__all__ = ["Block", "BlockKind", "ParsedDocument"]

BlockKind = Literal[
    "heading",
    "action",
    "cue",
    "dialogue",
    "parenthetical",
    "transition",
    "note",
    "synopsis",
    "section",
    "lyrics",
    "centered",
    "page_break",
    "end",
]


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph-level element of a screenplay."""

    kind: BlockKind
    text: str
    line_no: int | None = None
    """1-based line in the source (for PDF: the line counted from the document start)."""
    scene_number: str | None = None
    """On headings: the number written in the file (`#12A#`, FDX `Number`, PDF margin)."""
    stored_eighths: int | None = None
    """On headings: Final Draft's stored scene length, in eighths."""
    page: str | None = None
    """On headings: the page the scene starts on, when known."""
    synopsis: str | None = None
    """On headings: the scene summary the file stores with the heading (FDX Summary)."""
    dual: bool = False
    """On cues: part of a dual-dialogue pair."""
    forced: bool = False
    """On headings: forced (`.HEADING` in Fountain); may be a secondary heading."""
    extent_lines: float | None = None
    """Measured height in 56-line-page lines (PDF), used instead of re-wrapping the text."""
    tags: tuple[tuple[str, str], ...] = ()
    """On headings: Final Draft breakdown tags for the scene, as (category, name) pairs."""


@dataclass(slots=True)
class ParsedDocument:
    """What a reader returns: the title page and the blocks in script order."""

    format: Literal["fountain", "text", "fdx", "pdf"]
    blocks: list[Block] = field(default_factory=list)
    title_page: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
