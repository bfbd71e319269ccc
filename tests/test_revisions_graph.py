"""The revision flow through the whole graph: draft 1, plan, draft 2 of the same title."""

from __future__ import annotations

from pathlib import Path

from graph.providers import ModelSet
from graph.session import open_assistant, run_turn
from greenlight.settings import Settings
from tests.test_revisions import first_draft, second_draft


def _write(tmp_path: Path, name: str, scenes: list) -> dict[str, str]:
    text = "Title: Revisions\n\n" + "\n".join(s.fountain() for s in scenes)
    path = tmp_path / name
    path.write_text(text)
    return {"name": name, "path": str(path)}


async def test_a_second_draft_is_diffed_and_replanned_with_stability(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, solver_time_limit_s=4.0, _env_file=None)  # type: ignore[call-arg]
    async with open_assistant(settings, models=ModelSet()) as a:
        first = await run_turn(
            a, thread_id="t1", text="", uploads=[_write(tmp_path, "d1.fountain", first_draft())]
        )
        assert first.version == 1
        second = await run_turn(
            a, thread_id="t1", text="", uploads=[_write(tmp_path, "d2.fountain", second_draft())]
        )
        revision = second.facts["revision"]
        assert (revision["added"], revision["removed"]) == (["6A", "15"], ["5", "10"])
        assert revision["changed"] == ["3", "8", "12"]
        assert revision["unchanged"] == 9 and revision["kept"] >= 7
        assert second.version == 2
        assert "New draft: 2 scenes added, 2 removed, 3 changed, 9 unchanged." in second.answer
        assert "unchanged scenes kept their day" in second.answer
        assert "By account:" in second.answer
        versions = await a.context.plans.versions("t1")
        assert [v.label for v in versions] == ["initial plan", "new draft (d2.fountain)"]
        scheduled = {s for day in versions[1].plan["schedule"]["days"] for s in day["strips"]}
        assert {"6A", "15"} <= scheduled and not {"5", "10"} & scheduled
