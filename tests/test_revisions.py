"""Script revisions: scene matching, the diff, stable re-planning, budget change and caching."""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from tools.cache import PlanCache
from tools.parsing import read_script
from tools.plan import Plan, PlanInputs, make_plan
from tools.revisions import (
    RevisionReport,
    diff_scripts,
    map_schedule,
    replan_revision,
    translate_inputs,
)
from tools.script import Script

INPUTS = PlanInputs(time_limit_s=4.0, pages_per_day=3.0)
PLACES = ["HOUSE", "DINER", "MAIN STREET", "BRIDGE", "OFFICE", "SCHOOL"]
WORDS = """
quiet slowly bright early softly later again almost never often warm cold green tired happy
sudden gentle careful honest simple narrow steady silent eager calm brave clever curious distant
fierce fragile golden humble hollow lively lonely mellow modest patient polite proud rapid rough
sharp shy sleepy smooth sober
"""
VOCABULARY = WORDS.split()
CASTS = [["MAYA", "JO"], ["SAM"], ["MAYA", "SAM"], ["JO", "LEE"]]


@dataclass(frozen=True)
class Draft:
    """One scene of a test draft, written out as Fountain."""

    number: str
    where: str
    cast: tuple[str, ...]
    ext: bool = False
    night: bool = False
    paragraphs: int = 4
    reworded: bool = False
    """True to rewrite the last paragraph of action (same scene, new words)."""

    def fountain(self, *, numbered: bool = True) -> str:
        head = f"{'EXT' if self.ext else 'INT'}. {self.where} - {'NIGHT' if self.night else 'DAY'}"
        head += f" #{self.number}#" if numbered else ""
        words = random.Random(f"{self.where} {self.number}")
        paragraphs = [" ".join(words.sample(VOCABULARY, 12)) for _ in range(self.paragraphs)]
        if self.reworded:
            paragraphs[-1] = " ".join(random.Random("rewrite").sample(VOCABULARY, 12))
        action = "\n\n".join(p.capitalize() + "." for p in paragraphs)
        talk = "\n\n".join(
            f"{who}\n" + " ".join(words.sample(VOCABULARY, 6)).capitalize() + "."
            for who in self.cast
        )
        return f"{head}\n\n{action}\n\n{talk}\n"


def first_draft() -> list[Draft]:
    return [
        Draft(
            str(i + 1),
            PLACES[i % len(PLACES)],
            tuple(CASTS[i % len(CASTS)]),
            ext=PLACES[i % len(PLACES)] in ("MAIN STREET", "BRIDGE"),
            night=i % 5 == 3,
            paragraphs=6 + 3 * (i % 4),
        )
        for i in range(14)
    ]


def second_draft() -> list[Draft]:
    """Scene 5 and 10 removed, 6A and 15 added, 3 recast, 8 longer, 12 reworded only."""
    scenes = {d.number: d for d in first_draft()}
    scenes["3"] = replace(scenes["3"], cast=("MAYA", "SAM", "JO"))
    scenes["8"] = replace(scenes["8"], paragraphs=scenes["8"].paragraphs + 6)
    scenes["12"] = replace(scenes["12"], reworded=True)
    del scenes["5"], scenes["10"]
    order = [d for d in scenes.values()]
    order.insert(5, Draft("6A", "GARAGE", ("JO",), paragraphs=4))
    order.append(Draft("15", "PIER", ("SAM", "LEE"), ext=True, night=True, paragraphs=5))
    return order


def to_script(scenes: list[Draft], *, numbered: bool = True, title: str = "Revisions") -> Script:
    text = f"Title: {title}\n\n" + "\n".join(s.fountain(numbered=numbered) for s in scenes)
    return read_script(text.encode(), filename="draft.fountain")


@pytest.fixture(scope="module")
def drafts() -> tuple[Script, Script]:
    return to_script(first_draft()), to_script(second_draft())


@pytest.fixture(scope="module")
def first_plan(drafts: tuple[Script, Script]) -> Plan:
    return make_plan(drafts[0], INPUTS)


@pytest.fixture(scope="module")
def revision(drafts: tuple[Script, Script], first_plan: Plan) -> tuple[Plan, RevisionReport]:
    return replan_revision(first_plan, drafts[0], drafts[1], INPUTS)


def _by_status(report_scenes: list, status: str, key: str) -> list[str]:
    return [getattr(s, key) for s in report_scenes if s.status == status]


def test_the_diff_names_added_removed_and_changed_scenes(drafts: tuple[Script, Script]) -> None:
    diff = diff_scripts(*drafts)
    assert _by_status(diff.scenes, "added", "new_id") == ["6A", "15"]
    assert _by_status(diff.scenes, "removed", "old_id") == ["5", "10"]
    assert _by_status(diff.scenes, "changed", "new_id") == ["3", "8", "12"]
    assert len(diff.of("unchanged")) == 9
    assert diff.affects == ["breakdown", "schedule", "budget"]
    # Removed scenes are listed where they stood.
    order = [s.new_id or s.old_id for s in diff.scenes]
    assert order.index("5") == order.index("4") + 1
    assert order.index("10") == order.index("9") + 1


@pytest.mark.parametrize(
    ("scene", "fields", "affects"),
    [
        ("3", ["eighths", "cast", "text"], "schedule"),
        ("8", ["eighths", "text"], "schedule"),
        ("12", ["text"], "breakdown"),
    ],
)
def test_each_change_says_what_changed_and_what_it_reaches(
    drafts: tuple[Script, Script], scene: str, fields: list[str], affects: str
) -> None:
    change = next(s for s in diff_scripts(*drafts).scenes if s.new_id == scene)
    assert (change.fields, change.affects) == (fields, affects)
    if scene == "3":
        assert change.cast_added == ["JO"] and change.cast_removed == []
    if scene == "8":
        assert change.new_eighths is not None and change.old_eighths is not None
        assert change.new_eighths > change.old_eighths


def test_unnumbered_drafts_match_by_content_when_numbers_shift() -> None:
    old = to_script(first_draft(), numbered=False)
    new = to_script(second_draft(), numbered=False)
    diff = diff_scripts(old, new)
    # Sequential numbering shifts every later scene; content still pairs them right.
    assert len(diff.of("added")) == 2 and len(diff.of("removed")) == 2
    assert len(diff.of("changed")) == 3 and len(diff.of("unchanged")) == 9
    assert diff.mapping["4"] == "4" and diff.mapping["6"] == "5" and diff.mapping["14"] == "13"
    assert {s.new_id for s in diff.of("added")} == {"6", "14"}


def test_a_reworded_draft_touches_only_the_breakdown_and_reuses_the_plan(
    drafts: tuple[Script, Script], first_plan: Plan, tmp_path: Path
) -> None:
    scenes = first_draft()
    scenes[1] = replace(scenes[1], reworded=True)
    reworded = to_script(scenes)
    cache = PlanCache(tmp_path)
    plan, report = replan_revision(first_plan, drafts[0], reworded, INPUTS, cache=cache)
    assert report.diff.affects == ["breakdown"] and report.reused
    assert plan.schedule == first_plan.schedule and plan.budget == first_plan.budget
    assert plan.content_hash == reworded.content_hash != first_plan.content_hash
    assert report.text[-1].startswith("Only the breakdown changed")
    again, _ = replan_revision(first_plan, drafts[0], reworded, INPUTS, cache=cache)
    assert (cache.hits, again.key) == (1, plan.key)


def _days(plan: Plan) -> dict[str, int]:
    return {sid: day.index for day in plan.schedule.days for sid in day.strips}


def test_replanning_keeps_the_unchanged_scenes_on_their_days(
    first_plan: Plan, revision: tuple[Plan, RevisionReport]
) -> None:
    plan, report = revision
    before, after = _days(first_plan), _days(plan)
    unchanged = [s for s in report.diff.of("unchanged")]
    kept = [before[s.old_id or ""] == after[s.new_id or ""] for s in unchanged]
    assert report.unchanged == len(unchanged) == 9
    assert report.unchanged_kept == sum(kept) >= 7
    assert {m.scene for m in report.placed} == {"6A", "15"}
    assert {m.scene for m in report.dropped} == {"5", "10"}
    assert all(after[m.scene] == m.new_day for m in report.moved)
    assert set(after) == {s.new_id for s in report.diff.scenes if s.new_id}


def test_the_budget_change_is_reported_by_account(
    first_plan: Plan, revision: tuple[Plan, RevisionReport]
) -> None:
    plan, report = revision
    assert first_plan.budget is not None and plan.budget is not None
    diff = report.plan_diff
    assert diff.total_before == first_plan.budget.likely
    assert diff.total_after == plan.budget.likely
    assert sum(a.delta for a in diff.accounts) == diff.total_delta != 0
    codes = {a.code for a in plan.budget.accounts} | {a.code for a in first_plan.budget.accounts}
    assert {a.code for a in diff.accounts} == codes
    assert any(line.startswith("By account:") for line in report.text)
    assert report.text[0] == "New draft: 2 scenes added, 2 removed, 3 changed, 9 unchanged."


def test_frozen_days_never_move(drafts: tuple[Script, Script], first_plan: Plan) -> None:
    frozen = [0, 1]
    inputs = INPUTS.model_copy(update={"frozen_days": frozen})
    plan, report = replan_revision(first_plan, drafts[0], drafts[1], inputs)
    mapping = report.diff.mapping
    for index in frozen:
        old = [mapping[s] for s in first_plan.schedule.days[index].strips if s in mapping]
        assert plan.schedule.days[index].strips == old


def test_replanning_the_same_revision_twice_hits_the_cache(
    drafts: tuple[Script, Script], first_plan: Plan, tmp_path: Path
) -> None:
    cache = PlanCache(tmp_path)
    plan, report = replan_revision(first_plan, drafts[0], drafts[1], INPUTS, cache=cache)
    assert (cache.hits, cache.misses) == (0, 1)
    again, again_report = replan_revision(first_plan, drafts[0], drafts[1], INPUTS, cache=cache)
    assert (cache.hits, cache.misses) == (1, 1)
    assert again == plan and again_report == report


def test_inputs_follow_the_renumbering() -> None:
    old = to_script(first_draft(), numbered=False)
    new = to_script(second_draft(), numbered=False)
    diff = diff_scripts(old, new)
    inputs = PlanInputs(pinned={"6": 2, "5": 1}, stage_moves=["14", "10"])
    moved = translate_inputs(inputs, diff)
    assert moved.pinned == {"5": 2} and moved.stage_moves == ["13"]


def test_map_schedule_renames_and_drops_strips(first_plan: Plan) -> None:
    ids = [s for day in first_plan.schedule.days for s in day.strips]
    mapping = {sid: f"{sid}X" for sid in ids[1:]}
    mapped = map_schedule(first_plan.schedule, mapping)
    assert [s for day in mapped.days for s in day.strips] == [f"{sid}X" for sid in ids[1:]]
    assert len(mapped.days) == len(first_plan.schedule.days)


def test_a_plan_of_another_script_is_refused(
    drafts: tuple[Script, Script], first_plan: Plan
) -> None:
    with pytest.raises(ValueError, match="old_plan"):
        replan_revision(first_plan, drafts[1], drafts[0], INPUTS)
