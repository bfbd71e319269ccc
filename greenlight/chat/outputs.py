"""What a turn can show, independent of Chainlit: text, steps, streamed tokens and items.

The turn (greenlight.chat.turn) writes to a `ChatOutput`; the app passes the Chainlit one
(greenlight.chat.chainlit_output), tests pass a recorder. Items are built from in-memory data
only (a DataFrame, a figure, bytes), never from a path or a URL.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping, Sequence
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass, field
from typing import Any, Protocol

import pandas as pd
import plotly.graph_objects as go

__all__ = [
    "AnswerStream",
    "Chart",
    "ChatOutput",
    "Download",
    "Item",
    "Preview",
    "StepHandle",
    "Table",
]


@dataclass(frozen=True)
class Table:
    """A table shown inline in the answer."""

    name: str
    frame: pd.DataFrame


@dataclass(frozen=True)
class Chart:
    """A Plotly chart shown inline in the answer."""

    name: str
    figure: go.Figure


@dataclass(frozen=True)
class Download:
    """A file offered for download, from bytes built in memory."""

    name: str
    data: bytes
    mime: str


@dataclass(frozen=True)
class Preview:
    """A PNG picture shown inline (a printed document's first page), from bytes in memory."""

    name: str
    data: bytes


Item = Table | Chart | Download | Preview


@dataclass
class StepHandle:
    """A running step: what the user sees under the step's name once it ends."""

    name: str
    output: str = ""
    error: bool = False
    extra: dict[str, Any] = field(default_factory=dict)
    live: Callable[[str], Awaitable[None]] | None = None
    """Shows new output while the step still runs (set by the output that made the step)."""
    shown: list[str] = field(default_factory=list)
    """Every output shown while the step ran, in order."""

    async def show(self, text: str) -> None:
        """Replace the step's output now, while it runs (a long solve's progress)."""
        self.output = text
        self.shown.append(text)
        if self.live is not None:
            await self.live(text)


class AnswerStream(Protocol):
    """One answer message written while the model writes it."""

    async def token(self, text: str) -> None:
        """Append streamed text."""

    async def replace(self, text: str) -> None:
        """Replace everything streamed so far (a grounding check threw the model's words out)."""

    async def finish(self, *, footer: str = "", items: Sequence[Item] = ()) -> str:
        """End the message: add the footer line and the items; returns the full text."""


class ChatOutput(Protocol):
    """Where a turn writes; one instance per turn."""

    memory: MutableMapping[str, Any]
    """Small JSON-able facts kept with the session (saved with the thread, back on resume)."""

    async def say(self, text: str, *, items: Sequence[Item] = ()) -> None:
        """Send one assistant message (Markdown, no HTML) with its items."""

    def step(self, name: str) -> AbstractAsyncContextManager[StepHandle]:
        """A visible step (a tool at work) around a block of the turn."""

    def answer(self) -> AnswerStream:
        """A new answer message, shown from its first token on."""

    async def set_title(self, title: str) -> None:
        """Name the session in the history sidebar."""
