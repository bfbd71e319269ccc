"""What-ifs and going back in the middle of a shoot, through the whole graph: the shot days'
strips, the reports and the actuals survive every step; only the rest of the shoot changes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from graph.providers import ModelSet
from graph.session import Assistant, TurnResult, open_assistant
from tests.test_progress_graph import _day_scenes, _script, _settings, _turn


def _shot(result: TurnResult, days: int) -> list[list[str]]:
    """The strips of the first `days` days, each checked frozen."""
    assert result.plan is not None
    board = result.plan["schedule"]["days"][:days]
    assert [d["frozen"] for d in board] == [True] * days
    return [list(d["strips"]) for d in board]


def _hot(result: TurnResult) -> list[tuple[str, str, float]]:
    assert result.plan is not None
    lines = result.plan["progress"]["forecast"]["hot_costs"]
    return [(h["account"], h["description"], round(float(h["amount"]), 2)) for h in lines]


def _actual(result: TurnResult) -> dict[str, float]:
    """Actual to date by account (the accounts that have any)."""
    assert result.plan is not None
    rows = result.plan["progress"]["forecast"]["accounts"]
    return {r["code"]: round(float(r["actual"]), 2) for r in rows if float(r["actual"])}


def _kept(before: TurnResult, after: TurnResult, days: int) -> None:
    """`after` keeps `before`'s shot days: strips, resolved reports, hot costs, actuals."""
    assert before.plan is not None and after.plan is not None
    assert _shot(after, days) == _shot(before, days)
    assert after.plan["progress"]["days"] == before.plan["progress"]["days"]
    assert _hot(after) == _hot(before)
    assert after.plan["progress"]["forecast"]["reported_days"] == days


async def _two_days(a: Assistant) -> tuple[TurnResult, TurnResult, TurnResult]:
    first = await _turn(a, "", uploads=[{"name": "shoot.fountain", "data": _script()}])
    day1 = _day_scenes(first, 0)
    one = await _turn(
        a, f"Day 1 wrapped: shot {', '.join(day1[:-1])} and half of {day1[-1]}; 1.5 hours over"
    )
    day2 = _day_scenes(one, 1)
    two = await _turn(a, f"day two: all done but {day2[0]} didn't get done, 3 extra background")
    assert two.version == 3 and two.plan is not None
    return first, one, two


async def test_what_if_mid_shoot_keeps_the_shot_days(tmp_path: Path) -> None:
    async with open_assistant(_settings(tmp_path), models=ModelSet()) as a:
        first, _one, two = await _two_days(a)
        planned_days = len(two.plan["schedule"]["days"])  # type: ignore[index]

        more = await _turn(a, "what if we had two more days?")
        assert more.request and more.request["kind"] == "what_if"
        assert not more.facts.get("failed"), more.answer
        assert more.version == 4
        _kept(two, more, 2)
        assert len(more.plan["schedule"]["days"]) == planned_days + 2  # type: ignore[index]
        assert more.plan["inputs"]["days"] == planned_days + 2  # type: ignore[index]
        assert "Days 1-2 are shot and stay as shot" in more.answer
        assert "day 3 on" in more.answer and "forecast at completion" in more.answer
        # Adding days to the rest does not change what the two shot days cost.
        assert _actual(more) == _actual(two)

        day3 = _day_scenes(more, 2)
        three = await _turn(a, f"Day 3 wrapped: shot {', '.join(day3)}")
        assert three.version == 5 and not three.facts.get("failed"), three.answer
        assert _shot(three, 2) == _shot(two, 2)
        assert three.plan["progress"]["days"][:2] == two.plan["progress"]["days"]  # type: ignore[index]
        # The what-if stays in force for the rest: the day count is still the one asked for.
        assert len(three.plan["schedule"]["days"]) == planned_days + 2  # type: ignore[index]

        cost = await _turn(a, "what's our cost to complete?")
        forecast: dict[str, Any] = three.plan["progress"]["forecast"]  # type: ignore[index]
        assert cost.facts["progress"]["ask"] == "cost" and forecast["reported_days"] == 3
        assert f"{round(forecast['to_complete']):,}" in cost.answer
        assert first.version == 1


async def test_rate_what_if_mid_shoot_prices_only_the_rest(tmp_path: Path) -> None:
    async with open_assistant(_settings(tmp_path), models=ModelSet()) as a:
        _first, _one, two = await _two_days(a)
        assert two.plan is not None
        lead = two.plan["dood"]["rows"][0]["name"]
        raised = await _turn(a, f"make {lead.split()[0].title()} $20,000 a day")
        assert raised.request and raised.request["kind"] == "what_if", raised.answer
        assert not raised.facts.get("failed"), raised.answer
        _kept(two, raised, 2)
        # The shot days keep the rates they were shot at; the rest costs more.
        assert _actual(raised) == _actual(two)
        old, new = (float(r.plan["progress"]["forecast"]["at_completion"]) for r in (two, raised))  # type: ignore[index]
        assert new > old
        assert raised.plan["progress"]["rates"][-1]["day"] == 2  # type: ignore[index]

        moves = await _turn(a, "allow two moves a day")
        assert not moves.facts.get("failed"), moves.answer
        _kept(two, moves, 2)
        assert _actual(moves) == _actual(two)
        assert moves.plan["inputs"]["max_company_moves"] == 2  # type: ignore[index]
        # The rate what-if stays in force beside the new one.
        assert moves.plan["inputs"]["rates"] == raised.plan["inputs"]["rates"]  # type: ignore[index]

        day3 = _day_scenes(moves, 2)
        three = await _turn(a, f"Day 3 wrapped: shot {', '.join(day3)}")
        assert not three.facts.get("failed"), three.answer
        assert _shot(three, 2) == _shot(two, 2)
        assert three.plan["inputs"]["rates"] == raised.plan["inputs"]["rates"]  # type: ignore[index]
        assert three.plan["inputs"]["max_company_moves"] == 2  # type: ignore[index]
        # The next evening keeps days 1-2 as recorded; only day 3 is costed, at the new rate.
        costs = three.plan["progress"]["forecast"]["day_costs"]  # type: ignore[index]
        assert costs[:2] == two.plan["progress"]["forecast"]["day_costs"] and len(costs) == 3


async def test_start_over_and_going_back_keep_the_reports(tmp_path: Path) -> None:
    async with open_assistant(_settings(tmp_path), models=ModelSet()) as a:
        _first, _one, two = await _two_days(a)
        more = await _turn(a, "what if we had two more days?")
        assert more.version == 4 and not more.facts.get("failed"), more.answer

        back = await _turn(a, "start over")
        assert not back.facts.get("failed"), back.answer
        assert back.version == 5, "going back mid-shoot re-plans the rest as a new version"
        _kept(two, back, 2)
        assert back.plan["inputs"]["days"] is None  # type: ignore[index]
        assert "Days 1-2 are shot and stay as shot" in back.answer
        assert a.context.progress is not None
        reports = await a.context.progress.current("shoot")
        assert [(r.day, r.revision) for r in reports] == [(0, 1), (1, 1)]

        schedule = await _turn(a, "are we on schedule?")
        assert "After 2 of" in schedule.answer

        again = await _turn(a, "go back to version 3")
        # Version 3 is the re-plan of these very reports: it simply becomes current again.
        assert again.version == 3 and not again.facts.get("failed"), again.answer


async def test_a_budget_cap_mid_shoot_cuts_only_what_is_ahead(tmp_path: Path) -> None:
    async with open_assistant(_settings(tmp_path), models=ModelSet()) as a:
        _first, _one, two = await _two_days(a)
        capped = await _turn(a, "we only have $500,000: what do we cut?")
        assert not capped.facts.get("failed"), capped.answer
        _kept(two, capped, 2)
        cuts = capped.facts["cuts"]
        forecast = capped.plan["progress"]["forecast"]  # type: ignore[index]
        # The cap is held against the forecast at completion, not the board's budget.
        assert cuts["likely"] == pytest.approx(float(forecast["at_completion"]), abs=0.01)
        assert cuts["gap"] == pytest.approx(cuts["likely"] - 500_000, abs=0.01)
        assert "the forecast at completion is" in capped.answer
        assert "Only what is still ahead can be cut" in capped.answer
        shot = {
            p["scene"]
            for day in capped.plan["progress"]["days"]  # type: ignore[index]
            for p in day["shot"]
        }
        for item in cuts["items"]:
            assert not any(f"scene {s} " in item["what"] for s in shot), item
