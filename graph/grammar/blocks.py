"""Sites asked to be shot in one block, as what-if changes: "can we shoot Maya's apartment in
one block?", "do the radio station all at once", "keep the motel's days together", "no more
going back to the hospital", "keep each location's days together".

A named site comes from the script's lexicon (its whole name or a distinctive word of it);
"each location" / "every site" / "all the locations" asks it of every site (`ALL_SITES`),
which the what-if resolves against the script.
"""

from __future__ import annotations

import re

from graph.grammar.followups import FOLLOW_UP
from graph.grammar.lexicon import Lexicon
from graph.grammar.model import Change, Request

__all__ = ["ALL_SITES", "block_changes", "block_follow_up"]

ALL_SITES = "*"
"""The `hint` of a block change asked of every site."""

_TOGETHER = re.compile(
    r"\b(?:in\s+(?:one|a\s+single|a|1)\s+(?:block|go|stretch|visit|run|chunk|stint)"
    r"|all\s+at\s+once|in\s+one\s+shot|back[- ]to[- ]back|on\s+consecutive\s+days"
    r"|(?:days?|scenes?|shoot(?:ing)?)\s+(?:all\s+)?together|together"
    r"|without\s+(?:ever\s+)?(?:going|coming)\s+back|(?:no|stop|without)\s+(?:more\s+)?"
    r"(?:revisits?|returns?|going\s+back|coming\s+back))\b",
    re.IGNORECASE,
)
_VERB = re.compile(
    r"\b(?:shoot|film|do|schedule|keep|put|get|block|board|finish|wrap|have|stop|no|without)"
    r"(?:s|ing)?\b",
    re.IGNORECASE,
)
_EVERY = re.compile(
    r"\b(?:each|every|all(?:\s+the|\s+of\s+the)?)\s+(?:locations?|sites?|places?)(?:'s?)?\b"
    r"|\b(?:locations?|sites?)\s+(?:each|all)\b",
    re.IGNORECASE,
)
_NOT_SITE = re.compile(r"\b(?:cast|actors?|scenes?\s+\d|nights?|day\s+\d)\b", re.IGNORECASE)


def _sites_named(text: str, lexicon: Lexicon) -> list[str]:
    """Every site the text names, in order of mention (a longer name wins its words)."""
    upper = text.upper()
    found: list[tuple[int, str]] = []
    taken: list[tuple[int, int]] = []
    for place in sorted(lexicon.locations, key=len, reverse=True):
        for match in re.finditer(rf"(?<![\w']){re.escape(place)}(?![\w])", upper):
            span = match.span()
            if not any(a < span[1] and span[0] < b for a, b in taken):
                taken.append(span)
                found.append((span[0], place))
    if not found:
        # A distinctive word of a site, unless it is a cast name ("keep MAYA and ORSON
        # together" is about the cast, not MAYA'S APARTMENT).
        bare = text
        for name in lexicon.cast:
            bare = re.sub(rf"(?<![\w']){re.escape(name)}(?:'s)?(?![\w'])", " ", bare, flags=re.I)
        one = lexicon.location_in(bare)
        return [one] if one is not None else []
    return [place for _, place in sorted(found)]


def block_changes(text: str, lexicon: Lexicon) -> list[Change]:
    """The block changes a message asks for (empty when it asks none)."""
    if not (_TOGETHER.search(text) and _VERB.search(text)):
        return []
    if _EVERY.search(text):
        return [Change(kind="block", hint=ALL_SITES)]
    named = _sites_named(text, lexicon)
    if not named or (_NOT_SITE.search(text) and not re.search(r"\blocations?|sites?\b", text)):
        return []
    return [Change(kind="block", hint=site) for site in named]


def block_follow_up(text: str, lexicon: Lexicon, previous: Request | None) -> Request | None:
    """'what about the radio station too?' after a block what-if: that site in one block as
    well ("instead": in place of the last one)."""
    if previous is None or previous.kind != "what_if" or not FOLLOW_UP.search(text):
        return None
    if not any(c.kind == "block" for c in previous.changes):
        return None
    named = _sites_named(text, lexicon)
    if not named:
        return None
    instead = bool(re.search(r"\binstead\b", text, re.I))
    changes = [Change(kind="block", hint=site) for site in named]
    return Request(kind="what_if", changes=changes, instead=instead)
