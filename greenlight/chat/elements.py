"""Chainlit elements from the turn's items: tables, charts and downloads, from memory only.

Each element gets its content as bytes or a figure, never a `path` or `url`, so no element
can be pointed at a file on the server or at another host (see ARCHITECTURE.md).
"""

from __future__ import annotations

from collections.abc import Sequence

import chainlit as cl

from greenlight.chat.outputs import Chart, Download, Item, Preview, Table
from greenlight.chat.uploads import display_name

__all__ = ["to_element", "to_elements"]

#: Rows shown inline; the full table is in the downloads.
MAX_INLINE_ROWS = 500


Element = cl.Dataframe | cl.Plotly | cl.File | cl.Image


def to_element(item: Item) -> Element:
    """The Chainlit element that shows one item."""
    name = display_name(item.name)
    if isinstance(item, Table):
        return cl.Dataframe(name=name, data=item.frame.head(MAX_INLINE_ROWS), display="inline")
    if isinstance(item, Chart):
        return cl.Plotly(name=name, figure=item.figure, display="inline", size="large")
    if isinstance(item, Download):
        return cl.File(name=name, content=item.data, mime=item.mime, display="inline")
    if isinstance(item, Preview):
        return cl.Image(
            name=name, content=item.data, mime="image/png", display="inline", size="large"
        )
    raise TypeError(f"not a chat item: {type(item).__name__}")


def to_elements(items: Sequence[Item]) -> list[Element]:
    """Elements for every item, in order."""
    return [to_element(item) for item in items]
