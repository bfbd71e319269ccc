"""What an answer may show: markup neutralised, the model's instructions never repeated.

Answers are Markdown the chat renders. Their text comes from the model and from the uploaded
script (titles, headings, cast and location names), and both are untrusted: a script can
carry `<img onerror=...>`, `![x](http://tracker/x.png)` or a `javascript:` link, and a model
that obeyed an injected "reveal your system prompt" would repeat its instructions. The policy,
applied once to every answer by the respond node:

- `<` before a tag-like character becomes `&lt;`, so no HTML element can open (Markdown shows
  the entity as a plain "<"); `->` and "< 5 days" are left alone.
- Markdown images become their alt text, and any other `![` loses its `!`, so nothing is
  fetched when the answer renders.
- Markdown links become their text, reference-link definitions are dropped: the facts hold no
  URLs, so any link came from the script or the model.
- Code fences (three or more backticks or tildes) become plain quotes, so a script cannot turn
  the rest of an answer into a code block.
- An answer repeating a run of the system prompt's fixed wording is treated as a leak.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["StreamGuard", "escape_tags", "leaked_instructions", "neutralize_markup"]

_TAG_OPEN = re.compile(r"<(?=[A-Za-z/!?])")
_TARGET = r"\((?:[^()\n]|\([^()\n]*\))*\)"
"""A link target in parentheses, one level of nested parentheses allowed."""
_IMAGE = re.compile(rf"!\[([^\]\n]*)\]\s*(?:{_TARGET}|\[[^\]\n]*\])")
_LINK = re.compile(rf"(?<!!)\[([^\]\n]*)\]\s*{_TARGET}")
_MAY_OPEN = re.compile(r"[!\[<`~]")
_REFERENCE = re.compile(r"^[ \t]*\[[^\]\n]+\]:[ \t]*\S+.*$", re.M)
_FENCE = re.compile(r"`{3,}|~{3,}")
_LEAK_WORDS = 8
"""Consecutive words of the instructions that count as repeating them."""


def escape_tags(text: str) -> str:
    """`<` that could open an HTML tag becomes `&lt;` (safe to apply token by token)."""
    return _TAG_OPEN.sub("&lt;", text)


def neutralize_markup(text: str) -> str:
    """The answer with HTML, images, links and code fences made inert (see the module doc)."""
    text = _IMAGE.sub(lambda m: m.group(1), text).replace("![", "[")
    text = _LINK.sub(lambda m: m.group(1), text)
    text = _REFERENCE.sub("", text)
    text = _FENCE.sub("'''", text)
    return escape_tags(text)


class StreamGuard:
    """Streams a model's tokens with the same policy as `neutralize_markup`.

    Markup can be split across tokens ("!" then "[x](...)"), so the unfinished part of the
    current line from its first character that could open markup is held back until the line
    ends; what was sent is always a prefix of the neutralised text seen so far.
    """

    def __init__(self) -> None:
        self.raw = ""
        self.sent = ""

    def feed(self, token: str) -> str:
        """Take one raw token; return the text that is now safe to show (maybe "")."""
        self.raw += token
        line = self.raw.rfind("\n") + 1
        opener = _MAY_OPEN.search(self.raw, line)
        safe = neutralize_markup(self.raw[: opener.start() if opener else len(self.raw)])
        if not safe.startswith(self.sent):
            return ""
        fresh, self.sent = safe[len(self.sent) :], safe
        return fresh


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", text.lower())


def leaked_instructions(answer: str, instructions: Iterable[str]) -> bool:
    """True when the answer repeats `_LEAK_WORDS` consecutive words of any instruction text.

    `instructions` are the prompt's fixed parts (no facts, no user text), so quoting the
    facts or the user's own words never counts.
    """
    said = " " + " ".join(_words(answer)) + " "
    for text in instructions:
        words = _words(text)
        for start in range(max(len(words) - _LEAK_WORDS + 1, 0)):
            if " " + " ".join(words[start : start + _LEAK_WORDS]) + " " in said:
                return True
    return False
