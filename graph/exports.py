"""Export one view of a plan (schedule, DOOD, budget) to CSV, XLSX or JSON on disk.

File names are built from the view, the version and the format only, never from user text,
inside a folder the caller owns.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from graph.facts import budget_facts, dood_facts, schedule_facts

__all__ = ["export_rows", "write_export"]

Record = dict[str, Any]


def export_rows(plan: Record, view: str) -> list[Record]:
    """The rows of a view, flat enough for a spreadsheet."""
    if view == "dood":
        return dood_facts(plan)
    if view == "budget":
        return budget_facts(plan)
    return [
        {**row, "scenes": " ".join(row["scenes"]), "locations": "; ".join(row["locations"])}
        for row in schedule_facts(plan)
    ]


def write_export(plan: Record, *, view: str, fmt: str, folder: Path, version: int) -> Record:
    """Write the view and return {"name", "path", "format", "view", "rows"}."""
    if fmt not in {"csv", "xlsx", "json"}:
        raise ValueError(f"unknown export format {fmt!r}: use csv, xlsx or json")
    view = view if view in {"dood", "budget"} else "schedule"
    rows = export_rows(plan, view)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{view}-v{version}.{fmt}"
    if fmt == "json":
        path.write_text(json.dumps(rows, indent=2), encoding="utf-8")
    elif fmt == "csv":
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(rows[0]) if rows else ["empty"])
            writer.writeheader()
            writer.writerows(rows)
    else:
        import pandas as pd

        pd.DataFrame(rows).to_excel(path, index=False, sheet_name=view)
    return {"name": path.name, "path": str(path), "format": fmt, "view": view, "rows": len(rows)}
