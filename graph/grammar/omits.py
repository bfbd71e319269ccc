"""Scenes cut from the shoot, as what-if changes: "what if we cut scene 12?", "drop scenes 40
and 41", "lose scene twelve", "shoot it without scene 7"; and put back: "put scene 40 back",
"restore scene 12". Numbers arrive as digits; a scene number may carry its letter ("12A")."""

from __future__ import annotations

import re

from graph.grammar.model import Change
from graph.grammar.runs import spelled_out

__all__ = ["omit_changes"]

_SCENE = r"\d+[A-Za-z]?"
_OMIT = re.compile(
    rf"\b(?:drop(?:ped|ping)?|cut(?:ting)?|los(?:e|ing)|remov(?:e|ed|ing)|delet(?:e|ed|ing)|"
    rf"omit(?:ted|ting)?|lift(?:ed|ing)?|scrap(?:ped|ping)?|skip(?:ped|ping)?|without)\s+"
    rf"(?:the\s+)?(?:scenes?|sc\.?)\s*#?\s*(?P<list>{_SCENE}(?:\s*(?:,|&|and|or)\s*"
    rf"(?:scene\s+)?{_SCENE})*)\b",
    re.IGNORECASE,
)


_RESTORE = re.compile(
    rf"\b(?:put|bring|add|get)\s+(?:the\s+)?(?:scenes?\s+)?(?P<a>{_SCENE}(?:\s*(?:,|&|and)\s*"
    rf"{_SCENE})*)\s+back\b"
    rf"|\b(?:restore|un-?cut|reinstate|put\s+back|bring\s+back)\s+(?:the\s+)?scenes?\s+"
    rf"(?P<b>{_SCENE}(?:\s*(?:,|&|and)\s*{_SCENE})*)\b",
    re.IGNORECASE,
)


def omit_changes(text: str) -> list[Change]:
    """One `omit` change per scene a message cuts, or one `restore` per scene it puts back
    ("put scene 40 back", "restore scene 12"); empty when it does neither. A run of scenes
    ("cut scenes 20 to 22") is each scene in it."""
    text = spelled_out(text)
    back: list[str] = []
    for match in _RESTORE.finditer(text):
        back += [s.upper() for s in re.findall(_SCENE, match.group("a") or match.group("b"))]
    if back:
        return [Change(kind="restore", scene=scene) for scene in dict.fromkeys(back)]
    found: list[str] = []
    for match in _OMIT.finditer(text):
        found += [s.upper() for s in re.findall(_SCENE, match.group("list"))]
    return [Change(kind="omit", scene=scene) for scene in dict.fromkeys(found)]
