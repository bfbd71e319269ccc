"""Files only their owner reads, and a first password shown on the terminal, never logged.

The data directory holds the database, the token secret and every uploaded script: it is
0700 and what the app creates in it 0600 (the process umask, set when the app or a command
starts, and an explicit chmod for what already exists, so an older install is tightened on
its next start).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TextIO

__all__ = ["DIR_MODE", "FILE_MODE", "UMASK", "restrict_umask", "secure_data_dir", "show_once"]

UMASK = 0o077
DIR_MODE = 0o700
FILE_MODE = 0o600
_SQLITE_SUFFIXES = ("", "-wal", "-shm", "-journal")


def restrict_umask() -> None:
    """New files and folders of this process (and its children) are the owner's only."""
    os.umask(UMASK)


def secure_data_dir(data_dir: Path, *, database: Path | None = None) -> None:
    """Create the data directory 0700, and tighten it, its files folder and the database."""
    data_dir.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
    data_dir.chmod(DIR_MODE)
    files = data_dir / "files"
    if files.is_dir():
        files.chmod(DIR_MODE)
    if database is not None:
        for suffix in _SQLITE_SUFFIXES:
            path = database.with_name(database.name + suffix)
            if path.is_file():
                path.chmod(FILE_MODE)


def _terminal() -> TextIO | None:
    if sys.stderr is not None and sys.stderr.isatty():
        return sys.stderr
    try:
        # The controlling terminal, even when stdout and stderr go to a log file.
        return open("/dev/tty", "w", encoding="utf-8")
    except OSError:
        return None


def show_once(text: str, *, fallback: str) -> bool:
    """Write `text` to the terminal only (not stdout, not logging); `fallback` to stderr
    when there is no terminal. True when the text was shown."""
    terminal = _terminal()
    if terminal is None:
        print(fallback, file=sys.stderr, flush=True)
        return False
    try:
        terminal.write(text + "\n")
        terminal.flush()
    finally:
        if terminal is not sys.stderr:
            terminal.close()
    return True
