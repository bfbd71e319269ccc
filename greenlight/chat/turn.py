"""The seam between the chat and the planner: one user turn in, messages out.

`app.py` calls `run_turn` for every message, with the files already checked and read. Until
the LangGraph planner is connected here, a turn does what the deterministic reader can do
for real: read each screenplay, name the session after it, and answer with its breakdown
(scene count, pages, speaking parts, a scenes table and downloads). Bad files get the
reader's own message and the session goes on.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from greenlight.chat.outputs import ChatOutput, Download, Item, Table
from greenlight.chat.preferences import Preferences
from greenlight.chat.tables import csv_bytes, json_bytes, scenes_table, xlsx_bytes
from greenlight.chat.uploads import display_name
from greenlight.settings import Settings
from tools.parsing.limits import ReadLimits
from tools.script import Script, ScriptError

__all__ = ["Attachment", "TurnInput", "read_limits", "run_turn", "script_facts"]

Reader = Callable[..., Script]


@dataclass(frozen=True)
class Attachment:
    """A file the user sent with the message, already checked for type and size."""

    name: str
    data: bytes


@dataclass(frozen=True)
class TurnInput:
    """Everything a turn needs, as plain data."""

    thread_id: str
    user_id: str
    text: str
    preferences: Preferences
    settings: Settings
    attachments: tuple[Attachment, ...] = ()
    refusals: tuple[str, ...] = ()
    """Messages for files refused before reading (wrong type, too big)."""


def read_limits(settings: Settings) -> ReadLimits:
    """The reader's bounds from the app's settings."""
    return ReadLimits(
        max_bytes=int(settings.max_upload_mb * 1024 * 1024),
        pdf_timeout_s=settings.pdf_timeout_s,
        pdf_memory_mb=settings.pdf_memory_mb,
    )


def script_facts(script: Script) -> dict[str, Any]:
    """The small summary kept with the session (JSON-able, saved with the thread)."""
    return {
        "title": script.title,
        "format": script.format,
        "source_name": script.source_name,
        "scenes": len(script.scenes),
        "eighths": script.total_eighths,
        "speakers": len(script.speakers),
        "content_hash": script.content_hash,
    }


def _pages(eighths: int) -> str:
    whole, rest = divmod(eighths, 8)
    return f"{whole} {rest}/8" if rest else str(whole)


def _default_reader() -> Reader | None:
    from tools import parsing

    return getattr(parsing, "read_script", None)


def _answer(facts: dict[str, Any]) -> str:
    return (
        f"**{facts['title']}** ({facts['format'].upper()}): {facts['scenes']} scenes, "
        f"{_pages(facts['eighths'])} pages, {facts['speakers']} speaking parts. "
        "The scene list is below, with CSV, XLSX and JSON downloads."
    )


def _items(script: Script) -> list[Item]:
    frame = scenes_table(script)
    return [
        Table("Scenes", frame),
        Download("scenes.csv", csv_bytes(frame), "text/csv"),
        Download(
            "breakdown.xlsx",
            xlsx_bytes({"Scenes": frame}),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
        Download("breakdown.json", json_bytes(script), "application/json"),
    ]


async def _read_one(
    attachment: Attachment, out: ChatOutput, reader: Reader, limits: ReadLimits
) -> Script | None:
    name = display_name(attachment.name)
    async with out.step(f"Read {name}") as step:
        try:
            # Parsing can take seconds (PDF): off the event loop so other chats keep moving.
            script = await asyncio.to_thread(reader, attachment.data, filename=name, limits=limits)
        except ScriptError as exc:
            step.output, step.error = str(exc), True
            await out.say(f"I could not read {name}: {exc}")
            return None
        step.output = f"{len(script.scenes)} scenes, {_pages(script.total_eighths)} pages"
    return script


async def run_turn(turn: TurnInput, out: ChatOutput, *, reader: Reader | None = None) -> None:
    """Answer one user message (and its files) on `out`."""
    for refusal in turn.refusals:
        await out.say(refusal)
    if turn.attachments:
        await _read_all(turn, out, reader or _default_reader())
    elif not turn.refusals:
        await out.say(_reply_without_files(out.memory.get("script")))


async def _read_all(turn: TurnInput, out: ChatOutput, reader: Reader | None) -> None:
    if reader is None:
        await out.say("This build has no screenplay reader installed, so I cannot read files yet.")
        return
    limits = read_limits(turn.settings)
    for attachment in turn.attachments:
        script = await _read_one(attachment, out, reader, limits)
        if script is None:
            continue
        facts = script_facts(script)
        out.memory["script"] = facts
        await out.set_title(script.title if script.title != "Untitled" else facts["source_name"])
        await out.say(_answer(facts), items=_items(script))


def _reply_without_files(facts: dict[str, Any] | None) -> str:
    if facts is None:
        return (
            "Send a screenplay to start: drop a .fountain, .fdx, .pdf or .txt file into the "
            "message box (or use the paperclip)."
        )
    return (
        f"This session holds **{facts['title']}**: {facts['scenes']} scenes, "
        f"{_pages(facts['eighths'])} pages. Scheduling and budgeting answers come from the "
        "planner, which is not connected in this build; send another script to read it."
    )
