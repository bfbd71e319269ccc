"""The fallback chain with fakes and real sockets, the embedded model, and a real
OpenAI-compatible server on loopback for the cloud client."""

from __future__ import annotations

import asyncio
import socket
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from langchain_core.messages import BaseMessage, HumanMessage, SystemMessage

from graph.embedded import EmbeddedChatModel, default_gguf_path
from graph.providers import ModelSet, Provider, build_models, probe_ollama, stream_with_fallback
from greenlight.settings import Settings
from tests.fakes import FakeChatModel, Mode

PROMPT: list[BaseMessage] = [SystemMessage("Facts: 7 days."), HumanMessage("How long?")]


def fake(name: str, mode: Mode = "ok", reply: str = "Seven days in all.", **kw: Any) -> Provider:
    model = FakeChatModel(replies=[reply], mode=mode, delay_s=2.0)
    return Provider(
        name, "local", model, name, first_token_timeout_s=0.3, chunk_timeout_s=0.3, **kw
    )  # type: ignore[arg-type]


async def run(chain: list[Provider]) -> tuple[object, list[str]]:
    tokens: list[str] = []
    outcome = await stream_with_fallback(chain, lambda _p: PROMPT, on_token=tokens.append)
    return outcome, tokens


@pytest.mark.parametrize("mode", ["refuse", "timeout", "hang", "garbage"])
async def test_failure_before_the_first_token_falls_through(mode: Mode) -> None:
    outcome, tokens = await run([fake("first", mode), fake("second")])
    if mode == "garbage":  # garbage streams fine: grounding, not the chain, rejects it
        assert outcome.provider == "first"  # type: ignore[attr-defined]
        return
    assert outcome.provider == "second"  # type: ignore[attr-defined]
    assert outcome.status == "ok"  # type: ignore[attr-defined]
    assert "".join(tokens) == outcome.text == "Seven days in all."  # type: ignore[attr-defined]
    assert outcome.failures[0].startswith("first: ")  # type: ignore[attr-defined]


async def test_failure_mid_stream_ends_the_answer_without_falling_through() -> None:
    second = fake("second")
    reply = "The shoot takes seven days and then it"
    outcome, tokens = await run([fake("first", "fail_mid_stream", reply), second])
    assert "".join(tokens) == "The shoot takes"
    assert outcome.status == "cut"  # type: ignore[attr-defined]
    assert outcome.text == "The shoot takes"  # type: ignore[attr-defined]
    assert second.model.calls == 0  # type: ignore[attr-defined]


async def test_nothing_answers() -> None:
    outcome, tokens = await run([fake("a", "refuse"), fake("b", "hang")])
    assert (outcome.status, outcome.provider, tokens) == ("none", "deterministic", [])  # type: ignore[attr-defined]
    assert [f.split(":")[0] for f in outcome.failures] == ["a", "b"]  # type: ignore[attr-defined]
    assert "no answer in time" in outcome.failures[1]  # type: ignore[attr-defined]


async def test_errors_are_retried_but_timeouts_are_not() -> None:
    refusing, slow = fake("r", "refuse", retries=2), fake("s", "timeout", retries=2)
    await run([refusing, slow, fake("ok")])
    assert (refusing.model.calls, slow.model.calls) == (3, 1)  # type: ignore[attr-defined]


async def test_cost_is_priced_per_million_tokens() -> None:
    provider = fake("cloud", price_in_per_1m=0.15, price_out_per_1m=0.60)
    outcome, _ = await run([provider])
    # The fake reports 100 tokens in and one token per word out.
    assert (outcome.tokens_in, outcome.tokens_out) == (100, 4)  # type: ignore[attr-defined]
    assert outcome.cost == pytest.approx((100 * 0.15 + 4 * 0.60) / 1e6)  # type: ignore[attr-defined]


def test_chain_order_and_privacy() -> None:
    local, cloud, emb = fake("l"), fake("c"), fake("e")
    cloud.kind = "cloud"
    models = ModelSet(local=local, cloud=cloud, embedded=emb)
    assert [p.name for p in models.chain("cloud", allow_cloud=True)] == ["c", "l", "e"]
    assert [p.name for p in models.chain("local", allow_cloud=True)] == ["l", "c", "e"]
    assert [p.name for p in models.chain("cloud", allow_cloud=False)] == ["l", "e"]


@pytest.fixture
async def silent_server() -> AsyncIterator[int]:
    """A real socket that accepts connections and never answers."""
    held: list[asyncio.StreamWriter] = []

    async def accept(_r: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        held.append(writer)

    server = await asyncio.start_server(accept, "127.0.0.1", 0)
    yield server.sockets[0].getsockname()[1]
    for writer in held:
        writer.close()
    server.close()


async def test_probe_fails_fast_on_a_silent_or_closed_port(silent_server: int) -> None:
    started = time.perf_counter()
    assert not await probe_ollama(f"http://127.0.0.1:{silent_server}", timeout_s=0.5)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        closed = s.getsockname()[1]
    assert not await probe_ollama(f"http://127.0.0.1:{closed}", timeout_s=0.5)
    assert time.perf_counter() - started < 3


async def test_a_hanging_cloud_endpoint_falls_through(silent_server: int) -> None:
    settings = Settings(
        openai_base_url=f"http://127.0.0.1:{silent_server}/v1",
        llm_timeout_s=1.0,
        llm_connect_timeout_s=0.5,
        llm_max_retries=0,
        _env_file=None,
    )  # type: ignore[call-arg]
    models = await build_models(settings, probe=False)
    assert models.cloud is not None and models.local is None
    started = time.perf_counter()
    outcome, _ = await run([models.cloud, fake("local")])
    assert outcome.provider == "local"  # type: ignore[attr-defined]
    assert outcome.failures[0].startswith("openai: ")  # type: ignore[attr-defined]
    assert time.perf_counter() - started < 5


@pytest.mark.model
async def test_the_embedded_model_streams_with_usage() -> None:
    model = EmbeddedChatModel(model_path=default_gguf_path(), max_tokens=12)
    chunks = [chunk async for chunk in model.astream(PROMPT)]
    text = "".join(str(c.content) for c in chunks)
    usage = next(c.usage_metadata for c in chunks if c.usage_metadata)
    assert text.strip() and len(chunks) > 2
    assert usage is not None and usage["input_tokens"] > 5 and 0 < usage["output_tokens"] <= 13


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def llama_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """llama.cpp's OpenAI-compatible server on loopback, serving the shipped GGUF."""
    port = _free_port()
    log = Path(tmp_path_factory.mktemp("llama")) / "server.log"
    cmd = [
        sys.executable,
        "-m",
        "llama_cpp.server",
        "--model",
        str(default_gguf_path()),
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--n_ctx",
        "1024",
        "--n_threads",
        "2",
    ]
    with log.open("wb") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/v1/models", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.3)
        else:
            pytest.fail(f"llama_cpp.server did not start: {log.read_text()[-500:]}")
        yield f"http://127.0.0.1:{port}/v1"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.mark.model
async def test_langchain_openai_streams_from_a_real_server(llama_server: str) -> None:
    settings = Settings(
        openai_base_url=llama_server, openai_model="smollm2", llm_timeout_s=30, _env_file=None
    )  # type: ignore[call-arg]
    models = await build_models(settings, probe=False)
    assert models.cloud is not None
    models.cloud.model = models.cloud.model.bind(extra_body={"max_tokens": 12})  # type: ignore[assignment]
    outcome, tokens = await run([models.cloud])
    assert outcome.provider == "openai" and outcome.status == "ok"  # type: ignore[attr-defined]
    assert len(tokens) > 1 and "".join(tokens) == outcome.text  # type: ignore[attr-defined]
    # llama.cpp's server sends no usage when streaming: tokens are estimated, and say so.
    assert outcome.tokens_in > 0 and 0 < outcome.tokens_out <= 20  # type: ignore[attr-defined]
    assert outcome.tokens_estimated  # type: ignore[attr-defined]
    assert outcome.cost > 0  # type: ignore[attr-defined]


@pytest.fixture
def ollama_server() -> Iterator[str]:
    """A minimal Ollama-compatible HTTP server on loopback (tags + streamed NDJSON chat)."""
    import json
    import threading

    import uvicorn
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import JSONResponse, StreamingResponse
    from starlette.routing import Route

    async def tags(_request: Request) -> JSONResponse:
        return JSONResponse({"models": [{"name": "tiny:1b", "model": "tiny:1b"}]})

    async def chat(request: Request) -> StreamingResponse:
        body = await request.json()
        words = ["Seven", " days", " in", " all."]

        async def lines() -> AsyncIterator[bytes]:
            base = {"model": body["model"], "created_at": "2026-01-01T00:00:00Z"}
            for word in words:
                message = {"role": "assistant", "content": word}
                yield (json.dumps({**base, "message": message, "done": False}) + "\n").encode()
            final = {
                **base,
                "message": {"role": "assistant", "content": ""},
                "done": True,
                "done_reason": "stop",
                "prompt_eval_count": 42,
                "eval_count": len(words),
            }
            yield (json.dumps(final) + "\n").encode()

        return StreamingResponse(lines(), media_type="application/x-ndjson")

    app = Starlette(routes=[Route("/api/tags", tags), Route("/api/chat", chat, methods=["POST"])])
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="error"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=5)


async def test_ollama_is_used_when_it_answers(ollama_server: str) -> None:
    settings = Settings(
        ollama_url=ollama_server, ollama_model="tiny:1b", llm_timeout_s=5, _env_file=None
    )  # type: ignore[call-arg]
    models = await build_models(settings, probe=True)
    assert models.local is not None and models.local.name == "ollama"
    assert [p.name for p in models.chain("local", allow_cloud=True)] == ["ollama", "embedded"]
    outcome, tokens = await run([models.local])
    assert outcome.provider == "ollama" and outcome.text == "Seven days in all."  # type: ignore[attr-defined]
    assert (outcome.tokens_in, outcome.tokens_out, outcome.cost) == (42, 4, 0.0)  # type: ignore[attr-defined]
    assert len(tokens) == 4
