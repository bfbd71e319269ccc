"""Questions about the plan's versions: which there are and what each one changed."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from tools.queries.board import money_text, plural
from tools.queries.model import Answer

__all__ = ["versions_answer"]


def versions_answer(versions: Sequence[dict[str, Any]], currency: str = "USD") -> Answer:
    """The saved versions ({"version", "label", "days", "budget", "current"} each) as a table."""
    if not versions:
        return Answer(kind="versions", text="There is no saved plan yet.", found=False)
    current = next((v for v in versions if v.get("current")), versions[-1])
    rows = [
        {
            "version": int(v["version"]),
            "change": v.get("label") or "plan",
            "days": int(v.get("days") or 0),
            "budget": money_text(float(v.get("budget") or 0), currency),
            "current": bool(v.get("current")),
        }
        for v in versions
    ]
    text = (
        f"{plural(len(rows), 'version')}; version {current['version']} is current "
        f"({current.get('label') or 'plan'}: {plural(int(current.get('days') or 0), 'day')}, "
        f"{money_text(float(current.get('budget') or 0), currency)})."
    )
    # The table shows money as the budget writes it; the facts keep the figures.
    figures = [
        {**row, "budget": round(float(v.get("budget") or 0), 2)}
        for row, v in zip(rows, versions, strict=True)
    ]
    return Answer(kind="versions", text=text, rows=rows, facts={"versions": figures})
