"""Turn a chat message into a typed request, deterministically, before any model is asked.

The models (`Request`, `Change`) and the grammar live in `graph.grammar`; this module keeps
the names the rest of the graph imports. `parse_intent` returns None when the grammar does
not recognise the message; only then does the graph ask an LLM for the same `Request`
through structured output. Days in messages are 1-based ("day 3") and become 0-based here.
"""

from __future__ import annotations

from graph.grammar import (
    Change,
    ChangeKind,
    ExportFormat,
    IntentKind,
    Lexicon,
    Request,
    View,
    parse_message,
)

__all__ = [
    "Change",
    "ChangeKind",
    "ExportFormat",
    "IntentKind",
    "Lexicon",
    "Request",
    "View",
    "parse_intent",
]


def parse_intent(
    text: str, *, previous: Request | None = None, lexicon: Lexicon | None = None
) -> Request | None:
    """The request a message makes, or None when the rules cannot tell."""
    return parse_message(text, previous=previous, lexicon=lexicon)
