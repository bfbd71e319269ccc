"""Every fact in ../shared/data/screenplays/ground_truth.json holds, one test case per fact."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest

from tests.conftest import SCREENPLAYS
from tools.parsing import ReadLimits, read_document, read_path
from tools.parsing.eighths import format_eighths
from tools.script import Script

TRUTH = json.loads((SCREENPLAYS / "ground_truth.json").read_text(encoding="utf-8"))
SKIP = {"note"}


@cache
def script(name: str) -> Script:
    return read_path(SCREENPLAYS / name)


def _facts() -> list[tuple[str, str, Any]]:
    return [
        (name, key, value)
        for name, facts in TRUTH.items()
        if not name.startswith("_")
        for key, value in facts.items()
        if key not in SKIP
    ]


def _all_text(s: Script) -> str:
    return "\n".join([sc.heading for sc in s.scenes] + [sc.text for sc in s.scenes])


def _elements(s: Script, category: str) -> list[str]:
    return [e.name for sc in s.scenes for e in sc.elements.get(category, [])]


def check_breakdown(s: Script, hand_read: dict[str, list[str]]) -> None:
    """The hand-read breakdown facts, mapped to the rule names they must produce."""
    expected = {
        "animals_or_creatures": ("animals", ["unicorn"]),
        "vfx": ("vfx", ["creature", "transformation", "magic shields", "glowing eyes"]),
        "sfx_or_set": ("sfx", ["fire", "rubble"]),
        "extras": ("extras", ["patrons"]),
        "props": ("props", ["backpacks", "books", "papers", "pencils", "notebooks", "folder"]),
    }
    assert set(hand_read) == set(expected)
    for key, (category, names) in expected.items():
        found = _elements(s, category)
        assert len(names) >= len(hand_read[key]) or key == "vfx"
        for name in names:
            assert name in found, f"{key}: {name} not in {category} {found}"


def check(name: str, key: str, value: Any) -> None:
    s = script(name)
    scenes = s.scenes
    speakers_everywhere = {n: ext for sc in scenes for n, ext in sc.extensions.items()}
    simple = {
        "scenes": lambda: len(scenes),
        "scene_numbers": lambda: [sc.number for sc in scenes],
        "headings": lambda: [sc.heading for sc in scenes],
        "time_of_day": lambda: [sc.time_of_day for sc in scenes],
        "locations": lambda: [sc.location for sc in scenes],
        "first_heading": lambda: scenes[0].heading,
        "last_scene_page": lambda: int(scenes[-1].page or 0),
        "distinct_speakers": lambda: len(s.speakers),
        "final_draft_lengths_eighths": lambda: [sc.eighths for sc in scenes],
        "sum_of_final_draft_lengths_eighths": lambda: s.total_eighths,
    }
    if key in simple:
        assert simple[key]() == value
    elif key == "speakers":
        assert sorted(s.speakers) == sorted(value)
    elif key == "extensions":
        assert {k: speakers_everywhere.get(k) for k in value} == value
    elif key == "int_ext_counts":
        assert {k: sum(sc.int_ext == k for sc in scenes) for k in value} == value
    elif key == "scene_3":
        third = scenes[2]
        assert third.heading == value["heading"]
        assert format_eighths(third.eighths) == value["final_draft_length"]
        assert third.page == str(value["page"])
        assert sorted(third.speakers) == sorted(value["speakers"])
    elif key == "same_as":
        twin = script(value)
        assert [sc.heading for sc in scenes] == [sc.heading for sc in twin.scenes]
        assert [sc.number for sc in scenes] == [sc.number for sc in twin.scenes]
        assert [sc.speakers for sc in scenes] == [sc.speakers for sc in twin.scenes]
        assert [sc.extensions for sc in scenes] == [sc.extensions for sc in twin.scenes]
    elif key == "must_include_headings":
        assert set(value) <= {sc.heading for sc in scenes}
    elif key == "must_be_action_not_heading":
        for line in value:
            assert all(line.lstrip("!") not in sc.heading for sc in scenes)
            assert any(line.lstrip("!") in sc.text.split("\n") for sc in scenes)
    elif key == "speakers_must_include":
        assert set(value) <= set(s.speakers)
    elif key == "dual_dialogue_pairs":
        doc = read_document((SCREENPLAYS / name).read_bytes(), filename=name, limits=ReadLimits())
        dual = [b.text.rstrip("^ ").strip() for b in doc.blocks if b.kind == "cue" and b.dual]
        for pair in value:
            assert set(pair) <= set(dual), dual
    elif key == "group_cues":
        for cue in value:
            assert any(cue in sc.raw_cues for sc in scenes)
            assert cue in s.speakers
    elif key == "breakdown_hand_read":
        check_breakdown(s, value)
    else:
        pytest.fail(f"no check written for fact {key!r} of {name}")


@pytest.mark.parametrize(("name", "key", "value"), _facts(), ids=lambda v: str(v)[:40])
def test_ground_truth_fact(name: str, key: str, value: Any) -> None:
    check(name, key, value)


def test_summaries_never_leak_into_headings_or_action() -> None:
    s = script("national-stupidity.fdx")
    root = ElementTree.parse(SCREENPLAYS / "national-stupidity.fdx").getroot()
    parents = {child: parent for parent in root.iter() for child in parent}
    summaries = [t.text.strip() for t in root.iter("Text") if t.text and _in_summary(parents, t)]
    assert len(summaries) >= 20
    lines = {line for sc in s.scenes for line in [sc.heading, *sc.text.split("\n")]}
    assert not lines & set(summaries)
    assert sum(1 for sc in s.scenes if sc.synopsis) >= 15
    assert all(part in " ".join(sc.synopsis or "" for sc in s.scenes) for part in summaries)


def _in_summary(parents: dict, text: ElementTree.Element) -> bool:
    node = text
    while node in parents:
        node = parents[node]
        if node.tag == "Summary":
            return True
    return False


def test_boneyard_never_survives_and_notes_span_lines() -> None:
    s = script("afterwriting-syntax-test.fountain")
    assert "Ignored" not in _all_text(s) and "ignored" not in _all_text(s)
    assert "/*" not in _all_text(s) and "*/" not in _all_text(s)
    notes = [n for sc in s.scenes for n in sc.notes]
    assert "(inline note)" in notes
    assert any(n.startswith("Long long") and n.endswith("multiline note") for n in notes)


def test_verse_lines_starting_with_a_space_stay_dialogue() -> None:
    s = script("the-library-freak-out.fountain")
    scene = s.scenes[1]
    assert "Neema-sasim neema-sah" in scene.text
    assert "NAR" in scene.speakers and "YOR" in scene.speakers
    assert s.title == "THE LIBRARY FREAK-OUT"


def test_files_exist_for_every_fact() -> None:
    for name in TRUTH:
        assert name.startswith("_") or Path(SCREENPLAYS / name).is_file()
