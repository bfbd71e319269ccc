"""Generated scripts (bench.scriptgen) read back from Fountain, and their scheduling problems."""

from __future__ import annotations

from bench.scriptfmt import to_fountain
from bench.scriptgen import GenOptions, generate
from tools.budget.tiers import cast_tiers
from tools.parsing import read_script
from tools.plan.model import PlanInputs
from tools.plan.problem import build_problem
from tools.ratecard import load_rate_card
from tools.schedule import ScheduleProblem
from tools.script import Script

__all__ = ["generated_problem", "generated_script"]


def generated_script(options: GenOptions, filename: str = "g.fountain") -> Script:
    """The script `options` generates, as a user's upload of its Fountain text as `filename`
    reads (the name is part of what a plan is seeded by)."""
    made = generate(options)
    text = to_fountain(made.title_page, made.blocks())
    return read_script(text.encode(), filename=filename)


def generated_problem(scenes: int, *, seed: int, limit: float) -> ScheduleProblem:
    """The planning problem of a generated script with sites (3/4 page a scene), solved
    within `limit` seconds."""
    script = generated_script(GenOptions(scenes=scenes, pages=scenes * 0.75, sites=True, seed=seed))
    card = load_rate_card()
    problem = build_problem(script, card, cast_tiers(script, card), PlanInputs())
    return problem.model_copy(
        update={"options": problem.options.model_copy(update={"time_limit_s": limit})}
    )
