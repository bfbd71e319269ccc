"""A generated feature film as a scheduling problem (no `run`: a helper, not a section)."""

from __future__ import annotations

import random

from tools.schedule.model import (
    CastMember,
    ScheduleCosts,
    ScheduleOptions,
    ScheduleProblem,
    Strip,
)

__all__ = ["feature_problem"]


def feature_problem(
    *,
    scenes: int = 150,
    locations: int = 30,
    cast: int = 40,
    seed: int = 1,
    time_limit_s: float = 30.0,
    day_rules: bool = False,
) -> ScheduleProblem:
    """A seeded feature: `scenes` strips over `locations` main locations and `cast` characters.

    Leads appear in many scenes, day players in few; about a quarter of scenes are night,
    a tenth have stunts; capacity is 4 pages a day; the full product objective is priced.
    With `day_rules`, each location has up to three sets and the day is 720 minutes with
    75-minute company moves, 15-minute set moves and at most one company move a day.
    """
    rng = random.Random(seed)
    names = [f"ACTOR{i:02d}" for i in range(cast)]
    weights = [1.0 / (1 + i) ** 0.9 for i in range(cast)]
    rates = [6000.0 if i < 3 else 2500.0 if i < 10 else 900.0 for i in range(cast)]
    strips = []
    for s in range(scenes):
        loc = min(int(rng.paretovariate(1.2)) - 1, locations - 1)
        size = rng.choices([1, 2, 3], weights=[0.5, 0.35, 0.15])[0]
        people = sorted(set(rng.choices(names, weights=weights, k=size)))
        strips.append(
            Strip(
                id=str(s + 1),
                main_location=f"LOC{loc:02d}",
                location=f"LOC{loc:02d}",
                lighting="NIGHT" if rng.random() < 0.25 else "DAY",
                eighths=rng.choice([2, 3, 4, 6, 8, 10, 12, 16]),
                cast=people,
                flags=["stunts"] if rng.random() < 0.1 else [],
            )
        )
    costs = ScheduleCosts(
        crew_day=45000.0,
        company_move=6000.0,
        default_location_setup=4000.0,
        night_premium_day=8000.0,
        soft_penalties={"turnaround": 1500.0, "story_order": 50.0, "stunt_spread": 2000.0},
    )
    problem = ScheduleProblem(
        strips=strips,
        cast=[CastMember(name=n, day_rate=r) for n, r in zip(names, rates, strict=True)],
        costs=costs,
        options=ScheduleOptions(capacity_eighths=32, time_limit_s=time_limit_s),
    )
    if not day_rules:
        return problem
    sets = random.Random(seed + 1)
    strips = [s.model_copy(update={"set": f"SET{sets.randint(0, 2)}"}) for s in problem.strips]
    options = problem.options.model_copy(
        update=dict(
            day_minutes=720.0, company_move_minutes=75.0, set_move_minutes=15.0,
            max_company_moves=1,
        )
    )  # fmt: skip
    costs = problem.costs.model_copy(update={"set_move": 250.0})
    return problem.model_copy(update={"strips": strips, "options": options, "costs": costs})
