"""Site corrections and the moves cap in the chat: the real graph and tools, a fake model.

A correction is saved with the plan's inputs, shown in the plan's sites, and re-plans with
stability (few strips move); "allow two moves a day" and "10-hour days" change the day rules.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from graph.intents import parse_intent
from graph.providers import ModelSet
from tests.test_graph import assistant, provider, turn
from tools.ratecard import load_rate_card

SCRIPT = """Title: Sites

INT. MILLER HOUSE - KITCHEN - DAY

Anna pours coffee.

ANNA
Morning.

INT. HARBOR OFFICE - DAY

Ben reads.

BEN
Late again.

EXT. OLD PIER - DAY

Anna waits.

ANNA
Here.

INT. KITCHEN - NIGHT

Anna alone.

ANNA
Quiet.

EXT. LIGHTHOUSE - NIGHT

Ben climbs.

BEN
Up.
"""


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("scenes 2 to 3 are all at the lighthouse", "sites"),
        ("KITCHEN is in the Miller house", "sites"),
        ("the lighthouse is a stage", "sites"),
        ("allow two moves a day", "moves_per_day"),
        ("maya is in the hospital", None),
    ],
)
def test_site_phrases_become_what_ifs(text: str, kind: str | None) -> None:
    request = parse_intent(text)
    changes = request.changes if request is not None else []
    assert [c.kind for c in changes] == ([kind] if kind else [])


async def test_site_corrections_replan_with_stability(tmp_path: Path) -> None:
    path = tmp_path / "sites.fountain"
    path.write_text(SCRIPT, encoding="utf-8")
    uploads = [{"name": path.name, "path": str(path)}]
    async with assistant(tmp_path, ModelSet(local=provider("fake", replies=["Done."]))) as a:
        first = await turn(a, "", uploads)
        assert first.version == 1
        plan = (await a.context.plans.current("t1")).plan  # type: ignore[union-attr]
        sites = {s["scene"]: s["site"] for s in plan["sites"]}
        assert sites["4"] == "MILLER HOUSE" and sites["3"] == "OLD PIER"

        fixed = await turn(a, "scenes 2 to 3 are all at the harbor office")
        assert fixed.version == 2
        current = await a.context.plans.current("t1")
        assert current is not None
        assert current.inputs["site_corrections"]["scenes"][0]["site"] == "harbor office"
        after = {s["scene"]: s for s in current.plan["sites"]}
        assert after["3"]["site"] == "HARBOR OFFICE"
        assert after["3"]["site_reason"].startswith("your correction")
        # The correction lets the day scenes share one day (a crew day saved); turnaround is a
        # rule, so the nights cannot go first before ANNA's day call: the nights move up too.
        assert len(current.plan["schedule"]["moved_strips"]) <= 4

        wider = await turn(a, "allow two moves a day")
        assert wider.version == 3
        current = await a.context.plans.current("t1")
        assert current is not None and current.inputs["max_company_moves"] == 2
        assert all(d["company_moves"] <= 2 for d in current.plan["schedule"]["days"])

        shorter = await turn(a, "10-hour days")
        current = await a.context.plans.current("t1")
        assert shorter.version == 4 and current is not None
        assert current.inputs["day_minutes"] == 600
        assert all(d["day_minutes"] <= 600 for d in current.plan["schedule"]["days"])

        wrong = await turn(a, "scenes 2 to 40 are all at the lighthouse")
        assert "no scene 40" in wrong.answer
        assert (await a.context.plans.current("t1")).version == 4  # type: ignore[union-attr]


async def test_a_site_in_one_block_is_planned_and_said(tmp_path: Path) -> None:
    path = tmp_path / "sites.fountain"
    path.write_text(SCRIPT, encoding="utf-8")
    uploads = [{"name": path.name, "path": str(path)}]
    async with assistant(tmp_path, ModelSet(local=provider("fake", replies=["Done."]))) as a:
        await turn(a, "", uploads)
        asked = await turn(a, "can we shoot the Miller house in one block?")
        assert asked.version == 2
        current = await a.context.plans.current("t1")
        assert current is not None and current.inputs["site_blocks"] == ["MILLER HOUSE"]
        days = current.plan["schedule"]["days"]
        here = [d for d in days if "MILLER HOUSE" in d["sites"]]
        for lighting in ("DAY", "NIGHT"):
            mine = [d["index"] for d in here if d["lighting"] == lighting]
            assert mine == list(range(mine[0], mine[0] + len(mine))) if mine else True
        assert "MILLER HOUSE is shot in one block: days" in asked.answer
        assert "MILLER HOUSE shot in one block" in asked.answer  # the version's label


async def test_a_site_made_a_stage_is_budgeted_as_a_stage(tmp_path: Path) -> None:
    """'What if the harbor office is a stage?' re-prices the site at the stage rows; the
    board and the budget agree about what the site is."""
    path = tmp_path / "sites.fountain"
    path.write_text(SCRIPT, encoding="utf-8")
    uploads = [{"name": path.name, "path": str(path)}]
    card = load_rate_card()
    async with assistant(tmp_path, ModelSet(local=provider("fake", replies=["Done."]))) as a:
        await turn(a, "", uploads)
        first = (await a.context.plans.current("t1")).plan  # type: ignore[union-attr]
        staged = await turn(a, "what if the harbor office is a stage?")
        assert staged.version == 2
        second = (await a.context.plans.current("t1")).plan  # type: ignore[union-attr]

    def office(plan: dict) -> dict[str, dict]:
        lines = plan["budget"]["lines"]
        return {x["description"]: x for x in lines if x["description"].startswith("HARBOR OFFICE")}

    before, after = office(first), office(second)
    assert "HARBOR OFFICE: stage fee" not in before
    fee = after["HARBOR OFFICE: stage fee"]
    assert float(fee["rate"]) == float(card.rate("location", "stage"))
    assert float(after["HARBOR OFFICE: set-up"]["rate"]) == float(card.rate("setup", "stage"))
    said = re.search(r"Budget: (\S+) -> (\S+)", staged.answer)
    assert said is not None and said.group(1) != said.group(2), staged.answer
    assert second["budget"]["likely"] != first["budget"]["likely"]
