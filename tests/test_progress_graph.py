"""Three evenings of a shoot through the whole graph: reports filed, re-planned, asked about,
a bad report refused, an edit revised, and everything back after a restart."""

from __future__ import annotations

from pathlib import Path

from bench.scriptfmt import to_fountain
from bench.scriptgen import GenOptions, generate
from graph.providers import ModelSet
from graph.session import Assistant, TurnResult, open_assistant, run_turn
from greenlight.settings import Settings
from store.progress import ProgressStore


def _settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path, solver_time_limit_s=4.0, _env_file=None)  # type: ignore[call-arg]


def _script() -> bytes:
    generated = generate(GenOptions(seed=3, scenes=18, pages=14, speaking_parts=6, non_speaking=0))
    return to_fountain(generated.title_page, generated.blocks()).encode()


async def _turn(a: Assistant, text: str, **kw: object) -> TurnResult:
    return await run_turn(a, thread_id="shoot", text=text, **kw)  # type: ignore[arg-type]


def _day_scenes(result: TurnResult, day: int) -> list[str]:
    """A day's whole scenes; the scenes of its part-shot remainders when it has only those
    (the re-plan may put only the rest of day 1's half-shot scene on day 2)."""
    assert result.plan is not None
    strips = result.plan["schedule"]["days"][day]["strips"]
    return [s for s in strips if " (" not in s] or [s.split(" (")[0] for s in strips]


async def test_three_evenings_of_reports_replan_and_answer(tmp_path: Path) -> None:
    async with open_assistant(_settings(tmp_path), models=ModelSet()) as a:
        first = await _turn(a, "", uploads=[{"name": "shoot.fountain", "data": _script()}])
        assert first.version == 1 and first.plan is not None
        early = await _turn(a, "are we on schedule?")
        assert early.facts.get("failed") and "No shooting day has been reported" in early.answer

        day1 = _day_scenes(first, 0)
        shot = ", ".join(day1[:-1])
        text = f"Day 1 wrapped: shot {shot} and half of {day1[-1]}; went 1.5 hours over"
        one = await _turn(a, text)
        assert one.request and one.request["kind"] == "progress"
        assert one.version == 2 and one.facts["day"] == 1
        assert one.plan and one.plan["schedule"]["days"][0]["frozen"]
        assert f"{day1[-1]} (rest)" in {m["scene"] for m in one.facts["moved"]}
        assert "Back on the board" in one.answer and "forecast at completion" in one.answer

        day2 = _day_scenes(one, 1)
        two = await _turn(a, f"day two: all done but {day2[0]} didn't get done, 3 extra background")
        assert two.version == 3
        assert two.plan and [d["frozen"] for d in two.plan["schedule"]["days"][:2]] == [True, True]
        assert f"did not shoot {day2[0]}" in two.answer

        bad = await _turn(a, "day 3: shot 999")
        assert bad.facts.get("failed") and "scene 999 is not on the plan" in bad.answer
        assert bad.version == 3
        skipped = await _turn(a, "day 5: shot 1")
        assert "Day 3 has not been reported yet" in skipped.answer

        cost = await _turn(a, "what's our cost to complete?")
        forecast = two.plan["progress"]["forecast"]
        assert cost.facts["progress"]["ask"] == "cost"
        assert "cost to complete" in cost.answer
        assert f"{round(forecast['to_complete']):,}" in cost.answer
        behind = await _turn(a, "are we on schedule?")
        assert "After 2 of" in behind.answer and "planned" in behind.answer
        # A shot day's actual cost: its day lines and the hot costs its report added.
        spent = await _turn(a, "what did day 1 cost us in overtime?")
        assert spent.facts["progress"]["ask"] == "day"
        hot = [h for h in forecast["hot_costs"] if 0 in h["days"]]
        assert hot and all(h["description"] in spent.answer for h in hot)
        assert "Crew overtime, day 1" in spent.answer
        later = await _turn(a, "what did day 9 cost?")
        assert "Day 9 has no production report yet: 2 days are reported" in later.answer

        edited = await _turn(a, "Day 1 wrapped: shot " + ", ".join(day1) + "; went 2 hours over")
        assert edited.version == 4 and edited.facts["revision"] == 2
        assert edited.plan and edited.plan["progress"]["days"][0]["overtime_hours"] == 2.0
        # Day 2's report is re-read against the corrected day 1 and kept.
        assert len(edited.plan["progress"]["days"]) == 2

    async with open_assistant(_settings(tmp_path), models=ModelSet()) as again:
        assert again.context.progress is not None and isinstance(
            again.context.progress, ProgressStore
        )
        reports = await again.context.progress.current("shoot")
        assert [(r.day, r.revision, r.plan_version) for r in reports] == [(0, 2, 4), (1, 1, 3)]
        versions = await again.context.plans.versions("shoot")
        assert [v.label for v in versions][1:] == [
            "day 1 reported",
            "day 2 reported",
            "day 1 edited",
        ]
        resumed = await _turn(again, "are we on schedule?")
        assert "After 2 of" in resumed.answer
        # A scene of the last day is not shot yet (which scenes those are depends on the solve).
        ahead = _day_scenes(edited, -1)[0]
        whatif = await _turn(again, f"pin scene {ahead} to day 9")
        assert whatif.request and whatif.request["kind"] == "what_if"
        # A what-if mid-shoot re-plans only the rest: the reports still answer.
        assert "Days 1-2 are shot and stay as shot" in whatif.answer
        kept = await _turn(again, "are we on schedule?")
        assert "After 2 of" in kept.answer
