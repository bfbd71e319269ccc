"""`replan_revision`: the plan of a new draft, moving as little of the old schedule as it can.

The old plan's stripboard is carried through the scene matching (old strip ids -> new ones,
removed scenes dropped) and given to `make_plan` as the previous version, so every strip
that changes day costs a company move in the objective and frozen days keep their strips.
When nothing the schedule sees has changed (and the inputs and rate card are the same), the
old plan is reused as is: only the breakdown is re-read.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from tools.cache import PlanCache, cache_key
from tools.plan import Plan, PlanDiff, PlanInputs, StripMove, compare_plans, make_plan, plan_key
from tools.ratecard import load_rate_card
from tools.revisions.diff import ScriptDiff, diff_scripts
from tools.revisions.text import revision_text
from tools.schedule.model import ScheduleResult, ShootDay
from tools.script import Script

__all__ = [
    "RevisionReport",
    "map_schedule",
    "previous_for_revision",
    "replan_revision",
    "translate_inputs",
]


class RevisionReport(BaseModel):
    """What a new draft changed in the script, the schedule and the budget."""

    diff: ScriptDiff
    reused: bool = False
    """True when the old plan stood unchanged (nothing the schedule sees changed)."""
    moved: list[StripMove] = Field(default_factory=list)
    """Scenes in both drafts whose shooting day changed (new-draft ids)."""
    placed: list[StripMove] = Field(default_factory=list)
    """Added scenes and the day they went to."""
    dropped: list[StripMove] = Field(default_factory=list)
    """Removed scenes and the day they left (old-draft ids)."""
    unchanged: int = 0
    """Unchanged scenes scheduled in both plans."""
    unchanged_kept: int = 0
    """Of those, how many kept their day."""
    plan_diff: PlanDiff
    """Days, day-out-of-days and budget by account and line, old plan against new."""
    text: list[str] = Field(default_factory=list)
    """The same facts as sentences, for the chat's answer."""


def map_schedule(schedule: ScheduleResult, mapping: dict[str, str]) -> ScheduleResult:
    """The stripboard with old strip ids renamed through `mapping`; unmapped strips dropped."""
    days = [
        day.model_copy(update={"strips": [mapping[s] for s in day.strips if s in mapping]})
        for day in schedule.days
    ]
    return schedule.model_copy(update={"days": days, "moved_strips": []})


def previous_for_revision(old_plan: Plan, diff: ScriptDiff) -> Plan:
    """The old plan as a previous version of the new draft (ids mapped, its own cache key)."""
    key = cache_key(revision_of=old_plan.key, mapping=diff.mapping)
    schedule = map_schedule(old_plan.schedule, diff.mapping)
    return old_plan.model_copy(update={"schedule": schedule, "key": key})


def translate_inputs(inputs: PlanInputs, diff: ScriptDiff) -> PlanInputs:
    """Inputs written for the old draft, with pinned and stage-moved scenes renumbered.

    Scenes the new draft removed are dropped from both.
    """
    pinned = {diff.mapping[s]: d for s, d in inputs.pinned.items() if s in diff.mapping}
    moves = [diff.mapping[s] for s in inputs.stage_moves if s in diff.mapping]
    return inputs.model_copy(update={"pinned": pinned, "stage_moves": moves})


def _first_days(days: list[ShootDay]) -> dict[str, int]:
    out: dict[str, int] = {}
    for day in days:
        for sid in day.strips:
            out.setdefault(sid, day.index)
    return out


def _reuse(
    old_plan: Plan, new_script: Script, inputs: PlanInputs, previous: Plan, cache: PlanCache | None
) -> Plan:
    card = load_rate_card(inputs.rate_card, currency=inputs.currency)
    key = plan_key(new_script, card, inputs, previous)
    stored = cache.get(key, Plan) if cache is not None else None
    if stored is not None:
        return stored
    plan = old_plan.model_copy(
        update={"title": new_script.title, "content_hash": new_script.content_hash, "key": key}
    )
    if cache is not None:
        cache.put(key, plan)
    return plan


def _can_reuse(old_plan: Plan, diff: ScriptDiff, inputs: PlanInputs) -> bool:
    if "schedule" in diff.affects or inputs != old_plan.inputs:
        return False
    if any(old != new for old, new in diff.mapping.items()):
        return False
    card = load_rate_card(inputs.rate_card, currency=inputs.currency)
    return card.content_hash == old_plan.rate_card_hash


def _report(
    old_plan: Plan, previous: Plan, plan: Plan, diff: ScriptDiff, reused: bool
) -> RevisionReport:
    plan_diff = compare_plans(previous, plan)
    before, after = _first_days(old_plan.schedule.days), _first_days(plan.schedule.days)
    kept = [
        before.get(s.old_id or "") == after.get(s.new_id or "")
        for s in diff.of("unchanged")
        if s.old_id in before and s.new_id in after
    ]
    report = RevisionReport(
        diff=diff,
        reused=reused,
        moved=[m for m in plan_diff.moved if m.old_day is not None and m.new_day is not None],
        placed=[m for m in plan_diff.moved if m.old_day is None],
        dropped=[
            StripMove(scene=s.old_id, old_day=before[s.old_id], new_day=None)
            for s in diff.of("removed")
            if s.old_id in before
        ],
        unchanged=len(kept),
        unchanged_kept=sum(kept),
        plan_diff=plan_diff,
    )
    return report.model_copy(update={"text": revision_text(report, plan.currency)})


def replan_revision(
    old_plan: Plan,
    old_script: Script,
    new_script: Script,
    inputs: PlanInputs,
    *,
    cache: PlanCache | None = None,
) -> tuple[Plan, RevisionReport]:
    """The new draft's plan, stable against `old_plan`, and what changed.

    `inputs` are for the new draft (see `translate_inputs` to carry the old ones over);
    `inputs.frozen_days` keep their strips. ValueError when `old_plan` is not a plan of
    `old_script`.
    """
    if old_plan.content_hash and old_plan.content_hash != old_script.content_hash:
        raise ValueError(
            f"old_plan was made for script {old_plan.content_hash[:12]!r}, "
            f"not for old_script {old_script.content_hash[:12]!r}"
        )
    diff = diff_scripts(old_script, new_script)
    previous = previous_for_revision(old_plan, diff)
    reused = _can_reuse(old_plan, diff, inputs)
    if reused:
        plan = _reuse(old_plan, new_script, inputs, previous, cache)
    else:
        plan = make_plan(new_script, inputs, previous=previous, cache=cache)
    return plan, _report(old_plan, previous, plan, diff, reused)
