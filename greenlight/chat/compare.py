"""The comparison of two plan versions as tables and downloadable files (CSV and XLSX).

Built from the facts the compare node wrote (the tools' diff and the saved versions), never
from the model's text.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from greenlight.chat.outputs import Download, Item, Table
from greenlight.chat.tables import csv_bytes, xlsx_bytes

__all__ = ["XLSX_MIME", "compare_frames", "compare_items"]

Record = dict[str, Any]
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_VERSION_COLUMNS = ["version", "label", "days", "budget", "current"]


def compare_frames(facts: Record) -> dict[str, pd.DataFrame]:
    """The compared versions side by side, the scenes that moved, the budget change by account."""
    compared = list(facts.get("compared") or [])
    diff = facts.get("diff") or {}
    versions = [v for v in facts.get("versions") or [] if v.get("version") in compared]
    return {
        "Versions compared": pd.DataFrame(versions, columns=_VERSION_COLUMNS),
        "Scenes moved": pd.DataFrame(
            diff.get("moved") or [], columns=["scene", "from_day", "to_day"]
        ),
        "Budget change by account": pd.DataFrame(
            diff.get("accounts") or [], columns=["account", "change", "total"]
        ),
    }


def compare_items(facts: Record) -> list[Item]:
    """Tables of a comparison and the files to download it (CSV of the versions, XLSX of all)."""
    compared = list(facts.get("compared") or [])
    if len(compared) != 2 or not isinstance(facts.get("diff"), dict):
        return []
    frames = compare_frames(facts)
    stem = f"compare-v{compared[0]}-v{compared[1]}"
    return [
        *(Table(name, frame) for name, frame in frames.items()),
        Download(f"{stem}.csv", csv_bytes(frames["Versions compared"]), "text/csv"),
        Download(f"{stem}.xlsx", xlsx_bytes(frames), XLSX_MIME),
    ]
