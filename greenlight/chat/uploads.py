"""Server-side checks on files dropped into the chat, whatever the browser was told.

The Chainlit config limits types and size in the page, but a client can send anything: the
handler checks the name's extension and the stored size again before reading a byte. Besides
screenplays, a sites CSV (`scene,site,set` or `location,site`) may be dropped in, up to
`SITES_CSV_MAX_BYTES`.
"""

from __future__ import annotations

from pathlib import PurePath

__all__ = [
    "ALLOWED_SUFFIXES",
    "SITES_CSV_MAX_BYTES",
    "UploadRejected",
    "check_upload",
    "display_name",
    "too_many_files",
]

#: Screenplay formats the readers accept, and the sites CSV.
ALLOWED_SUFFIXES: tuple[str, ...] = (".fountain", ".fdx", ".pdf", ".txt", ".csv")
#: Largest sites CSV taken (the reader's own bound, `tools.sites.upload.MAX_CSV_BYTES`).
SITES_CSV_MAX_BYTES = 1_048_576


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
            f"{shown} is not a screenplay file Greenlight reads: send one of {kinds} "
            "(a .csv is read as site corrections)."
        )
    if size <= 0:
        raise UploadRejected(f"{shown} is empty: export the script again and send that file.")
    if suffix == ".csv" and size > SITES_CSV_MAX_BYTES:
        raise UploadRejected(
            f"{shown} is {size / 1024:,.0f} KB, over the {SITES_CSV_MAX_BYTES // 1024:,} KB a "
            "sites CSV may be: send one row per scene or location."
        )
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
