"""Scene headings: INT/EXT, location, main location and time of day.

Real headings are messy (`INT.  WILL'S BEDROOM - NIGHT (1973)`, `EXT. LIBRARY--DAY`,
`INT. SAN FRANCISCO APARTMENT, DAY`, `INT. SHOWER. GYM`); the rules are in PARSING.md. Time
of day is read only from a known vocabulary; CONTINUOUS, LATER and SAME inherit day or night
from the scene before (see `assign_lighting`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tools.script import IntExt, Lighting

__all__ = [
    "HEADING_PREFIX",
    "Heading",
    "assign_lighting",
    "is_heading",
    "parse_heading",
    "split_scene_number",
]

#: INT, EXT, EST, INT./EXT., INT/EXT, EXT/INT, I/E followed by `.`, space or the end.
HEADING_PREFIX = re.compile(
    r"^(?P<prefix>(?:INT|EXT|EST)\.?(?:\s*/\s*(?:INT|EXT)\.?)?|I\s*/\s*E\.?|E\s*/\s*I\.?"
    r"|INTERIOR|EXTERIOR)"
    r"(?:\.|\s|$|(?=-))",
    re.IGNORECASE,
)
_SCENE_NUMBER = re.compile(r"\s*#(?P<num>[^#\s]+)#\s*$")
_SPACE = re.compile(r"\s+")
_SEPARATOR = re.compile(r"\s+-+\s*|\s*--+\s*|\s*[–—]\s*|\s*,\s*|\.\s+")
_BRACKETED = re.compile(r"^[\(\[](.*)[\)\]]$")
_YEAR_TAIL = re.compile(r"\s*[\(\[][^\)\]]*[\)\]]\s*$")

#: Time-of-day words and the lighting each implies (None: inherit from the scene before).
TIME_WORDS: dict[str, Lighting | None] = {
    "DAY": "DAY",
    "NIGHT": "NIGHT",
    "MORNING": "DAY",
    "EARLY MORNING": "DAY",
    "LATE MORNING": "DAY",
    "AFTERNOON": "DAY",
    "LATE AFTERNOON": "DAY",
    "EVENING": "NIGHT",
    "LATE NIGHT": "NIGHT",
    "MIDNIGHT": "NIGHT",
    "NOON": "DAY",
    "DUSK": "NIGHT",
    "DAWN": "DAY",
    "SUNSET": "NIGHT",
    "SUNRISE": "DAY",
    "MAGIC HOUR": "DAY",
    "TWILIGHT": "NIGHT",
    "CONTINUOUS": None,
    "LATER": None,
    "MOMENTS LATER": None,
    "A MOMENT LATER": None,
    "MINUTES LATER": None,
    "SECONDS LATER": None,
    "SAME": None,
    "SAME TIME": None,
    "THE NEXT DAY": "DAY",
    "NEXT DAY": "DAY",
    "THE NEXT MORNING": "DAY",
    "NEXT MORNING": "DAY",
}
_INT_EXT: dict[str, IntExt] = {"INT": "INT", "EXT": "EXT", "EST": "EXT"}


@dataclass(frozen=True, slots=True)
class Heading:
    """What a heading says, before lighting is resolved across scenes."""

    int_ext: IntExt | None
    location: str
    main_location: str
    time_of_day: str | None
    lighting: Lighting | None
    """Day or night when the heading says; None when it must be inherited or assumed."""


def split_scene_number(text: str) -> tuple[str, str | None]:
    """Strip a trailing Fountain scene number: `INT. X #12A#` -> (`INT. X`, `12A`)."""
    match = _SCENE_NUMBER.search(text)
    if not match:
        return text.strip(), None
    return text[: match.start()].strip(), match.group("num")


def is_heading(text: str) -> bool:
    """True when a line starts like a scene heading (INT., EXT., I/E, EXT/INT. ...)."""
    return bool(HEADING_PREFIX.match(text.strip()))


def _int_ext(prefix: str) -> IntExt:
    letters = re.sub(r"[^A-Z/]", "", prefix.upper())
    parts = [p[:3] for p in letters.split("/") if p]
    if len(parts) > 1:
        return "INT/EXT"
    head = parts[0]
    return _INT_EXT.get(head, "INT" if head.startswith("I") else "EXT")


def _time_word(segment: str) -> str | None:
    word = _SPACE.sub(" ", segment.strip(" .-–—:;")).upper()
    bracketed = _BRACKETED.match(word)
    if bracketed:
        word = bracketed.group(1).strip()
    return word if word in TIME_WORDS else None


def _split_time(body: str) -> tuple[str, str | None]:
    """Split `LOCATION - TIME` on the last separator whose tail is a time word."""
    body = body.strip()
    candidates = [body, _YEAR_TAIL.sub("", body)]
    for text in candidates:
        matches = list(_SEPARATOR.finditer(text))
        for match in reversed(matches):
            word = _time_word(text[match.end() :])
            if word is not None:
                return text[: match.start()].strip(" .-–—,"), word
            break
    return body.strip(" .-–—,"), None


def _main_location(location: str) -> str:
    parts = re.split(r"\s+-+\s+|\s*--+\s*|\s*[–—]\s*|\s*/\s*", location)
    return parts[0].strip() if parts and parts[0].strip() else location


def parse_heading(text: str) -> Heading:
    """Read INT/EXT, location and time of day from one heading (number already stripped)."""
    clean = _SPACE.sub(" ", text.strip()).upper()
    match = HEADING_PREFIX.match(clean)
    int_ext: IntExt | None = None
    body = clean
    if match:
        prefix = match.group("prefix")
        int_ext = "INT" if prefix == "INTERIOR" else "EXT" if prefix == "EXTERIOR" else None
        int_ext = int_ext or _int_ext(prefix)
        body = clean[match.end() :].lstrip(" .-")
    location, time = _split_time(body)
    lighting = TIME_WORDS.get(time) if time else None
    return Heading(int_ext, location, _main_location(location), time, lighting)


def assign_lighting(headings: list[Heading]) -> list[tuple[Lighting, bool]]:
    """Day or night for every scene, and whether it was inferred rather than read.

    CONTINUOUS / LATER / SAME inherit the previous scene's lighting; a heading with no time
    of day also inherits (DAY for the first scene), and both are marked inferred.
    """
    result: list[tuple[Lighting, bool]] = []
    previous: Lighting = "DAY"
    for heading in headings:
        if heading.lighting is not None:
            previous = heading.lighting
            result.append((heading.lighting, False))
        else:
            result.append((previous, True))
    return result
