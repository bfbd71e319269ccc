"""Scene headings, scene numbers, lighting inheritance and character cues, table-driven."""

from __future__ import annotations

import pytest

from tools.parsing import read_script
from tools.parsing.cues import group_members, is_cue_line, parse_cue
from tools.parsing.headings import assign_lighting, is_heading, parse_heading, split_scene_number

HEADINGS = [
    # heading, int_ext, location, main location, time of day, lighting
    ("INT.  WILL'S BEDROOM - NIGHT (1973)", "INT", "WILL'S BEDROOM", "WILL'S BEDROOM", "NIGHT",
     "NIGHT"),
    ("EXT. FRENCH COUNTRYSIDE -- DUSK", "EXT", "FRENCH COUNTRYSIDE", "FRENCH COUNTRYSIDE", "DUSK",
     "NIGHT"),
    ("EXT. LIBRARY--DAY", "EXT", "LIBRARY", "LIBRARY", "DAY", "DAY"),
    ("INT. SAN FRANCISCO APARTMENT, DAY", "INT", "SAN FRANCISCO APARTMENT",
     "SAN FRANCISCO APARTMENT", "DAY", "DAY"),
    ("INT. GYM. NIGHT", "INT", "GYM", "GYM", "NIGHT", "NIGHT"),
    ("INT. SHOWER. GYM", "INT", "SHOWER. GYM", "SHOWER. GYM", None, None),
    ("INT. AIRPLANE", "INT", "AIRPLANE", "AIRPLANE", None, None),
    ("EXT. Mast farm - nIGHT", "EXT", "MAST FARM", "MAST FARM", "NIGHT", "NIGHT"),
    ("EXT/INT. POLICE CAR - DAY", "INT/EXT", "POLICE CAR", "POLICE CAR", "DAY", "DAY"),
    ("EXT/INT.", "INT/EXT", "", "", None, None),
    ("I/E PICKUP TRUCK - MOVING - NIGHT", "INT/EXT", "PICKUP TRUCK - MOVING", "PICKUP TRUCK",
     "NIGHT", "NIGHT"),
    ("INT./EXT. SUTTER HOUSE - FRONT DOOR - CONTINUOUS", "INT/EXT", "SUTTER HOUSE - FRONT DOOR",
     "SUTTER HOUSE", "CONTINUOUS", None),
    ("EST. DOWNTOWN SKYLINE - SUNRISE", "EXT", "DOWNTOWN SKYLINE", "DOWNTOWN SKYLINE", "SUNRISE",
     "DAY"),
    ("INT. KITCHEN – MOMENTS LATER", "INT", "KITCHEN", "KITCHEN", "MOMENTS LATER", None),
    ("int. diner - (night)", "INT", "DINER", "DINER", "NIGHT", "NIGHT"),
    ("EXT. BEACH - MAGIC HOUR", "EXT", "BEACH", "BEACH", "MAGIC HOUR", "DAY"),
    ("INT. HOUSE - DAY - FLASHBACK", "INT", "HOUSE - DAY - FLASHBACK", "HOUSE", None, None),
    ("", None, "", "", None, None),
    ("BACK IN THE APARTMENT", None, "BACK IN THE APARTMENT", "BACK IN THE APARTMENT", None, None),
]  # fmt: skip


@pytest.mark.parametrize(("text", "int_ext", "location", "main", "time", "lighting"), HEADINGS)
def test_heading_parts(
    text: str, int_ext: str | None, location: str, main: str, time: str | None, lighting: str | None
) -> None:
    heading = parse_heading(text)
    assert (heading.int_ext, heading.location, heading.main_location) == (int_ext, location, main)
    assert (heading.time_of_day, heading.lighting) == (time, lighting)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("INT. HOUSE - DAY", True),
        ("EXT/INT. CAR", True),
        ("I/E VAN", True),
        ("INT./EXT. PORCH", True),
        ("int. lowercase - night", True),
        ("EXT.", True),
        ("INTERIOR KITCHEN - DAY", True),
        ("I am home.", False),
        ("Into the night.", False),
        ("EXTRA! EXTRA!", False),
        ("INTO THE WOODS", False),
        ("E.T. PHONES HOME", False),
    ],
)
def test_is_heading(text: str, expected: bool) -> None:
    assert is_heading(text) is expected


@pytest.mark.parametrize(
    ("text", "heading", "number"),
    [
        ("INT. HOUSE - DAY #1#", "INT. HOUSE - DAY", "1"),
        ("INT. HOUSE - DAY #12A#", "INT. HOUSE - DAY", "12A"),
        ("EXT. FIELD #I-1-A#", "EXT. FIELD", "I-1-A"),
        ("EXT. FIELD - NIGHT", "EXT. FIELD - NIGHT", None),
        ("EXT. ROOM #5", "EXT. ROOM #5", None),
    ],
)
def test_scene_numbers(text: str, heading: str, number: str | None) -> None:
    assert split_scene_number(text) == (heading, number)


def test_continuous_later_same_inherit_lighting_and_are_marked_inferred() -> None:
    texts = ["INT. A - NIGHT", "INT. B - CONTINUOUS", "EXT. C - LATER", "EXT. D - DAY",
             "INT. E - SAME", "INT. F", "EXT. G - DUSK", "INT. H - MOMENTS LATER"]  # fmt: skip
    lighting = assign_lighting([parse_heading(t) for t in texts])
    assert lighting == [
        ("NIGHT", False), ("NIGHT", True), ("NIGHT", True), ("DAY", False),
        ("DAY", True), ("DAY", True), ("NIGHT", False), ("NIGHT", True),
    ]  # fmt: skip


def test_first_scene_without_time_is_assumed_day_and_inferred() -> None:
    assert assign_lighting([parse_heading("INT. AIRPLANE")]) == [("DAY", True)]


def test_heading_numbers_from_fountain_and_sequential_fallback() -> None:
    text = b"INT. A - DAY #7#\n\nAction.\n\nINT. B - DAY\n\nAction.\n\nEXT. C - NIGHT #9B#\n\nGo.\n"
    script = read_script(text, filename="x.fountain")
    assert [s.number for s in script.scenes] == ["7", "2", "9B"]
    assert [s.heading for s in script.scenes] == ["INT. A - DAY", "INT. B - DAY", "EXT. C - NIGHT"]


CUES = [
    # line, is a cue, name, extensions, dual
    ("EDWARD", True, "EDWARD", (), False),
    ("EDWARD (V.O.)(CONT'D)", True, "EDWARD", ("V.O.", "CONT'D"), False),
    ("EDWARD (V.O.) (CONT’D)", True, "EDWARD", ("V.O.", "CONT'D"), False),
    ("WILL'S DATE", True, "WILL'S DATE", (), False),
    ("WILL’S DATE (O.S.)", True, "WILL'S DATE", ("O.S.",), False),
    ("1ST DIPLOMATIC TYPE", True, "1ST DIPLOMATIC TYPE", (), False),
    ("HERO 2 ^", True, "HERO 2", (), True),
    ("@McCabe", True, "MCCABE", (), False),
    ("ANNA'S VOICE", True, "ANNA", ("VOICE",), False),
    ("DR. JONES (ON PHONE)", True, "DR. JONES", ("ON PHONE",), False),
    ("THE TANKS ROLL INTO THE SQUARE AND STOP", False, None, None, None),
    ("BANG.", False, None, None, None),
    ("Edward", False, None, None, None),
    ("WAIT,", False, None, None, None),
    ("12", False, None, None, None),
    ("JOHN (V.O.) says hello", False, None, None, None),
]


@pytest.mark.parametrize(("line", "is_cue", "name", "extensions", "dual"), CUES)
def test_cues(
    line: str, is_cue: bool, name: str | None, extensions: tuple | None, dual: bool | None
) -> None:
    assert is_cue_line(line) is is_cue
    if is_cue:
        cue = parse_cue(line)
        assert (cue.name, cue.extensions, cue.dual, cue.raw) == (name, extensions, dual, line)


@pytest.mark.parametrize(
    ("name", "members"),
    [
        ("EDWARD AND WILL", ["EDWARD", "WILL"]),
        ("GIDEON, TEX & SCOBIE", ["GIDEON", "TEX", "SCOBIE"]),
        ("MOM/DAD", ["MOM", "DAD"]),
        ("PATRON ONE", ["PATRON ONE"]),
    ],
)
def test_group_members(name: str, members: list[str]) -> None:
    assert group_members(name) == members


def test_group_cue_splits_only_when_every_member_speaks_alone() -> None:
    text = (
        b"INT. ROOM - DAY\n\nEDWARD\nHi.\n\nWILL\nHey.\n\nEDWARD AND WILL\nTogether!\n\n"
        b"GUARDS ONE AND TWO\nHalt!\n"
    )
    scene = read_script(text, filename="g.fountain").scenes[0]
    assert scene.speakers == ["EDWARD", "WILL", "GUARDS ONE AND TWO"]
    assert "EDWARD AND WILL" in scene.raw_cues


def test_long_upper_case_line_is_action_not_a_cue() -> None:
    text = b"EXT. SQUARE - DAY\n\nTHE TANKS ROLL INTO THE SQUARE AND STOP\nNobody moves.\n"
    scene = read_script(text, filename="t.fountain").scenes[0]
    assert scene.speakers == []
    assert "THE TANKS ROLL INTO THE SQUARE AND STOP" in scene.text
