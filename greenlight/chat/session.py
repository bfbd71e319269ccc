"""What the chat handlers do at session start, resume, settings change and message time."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import chainlit as cl
from chainlit.config import FILES_DIRECTORY
from chainlit.config import config as chainlit_config
from chainlit.data import get_data_layer
from chainlit.types import CommandDict, ThreadDict

from greenlight.chat import preferences as prefs
from greenlight.chat.chainlit_output import SessionMemory
from greenlight.chat.turn import Attachment, TurnInput
from greenlight.chat.uploads import UploadRejected, check_upload, display_name, too_many_files
from greenlight.settings import Settings

__all__ = [
    "RATE_CARD_COMMAND",
    "ask_rate_card",
    "current_preferences",
    "max_files_per_message",
    "open_session",
    "read_upload",
    "resume_session",
    "save_session",
    "turn_input",
    "update_preferences",
]

_KEY = "preferences"
#: The composer command that asks for a rate card.
RATE_CARD_COMMAND = "Rate card"
_COMMANDS: list[CommandDict] = [
    CommandDict(
        id=RATE_CARD_COMMAND,
        icon="table",
        description="Upload a rate card (CSV)",
        button=True,
        persistent=False,
        selected=False,
    ),
]
_SAVED_KEYS = (_KEY, "rate_card_csv", SessionMemory.KEY)


def current_preferences(settings: Settings) -> prefs.Preferences:
    """This session's preferences (the app's defaults until the user changes them)."""
    stored = cl.user_session.get(_KEY)
    base = prefs.initial_preferences(settings)
    if isinstance(stored, dict):
        try:
            return prefs.from_values(stored, base=base)
        except ValueError:
            return base
    return base


async def _send_panel(current: prefs.Preferences) -> None:
    cl.user_session.set(_KEY, current.model_dump())
    await cl.ChatSettings(prefs.widgets(current)).send()
    await cl.context.emitter.set_commands(_COMMANDS)


async def save_session(thread_id: str) -> None:
    """Write this session's preferences and facts to its thread now, not only at disconnect.

    Chainlit saves the session's values when the browser disconnects; saving after each turn
    keeps them if the server stops first.
    """
    data_layer = get_data_layer()
    # Before the first message the thread is not saved; writing now would orphan it.
    if data_layer is None or not cl.context.session.has_first_interaction:
        return
    values = {key: cl.user_session.get(key) for key in _SAVED_KEYS}
    metadata = {key: value for key, value in values.items() if value is not None}
    if metadata:
        await data_layer.update_thread(thread_id, metadata=metadata)


async def open_session(settings: Settings) -> None:
    """A new chat: the settings panel with the app's defaults."""
    await _send_panel(prefs.initial_preferences(settings))


async def resume_session(thread: ThreadDict, settings: Settings) -> None:
    """A resumed chat: Chainlit restored the session's values; show them in the panel."""
    await _send_panel(current_preferences(settings))


async def update_preferences(values: dict[str, Any], settings: Settings) -> None:
    """Validate the panel's new values; a bad value is refused with a message."""
    try:
        chosen = prefs.from_values(values, base=current_preferences(settings))
    except ValueError as exc:
        await cl.Message(content=f"That setting was not changed: {exc}").send()
        return
    cl.user_session.set(_KEY, chosen.model_dump())


def read_upload(
    name: str, path: str | Path, *, max_bytes: int, root: Path = FILES_DIRECTORY
) -> Attachment:
    """An uploaded file's bytes, after checking its type and size; UploadRejected otherwise.

    `path` is Chainlit's own copy of the upload; anything outside `root` (Chainlit's upload
    folder) is refused rather than read.
    """
    shown = display_name(name or "file")
    resolved = Path(path).resolve()
    if not resolved.is_relative_to(root.resolve()) or not resolved.is_file():
        raise UploadRejected(f"{shown} was not received completely: send it again.")
    check_upload(shown, resolved.stat().st_size, max_bytes=max_bytes)
    return Attachment(name=shown, data=resolved.read_bytes())


#: Files per message when the Chainlit config names no limit.
DEFAULT_MAX_FILES = 5


def max_files_per_message() -> int:
    """The configured number of files one message may carry (.chainlit/config.toml)."""
    upload = chainlit_config.features.spontaneous_file_upload
    most = getattr(upload, "max_files", None)
    return int(most) if most else DEFAULT_MAX_FILES


async def turn_input(message: cl.Message, settings: Settings) -> TurnInput:
    """The turn's plain input: text, checked files (or why each was refused), preferences."""
    max_bytes = int(settings.max_upload_mb * 1024 * 1024)
    attachments: list[Attachment] = []
    refusals: list[str] = []
    elements = [e for e in message.elements or [] if e.path is not None]
    if len(elements) > (most := max_files_per_message()):
        # The page enforces this limit too, but a client can send any number of references.
        refusals.append(too_many_files(len(elements), most))
        elements = []
    for element in elements:
        if element.path is None:
            continue
        try:
            attachments.append(read_upload(element.name, element.path, max_bytes=max_bytes))
        except UploadRejected as exc:
            refusals.append(str(exc))
    user = cl.user_session.get("user")
    return TurnInput(
        thread_id=message.thread_id,
        user_id=getattr(user, "identifier", ""),
        text=message.content or "",
        preferences=current_preferences(settings),
        settings=settings,
        attachments=tuple(attachments),
        refusals=tuple(refusals),
        rate_card_csv=cl.user_session.get("rate_card_csv"),
    )


#: Largest rate card accepted (a full card is a few kilobytes).
RATE_CARD_MAX_MB = 1


async def ask_rate_card(settings: Settings) -> None:
    """Ask for a CSV rate card, check it with the rate-card reader, keep it for this session."""
    from tools.ratecard import parse_rate_card

    files = await cl.AskFileMessage(
        content="Send your rate card as a CSV file (the columns of data/README.md).",
        accept={
            "text/csv": [".csv"],
            "application/vnd.ms-excel": [".csv"],
            "text/plain": [".csv"],
            "application/octet-stream": [".csv"],
        },
        max_size_mb=RATE_CARD_MAX_MB,
        timeout=300,
    ).send()
    if not files:
        return
    upload = files[0]
    name = display_name(upload.name)
    current = current_preferences(settings)
    try:
        check_size = Path(upload.path).stat().st_size
        if not name.lower().endswith(".csv") or check_size > RATE_CARD_MAX_MB * 1_048_576:
            raise ValueError(f"{name} is not a CSV file under {RATE_CARD_MAX_MB} MB")
        text = Path(upload.path).read_text(encoding="utf-8-sig")
        card = parse_rate_card(text, source=name, currency=current.currency)
    except (ValueError, UnicodeDecodeError) as exc:
        await cl.Message(content=f"I kept the previous rate card: {exc}").send()
        return
    cl.user_session.set("rate_card_csv", text)
    cl.user_session.set(_KEY, current.model_copy(update={"rate_card_name": name}).model_dump())
    await cl.Message(
        content=f"Rate card {name} is in use for this session ({len(card.items)} rates)."
    ).send()
