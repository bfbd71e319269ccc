"""The Chainlit side of `ChatOutput`: messages, steps, token streams and the session title."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncGenerator, Iterator, MutableMapping, Sequence
from contextlib import asynccontextmanager
from typing import Any

import chainlit as cl
from chainlit.data import get_data_layer
from chainlit.utils import utc_now

from graph.safety import neutralize_markup
from greenlight.chat.elements import to_elements
from greenlight.chat.outputs import Item, StepHandle

__all__ = ["ChainlitAnswer", "ChainlitOutput", "SessionMemory", "rename_thread", "saved_then_sent"]

log = logging.getLogger(__name__)

#: Longest session title shown in the sidebar.
MAX_TITLE = 80
#: Steps that show live progress (a long solve's improving boards): open while they run, so
#: the boards are in view without a click, and folded again when they end.
OPEN_WHILE_RUNNING = frozenset({"Schedule"})
#: Most seconds a message's save may take before it is left to Chainlit's own background write.
SAVE_TIMEOUT_S = 20.0


async def saved_then_sent(message: cl.Message) -> None:
    """Save `message` in the session's history, then show it whole in the page.

    Chainlit saves a sent message from a background task, so a user who sees an answer end
    and at once opens the session elsewhere (the review page, another tab) could load the
    thread before that write lands and find the answer missing. Here the write is awaited
    first, so whatever the page shows last is already in the history. A write that fails or
    takes too long is logged and left to Chainlit's background write; the answer is shown
    either way.
    """
    data_layer = get_data_layer()
    if data_layer is not None and not message.persisted:
        message.created_at = message.created_at or utc_now()
        message.streaming = False
        try:
            await asyncio.wait_for(data_layer.create_step(message.to_dict()), SAVE_TIMEOUT_S)
            message.persisted = True
        except Exception:  # a failed save must not lose the answer on screen
            log.exception("saving message %s failed; Chainlit will retry it", message.id)
    await message.send()


class SessionMemory(MutableMapping[str, Any]):
    """`cl.user_session` under one key, so the turn's facts persist with the thread."""

    KEY = "greenlight"

    def _data(self) -> dict[str, Any]:
        data = cl.user_session.get(self.KEY)
        if not isinstance(data, dict):
            data = {}
            cl.user_session.set(self.KEY, data)
        return data

    def __getitem__(self, key: str) -> Any:
        return self._data()[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self._data()[key] = value

    def __delitem__(self, key: str) -> None:
        del self._data()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(list(self._data()))

    def __len__(self) -> int:
        return len(self._data())


async def rename_thread(thread_id: str, title: str) -> None:
    """Give a saved session its sidebar title (no-op without a data layer)."""
    title = " ".join(title.split())[:MAX_TITLE] or "Untitled"
    if data_layer := get_data_layer():
        await data_layer.update_thread(thread_id, name=title)


class ChainlitAnswer:
    """A `cl.Message` streamed token by token; created on the first token."""

    def __init__(self) -> None:
        self.message: cl.Message | None = None

    def _current(self) -> cl.Message:
        if self.message is None:
            self.message = cl.Message(content="")
        return self.message

    async def token(self, text: str) -> None:
        """Stream more text into the message."""
        await self._current().stream_token(text)

    async def replace(self, text: str) -> None:
        """Replace the message's text in the page (a sequence token replaces, not appends)."""
        await self._current().stream_token(text, is_sequence=True)

    async def finish(self, *, footer: str = "", items: Sequence[Item] = ()) -> str:
        """Add the footer and the elements, and save the message."""
        message = self._current()
        if footer:
            # Not streamed: the footer reaches the page with the saved message (see
            # `saved_then_sent`), so its "Current plan" line means the answer is in the history.
            message.content = (message.content + "\n\n" if message.content else "") + footer
        message.elements = to_elements(items)  # type: ignore[assignment]
        await saved_then_sent(message)
        return message.content


class ChainlitOutput:
    """Writes a turn into the current Chainlit session."""

    def __init__(self, thread_id: str) -> None:
        self.thread_id = thread_id
        self.memory: MutableMapping[str, Any] = SessionMemory()

    async def say(self, text: str, *, items: Sequence[Item] = ()) -> None:
        """Send one assistant message with its elements.

        Notices quote file names and reader errors (user-supplied text): images, links and
        HTML in them are made inert, as in answers.
        """
        message = cl.Message(content=neutralize_markup(text), elements=to_elements(items))  # type: ignore[arg-type]
        await saved_then_sent(message)

    @asynccontextmanager
    async def step(self, name: str) -> AsyncGenerator[StepHandle, None]:
        """A `cl.Step` of type tool, showing the handle's output when the block ends.

        A step's output quotes the script (its title, scene headings): it is shown as plain
        text (`language="text"`), never rendered as Markdown, so an image link in a title
        cannot make the browser fetch a URL; code fences are neutralised too, so the text
        cannot close the plain-text block early.
        """
        handle = StepHandle(name)
        live_step = name in OPEN_WHILE_RUNNING
        async with cl.Step(
            name=name,
            type="tool",
            show_input=False,
            language="text",
            default_open=live_step,
            auto_collapse=live_step,
        ) as step:

            async def live(text: str) -> None:
                step.output = neutralize_markup(text)
                await step.update()

            handle.live = live
            yield handle
            step.output = neutralize_markup(handle.output)
            step.is_error = handle.error

    def answer(self) -> ChainlitAnswer:
        """A new streamed answer message."""
        return ChainlitAnswer()

    async def set_title(self, title: str) -> None:
        """Name this session in the sidebar."""
        await rename_thread(self.thread_id, title)
