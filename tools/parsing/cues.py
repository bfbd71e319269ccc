"""Character cues: who speaks, with which extensions, and whether a line is a cue at all.

`EDWARD (V.O.)(CONT'D)` -> EDWARD with extensions V.O. and CONT'D; `@McCabe` forces a
mixed-case name; a trailing `^` marks dual dialogue; `ANNA'S VOICE` is ANNA with the
extension VOICE (the actor needed is Anna). Group cues are resolved in `build.py`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Cue", "group_members", "is_cue_line", "parse_cue"]

_EXTENSION = re.compile(r"\(([^()]*)\)")
_EMPHASIS = re.compile(r"(?<!\\)[*_]+")
_POSSESSIVE_VOICE = re.compile(r"^(?P<name>.+?)'S (?P<ext>VOICE)$")
_GROUP_SPLIT = re.compile(r"\s+AND\s+|\s*&\s*|\s*,\s*|\s*/\s*")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})
MAX_CUE_WORDS = 5


@dataclass(frozen=True, slots=True)
class Cue:
    """A character cue split into its parts."""

    name: str
    """Upper-case name without extensions ("EDWARD")."""
    extensions: tuple[str, ...]
    """Extensions in order, upper case ("V.O.", "CONT'D")."""
    dual: bool
    raw: str
    """The cue as written."""


def _clean(text: str) -> str:
    return _EMPHASIS.sub("", text).replace("\\", "").translate(_APOSTROPHES).strip()


def parse_cue(text: str) -> Cue:
    """Split a cue line into name, extensions and the dual-dialogue mark."""
    raw = text.strip()
    body = _clean(raw)
    dual = body.endswith("^")
    body = body.rstrip("^ ").lstrip("@").strip()
    cut = body.find("(")
    name = (body[:cut] if cut >= 0 else body).strip()
    extensions = [e.strip().upper() for e in _EXTENSION.findall(body[cut:] if cut >= 0 else "")]
    name = re.sub(r"\s+", " ", name).upper()
    voice = _POSSESSIVE_VOICE.match(name)
    if voice:
        name = voice.group("name")
        extensions.append(voice.group("ext"))
    return Cue(name=name, extensions=tuple(e for e in extensions if e), dual=dual, raw=raw)


def is_cue_line(text: str) -> bool:
    """True when a line reads as a character cue (the caller checks dialogue follows).

    Upper case before any `(` (or forced with `@`), at least one letter, at most five words,
    not ending in `.`, `,` or `:`, and nothing but bracketed extensions after the name.
    """
    body = _clean(text).rstrip("^ ").strip()
    if not body:
        return False
    forced = body.startswith("@")
    body = body.lstrip("@").strip()
    cut = body.find("(")
    name = (body[:cut] if cut >= 0 else body).strip()
    if cut >= 0 and _EXTENSION.sub("", body[cut:]).strip():
        return False
    if not name or not re.search(r"[^\W\d_]", name) or name.endswith((".", ",", ":", "!", "?")):
        return False
    if len(name.split()) > MAX_CUE_WORDS:
        return False
    return forced or name == name.upper()


def group_members(name: str) -> list[str]:
    """The names a group cue joins (`GIDEON, TEX & SCOBIE` -> three); one name if not a group."""
    parts = [p.strip() for p in _GROUP_SPLIT.split(name) if p.strip()]
    return parts if len(parts) > 1 else [name]
