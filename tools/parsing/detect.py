"""Which reader a file needs, decided from its content first and its name second.

A `.pdf` that is really Fountain text is read as Fountain; a PNG renamed `.fountain` is
refused with a message naming what it really is.
"""

from __future__ import annotations

import json
import re
from pathlib import PurePath

from tools.script import ScriptError, ScriptFormat

__all__ = ["detect_format", "looks_like_typewriter", "sniff_binary", "sniff_text"]

_HELP = "send the screenplay as Fountain, Final Draft (.fdx), PDF or plain text"
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (a Word .docx is one)"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"\x7fELF", "an ELF executable"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document (.doc)"),
    (b"{\\rtf", "an RTF document"),
    (b"\xfd7zXZ", "an xz archive"),
    (b"ID3", "an MP3 audio file"),
    (b"OggS", "an Ogg media file"),
)
_CUE_LINE = re.compile(r"^ {15,}[A-Z0-9][A-Z0-9 .'’\-#&]*(\s*\(.*\))?\s*$")


def sniff_binary(data: bytes) -> ScriptFormat | None:
    """`pdf` for a PDF; raise ScriptError for known binary kinds; None when it may be text."""
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise ScriptError(f"the file is {kind}, not a screenplay: {_HELP}")
    return None


def sniff_text(text: str, *, filename: str = "") -> ScriptFormat:
    """Pick the reader for decoded text: `fdx`, `text` or `fountain`; refuse JSON and HTML."""
    head = text[:65_536].lstrip()
    lowered = head[:2048].lower()
    if "<finaldraft" in head.lower():
        return "fdx"
    if lowered.startswith(("<!doctype html", "<html")) or "<html" in lowered[:512]:
        raise ScriptError(f"the file is an HTML web page, not a screenplay: {_HELP}")
    if head.startswith(("{", "[")):
        try:
            json.loads(text)
        except ValueError:
            pass
        else:
            raise ScriptError(f"the file is a JSON document, not a screenplay: {_HELP}")
    suffix = PurePath(filename).suffix.lower()
    if head.startswith("<"):
        raise ScriptError(
            "the file is XML but not a Final Draft script (no <FinalDraft> element): "
            "export it from Final Draft as .fdx, or send Fountain or PDF"
        )
    if looks_like_typewriter(text) or suffix in {".txt", ".text"}:
        return "text"
    return "fountain"


def looks_like_typewriter(text: str) -> bool:
    """True when character cues sit far right of the action (typewriter layout)."""
    cues = 0
    for line in text[:200_000].split("\n"):
        if _CUE_LINE.match(line) and not line.strip().endswith(":"):
            cues += 1
            if cues >= 3:
                return True
    return False


def detect_format(data: bytes, text: str | None = None, *, filename: str = "") -> ScriptFormat:
    """The script format of `data` (give `text` when it is already decoded)."""
    sniffed = sniff_binary(data)
    if sniffed is not None:
        return sniffed
    if text is None:
        from tools.parsing.decode import decode_text

        text, _ = decode_text(data)
    return sniff_text(text, filename=filename)
