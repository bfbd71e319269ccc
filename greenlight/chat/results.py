"""What a turn shows besides its words: charts, tables and downloads built from the plan record.

Every figure comes from the plan the tools made (or the diff the tools computed), never from
the model's text. Builders take the graph's JSON records and return chat items.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from greenlight.chat.charts import budget_figure, stripboard_figure
from greenlight.chat.compare import compare_items
from greenlight.chat.outputs import Chart, Download, Item, Preview, Table
from greenlight.chat.progress_charts import progress_items
from greenlight.chat.tables import (
    budget_table,
    csv_bytes,
    days_table,
    dood_table,
    json_bytes,
    schedule_table,
    xlsx_bytes,
)
from tools.schedule.model import Dood, ShootDay, Strip

__all__ = [
    "XLSX_MIME",
    "diff_items",
    "document_items",
    "plan_frames",
    "plan_items",
    "turn_items",
    "view_items",
]

Record = dict[str, Any]
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_PLANNED = {"plan", "what_if", "revert"}


def _days_and_strips(plan: Record) -> tuple[list[ShootDay], list[Strip]]:
    days = [ShootDay.model_validate(d) for d in (plan.get("schedule") or {}).get("days") or []]
    strips = [Strip.model_validate(s) for s in (plan.get("problem") or {}).get("strips") or []]
    return days, strips


def plan_frames(plan: Record) -> dict[str, pd.DataFrame]:
    """The plan's tables: Schedule, Days (sites and moves), DOOD, Budget (empty when none)."""
    days, strips = _days_and_strips(plan)
    dood = plan.get("dood")
    return {
        "Schedule": schedule_table(days, strips),
        "Days": days_table(days),
        "DOOD": dood_table(Dood.model_validate(dood)) if dood else pd.DataFrame(),
        "Budget": budget_table((plan.get("budget") or {}).get("accounts") or []),
    }


def _stripboard(plan: Record) -> Chart:
    days, strips = _days_and_strips(plan)
    return Chart("Stripboard", stripboard_figure(days, strips, colour_by="lighting"))


def _budget_chart(plan: Record) -> Chart | None:
    budget = plan.get("budget") or {}
    accounts = [
        (str(a.get("name") or a.get("code")), float(a.get("total") or 0))
        for a in budget.get("accounts") or []
    ]
    if not accounts:
        return None
    return Chart("Budget by account", budget_figure(accounts, currency=budget.get("currency", "")))


def plan_items(plan: Record, *, version: int | None) -> list[Item]:
    """Charts, tables and downloads for a whole plan."""
    frames = plan_frames(plan)
    tag = f"-v{version}" if version else ""
    items: list[Item] = [_stripboard(plan)]
    if chart := _budget_chart(plan):
        items.append(chart)
    items += [Table(name, frame) for name, frame in frames.items()]
    items += [
        Download(f"{name.lower()}{tag}.csv", csv_bytes(frame), "text/csv")
        for name, frame in frames.items()
    ]
    items += [
        Download(f"plan{tag}.xlsx", xlsx_bytes(frames), XLSX_MIME),
        Download(f"plan{tag}.json", json_bytes(plan), "application/json"),
    ]
    return items


def view_items(plan: Record, view: str | None) -> list[Item]:
    """The chart and table of one view of the plan (schedule, stripboard, DOOD, budget)."""
    frames = plan_frames(plan)
    if view in {"schedule", "stripboard"}:
        return [
            _stripboard(plan),
            Table("Schedule", frames["Schedule"]),
            Table("Days", frames["Days"]),
        ]
    if view == "dood":
        return [Table("DOOD", frames["DOOD"])]
    if view == "budget":
        chart = _budget_chart(plan)
        return [*([chart] if chart else []), Table("Budget", frames["Budget"])]
    return []


def _export(plan: Record, view: str | None, fmt: str | None) -> list[Item]:
    name = {"dood": "DOOD", "budget": "Budget"}.get(view or "", "Schedule")
    frame = plan_frames(plan)[name]
    if fmt == "xlsx":
        return [Download(f"{name.lower()}.xlsx", xlsx_bytes({name: frame}), XLSX_MIME)]
    if fmt == "json":
        return [Download(f"{name.lower()}.json", json_bytes(frame), "application/json")]
    return [Download(f"{name.lower()}.csv", csv_bytes(frame), "text/csv")]


def diff_items(diff: Record) -> list[Item]:
    """What a what-if changed: the scenes that moved and the budget change by account."""
    moved = pd.DataFrame(diff.get("moved") or [], columns=["scene", "from_day", "to_day"])
    accounts = pd.DataFrame(diff.get("accounts") or [], columns=["account", "change", "total"])
    return [Table("Scenes moved", moved), Table("Budget change by account", accounts)]


def turn_items(facts: Record, plan: Record | None, *, version: int | None) -> list[Item]:
    """The items a turn's answer carries, by what the turn did."""
    kind = facts.get("kind")
    if plan is None or facts.get("failed") or not (plan.get("schedule") or {}).get("days"):
        return []
    if kind == "progress":
        return progress_items(facts)
    diff = [*diff_items(facts["diff"])] if isinstance(facts.get("diff"), dict) else []
    if kind in _PLANNED:
        return [*diff, *plan_items(plan, version=version)]
    if kind == "compare":
        return compare_items(facts) or diff
    if kind == "show":
        return view_items(plan, facts.get("view"))
    if kind == "export":
        export = facts.get("export") or {}
        return _export(plan, export.get("view"), export.get("format"))
    if kind == "document":
        return document_items(facts.get("document") or {})
    return []


def document_items(record: Record) -> list[Item]:
    """A printed document as a download and, for a PDF, its first page as a picture.

    The paths were written by the graph under the data directory (named by version and
    document only), never taken from a user.
    """
    if not record.get("path"):
        return []
    items: list[Item] = [
        Download(record["name"], Path(record["path"]).read_bytes(), record["mime"])
    ]
    if record.get("preview"):
        preview = Path(record["preview"]).read_bytes()
        items.append(Preview(record["name"].rsplit(".", 1)[0] + "-page1.png", preview))
    return items
