"""The planning facade: make_plan, compare_plans, cuts_for_cap and `greenlight plan --json`."""

from __future__ import annotations

import json
import time
from decimal import Decimal
from pathlib import Path

import pytest

from greenlight.cli import main
from tests.builders import scene
from tools.budget import compute_budget
from tools.plan import Plan, PlanInputs, compare_plans, cuts_for_cap, make_plan
from tools.ratecard import load_rate_card
from tools.script import Script

LIMIT = 3.0


def small_script() -> Script:
    """Ten scenes over four places, a night, a crowd and two stunts at public places."""
    scenes = [
        scene(0, "HOUSE", ["MAYA", "JO"], 12),
        scene(1, "MAIN STREET", ["MAYA"], 10, ext=True, flags=("stunts", "extras")),
        scene(2, "DINER", ["JO", "SAM"], 8),
        scene(3, "HOUSE", ["MAYA"], 6),
        scene(4, "BRIDGE", ["MAYA", "SAM"], 12, ext=True, night=True, flags=("stunts",)),
        scene(5, "DINER", ["MAYA", "JO"], 10),
        scene(6, "HOUSE", ["JO"], 8, flags=("animals",)),
        scene(7, "MAIN STREET", ["SAM"], 6, ext=True),
        scene(8, "DINER", ["MAYA", "SAM", "JO"], 12, flags=("vfx",)),
        scene(9, "HOUSE", ["MAYA", "JO"], 10),
    ]
    return Script(title="Small", format="fountain", scenes=scenes, content_hash="small-v1")


@pytest.fixture(scope="module")
def plan() -> Plan:
    return make_plan(small_script(), PlanInputs(time_limit_s=LIMIT))


def test_savings_add_up_to_the_total_exactly(plan: Plan) -> None:
    assert plan.budget is not None
    names = [s.analysis for s in plan.savings]
    assert names == [
        "location_clustering",
        "optimized_schedule",
        "department_scaling",
        "stunt_relocation",
    ]
    total = plan.baseline.budget.likely - plan.budget.likely
    assert sum(s.amount for s in plan.savings) == total == plan.summary.total_saving
    for before, after in zip(plan.savings, plan.savings[1:], strict=False):
        assert before.after == after.before
    assert plan.summary.by_analysis == {s.analysis: s.amount for s in plan.savings}
    # Nothing was moved to a stage, so that analysis is credited nothing: only proposed.
    assert plan.savings[-1].amount == 0
    assert {c.scene for c in plan.stunt_candidates} == {"2", "5"}


def test_plan_budget_is_the_budget_of_its_schedule(plan: Plan) -> None:
    assert plan.dood is not None and plan.budget is not None
    again = compute_budget(
        plan.problem, plan.schedule, plan.dood, load_rate_card(), tiers=plan.tiers, crew=plan.crew
    )
    assert again == plan.budget
    assert plan.summary.days == len(plan.schedule.days)
    assert plan.summary.likely == plan.budget.likely
    assert plan.summary.baseline_days == len(plan.baseline.schedule.days)


def test_plan_round_trips_through_json(plan: Plan) -> None:
    assert Plan.model_validate_json(plan.model_dump_json()) == plan


def test_stage_move_is_credited_to_stunt_relocation() -> None:
    moved = make_plan(small_script(), PlanInputs(stage_moves=["5"], time_limit_s=LIMIT))
    assert moved.budget is not None
    stunt = moved.savings[-1]
    assert stunt.analysis == "stunt_relocation" and "5" in stunt.detail
    strip = next(s for s in moved.problem.strips if s.id == "5")
    assert strip.main_location == "STAGE"
    assert sum(s.amount for s in moved.savings) == moved.summary.total_saving


@pytest.mark.parametrize(
    ("inputs", "fragment"),
    [
        ({"pinned": {"99": 0}}, "'99'"),
        ({"unavailable": {"NOBODY": [0]}}, "'NOBODY'"),
        ({"stage_moves": ["42"]}, "'42'"),
    ],
)
def test_bad_inputs_name_the_value(inputs: dict, fragment: str) -> None:
    with pytest.raises(ValueError, match=fragment):
        make_plan(small_script(), PlanInputs(**inputs, time_limit_s=LIMIT))


def test_infeasible_is_a_plan_with_a_diagnosis() -> None:
    plan = make_plan(small_script(), PlanInputs(days=1, time_limit_s=LIMIT))
    assert plan.schedule.status == "infeasible" and plan.budget is None
    assert plan.schedule.diagnosis
    assert plan.summary.status == "infeasible"
    assert plan.baseline.budget.likely > 0


def test_replan_with_a_pin_and_compare(plan: Plan) -> None:
    day_of_3 = next(d.index for d in plan.schedule.days if "3" in d.strips)
    target = 0 if day_of_3 != 0 else 1
    new = make_plan(
        small_script(), PlanInputs(pinned={"3": target}, time_limit_s=LIMIT), previous=plan
    )
    assert any("3" in d.strips for d in new.schedule.days if d.index == target)
    diff = compare_plans(plan, new)
    moved = {m.scene for m in diff.moved}
    assert "3" in moved
    assert moved == set(new.schedule.moved_strips)
    assert diff.days_delta == len(new.schedule.days) - len(plan.schedule.days)
    assert sum(a.delta for a in diff.accounts) == diff.total_delta
    assert sum(line.delta for line in diff.lines) == diff.total_delta


def test_compare_identical_plans_is_empty(plan: Plan) -> None:
    diff = compare_plans(plan, plan)
    assert diff.moved == [] and diff.dood == [] and diff.lines == []
    assert diff.total_delta == 0


def test_cuts_for_cap_rank_and_close_the_gap(plan: Plan) -> None:
    assert plan.budget is not None
    likely = plan.budget.likely
    assert cuts_for_cap(plan, float(likely) + 1).cuts == []
    result = cuts_for_cap(plan, likely - Decimal(1000))
    assert result.gap == Decimal(1000)
    savings = [c.saving for c in result.cuts]
    assert savings == sorted(savings, reverse=True) and all(s > 0 for s in savings)
    selected = [c for c in result.cuts if c.selected]
    assert result.reachable and sum(c.saving for c in selected) >= result.gap
    assert sum(c.saving for c in selected[:-1]) < result.gap
    hopeless = cuts_for_cap(plan, 1000)
    assert not hopeless.reachable and all(c.selected for c in hopeless.cuts)
    assert hopeless.remaining == hopeless.gap - sum(c.saving for c in hopeless.cuts)


def test_cut_for_a_stunt_equals_the_stage_move_on_the_same_schedule(plan: Plan) -> None:
    assert plan.budget is not None
    cuts = cuts_for_cap(plan, 1000).cuts
    stunt = next(c for c in cuts if "scene 5 " in c.action)
    candidate = next(c for c in plan.stunt_candidates if c.scene == "5")
    assert stunt.saving == candidate.saving


def test_cli_plan_json_on_a_real_screenplay(
    screenplays_dir: Path, tmp_path: Path, monkeypatch, capsys
) -> None:
    monkeypatch.setenv("GREENLIGHT_DATA_DIR", str(tmp_path))
    path = screenplays_dir / "national-stupidity.fdx"
    assert main(["plan", str(path), "--json", "--time-limit", "3"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert {"breakdown", "schedule", "dood", "budget", "baseline", "savings", "summary"} <= set(out)
    budget = out["budget"]
    assert budget["low"] <= budget["likely"] <= budget["high"]
    assert {a["code"] for a in budget["accounts"]} >= {"1300", "2000", "4900"}
    assert len(out["breakdown"]["scenes"]) == sum(len(d["strips"]) for d in out["schedule"]["days"])
    amounts = [Decimal(str(s["amount"])) for s in out["savings"]]
    assert sum(amounts) == Decimal(str(out["summary"]["total_saving"]))
    assert (tmp_path / "cache").is_dir()
    # The readable tables from the cache.
    assert main(["plan", str(path), "--time-limit", "3"]) == 0
    text = capsys.readouterr().out
    assert "Total (likely)" in text and "department_scaling" in text


def test_cli_plan_refuses_more_scenes_than_one_plan_schedules_before_solving(
    tmp_path: Path, monkeypatch, capsys
) -> None:
    monkeypatch.setenv("GREENLIGHT_DATA_DIR", str(tmp_path))
    path = tmp_path / "epic.fountain"
    path.write_bytes(b"".join(b"INT. ROOM %d - DAY\n\nAction.\n\n" % i for i in range(1_001)))
    started = time.perf_counter()
    assert main(["plan", str(path)]) == 1
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1
    assert err.startswith("error: the script has 1,001 scenes, more than the 1,000")
    assert time.perf_counter() - started < 30  # refused before any model is built
    assert not (tmp_path / "cache").exists() or not any((tmp_path / "cache").iterdir())
