"""`diff_scripts`: what a new draft added, removed and changed, and which analyses that touches.

A matched scene is "changed" when its heading, length in eighths, cast, breakdown elements or
text differ; a new number alone is not a change. A change reaches the schedule (and so the
budget, which is priced from the schedule) only when the strip the scheduler sees differs:
location, interior/exterior, day/night, eighths, cast or element categories. Anything else
(reworded action, a prop renamed within its category) touches the breakdown only.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from tools.revisions.match import match_scenes, scene_ids
from tools.schedule.adapter import strip_from_scene
from tools.script import Scene, Script

__all__ = ["ANALYSES", "Affects", "SceneChange", "ScriptDiff", "diff_scripts"]

Affects = Literal["none", "breakdown", "schedule"]
ANALYSES: tuple[str, ...] = ("breakdown", "schedule", "budget")
"""The analyses a revision can touch, in the order they run."""


class SceneChange(BaseModel):
    """One scene of either draft: added, removed, changed or unchanged."""

    status: Literal["added", "removed", "changed", "unchanged"]
    old_id: str | None = None
    """Strip id (scene number) in the old draft; None when added."""
    new_id: str | None = None
    """Strip id in the new draft; None when removed."""
    heading: str
    """The new heading (the old one for a removed scene)."""
    old_heading: str | None = None
    """The old heading, when it changed."""
    matched_by: Literal["number", "content", ""] = ""
    similarity: float = 0.0
    fields: list[str] = Field(default_factory=list)
    """What changed: heading, eighths, cast, elements, text."""
    old_eighths: int | None = None
    new_eighths: int | None = None
    cast_added: list[str] = Field(default_factory=list)
    cast_removed: list[str] = Field(default_factory=list)
    elements_added: dict[str, list[str]] = Field(default_factory=dict)
    elements_removed: dict[str, list[str]] = Field(default_factory=dict)
    affects: Affects = "none"


class ScriptDiff(BaseModel):
    """The whole comparison, scenes in new-draft order with removed ones at their old place."""

    scenes: list[SceneChange]
    mapping: dict[str, str] = Field(default_factory=dict)
    """Old strip id -> new strip id, for every matched scene."""
    reordered: bool = False
    """True when matched scenes come in a different order (the script-order baseline moves)."""
    affects: list[str] = Field(default_factory=list)
    """Analyses to re-run, from ANALYSES; empty when nothing changed."""

    def of(self, status: str) -> list[SceneChange]:
        """The scenes with that status ("added", "removed", "changed", "unchanged")."""
        return [s for s in self.scenes if s.status == status]


def _elements(scene: Scene) -> dict[str, set[str]]:
    return {
        cat: {e.name.lower() for e in found}
        for cat, found in scene.elements.items()
        if cat != "cast" and found
    }


def _element_delta(a: dict[str, set[str]], b: dict[str, set[str]]) -> dict[str, list[str]]:
    out = {cat: sorted(b.get(cat, set()) - a.get(cat, set())) for cat in b}
    return {cat: names for cat, names in out.items() if names}


def _strip_view(scene: Scene) -> dict[str, object]:
    strip = strip_from_scene(scene).model_dump(exclude={"id"})
    strip["cast"], strip["flags"] = sorted(strip["cast"]), sorted(strip["flags"])
    return strip


def _fields(old: Scene, new: Scene) -> list[str]:
    checks = {
        "heading": " ".join(old.heading.split()).upper() != " ".join(new.heading.split()).upper(),
        "eighths": old.eighths != new.eighths,
        "cast": set(old.cast) != set(new.cast),
        "elements": _elements(old) != _elements(new),
        "text": old.text.split() != new.text.split(),
    }
    return [name for name, changed in checks.items() if changed]


def _pair(old: Scene, new: Scene, ids: tuple[str, str], by: str, score: float) -> SceneChange:
    fields = _fields(old, new)
    before, after = _elements(old), _elements(new)
    if _strip_view(old) != _strip_view(new):
        affects: Affects = "schedule"
    else:
        affects = "breakdown" if fields else "none"
    return SceneChange(
        status="changed" if fields else "unchanged",
        old_id=ids[0],
        new_id=ids[1],
        heading=new.heading,
        old_heading=old.heading if "heading" in fields else None,
        matched_by="number" if by == "number" else "content",
        similarity=round(score, 3),
        fields=fields,
        old_eighths=old.eighths,
        new_eighths=new.eighths,
        cast_added=[n for n in new.cast if n not in old.cast],
        cast_removed=[n for n in old.cast if n not in new.cast],
        elements_added=_element_delta(before, after),
        elements_removed=_element_delta(after, before),
        affects=affects,
    )


def _affects(scenes: list[SceneChange], reordered: bool, retitled: bool) -> list[str]:
    if reordered or any(
        s.status in ("added", "removed") or s.affects == "schedule" for s in scenes
    ):
        return list(ANALYSES)
    if retitled or any(s.affects == "breakdown" for s in scenes):
        return ["breakdown"]
    return []


def _removed(old: Script, ids: list[str], matched: set[int]) -> dict[int, SceneChange]:
    return {
        i: SceneChange(status="removed", old_id=ids[i], heading=s.heading, old_eighths=s.eighths)
        for i, s in enumerate(old.scenes)
        if i not in matched
    }


def diff_scripts(old: Script, new: Script) -> ScriptDiff:
    """Match `new`'s scenes to `old`'s and say what changed and which analyses it reaches."""
    old_ids, new_ids = scene_ids(old), scene_ids(new)
    matches = {m.new: m for m in match_scenes(old, new)}
    removed = _removed(old, old_ids, {m.old for m in matches.values()})
    pending = sorted(removed)
    scenes: list[SceneChange] = []
    last_old, reordered = -1, False
    for j, scene in enumerate(new.scenes):
        m = matches.get(j)
        if m is None:
            added = SceneChange(
                status="added", new_id=new_ids[j], heading=scene.heading, new_eighths=scene.eighths
            )
            scenes.append(added)
            continue
        # A removed scene is listed where it stood: before the next old scene that survived.
        scenes += [removed[i] for i in pending if i < m.old]
        pending = [i for i in pending if i > m.old]
        reordered = reordered or m.old < last_old
        last_old = m.old
        ids = (old_ids[m.old], new_ids[j])
        scenes.append(_pair(old.scenes[m.old], scene, ids, m.by, m.score))
    scenes += [removed[i] for i in pending]
    mapping = {s.old_id: s.new_id for s in scenes if s.old_id and s.new_id}
    return ScriptDiff(
        scenes=scenes,
        mapping=mapping,
        reordered=reordered,
        affects=_affects(scenes, reordered, old.title != new.title),
    )
