"""Fake chat models for tests: scripted replies, streaming, tools, structured output, failures.

Injected through the graph's context, never patched in. Each fake records the messages it
received, so tests can prove what a provider saw (privacy mode).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator, Sequence
from typing import Any, Literal

from langchain_core.callbacks import AsyncCallbackManagerForLLMRun, CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, AIMessageChunk, BaseMessage
from langchain_core.messages.ai import UsageMetadata
from langchain_core.outputs import ChatGeneration, ChatGenerationChunk, ChatResult
from langchain_core.runnables import Runnable, RunnableLambda
from pydantic import BaseModel, Field

__all__ = ["FakeChatModel", "FakeRefusal", "Mode"]

Mode = Literal["ok", "refuse", "timeout", "hang", "fail_mid_stream", "garbage"]
GARBAGE = "Great news: the shoot now takes 77 days and costs $9,876,543, saving 42% on scene 999."


class FakeRefusal(RuntimeError):
    """What a provider raises when it refuses a request."""


class FakeChatModel(BaseChatModel):
    """Replays scripted replies (cycled), word by word when streamed, or fails as told."""

    replies: list[str] = Field(default_factory=lambda: ["All set."])
    structured: list[dict[str, Any]] = Field(default_factory=list)
    """Replies for `with_structured_output`, validated into the schema asked for."""
    mode: Mode = "ok"
    delay_s: float = 5.0
    """How long "timeout" waits before its first token."""
    tokens_before_failure: int = 3
    received: list[list[BaseMessage]] = Field(default_factory=list)
    tools: list[Any] = Field(default_factory=list)
    calls: int = 0

    @property
    def _llm_type(self) -> str:
        return "fake-chat"

    def _reply(self) -> str:
        if self.mode == "garbage":
            return GARBAGE
        return self.replies[self.calls % len(self.replies)]

    def _start(self, messages: Sequence[BaseMessage]) -> str:
        self.received.append(list(messages))
        reply = self._reply()
        self.calls += 1
        if self.mode == "refuse":
            raise FakeRefusal("the provider refused the request (403)")
        return reply

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        reply = self._start(messages)
        if self.mode in {"timeout", "hang", "fail_mid_stream"}:
            raise TimeoutError(f"fake {self.mode}")
        return ChatResult(generations=[ChatGeneration(message=AIMessage(content=reply))])

    def _stream(self, *args: Any, **kwargs: Any) -> Iterator[ChatGenerationChunk]:
        raise NotImplementedError("the fake streams asynchronously only")

    async def _astream(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: AsyncCallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> AsyncIterator[ChatGenerationChunk]:
        reply = self._start(messages)
        if self.mode == "hang":
            await asyncio.Event().wait()
        if self.mode == "timeout":
            await asyncio.sleep(self.delay_s)
        words = reply.split(" ")
        for index, word in enumerate(words):
            if self.mode == "fail_mid_stream" and index == self.tokens_before_failure:
                raise ConnectionError("stream broke")
            text = word if index == 0 else " " + word
            chunk = ChatGenerationChunk(message=AIMessageChunk(content=text))
            if run_manager:
                await run_manager.on_llm_new_token(text, chunk=chunk)
            yield chunk
            await asyncio.sleep(0)
        usage = UsageMetadata(
            input_tokens=100, output_tokens=len(words), total_tokens=100 + len(words)
        )
        yield ChatGenerationChunk(message=AIMessageChunk(content="", usage_metadata=usage))

    def bind_tools(self, tools: Sequence[Any], **kwargs: Any) -> FakeChatModel:  # type: ignore[override]
        """Record the tools and return the same fake."""
        self.tools.extend(tools)
        return self

    def with_structured_output(  # type: ignore[override]
        self, schema: Any, **kwargs: Any
    ) -> Runnable[Any, Any]:
        """A runnable returning the next scripted structured reply as `schema`."""

        async def answer(messages: Any) -> Any:
            self._start(messages if isinstance(messages, list) else [messages])
            if self.mode == "hang":
                await asyncio.Event().wait()
            if self.mode == "timeout":
                await asyncio.sleep(self.delay_s)
            if self.mode != "ok" or not self.structured:
                raise ValueError("the model returned no structured answer")
            data = self.structured[(self.calls - 1) % len(self.structured)]
            return (
                schema.model_validate(data)
                if isinstance(schema, type) and issubclass(schema, BaseModel)
                else data
            )

        return RunnableLambda(lambda _: None, afunc=answer)
