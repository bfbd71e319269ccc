"""Random talent-scheduling instances (the recipe of Garcia de la Banda, Stuckey & Chu 2011).

n scenes, m actors; each actor appears in each scene with probability `p`, has a daily cost
drawn uniformly from `costs`, and each scene lasts a whole number of days drawn from
`durations`. Every actor gets at least one scene and every scene at least one actor (a redraw
picks one at random), as in the published generator. The instance is written in the talent
benchmark file format and read back with `read_talent`, so it reaches `optimize` as the same
records the published instances do. The same arguments give the same instance.
"""

from __future__ import annotations

import numpy as np

from tools.schedule.benchmarks import read_talent
from tools.schedule.model import ScheduleProblem

__all__ = ["talent_instance", "talent_text"]


def talent_text(
    n: int,
    m: int,
    *,
    p: float = 0.35,
    costs: tuple[int, int] = (1, 100),
    durations: tuple[int, int] = (1, 4),
    seed: int = 0,
) -> str:
    """The instance in the benchmark file format (name line, n, m, m cast rows, durations)."""
    if n < 1 or m < 1:
        raise ValueError("a talent instance needs at least one scene and one actor")
    rng = np.random.default_rng([seed, n, m])
    appears = rng.random((m, n)) < p
    for a in np.flatnonzero(~appears.any(axis=1)):
        appears[a, rng.integers(n)] = True
    for s in np.flatnonzero(~appears.any(axis=0)):
        appears[rng.integers(m), s] = True
    pay = rng.integers(costs[0], costs[1] + 1, size=m)
    days = rng.integers(durations[0], durations[1] + 1, size=n)
    lines = [f"random-n{n}-m{m}-seed{seed}", f"{n} {m}"]
    lines += [" ".join(map(str, [*appears[a].astype(int), pay[a]])) for a in range(m)]
    lines.append(" ".join(map(str, days)))
    return "\n".join(lines) + "\n"


def talent_instance(
    n: int, m: int, *, seed: int = 0, time_limit_s: float = 10.0, **recipe: object
) -> ScheduleProblem:
    """The instance as a `ScheduleProblem` (via `read_talent`), with the given time limit."""
    problem = read_talent(talent_text(n, m, seed=seed, **recipe))  # type: ignore[arg-type]
    options = problem.options.model_copy(update={"time_limit_s": time_limit_s})
    return problem.model_copy(update={"options": options})
