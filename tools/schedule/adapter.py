"""From a script's breakdown to a scheduling problem."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from tools.schedule.model import (
    CastMember,
    ScheduleCosts,
    ScheduleOptions,
    ScheduleProblem,
    Strip,
)
from tools.script import Scene, Script
from tools.sites import SiteAssignment

__all__ = ["problem_from_script", "strip_from_scene"]


def strip_from_scene(
    scene: Scene, *, strip_id: str | None = None, site: SiteAssignment | None = None
) -> Strip:
    """One strip: the scene's number, site (or main location), set, lighting, eighths, cast
    and categories."""
    return Strip(
        id=strip_id or scene.number,
        location=scene.location,
        main_location=site.site if site else scene.main_location or scene.location,
        set=site.set if site else "",
        site_kind=site.kind if site else None,
        int_ext=scene.int_ext,
        lighting=scene.lighting,
        eighths=scene.eighths,
        cast=scene.cast,
        flags=[cat for cat, found in scene.elements.items() if found and cat != "cast"],
    )


def problem_from_script(
    script: Script,
    *,
    cast_rates: Mapping[str, float] | None = None,
    costs: ScheduleCosts | None = None,
    options: ScheduleOptions | None = None,
    sites: Sequence[SiteAssignment] | None = None,
) -> ScheduleProblem:
    """The scheduling problem of a script: one strip per scene, one cast member per character.

    A repeated scene number gets a suffix ("12 (2)") so strip ids stay unique. Characters
    missing from `cast_rates` cost nothing. With `sites` (one per scene, `tools.sites`), a
    strip's main location is its site and it carries its set. Raises ValueError for a
    negative rate or a site list of the wrong length.
    """
    if sites is not None and len(sites) != len(script.scenes):
        raise ValueError(f"{len(sites)} site assignments for {len(script.scenes)} scenes")
    rates = dict(cast_rates or {})
    for name, rate in rates.items():
        if rate < 0:
            raise ValueError(f"cast rate for {name!r} is negative: {rate}")
    strips: list[Strip] = []
    seen: dict[str, int] = {}
    for i, scene in enumerate(script.scenes):
        count = seen.get(scene.number, 0) + 1
        seen[scene.number] = count
        sid = scene.number if count == 1 else f"{scene.number} ({count})"
        site = sites[i] if sites is not None else None
        strips.append(strip_from_scene(scene, strip_id=sid, site=site))
    names = list(dict.fromkeys(name for strip in strips for name in strip.cast))
    cast = [CastMember(name=name, day_rate=rates.get(name, 0.0)) for name in names]
    return ScheduleProblem(
        strips=strips,
        cast=cast,
        costs=costs or ScheduleCosts(),
        options=options or ScheduleOptions(),
    )
