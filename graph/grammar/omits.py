"""Scenes cut from the shoot, as what-if changes: "what if we cut scene 12?", "drop scenes 40
and 41", "lose scene twelve", "shoot it without scene 7". Numbers arrive as digits; a scene
number may carry its letter ("12A")."""

from __future__ import annotations

import re

from graph.grammar.model import Change

__all__ = ["omit_changes"]

_SCENE = r"\d+[A-Za-z]?"
_OMIT = re.compile(
    rf"\b(?:drop(?:ped|ping)?|cut(?:ting)?|los(?:e|ing)|remov(?:e|ed|ing)|delet(?:e|ed|ing)|"
    rf"omit(?:ted|ting)?|lift(?:ed|ing)?|scrap(?:ped|ping)?|skip(?:ped|ping)?|without)\s+"
    rf"(?:the\s+)?(?:scenes?|sc\.?)\s*#?\s*(?P<list>{_SCENE}(?:\s*(?:,|&|and|or)\s*"
    rf"(?:scene\s+)?{_SCENE})*)\b",
    re.IGNORECASE,
)


def omit_changes(text: str) -> list[Change]:
    """One `omit` change per scene a message cuts (empty when it cuts none)."""
    found: list[str] = []
    for match in _OMIT.finditer(text):
        found += [s.upper() for s in re.findall(_SCENE, match.group("list"))]
    return [Change(kind="omit", scene=scene) for scene in dict.fromkeys(found)]
