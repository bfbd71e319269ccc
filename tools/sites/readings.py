"""What one heading says about its place, before the story's order is taken into account.

A reading is one of:
- `named`: the heading names a place ("MILLER HOUSE - KITCHEN": site MILLER HOUSE, set KITCHEN;
  "HALLWAY, TOM'S APARTMENT BUILDING": the set first, the site after the comma);
- `owner`: a room qualified by its owner ("MILLER KITCHEN", "MILLER'S BACKYARD"), to be matched
  with the owner's named site;
- `bare`: a room or area with no owner ("KITCHEN"), placed by the story's order;
- `secondary`: a heading with no INT/EXT ("BACK IN THE APARTMENT"): a shot inside the scene
  before, unless it names a known site outright.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from tools.sites.names import area_split, is_area, joined, parts, tokens

__all__ = ["Reading", "read_heading"]

_SECONDARY_LEAD = re.compile(
    r"^(?:(?:BACK|RETURN)\s+(?:IN|AT|TO|ON|INSIDE)|INSIDE|OUTSIDE|IN|AT|ON|FROM|INTO|UNDER)\s+",
)


@dataclass(frozen=True)
class Reading:
    """One heading's place words (see the module docstring)."""

    form: Literal["named", "owner", "bare", "secondary"]
    site_text: str
    """The site as written ("MILLER HOUSE"), the owner ("MILLER"), or "" for bare/secondary."""
    set_text: str
    """The set as written ("KITCHEN"), or "" when the heading names only the site."""
    words: tuple[str, ...]
    """Normalised words of `site_text` (for `bare`/`secondary`: of the whole place text)."""

    @property
    def key(self) -> str:
        """The comparison key of the site words."""
        return joined(list(self.words))


def _tail(words_text: str, count: int) -> str:
    raw = words_text.split()
    return " ".join(raw[-count:]) if count <= len(raw) else words_text


def _single(text: str) -> Reading:
    words = tokens(text)
    if is_area(words):
        return Reading("bare", "", text, tuple(words))
    owner, area = area_split(words)
    if area and owner:
        set_text = _tail(text, len(area))
        owner_text = text[: len(text) - len(set_text)].strip(" -,")
        return Reading("owner", owner_text or text, set_text, tuple(owner))
    return Reading("named", text, "", tuple(words))


def read_heading(location: str, int_ext: str | None) -> Reading:
    """The reading of one heading's location (INT/EXT None marks a secondary heading)."""
    if int_ext is None:
        place = _SECONDARY_LEAD.sub("", location.upper()).strip()
        return Reading("secondary", "", "", tuple(tokens(place)))
    pieces, comma = parts(location)
    if not pieces or not pieces[0]:
        return Reading("bare", "", "", ())
    if len(pieces) == 1:
        return _single(pieces[0])
    first, rest = pieces[0], pieces[1:]
    reversed_ = comma and (is_area(tokens(first)) or bool(area_split(tokens(first))[1]))
    if reversed_:
        first, rest = rest[0], [pieces[0], *rest[1:]]
    head = _single(first)
    if reversed_ and head.form == "bare":
        # The comma put it in the site's place ("SHOWER. GYM"): a site, whatever the word.
        head = Reading("named", first, "", head.words)
    if head.form == "bare":
        return Reading("bare", "", " - ".join(pieces), head.words)
    if head.form == "owner":
        return Reading("owner", head.site_text, " - ".join([head.set_text, *rest]), head.words)
    return Reading("named", first, " - ".join(rest), head.words)
