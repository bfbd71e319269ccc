"""Understand the message: the deterministic parser first, a model with structured output
only when the rules cannot tell, and a plain chat turn when neither can."""

from __future__ import annotations

import asyncio
import re
from typing import Any

from langchain_core.messages import BaseMessage, HumanMessage, SystemMessage
from langgraph.runtime import Runtime

from graph.context import Context
from graph.documents import parse_document_request
from graph.intents import Lexicon, Request, parse_intent
from graph.sites_upload import with_site_csv
from graph.state import State
from prompts import understand as prompt

__all__ = ["last_user_text", "understand_request", "understand_values"]

_ASKS = re.compile(
    r"\?\s*$|^\s*(who|what|when|where|why|how|which|is|are|can|could|will|do|does)\b", re.I
)


def last_user_text(messages: Any) -> str:
    """The text of the newest user message ("" when there is none)."""
    for message in reversed(list(messages)):
        if isinstance(message, BaseMessage) and message.type == "human":
            return message.text if isinstance(message.text, str) else str(message.content)
    return ""


def understand_values(text: str) -> dict[str, str]:
    """What the understand prompt is filled with: the message only, never the script."""
    return {"message": text}


async def _ask_model(text: str, context: Context) -> Request | None:
    models = context.models
    allowed_cloud = context.settings.privacy_mode != "local_only"
    provider = (models.cloud if allowed_cloud else None) or models.local
    if provider is None:
        return None
    values = understand_values(text)
    messages = [
        SystemMessage(prompt.SYSTEM.format(**values)),
        HumanMessage(prompt.USER.format(**values)),
    ]
    try:
        reader = provider.model.with_structured_output(Request)
        result = await asyncio.wait_for(reader.ainvoke(messages), context.understand_timeout_s)
    except Exception:  # any failure of the optional model means: answer as chat
        return None
    return Request.model_validate(result).model_copy(update={"text": text})


async def understand_request(state: State, runtime: Runtime[Context]) -> dict[str, Any]:
    """Turn the newest message into a typed request."""
    text = last_user_text(state.messages)
    previous = Request.model_validate(state.last_request) if state.last_request else None
    lexicon = Lexicon.from_script(state.script)
    # Documents first: a small rule set of its own, apart from the general intent grammar.
    request = parse_document_request(text) or parse_intent(text, previous=previous, lexicon=lexicon)
    if request is None:
        request = await _ask_model(text, runtime.context) or Request(kind="chat", text=text)
    if request.kind == "chat" and state.plan is not None and _ASKS.search(text):
        # A question the grammar cannot read gets an honest limit, not the plan's summary.
        request = Request(kind="question", topic="outside", text=text)
    if state.facts.get("uploaded") and request.kind == "chat":
        request = Request(kind="plan", text=text)
    if upload := state.facts.get("site_csv"):
        # An uploaded sites CSV is a correction of the sites: a re-plan, whatever was said.
        request = with_site_csv(request, upload)
    return {"request": request.model_dump(mode="json")}
