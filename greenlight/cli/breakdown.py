"""`greenlight breakdown FILE [--json]`: read a screenplay and print its breakdown.

With `--json` it prints one JSON object (title, format, scenes with headings, lighting,
eighths, speakers and elements by category, and the script's speakers); without it, a table
a 1st AD can scan. A file that cannot be read exits 1 with one `error: ...` line.
"""

from __future__ import annotations

import argparse
from typing import Any

from greenlight.cli.common import print_json
from greenlight.settings import Settings
from tools.parsing import ReadLimits, read_path
from tools.parsing.eighths import format_eighths
from tools.script import Scene, Script

__all__ = ["register", "run", "scene_record", "script_record", "summary_table"]


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the `breakdown` subcommand."""
    parser = subparsers.add_parser(
        "breakdown", help="read a screenplay (Fountain, FDX, PDF, text) and print its breakdown"
    )
    parser.add_argument("file", help="the screenplay file")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.set_defaults(handler=run)


def scene_record(scene: Scene) -> dict[str, Any]:
    """One scene as the JSON output lists it."""
    return {
        "number": scene.number,
        "heading": scene.heading,
        "int_ext": scene.int_ext,
        "location": scene.location,
        "main_location": scene.main_location,
        "time_of_day": scene.time_of_day,
        "lighting": scene.lighting,
        "time_of_day_inferred": scene.time_of_day_inferred,
        "eighths": scene.eighths,
        "eighths_stored": scene.eighths_stored,
        "page": scene.page,
        "speakers": scene.speakers,
        "extensions": scene.extensions,
        "raw_cues": scene.raw_cues,
        "non_speaking": scene.non_speaking,
        "elements": {
            category: [
                {"name": e.name, "line": e.line, "line_no": e.line_no, "explicit": e.explicit}
                for e in elements
            ]
            for category, elements in scene.elements.items()
        },
        "notes": scene.notes,
        "synopsis": scene.synopsis,
    }


def script_record(script: Script) -> dict[str, Any]:
    """The whole breakdown as one JSON-ready object."""
    return {
        "title": script.title,
        "format": script.format,
        "source_name": script.source_name,
        "content_hash": script.content_hash,
        "total_eighths": script.total_eighths,
        "speakers": script.speakers,
        "scenes": [scene_record(scene) for scene in script.scenes],
        "warnings": script.warnings,
    }


def summary_table(script: Script) -> str:
    """A readable table: scene, heading, D/N, eighths, cast count, elements."""
    rows = [("SC", "HEADING", "D/N", "PAGES", "CAST", "ELEMENTS")]
    for scene in script.scenes:
        day_night = scene.lighting[0] + ("?" if scene.time_of_day_inferred else "")
        others = sum(len(v) for k, v in scene.elements.items() if k != "cast")
        heading = scene.heading if len(scene.heading) <= 44 else scene.heading[:41] + "..."
        rows.append(
            (
                scene.number,
                heading,
                day_night,
                format_eighths(scene.eighths),
                str(len(scene.cast)),
                str(others),
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
             for row in rows]  # fmt: skip
    lines.insert(0, f"{script.title} ({script.format}): {len(script.scenes)} scenes, "
                    f"{format_eighths(script.total_eighths)} pages, "
                    f"{len(script.speakers)} speaking parts")  # fmt: skip
    lines.append("D/N with ? = inherited or assumed (CONTINUOUS, LATER, no time of day).")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    """Read the file and print its breakdown."""
    settings = Settings()
    limits = ReadLimits(
        max_bytes=int(settings.max_upload_mb * 1024 * 1024),
        pdf_timeout_s=settings.pdf_timeout_s,
        pdf_memory_mb=settings.pdf_memory_mb,
    )
    script = read_path(args.file, limits=limits)
    if args.json:
        print_json(script_record(script))
    else:
        print(summary_table(script))
    return 0
