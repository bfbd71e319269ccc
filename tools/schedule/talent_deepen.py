"""Raising the talent search's bound when the proof does not fit: searches under a ceiling.

A search that keeps only paths whose cost plus bound stays below a ceiling L (instead of
below the best order's cost) prunes far harder, and when it runs to the end it shows that no
order costs less than L (or finds one that does, and then that order is optimal). Measured,
30 s budget, under contention: 28 x 14 seed 0 proves L = 22,500 in 6.6 s where the full
proof (about 23,300) does not finish in 30 s; 64 x 8 seed 0, L = 47,000 in 3.8 s. So once the
full search has been cut, the time left goes to searches on L between the bound proven and
the best order's cost: L climbs by a quarter of the gap while every search finishes (each
raises the bound to its ceiling), and once one is cut short, bisects below it. Every bound
reported is a true lower bound on every order.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from tools.schedule.talent_outcome import TalentOutcome

__all__ = ["deepen"]

_MIN_SECONDS = 0.2
"""Below this much time left, no further search is started."""
_MIN_STEP = 1e-4
"""Relative step under which the bisection stops (the gap it could still close), for costs
that are not integral."""

_CLIMB = 0.25
"""Share of the gap the ceiling rises by while no search has been cut short."""


def deepen(
    run: Callable[[list[int], float, float], TalentOutcome],
    found: TalentOutcome,
    *,
    deadline: float,
    integral: bool,
) -> TalentOutcome:
    """The best order and the highest bound after searches under ceilings until `deadline`.

    `run(incumbent, ceiling, deadline)` searches below `ceiling` from the incumbent and
    returns its outcome (the bound it proves is at most the ceiling). Each search gets half
    the time left, so a cut one leaves time for a lower ceiling.
    """
    best, low = found, found.bound
    top = found.cost
    while not best.proven:
        left = deadline - time.perf_counter()
        # Until a search is cut short the ceilings climb from the bound (the cost of a search
        # grows steeply with its ceiling); then they bisect below the lowest one cut short.
        ceiling = low + (top - low) * (_CLIMB if top >= best.cost else 0.5)
        # Integral costs: a ceiling above the bound is a whole unit up, down to the last
        # one (a bound one unit short of the cost is no proof).
        step = 0.0 if integral else _MIN_STEP * max(1.0, abs(best.cost))
        if integral:
            ceiling = math.ceil(ceiling)
        if left < _MIN_SECONDS or ceiling - low <= step:
            break
        out = run(best.groups, ceiling, time.perf_counter() + left / 2)
        if out.cost < best.cost:
            best = out
        low = max(low, out.bound)
        # A search that reached its ceiling: try higher, but below the lowest ceiling that
        # was cut short (so the next one likely finishes too); one cut short: try lower.
        top = min(top, best.cost) if out.bound >= ceiling else ceiling
        best = TalentOutcome(groups=best.groups, cost=best.cost, bound=min(best.cost, low))
    return best
