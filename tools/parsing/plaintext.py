"""Plain-text screenplays: typewriter layout read by indentation, flat text as Fountain.

In typewriter layout (and text exported from PDF) the column carries the structure: action
and headings at the left margin, dialogue about ten columns in, parentheticals about fifteen,
cues about twenty-two (the absolute columns vary with the left margin, so everything is
measured from the leftmost text). Lines are hard-wrapped; the builder rejoins them before
measuring length. Page furniture ((MORE), CONTINUED:, page numbers) is dropped.
"""

from __future__ import annotations

import re
from dataclasses import replace

from tools.parsing.blocks import Block, BlockKind, ParsedDocument
from tools.parsing.cues import is_cue_line
from tools.parsing.detect import looks_like_typewriter
from tools.parsing.fountain import read_fountain
from tools.parsing.headings import is_heading

__all__ = ["read_plaintext"]

_FURNITURE = re.compile(
    r"^\s*(?:\(MORE\)|\(?CONTINUED\)?:?|\(CONT(?:'|’)?D\)|\d+\.?|PAGE \d+\.?)\s*$", re.IGNORECASE
)
_NUMBERED = re.compile(r"^(?P<n1>\d+[A-Z]?)\.?\s+(?P<body>.+?)(?:\s{2,}(?P<n2>\d+[A-Z]?)\.?)?$")
_TRANSITION = re.compile(r"^[A-Z .'’]+(?:TO:|OUT\.?|TO BLACK\.?|IN:)$")
#: A secondary heading ("BACK IN THE VAN"): short, upper case, set apart by blank lines.
_SECONDARY = re.compile(r"^(?=.*[A-Z])[A-Z0-9 '’\-/]{2,40}$")
_END = re.compile(r"^(?:THE END|END)\.?$")
DIALOGUE_INDENT = 6
CUE_INDENT = 15


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _heading(text: str) -> Block | None:
    numbered = _NUMBERED.match(text)
    if numbered and is_heading(numbered.group("body")):
        return Block("heading", numbered.group("body").strip(), scene_number=numbered.group("n1"))
    return Block("heading", text) if is_heading(text) else None


def _margin(lines: list[str]) -> int:
    indents = sorted(_indent(line) for line in lines if line.strip() and not _FURNITURE.match(line))
    return indents[len(indents) // 10] if indents else 0


def _left_block(text: str, line_no: int, *, standalone: bool) -> Block:
    heading = _heading(text)
    if heading is not None:
        return replace(heading, line_no=line_no)
    if standalone and _SECONDARY.match(text) and not _TRANSITION.match(text):
        return Block("heading", text, line_no=line_no, forced=True)
    if _END.match(text.upper()):
        return Block("end", text, line_no=line_no)
    kind: BlockKind = "transition" if _TRANSITION.match(text) else "action"
    return Block(kind, text, line_no=line_no)


def _typewriter(text: str) -> list[Block]:
    lines = text.expandtabs(8).replace("\f", "\n").split("\n")
    margin = _margin(lines)
    blocks: list[Block] = []
    in_dialogue = False
    blanks = 2
    for index, line in enumerate(lines):
        stripped = line.strip()
        if not stripped or _FURNITURE.match(line):
            blanks += 0 if stripped else 1
            in_dialogue = in_dialogue and bool(stripped)
            continue
        previous_blank = blanks > 0
        column = _indent(line) - margin
        upper = stripped.upper() == stripped
        last = blocks[-1] if blocks else None
        if _TRANSITION.match(stripped) and (column >= CUE_INDENT or column < DIALOGUE_INDENT):
            kind: BlockKind = "transition"
            block = Block(kind, stripped, line_no=index + 1)
        elif column >= CUE_INDENT and upper and is_cue_line(stripped) and previous_blank:
            block = Block("cue", stripped, line_no=index + 1)
            in_dialogue = True
        elif in_dialogue and column >= DIALOGUE_INDENT:
            paren = stripped.startswith("(") or (
                last is not None and last.kind == "parenthetical" and not last.text.endswith(")")
            )
            kind = "parenthetical" if paren else "dialogue"
            if last is not None and last.kind == kind and not previous_blank:
                blocks[-1] = replace(last, text=f"{last.text}\n{stripped}")
                continue
            block = Block(kind, stripped, line_no=index + 1)
        elif last is not None and last.kind == "action" and not previous_blank:
            blocks[-1] = replace(last, text=f"{last.text}\n{stripped}")
            blanks = 0
            continue
        else:
            after_blank = index + 1 >= len(lines) or not lines[index + 1].strip()
            block = _left_block(
                stripped,
                index + 1,
                standalone=blanks >= 2 and after_blank and column < DIALOGUE_INDENT,
            )
            in_dialogue = False
        blocks.append(block)
        blanks = 0
    return blocks


def read_plaintext(text: str) -> ParsedDocument:
    """Read a plain-text script: by indentation when cues are indented, else as Fountain."""
    if not looks_like_typewriter(text):
        doc = read_fountain(text)
        doc.format = "text"
        return doc
    return ParsedDocument(format="text", blocks=_typewriter(text))
