"""Stunt relocation: stunt scenes at public, hard-to-permit places that a stage could host.

Candidates are reported with their exact saving (the budget of the same stripboard with that
one scene moved, against the budget without) and what is traded away. Nothing is moved
unless the caller names the scenes (`relocate`), so a change is never silent.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel

from tools.budget.days import RELOCATED, main_location, strip_kind
from tools.budget.money import Money
from tools.schedule.model import ScheduleProblem, Strip

__all__ = ["StuntCandidate", "relocate", "stunt_candidates", "stunt_scenes_at_public_places"]

Destination = Literal["stage", "backlot"]


class StuntCandidate(BaseModel):
    """A stunt scene that could move off a public location, with the money and the trade."""

    scene: str
    location: str
    kind: str
    """The location kind today ("street": public or hard to permit)."""
    saving: Money
    """Likely-total budget saved by moving this scene alone (negative: it would cost more)."""
    traded_away: str


def stunt_scenes_at_public_places(problem: ScheduleProblem) -> list[Strip]:
    """Stunt strips whose main location is public or hard to permit, not already moved."""
    return [
        strip
        for strip in problem.strips
        if "stunts" in strip.flags
        and RELOCATED not in strip.flags
        and strip_kind(strip) == "street"
    ]


def _moved(strip: Strip, to: Destination) -> Strip:
    name = "STAGE" if to == "stage" else "BACKLOT"
    return strip.model_copy(
        update={
            "location": f"{name} ({main_location(strip)})",
            "main_location": name,
            "site_kind": to,
            "int_ext": "INT" if to == "stage" else strip.int_ext,
            "flags": [*strip.flags, RELOCATED],
        }
    )


def relocate(
    problem: ScheduleProblem, scenes: Sequence[str], *, to: Destination = "stage"
) -> ScheduleProblem:
    """A copy of `problem` with the named scenes moved to a stage (or backlot)."""
    wanted = list(dict.fromkeys(scenes))
    known = {strip.id for strip in problem.strips}
    for scene in wanted:
        if scene not in known:
            raise ValueError(f"scene {scene!r} is not in the script; cannot move it to a {to}")
    strips = [_moved(s, to) if s.id in wanted else s for s in problem.strips]
    return problem.model_copy(update={"strips": strips})


def _trade(strip: Strip) -> str:
    where = main_location(strip)
    text = f"the real {where} becomes a stage set: its scale, light and background life"
    if strip.int_ext and "EXT" in strip.int_ext:
        text += "; natural daylight and sky (weather risk goes with them)"
    return text + "; the set must be built and the action re-blocked for it"


def stunt_candidates(
    problem: ScheduleProblem, total_of: Callable[[ScheduleProblem], Decimal]
) -> list[StuntCandidate]:
    """Each public-place stunt, with the saving of moving it alone, best first.

    `total_of` budgets a problem on the current stripboard (the caller binds schedule, DOOD,
    rate card and crew), so the saving is the exact difference of two budgets.
    """
    before = total_of(problem)
    found = []
    for strip in stunt_scenes_at_public_places(problem):
        after = total_of(relocate(problem, [strip.id]))
        found.append(
            StuntCandidate(
                scene=strip.id,
                location=main_location(strip),
                kind=strip_kind(strip),
                saving=before - after,
                traded_away=_trade(strip),
            )
        )
    return sorted(found, key=lambda c: (-c.saving, c.scene))
