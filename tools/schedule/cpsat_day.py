"""The day in minutes for CP-SAT: which sites and sets a day visits, its moves and its length.

A day's company moves are its sites minus one; its set moves are its sets minus its sites
(strips are shot grouped by site, then by set, see `costing.occupancy`). Shooting minutes plus
move minutes fit the day, and company moves stay under the day's cap: both hard rules. The
presence literals are shared with the cost helpers (moves, set moves, revisits).
"""

from __future__ import annotations

from ortools.sat.python import cp_model

from tools.schedule.cpsat import Built

__all__ = ["add_day_rules", "company_moves", "presence", "set_moves", "set_presence"]

TENTHS = 10
"""Minutes are tenths in the model, so 22.5 minutes an eighth stays exact."""


def _exact_or(b: Built, literals: list, name: str) -> cp_model.IntVar:
    var = b.model.new_bool_var(name)
    b.model.add_max_equality(var, literals or [b.model.new_constant(0)])
    return var


def presence(b: Built) -> None:
    """Build once: per site, a literal per day that is true when it is visited."""
    if b.anywhere:
        return
    prep = b.prep
    sites = sorted({loc for loc in prep.location if loc})
    for d, day in enumerate(b.occ):
        b.anywhere.append(_exact_or(b, [v for s, v in day if prep.location[s]], f"loc_{d}"))
    for loc in sites:
        b.present[loc] = [
            _exact_or(b, [v for s, v in day if prep.location[s] == loc], f"at_{loc}_{d}")
            for d, day in enumerate(b.occ)
        ]


def set_presence(b: Built) -> None:
    """Build once: per day, the number of sets visited (only models that price set moves)."""
    if b.set_visits:
        return
    presence(b)
    prep = b.prep
    b.set_visits = [[] for _ in b.occ]
    sets = sorted({prep.sets[s] for s in range(len(prep.ids)) if prep.location[s]})
    for key in sets:
        for d, day in enumerate(b.occ):
            literals = [v for s, v in day if prep.sets[s] == key]
            if literals:
                b.set_visits[d].append(_exact_or(b, literals, f"set_{key}_{d}"))


def _sites(b: Built, d: int) -> list[cp_model.IntVar]:
    return [b.present[loc][d] for loc in b.present]


def company_moves(b: Built, d: int) -> cp_model.LinearExpr:
    """Company moves on day `d`: sites visited minus one (zero on an empty day)."""
    sites = _sites(b, d)
    return cp_model.LinearExpr.weighted_sum([*sites, b.anywhere[d]], [1] * len(sites) + [-1])


def set_moves(b: Built, d: int) -> cp_model.LinearExpr:
    """Set moves on day `d`: sets visited minus sites visited."""
    sets, sites = b.set_visits[d], _sites(b, d)
    return cp_model.LinearExpr.weighted_sum([*sets, *sites], [1] * len(sets) + [-1] * len(sites))


def _day_length(b: Built, d: int) -> cp_model.LinearExpr:
    """Day `d`'s shooting plus move minutes, in tenths."""
    prep, options = b.prep, b.prep.problem.options
    lits = [v for s, v in b.occ[d] if not prep.whole[s]]
    coefs = [round(prep.minutes[s] * TENTHS) for s, _ in b.occ[d] if not prep.whole[s]]
    sites = _sites(b, d)
    company = round(options.company_move_minutes * TENTHS)
    lits += [*sites, b.anywhere[d]]
    coefs += [company] * len(sites) + [-company]
    if options.set_move_minutes > 0:
        set_presence(b)
        per_set = round(options.set_move_minutes * TENTHS)
        lits += [*b.set_visits[d], *sites]
        coefs += [per_set] * len(b.set_visits[d]) + [-per_set] * len(sites)
    return cp_model.LinearExpr.weighted_sum(lits, coefs)


def add_day_rules(b: Built) -> None:
    """Shooting plus move minutes fit the day; company moves stay under the day's cap."""
    m, options = b.model, b.prep.problem.options
    presence(b)
    if not b.present:
        return
    for d in range(len(b.occ)):
        if options.max_company_moves is not None:
            m.add(company_moves(b, d) <= options.max_company_moves)
        if options.day_minutes is not None:
            m.add(_day_length(b, d) <= round(options.day_minutes * TENTHS))
