"""`greenlight ask`: one turn from the command line, memory kept per thread."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from greenlight.cli import main, parse

SCRIPT = "the-library-freak-out.fountain"


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("GREENLIGHT_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("GREENLIGHT_SOLVER_TIME_LIMIT_S", "2")
    monkeypatch.setenv("GREENLIGHT_OLLAMA_URL", "http://127.0.0.1:9")
    monkeypatch.delenv("GREENLIGHT_OPENAI_API_KEY", raising=False)
    monkeypatch.delenv("GREENLIGHT_OPENAI_BASE_URL", raising=False)
    return tmp_path


def test_ask_json_reports_route_provider_tokens_cost_and_facts(
    data_dir: Path, screenplays_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    script = str(screenplays_dir / SCRIPT)
    assert main(["ask", script, "", "--thread", "a", "--json", "--no-model"]) == 0
    first = json.loads(capsys.readouterr().out)
    assert first["version"] == 1 and first["provider"] == "deterministic"
    assert first["route"]["reason"] and first["route"]["target"] == "local"
    assert first["facts"]["overview"]["scenes"] == 3
    assert (first["tokens_in"], first["tokens_out"], first["cost"]) == (0, 0, 0.0)

    assert (
        main(["ask", script, "pin scene 1 to day 3", "--thread", "a", "--json", "--no-model"]) == 0
    )
    second = json.loads(capsys.readouterr().out)
    assert second["version"] == 2 and second["request"]["kind"] == "what_if"
    assert second["facts"]["diff"]["moved"]
    assert (data_dir / "greenlight.db").is_file()


def test_ask_streams_text_and_remembers_the_thread(
    data_dir: Path, screenplays_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    script = str(screenplays_dir / SCRIPT)
    assert main(["ask", script, "--thread", "b", "--no-model"]) == 0
    assert "THE LIBRARY FREAK-OUT" in capsys.readouterr().out
    assert main(["ask", script, "go back to version 1", "--thread", "b", "--no-model"]) == 0
    out = capsys.readouterr().out
    assert "Version 1 is current again" in out and "Read **" not in out


def test_a_missing_file_is_one_error_line(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["ask", str(data_dir / "nope.fountain"), "hi"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ") and err.count("\n") == 1


def test_the_question_may_follow_the_options() -> None:
    args = parse(["ask", "script.fdx", "--thread", "t1", "who works the most?"])
    assert (args.file, args.thread, args.message) == ("script.fdx", "t1", "who works the most?")
    assert parse(["ask", "script.fdx", "hello", "--thread", "t1"]).message == "hello"
    with pytest.raises(SystemExit):
        parse(["ask", "script.fdx", "--thread", "t1", "one", "two"])
