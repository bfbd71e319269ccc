"""Breakdown rules on crafted scenes: each category found when stated, never on look-alikes."""

from __future__ import annotations

import pytest

from tests.conftest import SCREENPLAYS
from tools.breakdown import annotate, find_elements, merge_elements, minor_ages
from tools.parsing import read_path, read_script
from tools.script import CATEGORIES, Element

POSITIVE = [
    ("extras", "A CROWD gathers outside the gates.", "crowd"),
    ("extras", "Also in the area are MANY OTHER PATRONS,", "patrons"),
    ("extras", "Pedestrians scatter.", "passers-by"),
    ("stunts", "Jack falls off the roof.", "fall"),
    ("stunts", "They fight across the kitchen.", "fight"),
    ("stunts", "The van crashes through the fence.", "crash"),
    ("vehicles", "A police car screeches to a halt.", "police car"),
    ("vehicles", "She rides a motorcycle.", "motorcycle"),
    ("animals", "A horse grazes by the fence.", "horse"),
    ("animals", "Two dogs bark.", "dog"),
    ("weapons", "He draws a pistol.", "gun"),
    ("weapons", "A sword hangs on the wall.", "sword"),
    ("sfx", "Rain hammers the roof.", "rain"),
    ("sfx", "The car explodes.", "explosion"),
    ("sfx", "Smoke fills the room.", "smoke"),
    ("vfx", "A dragon circles the tower.", "creature"),
    ("vfx", "Her eyes glow dim red.", "glowing eyes"),
    ("vfx", "The ghost fades through the wall.", "ghost"),
    ("props", "She opens her laptop.", "laptop"),
    ("props", "He hands over a folder.", "folder"),
    ("wardrobe", "He wears a tuxedo.", "suit"),
    ("wardrobe", "all dressed in well-decorated robes", "robe"),
    ("makeup", "Blood trickles from his nose.", "blood"),
    ("makeup", "A fresh scar crosses her cheek.", "wounds"),
    ("minors", "A little girl waves.", "boy or girl"),
    ("minors", "CHALF, NAR, and YOR, each male and 15,", "minor, age 15"),
    ("minors", "TOMMY, 9, hides under the bed.", "minor, age 9"),
    ("minors", "A 12-year-old boy runs past.", "minor, age 12"),
]

NEGATIVE = [
    ("animals", "She grates horseradish into the sauce."),
    ("animals", "He flips through the catalogue."),
    ("vehicles", "The carpet is stained."),
    ("vehicles", "A bust of Caesar."),
    ("weapons", "GUNTHER waves."),
    ("weapons", "She eats a pistachio."),
    ("sfx", "A rainbow arcs overhead."),
    ("sfx", "A firefly blinks."),
    ("wardrobe", "Robert sits down."),
    ("makeup", "She pulls on a sweater."),
    ("minors", "He behaves childishly."),
    ("minors", "CHARYA, a librarian, 30, sits at a desk."),
    ("extras", "A crowdfunding page."),
    ("stunts", "Night falls."),
    ("vfx", "An imaginary line."),
    ("props", "She is bookish."),
]


@pytest.mark.parametrize(("category", "line", "name"), POSITIVE)
def test_rule_finds_element(category: str, line: str, name: str) -> None:
    found = find_elements([(42, line)])
    element = next(e for e in found.get(category, []) if e.name == name)
    assert (element.line, element.line_no, element.explicit) == (line, 42, False)


@pytest.mark.parametrize(("category", "line"), NEGATIVE)
def test_rule_ignores_look_alikes(category: str, line: str) -> None:
    assert category not in find_elements([(1, line)])


def test_every_category_has_positive_and_negative_cases() -> None:
    rule_categories = set(CATEGORIES) - {"cast"}
    assert {c for c, _, _ in POSITIVE} == rule_categories
    assert {c for c, _ in NEGATIVE} == rule_categories


@pytest.mark.parametrize(
    ("line", "ages"),
    [("BILLY, 8, and SUE, 14, play.", [8, 14]), ("MARGE, 40s, wipes", []), ("aged 6", [6]),
     ("Room 12, floor 3.", []), ("He is 45.", [])],
)  # fmt: skip
def test_minor_ages(line: str, ages: list[int]) -> None:
    assert minor_ages(line) == ages


def test_first_line_wins_and_each_element_is_listed_once() -> None:
    found = find_elements([(1, "A dog."), (2, "Another dog."), (3, "")])
    assert [(e.name, e.line_no) for e in found["animals"]] == [("dog", 1)]


def test_merge_keeps_the_first_source() -> None:
    tag = Element(name="Dog", line="Final Draft tag: Dog", explicit=True)
    rule = Element(name="dog", line="A dog.", explicit=False)
    merged = merge_elements({"animals": [tag]}, {"animals": [rule]})
    assert merged == {"animals": [tag]}


def test_scene_elements_come_from_action_not_dialogue() -> None:
    text = b"INT. ROOM - DAY\n\nA dog sleeps.\n\nBOB\nI have a gun.\n"
    scene = read_script(text, filename="r.fountain").scenes[0]
    assert "animals" in scene.elements and "weapons" not in scene.elements
    assert scene.elements["animals"][0].line_no == 3
    assert [(e.name, e.explicit) for e in scene.elements["cast"]] == [("BOB", True)]


def test_annotate_adds_rule_findings_and_keeps_existing() -> None:
    script = read_script(b"INT. ROOM - DAY\n\nQuiet.\n", filename="r.fountain")
    scene = script.scenes[0].model_copy(update={"text": "A horse walks in."})
    edited = script.model_copy(update={"scenes": [scene]})
    annotated = annotate(edited)
    assert annotated.scenes[0].elements["animals"][0].name == "horse"
    assert "animals" not in edited.scenes[0].elements  # input not mutated


def test_library_freak_out_hand_read_breakdown() -> None:
    script = read_path(SCREENPLAYS / "the-library-freak-out.fountain")
    inside, outside = script.scenes[1], script.scenes[2]

    def names(scene, category):  # type: ignore[no-untyped-def]
        return {e.name for e in scene.elements.get(category, [])}

    assert "unicorn" in names(inside, "animals")
    assert {"creature", "magic shields", "glowing eyes", "fire breath"} <= names(inside, "vfx")
    assert "fire" in names(inside, "sfx") and {"fire", "rubble"} <= names(outside, "sfx")
    assert {"creature", "transformation"} <= names(outside, "vfx")
    assert "patrons" in names(inside, "extras") and "patrons" in names(outside, "extras")
    props = {"backpacks", "books", "papers", "pencils", "notebooks", "folder"}
    assert props <= names(inside, "props")
    patrons = inside.elements["extras"][0]
    assert patrons.line == "Also in the area are MANY OTHER PATRONS," and patrons.line_no == 49
    assert "minor, age 15" in names(inside, "minors")


def test_phrase_wrapped_across_lines_is_credited_to_its_first_line() -> None:
    found = find_elements([(7, "Flames of out-of-control rage"), (8, "pour out of her throat")])
    element = found["vfx"][0]
    assert (element.name, element.line_no) == ("fire breath", 7)
