"""Schedule optimizer: benchmark optima, DOOD, baseline, diagnosis, stability, determinism."""

from __future__ import annotations

import json

import pytest

from greenlight.cli import main
from tools.schedule import (
    CastMember,
    ScheduleCosts,
    ScheduleOptions,
    ScheduleProblem,
    Strip,
    baseline,
    calendar_dates,
    day_out_of_days,
    evaluate,
    optimize,
)
from tools.schedule.benchmarks import benchmark_cost, read_benchmark

SMALL_TALENT = ["tiny", "tiny2", "small", "small2", "film-10", "film-12"]
SMALL_MSSP = ["movie5.txt", "movie10.txt"]


def _catalog(benchmarks_dir, section, name, key):
    entries = json.loads((benchmarks_dir / "catalog.json").read_text())[section]
    return next(e[key] for e in entries if e["file"].endswith("/" + name))


@pytest.mark.parametrize("name", SMALL_TALENT)
def test_talent_optimum_proven(benchmarks_dir, name):
    problem = read_benchmark(benchmarks_dir / "talent" / name, "talent")
    result = optimize(problem)
    expected = _catalog(benchmarks_dir, "talent_scheduling", name, "optimal_total_cost")
    assert result.status == "optimal"
    assert benchmark_cost("talent", result) == expected


@pytest.mark.parametrize("name", SMALL_MSSP)
def test_mssp_optimum_proven(benchmarks_dir, name):
    problem = read_benchmark(benchmarks_dir / "mssp" / name, "mssp")
    result = optimize(problem)
    assert result.status == "optimal"
    assert benchmark_cost("mssp", result) == _catalog(
        benchmarks_dir, "movie_shoot_scheduling", name, "optimal_cost"
    )


def _strip(sid, cast=(), eighths=8, loc="A", night=False, **kw):
    return Strip(
        id=sid,
        cast=list(cast),
        eighths=eighths,
        main_location=loc,
        lighting="NIGHT" if night else "DAY",
        **kw,
    )


def _codes(days, strips, gap=None):
    problem = ScheduleProblem(
        strips=strips,
        cast=[CastMember(name="MAYA", day_rate=100)],
        options=ScheduleOptions(drop_min_gap=gap),
    )
    return day_out_of_days(problem, evaluate(problem, days)).rows[0]


@pytest.mark.parametrize(
    ("maya_days", "n_days", "gap", "codes", "hold", "drop"),
    [
        ([0], 1, None, ["SWF"], 0, 0),
        ([0, 2], 3, None, ["SW", "H", "WF"], 1, 0),
        ([0, 1, 2], 3, None, ["SW", "W", "WF"], 0, 0),
        ([0, 3], 4, 2, ["SW", "D", "D", "WF"], 0, 2),
        ([1, 3], 4, None, ["", "SW", "H", "WF"], 1, 0),
        ([], 2, None, ["", ""], 0, 0),
    ],
)
def test_dood_codes(maya_days, n_days, gap, codes, hold, drop):
    strips = [_strip(str(d), ["MAYA"] if d in maya_days else []) for d in range(n_days)]
    row = _codes([[str(d)] for d in range(n_days)], strips, gap)
    assert (row.codes, row.hold_days, row.drop_days) == (codes, hold, drop)


def test_dood_agrees_with_cast_cost():
    problem = ScheduleProblem(
        strips=[_strip("1", ["MAYA"]), _strip("2"), _strip("3", ["MAYA"])],
        cast=[CastMember(name="MAYA", day_rate=100)],
    )
    result = evaluate(problem, [["1"], ["2"], ["3"]])
    row = day_out_of_days(problem, result).rows[0]
    assert result.cost.cast_work == 100 * row.work_days
    assert result.cost.cast_hold == 100 * row.hold_days


def test_baseline_packs_script_order_by_capacity():
    strips = [
        _strip("1", eighths=20),
        _strip("2", eighths=10),
        _strip("3", eighths=8),
        _strip("4", eighths=30),
        _strip("5", eighths=2),
    ]
    problem = ScheduleProblem(
        strips=strips,
        costs=ScheduleCosts(crew_day=1000),
        options=ScheduleOptions(capacity_eighths=32),
    )
    result = baseline(problem)
    assert [d.strips for d in result.days] == [["1", "2"], ["3"], ["4", "5"]]
    assert result.method == "baseline" and result.cost.crew_days == 3000


def _infeasible(**opts):
    strips = [_strip("1", ["MAYA"], 16), _strip("2", eighths=16), _strip("3", eighths=16)]
    cast = [CastMember(name="MAYA", day_rate=10, unavailable_days=opts.pop("off", []))]
    problem = ScheduleProblem(
        strips=strips, cast=cast, options=ScheduleOptions(time_limit_s=5, **opts)
    )
    return optimize(problem)


@pytest.mark.parametrize(
    ("opts", "words"),
    [
        ({"max_days": 1}, "need at least 2 shooting days"),
        ({"pinned": {"1": 0}, "off": [0]}, "Scene 1 is pinned to day 1, but MAYA"),
        ({"off": [0, 1, 2], "max_days": 3}, "Scene 1 needs MAYA, who is unavailable"),
        ({"precedences": [("1", "2"), ("2", "1")]}, "cycle (1 before 2 before 1)"),
        ({"pinned": {"1": 0, "2": 0, "3": 0}}, "Day 1 has pinned scenes 1, 2, 3"),
    ],
)
def test_infeasibility_is_diagnosed(opts, words):
    result = _infeasible(**opts)
    assert result.status == "infeasible"
    assert any(words in sentence for sentence in result.diagnosis), result.diagnosis


def _feature(n=12):
    strips = [
        _strip(
            str(i),
            [f"C{i % 5}", f"C{(i * 3) % 7}"],
            eighths=4 + (i % 4) * 4,
            loc=f"L{i % 4}",
            night=i % 5 == 0,
        )
        for i in range(n)
    ]
    cast = [CastMember(name=f"C{i}", day_rate=500 + 100 * i) for i in range(7)]
    costs = ScheduleCosts(crew_day=10000, company_move=2000, default_location_setup=1500)
    return ScheduleProblem(
        strips=strips, cast=cast, costs=costs, options=ScheduleOptions(time_limit_s=3)
    )


def test_optimize_beats_baseline_and_is_deterministic():
    problem = _feature()
    first, second = optimize(problem), optimize(problem)
    assert first.cost.total < baseline(problem).cost.total
    assert [d.strips for d in first.days] == [d.strips for d in second.days]
    assert first.bound is not None and first.bound <= first.cost.total + 1e-6


def test_replan_moves_few_strips_and_keeps_frozen_days():
    problem = _feature()
    before = optimize(problem)
    strips = [s.model_copy(update={"eighths": 6}) if s.id == "3" else s for s in problem.strips]
    changed = problem.model_copy(update={"strips": strips})
    after = optimize(changed, previous=before, move_cost=5000, frozen_days=[0])
    assert after.days[0].strips == before.days[0].strips
    assert len(after.moved_strips) <= 3
    assert after.cost.stability == 5000 * len(after.moved_strips)


def test_calendar_skips_weekends_and_days_off():
    dates = calendar_dates("2025-03-03", 7, work_days_per_week=5, days_off=["2025-03-05"])
    assert [d.isoformat() for d in dates] == [
        "2025-03-03",
        "2025-03-04",
        "2025-03-06",
        "2025-03-07",
        "2025-03-10",
        "2025-03-11",
        "2025-03-12",
    ]
    assert len(calendar_dates("2025-03-03", 12, work_days_per_week=6)) == 12


def test_stripboard_days_carry_calendar_dates_on_six_day_weeks():
    strips = [_strip(str(i), eighths=32) for i in range(1, 9)]
    problem = ScheduleProblem(
        strips=strips,
        costs=ScheduleCosts(crew_day=1000),
        options=ScheduleOptions(
            capacity_eighths=32,
            start_date="2025-03-03",
            work_days_per_week=6,
            days_off=["2025-03-05"],
        ),
    )
    for result in (baseline(problem), optimize(problem)):
        assert [d.date for d in result.days] == [
            "2025-03-03",
            "2025-03-04",
            "2025-03-06",
            "2025-03-07",
            "2025-03-08",
            "2025-03-10",
            "2025-03-11",
            "2025-03-12",
        ]
    assert all(
        d.date is None
        for d in baseline(
            problem.model_copy(update={"options": ScheduleOptions(capacity_eighths=32)})
        ).days
    )


def test_cli_json_on_small_instance(benchmarks_dir, capsys):
    code = main(["solve", str(benchmarks_dir / "talent" / "small"), "--format", "talent", "--json"])
    answer = json.loads(capsys.readouterr().out)
    assert code == 0 and answer["cost"] == 54 and answer["status"] == "optimal"
    assert sorted(answer["order"]) == list(range(6))


def test_too_few_days_for_the_sites_is_diagnosed():
    # Three sites and no company move allowed: one site a day, so three days at least.
    strips = [_strip(str(i), eighths=2, loc=f"SITE {i}") for i in range(1, 4)]
    problem = ScheduleProblem(
        strips=strips,
        options=ScheduleOptions(time_limit_s=5, max_days=2, max_company_moves=0, day_minutes=720),
    )
    result = optimize(problem)
    assert result.status == "infeasible"
    assert any(
        "at 3 sites" in s and "at least 3 shooting days" in s and "allow 1 move a day" in s
        for s in result.diagnosis
    ), result.diagnosis
