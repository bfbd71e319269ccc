"""Bytes to text: byte-order marks, UTF-8, UTF-16, then a guessed legacy encoding.

Screenplays arrive as UTF-8 (Fountain, Highland, FDX), UTF-16 (Windows exports) and Latin-1
or Windows-1252 (old typewriter-era text files). Binary files and files with NUL bytes are
refused here, with a message saying what to do, so no reader ever sees them.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from tools.script import ScriptError

__all__ = ["decode_text"]

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_BINARY_HELP = "export the script as Fountain, Final Draft (.fdx), PDF or plain text"
#: Legacy encodings accepted from the guesser; anything else falls back to Windows-1252.
_CHAOS_SLACK = 0.1
_LEGACY_OK = ("cp125", "windows-125", "iso8859", "latin", "mac", "koi8", "cp437", "cp850")


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a BOM: ASCII text leaves a NUL in every other byte."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_nul = sample[0::2].count(0) / len(sample[0::2])
    odd_nul = sample[1::2].count(0) / len(sample[1::2])
    if odd_nul > 0.4 and even_nul < 0.05:
        encoding = "utf-16-le"
    elif even_nul > 0.4 and odd_nul < 0.05:
        encoding = "utf-16-be"
    else:
        return None
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _guess_legacy(data: bytes) -> str:
    """The guesser's best legacy encoding; Windows-1252, by far the commonest for scripts,
    wins whenever it reads nearly as cleanly (short texts make the guesser unsure)."""
    matches = list(from_bytes(data[:200_000]))
    if not matches:
        return "cp1252"
    best = matches[0]
    close = {m.encoding for m in matches if m.chaos <= best.chaos + _CHAOS_SLACK}
    return "cp1252" if "cp1252" in close else best.encoding


def _decode_bytes(data: bytes) -> tuple[str, str | None]:
    """Decode with the first encoding that fits; the second value names a guessed one."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding), None
            except UnicodeDecodeError as exc:
                raise ScriptError(
                    f"the file starts with a {encoding} byte-order mark but is not valid "
                    f"{encoding} (byte {exc.start}): re-save it as UTF-8"
                ) from None
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16, None
    if b"\x00" in data:
        raise ScriptError(f"the file contains NUL bytes, so it is binary, not text: {_BINARY_HELP}")
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    encoding = _guess_legacy(data)
    if not encoding.lower().replace("_", "").startswith(_LEGACY_OK):
        encoding = "cp1252"
    try:
        return _by_line(data, encoding)
    except (UnicodeDecodeError, LookupError):
        return data.decode("latin-1"), "latin-1"


def _by_line(data: bytes, encoding: str) -> tuple[str, str]:
    """Each line as UTF-8 when it is valid UTF-8, else as the legacy `encoding`.

    A file pasted together from a UTF-8 and a Windows-1252 source is not valid UTF-8 as a
    whole; decoding it all as the legacy encoding would garble every accent of the UTF-8 part.
    """
    lines, mixed = [], False
    for line in data.splitlines(keepends=True):
        try:
            lines.append(line.decode("utf-8"))
            mixed = mixed or not line.isascii()
        except UnicodeDecodeError:
            lines.append(line.decode(encoding))
    return "".join(lines), f"UTF-8 mixed with {encoding}" if mixed else encoding


def decode_text(data: bytes) -> tuple[str, str | None]:
    """Decode a script file to text with `\\n` line ends and no BOM.

    Returns the text and, when the encoding had to be guessed, its name (for a warning).
    Raises ScriptError for binary content (NUL bytes, many control characters).
    """
    text, guessed = _decode_bytes(data)
    text = text.lstrip("\ufeff")
    sample = text[:65_536]
    if sample and len(_CONTROL.findall(sample)) > max(8, len(sample) // 100):
        raise ScriptError(f"the file looks binary (control characters), not text: {_BINARY_HELP}")
    if "\x00" in text:
        raise ScriptError(
            f"the file contains NUL characters, so it is not a text script: {_BINARY_HELP}"
        )
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, guessed
