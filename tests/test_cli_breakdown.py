"""`greenlight breakdown FILE [--json]` through the real command-line entry point."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from greenlight.cli import main
from tests.conftest import SCREENPLAYS

SCENE_KEYS = {"number", "heading", "int_ext", "location", "time_of_day", "time_of_day_inferred",
              "eighths", "speakers", "elements"}  # fmt: skip


def _json(capsys: pytest.CaptureFixture[str], path: Path) -> dict:
    assert main(["breakdown", str(path), "--json"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    return json.loads(out)


@pytest.mark.parametrize(
    "name", sorted(p.name for p in SCREENPLAYS.iterdir() if p.suffix in {".fdx", ".fountain"})
)
def test_json_shape_for_every_shared_screenplay(
    capsys: pytest.CaptureFixture[str], name: str
) -> None:
    data = _json(capsys, SCREENPLAYS / name)
    assert {"title", "format", "scenes", "speakers"} <= set(data)
    assert data["scenes"] and all(set(scene) >= SCENE_KEYS for scene in data["scenes"])
    for scene in data["scenes"]:
        assert isinstance(scene["eighths"], int) and scene["eighths"] >= 1
        assert all(s == s.upper() for s in scene["speakers"])
        for elements in scene["elements"].values():
            assert all({"name", "line"} <= set(e) for e in elements)


def test_json_values_for_national_stupidity(capsys: pytest.CaptureFixture[str]) -> None:
    data = _json(capsys, SCREENPLAYS / "national-stupidity.fdx")
    assert data["format"] == "fdx" and data["title"].startswith("NATIONAL STUPIDITY")
    assert len(data["scenes"]) == 26 and len(data["speakers"]) == 31
    third = data["scenes"][2]
    assert (third["number"], third["heading"], third["eighths"]) == (
        "3",
        "EXT. PARLIAMENT SQUARE - DAY",
        19,
    )
    assert (third["int_ext"], third["location"], third["time_of_day"]) == (
        "EXT",
        "PARLIAMENT SQUARE",
        "DAY",
    )
    assert sum(s["eighths"] for s in data["scenes"]) == 197


def test_json_elements_cite_their_line(capsys: pytest.CaptureFixture[str]) -> None:
    data = _json(capsys, SCREENPLAYS / "the-library-freak-out.fountain")
    patrons = data["scenes"][1]["elements"]["extras"][0]
    assert patrons == {"name": "patrons", "line": "Also in the area are MANY OTHER PATRONS,",
                       "line_no": 49, "explicit": False}  # fmt: skip
    assert data["scenes"][1]["time_of_day_inferred"] is False


def test_summary_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["breakdown", str(SCREENPLAYS / "national-stupidity.fdx")]) == 0
    out = capsys.readouterr().out.splitlines()
    assert (
        out[0].startswith("NATIONAL STUPIDITY")
        and "26 scenes" in out[0]
        and "24 5/8 pages" in out[0]
    )
    assert out[1].split() == ["SC", "HEADING", "D/N", "PAGES", "CAST", "ELEMENTS"]
    row = out[4]
    assert row.startswith("3 ") and "EXT. PARLIAMENT SQUARE - DAY" in row and " 2 3/8 " in row
    assert row.split()[-2:] == ["4", "1"]


def test_summary_table_marks_inferred_lighting(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["breakdown", str(SCREENPLAYS / "radio-studio.fountain")]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert "D?" in rows[2] and "3/8" in rows[2]


def test_missing_file_is_one_error_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["breakdown", str(tmp_path / "nope.fountain")]) == 1
    out, err = capsys.readouterr()
    assert (
        out == "" and err.count("\n") == 1 and err.startswith("error: ") and "does not exist" in err
    )
