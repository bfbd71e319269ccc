"""The plan's records: what the user asked for, and everything computed from it."""

from __future__ import annotations

from decimal import Decimal

from pydantic import BaseModel, Field

from tools.budget import Budget, CrewPlan
from tools.budget.money import Money
from tools.savings import ClusteringReport, Saving, StuntCandidate
from tools.schedule.model import Dood, ScheduleProblem, ScheduleResult
from tools.sites import SiteAssignment, SiteCorrections

__all__ = ["Baseline", "Plan", "PlanInputs", "Summary"]


class PlanInputs(BaseModel):
    """What the producer controls; the same inputs always give the same plan."""

    days: int | None = Field(default=None, ge=1)
    """Exact number of shooting days, or None to let the optimizer choose."""
    pages_per_day: float = Field(default=4.0, gt=0)
    rate_card: str | None = None
    """Path of a rate-card CSV; None uses the shipped default."""
    currency: str = Field(default="USD", min_length=3, max_length=3)
    unavailable: dict[str, list[int]] = Field(default_factory=dict)
    """Cast name -> 0-based shooting days they cannot work."""
    unavailable_weekdays: dict[str, list[int]] = Field(default_factory=dict)
    """Cast name -> weekdays (0 Monday) they cannot work ("can't work Fridays"); which
    shooting days those are comes from the calendar (`start_date`, else weeks from a Monday)."""
    pinned: dict[str, int] = Field(default_factory=dict)
    """Scene number -> 0-based day it must be shot on."""
    stage_moves: list[str] = Field(default_factory=list)
    """Scene numbers moved to a stage (the stunt-relocation analysis, applied)."""
    precedences: list[tuple[str, str]] = Field(default_factory=list)
    """(a, b): scene a is shot before scene b, or earlier the same day ("the set is wrecked
    in scene 9, so shoot scene 5 first")."""
    budget_cap: float | None = Field(default=None, gt=0)
    start_date: str | None = None
    time_limit_s: float = Field(default=30.0, gt=0)
    seed: int = 7
    frozen_days: list[int] = Field(default_factory=list)
    """0-based days already shot or locked: a re-plan never moves their strips."""
    work_days_per_week: int = Field(default=5, ge=5, le=6)
    """Shooting days a week: 5 (Monday to Friday) or 6 (to Saturday, paid at a premium)."""
    day_minutes: float | None = Field(default=None, gt=0)
    """Length of a shooting day in minutes; None: the rate card's (720, a 12-hour day)."""
    max_company_moves: int | None = Field(default=None, ge=0, le=5)
    """Most company moves in one day; None: the rate card's (1)."""
    site_corrections: SiteCorrections = Field(default_factory=SiteCorrections)
    """The user's corrections of sites (chat or CSV); they win over inference."""
    omitted: list[str] = Field(default_factory=list)
    """Scene numbers cut from the shoot ("what if we cut scene 12?"): not scheduled, so not
    budgeted; the script keeps them."""
    site_blocks: list[str] = Field(default_factory=list)
    """Sites to shoot in one block of consecutive days ("shoot the motel in one go"); the
    solver prices a return to them out of reach (`tools.plan.blocks`)."""
    rates: dict[str, float] = Field(default_factory=dict)
    """What-if rates over the rate card: "cast:NAME" (a day rate) or "crew:DEPT"."""
    rate_factors: dict[str, float] = Field(default_factory=dict)
    """What-if multipliers: "cast", "crew" or a crew department -> factor (0.9 = 10% less)."""


class Baseline(BaseModel):
    """A baseline board (script order, or the sorted board), with its DOOD and budget."""

    schedule: ScheduleResult
    dood: Dood
    budget: Budget


class Summary(BaseModel):
    """The executive summary: baseline against the plan, and where the saving comes from."""

    status: str
    currency: str
    days: int
    baseline_days: int
    moves: int
    baseline_moves: int
    low: Money = Decimal(0)
    likely: Money = Decimal(0)
    high: Money = Decimal(0)
    baseline_low: Money = Decimal(0)
    baseline_likely: Money = Decimal(0)
    baseline_high: Money = Decimal(0)
    total_saving: Money = Decimal(0)
    """Saving against the script-order baseline (the one the waterfall attributes)."""
    sorted_days: int = 0
    sorted_moves: int = 0
    sorted_likely: Money = Decimal(0)
    """The sorted board's likely budget (sorted by site, INT/EXT, day/night, cast)."""
    saving_vs_sorted: Money = Decimal(0)
    """Saving against the sorted board: what the optimizer adds over the AD's first board."""
    attributed_to: str = "script_order"
    """The baseline the per-analysis savings are measured from."""
    by_analysis: dict[str, Money] = Field(default_factory=dict)
    over_cap: Money | None = None
    """Likely total minus the budget cap, when a cap was given and is exceeded."""
    text: list[str] = Field(default_factory=list)
    """The same facts as sentences, for a reader or the chat's deterministic answer."""


class Plan(BaseModel):
    """A whole plan: schedule, DOOD, budget, baseline, savings and summary."""

    inputs: PlanInputs
    title: str
    content_hash: str
    rate_card_hash: str
    key: str = ""
    """The cache key the plan was stored under."""
    currency: str
    problem: ScheduleProblem
    tiers: dict[str, str] = Field(default_factory=dict)
    """Cast tier per character (lead, supporting, day_player)."""
    schedule: ScheduleResult
    dood: Dood | None = None
    budget: Budget | None = None
    """None when no schedule exists (infeasible): see `schedule.diagnosis`."""
    crew: CrewPlan | None = None
    baseline: Baseline
    """Script order packed into days under the plan's day rules."""
    sorted_board: Baseline | None = None
    """The board an AD sorts by hand first (site, INT/EXT, day/night, cast), same rules."""
    sites: list[SiteAssignment] = Field(default_factory=list)
    """Per scene, its site and set with the reason (corrections applied)."""
    clustering: ClusteringReport | None = None
    savings: list[Saving] = Field(default_factory=list)
    stunt_candidates: list[StuntCandidate] = Field(default_factory=list)
    summary: Summary
