"""Server-side checks on files dropped into the chat, whatever the browser was told.

The Chainlit config limits types and size in the page, but a client can send anything: the
handler checks the name's extension and the stored size again before reading a byte.
"""

from __future__ import annotations

from pathlib import PurePath

__all__ = ["ALLOWED_SUFFIXES", "UploadRejected", "check_upload", "display_name", "too_many_files"]

#: Screenplay formats the readers accept.
ALLOWED_SUFFIXES: tuple[str, ...] = (".fountain", ".fdx", ".pdf", ".txt")


class UploadRejected(ValueError):
    """A file refused before parsing; the message tells the user what to send instead."""


def display_name(name: str) -> str:
    """The file's base name, printable and short, for messages (never used as a path)."""
    base = PurePath(name.replace("\\", "/")).name or "file"
    clean = "".join(ch if ch.isprintable() else "?" for ch in base)
    return clean if len(clean) <= 80 else clean[:77] + "..."


def check_upload(name: str, size: int, *, max_bytes: int) -> str:
    """The file's lower-case suffix when its type and size are acceptable, else UploadRejected."""
    if max_bytes <= 0:
        raise ValueError(f"max_bytes must be positive, got {max_bytes}")
    shown = display_name(name)
    suffix = PurePath(shown).suffix.lower()
    if suffix not in ALLOWED_SUFFIXES:
        kinds = ", ".join(ALLOWED_SUFFIXES)
        raise UploadRejected(
            f"{shown} is not a screenplay file Greenlight reads: send one of {kinds}."
        )
    if size <= 0:
        raise UploadRejected(f"{shown} is empty: export the script again and send that file.")
    if size > max_bytes:
        raise UploadRejected(
            f"{shown} is {size / 1_048_576:.1f} MB, over the {max_bytes / 1_048_576:.0f} MB "
            "limit: send the Fountain or Final Draft file, or a PDF without images."
        )
    return suffix


def too_many_files(count: int, most: int) -> str:
    """Why a message's files were all refused: more than `most` of them."""
    return (
        f"That message carried {count} files, and one message takes at most {most}: none of "
        f"them was read. Send the screenplay (up to {most} files) in a new message."
    )
