"""Heading words to comparable keys: possessives, THE, plurals, hyphens and spellings folded.

`tokens("THE MILLERS' BACK-YARD")` is `["MILLER", "BACK", "YARD"]`; `joined` glues tokens so
"BACK YARD", "BACK-YARD" and "BACKYARD" compare equal. `parts` splits a location into its
place parts on ` - `, `--`, `–`, `/`, `, ` and `. `, dropping time phrases ("A BIT LATER",
"FLASHBACK"), and says whether the split was a comma (set first, site after).
"""

from __future__ import annotations

import re

from tools.sites.words import AREAS, DROPPED_PARTS, DWELLINGS, SPELLING

__all__ = ["area_split", "is_area", "joined", "parts", "tokens"]

_POSSESSIVE = re.compile(r"(?<=\w)['’`]S\b|(?<=S)['’`](?=\s|$)")
_NON_WORD = re.compile(r"[^A-Z0-9& ]+")
_DASHES = re.compile(r"\s+-+\s+|\s*--+\s*|\s*[–—]\s*|\s*/\s*")
_COMMA = re.compile(r"\s*,\s*|(?<!\bST)(?<!\bDR)(?<!\bMR)(?<!\bMRS)(?<!\bMS)(?<!\bMT)\.\s+")
_BRACKETS = re.compile(r"\s*[\(\[][^\)\]]*[\)\]]")
_LATER = re.compile(r"\b(LATER|AGO|CONTINUED|CONT'D)\b")
_KEEP_S = ("SS", "US", "IS", "OS", "AS")


def _singular(word: str) -> str:
    if len(word) <= 3 or word.endswith(_KEEP_S) or word in DWELLINGS:
        return word
    if word.endswith("IES"):
        return word[:-3] + "Y"
    return word[:-1] if word.endswith("S") else word


def tokens(text: str) -> list[str]:
    """Upper-case words with possessives, THE/A, plurals, hyphens and spellings folded."""
    upper = _POSSESSIVE.sub("", text.upper()).replace("-", " ").replace(".", " ")
    words = _NON_WORD.sub(" ", upper).split()
    while words and words[0] in ("THE", "A", "AN"):
        words = words[1:]
    return [_singular(SPELLING.get(word, word)) for word in words]


def joined(words: list[str]) -> str:
    """One comparison key: "BACK YARD" and "BACKYARD" both give "BACKYARD"."""
    return "".join(words)


_AREA_KEYS = frozenset(joined(tokens(area)) for area in AREAS)
_DROPPED_KEYS = frozenset(joined(tokens(part)) for part in DROPPED_PARTS)


def is_area(words: list[str]) -> bool:
    """True when the words name a room or area (a set) rather than a place of its own."""
    return bool(words) and joined(words) in _AREA_KEYS


def area_split(words: list[str]) -> tuple[list[str], list[str]]:
    """(qualifier, area) when the words end in a room or area: "MILLER KITCHEN" -> MILLER."""
    for cut in range(1, len(words)):
        if is_area(words[cut:]):
            return words[:cut], words[cut:]
    return words, []


def _dropped(part: str) -> bool:
    key = joined(tokens(part))
    return not key or key in _DROPPED_KEYS or bool(_LATER.search(part.upper()))


def parts(location: str) -> tuple[list[str], bool]:
    """The place parts of a location, time phrases removed, and whether a comma split it."""
    text = _BRACKETS.sub("", location.upper()).strip(" .,-")
    pieces = [p for p in _DASHES.split(text) if p.strip()]
    comma = False
    out: list[str] = []
    for piece in pieces:
        sub = [s for s in _COMMA.split(piece) if s.strip()]
        comma = comma or len(sub) > 1
        out.extend(s.strip() for s in sub)
    kept = [p for p in out if not _dropped(p)]
    return (kept or out[:1]), comma and len(kept) > 1
