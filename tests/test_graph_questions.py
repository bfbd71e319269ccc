"""The graph over several turns answering from the plan: follow-ups, cumulative what-ifs,
"instead", "start over", rate what-ifs, and the embedded model's nonsense never shown."""

from __future__ import annotations

from pathlib import Path

from graph.providers import ModelSet
from tests.test_graph import assistant, provider, turn, upload

# What SmolLM2-135M wrote here when it was let answer (issue 13), word for word in spirit.
NONSENSE = [
    "The day 5 team is working on a new project, an AI-powered chatbot for the studio.",
    "Scene 2 is shot on the day of the previous night, after the Lighthouse Gala.",
    "Thank you so much for your kind words! It was a pleasure working with Dr. Watson.",
    "I'll add that in again and send the Producers Guild a note.",
]


async def test_follow_ups_and_cumulative_what_ifs(tmp_path: Path, screenplays_dir: Path) -> None:
    async with assistant(tmp_path, ModelSet()) as a:
        first = await turn(a, "", upload(screenplays_dir))
        assert first.version == 1 and first.plan
        days = first.plan["schedule"]["days"]

        day1 = await turn(a, "What's on day 1?")
        answer = day1.facts["answers"][0]
        assert answer["facts"]["scenes"] == days[0]["strips"]
        assert answer["text"] in day1.answer and "Day 1" in day1.answer

        day2 = await turn(a, "and day 2?")
        assert day2.facts["answers"][0]["facts"]["scenes"] == days[1]["strips"]

        both = await turn(a, "How many days, and what's the budget?")
        totals = [x["facts"] for x in both.facts["answers"]]
        assert totals[0]["value"] == len(days)
        assert totals[1]["likely"] == round(float(first.plan["budget"]["likely"]), 2)

        who = await turn(a, "who is in scene 1?")
        assert who.facts["answers"][0]["facts"]["scene"] == "1"
        pinned = await turn(a, "move it to day 3")
        assert pinned.version == 2, pinned.request
        assert {"scene": "1", "from_day": 1, "to_day": 3} in pinned.facts["diff"]["moved"]

        longer = await turn(a, "shoot it in four days")
        assert longer.version == 3 and longer.facts["diff"]["days_after"] == 4
        assert longer.facts["in_force"] == ["scene 1 pinned to day 3", "4 shooting days"]
        assert "Changes in force: scene 1 pinned to day 3; 4 shooting days" in longer.answer

        instead = await turn(a, "what about 3 instead?")
        assert instead.facts["in_force"] == ["scene 1 pinned to day 3", "3 shooting days"]
        assert len(instead.plan["schedule"]["days"]) == 3  # type: ignore[index]

        fewer = await turn(a, "one more day")
        assert fewer.facts["in_force"] == ["scene 1 pinned to day 3", "4 shooting days"]

        over = await turn(a, "start over with 4 days")
        assert over.facts["in_force"] == ["4 shooting days"]
        assert over.plan and not over.plan["inputs"]["pinned"]

        back = await turn(a, "go back to the first version")
        assert back.version == 1 and "Version 1 is current again" in back.answer
        after = await turn(a, "shoot it in 4 days")
        assert after.facts["in_force"] == ["4 shooting days"]


async def test_a_rate_what_if_reprices_and_a_dearer_plan_says_why(
    tmp_path: Path, screenplays_dir: Path
) -> None:
    async with assistant(tmp_path, ModelSet()) as a:
        first = await turn(a, "", upload(screenplays_dir))
        dear = await turn(a, "what if CHALF costs $20,000 a day?")
        assert dear.version == 2 and dear.plan
        lines = [ln for ln in dear.plan["budget"]["lines"] if ln["description"].startswith("CHALF")]
        assert lines and lines[0]["rate"] == 20000
        cost = await turn(a, "what does chalf cost?")
        assert cost.facts["answers"][0]["facts"]["cost"] == lines[0]["amount"]
        assert first.plan and dear.plan["budget"]["likely"] > first.plan["budget"]["likely"]
        slow = await turn(a, "shoot it in 4 days")
        if slow.facts["overview"]["total_saving"] < 0:
            assert "more, because of the changes in force (" in slow.answer
        assert "saves -" not in slow.answer


async def test_one_actors_percentage_reprices_only_that_actor(
    tmp_path: Path, screenplays_dir: Path
) -> None:
    def chalf(plan: dict) -> dict:
        found = [x for x in plan["budget"]["lines"] if x["description"].startswith("CHALF")]
        assert len(found) == 1
        return found[0]

    async with assistant(tmp_path, ModelSet()) as a:
        first = await turn(a, "", upload(screenplays_dir))
        dear = await turn(a, "what if chalf costs twenty percent more?")
        assert dear.version == 2 and dear.plan and first.plan
        assert dear.facts["in_force"] == ["CHALF's day rate x 1.2"]
        before, after = chalf(first.plan), chalf(dear.plan)
        assert after["rate"] == round(before["rate"] * 1.2, 2)
        others = [
            (x["description"], x["rate"])
            for x in first.plan["budget"]["lines"]
            if x["account"] == "1300" and not x["description"].startswith(("CHALF", "Fringes"))
        ]
        assert others and all(
            (x["description"], x["rate"]) in others
            for x in dear.plan["budget"]["lines"]
            if x["account"] == "1300" and not x["description"].startswith(("CHALF", "Fringes"))
        )
        assert dear.plan["budget"]["likely"] > first.plan["budget"]["likely"]


async def test_the_embedded_models_nonsense_never_reaches_the_user(
    tmp_path: Path, screenplays_dir: Path
) -> None:
    embedded = provider("embedded", replies=NONSENSE)
    async with assistant(tmp_path, ModelSet(embedded=embedded)) as a:
        answers = [
            (await turn(a, "this is not a screenplay", [{"name": "x.pdf", "data": b"%PDF-junk"}])),
            (await turn(a, "", upload(screenplays_dir))),
            (await turn(a, "who works on day 2?")),
            (await turn(a, "when is scene 2 shot?")),
            (await turn(a, "go back to the first version")),
            (await turn(a, "what's the weather on day 3?")),
            (await turn(a, "tell me something nice")),
        ]
    for result in answers:
        assert result.usage and result.usage["provider"] == "deterministic"
        for nonsense in NONSENSE:
            assert nonsense.split(",")[0] not in result.answer
    assert "I don't have that" in answers[5].answer
    assert embedded.model.calls == 0  # type: ignore[attr-defined]


async def test_a_capable_models_invented_names_are_replaced(
    tmp_path: Path, screenplays_dir: Path
) -> None:
    local = provider(
        "ollama", replies=["Day 2 belongs to the Lighthouse Gala team and Dr. Watson."]
    )
    async with assistant(tmp_path, ModelSet(local=local)) as a:
        await turn(a, "", upload(screenplays_dir))
        result = await turn(a, "who works on day 2?")
    assert "Watson" not in result.answer and "Gala" not in result.answer
    assert result.usage and result.usage["outcome"] == "replaced"
    assert "named things the plan does not contain" in result.answer
    assert result.facts["answers"][0]["text"] in result.answer


async def test_a_what_if_part_it_cannot_read_is_said_back(
    tmp_path: Path, screenplays_dir: Path
) -> None:
    async with assistant(tmp_path, ModelSet()) as a:
        await turn(a, "", upload(screenplays_dir))
        alone = await turn(a, "what changed?")
        assert "There is only one plan so far" in alone.answer
        both = await turn(a, "what if we add a day and shoot the pub at night?")
        assert both.version == 2 and both.facts["unread"] == ["shoot the pub at night"]
        assert 'I could not read "shoot the pub at night"' in both.answer
        plain = await turn(a, "one more day")
        assert "unread" not in plain.facts and "could not read" not in plain.answer


async def test_a_relative_follow_up_is_read_against_the_same_plan(
    tmp_path: Path, screenplays_dir: Path
) -> None:
    async with assistant(tmp_path, ModelSet()) as a:
        first = await turn(a, "", upload(screenplays_dir, "national-stupidity.fdx"))
        assert first.plan
        days = len(first.plan["schedule"]["days"])
        more = await turn(a, "what if we added two days?")
        assert more.facts["in_force"] == [f"{days + 2} shooting days"]
        again = await turn(a, "and three?")
        # Three more than the first plan, not three more than the two-days-longer one.
        assert again.facts["in_force"] == [f"{days + 3} shooting days"]
        assert len(again.plan["schedule"]["days"]) == days + 3  # type: ignore[index]
        once_more = await turn(a, "and one?")
        assert once_more.facts["in_force"] == [f"{days + 1} shooting days"]
