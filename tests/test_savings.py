"""Each savings analysis on crafted cases where the right answer is known."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tools.budget import Budget, compute_budget
from tools.budget.days import RELOCATED
from tools.ratecard import parse_rate_card
from tools.savings import (
    Step,
    cluster_days,
    clustering_report,
    pack_days,
    relocate,
    scale_crew,
    stunt_candidates,
    waterfall,
)
from tools.schedule.model import (
    Dood,
    DoodRow,
    ScheduleOptions,
    ScheduleProblem,
    ScheduleResult,
    ShootDay,
    Strip,
)


def _strip(sid: str, where: str, eighths: int = 8, **extra) -> Strip:
    return Strip(id=sid, main_location=where, eighths=eighths, **extra)


def _problem(*strips: Strip, capacity: int = 16) -> ScheduleProblem:
    return ScheduleProblem(strips=list(strips), options=ScheduleOptions(capacity_eighths=capacity))


def test_clustering_groups_locations_and_counts_what_it_saves() -> None:
    # Script order alternates A/B: every day has a move and each location is revisited.
    problem = _problem(*[_strip(str(i), "AB"[i % 2]) for i in range(8)])
    baseline = pack_days(problem.strips, capacity_eighths=16)
    assert baseline == [["0", "1"], ["2", "3"], ["4", "5"], ["6", "7"]]
    clustered = cluster_days(problem)
    assert clustered == [["0", "2"], ["4", "6"], ["1", "3"], ["5", "7"]]
    report = clustering_report(problem, baseline, clustered)
    # Baseline: a move every day; A and B are both there every day, so one visit block each.
    # Clustered: no moves, still one visit block per location.
    assert (report.baseline_moves, report.clustered_moves, report.moves_saved) == (4, 0, 4)
    assert (report.baseline_visits, report.clustered_visits, report.visits_saved) == (2, 2, 0)


def test_clustering_saves_revisits() -> None:
    problem = _problem(_strip("1", "A", 16), _strip("2", "B", 16), _strip("3", "A", 16))
    base = pack_days(problem.strips, capacity_eighths=16)
    report = clustering_report(problem, base, cluster_days(problem))
    assert cluster_days(problem) == [["1"], ["3"], ["2"]]
    assert (report.baseline_visits, report.clustered_visits) == (3, 2)


def test_packing_keeps_day_and_night_apart_and_long_scenes_alone() -> None:
    strips = [
        _strip("1", "A", 4),
        _strip("2", "A", 4, lighting="NIGHT"),
        _strip("3", "A", 40),
        _strip("4", "A", 4),
    ]
    assert pack_days(strips, capacity_eighths=16) == [["1"], ["2"], ["3"], ["3"], ["3"], ["4"]]
    assert pack_days(strips[:2], capacity_eighths=16, allow_split_days=True) == [["1", "2"]]


def test_day_scenes_come_before_night_scenes_when_clustering() -> None:
    problem = _problem(
        _strip("1", "A", 4, lighting="NIGHT"), _strip("2", "B", 4), _strip("3", "A", 4)
    )
    assert cluster_days(problem) == [["3", "2"], ["1"]]


@pytest.mark.parametrize(
    ("need", "premium", "core", "players"),
    [
        ([2, 2, 2, 2, 6], "0.2", 2, [0, 0, 0, 0, 4]),  # one peak day: hire day players
        ([3, 3, 1], "0.2", 1, [2, 2, 0]),  # 1 x 3 + 4 x 1.2 = 7.8 < 2 x 3 + 2 x 1.2 = 8.4
        ([4, 4, 4], "0.2", 4, [0, 0, 0]),  # flat need: flat crew
        ([0, 0, 3], "0", 0, [0, 0, 3]),  # no premium: pay only the day
        ([1, 5, 5, 5, 5], "0.5", 5, [0, 0, 0, 0, 0]),  # peaks most days: carry them
        ([0, 0, 0], "0.2", 0, [0, 0, 0]),
    ],
)
def test_department_scaling_lp(need, premium, core, players) -> None:
    plan = scale_crew({"grip": need}, {"grip": Decimal(100)}, premium=Decimal(premium))
    dept = plan.departments[0]
    assert (dept.core, dept.day_players) == (core, players)
    assert all(dept.core + p >= n for p, n in zip(dept.day_players, need, strict=True))
    # Never dearer than the flat crew (busiest day's need every day).
    cost = (
        dept.core * len(need)
        + Decimal(premium + "0") * 0
        + sum(dept.day_players) * (1 + Decimal(premium))
    )
    assert cost <= max(need) * len(need)


def test_department_scaling_rejects_bad_input() -> None:
    with pytest.raises(ValueError, match="'grip'"):
        scale_crew({"grip": [1]}, {}, premium=Decimal(0))
    with pytest.raises(ValueError, match="negative"):
        scale_crew({"grip": [-1]}, {"grip": Decimal(1)}, premium=Decimal(0))


CARD = parse_rate_card(
    """kind,key,applies_to,description,unit,rate,qty,low,high,notes
cast,lead,,,day,1000,,,,
cast,supporting,,,day,500,,,,
cast,day_player,,,day,200,,,,
crew,camera,always,,person-day,100,2,,,
location,practical,,,day,400,,,,
location,street,,,day,3000,,,,
location,stage,,,day,900,,,,
location,backlot,,,day,800,,,,
move,company_move,,,move,1000,,,,
specialty,public_stunt,,Closure,scene,5000,,,,
specialty,stage_set_build,,Set build,scene,1500,,,,
fringe,cast,,,percent,0,,,,
fringe,crew,,,percent,0,,,,
contingency,total,,,percent,0,,,,
"""
)


def test_stunt_candidates_priced_exactly_and_never_applied() -> None:
    problem = _problem(
        _strip("1", "HOUSE"),
        _strip("2", "BRIDGE", flags=["stunts"], int_ext="EXT"),
        _strip("3", "HOUSE", flags=["stunts"]),  # a private place: not a candidate
    )
    result = ScheduleResult(
        status="feasible",
        days=[ShootDay(index=0, strips=["1", "2"]), ShootDay(index=1, strips=["3"])],
    )
    dood = Dood(days=2, rows=[DoodRow(name="X", codes=["SWF", ""])])

    def total(p: ScheduleProblem) -> Decimal:
        return compute_budget(p, result, dood, CARD).likely

    found = stunt_candidates(problem, total)
    assert [c.scene for c in found] == ["2"]
    # Moving scene 2: street fee 3000 + closure 5000 go; stage 900 + set build 1500 come.
    # The move HOUSE -> BRIDGE becomes HOUSE -> STAGE: still one move.
    assert found[0].saving == Decimal(3000 + 5000 - 900 - 1500)
    assert found[0].kind == "street" and "BRIDGE" in found[0].traded_away
    assert "stunts" in problem.strips[1].flags and RELOCATED not in problem.strips[1].flags


def test_relocate_copies_and_names_unknown_scenes() -> None:
    problem = _problem(_strip("2", "BRIDGE", flags=["stunts"], int_ext="EXT"))
    moved = relocate(problem, ["2"])
    assert moved.strips[0].main_location == "STAGE" and moved.strips[0].int_ext == "INT"
    assert RELOCATED in moved.strips[0].flags
    assert problem.strips[0].main_location == "BRIDGE"
    with pytest.raises(ValueError, match="'99'"):
        relocate(problem, ["99"])


def _budget(likely: str) -> Budget:
    return Budget(likely=Decimal(likely), total=Decimal(likely))


def test_waterfall_adds_up_exactly_to_the_cent() -> None:
    base = _budget("1000000.01")
    steps = [
        Step(analysis=name, budget=_budget(v), detail="")
        for name, v in [
            ("a", "950000.37"),
            ("b", "951000.00"),
            ("c", "900000.10"),
            ("d", "899999.99"),
        ]
    ]
    savings = waterfall(base, steps)
    assert [s.amount for s in savings] == [
        Decimal("49999.64"),
        Decimal("-999.63"),
        Decimal("50999.90"),
        Decimal("0.11"),
    ]
    assert sum(s.amount for s in savings) == base.likely - steps[-1].budget.likely
    assert savings[1].before == Decimal("950000.37") and savings[1].after == Decimal("951000.00")
