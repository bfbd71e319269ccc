"""The CP-SAT objective: one helper per cost family, each matching `costing.cost_of` exactly."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ortools.sat.python import cp_model

from tools.schedule.costing import cast_days
from tools.schedule.cpsat import SCALE, Built
from tools.schedule.cpsat_day import company_moves, presence, set_moves, set_presence
from tools.schedule.crew_rest import day_numbers

__all__ = ["add_costs"]


def _exact_or(b: Built, literals: list, name: str) -> cp_model.IntVar:
    var = b.model.new_bool_var(name)
    b.model.add_max_equality(var, literals or [b.model.new_constant(0)])
    return var


def _add_crew_and_nights(b: Built, nights: list[cp_model.IntVar]) -> None:
    """Crew cost per used day and the night premium per day with night work."""
    costs = b.prep.problem.costs
    b.add_cost(costs.crew_day, sum(b.used))
    b.add_cost(costs.night_premium_day, sum(nights))


def _add_locations(b: Built) -> None:
    """Company moves (extra sites in a day), set moves and revisits (extra runs of days)."""
    prep, costs = b.prep, b.prep.problem.costs
    locations = sorted({loc for loc in prep.location if loc})
    move, set_move = costs.company_move, costs.set_move
    setups = any(prep.setup_cost(x) > 0 for x in locations)
    if not locations or (move <= 0 and set_move <= 0 and not setups):
        return
    presence(b)
    if set_move > 0:
        set_presence(b)
    for d in range(len(b.occ)):
        b.add_cost(move, company_moves(b, d))
        if set_move > 0:
            b.add_cost(set_move, set_moves(b, d))
    for loc in locations:
        setup = prep.setup_cost(loc)
        if setup <= 0:
            continue
        days = b.present[loc]
        runs = [days[0]]
        for d in range(1, len(days)):
            run = b.model.new_bool_var(f"run_{loc}_{d}")
            b.model.add(run >= days[d] - days[d - 1])
            runs.append(run)
        b.add_cost(setup, sum(runs))
        b.offset -= round(setup * SCALE)


def _work_literals(b: Built, a: int) -> list[cp_model.IntVar]:
    prep = b.prep
    return [
        _exact_or(b, [v for s, v in day if a in prep.cast_of[s]], f"work_{a}_{d}")
        for d, day in enumerate(b.occ)
    ]


def _add_cast_span(b: Built, a: int, rate: float) -> None:
    """Paid from the first to the last work day: rate x (last - first + 1)."""
    prep, m = b.prep, b.model
    strips = [s for s in range(len(prep.ids)) if a in prep.cast_of[s]]
    first = m.new_int_var(0, prep.horizon - 1, f"first_{a}")
    last = m.new_int_var(0, prep.horizon - 1, f"last_{a}")
    for s in strips:
        m.add(first <= b.start[s])
        m.add(last >= b.start[s] + prep.length[s] - 1)
    # Whole-day strips never share days, so their lengths bound the span from below.
    m.add(last - first + 1 >= sum(prep.length[s] for s in strips if prep.whole[s]))
    b.add_cost(rate, last - first + 1)


def _add_cast_with_drops(b: Built, a: int, rate: float, gap: int) -> None:
    """Paid on work days and on hold days inside gaps shorter than the drop rule's minimum
    (in calendar days: `crew_rest.day_numbers`)."""
    work = _work_literals(b, a)
    b.add_cost(rate, sum(work))
    horizon = len(work)
    cal = day_numbers(b.prep.problem.options, horizon)
    for d in range(1, horizon - 1):
        hold = b.model.new_bool_var(f"hold_{a}_{d}")
        for before in range(d - 1, -1, -1):
            if cal[d] - cal[before] - 1 >= gap:
                break  # any gap from here on qualifies
            for after in range(d + 1, horizon):
                if cal[after] - cal[before] - 1 >= gap:
                    break
                b.model.add(hold >= work[before] + work[after] - 1 - work[d])
        b.add_cost(rate, hold)


def _fewest_off(cal: Sequence[int], gap: int) -> int | None:
    """Fewest shooting days off in a gap of at least `gap` calendar days on this calendar
    (None: no such gap fits)."""
    fewest = None
    for p in range(len(cal)):
        n = next((n for n in range(p + 2, len(cal)) if cal[n] - cal[p] - 1 >= gap), None)
        if n is not None and (fewest is None or n - p - 1 < fewest):
            fewest = n - p - 1
    return fewest


def _limit_binds(cal: Sequence[int], gap: int, most: int | None) -> bool:
    """Whether a board on these days can give one cast member more than `most` qualifying
    gaps (each takes its days off and a work day after it, after a first one)."""
    fewest = _fewest_off(cal, gap)
    return most is not None and fewest is not None and (len(cal) - 1) // (fewest + 1) > most


def _add_cast_with_few_drops(b: Built, a: int, rate: float, gap: int, most: int) -> None:
    """Paid on work days and on every day off between two work days outside the drops: at
    most `most` runs of days off, each reaching a day at least `gap` calendar days after the
    work day before it. The solver picks the runs, and a cheapest pick is the gaps with the
    most days off that qualify, as `costing.cast_days` counts them."""
    m, work = b.model, _work_literals(b, a)
    b.add_cost(rate, sum(work))
    horizon = len(work)
    cal = day_numbers(b.prep.problem.options, horizon)
    begun = [m.new_bool_var(f"begun_{a}_{d}") for d in range(horizon)]
    going = [m.new_bool_var(f"going_{a}_{d}") for d in range(horizon)]
    dropped = [m.new_bool_var(f"dropped_{a}_{d}") for d in range(horizon)]
    starts = []
    for d in range(horizon):
        # Worked on or before d / on or after d (either may be 1 without work: dearer).
        m.add(begun[d] >= work[d])
        m.add(going[d] >= work[d])
        if d > 0:
            m.add(begun[d] >= begun[d - 1])
            m.add(going[d - 1] >= going[d])
        m.add(dropped[d] + work[d] <= 1)
        start = m.new_bool_var(f"drop_start_{a}_{d}")
        m.add(start >= dropped[d] - (dropped[d - 1] if d > 0 else 0))
        # The run goes on to the first day far enough from the day before it to pick up on.
        before = cal[d - 1] if d > 0 else cal[0] - 1
        pick_up = next((t for t in range(d, horizon) if cal[t] - before - 1 >= gap), None)
        if pick_up is None:
            m.add(start == 0)
        else:
            for t in range(d, pick_up):
                m.add_implication(start, dropped[t])
        starts.append(start)
        hold = m.new_bool_var(f"hold_{a}_{d}")
        m.add(hold >= begun[d] + going[d] - 1 - work[d] - dropped[d])
        b.add_cost(rate, hold)
    m.add(sum(starts) <= most)


def _add_cast(b: Built) -> None:
    """Cast pay: span (holds paid, drop/pick-up rule optional) or days worked."""
    prep, options = b.prep, b.prep.problem.options
    pay, gap, most = prep.problem.costs.cast_pay, options.drop_min_gap, options.max_drops
    # The board's calendar and whether the drop limit can bind on it: once per model.
    few = gap is not None and _limit_binds(day_numbers(options, len(b.occ)), gap, most)
    for a, rate in enumerate(prep.rates):
        if rate <= 0:
            continue
        mine = [s for s in range(len(prep.ids)) if a in prep.cast_of[s]]
        if all(s in b.fixed for s in mine):
            # Nothing of theirs moves (most cast in a neighbourhood search step): their pay
            # is a constant, and leaving out its model keeps the step small.
            days = [d for s in mine for d in range(b.fixed[s], b.fixed[s] + prep.length[s])]
            work, holds, _ = cast_days(
                days, gap, most, day_numbers(options, max(days, default=0) + 1)
            )
            b.offset += round(rate * (len(work) + (len(holds) if pay == "span" else 0)) * SCALE)
        elif pay == "worked":
            b.add_cost(rate, sum(_work_literals(b, a)))
        elif gap is not None and few:
            _add_cast_with_few_drops(b, a, rate, gap, most or 0)
        elif gap is not None:
            _add_cast_with_drops(b, a, rate, gap)
        else:
            _add_cast_span(b, a, rate)


def _add_turnaround(b: Built, weight: float) -> None:
    """Penalty per cast member on a day scene the day after their night scene."""
    prep, m = b.prep, b.model
    for a in range(len(prep.cast_names)):
        for d in range(len(b.occ) - 1):
            night = [v for s, v in b.occ[d] if prep.night[s] and a in prep.cast_of[s]]
            day = [v for s, v in b.occ[d + 1] if not prep.night[s] and a in prep.cast_of[s]]
            if not night or not day:
                continue
            nw, dw = m.new_bool_var(f"nw_{a}_{d}"), m.new_bool_var(f"dw_{a}_{d}")
            for v in night:
                m.add_implication(v, nw)
            for v in day:
                m.add_implication(v, dw)
            broken = m.new_bool_var(f"turnaround_{a}_{d}")
            m.add(broken >= nw + dw - 1)
            b.add_cost(weight, broken)


def _add_story_order(b: Built, weight: float) -> None:
    """Penalty per consecutive pair of script scenes shot in reverse day order."""
    horizon = b.prep.horizon
    for s in range(len(b.start) - 1):
        late = b.model.new_bool_var(f"story_{s}")
        b.model.add(b.start[s + 1] - b.start[s] + horizon * late >= 0)
        b.add_cost(weight, late)


def _add_stunt_spread(b: Built, weight: float) -> None:
    """Penalty per stunt strip beyond the first on a day."""
    for d, day in enumerate(b.occ):
        stunts = [v for s, v in day if b.prep.stunt[s]]
        if len(stunts) > 1:
            extra = b.model.new_int_var(0, len(stunts) - 1, f"stunts_{d}")
            b.model.add(extra >= sum(stunts) - 1)
            b.add_cost(weight, extra)


def _add_stability(b: Built, previous: Mapping[int, int], move_cost: float) -> None:
    """Cost per strip whose start day differs from the previous version's."""
    for s, day in previous.items():
        stay = b.x.get((s, day))
        b.add_cost(move_cost, 1 - stay if stay is not None else 1)


def add_costs(
    b: Built,
    nights: list[cp_model.IntVar],
    *,
    previous: Mapping[int, int] | None = None,
    move_cost: float = 0.0,
) -> None:
    """Every cost family into `b.terms`."""
    _add_crew_and_nights(b, nights)
    _add_locations(b)
    _add_cast(b)
    prep = b.prep
    if (weight := prep.penalty("turnaround")) > 0:
        _add_turnaround(b, weight)
    if (weight := prep.penalty("story_order")) > 0:
        _add_story_order(b, weight)
    if (weight := prep.penalty("stunt_spread")) > 0:
        _add_stunt_spread(b, weight)
    if previous and move_cost > 0:
        _add_stability(b, previous, move_cost)
