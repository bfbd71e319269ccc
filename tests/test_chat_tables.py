"""Tables and downloads: schedule, DOOD and scenes as frames, CSV/XLSX/JSON bytes."""

from __future__ import annotations

import io
import json

import openpyxl
import pandas as pd
import pytest

from greenlight.chat.tables import (
    csv_bytes,
    days_table,
    dood_table,
    json_bytes,
    scenes_table,
    schedule_table,
    xlsx_bytes,
)
from tools.schedule.model import Dood, DoodRow, ShootDay, Strip
from tools.script import Scene, Script


def test_schedule_table_follows_shooting_order() -> None:
    strips = [
        Strip(id="5", location="BARN", eighths=4, cast=["ANN", "BO"]),
        Strip(id="2", main_location="FIELD", lighting="NIGHT", eighths=10),
    ]
    days = [ShootDay(index=0, date="2025-03-01", strips=["2"]), ShootDay(index=1, strips=["5"])]
    frame = schedule_table(days, strips)
    assert frame[["day", "scene", "location", "lighting", "pages"]].values.tolist() == [
        [1, "2", "FIELD", "NIGHT", 1.25],
        [2, "5", "BARN", "DAY", 0.5],
    ]
    assert frame.loc[1, "cast"] == "ANN, BO" and frame.loc[0, "date"] == "2025-03-01"
    with pytest.raises(ValueError, match="unknown strip 'x'"):
        schedule_table([ShootDay(index=0, strips=["x"])], strips)


def test_days_table_shows_sites_and_moves() -> None:
    day = ShootDay(
        index=0, strips=["1", "2"], sites=["MILLER HOUSE", "DINER"], company_moves=1,
        set_moves=2, eighths=20, shoot_minutes=450, move_minutes=105, day_minutes=555,
    )  # fmt: skip
    row = days_table([day]).iloc[0].to_dict()
    assert row["sites"] == "MILLER HOUSE -> DINER" and row["company_moves"] == 1
    assert (row["set_moves"], row["pages"], row["move_min"], row["day_min"]) == (2, 2.5, 105, 555)


def test_dood_table_has_a_column_per_day() -> None:
    dood = Dood(
        days=3, rows=[DoodRow(name="ANN", codes=["SW", "H", "WF"], work_days=2, hold_days=1)]
    )
    frame = dood_table(dood)
    assert list(frame.columns) == ["cast", "D1", "D2", "D3", "work", "hold", "drop"]
    assert frame.iloc[0].tolist() == ["ANN", "SW", "H", "WF", 2, 1, 0]
    with pytest.raises(ValueError, match="'BO' has 1 codes for 3 days"):
        dood_table(Dood(days=3, rows=[DoodRow(name="BO", codes=["W"])]))


def _script() -> Script:
    scenes = [
        Scene(
            index=0,
            number="1",
            heading="INT. HOUSE - DAY",
            int_ext="INT",
            location="HOUSE",
            time_of_day="DAY",
            eighths=12,
            speakers=["ANN"],
            non_speaking=["DOG"],
        ),
        Scene(
            index=1,
            number="2",
            heading="EXT. ROAD - NIGHT",
            int_ext="EXT",
            location="ROAD",
            lighting="NIGHT",
            eighths=3,
        ),
    ]
    return Script(title="T", format="fountain", scenes=scenes)


def test_scenes_table() -> None:
    frame = scenes_table(_script())
    assert frame["scene"].tolist() == ["1", "2"]
    assert frame["pages"].tolist() == [1.5, 0.375]
    assert frame["cast"].tolist() == ["ANN, DOG", ""]


def test_csv_defuses_formulas_and_keeps_text() -> None:
    frame = pd.DataFrame({"name": ['=HYPERLINK("x")', "+1", "Zoë"], "n": [1, 2, 3]})
    data = csv_bytes(frame)
    assert data.startswith(b"\xef\xbb\xbf")
    back = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig")
    assert back["name"].tolist() == ['\'=HYPERLINK("x")', "'+1", "Zoë"]
    assert frame["name"][0].startswith("=")  # input not mutated


def test_xlsx_has_one_sheet_per_table() -> None:
    frame = pd.DataFrame({"scene": ["1", "2"], "pages": [1.5, 0.25]})
    data = xlsx_bytes({"Schedule": frame, "Bad/Name:[x]" + "y" * 40: frame, "schedule": frame})
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames[0] == "Schedule"
    assert all(len(name) <= 31 for name in book.sheetnames) and len(book.sheetnames) == 3
    assert "/" not in book.sheetnames[1] and book.sheetnames[2] == "schedule (2)"
    rows = list(book["Schedule"].iter_rows(values_only=True))
    assert rows == [("scene", "pages"), ("1", 1.5), ("2", 0.25)]
    with pytest.raises(ValueError, match="at least one"):
        xlsx_bytes({})


def test_json_of_models_and_frames() -> None:
    data = json.loads(json_bytes({"script": _script(), "table": scenes_table(_script())}))
    assert data["script"]["scenes"][1]["lighting"] == "NIGHT"
    assert data["table"][0]["scene"] == "1"
    with pytest.raises(TypeError, match="object"):
        json_bytes(object())
