"""`greenlight progress` and `greenlight forecast` over a session `greenlight ask` saved."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.scriptfmt import to_fountain
from bench.scriptgen import GenOptions, generate
from greenlight.cli import main


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("GREENLIGHT_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("GREENLIGHT_SOLVER_TIME_LIMIT_S", "3")
    monkeypatch.setenv("GREENLIGHT_OLLAMA_URL", "http://127.0.0.1:9")
    monkeypatch.delenv("GREENLIGHT_OPENAI_API_KEY", raising=False)
    monkeypatch.delenv("GREENLIGHT_OPENAI_BASE_URL", raising=False)
    return tmp_path


def _script(tmp_path: Path) -> Path:
    generated = generate(GenOptions(seed=5, scenes=14, pages=11, speaking_parts=5, non_speaking=0))
    path = tmp_path / "feature.fountain"
    path.write_text(to_fountain(generated.title_page, generated.blocks()))
    return path


def test_progress_then_forecast_over_a_saved_session(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    script = _script(data_dir)
    assert main(["forecast", str(script)]) == 1
    assert "has no plan" in capsys.readouterr().err
    assert main(["ask", str(script), "", "--json", "--no-model"]) == 0
    plan = json.loads(capsys.readouterr().out)
    assert plan["version"] == 1
    assert main(["forecast", str(script)]) == 1
    assert "no production report yet" in capsys.readouterr().err

    report = data_dir / "day1.json"
    report.write_text(json.dumps({"all_planned": True, "overtime_hours": 3, "extra_background": 4}))
    assert main(["progress", str(script), "--day", "1", "--report", str(report), "--json"]) == 0
    filed = json.loads(capsys.readouterr().out)
    assert filed["version"] == 2 and filed["day"] == 1
    assert "3 hours of overtime, 4 extra background" in filed["progress"]["text"][0]

    assert main(["forecast", str(script), "--json"]) == 0
    record = json.loads(capsys.readouterr().out)
    forecast = record["forecast"]
    hot = {line["description"]: line for line in forecast["hot_costs"]}
    # 3 hours over: 2 at time and a half, 1 at double time = 5 straight hours.
    assert hot["Crew overtime, day 1"]["quantity"] == 5
    assert hot["Extra background, day 1"]["amount"] == 4 * 198
    assert record["version"] == 2 and forecast["reported_days"] == 1
    assert main(["forecast", str(script)]) == 0
    text = capsys.readouterr().out
    assert text.startswith("After 1 of") and "forecast at completion" in text

    # The chat sees what the CLI filed: the next turn answers from it.
    assert main(["ask", str(script), "what's our cost to complete?", "--json", "--no-model"]) == 0
    asked = json.loads(capsys.readouterr().out)
    assert asked["request"]["kind"] == "progress" and "cost to complete" in asked["answer"]


@pytest.mark.parametrize(
    ("content", "day", "message"),
    [
        ("{not json", 1, "not a JSON report"),
        ('{"day": 2}', 1, "give the day with --day"),
        ('{"overtime_hours": 40}', 1, "overtime_hours"),
        ("{}", 0, "count from 1"),
    ],
)
def test_bad_report_files_are_one_error_line(
    data_dir: Path, capsys: pytest.CaptureFixture[str], content: str, day: int, message: str
) -> None:
    report = data_dir / "bad.json"
    report.write_text(content)
    assert main(["progress", "x.fountain", "--day", str(day), "--report", str(report)]) == 1
    assert message in capsys.readouterr().err


def test_a_what_if_asked_from_the_cli_keeps_the_filed_days(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    script = _script(data_dir)
    assert main(["ask", str(script), "", "--json", "--no-model"]) == 0
    capsys.readouterr()
    report = data_dir / "day1.json"
    report.write_text(json.dumps({"all_planned": True, "overtime_hours": 2}))
    assert main(["progress", str(script), "--day", "1", "--report", str(report)]) == 0
    capsys.readouterr()
    assert main(["forecast", str(script), "--json"]) == 0
    before = json.loads(capsys.readouterr().out)

    asked = ["ask", str(script), "what if we had two more days?", "--json", "--no-model"]
    assert main(asked) == 0
    whatif = json.loads(capsys.readouterr().out)
    assert whatif["version"] == 3 and not whatif["facts"].get("failed"), whatif["answer"]
    assert "Day 1 is shot and stays as shot" in whatif["answer"]

    assert main(["forecast", str(script), "--json"]) == 0
    after = json.loads(capsys.readouterr().out)
    assert after["version"] == 3 and after["days"] == before["days"]
    assert after["forecast"]["hot_costs"] == before["forecast"]["hot_costs"]
    assert after["forecast"]["day_costs"] == before["forecast"]["day_costs"]
    assert after["forecast"]["forecast_days"] == before["forecast"]["forecast_days"] + 2

    report.write_text(json.dumps({"all_planned": True}))
    assert main(["progress", str(script), "--day", "2", "--report", str(report), "--json"]) == 0
    filed = json.loads(capsys.readouterr().out)
    assert filed["version"] == 4 and filed["day"] == 2
    assert main(["forecast", str(script), "--json"]) == 0
    two = json.loads(capsys.readouterr().out)
    assert two["days"][0] == before["days"][0] and two["forecast"]["reported_days"] == 2
    assert two["forecast"]["day_costs"][0] == before["forecast"]["day_costs"][0]
