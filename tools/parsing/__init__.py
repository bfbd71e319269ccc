"""Screenplay readers: Fountain, plain text, Final Draft and PDF into one `Script`.

`read_script` decides the format from the content (the file name only breaks ties between
Fountain and plain text), runs the reader, and builds scenes and breakdown with
`tools.parsing.build.build_script`. Every problem with the input is a `ScriptError` whose
message says what is wrong and what to do.
"""

from __future__ import annotations

import os
from pathlib import Path

from tools.parsing.blocks import Block, ParsedDocument
from tools.parsing.build import build_script
from tools.parsing.decode import decode_text
from tools.parsing.detect import detect_format, sniff_binary, sniff_text
from tools.parsing.limits import ReadLimits
from tools.script import Script, ScriptError

__all__ = [
    "Block",
    "ParsedDocument",
    "ReadLimits",
    "build_script",
    "detect_format",
    "read_document",
    "read_path",
    "read_script",
]


def _size(n: int) -> str:
    return f"{n / 1_048_576:.1f} MB" if n >= 1_048_576 else f"{n:,} bytes"


def _too_large(size: int, limits: ReadLimits) -> ScriptError:
    return ScriptError(
        f"the file is {_size(size)}, over the {_size(limits.max_bytes)} limit for a screenplay: "
        "send the script alone (Fountain, FDX or a text PDF)"
    )


def _read_pdf(data: bytes, limits: ReadLimits) -> ParsedDocument:
    try:
        from tools.parsing.pdf import read_pdf
    except ImportError:
        raise ScriptError("PDF support is not available") from None
    return read_pdf(data, limits=limits)


def read_document(data: bytes, *, filename: str = "", limits: ReadLimits) -> ParsedDocument:
    """Detect the format and run its reader; the blocks before scene building."""
    if not data.strip():
        raise ScriptError("the file is empty: send a screenplay with scene headings")
    if sniff_binary(data) == "pdf":
        return _read_pdf(data, limits)
    text, guessed = decode_text(data)
    if not text.strip():
        raise ScriptError("the file is empty: send a screenplay with scene headings")
    fmt = sniff_text(text, filename=filename)
    if fmt == "fdx":
        from tools.parsing.fdx import read_fdx

        doc = read_fdx(text, limits=limits)
    elif fmt == "text":
        from tools.parsing.plaintext import read_plaintext

        doc = read_plaintext(text)
    else:
        from tools.parsing.fountain import read_fountain

        doc = read_fountain(text)
    if guessed:
        doc.warnings.append(f"the text encoding was guessed as {guessed}: check accented names")
    return doc


def read_script(data: bytes, *, filename: str = "", limits: ReadLimits | None = None) -> Script:
    """Read a screenplay from bytes in any supported format into a broken-down Script."""
    limits = limits or ReadLimits()
    if len(data) > limits.max_bytes:
        raise _too_large(len(data), limits)
    try:
        doc = read_document(data, filename=filename, limits=limits)
    except RecursionError:
        raise ScriptError(
            "the file is nested far deeper than any screenplay (a hostile or damaged file): "
            "re-export it from the writing program"
        ) from None
    headings = sum(1 for block in doc.blocks if block.kind == "heading")
    if headings > limits.max_scenes:
        raise ScriptError(
            f"the script has {headings} scenes, over the limit of {limits.max_scenes}: "
            "split it into parts or check it is a single screenplay"
        )
    _check_headings(doc, limits)
    return build_script(doc, source=data, filename=filename)


def _check_headings(doc: ParsedDocument, limits: ReadLimits) -> None:
    """Refuse a heading no screenplay has: a file that lost its line breaks, or a hostile one."""
    for block in doc.blocks:
        if block.kind == "heading" and len(block.text) > limits.max_heading_chars:
            where = f" on line {block.line_no:,}" if block.line_no else ""
            raise ScriptError(
                f"the scene heading{where} is {len(block.text):,} characters long, over the "
                f"{limits.max_heading_chars}-character limit: the file may have lost its line "
                "breaks; re-export it from the writing program"
            )


def read_path(path: str | os.PathLike[str], *, limits: ReadLimits | None = None) -> Script:
    """Read a screenplay file; the size is checked before the file is read."""
    limits = limits or ReadLimits()
    file = Path(path)
    try:
        size = file.stat().st_size
        if not file.is_file():
            raise ScriptError(f"{file.name} is not a file: give the path of a screenplay")
        if size > limits.max_bytes:
            raise _too_large(size, limits)
        with file.open("rb") as handle:
            data = handle.read(limits.max_bytes + 1)
    except FileNotFoundError:
        raise ScriptError(f"{file} does not exist: check the path") from None
    except PermissionError:
        raise ScriptError(
            f"{file} cannot be read (permission denied): check its permissions"
        ) from None
    except IsADirectoryError:
        raise ScriptError(f"{file} is a directory: give the path of a screenplay file") from None
    return read_script(data, filename=file.name, limits=limits)
