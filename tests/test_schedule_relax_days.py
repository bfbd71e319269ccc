"""The days' LP bound: exact pricing, never above a board, tight where the days decide."""

from __future__ import annotations

import itertools
import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.schedule_feature import feature_problem
from tools import schedule
from tools.schedule import CastMember, ScheduleCosts, ScheduleOptions, ScheduleProblem, Strip
from tools.schedule.prepare import prepare
from tools.schedule.relax import relaxation_bound
from tools.schedule.relax_days import applies, column_cost, column_fits, days_lp_bound
from tools.schedule.relax_price import best_day

CAST = ["ANA", "BEN", "CY", "DEE", "EVE"]


def _problem(rng: random.Random, n: int, sites: int, *, night: bool = False) -> ScheduleProblem:
    strips = [
        Strip(
            id=str(i + 1),
            main_location=f"SITE{rng.randrange(sites)}",
            set=rng.choice(["A", "B"]),
            lighting="NIGHT" if night and rng.random() < 0.4 else "DAY",
            eighths=rng.choice([2, 3, 4, 6, 8, 12, 16]),
            cast=rng.sample(CAST, rng.randint(1, 3)),
        )
        for i in range(n)
    ]
    return ScheduleProblem(
        strips=strips,
        cast=[CastMember(name=name, day_rate=rng.choice([0, 400, 2_500])) for name in CAST],
        costs=ScheduleCosts(crew_day=5_000, company_move=900, set_move=100, night_premium_day=700),
        options=ScheduleOptions(
            day_minutes=720, company_move_minutes=75, set_move_minutes=15, max_company_moves=1
        ),
    )


def _brute_best(prep, pool: list[int], prices: dict[int, float], moves: int) -> float:
    """The least reduced cost over every subset of the pool that makes a day (every site of
    a pair or triple present), by enumeration."""
    sites = sorted({prep.location[s] for s in pool})
    best = float("inf")
    for k in range(1, len(pool) + 1):
        for day in itertools.combinations(pool, k):
            present = {prep.location[s] for s in day}
            if (moves and len(present) < moves + 1) or not column_fits(prep, day):
                continue
            if not moves and sites and not present:
                continue
            best = min(best, column_cost(prep, day) - sum(prices[s] for s in day))
    return best


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 10_000), st.integers(0, 2))
def test_the_compiled_pricing_is_the_brute_force_optimum(seed: int, moves: int) -> None:
    rng = random.Random(seed)
    problem = _problem(rng, rng.randint(1, 9), moves + 1)
    problem.options.max_company_moves = max(1, moves)
    prep = prepare(problem, horizon=10)
    pool = [s for s in range(len(prep.ids)) if not prep.whole[s]]
    prices = {s: rng.uniform(0, 9_000) for s in pool}
    if len({prep.location[s] for s in pool}) < moves + 1:
        return
    found = best_day(prep, pool, prices, moves=moves, night=False)
    assert found is not None
    value, day = found.value, found.day
    expected = _brute_best(prep, pool, prices, moves)
    assert abs(value - expected) < 1e-6 or (value == expected == float("inf"))
    assert found.floor == value
    if day:
        assert column_fits(prep, day)
        assert abs(column_cost(prep, day) - sum(prices[s] for s in day) - value) < 1e-6


@st.composite
def problems(draw: st.DrawFn) -> ScheduleProblem:
    rng = random.Random(draw(st.integers(0, 10_000)))
    problem = _problem(rng, draw(st.integers(2, 8)), draw(st.integers(1, 4)), night=True)
    costs = problem.costs.model_copy(
        update={"crew_day": draw(st.sampled_from([300.0, 5_000.0])), "cast_pay": "span"}
    )
    options = problem.options.model_copy(
        update={
            "max_company_moves": draw(st.sampled_from([0, 1, 2])),
            "drop_min_gap": draw(st.sampled_from([None, 2])),
            "time_limit_s": 5.0,
            "workers": 1,
        }
    )
    return problem.model_copy(update={"costs": costs, "options": options})


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problems())
def test_the_days_lp_is_never_above_a_proven_optimum(problem: ScheduleProblem) -> None:
    result = schedule.optimize(problem)
    if result.status != "optimal":
        return
    prep = prepare(problem, horizon=len(result.days))
    assert applies(prep)
    bound = days_lp_bound(prep, seconds=30)
    assert bound is not None and bound <= result.cost.total + 1e-6


def test_the_lp_is_tight_when_the_days_decide() -> None:
    """Four short scenes at four sites with one actor: one move a day, so two days, each a
    pair of sites; the closed form's pairing is the same here, and both are the optimum."""
    strips = [
        Strip(id=str(i), main_location=f"SITE {i}", eighths=2, cast=["ANA"]) for i in range(4)
    ]
    problem = ScheduleProblem(
        strips=strips,
        cast=[CastMember(name="ANA", day_rate=1_000)],
        costs=ScheduleCosts(crew_day=3_000, company_move=500),
        options=ScheduleOptions(day_minutes=720, company_move_minutes=75, max_company_moves=1),
    )
    result = schedule.optimize(problem)
    assert result.status == "optimal" and result.cost.total == 2 * (3_000 + 500 + 1_000)
    assert days_lp_bound(prepare(problem, horizon=4), seconds=10) == result.cost.total


def test_the_lp_sees_cast_the_closed_form_cannot() -> None:
    """Two sites, each with a scene for ANA and one for BEN, two scenes a day: the closed
    form counts each actor's one work day (their two sites with a move) and the two days'
    two visits (no move) apart, but no board has both: a day per site has both actors on
    both days, a day per actor moves on both. The LP prices whole days, so it sees it."""
    strips = [
        Strip(id="1", main_location="NORTH", eighths=14, cast=["ANA"]),
        Strip(id="2", main_location="NORTH", eighths=14, cast=["BEN"]),
        Strip(id="3", main_location="SOUTH", eighths=14, cast=["ANA"]),
        Strip(id="4", main_location="SOUTH", eighths=14, cast=["BEN"]),
    ]
    problem = ScheduleProblem(
        strips=strips,
        cast=[CastMember(name=n, day_rate=2_000) for n in ["ANA", "BEN"]],
        costs=ScheduleCosts(crew_day=1_000, company_move=100),
        options=ScheduleOptions(day_minutes=720, company_move_minutes=75, max_company_moves=1),
    )
    result = schedule.optimize(problem)
    assert result.status == "optimal"
    prep = prepare(problem, horizon=4)
    lp = days_lp_bound(prep, seconds=10)
    closed = relaxation_bound(prep, days_lp=False)
    assert lp is not None and closed < lp <= result.cost.total + 1e-6


def test_the_feature_bound_repeats_and_stays_below_its_boards() -> None:
    problem = feature_problem(scenes=70, day_rules=True)
    prep = prepare(problem, horizon=40)
    board = schedule.sorted_board(problem)
    seeds = [[prep.index[sid] for sid in day.strips] for day in board.days]
    first = days_lp_bound(prep, seconds=60, seeds=seeds)
    again = days_lp_bound(prep, seconds=60, seeds=seeds)
    assert first is not None and first == again
    assert first <= board.cost.total
    # Seeds only start the LP: its bound holds without them.
    plain = days_lp_bound(prep, seconds=60)
    assert plain is not None and plain <= board.cost.total


def test_a_search_cut_short_keeps_a_valid_floor() -> None:
    rng = random.Random(5)
    problem = _problem(rng, 9, 1)
    prep = prepare(problem, horizon=10)
    pool = list(range(len(prep.ids)))
    prices = {s: rng.uniform(2_000, 9_000) for s in pool}
    exact = best_day(prep, pool, prices, moves=0, night=False)
    cut = best_day(prep, pool, prices, moves=0, night=False, max_nodes=3)
    assert exact is not None and cut is not None
    assert cut.nodes <= 4 < exact.nodes
    assert cut.floor <= exact.value <= cut.value


def test_the_lp_is_tight_with_two_moves_a_day() -> None:
    """Six short scenes at six sites with one actor, two moves a day: two days of three
    sites each, which the LP (pricing triples of sites) finds as the optimum."""
    strips = [
        Strip(id=str(i), main_location=f"SITE {i}", eighths=2, cast=["ANA"]) for i in range(6)
    ]
    problem = ScheduleProblem(
        strips=strips,
        cast=[CastMember(name="ANA", day_rate=1_000)],
        costs=ScheduleCosts(crew_day=3_000, company_move=500),
        options=ScheduleOptions(day_minutes=720, company_move_minutes=75, max_company_moves=2),
    )
    result = schedule.optimize(problem)
    assert result.status == "optimal" and result.cost.total == 2 * (3_000 + 2 * 500 + 1_000)
    assert days_lp_bound(prepare(problem, horizon=6), seconds=10) == result.cost.total
