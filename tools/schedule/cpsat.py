"""The CP-SAT model: hard rules, one small helper per constraint family.

Decision: `x[s, d]` is true when strip s starts on day d (a strip of L days then occupies
d..d+L-1). Cost terms live in `cpsat_costs`; this module holds the variables and hard rules.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from tools.schedule.crew_rest import rest_days
from tools.schedule.prepare import PreparedProblem, strip_minutes

__all__ = ["SCALE", "Built", "add_hard_rules", "new_built"]

SCALE = 100
"""Money is scaled to cents so CP-SAT sees integers."""


@dataclass
class Built:
    """The model under construction and the handles the cost helpers and decoder need."""

    prep: PreparedProblem
    model: cp_model.CpModel
    x: dict[tuple[int, int], cp_model.IntVar] = field(default_factory=dict)
    occ: list[list[tuple[int, cp_model.IntVar]]] = field(default_factory=list)
    """Per day, (strip, start literal) pairs of strips occupying that day."""
    start: list[cp_model.LinearExpr] = field(default_factory=list)
    used: list[cp_model.IntVar] = field(default_factory=list)
    present: dict[str, list[cp_model.IntVar]] = field(default_factory=dict)
    """Per site, per day: the site is visited (built by `cpsat_day.presence`)."""
    anywhere: list[cp_model.IntVar] = field(default_factory=list)
    set_visits: list[list[cp_model.IntVar]] = field(default_factory=list)
    """Per day: one literal per set, true when the set is visited."""
    terms: list[tuple[int, cp_model.LinearExprT]] = field(default_factory=list)
    """Objective terms (integer cents coefficient, expression)."""
    offset: int = 0
    fixed: dict[int, int] = field(default_factory=dict)
    """Strips held on their day (start day per strip): a cost of theirs alone is a constant."""

    def objective(self) -> cp_model.LinearExprT:
        """The objective expression in cents."""
        return sum(coef * expr for coef, expr in self.terms) + self.offset

    def add_cost(self, money: float, expr: cp_model.LinearExprT) -> None:
        """Add `money` per unit of `expr` to the objective (skipped when zero)."""
        coef = round(money * SCALE)
        if coef:
            self.terms.append((coef, expr))


def new_built(prep: PreparedProblem) -> Built:
    """An empty model over `prep`'s horizon."""
    return Built(prep=prep, model=cp_model.CpModel())


def _add_assignment(
    b: Built, forbidden_days: set[int], fixed: Mapping[int, int], relabel: bool
) -> None:
    """Each strip starts on exactly one allowed day; frozen days keep exactly their strips.

    With `relabel` (days interchangeable), days are numbered by first use: strip s starts on
    day s at the latest, which removes the days' permutation symmetry.
    """
    prep, m = b.prep, b.model
    b.occ = [[] for _ in range(prep.horizon)]
    for s in range(len(prep.ids)):
        literals = []
        for d in prep.allowed_starts(s):
            if relabel and d > s:
                break
            span = range(d, d + prep.length[s])
            if s in fixed and d != fixed[s]:
                continue
            if s not in fixed and forbidden_days.intersection(span):
                continue
            var = m.new_bool_var(f"x_{s}_{d}")
            b.x[s, d] = var
            literals.append((d, var))
            for day in span:
                b.occ[day].append((s, var))
        m.add_exactly_one(var for _, var in literals)
        b.start.append(
            cp_model.LinearExpr.weighted_sum([v for _, v in literals], [d for d, _ in literals])
        )


def _add_capacity(b: Built) -> None:
    """Pages, minutes and scene count per day; a whole-day strip fills its days alone."""
    prep, m, options = b.prep, b.model, b.prep.problem.options
    strips = prep.problem.strips
    for day in b.occ:
        whole = [var for s, var in day if prep.whole[s]]
        normal = [(s, var) for s, var in day if not prep.whole[s]]
        if len(whole) > 1:
            m.add_at_most_one(whole)
        if not normal:
            continue
        blocked = sum(whole) if whole else 0
        m.add(sum(strips[s].eighths * v for s, v in normal) <= options.capacity_eighths)
        limit = options.max_scenes_per_day or len(normal)
        m.add(sum(v for _, v in normal) + limit * blocked <= limit)
        if options.capacity_minutes is not None:
            pace = options.minutes_per_eighth
            minutes = sum(round(strip_minutes(strips[s], pace)) * v for s, v in normal)
            m.add(minutes <= round(options.capacity_minutes))


def _add_used_days(b: Built, prefix: bool) -> None:
    """A day is used when any strip occupies it; used days form a prefix (unless `prefix` is
    off: large neighbourhood search empties days anywhere, then closes the gaps) or all
    fixed days."""
    m, fixed = b.model, b.prep.problem.options.fixed_days is not None
    for d, day in enumerate(b.occ):
        used = m.new_bool_var(f"used_{d}")
        m.add_max_equality(used, [var for _, var in day] or [b.model.new_constant(0)])
        b.used.append(used)
        if fixed:
            m.add(used == 1)
        elif d and prefix:
            m.add_implication(used, b.used[d - 1])
    prep, cap = b.prep, b.prep.problem.options.capacity_eighths
    pages = sum(st.eighths for s, st in enumerate(prep.problem.strips) if not prep.whole[s])
    whole = sum(length for s, length in enumerate(prep.length) if prep.whole[s])
    # Redundant: the pages alone need this many days, which lifts the crew-cost bound.
    need = whole + -(-pages // cap)
    day_length = prep.problem.options.day_minutes
    if day_length is not None:
        minutes = sum(prep.minutes[s] for s in range(len(prep.ids)) if not prep.whole[s])
        need = max(need, whole + math.ceil(minutes / day_length - 1e-9))
    m.add(sum(b.used) >= min(len(b.used), need))


def _add_lighting(b: Built) -> list[cp_model.IntVar]:
    """Night days; without split days, a day is all day scenes or all night scenes."""
    prep, m = b.prep, b.model
    split = prep.problem.options.allow_split_days
    nights = []
    for d, day in enumerate(b.occ):
        night = m.new_bool_var(f"night_{d}")
        nights.append(night)
        for s, var in day:
            if prep.night[s]:
                m.add_implication(var, night)
            elif not split:
                m.add_implication(var, ~night)
    return nights


def _add_turnaround(b: Built) -> None:
    """Cast who work a night scene on day d are not in a day scene on day d + 1 (a rule)."""
    prep, m = b.prep, b.model
    for a in range(len(prep.cast_names)):
        if all(s in b.fixed for s in range(len(prep.ids)) if a in prep.cast_of[s]):
            continue  # nothing of theirs moves: their days are as the board has them
        for d in range(len(b.occ) - 1):
            night = [v for s, v in b.occ[d] if prep.night[s] and a in prep.cast_of[s]]
            day = [v for s, v in b.occ[d + 1] if not prep.night[s] and a in prep.cast_of[s]]
            if not night or not day:
                continue
            worked = m.new_bool_var(f"night_work_{a}_{d}")
            for v in night:
                m.add_implication(v, worked)
            for v in day:
                m.add_implication(v, ~worked)


def _add_crew_rest(b: Built, nights: list[cp_model.IntVar]) -> None:
    """The crew's rest (`crew_rest`): a day ending at night (its night literal) is not followed
    on the next calendar day by a day beginning in the morning: a day scene on day d + 1 then
    makes d + 1 a night-ending (split) day too, which without split days it cannot be."""
    prep, m = b.prep, b.model
    rest = rest_days(prep.problem.options, len(b.occ))
    for d, day in enumerate(b.occ):
        # A night literal is true only with night work, so a split day is one for real.
        m.add_bool_or([v for s, v in day if prep.night[s]] + [~nights[d]])
    for d in range(len(b.occ) - 1):
        if rest[d]:
            continue
        for s, v in b.occ[d + 1]:
            if not prep.night[s]:
                m.add_bool_or([~v, ~nights[d], nights[d + 1]])


def _add_precedences(b: Built) -> None:
    """(a, b): a is finished on or before the day b starts (same day: a is shot first)."""
    prep = b.prep
    for first, then in prep.problem.options.precedences:
        a, c = prep.index[first], prep.index[then]
        b.model.add(b.start[a] + prep.length[a] - 1 <= b.start[c])


def _interchangeable(prep: PreparedProblem, s: int, t: int) -> bool:
    options = prep.problem.options
    named = set(options.pinned) | {x for pair in options.precedences for x in pair}
    strips = prep.problem.strips
    same = strips[s].model_dump(exclude={"id"}) == strips[t].model_dump(exclude={"id"})
    return same and prep.ids[s] not in named and prep.ids[t] not in named


def _add_symmetry_breaking(b: Built, *, reversible: bool, ordered_pairs: bool) -> None:
    """Identical strips keep their input order; a reversible problem keeps strip 0 first."""
    prep = b.prep
    n = len(prep.ids)
    if ordered_pairs:
        for s in range(n):
            twin = next((t for t in range(s + 1, n) if _interchangeable(prep, s, t)), None)
            if twin is not None:
                b.model.add(b.start[s] <= b.start[twin])
    if reversible and n > 1:
        b.model.add(b.start[0] <= b.start[n - 1])


def add_hard_rules(
    b: Built,
    *,
    frozen_days: Sequence[int] = (),
    fixed: Mapping[int, int] | None = None,
    reversible: bool = False,
    ordered_pairs: bool = True,
    relabel: bool = False,
    prefix: bool = True,
) -> list[cp_model.IntVar]:
    """Every hard rule; returns the night-day literals the cost helpers price."""
    b.fixed = dict(fixed or {})
    _add_assignment(b, set(frozen_days), b.fixed, relabel)
    _add_capacity(b)
    _add_used_days(b, prefix)
    nights = _add_lighting(b)
    if b.prep.turnaround_rule:
        _add_turnaround(b)
        _add_crew_rest(b, nights)
    _add_precedences(b)
    _add_symmetry_breaking(b, reversible=reversible, ordered_pairs=ordered_pairs and not relabel)
    return nights
