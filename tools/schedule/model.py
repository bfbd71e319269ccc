"""Records of the scheduling problem and its answer: strips in, stripboard and DOOD out.

Shared by the optimizer, the baseline, the budget and the chat graph. Money is in the rate
card's currency; days are 0-based shooting-day indexes (calendar dates come from the
calendar helper when a start date is given).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

__all__ = [
    "MINUTES_PER_EIGHTH",
    "CastMember",
    "CostBreakdown",
    "Dood",
    "DoodRow",
    "ScheduleCosts",
    "ScheduleOptions",
    "ScheduleProblem",
    "ScheduleResult",
    "ShootDay",
    "SolveStatus",
    "Strip",
    "eighths_in_hours",
]

SolveStatus = Literal["optimal", "feasible", "infeasible", "unknown"]
MINUTES_PER_EIGHTH = 22.5
"""The planning pace: 3 hours a page, so a 12-hour day shoots 4 pages."""


def eighths_in_hours(hours: float, minutes_per_eighth: float = MINUTES_PER_EIGHTH) -> int:
    """Whole eighths a day of `hours` shoots at the pace (a 10-hour day: 26 eighths)."""
    return int(hours * 60 / minutes_per_eighth + 1e-9)


class Strip(BaseModel):
    """One scene as the scheduler sees it."""

    id: str
    """The scene number ("12A"); unique within a problem."""
    location: str = ""
    main_location: str = ""
    """The site (where the company parks): changing it within a day is a company move."""
    set: str = ""
    """The set within the site (a room or area); changing it within a site is a set move."""
    site_kind: str | None = None
    """practical, stage, backlot, street or vehicle (`tools.sites`), when known."""
    int_ext: str | None = None
    lighting: Literal["DAY", "NIGHT"] = "DAY"
    eighths: int = Field(default=1, ge=0)
    minutes: float | None = Field(default=None, ge=0)
    """Estimated shooting minutes; when None, minutes come from eighths and the pace."""
    cast: list[str] = Field(default_factory=list)
    flags: list[str] = Field(default_factory=list)
    """Breakdown categories present in the scene (stunts, animals, vfx, extras, minors, ...)."""
    days: int = Field(default=1, ge=1)
    """Whole shooting days the strip takes; more than one means it fills those days alone."""
    whole_day: bool = False
    """True when the strip fills its day(s) alone (set by `days > 1` or a strip over capacity)."""


class CastMember(BaseModel):
    """A cast member with a day rate and the days they cannot work."""

    name: str
    day_rate: float = Field(default=0.0, ge=0)
    unavailable_days: list[int] = Field(default_factory=list)
    """0-based shooting days on which they cannot work."""
    earliest_day: int | None = None
    latest_day: int | None = None


class ScheduleCosts(BaseModel):
    """The money side of the objective."""

    crew_day: float = Field(default=0.0, ge=0)
    """Cost of one shooting day for the whole unit (crew, equipment, base costs)."""
    company_move: float = Field(default=0.0, ge=0)
    """Cost of one move between main locations within a day."""
    set_move: float = Field(default=0.0, ge=0)
    """Cost of one move between sets of one site within a day."""
    location_setup: dict[str, float] = Field(default_factory=dict)
    """Set-up cost of a main location for each day it is used beyond the first visit."""
    default_location_setup: float = Field(default=0.0, ge=0)
    night_premium_day: float = Field(default=0.0, ge=0)
    """Extra cost of a day with night work."""
    cast_pay: Literal["span", "worked"] = "span"
    """"span": paid every day from first to last work day (holds paid, as in a real DOOD);
    "worked": paid only on days worked (the scene-allocation model)."""
    soft_penalties: dict[str, float] = Field(default_factory=dict)
    """Named penalties for soft rules (turnaround, story_order, stunt_spread, ...)."""


class ScheduleOptions(BaseModel):
    """Constraints and solver settings."""

    capacity_eighths: int = Field(default=32, ge=1)
    """Most eighths shot in one day (4 pages = 32)."""
    capacity_minutes: float | None = None
    """Most shooting minutes in one day (moves not counted); see `day_minutes`."""
    day_minutes: float | None = Field(default=None, gt=0)
    """The day's length: shooting minutes plus move minutes fit it (a hard rule); None: off."""
    company_move_minutes: float = Field(default=0.0, ge=0)
    """Minutes one company move (a change of site within a day) takes out of the day."""
    set_move_minutes: float = Field(default=0.0, ge=0)
    """Minutes one set move (a change of set within a site) takes out of the day."""
    max_company_moves: int | None = Field(default=None, ge=0)
    """Most company moves in one day (a hard rule); None: no cap."""
    minutes_per_eighth: float = Field(default=MINUTES_PER_EIGHTH, gt=0)
    """Pace used for strips without `minutes`: 22.5 min per eighth = 4 pages in 12 hours."""
    max_scenes_per_day: int | None = Field(default=None, ge=1)
    max_days: int | None = Field(default=None, ge=1)
    fixed_days: int | None = Field(default=None, ge=1)
    pinned: dict[str, int] = Field(default_factory=dict)
    """Scene id -> 0-based day it must be shot on."""
    precedences: list[tuple[str, str]] = Field(default_factory=list)
    """(a, b): scene a is shot before scene b."""
    allow_split_days: bool = False
    """Whether one day may mix day and night scenes."""
    turnaround: bool = True
    """Turnaround is a rule: cast who work a night are not called for day scenes the next day,
    and the crew is not called in the morning after a night without a day off between
    (`crew_rest`). False lifts both; a priced `turnaround` soft penalty then applies to the
    cast's breaks (the crew's are unpriced)."""
    drop_min_gap: int | None = Field(default=None, ge=1)
    """Drop/pick-up rule: a gap of at least this many days between two work days of a cast
    member is unpaid (drop, then pick up); None keeps everyone on hold between first and last."""
    max_drops: int | None = Field(default=None, ge=1)
    """Most drop/pick-ups one cast member may have (SAG-AFTRA allows one break in employment
    per production): the longest gaps that qualify are the drops, any other gap is held.
    None: every gap of at least `drop_min_gap` days is a drop."""
    start_date: str | None = None
    """ISO date of day 0; with `days_off` gives calendar dates."""
    work_days_per_week: int = Field(default=5, ge=1, le=7)
    days_off: list[str] = Field(default_factory=list)
    """ISO dates that are not shooting days (holidays) besides the weekly rest days."""
    time_limit_s: float = Field(default=30.0, gt=0)
    workers: int = Field(default=2, ge=1)
    seed: int = 7


class ScheduleProblem(BaseModel):
    """Everything the optimizer needs."""

    strips: list[Strip]
    cast: list[CastMember] = Field(default_factory=list)
    costs: ScheduleCosts = Field(default_factory=ScheduleCosts)
    options: ScheduleOptions = Field(default_factory=ScheduleOptions)


class ShootDay(BaseModel):
    """One day of the stripboard."""

    index: int
    date: str | None = None
    strips: list[str] = Field(default_factory=list)
    """Scene ids in shooting order."""
    locations: list[str] = Field(default_factory=list)
    """Main locations in the order visited."""
    eighths: int = 0
    cast: list[str] = Field(default_factory=list)
    lighting: Literal["DAY", "NIGHT", "SPLIT"] = "DAY"
    company_moves: int = 0
    """Changes of site between consecutive strips."""
    frozen: bool = False
    sites: list[str] = Field(default_factory=list)
    """Sites in the order visited (the same as `locations`)."""
    set_moves: int = 0
    """Changes of set within a site between consecutive strips."""
    shoot_minutes: float = 0.0
    """Shooting minutes of the day's strips at the pace."""
    move_minutes: float = 0.0
    """Minutes the day's company and set moves take."""
    day_minutes: float = 0.0
    """Shooting plus move minutes: what the day's length must hold."""
    day_off_after: bool = False
    """The crew has a day off after this day (the week's break, a day off): where a run of
    nights may end before a morning call (the crew's rest, `crew_rest`)."""


class CostBreakdown(BaseModel):
    """The objective's parts, in money; `total` is their sum."""

    crew_days: float = 0.0
    cast_work: float = 0.0
    cast_hold: float = 0.0
    company_moves: float = 0.0
    set_moves: float = 0.0
    location_revisits: float = 0.0
    night_premium: float = 0.0
    penalties: dict[str, float] = Field(default_factory=dict)
    stability: float = 0.0

    @property
    def total(self) -> float:
        """Sum of all parts."""
        return (
            self.crew_days
            + self.cast_work
            + self.cast_hold
            + self.company_moves
            + self.set_moves
            + self.location_revisits
            + self.night_premium
            + sum(self.penalties.values())
            + self.stability
        )


class DoodRow(BaseModel):
    """One cast member's line of the day-out-of-days."""

    name: str
    codes: list[str]
    """Per shooting day: SW, W, H, WF, SWF, D or "" (not on the show that day)."""
    work_days: int = 0
    hold_days: int = 0
    drop_days: int = 0
    start_day: int | None = None
    finish_day: int | None = None


class Dood(BaseModel):
    """Day-out-of-days for the whole cast."""

    days: int
    rows: list[DoodRow] = Field(default_factory=list)


class ScheduleResult(BaseModel):
    """The answer: a stripboard with its cost, or a diagnosis of why there is none."""

    status: SolveStatus
    days: list[ShootDay] = Field(default_factory=list)
    cost: CostBreakdown = Field(default_factory=CostBreakdown)
    bound: float | None = None
    """Proven lower bound on the objective, when the solver has one."""
    seconds: float = 0.0
    diagnosis: list[str] = Field(default_factory=list)
    """When infeasible: plain sentences naming what to relax."""
    moved_strips: list[str] = Field(default_factory=list)
    """For a re-plan: scene ids whose day changed against the previous schedule."""
    method: str = "cp-sat"
    """"cp-sat", "exact-dp" (the subset DP of sequencing problems, proven optimal),
    "local-search" (its fallback when neither it nor CP-SAT finished), "baseline" (script order
    packed by capacity), or "evaluated" (a given stripboard costed)."""
    steps: list[str] = Field(default_factory=list)
    """For "lns": the searches that shaped the board, in order ("lp-board", "strip-search",
    "neighbourhoods"); one left out did not run (e.g. the strip search not yet compiled)."""

    @property
    def gap(self) -> float | None:
        """Relative gap between cost and bound (0 = proven optimal)."""
        if self.bound is None or self.status == "infeasible":
            return None
        total = self.cost.total
        if total <= 0:
            return 0.0
        return max(0.0, (total - self.bound) / total)
