"""Model clients and the fallback chain: chosen -> other -> embedded -> deterministic.

`build_models` is called at the edge (CLI, app) with the Settings and returns a `ModelSet`
that travels in the graph's runtime context; nothing here reads the environment. Every
client has an explicit timeout and retry count. `stream_with_fallback` streams an answer
from the first provider that produces a token; a failure before the first token falls
through to the next, a failure after it ends that answer with an honest note.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Literal

import httpx
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import BaseMessage

from graph.config import GraphSettings
from graph.embedded import EmbeddedChatModel, default_gguf_path

__all__ = [
    "CUT_NOTE",
    "ModelSet",
    "Provider",
    "StreamOutcome",
    "build_models",
    "probe_ollama",
    "stream_with_fallback",
]

CUT_NOTE = "\n\n(The model stopped mid-answer, so this answer is incomplete. Ask again to retry.)"


@dataclass
class Provider:
    """One model client with its price and time bounds."""

    name: str
    """"ollama", "openai" or "embedded" (tests use other names)."""
    kind: Literal["local", "cloud"]
    model: BaseChatModel
    model_name: str = ""
    price_in_per_1m: float = 0.0
    price_out_per_1m: float = 0.0
    first_token_timeout_s: float = 30.0
    chunk_timeout_s: float = 30.0
    retries: int = 0
    """Extra attempts after an error (not a timeout) before the first token."""

    def cost(self, tokens_in: int, tokens_out: int) -> float:
        """Price of one answer."""
        return (tokens_in * self.price_in_per_1m + tokens_out * self.price_out_per_1m) / 1e6


@dataclass
class ModelSet:
    """The providers a turn may use; any of them may be missing."""

    local: Provider | None = None
    cloud: Provider | None = None
    embedded: Provider | None = None

    def chain(self, target: Literal["local", "cloud"], *, allow_cloud: bool) -> list[Provider]:
        """Providers to try in order for a routed answer."""
        chosen, other = (self.local, self.cloud) if target == "local" else (self.cloud, self.local)
        ordered = [p for p in (chosen, other, self.embedded) if p is not None]
        return [p for p in ordered if allow_cloud or p.kind != "cloud"]


@dataclass
class StreamOutcome:
    """What the chain produced and what it cost."""

    text: str = ""
    provider: str = "deterministic"
    model: str = ""
    status: Literal["ok", "cut", "none"] = "none"
    tokens_in: int = 0
    tokens_out: int = 0
    cost: float = 0.0
    latency_s: float = 0.0
    first_token_s: float | None = None
    tokens_estimated: bool = False
    """True when the provider reported no usage and tokens were estimated (4 chars a token)."""
    failures: list[str] = field(default_factory=list)
    """One line per provider that failed before its first token."""


async def probe_ollama(url: str, *, timeout_s: float) -> bool:
    """True when an Ollama server answers at the URL within the timeout."""
    try:
        async with httpx.AsyncClient(timeout=timeout_s) as client:
            response = await client.get(url.rstrip("/") + "/api/tags")
        return response.status_code == 200
    except (httpx.HTTPError, OSError):
        return False


def _embedded(settings: GraphSettings) -> Provider:
    path = settings.embedded_model_path or default_gguf_path()
    model = EmbeddedChatModel(model_path=path, max_tokens=160)
    return Provider(
        "embedded",
        "local",
        model,
        path.name,
        first_token_timeout_s=settings.llm_timeout_s,
        chunk_timeout_s=settings.llm_timeout_s,
    )


def _cloud(settings: GraphSettings) -> Provider | None:
    if settings.openai_api_key is None and settings.openai_base_url is None:
        return None
    from langchain_openai import ChatOpenAI

    key = settings.openai_api_key.get_secret_value() if settings.openai_api_key else "none"
    model = ChatOpenAI(
        model=settings.openai_model,
        base_url=settings.openai_base_url,
        api_key=key,  # type: ignore[arg-type]
        timeout=httpx.Timeout(settings.llm_timeout_s, connect=settings.llm_connect_timeout_s),
        max_retries=settings.llm_max_retries,
        stream_usage=True,
        temperature=0.2,
    )
    return Provider(
        "openai",
        "cloud",
        model,
        settings.openai_model,
        settings.cloud_price_in_per_1m,
        settings.cloud_price_out_per_1m,
        settings.llm_timeout_s,
        settings.llm_timeout_s,
    )


async def build_models(settings: GraphSettings, *, probe: bool = True) -> ModelSet:
    """The providers the settings describe; Ollama only when it answers the probe."""
    local = None
    if probe and await probe_ollama(settings.ollama_url, timeout_s=settings.llm_connect_timeout_s):
        from langchain_ollama import ChatOllama

        timeout = httpx.Timeout(settings.llm_timeout_s, connect=settings.llm_connect_timeout_s)
        model = ChatOllama(
            model=settings.ollama_model,
            base_url=settings.ollama_url,
            temperature=0.2,
            client_kwargs={"timeout": timeout},
        )
        local = Provider(
            "ollama",
            "local",
            model,
            settings.ollama_model,
            first_token_timeout_s=settings.llm_timeout_s,
            chunk_timeout_s=settings.llm_timeout_s,
            retries=settings.llm_max_retries,
        )
    return ModelSet(local=local, cloud=_cloud(settings), embedded=_embedded(settings))


OnToken = Callable[[str], Awaitable[None] | None]


async def _emit(on_token: OnToken | None, text: str) -> None:
    if on_token is not None and (pending := on_token(text)) is not None:
        await pending


async def _attempt(
    provider: Provider, messages: list[BaseMessage], on_token: OnToken | None
) -> StreamOutcome:
    """Stream from one provider; raises only when nothing was produced."""
    started = time.perf_counter()
    outcome = StreamOutcome(provider=provider.name, model=provider.model_name, status="ok")
    stream = provider.model.astream(messages).__aiter__()
    try:
        timeout = provider.first_token_timeout_s
        while True:
            try:
                chunk = await asyncio.wait_for(stream.__anext__(), timeout)
            except StopAsyncIteration:
                break
            except Exception:
                if outcome.first_token_s is None:
                    raise
                outcome.status = "cut"
                break
            if usage := getattr(chunk, "usage_metadata", None):
                outcome.tokens_in += usage.get("input_tokens", 0)
                outcome.tokens_out += usage.get("output_tokens", 0)
            text = chunk.content if isinstance(chunk.content, str) else ""
            if text:
                if outcome.first_token_s is None:
                    outcome.first_token_s = time.perf_counter() - started
                    timeout = provider.chunk_timeout_s
                outcome.text += text
                await _emit(on_token, text)
    finally:
        aclose = getattr(stream, "aclose", None)
        if aclose is not None:
            with contextlib.suppress(Exception, TimeoutError):
                await asyncio.wait_for(aclose(), 1.0)
    if outcome.first_token_s is None:
        raise RuntimeError("the model returned an empty answer")
    return _settle(outcome, provider, messages, started)


def _settle(
    outcome: StreamOutcome, provider: Provider, messages: list[BaseMessage], started: float
) -> StreamOutcome:
    """Fill in tokens (estimated when the provider reported none), cost and latency."""
    if not outcome.tokens_out:
        outcome.tokens_estimated = True
        outcome.tokens_in = sum(len(str(m.content)) for m in messages) // 4
        outcome.tokens_out = len(outcome.text) // 4
    outcome.cost = provider.cost(outcome.tokens_in, outcome.tokens_out)
    outcome.latency_s = time.perf_counter() - started
    return outcome


def _why(exc: BaseException) -> str:
    if isinstance(exc, TimeoutError):
        return "no answer in time"
    return f"{type(exc).__name__}: {str(exc)[:160]}".rstrip(": ")


async def stream_with_fallback(
    chain: Sequence[Provider],
    messages_for: Callable[[Provider], list[BaseMessage]],
    *,
    on_token: OnToken | None = None,
) -> StreamOutcome:
    """Stream an answer from the first provider that produces one; status "none" if none did."""
    failures: list[str] = []
    for provider in chain:
        for attempt in range(provider.retries + 1):
            try:
                outcome = await _attempt(provider, messages_for(provider), on_token)
            except Exception as exc:
                failures.append(f"{provider.name}: {_why(exc)}")
                if isinstance(exc, TimeoutError) or attempt == provider.retries:
                    break
                continue
            outcome.failures = failures
            return outcome
    return StreamOutcome(failures=failures)
