"""The chat's site corrections in words, read deterministically into `SiteCorrections`.

Phrasings: "scenes 18 to 25 are all at the lighthouse", "scene 4 is at the diner",
"KITCHEN is in the Miller house", "the hospital is a stage", "the TV news studio and the TV
studio gallery are the same place". `parse_site_phrase` returns None
when the message is not a site correction, so the intent parser can try its other rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from tools.sites.kinds import KINDS
from tools.sites.model import SceneRange, SiteCorrections
from tools.sites.names import joined, tokens

__all__ = ["parse_site_phrase"]

_NUM = r"([0-9]+[A-Z]?)"
_PLACE = r"(?:the\s+)?(?P<site>[^.,;!?]+?)"
_END = r"\s*[.!?]?\s*$"
_LEAD = r"^\s*(?:(?:what if|suppose|say|let'?s say|and if|if)\s+)?"
"""'what if the harbor is a stage?' states the same correction, as a what-if."""
_RANGE = re.compile(
    rf"{_LEAD}scenes?\s+{_NUM}\s*(?:to|through|thru|until|-|–)\s*{_NUM}\s+"
    rf"(?:are|is|were)\s+(?:all\s+)?(?:shot\s+)?(?:at|in|on)\s+{_PLACE}{_END}",
    re.IGNORECASE,
)
_ONE = re.compile(
    rf"{_LEAD}scene\s+{_NUM}\s+(?:is|was)\s+(?:shot\s+)?(?:at|in|on)\s+{_PLACE}{_END}",
    re.IGNORECASE,
)
_KIND = re.compile(
    rf"{_LEAD}(?:(?:let'?s\s+|we\s+)?(?:make|treat|turn|shoot|build)\s+)?(?:the\s+)?(?P<name>[^.,;!?]+?)\s+"
    rf"(?:(?:is|are|will be|was|were)\s+)?(?:into\s+|as\s+)?(?:a|an|on\s+a|on\s+the)\s+"
    rf"(?P<kind>{'|'.join(KINDS)})(?:\s+location|\s+set)?(?:\s+instead)?{_END}",
    re.IGNORECASE,
)
_PART_OF = re.compile(
    rf"{_LEAD}(?:the\s+)?(?P<name>[^.,;!?]+?)\s+(?:is|are)\s+(?:all\s+)?(?:in|at|part\s+of)\s+{_PLACE}"
    rf"{_END}",
    re.IGNORECASE,
)
_SAME = re.compile(
    rf"{_LEAD}(?:the\s+)?(?P<a>[^.,;!?]+?)\s+and\s+(?:the\s+)?(?P<b>[^.,;!?]+?)\s+(?:are|is)\s+"
    r"(?:(?:all\s+)?(?:at|in)\s+)?(?:the\s+same|one|a\s+single)\s*"
    r"(?:place|site|location|building|house|stage|spot)?(?:\s+too)?"
    rf"{_END}",
    re.IGNORECASE,
)
_NOT_PLACES = re.compile(
    r"^(?:it|this|that|he|she|they|we|i|you|who|what|where|which|how|everyone|nobody|"
    r"the\s+budget|day\s+\d+)$",
    re.IGNORECASE,
)
_NOT_SITES = re.compile(r"^(?:scenes?|days?|week|version)\b", re.IGNORECASE)


def _known(name: str, places: Iterable[str] | None) -> bool:
    if places is None:
        return True
    key = joined(tokens(name))
    return bool(key) and any(key in joined(tokens(place)) for place in places)


def parse_site_phrase(
    text: str, known_places: Iterable[str] | None = None
) -> SiteCorrections | None:
    """The corrections a chat message states, or None when it states none.

    With `known_places` (the script's locations, sets and sites), a location or kind
    correction must name one of them, so "Maya is in the hospital" is not read as a site.
    """
    if match := _RANGE.match(text):
        first, last, site = match.group(1), match.group(2), match.group("site")
        return SiteCorrections(
            scenes=[SceneRange(first=first.upper(), last=last.upper(), site=site)]
        )
    if match := _ONE.match(text):
        scene = match.group(1).upper()
        return SiteCorrections(
            scenes=[SceneRange(first=scene, last=scene, site=match.group("site"))]
        )
    if match := _KIND.match(text):
        name = match.group("name").strip()
        if _NOT_PLACES.match(name) or not _known(name, known_places):
            return None
        return SiteCorrections(kinds={name.upper(): match.group("kind").lower()})  # type: ignore[dict-item]
    if match := _SAME.match(text):
        a, b = match.group("a").strip(), match.group("b").strip()
        if any(_NOT_PLACES.match(n) or not _known(n, known_places) for n in (a, b)):
            return None
        # Both at one site, named after the first.
        return SiteCorrections(locations={a.upper(): a.upper(), b.upper(): a.upper()})
    if match := _PART_OF.match(text):
        name = match.group("name").strip()
        if _NOT_PLACES.match(name) or re.match(r"^scenes?\b", name, re.IGNORECASE):
            return None
        if not _known(name, known_places) or _NOT_SITES.match(match.group("site")):
            return None
        return SiteCorrections(locations={name.upper(): match.group("site").strip().upper()})
    return None
