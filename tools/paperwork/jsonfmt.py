"""The JSON schedule format other tools read: documented by `schema/schedule.schema.json`.

`format` names the format and `format_version` its version (raised on any incompatible
change); `plan_version` and `plan_date` say which saved plan it is. Pages are in eighths.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tools.paperwork.board import Board, BoardScene

__all__ = ["FORMAT", "FORMAT_VERSION", "SCHEMA_PATH", "render_json", "schedule_document"]

FORMAT = "greenlight.schedule"
FORMAT_VERSION = 1
SCHEMA_PATH = Path(__file__).resolve().parent / "schema" / "schedule.schema.json"


def _scene(scene: BoardScene) -> dict[str, Any]:
    return {
        "number": scene.number,
        "heading": scene.heading,
        "int_ext": scene.int_ext,
        "lighting": scene.lighting,
        "site": scene.site,
        "set": scene.set,
        "eighths": scene.eighths,
        "minutes": round(scene.minutes, 2),
        "cast_ids": scene.cast_ids,
        "synopsis": scene.synopsis,
        "elements": scene.elements,
    }


def schedule_document(board: Board) -> dict[str, Any]:
    """The schedule as a JSON-ready object in the documented format."""
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "title": board.title,
        "plan_version": board.version,
        "plan_date": board.version_date,
        "cast": [{"id": cast_id, "name": name} for cast_id, name in board.cast],
        "days": [
            {
                "day": day.number,
                "date": day.date,
                "lighting": day.lighting,
                "sites": day.sites,
                "company_moves": day.company_moves,
                "eighths": day.eighths,
                "scenes": [_scene(scene) for scene in day.scenes],
            }
            for day in board.days
        ],
        "dood": [
            {
                "id": row["id"],
                "name": row["name"],
                "codes": row["codes"],
                "work_days": row["work_days"],
                "hold_days": row["hold_days"],
                "drop_days": row["drop_days"],
            }
            for row in board.dood
        ],
    }


def render_json(board: Board) -> bytes:
    """The schedule document as UTF-8 JSON bytes."""
    return json.dumps(schedule_document(board), indent=2, ensure_ascii=False).encode("utf-8")
