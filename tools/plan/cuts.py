"""`cuts_for_cap`: what to cut to bring a plan under a budget cap, ranked, each cut priced exactly.

Every cut is priced by budgeting the same schedule again with that one change (a stunt moved
to a stage, fewer background performers, fewer VFX shots, a shorter post), so its saving
includes fringes, insurance and contingency. Cuts are ranked by saving and taken in order
until the gap is closed; nothing is applied to the plan.

Mid-shoot the gap is the forecast at completion over the cap, and only what is still ahead
can be cut: stunts of scenes not shot yet, and background only while no crowd scene has been
shot (the rate card's background count applies to every crowd scene, so its saving would count
shot days too); VFX shots and editorial weeks are post, still ahead.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from decimal import Decimal

from pydantic import BaseModel, Field

from tools.budget import compute_budget, format_money
from tools.budget.money import Money, to_money
from tools.plan.model import Plan
from tools.ratecard import RateCard, load_rate_card
from tools.savings import relocate
from tools.schedule.model import ScheduleProblem

__all__ = ["CapCuts", "Cut", "cuts_for_cap"]


class Cut(BaseModel):
    """One possible cut with its exact saving and what it costs the film."""

    action: str
    saving: Money
    traded_away: str
    selected: bool = False
    """Part of the smallest ranked prefix that closes the gap."""


class CapCuts(BaseModel):
    """The cap, the gap, and the ranked cuts."""

    cap: Money
    likely: Money
    gap: Money
    """Likely total minus cap (0 or less: already under the cap)."""
    cuts: list[Cut] = Field(default_factory=list)
    reachable: bool
    remaining: Money
    """What is still over the cap after every selected cut."""
    message: str


def _with_param(card: RateCard, key: str, value: Decimal) -> RateCard:
    items = tuple(
        dataclasses.replace(i, rate=value) if (i.kind, i.key) == ("param", key) else i
        for i in card.items
    )
    return dataclasses.replace(card, items=items)


def _param_cut(
    card: RateCard,
    total: Callable[..., Decimal],
    base: Decimal,
    key: str,
    new: Decimal,
    action: str,
    trade: str,
) -> Cut | None:
    if card.find("param", key) is None or new < 0:
        return None
    saving = base - total(card=_with_param(card, key, new))
    return Cut(action=action, saving=saving, traded_away=trade) if saving > 0 else None


def _candidates(plan: Plan, card: RateCard, shot: frozenset[str]) -> list[Cut]:
    def total(*, card: RateCard = card, problem: ScheduleProblem = plan.problem) -> Decimal:
        assert plan.dood is not None
        return compute_budget(
            problem, plan.schedule, plan.dood, card, tiers=plan.tiers, crew=plan.crew
        ).likely

    base = total()
    if plan.budget is None or base != plan.budget.likely:
        raise ValueError("the rate card changed since this plan was made; plan again first")
    cuts = [
        Cut(
            action=f"Move the stunt in scene {c.scene} from {c.location} to a stage",
            saving=base - total(problem=relocate(plan.problem, [c.scene])),
            traded_away=c.traded_away,
        )
        for c in plan.stunt_candidates
        if c.scene not in shot
    ]
    extras = card.rate("param", "extras_per_crowd_scene", Decimal(0))
    shots = card.rate("param", "vfx_shots_per_scene", Decimal(0))
    weeks = card.rate("param", "post_weeks", Decimal(0))
    crowd_shot = any("extras" in s.flags for s in plan.problem.strips if s.id in shot)
    options = [
        (
            "extras_per_crowd_scene",
            (extras / 2).to_integral_value(),
            f"Halve the background in crowd scenes ({extras:g} -> {(extras / 2):.0f} people)",
            "fuller crowds: wide shots look emptier",
        ),
        (
            "vfx_shots_per_scene",
            shots - 1,
            f"One VFX shot fewer per VFX scene ({shots:g} -> {shots - 1:g})",
            "VFX coverage: simpler effects, more practical cheats",
        ),
        (
            "post_weeks",
            weeks - 2,
            f"Two editorial weeks fewer ({weeks:g} -> {weeks - 2:g})",
            "time in the cutting room",
        ),
    ]
    for key, new, action, trade in options:
        if key == "extras_per_crowd_scene" and crowd_shot:
            continue
        cut = _param_cut(card, total, base, key, new, action, trade)
        if cut is not None:
            cuts.append(cut)
    return sorted((c for c in cuts if c.saving > 0), key=lambda c: (-c.saving, c.action))


def cuts_for_cap(
    plan: Plan,
    cap: float | Decimal,
    *,
    forecast: float | Decimal | None = None,
    shot: frozenset[str] = frozenset(),
) -> CapCuts:
    """Ranked cuts that bring `plan` under `cap`, or how far they fall short; mid-shoot,
    `forecast` (at completion) stands for the plan's likely total and the scenes `shot` are
    not cut."""
    if plan.budget is None:
        raise ValueError("this plan has no budget (no feasible schedule); fix the schedule first")
    limit = to_money(cap)
    if limit <= 0:
        raise ValueError(f"budget cap {cap} must be positive")
    likely = to_money(forecast) if forecast is not None else plan.budget.likely
    gap = likely - limit
    money = lambda v: format_money(v, plan.currency)  # noqa: E731
    if gap <= 0:
        return CapCuts(
            cap=limit,
            likely=likely,
            gap=gap,
            reachable=True,
            remaining=Decimal(0),
            message=f"already {money(-gap)} under the cap",
        )
    card = load_rate_card(plan.inputs.rate_card, currency=plan.inputs.currency)
    cuts = _candidates(plan, card, shot)
    remaining = gap
    for cut in cuts:
        if remaining <= 0:
            break
        cut.selected = True
        remaining -= cut.saving
    reachable = remaining <= 0
    message = (
        f"{money(gap)} over the cap; the first {sum(c.selected for c in cuts)} cut(s) close it"
        if reachable
        else f"{money(gap)} over the cap; every cut found "
        f"together leaves {money(remaining)}: look for savings elsewhere "
        "or raise the cap"
    )
    return CapCuts(
        cap=limit,
        likely=likely,
        gap=gap,
        cuts=cuts,
        reachable=reachable,
        remaining=max(remaining, Decimal(0)),
        message=message,
    )
