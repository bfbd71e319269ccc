"""Production report records: what one shooting day actually shot, and what it cost extra.

A report is written as the 1st AD says it ("shot 14, 15 and half of 18; 16 didn't get done;
1.5 hours over") and checked against the plan before anything is re-planned. Days are 0-based
shooting-day indexes here, as everywhere in the tools; the chat and the CLI speak 1-based.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

__all__ = ["DayReport", "PartialScene", "PickUp"]


class PartialScene(BaseModel):
    """A scene the day started but did not finish."""

    scene: str
    eighths: int | None = Field(default=None, ge=1)
    """Eighths shot; None when only `fraction` was said."""
    fraction: float | None = Field(default=None, gt=0, lt=1)
    """Share of the scene's remaining eighths shot ("half of 18"), when no eighths were said."""
    left: int | None = Field(default=None, ge=1)
    """Eighths still to shoot after the day ("18, 2/8 left"), when that is what was said."""


class PickUp(BaseModel):
    """A pick-up: more coverage of a scene already shot (or shot that day)."""

    scene: str
    eighths: int = Field(default=1, ge=1)


class DayReport(BaseModel):
    """The production report of one shooting day."""

    day: int = Field(ge=0)
    """0-based shooting day."""
    complete: list[str] = Field(default_factory=list)
    """Scenes finished that day (planned for it or added: the plan tells which)."""
    partial: list[PartialScene] = Field(default_factory=list)
    not_shot: list[str] = Field(default_factory=list)
    """Scenes planned for the day that were not shot (they go back on the board)."""
    all_planned: bool = False
    """"All done": every scene planned for the day not named otherwise was finished."""
    pickups: list[PickUp] = Field(default_factory=list)
    overtime_hours: float = Field(default=0.0, ge=0, le=12)
    """Hours worked past the day's hours (the rate card's overtime rules price them)."""
    extra_background: int = Field(default=0, ge=0, le=10_000)
    """Background performers beyond those the plan booked for the day."""
    weather_hours: float = Field(default=0.0, ge=0, le=24)
    """Hours lost to weather (recorded; the cost shows in what slipped)."""
    note: str = ""
    amend: bool = False
    """'On day 1 we finished 18 too': adds to the day's filed report (`merged`) instead of
    replacing it."""

    def named(self) -> list[str]:
        """Every scene the report names, in its order, once."""
        scenes = [*self.complete, *(p.scene for p in self.partial), *self.not_shot]
        return list(dict.fromkeys(scenes))

    def merged(self, earlier: DayReport) -> DayReport:
        """`earlier` (the day's filed report) with this one's facts added: a scene this one
        names takes this one's word; hours, background and pick-ups add up."""
        said = set(self.named())

        def kept(scenes: list[str]) -> list[str]:
            return [s for s in scenes if s not in said]

        return DayReport(
            day=self.day,
            complete=[*kept(earlier.complete), *self.complete],
            partial=[*(p for p in earlier.partial if p.scene not in said), *self.partial],
            not_shot=[*kept(earlier.not_shot), *self.not_shot],
            all_planned=earlier.all_planned or self.all_planned,
            pickups=[*earlier.pickups, *self.pickups],
            overtime_hours=min(12.0, earlier.overtime_hours + self.overtime_hours),
            extra_background=earlier.extra_background + self.extra_background,
            weather_hours=min(24.0, earlier.weather_hours + self.weather_hours),
            note=f"{earlier.note} / {self.note}"[:500] if earlier.note else self.note,
        )
