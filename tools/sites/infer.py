"""`infer_sites`: a site and a set for every scene, from the headings' words and story order.

Each assignment carries its reason and a confidence, so a person can check the grouping and
correct it (`tools.sites.corrections`). The rules, in order:
1. a heading that names a place is at that place (its aliases folded, see `registry`);
2. a room with an owner ("MILLER KITCHEN") is at the owner's site;
3. a heading with no INT/EXT is a shot inside the scene before (unless it names a site);
4. a bare room ("INT. KITCHEN") is at the site of the scene before when the story runs on
   (CONTINUOUS, SAME, LATER) or that site is a home or a building with rooms; else at the
   site where that room was last seen; else it stands alone, with a low confidence.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from tools.sites.kinds import site_kind
from tools.sites.model import SiteAssignment
from tools.sites.names import joined
from tools.sites.readings import Reading, read_heading
from tools.sites.registry import Registry, build_registry
from tools.sites.words import OUTSIDE_AREAS

__all__ = ["HeadingLike", "infer_sites"]

_RUNS_ON = frozenset({"CONTINUOUS", "SAME", "SAME TIME", "MOMENTS LATER", "LATER"})
_OUTSIDE_KEYS = frozenset(joined(area.split()) for area in OUTSIDE_AREAS)


class HeadingLike(Protocol):
    """What inference reads of a scene (a `tools.script.Scene` has all of it)."""

    @property
    def number(self) -> str:
        """The scene number."""
        ...

    @property
    def int_ext(self) -> str | None:
        """INT, EXT, INT/EXT, or None for a secondary heading."""
        ...

    @property
    def location(self) -> str:
        """The heading's location text."""
        ...

    @property
    def time_of_day(self) -> str | None:
        """The heading's time-of-day word."""
        ...


def _named(reg: Registry, r: Reading, i: int, scene: str) -> SiteAssignment | None:
    found = reg.site_of(r.key) if r.form == "named" else reg.owner_site(r.words)
    if found is None:
        return None
    key, why = found
    site = reg.names[key]
    set_name = r.set_text or site
    if r.form == "named":
        reason = f"{r.site_text!r}: {why}" if why != "named in the heading" else why
        confidence = 0.95 if why == "named in the heading" else 0.85
    else:
        reason = f"{r.site_text!r} {r.set_text!r}: {why} ({site})"
        confidence = 0.85
    return SiteAssignment(
        index=i, scene=scene, site=site, set=set_name, site_reason=reason, confidence=confidence
    )


def _follow(
    prev: SiteAssignment, i: int, scene: str, set_name: str, reason: str, confidence: float
) -> SiteAssignment:
    return SiteAssignment(
        index=i,
        scene=scene,
        site=prev.site,
        set=set_name,
        site_reason=reason,
        confidence=confidence,
    )


def _bare(
    r: Reading, i: int, scene: str, time: str | None, out: list[SiteAssignment]
) -> SiteAssignment:
    set_name = r.set_text or "UNKNOWN LOCATION"
    prev = out[-1] if out else None
    if prev is not None and site_kind(prev.site) not in ("vehicle",):
        if time in _RUNS_ON:
            why = f"{time} from scene {prev.scene} at {prev.site}"
            return _follow(prev, i, scene, set_name, why, 0.8)
        if site_kind(prev.site) != "street":
            why = f"no site named; follows scene {prev.scene} at {prev.site}"
            return _follow(prev, i, scene, set_name, why, 0.7)
    same_room = next((a for a in reversed(out) if joined(a.set.split()) == r.key), None)
    if same_room is not None and r.key:
        why = f"no site named; {set_name} was last at {same_room.site} (scene {same_room.scene})"
        return _follow(same_room, i, scene, set_name, why, 0.6)
    return SiteAssignment(
        index=i,
        scene=scene,
        site=set_name,
        set=set_name,
        site_reason="no site named and nothing before it to join: stands alone",
        confidence=0.5,
    )


def _secondary(reg: Registry, r: Reading, i: int, scene: str, out: list) -> SiteAssignment:
    named = reg.site_of(r.key) or reg.owner_site(r.words) if r.key else None
    if named is not None:
        site = reg.names[named[0]]
        return SiteAssignment(
            index=i, scene=scene, site=site, set=site, site_reason="secondary heading naming a site"
        ).model_copy(update={"confidence": 0.8})
    if out:
        prev = out[-1]
        why = f"secondary heading: a shot inside scene {prev.scene}"
        return _follow(prev, i, scene, prev.set, why, 0.9)
    return _bare(r, i, scene, None, out)


def _own(r: Reading, i: int, scene: str, owners: dict[str, set[str]]) -> SiteAssignment:
    site = r.site_text or "UNKNOWN LOCATION"
    if r.form == "owner" and len(owners.get(r.key, ())) < 2:
        # One room of an owner nobody else names: the heading's whole place is the site.
        site = f"{r.site_text} {r.set_text}".strip()
    return SiteAssignment(
        index=i,
        scene=scene,
        site=site,
        set=r.set_text or site,
        site_reason=f"{r.site_text!r}: no other heading names its site",
        confidence=0.6,
    )


def infer_sites(scenes: Sequence[HeadingLike]) -> list[SiteAssignment]:
    """One assignment per scene, in script order (see the module docstring)."""
    readings = [read_heading(s.location, s.int_ext) for s in scenes]
    reg = build_registry(readings)
    owners: dict[str, set[str]] = {}
    for r in readings:
        if r.form == "owner":
            owners.setdefault(r.key, set()).add(joined(r.set_text.split()))
    out: list[SiteAssignment] = []
    for i, (scene, r) in enumerate(zip(scenes, readings, strict=True)):
        time = (scene.time_of_day or "").upper() or None
        if r.form == "secondary":
            found = _secondary(reg, r, i, scene.number, out)
        elif r.form == "bare":
            found = _bare(r, i, scene.number, time, out)
        else:
            found = _named(reg, r, i, scene.number) or _own(r, i, scene.number, owners)
        if r.form == "named" and time in _RUNS_ON and r.key in _OUTSIDE_KEYS and out:
            found = _follow(out[-1], i, scene.number, r.site_text, f"{time} outside", 0.75)
        out.append(found.model_copy(update={"kind": site_kind(found.site)}))
    return out
