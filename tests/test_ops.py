"""Operating the app: one JSON log line and metrics per turn, /metrics kept private, /healthz.

Turns run on the real graph with fake models; the routes run on a bare FastAPI app with the
app's own router, on a real SQLite database (and a silent socket for a database that hangs).
"""

from __future__ import annotations

import asyncio
import json
import logging
import socket
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from pydantic import SecretStr
from sqlalchemy.ext.asyncio import create_async_engine
from starlette.testclient import TestClient

from graph.providers import ModelSet, Provider
from graph.session import Assistant, run_turn
from graph.telemetry import METRICS, TurnTelemetry, turn_record
from greenlight.chat.assistant import AssistantHost
from greenlight.chat.ops import check_database, check_models, ops_router
from greenlight.settings import Settings
from tests.fakes import FakeChatModel

QUESTION = "How do I start a plan from my screenplay?"


def provider(name: str, mode: str = "ok") -> Provider:
    model = FakeChatModel(replies=["Send your screenplay and I will plan it."], mode=mode)  # type: ignore[arg-type]
    return Provider(name, "local", model, f"{name}-1")


def metric(name: str, **labels: str) -> float:
    return METRICS.get_sample_value(name, labels) or 0.0


def turn_lines(caplog: pytest.LogCaptureFixture) -> list[dict[str, Any]]:
    return [json.loads(r.getMessage()) for r in caplog.records if r.name == "greenlight.turns"]


@pytest.fixture
async def assistant(tmp_path: Path) -> AsyncIterator[Assistant]:
    # The embedded model never words an answer (issue 13), so the fallback is the other slot.
    models = ModelSet(local=provider("flaky", "refuse"), cloud=provider("backup"))
    host = AssistantHost(Settings(data_dir=tmp_path, _env_file=None), models=models)  # type: ignore[call-arg]
    try:
        yield await host.start()
    finally:
        await host.close()


async def test_a_turn_logs_one_json_line_and_counts_itself(
    assistant: Assistant, caplog: pytest.LogCaptureFixture
) -> None:
    before = {
        "ok": metric("greenlight_turns_total", outcome="ok"),
        "respond": metric("greenlight_node_seconds_count", node="respond"),
        "fallback": metric("greenlight_provider_fallbacks_total", provider="flaky"),
        "turns": metric("greenlight_turn_seconds_count"),
    }
    caplog.set_level(logging.INFO, logger="greenlight.turns")
    result = await run_turn(assistant, thread_id="ops-1", text=QUESTION)
    [line] = turn_lines(caplog)
    assert line["thread"] == "ops-1" and line["outcome"] != "error"
    assert line["route"] in {"local", "cloud"} and line["reason"]
    assert line["provider"] == result.usage["provider"] == "backup"  # type: ignore[index]
    assert [f.split(":")[0] for f in line["fallbacks"]] == ["flaky"]
    assert line["tokens_out"] > 0 and line["cost"] == 0.0
    assert {"ingest_files", "understand_request", "respond"} <= set(line["nodes"])
    assert all(s >= 0 for s in line["nodes"].values())
    assert QUESTION not in json.dumps(line), "the user's text stays out of the log"
    assert metric("greenlight_turns_total", outcome="ok") == before["ok"] + 1
    assert metric("greenlight_turn_seconds_count") == before["turns"] + 1
    assert metric("greenlight_node_seconds_count", node="respond") == before["respond"] + 1
    fallbacks = metric("greenlight_provider_fallbacks_total", provider="flaky")
    assert fallbacks == before["fallback"] + 1


class BrokenGraph:
    """A graph whose run fails at once, as a database error would."""

    def astream(self, *args: Any, **kwargs: Any) -> Any:
        raise ConnectionError("database went away")


async def test_a_failing_turn_is_logged_as_an_error_and_counted(
    assistant: Assistant, caplog: pytest.LogCaptureFixture
) -> None:
    broken = Assistant(BrokenGraph(), assistant.context, assistant.checkpointer)  # type: ignore[arg-type]
    before = metric("greenlight_turns_total", outcome="error")
    with pytest.raises(ConnectionError):
        await run_turn(broken, thread_id="ops-2", text="hello")
    [record] = [r for r in caplog.records if r.name == "greenlight.turns"]
    assert record.levelno == logging.ERROR
    assert json.loads(record.getMessage())["error"] == "ConnectionError"
    assert metric("greenlight_turns_total", outcome="error") == before + 1


@pytest.mark.parametrize(
    ("events", "expected"),
    [
        ([("a", None), ("a", {})], {"a"}),
        ([("a", None), ("b", None), ("b", {}), ("a", {})], {"a", "b"}),
        ([("a", {})], set()),  # an end without a start is not timed
    ],
)
def test_node_times_need_a_start_and_an_end(
    events: list[tuple[str, dict[str, Any] | None]], expected: set[str]
) -> None:
    seen: list[str] = []
    telemetry = TurnTelemetry("t")
    sink = telemetry.wrap(lambda name, update: seen.append(name))
    for name, update in events:
        sink(name, update)
    assert set(telemetry.nodes) == expected
    assert seen == [name for name, _ in events], "events still reach the caller's sink"


def test_the_record_of_a_deterministic_turn() -> None:
    record = turn_record(thread_id="t", seconds=0.12345, nodes={}, route=None, answer=None)
    assert (record["outcome"], record["provider"], record["tokens_in"]) == ("ok", None, 0)
    assert record["seconds"] == 0.1235 and record["fallbacks"] == []


def client(settings: Settings, models: Any, *, host: str = "127.0.0.1") -> TestClient:
    engine = create_async_engine(f"sqlite+aiosqlite:///{settings.data_dir / 'ops.db'}")
    app = FastAPI()
    app.include_router(ops_router(settings, engine, models=models))
    return TestClient(app, client=(host, 40000))


@pytest.mark.parametrize(
    ("host", "headers", "status"),
    [
        ("127.0.0.1", {}, 200),
        ("::1", {}, 200),
        ("10.1.2.3", {}, 404),
        ("127.0.0.1", {"X-Forwarded-For": "203.0.113.9"}, 404),  # behind a proxy
        ("10.1.2.3", {"Authorization": "Bearer s3cret-token"}, 200),
        ("10.1.2.3", {"Authorization": "Bearer wrong"}, 404),
        ("127.0.0.1", {"Authorization": "Bearer wrong"}, 404),
    ],
)
def test_metrics_are_for_loopback_or_the_token_only(
    tmp_path: Path, host: str, headers: dict[str, str], status: int
) -> None:
    settings = Settings(data_dir=tmp_path, metrics_token=SecretStr("s3cret-token"))
    response = client(settings, None, host=host).get("/metrics", headers=headers)
    assert response.status_code == status
    if status == 200:
        assert "greenlight_turn_seconds_bucket" in response.text


def test_metrics_without_a_token_are_loopback_only(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, metrics_token=None)
    outside = client(settings, None, host="10.1.2.3")
    assert outside.get("/metrics", headers={"Authorization": "Bearer "}).status_code == 404


def test_health_reports_the_database_and_models_without_secrets(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, openai_api_key=SecretStr("sk-very-secret"))
    models = ModelSet(local=provider("fake"), embedded=provider("backup"))
    response = client(settings, lambda: models, host="10.1.2.3").get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert (body["status"], body["database"], body["assistant"]) == ("ok", "ok", "ok")
    assert [(m["slot"], m["provider"], m["reachable"]) for m in body["models"]] == [
        ("local", "fake", True),
        ("embedded", "backup", True),
    ]
    assert "sk-very-secret" not in response.text and str(tmp_path) not in response.text


def test_health_is_degraded_while_the_assistant_starts(tmp_path: Path) -> None:
    def starting() -> ModelSet:
        raise RuntimeError("the assistant is not open")

    response = client(Settings(data_dir=tmp_path), starting).get("/healthz")
    assert response.status_code == 503
    assert response.json()["assistant"] == "starting"


async def test_an_ollama_that_does_not_answer_is_unreachable(tmp_path: Path) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        closed = s.getsockname()[1]
    settings = Settings(data_dir=tmp_path, ollama_url=f"http://127.0.0.1:{closed}")
    found = await check_models(ModelSet(local=provider("ollama")), settings)
    assert found == [
        {"slot": "local", "provider": "ollama", "model": "ollama-1", "reachable": False}
    ]


async def test_a_database_that_hangs_is_reported_within_the_timeout() -> None:
    held: list[asyncio.StreamWriter] = []

    async def accept(_r: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        held.append(writer)

    server = await asyncio.start_server(accept, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    engine = create_async_engine(f"postgresql+asyncpg://u:p@127.0.0.1:{port}/db")
    try:
        assert await check_database(engine, timeout_s=0.5) == "no answer within 0.5 s"
    finally:
        for writer in held:
            writer.close()
        server.close()
        await engine.dispose()


async def test_a_database_that_fails_is_named_by_error_type(tmp_path: Path) -> None:
    engine = create_async_engine(f"sqlite+aiosqlite:///{tmp_path / 'missing' / 'x.db'}")
    try:
        assert (await check_database(engine)).startswith("error: ")
    finally:
        await engine.dispose()
