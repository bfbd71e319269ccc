"""Read the files attached to a turn into a breakdown; a bad file becomes a clear notice."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from langgraph.runtime import Runtime

from graph.context import Context
from graph.state import State
from tools import parsing
from tools.parsing.limits import ReadLimits
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


def read_upload(upload: dict[str, Any], limits: ReadLimits) -> Script:
    """Parse one upload ({"name", "path"} or {"name", "data"}); ScriptError if unreadable."""
    data = _upload_bytes(upload, limits)
    return parsing.read_script(data, filename=upload["name"], limits=limits)


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
    for upload in state.uploads:
        try:
            script = await asyncio.to_thread(read_upload, upload, _limits(runtime.context))
        except ScriptError as exc:
            notices.append(f"I could not read {upload['name']}: {exc}")
            continue
        if state.script and state.script.get("content_hash") == script.content_hash:
            continue
        update.update(script=script.model_dump(mode="json"), plan=None, version=None, inputs={})
        notices.append(
            f"Read **{script.title}** ({upload['name']}): {len(script.scenes)} scenes, "
            f"{len(script.speakers)} speaking parts."
        )
    update["facts"] = {"notices": notices, "uploaded": "script" in update}
    return update
