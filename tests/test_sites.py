"""Site inference from heading words and story order, corrections, phrases and CSV, table-driven."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from tools.parsing import read_path
from tools.parsing.headings import parse_heading
from tools.sites import (
    SiteCorrections,
    apply_corrections,
    infer_sites,
    parse_site_phrase,
    read_corrections_csv,
    site_kind,
)

SHARED = "../shared/data/screenplays"


@dataclass
class _Scene:
    number: str
    int_ext: str | None
    location: str
    time_of_day: str | None


def _scenes(headings: list[str]) -> list[_Scene]:
    out = []
    for i, text in enumerate(headings):
        h = parse_heading(text)
        out.append(_Scene(str(i + 1), h.int_ext, h.location, h.time_of_day))
    return out


def _sites(headings: list[str]) -> list[tuple[str, str]]:
    return [(a.site, a.set) for a in infer_sites(_scenes(headings))]


# Each row: headings in story order, then the (site, set) each must get.
RUNS = [
    (["INT. MILLER HOUSE - KITCHEN - DAY", "INT. MILLER KITCHEN - NIGHT",
      "EXT. MILLER BACKYARD - NIGHT", "INT. KITCHEN - CONTINUOUS"],
     [("MILLER HOUSE", "KITCHEN"), ("MILLER HOUSE", "KITCHEN"), ("MILLER HOUSE", "BACKYARD"),
      ("MILLER HOUSE", "KITCHEN")]),
    (["EXT. THE MILLERS' HOUSE - DAY", "INT. MILLER HOUSE - DAY"],
     [("MILLER HOUSE", "MILLER HOUSE"), ("MILLER HOUSE", "MILLER HOUSE")]),
    (["INT. ST. JUDE'S HOSPITAL - CORRIDOR - DAY", "INT. ST JUDES HOSPITAL - WARD - NIGHT",
      "INT. HOSPITAL CORRIDOR - DAY"],
     [("ST. JUDE'S HOSPITAL", "CORRIDOR"), ("ST. JUDE'S HOSPITAL", "WARD"),
      ("ST. JUDE'S HOSPITAL", "CORRIDOR")]),
    (["INT. HALLWAY, TOM'S APARTMENT BUILDING - NIGHT", "INT. TOM'S APARTMENT BUILDING - LOBBY"],
     [("TOM'S APARTMENT BUILDING", "HALLWAY"), ("TOM'S APARTMENT BUILDING", "LOBBY")]),
    (["INT. GRAND THEATRE - DAY", "INT. GRAND THEATER - BACKSTAGE - NIGHT"],
     [("GRAND THEATRE", "GRAND THEATRE"), ("GRAND THEATRE", "BACKSTAGE")]),
    (["INT. SHOWER. GYM"], [("GYM", "SHOWER")]),
    (["INT. GRAND HOTEL LOBBY, A BIT LATER"], [("GRAND HOTEL LOBBY", "LOBBY")]),
    (["INT. DINER - NIGHT", "EXT. STREET - CONTINUOUS"], [("DINER", "DINER"), ("DINER", "STREET")]),
    (["EXT. MAST FARM - NIGHT", "BACK IN THE BARN"],
     [("MAST FARM", "MAST FARM"), ("MAST FARM", "MAST FARM")]),
    (["INT. HOUSE - DAY - FLASHBACK"], [("HOUSE", "HOUSE")]),
    (["EXT. MACGREGOR FARMHOUSE - DAY", "INT. MCGREGOR FARMHOUSE - NIGHT"],
     [("MACGREGOR FARMHOUSE", "MACGREGOR FARMHOUSE")] * 2),
    (["INT. ORSON'S CAR - MOVING - NIGHT", "INT. KITCHEN - DAY"],
     [("ORSON'S CAR", "ORSON'S CAR"), ("KITCHEN", "KITCHEN")]),
    (["INT. POLICE STATION - BULLPEN - DAY", "INT. POLICE CAR - NIGHT"],
     [("POLICE STATION", "BULLPEN"), ("POLICE CAR", "POLICE CAR")]),
]  # fmt: skip


@pytest.mark.parametrize(("headings", "expected"), RUNS)
def test_sites_from_words_and_story_order(headings: list[str], expected: list) -> None:
    assert _sites(headings) == expected


def test_every_assignment_explains_itself() -> None:
    found = infer_sites(_scenes(["INT. MILLER HOUSE - DAY", "INT. KITCHEN - CONTINUOUS"]))
    assert found[0].site_reason == "named in the heading" and found[0].confidence > 0.9
    assert "CONTINUOUS from scene 1" in found[1].site_reason and found[1].confidence < 0.9


@pytest.mark.parametrize(
    ("name", "kind"),
    [("ORSON'S CAR", "vehicle"), ("CAR WASH", "practical"), ("SOUND STAGE 4", "stage"),
     ("MAIN STREET", "street"), ("BACKLOT TOWN", "backlot"), ("MILLER HOUSE", "practical")],
)  # fmt: skip
def test_site_kinds(name: str, kind: str) -> None:
    assert site_kind(name) == kind


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("scenes 18 to 25 are all at the lighthouse", ("scene", "18", "25", "lighthouse")),
        ("Scenes 3-5 are at the diner.", ("scene", "3", "5", "diner")),
        ("scene 12A is at the harbor", ("scene", "12A", "12A", "harbor")),
        ("KITCHEN is in the Miller house", ("location", "KITCHEN", "MILLER HOUSE")),
        ("the hospital is a stage", ("kind", "HOSPITAL", "stage")),
        ("what if the harbor is a stage?", ("kind", "HARBOR", "stage")),
        ("make the harbor a stage", ("kind", "HARBOR", "stage")),
        ("what if we shoot the diner on a stage?", ("kind", "DINER", "stage")),
        ("what if scenes 3-5 are at the diner?", ("scene", "3", "5", "diner")),
        ("Maya is unavailable the first week", None),
        ("shoot it in 18 days", None),
        ("it is a stage", None),
        ("WHO IS IN SCENE 2?", None),
        ("MAYA is in scene 4", None),
    ],
)
def test_chat_phrases(text: str, expected: tuple | None) -> None:
    found = parse_site_phrase(text)
    if expected is None:
        assert found is None
        return
    assert found is not None
    if expected[0] == "scene":
        span = found.scenes[0]
        assert (span.first, span.last, span.site) == expected[1:]
    elif expected[0] == "location":
        assert found.locations == {expected[1]: expected[2]}
    else:
        assert found.kinds == {expected[1]: expected[2]}


def test_phrases_need_a_known_place_when_given() -> None:
    known = ["MILLER HOUSE", "KITCHEN"]
    assert parse_site_phrase("Maya is in the hospital", known) is None
    assert parse_site_phrase("the kitchen is in the Miller house", known) is not None


def test_two_places_said_to_be_one_share_the_first_ones_site() -> None:
    known = ["TV NEWS STUDIO", "TV STUDIO GALLERY", "CHEAP PUB"]
    same = parse_site_phrase(
        "the TV news studio and the TV studio gallery are the same place", known
    )
    assert same is not None
    assert same.locations == {
        "TV NEWS STUDIO": "TV NEWS STUDIO",
        "TV STUDIO GALLERY": "TV NEWS STUDIO",
    }
    scenes = _scenes(
        ["INT. TV NEWS STUDIO - DAY", "INT. CHEAP PUB - DAY", "INT. TV STUDIO GALLERY - DAY"]
    )
    out = apply_corrections(scenes, infer_sites(scenes), same)
    assert out[0].site == out[2].site != out[1].site
    assert parse_site_phrase("the cheap pub and the moon are the same place", known) is None
    assert parse_site_phrase("Maya and Jonah are the same", known) is None


def test_corrections_win_and_say_so() -> None:
    scenes = _scenes(["INT. MILLER HOUSE - DAY", "INT. KITCHEN - DAY", "EXT. LIGHTHOUSE - DAY",
                      "INT. ST. JUDE'S HOSPITAL - WARD - DAY"])  # fmt: skip
    inferred = infer_sites(scenes)
    fix = parse_site_phrase("scenes 1 to 2 are all at the lighthouse")
    kind = parse_site_phrase("the hospital is a stage")
    assert fix is not None and kind is not None
    out = apply_corrections(scenes, inferred, fix.merged(kind))
    assert [a.site for a in out] == ["LIGHTHOUSE"] * 3 + ["ST. JUDE'S HOSPITAL"]
    assert out[0].confidence == 1.0 and out[0].site_reason.startswith("your correction")
    assert out[3].kind == "stage"
    wrong = parse_site_phrase("scenes 1 to 99 are at the lighthouse") or SiteCorrections()
    with pytest.raises(ValueError, match="'99'"):
        apply_corrections(scenes, inferred, wrong)


def test_location_correction_moves_every_scene_naming_it() -> None:
    scenes = _scenes(["INT. BELL HOUSE - DAY", "EXT. HARBOR - DAY", "INT. KITCHEN - NIGHT"])
    out = apply_corrections(
        scenes, infer_sites(scenes), SiteCorrections(locations={"KITCHEN": "bell house"})
    )
    assert out[2].site == "BELL HOUSE"


@pytest.mark.parametrize(
    ("text", "check"),
    [
        ("scene,site,set\n3,LIGHTHOUSE,LAMP ROOM\n", lambda c: c.scenes[0].set == "LAMP ROOM"),
        ("location,site,kind\nKITCHEN,MILLER HOUSE,practical\n",
         lambda c: c.locations == {"KITCHEN": "MILLER HOUSE"}),
    ],
)  # fmt: skip
def test_corrections_csv(text: str, check) -> None:
    assert check(read_corrections_csv(text))


@pytest.mark.parametrize(
    ("text", "message"),
    [("who,what\n1,2\n", "header"), ("scene,site\n3,\n", "line 2"),
     ("location,site,kind\nX,Y,castle\n", "kind 'castle'")],
)  # fmt: skip
def test_corrections_csv_refuses_bad_rows(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        read_corrections_csv(text)


def test_real_scripts_every_scene_has_an_explained_site() -> None:
    for name in ("national-stupidity.fdx", "the-library-freak-out.fountain",
                 "afterwriting-syntax-test.fountain"):  # fmt: skip
        script = read_path(f"{SHARED}/{name}")
        found = infer_sites(script.scenes)
        assert len(found) == len(script.scenes)
        assert all(a.site and a.set and a.site_reason for a in found)
    library = infer_sites(read_path(f"{SHARED}/the-library-freak-out.fountain").scenes)
    assert {a.site for a in library} == {"LIBRARY"}
