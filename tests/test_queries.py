"""The query tools on real screenplays, each answer checked against the plan's own records."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tools.parsing import read_path
from tools.plan import Plan, PlanInputs, make_plan
from tools.queries import Query, answer, versions_answer

Record = dict[str, Any]


@pytest.fixture(scope="module", params=["national-stupidity.fdx", "the-library-freak-out.fountain"])
def planned(request: pytest.FixtureRequest, screenplays_dir: Path) -> tuple[Plan, Record, Record]:
    script = read_path(screenplays_dir / request.param)
    plan = make_plan(script, PlanInputs(time_limit_s=5))
    return plan, plan.model_dump(mode="json"), script.model_dump(mode="json")


def test_day_lists_the_boards_scenes_cast_and_pages(planned: tuple[Plan, Record, Record]) -> None:
    plan, record, script = planned
    strips = {s.id: s for s in plan.problem.strips}
    for index, day in enumerate(plan.schedule.days):
        got = answer(record, Query(kind="day", day=index), script=script)
        assert got.facts["scenes"] == day.strips
        assert got.facts["pages"] == pytest.approx(day.eighths / 8, abs=1e-3)
        assert set(got.facts["cast"]) == {c for sid in day.strips for c in strips[sid].cast}
        assert [row["scene"] for row in got.rows] == day.strips
        assert f"Day {index + 1}" in got.text


def test_day_costs_share_out_every_day_based_line(planned: tuple[Plan, Record, Record]) -> None:
    plan, record, script = planned
    assert plan.budget is not None
    costs = [
        answer(record, Query(kind="day", day=d, aspect="cost"), script=script).facts["cost"]
        for d in range(len(plan.schedule.days))
    ]
    day_lines = sum(float(line.amount) for line in plan.budget.lines if line.days)
    assert sum(costs) == pytest.approx(day_lines, abs=0.05 * len(costs))


def test_a_days_length_is_said_in_minutes_and_hours(planned: tuple[Plan, Record, Record]) -> None:
    plan, record, script = planned
    day = plan.schedule.days[0]
    got = answer(record, Query(kind="day", day=0, aspect="minutes"), script=script)
    minutes = round(day.day_minutes or 0)
    assert f"{minutes} minutes" in got.text
    assert f"({minutes // 60} h {minutes % 60:02d} min)" in got.text


def test_dated_boards_say_the_date_beside_the_day(planned: tuple[Plan, Record, Record]) -> None:
    plan, record, script = planned
    dated = {**record, "schedule": {**record["schedule"], "days": [
        {**day, "date": "2027-03-01" if i == 0 else None}
        for i, day in enumerate(record["schedule"]["days"])
    ]}}  # fmt: skip
    assert "Day 1 (Monday 1 March 2027)" in answer(dated, Query(kind="day", day=0)).text
    first = plan.schedule.days[0].strips[0]
    scene = answer(dated, Query(kind="scene", scene=first), script=script).text
    assert "(Monday 1 March 2027)" in scene
    assert "(" not in answer(record, Query(kind="day", day=0)).text.split(":")[0]
    when = answer(dated, Query(kind="day", day=0, aspect="date")).text
    assert when == "Day 1 (Monday 1 March 2027) is the 1st shooting day."
    undated = answer(record, Query(kind="day", day=0, aspect="date")).text
    assert "no start date" in undated and "we start shooting on" in undated
    n = len(plan.schedule.days)
    wrap = answer(record, Query(kind="day", day=-1, aspect="date")).text
    assert wrap.startswith(f"We wrap on day {n}: the plan has no start date")


def test_a_day_past_the_board_is_named_as_missing(planned: tuple[Plan, Record, Record]) -> None:
    plan, record, _ = planned
    got = answer(record, Query(kind="day", day=len(plan.schedule.days) + 3))
    assert not got.found
    assert f"{len(plan.schedule.days)} shooting days" in got.text


def test_every_scene_is_on_its_day_with_its_cast(planned: tuple[Plan, Record, Record]) -> None:
    plan, record, script = planned
    for strip in plan.problem.strips:
        days = [d.index + 1 for d in plan.schedule.days if strip.id in d.strips]
        got = answer(record, Query(kind="scene", scene=strip.id), script=script)
        assert got.facts["days"] == days and got.facts["day"] == days[0]
        assert got.facts["cast"] == strip.cast
        assert f"day{'s' if len(days) > 1 else ''} {days[0]}" in got.text


def test_unknown_scene_is_not_found(planned: tuple[Plan, Record, Record]) -> None:
    _, record, script = planned
    got = answer(record, Query(kind="scene", scene="999Z"), script=script)
    assert not got.found and "no scene 999Z" in got.text


def test_cast_days_and_cost_match_the_dood_and_budget(planned: tuple[Plan, Record, Record]) -> None:
    plan, record, _ = planned
    assert plan.dood is not None and plan.budget is not None
    for row in plan.dood.rows:
        got = answer(record, Query(kind="cast", cast=row.name))
        assert got.facts["name"] == row.name
        assert got.facts["work_days"] == row.work_days
        assert got.facts["hold_days"] == row.hold_days
        assert got.facts["start_day"] == (row.start_day + 1 if row.start_day is not None else None)
        lines = [
            ln for ln in plan.budget.lines_of("1300") if ln.description.startswith(row.name + " (")
        ]
        assert got.facts["cost"] == pytest.approx(sum(float(ln.amount) for ln in lines))


def test_one_tier_of_the_cast_is_those_the_budget_pays_at_it(
    planned: tuple[Plan, Record, Record],
) -> None:
    plan, record, _ = planned
    assert plan.dood is not None
    whole = answer(record, Query(kind="cast"))
    seen: list[str] = []
    for tier in ("lead", "supporting", "day_player"):
        got = answer(record, Query(kind="cast", tier=tier))
        want = [r.name for r in plan.dood.rows if plan.tiers.get(r.name, "day_player") == tier]
        shown = got.facts["tier"]
        if not want:
            # Nobody in the tier asked: said so, then the first tier below with anyone.
            assert got.text.startswith("No one in the cast is paid as a")
            below = ["lead", "supporting", "day_player"].index(tier) + 1
            assert shown in ["lead", "supporting", "day_player"][below:] or not got.facts["cast"]
        else:
            assert shown == tier
        expect = [r.name for r in plan.dood.rows if plan.tiers.get(r.name, "day_player") == shown]
        assert got.facts["cast"] == expect and got.facts["count"] == len(expect)
        assert all(row["tier"] == str(shown).replace("_", " ") for row in got.rows)
        seen += want
    assert sorted(seen) == sorted(whole.facts["cast"])


def test_cast_by_first_name_and_unknown_names(planned: tuple[Plan, Record, Record]) -> None:
    plan, record, _ = planned
    assert plan.dood is not None
    name = plan.dood.rows[0].name
    assert answer(record, Query(kind="cast", cast=name.split()[0].lower())).facts["name"] == name
    missing = answer(record, Query(kind="cast", cast="ZEBEDEE"))
    assert not missing.found and "Nobody called ZEBEDEE" in missing.text


def test_accounts_and_lines_match_the_top_sheet(planned: tuple[Plan, Record, Record]) -> None:
    plan, record, _ = planned
    assert plan.budget is not None
    cast = answer(record, Query(kind="account", account="cast"))
    assert cast.facts["total"] == pytest.approx(float(plan.budget.account("1300").total))
    catering = answer(record, Query(kind="account", account="catering"))
    assert catering.facts["code"] == "2600"
    whole = answer(record, Query(kind="account"))
    assert whole.facts["likely"] == pytest.approx(float(plan.budget.likely))
    assert len(whole.rows) == len(plan.budget.accounts)
    assert not answer(record, Query(kind="account", account="unicorns")).found


def test_totals_count_the_plan(planned: tuple[Plan, Record, Record]) -> None:
    plan, record, _ = planned
    strips = plan.problem.strips
    expected = {
        "days": len(plan.schedule.days),
        "scenes": len(strips),
        "pages": round(sum(s.eighths for s in strips) / 8, 3),
        "moves": sum(d.company_moves for d in plan.schedule.days),
        "nights": sum(d.lighting != "DAY" for d in plan.schedule.days),
        "cast": len(plan.dood.rows) if plan.dood else 0,
    }
    for measure, value in expected.items():
        assert answer(record, Query(kind="total", measure=measure)).facts["value"] == value


@pytest.mark.parametrize(
    ("days", "week", "words"),
    [
        (38, 5, "The plan shoots in 38 days: 7 weeks and 3 days of 5-day weeks."),
        (12, 6, "The plan shoots in 12 days: 2 weeks of 6-day weeks."),
        (4, 5, "The plan shoots in 4 days."),
    ],
)
def test_the_days_total_says_the_weeks(
    planned: tuple[Plan, Record, Record], days: int, week: int, words: str
) -> None:
    _, record, _ = planned
    problem = record["problem"]
    shaped = {
        **record,
        "schedule": {
            **record["schedule"],
            "days": [{"index": i, "strips": []} for i in range(days)],
        },
        "problem": {**problem, "options": {**problem["options"], "work_days_per_week": week}},
    }
    assert answer(shaped, Query(kind="total", measure="days")).text == words


def test_rankings_pick_the_largest(planned: tuple[Plan, Record, Record]) -> None:
    plan, record, _ = planned
    assert plan.budget is not None
    biggest = max(plan.budget.accounts, key=lambda a: a.total)
    got = answer(record, Query(kind="rank", measure="account"))
    assert got.facts["name"] == biggest.name
    costs = [
        answer(record, Query(kind="day", day=d)).facts["cost"]
        for d in range(len(plan.schedule.days))
    ]
    dearest = answer(record, Query(kind="rank", measure="day_cost"))
    assert dearest.facts["value"] == pytest.approx(max(costs))
    cheapest = answer(record, Query(kind="rank", measure="day_cost", least=True))
    assert cheapest.facts["value"] == pytest.approx(min(costs))


def test_a_ranking_of_several_lists_that_many_in_order(
    planned: tuple[Plan, Record, Record],
) -> None:
    """'the three most expensive days': three days, dearest first, each with its cost."""
    plan, record, _ = planned
    cost = {
        f"day {d + 1}": answer(record, Query(kind="day", day=d)).facts["cost"]
        for d in range(len(plan.schedule.days))
    }
    ranked = sorted(cost.values(), reverse=True)
    got = answer(record, Query(kind="rank", measure="day_cost", top=3))
    assert got.facts["values"] == pytest.approx(ranked[:3])
    assert [cost[n] for n in got.facts["names"]] == pytest.approx(ranked[:3])
    assert len(set(got.facts["names"])) == 3 == len(got.rows)
    assert got.text.startswith("The 3 most expensive days: ")
    fewest = answer(record, Query(kind="rank", measure="day_cost", top=2, least=True))
    assert [cost[n] for n in fewest.facts["names"]] == pytest.approx(sorted(cost.values())[:2])
    many = answer(record, Query(kind="rank", measure="day_cost", top=50))
    assert len(many.rows) == len(cost) and "(the plan has only" in many.text


def test_savings_are_baseline_minus_plan(planned: tuple[Plan, Record, Record]) -> None:
    plan, record, _ = planned
    assert plan.budget is not None
    got = answer(record, Query(kind="savings"))
    expected = float(plan.baseline.budget.likely - plan.budget.likely)
    assert got.facts["saving"] == pytest.approx(expected)
    assert got.facts["baseline_days"] == len(plan.baseline.schedule.days)
    assert len(got.rows) == len(plan.savings)


def test_categories_and_filters_pick_flagged_scenes(planned: tuple[Plan, Record, Record]) -> None:
    plan, record, script = planned
    for strip in plan.problem.strips:
        for flag in strip.flags:
            got = answer(record, Query(kind="category", category=flag), script=script)
            assert strip.id in got.facts["scenes"]
    nights = answer(record, Query(kind="scenes", lighting="NIGHT"), script=script)
    assert nights.facts["count"] == sum(s.lighting == "NIGHT" for s in plan.problem.strips)


def test_a_category_on_a_day_is_that_days_flagged_scenes(
    planned: tuple[Plan, Record, Record],
) -> None:
    plan, record, script = planned
    flagged = [(strip, flag) for strip in plan.problem.strips for flag in strip.flags]
    assert flagged
    day_of = {sid: d.index for d in plan.schedule.days for sid in d.strips}
    for strip, flag in flagged:
        day = day_of[strip.id]
        got = answer(record, Query(kind="category", category=flag, day=day), script=script)
        expected = {s.id for s in plan.problem.strips if flag in s.flags and day_of[s.id] == day}
        assert strip.id in got.facts["scenes"]
        assert set(got.facts["scenes"]) >= expected
        assert {day_of[sid] for sid in got.facts["scenes"]} == {day}
        assert f"on day {day + 1}" in got.text
    missing = answer(record, Query(kind="category", category="stunts", day=999), script=script)
    assert missing.found is False


def test_location_words_find_the_scenes_shot_there(planned: tuple[Plan, Record, Record]) -> None:
    plan, record, _ = planned
    strip = plan.problem.strips[0]
    word = (strip.main_location or strip.location).split()[0]
    got = answer(record, Query(kind="location", location=word.lower()))
    assert strip.id in got.facts["scenes"]


def test_versions_table_names_the_current_one() -> None:
    got = versions_answer(
        [
            {"version": 1, "label": "initial plan", "days": 20, "budget": 1e6, "current": False},
            {"version": 2, "label": "18 shooting days", "days": 18, "budget": 9e5, "current": True},
        ]
    )
    assert "version 2 is current" in got.text and "$900,000" in got.text
    assert [row["version"] for row in got.rows] == [1, 2]
    assert not versions_answer([]).found


def test_averages_are_the_plans_totals_over_its_days(planned: tuple[Plan, Record, Record]) -> None:
    plan, record, _ = planned
    assert plan.budget is not None
    n = len(plan.schedule.days)
    costs = [answer(record, Query(kind="day", day=d)).facts["cost"] for d in range(n)]
    day_cost = answer(record, Query(kind="average", measure="day_cost"))
    assert day_cost.facts["value"] == pytest.approx(sum(costs) / n, abs=0.01)
    assert day_cost.facts["days"] == n
    pages = answer(record, Query(kind="average", measure="pages"))
    assert pages.facts["value"] == pytest.approx(
        sum(d.eighths for d in plan.schedule.days) / 8 / n, abs=1e-3
    )
    moves = answer(record, Query(kind="average", measure="moves"))
    assert moves.facts["value"] == pytest.approx(
        sum(d.company_moves for d in plan.schedule.days) / n, abs=0.01
    )
    whole = answer(record, Query(kind="average", measure="budget"))
    assert whole.facts["value"] == pytest.approx(float(plan.budget.likely) / n, abs=0.01)
    catering = answer(record, Query(kind="average", measure="account", account="catering"))
    total = float(plan.budget.account("2600").total)
    assert catering.facts["value"] == pytest.approx(total / n, abs=0.01)
    assert catering.text.startswith("Catering is ") and f"over the plan's {n} days" in catering.text
    missing = answer(record, Query(kind="average", measure="account", account="unicorns"))
    assert not missing.found and "no account" in missing.text


def _held_record() -> Record:
    """Two cast members, one held 2 of 7 paid days at $5,000, one never held."""
    lines = [
        {"account": "1300", "description": "MAYA (lead)", "quantity": 7, "rate": 5000,
         "amount": 35000, "days": [0, 1, 2, 3, 4, 5, 6]},
        {"account": "1300", "description": "TOM (day player)", "quantity": 1, "rate": 1200,
         "amount": 1200, "days": [3]},
    ]  # fmt: skip
    rows = [
        {"name": "MAYA", "work_days": 5, "hold_days": 2, "drop_days": 0},
        {"name": "TOM", "work_days": 1, "hold_days": 0, "drop_days": 0},
    ]
    return {"schedule": {"days": [{"strips": []} for _ in range(7)]},
            "budget": {"lines": lines, "currency": "USD"}, "dood": {"rows": rows}}  # fmt: skip


def test_hold_costs_are_the_held_share_of_each_cast_members_pay() -> None:
    record = _held_record()
    whole = answer(record, Query(kind="hold_cost"))
    assert whole.facts == {"value": 10000.0, "hold_days": 2, "name": "MAYA"}
    assert whole.text.startswith("Holds cost $10,000: 2 hold days across 1 cast member")
    assert [r["name"] for r in whole.rows] == ["MAYA"]
    assert answer(record, Query(kind="hold_cost", cast="maya")).facts["value"] == 10000.0
    assert answer(record, Query(kind="hold_cost", cast="TOM")).facts["value"] == 0.0
    assert not answer(record, Query(kind="hold_cost", cast="BOB")).found
