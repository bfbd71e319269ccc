"""Tables and downloads: DataFrames for the chat, and CSV / XLSX / JSON bytes to download.

Everything is built in memory from records; nothing here opens a path it was given.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import pandas as pd
from pydantic import BaseModel

from tools.schedule.model import Dood, ShootDay, Strip
from tools.script import Script

__all__ = [
    "budget_table",
    "csv_bytes",
    "days_table",
    "dood_table",
    "json_bytes",
    "scenes_table",
    "schedule_table",
    "xlsx_bytes",
]

# Excel forbids these in sheet names and caps names at 31 characters.
_BAD_SHEET = re.compile(r"[\[\]:*?/\\]")
# Spreadsheet apps run cells starting with these as formulas (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def scenes_table(script: Script) -> pd.DataFrame:
    """One row per scene: number, heading facts, pages and cast."""
    rows = [
        {
            "scene": scene.number,
            "int_ext": scene.int_ext or "",
            "location": scene.location,
            "time": scene.time_of_day or "",
            "lighting": scene.lighting,
            "pages": round(scene.eighths / 8, 3),
            "cast": ", ".join(scene.cast),
        }
        for scene in script.scenes
    ]
    columns = ["scene", "int_ext", "location", "time", "lighting", "pages", "cast"]
    return pd.DataFrame(rows, columns=columns)


def schedule_table(days: Sequence[ShootDay], strips: Iterable[Strip]) -> pd.DataFrame:
    """The stripboard as rows: one per scene, in shooting order."""
    by_id = {strip.id: strip for strip in strips}
    rows = []
    for day in days:
        for strip_id in day.strips:
            strip = by_id.get(strip_id)
            if strip is None:
                raise ValueError(f"day {day.index + 1} lists unknown strip {strip_id!r}")
            rows.append(
                {
                    "day": day.index + 1,
                    "date": day.date or "",
                    "scene": strip.id,
                    "location": strip.location or strip.main_location,
                    "site": strip.main_location or strip.location,
                    "set": strip.set,
                    "int_ext": strip.int_ext or "",
                    "lighting": strip.lighting,
                    "pages": round(strip.eighths / 8, 3),
                    "cast": ", ".join(strip.cast),
                }
            )
    columns = [
        "day", "date", "scene", "location", "site", "set", "int_ext", "lighting", "pages", "cast"
    ]  # fmt: skip
    return pd.DataFrame(rows, columns=columns)


def days_table(days: Sequence[ShootDay]) -> pd.DataFrame:
    """One row per shooting day as an AD checks it: sites, moves, pages and the day's minutes."""
    rows = [
        {
            "day": day.index + 1,
            "date": day.date or "",
            "lighting": day.lighting,
            "sites": " -> ".join(day.sites or day.locations),
            "company_moves": day.company_moves,
            "set_moves": day.set_moves,
            "pages": round(day.eighths / 8, 3),
            "shoot_min": round(day.shoot_minutes),
            "move_min": round(day.move_minutes),
            "day_min": round(day.day_minutes),
        }
        for day in days
    ]
    columns = [
        "day", "date", "lighting", "sites", "company_moves", "set_moves", "pages",
        "shoot_min", "move_min", "day_min",
    ]  # fmt: skip
    return pd.DataFrame(rows, columns=columns)


def dood_table(dood: Dood) -> pd.DataFrame:
    """Day-out-of-days: a row per cast member, a column per shoot day, then the totals."""
    day_columns = [f"D{i + 1}" for i in range(dood.days)]
    rows = []
    for row in dood.rows:
        if len(row.codes) != dood.days:
            raise ValueError(
                f"DOOD row {row.name!r} has {len(row.codes)} codes for {dood.days} days"
            )
        record: dict[str, Any] = {"cast": row.name}
        record.update(zip(day_columns, row.codes, strict=True))
        record.update(work=row.work_days, hold=row.hold_days, drop=row.drop_days)
        rows.append(record)
    return pd.DataFrame(rows, columns=["cast", *day_columns, "work", "hold", "drop"])


def budget_table(accounts: Sequence[Mapping[str, Any]]) -> pd.DataFrame:
    """The top sheet: one row per account (code, name, section, subtotal, fringes, total)."""
    columns = ["code", "account", "section", "subtotal", "fringes", "total"]
    rows = [
        {
            "code": str(a.get("code", "")),
            "account": str(a.get("name", "")),
            "section": str(a.get("section", "")),
            "subtotal": round(float(a.get("subtotal") or 0), 2),
            "fringes": round(float(a.get("fringes") or 0), 2),
            "total": round(float(a.get("total") or 0), 2),
        }
        for a in accounts
    ]
    return pd.DataFrame(rows, columns=columns)


def _defuse(frame: pd.DataFrame) -> pd.DataFrame:
    """Text cells that a spreadsheet would run as a formula, quoted so they stay text."""
    out = frame.copy()
    for column in out.columns:
        if not pd.api.types.is_numeric_dtype(out[column]):
            out[column] = out[column].map(
                lambda v: "'" + v if isinstance(v, str) and v.startswith(_FORMULA_START) else v
            )
    return out


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """UTF-8 CSV (with a BOM so spreadsheet apps read accents right), formulas defused."""
    return _defuse(frame).to_csv(index=False).encode("utf-8-sig")


def _sheet_name(name: str, taken: set[str]) -> str:
    base = _BAD_SHEET.sub("_", name).strip() or "Sheet"
    candidate, n = base[:31], 2
    while candidate.lower() in taken:
        suffix = f" ({n})"
        candidate, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(candidate.lower())
    return candidate


def xlsx_bytes(sheets: Mapping[str, pd.DataFrame]) -> bytes:
    """An Excel workbook with one sheet per table, formulas defused."""
    if not sheets:
        raise ValueError("sheets is empty: an XLSX needs at least one table")
    buffer, taken = io.BytesIO(), set[str]()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for name, frame in sheets.items():
            _defuse(frame).to_excel(writer, sheet_name=_sheet_name(name, taken), index=False)
    return buffer.getvalue()


def _plain(obj: Any) -> Any:
    if isinstance(obj, BaseModel):
        return obj.model_dump(mode="json")
    if isinstance(obj, pd.DataFrame):
        return obj.to_dict(orient="records")
    raise TypeError(f"cannot serialise {type(obj).__name__} to JSON")


def json_bytes(obj: Any) -> bytes:
    """Pretty UTF-8 JSON of records, pydantic models or DataFrames."""
    return json.dumps(obj, default=_plain, ensure_ascii=False, indent=2).encode("utf-8")
