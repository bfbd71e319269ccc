"""The Celery runner's progress channel: a job's improving boards as a Redis list.

The worker appends each board to `greenlight:boards:<job key>`; every caller waiting on the job
reads the list from where it left off between waits for the result, so no board is missed
however fast the job runs, and an identical request joining late hears the boards so far.
The list expires with the job's bound, and a failed job's list is deleted with its result.
"""

from __future__ import annotations

import json
from typing import Any

import redis

__all__ = ["BoardChannel"]

Record = dict[str, Any]


class BoardChannel:
    """Boards of jobs by key, on one Redis connection (every call bounded by its timeout)."""

    def __init__(self, client: redis.Redis, *, keep_s: int) -> None:
        self.client, self.keep_s = client, keep_s

    @staticmethod
    def _name(key: str) -> str:
        return f"greenlight:boards:{key}"

    def publish(self, key: str, board: Record) -> None:
        """Append one board to the job's list (the worker side)."""
        name = self._name(key)
        pipe = self.client.pipeline()
        pipe.rpush(name, json.dumps(board, sort_keys=True))
        pipe.expire(name, self.keep_s)
        pipe.execute()

    def read(self, key: str, start: int) -> list[Record]:
        """The job's boards from position `start` on (the caller side)."""
        items = self.client.lrange(self._name(key), start, -1)
        return [json.loads(item) for item in items]  # type: ignore[union-attr]

    def clear(self, key: str) -> None:
        """Forget a job's boards (a failed job is tried afresh next time)."""
        self.client.delete(self._name(key))
