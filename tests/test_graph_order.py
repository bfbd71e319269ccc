"""'Scene 5 must be shot before scene 9' in the chat: a precedence the re-plan keeps."""

from __future__ import annotations

from pathlib import Path

from graph.providers import ModelSet
from tests.test_graph import assistant, turn, upload


def _day_of(plan: dict, scene: str) -> int:  # type: ignore[type-arg]
    return next(i for i, d in enumerate(plan["schedule"]["days"]) if scene in d["strips"])


async def test_an_order_between_two_scenes_is_kept(tmp_path: Path, screenplays_dir: Path) -> None:
    async with assistant(tmp_path, ModelSet()) as a:
        first = await turn(a, "", upload(screenplays_dir, "national-stupidity.fdx"))
        assert first.plan
        days = first.plan["schedule"]["days"]
        # The last day's first scene and the first day's first scene, asked the other way round.
        late, early = days[-1]["strips"][0], days[0]["strips"][0]
        assert _day_of(first.plan, late) > _day_of(first.plan, early)
        ordered = await turn(a, f"scene {late} must be shot before scene {early}")
        assert ordered.version == 2 and ordered.plan, ordered.answer
        assert ordered.facts["in_force"] == [f"scene {late} before scene {early}"]
        assert ordered.plan["inputs"]["precedences"] == [[late, early]]
        assert _day_of(ordered.plan, late) <= _day_of(ordered.plan, early)
        missing = await turn(a, "scene 999 must be shot before scene 1")
        assert missing.version == 2 and "999" in missing.answer
