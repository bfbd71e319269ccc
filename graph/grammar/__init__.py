"""The intent grammar: a message becomes a typed `Request`, deterministically.

`parse_message(text, previous=..., lexicon=...)` normalizes numbers written in words, then
tries each parser of `SUB_PARSERS` in order; the first that answers wins. Parsers get a
`Turn` (the text as written and normalized, the script's lexicon, the last request, for
follow-ups). Other features add their parser to the list (a site correction, a progress
report) without touching the others. Days in messages are 1-based and become 0-based here.
"""

from __future__ import annotations

from collections.abc import Callable

from graph.grammar.blocks import block_changes, block_follow_up
from graph.grammar.followups import lost_follow_up
from graph.grammar.lexicon import Lexicon
from graph.grammar.model import Change, ChangeKind, ExportFormat, IntentKind, Request, View
from graph.grammar.numbers import normalize_numbers
from graph.grammar.parsers import (
    Turn,
    compare,
    export,
    greeting,
    plan,
    questions,
    render,
    revert,
    show,
    what_if,
)
from graph.grammar.sites import site_changes
from graph.grammar.why import why_request
from graph.progress_intent import progress_fields

__all__ = [
    "SUB_PARSERS",
    "Change",
    "ChangeKind",
    "ExportFormat",
    "IntentKind",
    "Lexicon",
    "Request",
    "SubParser",
    "Turn",
    "View",
    "parse_message",
]

SubParser = Callable[[Turn], Request | None]


def progress(turn: Turn) -> Request | None:
    """Production reports and progress questions ("Day 3 wrapped: shot 14 and 15")."""
    fields = progress_fields(turn.message)
    return Request(**fields) if fields else None


def sites(turn: Turn) -> Request | None:
    """Site corrections and the moves cap ("scenes 18 to 25 are at the lighthouse")."""
    changes = site_changes(turn.message)
    return Request(kind="what_if", changes=changes) if changes else None


def blocks(turn: Turn) -> Request | None:
    """Sites shot in one block ("can we shoot the motel in one go?")."""
    changes = block_changes(turn.normal, turn.lexicon)
    if changes:
        return Request(kind="what_if", changes=changes)
    return block_follow_up(turn.normal, turn.lexicon, turn.previous)


def why(turn: Turn) -> Request | None:
    """A bare "why?" after an answer: what the last figure or re-plan is made of."""
    return why_request(turn.message, turn.previous)


def lost(turn: Turn) -> Request | None:
    """'and the police station?' after 'what if we lose the hospital?': that site lost."""
    return lost_follow_up(turn.message, turn.lexicon, turn.previous)


SUB_PARSERS: list[SubParser] = [
    progress, greeting, why, lost, sites, blocks, render, compare, revert, export, what_if, plan,
    questions, show,
]  # fmt: skip
"""Tried in order; insert a new parser where its phrases should win."""


def parse_message(
    text: str, *, previous: Request | None = None, lexicon: Lexicon | None = None
) -> Request | None:
    """The request a message makes, or None when no parser can tell."""
    message = text.strip()
    if not message:
        return Request(kind="plan", text=text)
    turn = Turn(
        text=text, message=message, normal=normalize_numbers(message),
        lexicon=lexicon or Lexicon(), previous=previous,
    )  # fmt: skip
    for parser in SUB_PARSERS:
        if (request := parser(turn)) is not None:
            return request.model_copy(update={"text": request.text or text})
    return None
