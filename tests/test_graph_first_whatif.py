"""A what-if asked with the upload: the script is planned first (version 1) and the what-if
re-plans that, so a relative change has a plan to be relative to (the real graph and tools,
a fake model)."""

from __future__ import annotations

from pathlib import Path

from graph.providers import ModelSet
from tests.test_calendar_chat import SCRIPT
from tests.test_graph import assistant, provider, turn


async def test_a_what_if_on_the_upload_turn_re_plans_the_first_plan(tmp_path: Path) -> None:
    path = tmp_path / "first.fountain"
    path.write_text(SCRIPT, encoding="utf-8")
    uploads = [{"name": path.name, "path": str(path)}]
    async with assistant(tmp_path, ModelSet(local=provider("fake", replies=["Done."]))) as a:
        result = await turn(a, "what if we had one more day?", uploads)
        assert result.version == 2, result.answer
        versions = await a.context.plans.versions("t1")
        assert [v.version for v in versions] == [1, 2]
        first = await a.context.plans.get("t1", 1)
        second = await a.context.plans.get("t1", 2)
        assert first is not None and second is not None
        days = len(first.plan["schedule"]["days"])
        assert len(second.plan["schedule"]["days"]) == days + 1
        assert second.inputs["days"] == days + 1
        assert f"Shooting days: {days} -> {days + 1}" in result.answer
        assert "1 more shooting day" in result.answer


async def test_a_plan_asked_with_a_setting_is_the_first_plan(tmp_path: Path) -> None:
    path = tmp_path / "first.fountain"
    path.write_text(SCRIPT, encoding="utf-8")
    uploads = [{"name": path.name, "path": str(path)}]
    async with assistant(tmp_path, ModelSet(local=provider("fake", replies=["Done."]))) as a:
        result = await turn(a, "Plan the shoot at 2 pages a day.", uploads)
        assert result.version == 1, result.answer
        current = await a.context.plans.current("t1")
        assert current is not None and current.inputs["pages_per_day"] == 2
