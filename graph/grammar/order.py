"""Scenes that must be shot in an order, said in the chat: "scene 5 must be shot before
scene 9", "shoot 12 after 4", "scene 9 has to come after scene 5" (a set wrecked, a haircut,
a wound that heals)."""

from __future__ import annotations

import re

from graph.grammar.model import Change

__all__ = ["order_changes"]

_SCENE = r"(?:scene\s+)?(\d+[A-Z]{0,2})"
_VERB = (
    r"(?:(?:must|has to|have to|should|needs? to|got to|gotta)\s+)?(?:be\s+)?"
    r"(?:shot|shoot|filmed|film|done|do|come|go|happen|scheduled)?\s*"
)
_ORDER = re.compile(
    rf"\b(?:shoot|film|do|schedule|put)?\s*scene\s+(\d+[A-Z]{{0,2}})\s+{_VERB}"
    rf"(before|ahead of|prior to|earlier than|after|later than)\s+{_SCENE}\b",
    re.I,
)


def order_changes(text: str) -> list[Change]:
    """The order a message asks for between two scenes, as a `before` change."""
    match = _ORDER.search(text)
    if not match:
        return []
    one, word, other = match.group(1).upper(), match.group(2).lower(), match.group(3).upper()
    if one == other:
        return []
    first, then = (
        (one, other)
        if word in {"before", "ahead of", "prior to", "earlier than"}
        else (
            other,
            one,
        )
    )
    return [Change(kind="before", scene=first, then=then)]
