"""Read the files attached to a turn into a breakdown; a bad file becomes a clear notice.

A sites CSV among the files (graph.sites_upload) is not a script: its corrections are kept
in the turn's facts for understanding to apply as a re-plan.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from langgraph.runtime import Runtime

from graph.context import Context
from graph.nodes.planning import remember_plan, thread_id
from graph.planner import PlannerFailed, failure_notice
from graph.sites_upload import is_site_csv, read_site_csvs
from graph.state import State
from tools import parsing
from tools.parsing.limits import ReadLimits
from tools.plan import MAX_PLAN_SCENES
from tools.script import Script, ScriptError

__all__ = ["ingest_files", "read_upload"]


def _limits(context: Context) -> ReadLimits:
    s = context.settings
    return ReadLimits(
        max_bytes=int(s.max_upload_mb * 1024 * 1024),
        pdf_timeout_s=s.pdf_timeout_s,
        pdf_memory_mb=s.pdf_memory_mb,
    )


def _upload_bytes(upload: dict[str, Any], limits: ReadLimits) -> bytes:
    if isinstance(upload.get("data"), bytes):
        data: bytes = upload["data"]
        size = len(data)
    else:
        path = Path(upload["path"])
        try:
            size = path.stat().st_size
            data = path.read_bytes() if size <= limits.max_bytes else b""
        except OSError as exc:
            raise ScriptError(f"the upload {upload['name']} could not be opened") from exc
    if size > limits.max_bytes:
        raise ScriptError(
            f"{upload['name']} is {size / 1e6:.1f} MB, over the "
            f"{limits.max_bytes / 1e6:.0f} MB limit: send a smaller file"
        )
    return data


def _revision_facts(report: dict[str, Any]) -> dict[str, Any]:
    scenes = report["diff"]["scenes"]
    plan_diff = report["plan_diff"]
    return {
        **{
            status: [s["new_id"] or s["old_id"] for s in scenes if s["status"] == status]
            for status in ("added", "removed", "changed")
        },
        "moved": [
            {"scene": m["scene"], "from_day": m["old_day"] + 1, "to_day": m["new_day"] + 1}
            for m in report["moved"]
        ],
        "unchanged": report["unchanged"],
        "kept": report["unchanged_kept"],
        "affects": report["diff"]["affects"],
        "days_before": plan_diff["days_before"],
        "days_after": plan_diff["days_after"],
        "budget_delta": plan_diff["total_delta"],
    }


async def _new_draft(
    state: State, ctx: Context, script: Script, name: str
) -> tuple[dict[str, Any], list[str]]:
    """A new draft of the planned script: diff it, re-plan it stably, save the version."""
    new = script.model_dump(mode="json")
    assert state.plan is not None and state.script is not None
    inputs = state.inputs or state.plan.get("inputs") or {}
    try:
        result = await asyncio.to_thread(ctx.planner.revise, state.plan, state.script, new, inputs)
    except ValueError as exc:
        reset = {"script": new, "plan": None, "version": None, "inputs": {}}
        return reset, [f"I read {name} as a new draft but could not re-plan it: {exc}"]
    except PlannerFailed as exc:
        return {}, [failure_notice(exc)]
    stored = await ctx.plans.save(
        thread_id(), inputs=result["inputs"], plan=result["plan"], label=f"new draft ({name})"
    )
    update = {
        "script": new,
        "plan": result["plan"],
        "inputs": result["inputs"],
        "version": stored.version,
        "revision": _revision_facts(result["report"]),
        "insights": await remember_plan(ctx, result["plan"]),
    }
    return update, list(result["report"]["text"])


def _is_new_draft(state: State, script: Script) -> bool:
    return bool(state.plan and state.script and state.script.get("title") == script.title)


def read_upload(upload: dict[str, Any], limits: ReadLimits) -> Script:
    """Parse one upload ({"name", "path"} or {"name", "data"}); ScriptError if unreadable."""
    data = _upload_bytes(upload, limits)
    return parsing.read_script(data, filename=upload["name"], limits=limits)


def _read(upload: dict[str, Any], limits: ReadLimits) -> Script | bytes:
    """The upload's script, or its bytes when it is a sites CSV; ScriptError if unreadable."""
    data = _upload_bytes(upload, limits)
    if is_site_csv(upload["name"], data):
        return data
    return parsing.read_script(data, filename=upload["name"], limits=limits)


def _site_csv_facts(
    files: list[tuple[str, bytes]], has_script: bool
) -> tuple[dict[str, Any], list[str]]:
    """The facts and notices of the turn's sites CSVs (kept only when a script is there)."""
    record, notices = read_site_csvs(files)
    if record is None:
        return {}, notices
    if not has_script:
        names = ", ".join(record["names"])
        return {}, [
            *notices,
            f"I read {record['rows']} site corrections from {names}, but there is no script "
            "yet: attach the screenplay first, then send the CSV again.",
        ]
    return {"site_csv": record}, notices


async def ingest_files(state: State, runtime: Runtime[Context]) -> dict[str, Any]:
    """Start a turn: clear its working records and parse any attached scripts."""
    update: dict[str, Any] = {
        "uploads": [],
        "request": None,
        "route": None,
        "answer": None,
        "artifacts": [],
    }
    notices: list[str] = []
    site_csvs: list[tuple[str, bytes]] = []
    for upload in state.uploads:
        try:
            script = await asyncio.to_thread(_read, upload, _limits(runtime.context))
        except ScriptError as exc:
            notices.append(f"I could not read {upload['name']}: {exc}")
            continue
        if isinstance(script, bytes):
            site_csvs.append((upload["name"], script))
            continue
        if state.script and state.script.get("content_hash") == script.content_hash:
            continue
        if len(script.scenes) > MAX_PLAN_SCENES:
            # Kept out of the state: the script already planned stays the current one.
            notices.append(
                f"I read {upload['name']} but did not keep it: its {len(script.scenes):,} "
                f"scenes are more than the {MAX_PLAN_SCENES:,} one plan can schedule. Split it "
                "into episodes or blocks and upload each one."
            )
            continue
        if _is_new_draft(state, script):
            revised, lines = await _new_draft(state, runtime.context, script, upload["name"])
            update.update(revised)
            notices += lines
            continue
        update.update(script=script.model_dump(mode="json"), plan=None, version=None, inputs={})
        notices.append(
            f"Read **{script.title}** ({upload['name']}): {len(script.scenes)} scenes, "
            f"{len(script.speakers)} speaking parts."
        )
    revision = update.pop("revision", None)
    insights = update.pop("insights", None)
    csv_facts, csv_notices = _site_csv_facts(site_csvs, bool(update.get("script") or state.script))
    update["facts"] = {"notices": notices + csv_notices, "uploaded": "script" in update}
    update["facts"].update(csv_facts)
    if insights:
        update["facts"]["insights"] = insights
    if revision is not None:
        update["facts"]["revision"] = revision
    return update
