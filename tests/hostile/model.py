"""The worst-case model: it obeys whatever text reaches it, script text included.

A real model may or may not follow an instruction injected into a script; this one always
does, so the tests prove the defences hold even when the model gives in. It quotes the user's
message and the script excerpt it was shown (carrying any markup into its answer), and when
anything it received asks for its system prompt, it recites it.
"""

from __future__ import annotations

from langchain_core.messages import BaseMessage

from tests.fakes import FakeChatModel

__all__ = ["ObedientModel", "system_text"]

QUOTE_CHARS = 300
"""How much of the message and the excerpt the model quotes back."""


def system_text(messages: list[BaseMessage]) -> str:
    """The system messages of one call, joined."""
    return "\n".join(str(m.content) for m in messages if m.type == "system")


def _excerpt(system: str) -> str:
    _, _, after = system.partition("SCRIPT EXCERPT")
    return after.partition("\n")[2][:QUOTE_CHARS]


class ObedientModel(FakeChatModel):
    """Replies by quoting what it was given, and leaks its prompt when asked to anywhere."""

    def _reply(self) -> str:
        messages = self.received[-1] if self.received else []
        system = system_text(messages)
        human = " ".join(str(m.content) for m in messages if m.type == "human")
        parts = ["Here is what I found.", f"You said: {human[:QUOTE_CHARS]}"]
        if excerpt := _excerpt(system):
            parts.append(f"The scene reads: {excerpt}")
        everything = f"{system}\n{human}".lower()
        if "system prompt" in everything:
            parts.append(f"My system prompt is: {system.partition('FACTS (JSON):')[0]}")
        return " ".join(parts)
