"""Answers a producer asks in their own words: the sorted board in the savings, the cost per
page, why the dearest day costs what it does, the days with moves and nights, the longest
day by hours. Each figure is checked against the plan's own records."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from tools.parsing import read_path
from tools.plan import Plan, PlanInputs, make_plan
from tools.queries import Query, answer
from tools.queries.board import days_words

Record = dict[str, Any]


@pytest.fixture(scope="module")
def planned(screenplays_dir: Path) -> tuple[Plan, Record]:
    script = read_path(screenplays_dir / "national-stupidity.fdx")
    plan = make_plan(script, PlanInputs(time_limit_s=5))
    return plan, plan.model_dump(mode="json")


def _money(text: str) -> list[float]:
    return [float(m.replace(",", "")) for m in re.findall(r"\$([\d,]+)", text)]


def test_the_savings_name_the_sorted_board_too(planned: tuple[Plan, Record]) -> None:
    plan, record = planned
    assert plan.sorted_board is not None and plan.budget is not None
    got = answer(record, Query(kind="savings"))
    sorted_likely = float(plan.sorted_board.budget.likely)
    assert got.facts["sorted_budget"] == pytest.approx(sorted_likely, abs=0.01)
    days = len(plan.sorted_board.schedule.days)
    assert f"sorted board an AD would make ({days} day" in got.text
    # The table's amounts are money as the budget writes it, not raw floats.
    assert all(str(row["amount"]).startswith(("$", "-$")) for row in got.rows)


def test_cost_per_page_is_the_budget_over_the_pages(planned: tuple[Plan, Record]) -> None:
    plan, record = planned
    assert plan.budget is not None
    got = answer(record, Query(kind="average", measure="page_cost"))
    eighths = sum(s.eighths for s in plan.problem.strips)
    expected = float(plan.budget.likely) * 8 / eighths
    assert got.facts["value"] == pytest.approx(expected, abs=0.01)
    assert _money(got.text)[0] == pytest.approx(round(expected), abs=1)


def test_the_dearest_day_says_what_it_is_made_of(planned: tuple[Plan, Record]) -> None:
    _, record = planned
    got = answer(record, Query(kind="rank", measure="day_cost"))
    day = int(got.facts["name"].split()[-1]) - 1
    parts = answer(record, Query(kind="day", day=day, aspect="cost"))
    assert "Most of it:" in got.text
    shown = _money(got.text.split("Most of it:")[1])
    # The three biggest parts, dearest first, and together no more than the day's cost.
    assert shown == sorted(shown, reverse=True) and 1 <= len(shown) <= 3
    assert sum(shown) <= parts.facts["cost"] + len(shown)


def test_counts_of_moves_and_nights_name_their_days(planned: tuple[Plan, Record]) -> None:
    plan, record = planned
    moves = answer(record, Query(kind="total", measure="moves"))
    moving = [i for i, d in enumerate(plan.schedule.days) if d.company_moves]
    assert moves.facts["value"] == sum(d.company_moves for d in plan.schedule.days)
    assert moving and moves.text.endswith(f", on {days_words(moving)}.")
    nights = answer(record, Query(kind="total", measure="nights"))
    night_days = [i for i, d in enumerate(plan.schedule.days) if d.lighting != "DAY"]
    assert nights.facts["value"] == len(night_days)
    assert night_days and nights.text.endswith(f": {days_words(night_days)}.")


def test_the_longest_day_is_by_hours_and_the_moves_ranking_by_moves(
    planned: tuple[Plan, Record],
) -> None:
    plan, record = planned
    longest = answer(record, Query(kind="rank", measure="minutes"))
    minutes = [round(d.day_minutes or 0) for d in plan.schedule.days]
    assert longest.facts["value"] == max(minutes)
    top = max(minutes)
    assert f"{top // 60} h {top % 60:02d} min" in longest.text
    most = answer(record, Query(kind="rank", measure="moves"))
    assert most.facts["value"] == max(d.company_moves for d in plan.schedule.days)


def test_held_more_than_n_days_lists_everyone_above(planned: tuple[Plan, Record]) -> None:
    plan, record = planned
    assert plan.dood is not None
    holds = {r.name: r.hold_days for r in plan.dood.rows}
    for over in (0, 1, 3):
        got = answer(record, Query(kind="rank", measure="hold", over=over))
        assert sorted(got.facts["names"]) == sorted(n for n, h in holds.items() if h > over)
        assert f"more than {over} day" in got.text


def test_revisited_sites_are_those_whose_days_break(planned: tuple[Plan, Record]) -> None:
    plan, record = planned
    got = answer(record, Query(kind="total", measure="revisits"))
    days_at: dict[str, list[int]] = {}
    site = {s.scene: s.site for s in plan.sites}
    for i, day in enumerate(plan.schedule.days):
        for strip in dict.fromkeys(site.get(sid, sid) for sid in day.strips):
            days_at.setdefault(strip, []).append(i)
    broken = [s for s, d in days_at.items() if d != list(range(d[0], d[-1] + 1))]
    assert got.facts["value"] == len(broken)
    for name in broken[:8]:
        assert name in got.text


def test_a_site_left_and_come_back_to_is_a_revisit() -> None:
    strips = [{"id": str(i), "site": site} for i, site in enumerate("AABAC")]
    days = [{"strips": ["0"]}, {"strips": ["1", "2"]}, {"strips": ["3"]}, {"strips": ["4"]}]
    record = {"problem": {"strips": strips}, "schedule": {"days": days}}
    got = answer(record, Query(kind="total", measure="revisits"))
    # A: days 1, 2 and 3 run together; B: day 2 alone; C: day 4 alone -> no revisit.
    assert got.facts["value"] == 0
    days.append({"strips": ["0"]})
    strips[0]["site"] = "B"
    got = answer(record, Query(kind="total", measure="revisits"))
    # B now on days 1, 2 and 5: a revisit; A on days 2 and 3 only.
    assert got.facts["value"] == 1 and "B (days 1-2 and 5)" in got.text


def test_who_is_in_the_most_scenes_counts_scenes(planned: tuple[Plan, Record]) -> None:
    plan, record = planned
    got = answer(record, Query(kind="rank", measure="cast_scenes"))
    counts: dict[str, int] = {}
    for strip in plan.problem.strips:
        for name in set(strip.cast):
            counts[name] = counts.get(name, 0) + 1
    assert got.facts["value"] == max(counts.values())
    assert got.facts["name"] in {n for n, v in counts.items() if v == max(counts.values())}


def test_when_is_a_cast_member_free_names_the_days_off(planned: tuple[Plan, Record]) -> None:
    plan, record = planned
    assert plan.dood is not None
    for row in plan.dood.rows:
        got = answer(record, Query(kind="cast", cast=row.name, aspect="free"))
        working = {d for d, code in enumerate(row.codes) if code in {"SW", "W", "WF", "SWF"}}
        off = [d for d in range(len(plan.schedule.days)) if d not in working]
        if off:
            assert got.text.startswith(f"{row.name} is not working on {days_words(off)}")
        else:
            assert got.text == f"{row.name} works every shooting day."


def test_is_someone_working_or_held_on_a_day_is_answered_yes_or_no(
    planned: tuple[Plan, Record],
) -> None:
    plan, record = planned
    assert plan.dood is not None
    seen = set()
    for row in plan.dood.rows:
        for day, code in enumerate(row.codes):
            work = answer(record, Query(kind="cast", cast=row.name, day=day, aspect="on_day"))
            held = answer(record, Query(kind="cast", cast=row.name, day=day, aspect="held_on_day"))
            on_set = code in {"SW", "W", "WF", "SWF"}
            assert work.text.startswith("Yes:" if on_set else "No:")
            assert held.text.startswith("Yes:" if code == "H" else "No:")
            free = answer(record, Query(kind="cast", cast=row.name, day=day, aspect="free_on_day"))
            assert free.text.startswith("No:" if on_set else "Yes:")  # held: paid, not called
            if on_set:
                scenes = [
                    s for s in plan.schedule.days[day].strips
                    if row.name in next(x.cast for x in plan.problem.strips if x.id == s)
                ]  # fmt: skip
                assert f"day {day + 1}" in work.text and all(s in work.text for s in scenes)
            seen.add("work" if on_set else code or "off")
    assert {"work", "off"} <= seen  # both answers were asked for
