"""The seam between the chat and the planner: one user turn in, messages out.

`app.py` calls `run_turn` for every message, with the files already checked and read. The
turn runs the agent graph on the server's one assistant with this session's preferences:
each tool node shows as a step with its key result, the answer streams token by token and
ends with the model that wrote it and why, then the plan's charts, tables and downloads.
Bad files get the reader's own message and the session goes on; nothing saved is lost.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from greenlight.chat.assistant import plan_defaults, turn_settings
from greenlight.chat.outputs import ChatOutput
from greenlight.chat.preferences import Preferences
from greenlight.chat.progress import Progress, model_line
from greenlight.chat.results import turn_items
from greenlight.chat.review import answer_review, is_review_command
from greenlight.settings import Settings
from tools.parsing.limits import ReadLimits

if TYPE_CHECKING:
    from graph.session import Assistant

__all__ = ["Attachment", "TurnInput", "read_limits", "run_turn", "script_memory"]

logger = logging.getLogger(__name__)


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
    rate_card_csv: str | None = None
    """The rate card uploaded in this session (CSV text), if any."""


def read_limits(settings: Settings) -> ReadLimits:
    """The reader's bounds from the app's settings."""
    return ReadLimits(
        max_bytes=int(settings.max_upload_mb * 1024 * 1024),
        pdf_timeout_s=settings.pdf_timeout_s,
        pdf_memory_mb=settings.pdf_memory_mb,
    )


def script_memory(script: dict[str, Any]) -> dict[str, Any]:
    """The small summary of a script record kept with the session (JSON-able)."""
    scenes = script.get("scenes") or []
    speakers = {name for scene in scenes for name in scene.get("speakers") or []}
    return {
        "title": script.get("title", "Untitled"),
        "format": script.get("format", ""),
        "source_name": script.get("source_name", ""),
        "scenes": len(scenes),
        "eighths": sum(int(scene.get("eighths") or 0) for scene in scenes),
        "speakers": len(script.get("speakers") or speakers),
        "content_hash": script.get("content_hash", ""),
    }


async def _run_graph(turn: TurnInput, out: ChatOutput, assistant: Assistant) -> None:
    from graph.session import run_turn as run_graph_turn

    progress = Progress(out, reading=bool(turn.attachments))
    answer = out.answer()
    try:
        result = await run_graph_turn(
            assistant,
            thread_id=turn.thread_id,
            text=turn.text,
            uploads=[{"name": a.name, "data": a.data} for a in turn.attachments],
            on_token=answer.token,
            on_replace=answer.replace,
            on_node=progress.node,
            on_board=progress.board,
            settings=turn_settings(
                turn.settings, turn.preferences, rate_card_csv=turn.rate_card_csv
            ),
            plan_defaults=plan_defaults(turn.preferences),
            user_id=turn.user_id,
        )
    except Exception:  # the session must survive anything one turn does
        logger.exception("turn failed in thread %s", turn.thread_id)
        await progress.close()
        await answer.finish(
            footer="Something went wrong while working on that, and nothing was changed: "
            "your script and saved plans are kept. Try again, or rephrase the request."
        )
        return
    if progress.script is not None:
        memory = script_memory(progress.script)
        out.memory["script"] = memory
        title = memory["title"] if memory["title"] != "Untitled" else memory["source_name"]
        await out.set_title(title)
    items = turn_items(result.facts, result.plan, version=result.version)
    footer = model_line(result.route, result.usage)
    if result.version is not None:
        footer = f"{footer} · Current plan: version {result.version}".lstrip(" ·")
    await answer.finish(footer=footer, items=items)


async def run_turn(turn: TurnInput, out: ChatOutput, *, assistant: Assistant) -> None:
    """Answer one user message (and its files) on `out`, with the graph on `assistant`."""
    for refusal in turn.refusals:
        await out.say(refusal)
    if turn.refusals and not turn.attachments and not turn.text.strip():
        return
    if is_review_command(turn.text) and not turn.attachments and assistant.engine is not None:
        await answer_review(out, assistant.engine, turn.user_id)
        return
    await _run_graph(turn, out, assistant)
