"""The audit trail of the estimator's decisions: an append-only JSON-lines file per directory.

Each entry records when, for which job, what was decided, on which inputs, with which result
and why. The caller gives the directory; nothing is read from the environment.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pydantic import BaseModel

__all__ = ["AuditEntry", "AuditLog"]


class AuditEntry(BaseModel):
    """One decision."""

    time: str
    """ISO-8601 UTC timestamp."""
    job: str
    decision: str
    """"estimate", "quantization_fallback", "over_budget", "within_budget" or "backend"."""
    inputs: dict[str, Any]
    result: dict[str, Any]
    rationale: str


class AuditLog:
    """Append-only decisions in `<directory>/render_cost_audit.jsonl`."""

    def __init__(self, directory: str | Path, *, now: Callable[[], datetime] | None = None):
        self.path = Path(directory) / "render_cost_audit.jsonl"
        self._now = now or (lambda: datetime.now(UTC))

    def record(
        self, job: str, decision: str, *, inputs: dict, result: dict, rationale: str
    ) -> AuditEntry:
        """Append one decision and return it."""
        entry = AuditEntry(
            time=self._now().isoformat(),
            job=job,
            decision=decision,
            inputs=inputs,
            result=result,
            rationale=rationale,
        )
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.path.open("a", encoding="utf-8") as handle:
            handle.write(entry.model_dump_json() + "\n")
        return entry

    def entries(self, job: str | None = None) -> list[AuditEntry]:
        """Every recorded decision in order, or only one job's."""
        if not self.path.exists():
            return []
        found = []
        for line in self.path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                entry = AuditEntry.model_validate(json.loads(line))
                if job is None or entry.job == job:
                    found.append(entry)
        return found
