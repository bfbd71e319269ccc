"""Fountain reader: text to title page and blocks, following the rules in PARSING.md.

Boneyard (`/* */`, nested) goes first, then notes (`[[ ]]`, which may span paragraphs) are
lifted out as note blocks; both removals keep newlines so every block's text lines up with
the source lines (`line_no` + offset), which is what lets breakdown elements cite a line.
"""

from __future__ import annotations

import re
from dataclasses import replace

from tools.parsing.blocks import Block, BlockKind, ParsedDocument
from tools.parsing.cues import is_cue_line
from tools.parsing.headings import is_heading, split_scene_number

__all__ = ["read_fountain", "split_paragraphs", "strip_markup", "title_page"]

_BONEYARD = re.compile(r"/\*|\*/")
_EMPHASIS = re.compile(r"(?<!\\)(\*{1,3}|_)")
_TITLE_KEY = re.compile(r"^(?P<key>[A-Za-z][A-Za-z ]{0,30}):(?P<value>.*)$")
_TITLE_KEYS = {
    "title", "credit", "author", "authors", "source", "draft date", "date", "contact",
    "copyright", "notes", "revision", "format", "watermark", "font",
}  # fmt: skip
_TRANSITION_WORDS = {"FADE OUT.", "FADE OUT:", "FADE TO BLACK.", "CUT TO BLACK.", "FADE IN:"}
_END_WORDS = {"THE END", "END", "END OF ACT", "END OF SCRIPT", "END CREDITS"}
_PAGE_BREAK = re.compile(r"^={3,}\s*$")


def strip_markup(text: str) -> str:
    """Remove Fountain emphasis (`*`, `**`, `_`) and unescape `\\*`, `\\_`."""
    return _EMPHASIS.sub("", text).replace("\\*", "*").replace("\\_", "_")


def _remove_boneyard(text: str) -> str:
    """Drop `/* ... */` (nesting allowed; an unclosed one runs to the end), keeping newlines."""
    out, depth, start = [], 0, 0
    for token in _BONEYARD.finditer(text):
        if token.group() == "/*":
            if depth == 0:
                out.append(text[start : token.start()])
                start = token.start()
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                out.append("\n" * text.count("\n", start, token.end()))
                start = token.end()
    out.append(text[start:] if depth == 0 else "\n" * text.count("\n", start))
    return "".join(out)


def _lift_notes(text: str) -> tuple[str, list[Block]]:
    """Cut `[[ ... ]]` notes out (they may span paragraphs), keeping newlines."""
    out, notes, position, line_no = [], [], 0, 1
    while (opening := text.find("[[", position)) >= 0:
        closing = text.find("]]", opening + 2)
        if closing < 0:
            break
        line_no += text.count("\n", position, opening)
        body = text[opening + 2 : closing]
        if body.strip():
            notes.append(Block("note", " ".join(body.split()), line_no=line_no))
        out.extend([text[position:opening], "\n" * body.count("\n")])
        line_no += body.count("\n")
        position = closing + 2
    out.append(text[position:])
    return "".join(out), notes


def title_page(lines: list[str]) -> tuple[dict[str, str], int]:
    """`Key: value` lines at the very top (values may continue indented); and where it ends."""
    i = 0
    while i < len(lines) and not lines[i].strip():
        i += 1
    first = _TITLE_KEY.match(lines[i]) if i < len(lines) else None
    if not first or first.group("key").strip().lower() not in _TITLE_KEYS:
        return {}, 0
    page: dict[str, list[str]] = {}
    key = ""
    while i < len(lines) and lines[i].strip():
        match = _TITLE_KEY.match(lines[i])
        if match and not lines[i][:1].isspace():
            key = match.group("key").strip().title()
            page[key] = [match.group("value").strip()]
        elif key:
            page[key].append(lines[i].strip())
        i += 1
    return {k: strip_markup(" ".join(v for v in vals if v)) for k, vals in page.items()}, i


def split_paragraphs(lines: list[str], start: int = 0) -> list[list[tuple[int, str]]]:
    """Paragraphs of (1-based line number, line); whitespace-only lines separate them,
    except exactly two spaces, which keeps a blank line inside dialogue."""
    paragraphs: list[list[tuple[int, str]]] = []
    current: list[tuple[int, str]] = []
    for index in range(start, len(lines)):
        line = lines[index]
        if line.strip() or line == "  ":
            current.append((index + 1, line))
        elif current:
            paragraphs.append(current)
            current = []
    if current:
        paragraphs.append(current)
    return paragraphs


def _is_transition(line: str) -> bool:
    upper = line.upper()
    return line == upper and (line.endswith("TO:") or line in _TRANSITION_WORDS)


def _dialogue_blocks(rows: list[tuple[int, str]]) -> list[Block]:
    blocks: list[Block] = []
    paren = False
    kind: BlockKind
    for line_no, line in rows:
        stripped = strip_markup(line).strip()
        if stripped.startswith("(") or paren:
            paren = not stripped.endswith(")")
            kind = "parenthetical"
        else:
            kind = "lyrics" if stripped.startswith("~") else "dialogue"
            stripped = stripped.lstrip("~")
        last = blocks[-1] if blocks else None
        if last and last.kind == kind and (kind != "parenthetical" or not paren):
            blocks[-1] = replace(last, text=f"{last.text}\n{stripped}")
        else:
            blocks.append(Block(kind, stripped, line_no=line_no))
    return blocks


def _single_line(line_no: int, line: str) -> Block | None:
    """Blocks decided by their first line alone, or None."""
    text = strip_markup(line).strip()
    if _PAGE_BREAK.match(line.strip()):
        return Block("page_break", "", line_no=line_no)
    if text.startswith("#"):
        return Block("section", text.lstrip("# "), line_no=line_no)
    if text.startswith("=") and not text.startswith("=="):
        return Block("synopsis", text[1:].strip(), line_no=line_no)
    if text.rstrip(" .").upper() in _END_WORDS:
        return Block("end", text.strip("<> "), line_no=line_no)
    if text.startswith(">") and text.endswith("<"):
        inner = text[1:-1].strip()
        kind: BlockKind = "end" if inner.rstrip(" .").upper() in _END_WORDS else "centered"
        return Block(kind, inner, line_no=line_no)
    if text.startswith(">"):
        inner = text[1:].strip()
        last: BlockKind = "end" if inner.rstrip(" .:").upper() in _END_WORDS else "transition"
        return Block(last, inner, line_no=line_no)
    return None


def _heading(line_no: int, line: str) -> Block | None:
    text = strip_markup(line).strip()
    forced = text.startswith(".") and not text.startswith("..")
    if not forced and not is_heading(text):
        return None
    heading, number = split_scene_number(text[1:] if forced else text)
    return Block("heading", heading, line_no=line_no, scene_number=number, forced=forced)


def _classify(rows: list[tuple[int, str]], blocks: list[Block]) -> None:
    """Append the blocks of one paragraph."""
    line_no, first = rows[0]
    stripped = first.strip()
    if stripped.startswith("!"):
        text = "\n".join([stripped[1:], *(line.strip() for _, line in rows[1:])])
        blocks.append(Block("action", strip_markup(text), line_no=line_no))
        return
    single = _single_line(line_no, first)
    heading = None if single else _heading(line_no, first)
    if single or heading:
        blocks.append(single or heading)  # type: ignore[arg-type]
        rows = rows[1:]
        if not rows:
            return
        line_no, first = rows[0]
    text = strip_markup(first).strip()
    if len(rows) == 1 and _is_transition(text):
        blocks.append(Block("transition", text, line_no=line_no))
    elif len(rows) > 1 and is_cue_line(first) and not _is_transition(text):
        if text.endswith("^"):
            for i in range(len(blocks) - 1, -1, -1):
                if blocks[i].kind == "cue":
                    blocks[i] = replace(blocks[i], dual=True)
                    break
        blocks.append(Block("cue", first.strip(), line_no=line_no, dual=text.endswith("^")))
        blocks.extend(_dialogue_blocks(rows[1:]))
    else:
        body = "\n".join(strip_markup(line).strip() for _, line in rows)
        blocks.append(Block("action", body, line_no=line_no))


def read_fountain(text: str) -> ParsedDocument:
    """Parse Fountain text (already decoded, `\\n` line ends) into a ParsedDocument."""
    text = _remove_boneyard(text.lstrip("\ufeff"))
    text, notes = _lift_notes(text)
    lines = text.split("\n")
    page, start = title_page(lines)
    blocks: list[Block] = []
    for rows in split_paragraphs(lines, start):
        _classify(rows, blocks)
    if notes:
        blocks = sorted(blocks + notes, key=lambda b: b.line_no or 0)
    return ParsedDocument(format="fountain", blocks=blocks, title_page=page)
