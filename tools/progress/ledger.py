"""Check production reports against the plan and resolve them into eighths shot per scene.

`resolve_days` walks the reports in day order, keeping how much of each scene is already shot,
so "half of 18" means half of what was left of 18 that morning and a scene cannot be finished
twice. Every bad report raises ValueError naming the day and the scene, in words a 1st AD
can act on.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from pydantic import BaseModel, Field

from tools.progress.model import DayReport, PartialScene

__all__ = ["Portion", "ResolvedDay", "resolve_day", "resolve_days", "scene_of"]


class Portion(BaseModel):
    """Eighths of one scene shot on one day."""

    scene: str
    eighths: int = Field(ge=0)
    finished: bool = False
    """True when this portion finished the scene."""


class ResolvedDay(BaseModel):
    """A report checked against the plan, in eighths."""

    day: int
    planned: list[str] = Field(default_factory=list)
    """Scenes the plan had on this day when it was reported."""
    shot: list[Portion] = Field(default_factory=list)
    pickups: list[Portion] = Field(default_factory=list)
    not_shot: list[str] = Field(default_factory=list)
    """Planned scenes not shot, as said or not mentioned (see `assumed`)."""
    assumed: list[str] = Field(default_factory=list)
    """Planned scenes the report did not mention: counted as not shot."""
    added: list[str] = Field(default_factory=list)
    """Scenes shot that the plan had on another day."""
    overtime_hours: float = 0.0
    extra_background: int = 0
    weather_hours: float = 0.0

    @property
    def eighths(self) -> int:
        """Eighths shot, pick-ups included."""
        return sum(p.eighths for p in [*self.shot, *self.pickups])


_OWN_SUFFIX = re.compile(r" \((?:rest|day \d+|pick-up, day \d+)\)$")


def scene_of(strip_id: str) -> str:
    """The scene a board strip belongs to ("18 (rest)" -> "18", "22 (pick-up, day 4)" -> "22").

    Only the suffixes the progress board adds are removed: a repeated scene number's own
    suffix ("12 (2)", from the schedule adapter) is part of the strip's scene.
    """
    return _OWN_SUFFIX.sub("", strip_id)


def _label(day: int) -> str:
    return f"day {day + 1}"


def _check_scene(scene: str, scenes: Mapping[str, int], day: int) -> None:
    if scene not in scenes:
        raise ValueError(f"{_label(day)}: scene {scene} is not on the plan")


def _partial_eighths(part: PartialScene, left: int, label: str) -> int:
    if part.eighths is not None:
        return part.eighths
    if part.left is not None:
        if part.left >= left:
            raise ValueError(
                f"{label}: scene {part.scene} had {left}/8 left to shoot, so {part.left}/8 left "
                "means none of it was shot: say it was not shot"
            )
        return left - part.left
    return min(left - 1, max(1, round(left * (part.fraction or 0.5))))


def _shot(
    report: DayReport, scenes: Mapping[str, int], done: Mapping[str, int], planned: Sequence[str]
) -> list[Portion]:
    label = _label(report.day)
    named = set(report.named())
    complete = [*report.complete]
    if report.all_planned:
        complete += [s for s in planned if s not in named and done.get(s, 0) < scenes.get(s, 0)]
    out = []
    for scene in dict.fromkeys(complete):
        _check_scene(scene, scenes, report.day)
        left = scenes[scene] - done.get(scene, 0)
        if left <= 0 and scenes[scene] > 0:
            raise ValueError(f"{label}: scene {scene} was already finished on an earlier day")
        out.append(Portion(scene=scene, eighths=left, finished=True))
    for part in report.partial:
        _check_scene(part.scene, scenes, report.day)
        left = scenes[part.scene] - done.get(part.scene, 0)
        if left <= 1:
            raise ValueError(
                f"{label}: scene {part.scene} has {left}/8 left to shoot, so it cannot be "
                "part shot: say it was finished or not shot"
            )
        got = _partial_eighths(part, left, label)
        if got >= left:
            raise ValueError(
                f"{label}: {got}/8 of scene {part.scene} is not part of it: {left}/8 were left "
                "(say it was finished)"
            )
        out.append(Portion(scene=part.scene, eighths=got))
    return out


def resolve_day(
    report: DayReport,
    *,
    scenes: Mapping[str, int],
    done: Mapping[str, int],
    planned: Sequence[str],
) -> ResolvedDay:
    """One report in eighths; `scenes` maps scene -> eighths, `done` what earlier days shot."""
    both = set(report.complete) & (set(report.not_shot) | {p.scene for p in report.partial})
    if both:
        scene = sorted(both)[0]
        raise ValueError(f"{_label(report.day)}: scene {scene} is both finished and not")
    shot = _shot(report, scenes, done, planned)
    for scene in report.not_shot:
        _check_scene(scene, scenes, report.day)
    touched = {p.scene for p in shot} | set(report.not_shot)
    assumed = [s for s in planned if s not in touched and done.get(s, 0) < scenes.get(s, 0)]
    pickups = []
    for pick in report.pickups:
        _check_scene(pick.scene, scenes, report.day)
        pickups.append(Portion(scene=pick.scene, eighths=pick.eighths))
    return ResolvedDay(
        day=report.day,
        planned=list(planned),
        shot=shot,
        pickups=pickups,
        not_shot=[*report.not_shot, *assumed],
        assumed=assumed,
        added=[p.scene for p in shot if p.scene not in planned],
        overtime_hours=report.overtime_hours,
        extra_background=report.extra_background,
        weather_hours=report.weather_hours,
    )


def resolve_days(
    reports: Sequence[DayReport],
    *,
    scenes: Mapping[str, int],
    planned: Mapping[int, Sequence[str]],
) -> list[ResolvedDay]:
    """Every report in day order; the days must run 1, 2, 3... with none missing.

    `planned` maps each reported day to the scenes the plan had on it.
    """
    ordered = sorted(reports, key=lambda r: r.day)
    for expected, report in enumerate(ordered):
        if report.day != expected:
            raise ValueError(
                f"there is no report for {_label(expected)}: report the days in order"
                if report.day > expected
                else f"{_label(report.day)} is reported twice"
            )
    done: dict[str, int] = {}
    out = []
    for report in ordered:
        day = resolve_day(report, scenes=scenes, done=done, planned=planned.get(report.day, []))
        for portion in day.shot:
            done[portion.scene] = done.get(portion.scene, 0) + portion.eighths
        out.append(day)
    return out
