"""Site corrections and the moves cap said in the chat, as what-if changes.

A small, self-contained hook for the intent parser: "scenes 18 to 25 are all at the
lighthouse", "KITCHEN is in the Miller house", "the hospital is a stage" (read by
`tools.sites.parse_site_phrase`) and "allow two moves a day".
"""

from __future__ import annotations

import re

from graph.grammar.model import Change
from tools.sites import parse_site_phrase

__all__ = ["site_changes"]

_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "no": 0, "zero": 0}
_MOVES = re.compile(
    r"\b(?:allow(?:ed|ing)?|permit(?:ted)?|let(?: us| me)?(?: have)?|up to|at most|with|"
    r"(?:we|if we)\s+(?:had|have|did|do|made|make)|if we allow)\s+"
    r"(?P<n>\d|one|two|three|four|no|zero)\s+(?:company\s+)?moves?\s+(?:a|per|each)\s+day\b",
    re.IGNORECASE,
)
_LOCATION_FORM = re.compile(r"^\s*(?:the\s+\w|[A-Z0-9'. -]+\s+(?:is|are)\b)")


def site_changes(message: str) -> list[Change]:
    """The site or moves-cap changes a message states (empty when it states none)."""
    if match := _MOVES.search(message):
        word = match.group("n").lower()
        value = _NUMBERS.get(word, int(word) if word.isdigit() else 1)
        return [Change(kind="moves_per_day", value=float(value))]
    found = parse_site_phrase(message)
    if found is None:
        return []
    # A place named in lower case without THE ("maya is in the hospital") stays chat.
    if found.locations and not _LOCATION_FORM.match(message):
        return []
    return [Change(kind="sites", sites=found.model_dump(mode="json"))]
