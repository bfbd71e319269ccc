"""A file cache for analyses, keyed by a hash of everything that determines their result.

Keys come from `cache_key(...)`: the script's content hash, the rate card's content hash, the
plan inputs and the solver settings, plus a format version (bumped when the result's shape
changes) and a hash of the tools' own sources (`code_hash`), so a plan cached by other code,
before an upgrade or a change, is planned again rather than served. Values are JSON files
under a directory the caller gives; writes are atomic, so a reader never sees half a file,
and a corrupt entry is a miss, not an error.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

__all__ = ["FORMAT_VERSION", "PlanCache", "cache_key", "code_hash"]

FORMAT_VERSION = "plan-2"
"""Bumped when a plan's shape or the solver's boards change (plan-2: the strip search and
`ScheduleResult.steps`), so a cached plan from older code is planned again, not served."""
M = TypeVar("M", bound=BaseModel)


@functools.cache
def code_hash() -> str:
    """SHA-256 of every Python source of the `tools` package (path and content), read once
    a process: about 250 files, a few milliseconds."""
    root = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*.py")):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def cache_key(**parts: Any) -> str:
    """SHA-256 of the parts as canonical JSON (sorted keys), with the format version and the
    tools' `code_hash`."""
    head = {"version": FORMAT_VERSION, "code": code_hash()}
    text = json.dumps({**head, **parts}, sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


class PlanCache:
    """Stored analyses (plans) under `directory`, one JSON file per key."""

    def __init__(self, directory: str | Path):
        self.directory = Path(directory)
        self.hits = 0
        self.misses = 0

    def _path(self, key: str) -> Path:
        if len(key) < 8 or not all(c in "0123456789abcdef" for c in key):
            raise ValueError(f"cache key {key!r} is not a hex digest")
        return self.directory / key[:2] / f"{key}.json"

    def get(self, key: str, model: type[M]) -> M | None:
        """The stored value for `key` as `model`, or None (absent or unreadable)."""
        path = self._path(key)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            self.misses += 1
            return None
        try:
            value = model.model_validate_json(data)
        except ValidationError:
            self.misses += 1
            return None
        self.hits += 1
        return value

    def put(self, key: str, value: BaseModel) -> Path:
        """Store `value` under `key` atomically; returns the file written."""
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(value.model_dump_json().encode())
            os.replace(temp, path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
        return path

    def clear(self) -> int:
        """Delete every stored entry; returns how many."""
        removed = 0
        for path in self.directory.glob("*/*.json"):
            path.unlink()
            removed += 1
        return removed
