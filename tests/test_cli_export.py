"""`greenlight export`: every document headless, bad days and missing files refused in words."""

from __future__ import annotations

from pathlib import Path

import pytest

from greenlight.cli import main
from tests.paperwork_plans import SHARED_SCRIPT, pdf_text
from tools.paperwork.preview import page_count


@pytest.fixture(autouse=True)
def _data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GREENLIGHT_DATA_DIR", str(tmp_path / "var"))
    monkeypatch.setenv("GREENLIGHT_SOLVER_TIME_LIMIT_S", "5")


def test_export_call_sheet_on_a4(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "cs.pdf"
    args = ["export", str(SHARED_SCRIPT), "--doc", "callsheet", "--day", "2", "--paper", "a4"]
    assert main([*args, "--start-date", "2026-12-07", "--out", str(out)]) == 0
    text = " ".join(pdf_text(out.read_bytes()).split())
    assert "CALL SHEET · Day 2 of" in text and "Date: 2026-12-08" in text
    assert "Plan version 0 of" in text
    assert page_count(out.read_bytes()) == 1
    assert "wrote" in capsys.readouterr().out


def test_export_ics_needs_a_start_date(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "days.ics"
    assert main(["export", str(SHARED_SCRIPT), "--doc", "ics", "--out", str(out)]) == 1
    assert "set a start date" in capsys.readouterr().err
    args = ["export", str(SHARED_SCRIPT), "--doc", "ics", "--start-date", "2026-12-07"]
    assert main([*args, "--out", str(out)]) == 0
    assert out.read_bytes().count(b"BEGIN:VEVENT") >= 5


def test_export_refuses_a_day_past_the_end(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["export", str(SHARED_SCRIPT), "--doc", "callsheet", "--day", "99"]
    assert main([*args, "--out", str(tmp_path / "x.pdf")]) == 1
    assert "there is no shooting day 99" in capsys.readouterr().err
    assert main(["export", str(tmp_path / "none.fdx"), "--doc", "json", "--out", "x"]) == 1
