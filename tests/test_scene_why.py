"""'Why is scene 12 on day 10?': what holds a scene on its day, and what the named day would
change, from the board's own records; the grammar that asks it, and the chat over a real plan."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from graph.grammar import parse_message
from graph.providers import ModelSet
from tests.test_graph import assistant, turn, upload
from tools.queries import Query, answer
from tools.queries.board import Board

Record = dict[str, Any]


@pytest.mark.parametrize(
    ("text", "scene", "day"),
    [
        ("why is scene 12 on day 10?", "12", 9),
        ("how come scene 9 is on day two?", "9", 1),
        ("why is scene 4A shot on the last day?", "4A", -1),
        ("why is scene 3 scheduled where it is?", "3", None),
        ("why is scene 3 so late?", "3", None),
    ],
)
def test_why_a_scene_is_on_its_day_is_asked_of_the_scene(
    text: str, scene: str, day: int | None
) -> None:
    request = parse_message(text)
    assert request is not None and request.kind == "question"
    [query] = request.queries
    assert (query.kind, query.scene, query.why, query.day) == ("scene", scene, True, day)


def test_a_bare_why_after_a_scene_answer_explains_its_day() -> None:
    asked = parse_message("when is scene 7 shot?")
    assert asked is not None
    why = parse_message("why?", previous=asked)
    assert why is not None
    [query] = why.queries
    assert (query.kind, query.scene, query.why) == ("scene", "7", True)


def _strip(sid: str, site: str, cast: list[str], lighting: str = "DAY", eighths: int = 8) -> Record:
    return {
        "id": sid,
        "main_location": site,
        "cast": cast,
        "lighting": lighting,
        "eighths": eighths,
    }


def _board() -> Board:
    """Three days: the pub (night) alone on day 3; day 1 two sites, 10 h 30 of 12 h used."""
    strips = [
        _strip("1", "HOUSE", ["ANNA"]),
        _strip("2", "HOUSE", ["ANNA", "BEN"]),
        _strip("3", "PARK", ["BEN"], eighths=16),
        _strip("4", "PARK", ["ANNA"], eighths=4),
        _strip("5", "PUB", ["BEN", "CARL"], lighting="NIGHT", eighths=12),
    ]
    days = [
        {"strips": ["1", "2", "3"], "sites": ["HOUSE", "PARK"], "cast": ["ANNA", "BEN"],
         "lighting": "DAY", "company_moves": 1, "day_minutes": 630.0},
        {"strips": ["4"], "sites": ["PARK"], "cast": ["ANNA"], "lighting": "DAY",
         "company_moves": 0, "day_minutes": 180.0},
        {"strips": ["5"], "sites": ["PUB"], "cast": ["BEN", "CARL"], "lighting": "NIGHT",
         "company_moves": 0, "day_minutes": 270.0},
    ]  # fmt: skip
    codes = {"ANNA": ["SW", "WF", ""], "BEN": ["SW", "H", "WF"], "CARL": ["", "", "SWF"]}
    plan = {
        "problem": {
            "strips": strips,
            "options": {
                "day_minutes": 720.0,
                "max_company_moves": 1,
                "minutes_per_eighth": 22.5,
                "precedences": [["3", "5"]],
            },
        },
        "schedule": {"days": days},
        "dood": {"rows": [{"name": n, "codes": c} for n, c in codes.items()]},
        "budget": {"currency": "USD", "lines": [], "accounts": []},
    }
    return Board(plan)


def test_the_reasons_and_what_another_day_would_change_are_the_boards() -> None:
    said = answer(_board().plan, Query(kind="scene", scene="5", aspect="days", why=True, day=0))
    facts = said.facts
    assert (facts["day"], facts["asked_day"], facts["site_days"]) == (3, 1, [3])
    assert said.text.startswith("Scene 5 (PUB, 1 4/8 pages) is on day 3, not day 1: ")
    assert any("after scene 3 (day 1)" in r for r in facts["reasons"])
    assert any("night scene" in r for r in facts["reasons"])
    changes = " | ".join(facts["changes"])
    # Day 1 has its one move already: the pub would be a second, over the cap.
    assert "company move to PUB, over the cap of 1 move a day" in changes
    assert "split day, which the board does not allow" in changes
    # 720 - 630 = 90 minutes left; 12 eighths at 22.5 = 270 needed.
    assert "90 minutes of its 12-hour day left and the scene needs 270: it does not fit" in changes
    assert "; CARL is not called that day" in "; " + "; ".join(facts["changes"]), "BEN is"


def test_a_day_the_scene_fits_says_so_and_a_site_of_several_days_is_named() -> None:
    said = answer(_board().plan, Query(kind="scene", scene="4", aspect="days", why=True, day=0))
    assert said.facts["site_days"] == [1, 2]
    assert "the company is at PARK on days 1-2" in said.text
    changes = " | ".join(said.facts["changes"])
    assert "company move" not in changes, "day 1 is at the park already"
    assert "it fits" in changes and "split day" not in changes
    same = answer(_board().plan, Query(kind="scene", scene="4", aspect="days", why=True, day=1))
    assert same.facts["changes"] == [] and "not day" not in same.text


def test_an_unknown_scene_is_said_plainly() -> None:
    said = answer(_board().plan, Query(kind="scene", scene="99", aspect="days", why=True))
    assert not said.found and "no scene 99" in said.text


async def test_the_chat_explains_a_scene_day_from_the_plan_records(
    tmp_path: Path, screenplays_dir: Path
) -> None:
    async with assistant(tmp_path, ModelSet()) as a:
        first = await turn(a, "", upload(screenplays_dir, "national-stupidity.fdx"))
        plan = first.plan
        assert plan is not None
        days = plan["schedule"]["days"]
        scene = days[-1]["strips"][0]
        why = await turn(a, f"why is scene {scene} on day one?")
        [said] = why.facts["answers"]
        assert said["kind"] == "why"
        assert (said["facts"]["day"], said["facts"]["asked_day"]) == (len(days), 1)
        strip = next(s for s in plan["problem"]["strips"] if s["id"] == scene)
        site = strip["main_location"]
        on_site = [i + 1 for i, d in enumerate(days) if site in d["sites"]]
        assert said["facts"]["site_days"] == on_site
        assert f"Scene {scene}" in why.answer and "not day 1" in why.answer
        again = await turn(a, "why?")
        assert again.facts["answers"][0]["facts"]["scene"] == scene
        opening = days[0]["strips"][0]
        pair = await turn(a, f"why does scene {scene} come after scene {opening}?")
        [said] = pair.facts["answers"]
        assert (said["facts"]["scene"], said["facts"]["other"]) == (scene, opening)
        assert (said["facts"]["day"], said["facts"]["other_day"]) == (len(days), 1)
        assert f"so scene {opening} comes first" in pair.answer


@pytest.mark.parametrize(
    ("text", "scene", "other"),
    [
        ("why does scene 4 come before scene 7?", "4", "7"),
        ("why is scene 7 after 4?", "7", "4"),
        ("why are scenes 4 and 7 on different days?", "4", "7"),
        ("how come scene 12 is shot earlier than scene 3?", "12", "3"),
        ("why is scene 12 on day 10 and not day 3?", "12", None),
    ],
)
def test_why_two_scenes_fall_as_they_do_asks_of_the_pair(
    text: str, scene: str, other: str | None
) -> None:
    request = parse_message(text)
    assert request is not None and request.kind == "question"
    [query] = request.queries
    assert (query.kind, query.scene, query.other, query.why) == ("scene", scene, other, True)


def test_two_scenes_apart_are_explained_by_their_order_sites_and_lighting() -> None:
    said = answer(_board().plan, Query(kind="scene", scene="5", other="3", why=True))
    facts = said.facts
    assert (facts["day"], facts["other_day"], facts["first"]) == (3, 1, "3")
    assert said.text.startswith("Scene 5 is on day 3 and scene 3 on day 1, so scene 3 comes first")
    reasons = " | ".join(facts["reasons"])
    assert "an order is in force: scene 3 must be shot before scene 5" in reasons
    assert "scene 5 is at PUB (day 3)" in reasons and "scene 3 is at PARK (days 1-2)" in reasons
    assert "scene 5 is a night scene (the board's nights are day 3)" in reasons
    assert 'Say "scene 5 must be shot before scene 3"' in said.text


def test_two_scenes_of_one_site_or_one_day_say_so() -> None:
    apart = answer(_board().plan, Query(kind="scene", scene="4", other="3", why=True))
    assert apart.facts["first"] == "3"
    assert apart.facts["reasons"] == ["both are at PARK, where the company is on days 1-2"]
    together = answer(_board().plan, Query(kind="scene", scene="2", other="1", why=True))
    assert together.text.startswith("Scenes 2 and 1 are both on day 1; scene 1 is shot first")
    missing = answer(_board().plan, Query(kind="scene", scene="2", other="77", why=True))
    assert not missing.found and "no scene 77" in missing.text
