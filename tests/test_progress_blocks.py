"""A site asked to be one block stays one block when an evening's report re-plans the rest of
the shoot (the shot days frozen, the remaining days re-solved)."""

from __future__ import annotations

from bench.scriptgen import GenOptions
from tests.generated import generated_script
from tools.plan import PlanInputs, make_plan
from tools.plan.blocks import BLOCK_CREW_DAYS, visits
from tools.progress import DayReport, planned_scenes, progress, scene_eighths
from tools.schedule.model import ShootDay


def _runs(days: list[ShootDay], site: str) -> tuple[int, int]:
    """The site's visit blocks, and how many lightings they are in."""
    runs = visits(days, site)
    lit = {next(d.lighting for d in days if d.index == run[0]) for run in runs}
    return len(runs), len(lit)


def test_an_evening_re_plan_keeps_a_site_asked_to_be_one_block() -> None:
    # Seed 2: the plan's board comes back to one site in four runs of days (two lightings).
    script = generated_script(
        GenOptions(scenes=30, pages=24, sites=True, speaking_parts=12, seed=2)
    )
    plan = make_plan(script, PlanInputs(time_limit_s=5.0))
    later = [d for d in plan.schedule.days if d.index > 0]
    site = max(sorted({s for d in later for s in d.sites}), key=lambda s: len(visits(later, s)))
    runs, lit = _runs(later, site)
    assert runs > lit  # the plan comes back to it after day 1: the block has work to do
    scenes = scene_eighths(plan)
    day0 = planned_scenes(plan, 0, scenes)
    inputs = plan.inputs.model_copy(update={"site_blocks": [site]})
    result = progress(
        plan, plan, [DayReport(day=0, complete=day0)], planned={0: day0}, time_limit_s=8,
        inputs=inputs,
    )  # fmt: skip
    board = result.plan.schedule
    assert board.days[0].frozen and sorted(board.days[0].strips) == sorted(day0)
    runs, lit = _runs([d for d in board.days if d.index > 0], site)
    assert runs == lit  # its day work in one run of days, its nights in one run of nights
    assert board.cost.location_revisits < BLOCK_CREW_DAYS * plan.problem.costs.crew_day
