"""'On day 1 we finished 18 too': a report that adds to a day already reported keeps what the
day's report said, through the whole graph, as the day's next revision."""

from __future__ import annotations

from pathlib import Path

from graph.providers import ModelSet
from graph.session import open_assistant
from tests.test_progress_graph import _day_scenes, _script, _settings, _turn


async def test_more_for_a_reported_day_is_added_to_its_report(tmp_path: Path) -> None:
    async with open_assistant(_settings(tmp_path), models=ModelSet()) as a:
        first = await _turn(a, "", uploads=[{"name": "shoot.fountain", "data": _script()}])
        day1 = _day_scenes(first, 0)
        assert len(day1) >= 2
        one = await _turn(a, f"Day 1 wrapped: shot {day1[0]}; went an hour over")
        assert one.plan is not None
        assert one.plan["progress"]["days"][0]["not_shot"] == day1[1:]
        more = await _turn(a, f"on day 1 we finished {', '.join(day1[1:])} too")
        assert more.facts["revision"] == 2 and more.plan is not None
        [day] = more.plan["progress"]["days"]
        # The first report's scene and overtime are kept; the rest of the day is now shot.
        assert day["not_shot"] == [] and day["overtime_hours"] == 1.0
        assert sorted(p["scene"] for p in day["shot"]) == sorted(day1)
        assert f"finished {day1[0]}" in more.answer
