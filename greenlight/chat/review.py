"""The "show my sessions" chat command: the review page's list of sessions as a table.

The same `store.review.load_review` feeds this table and the page at /review, so the chat and
the page never disagree.
"""

from __future__ import annotations

import re

import pandas as pd
from sqlalchemy.ext.asyncio import AsyncEngine

from greenlight.chat.outputs import ChatOutput, Table
from store.review import Review, SessionSummary, load_review
from tools.budget import format_money

__all__ = ["REVIEW_PATH", "answer_review", "is_review_command", "money", "review_frame"]

REVIEW_PATH = "/review"
_COMMAND = re.compile(
    r"^\s*(?:review|(?:show|list)(?:\s+me)?\s+(?:all\s+)?my\s+sessions|my\s+sessions)"
    r"\s*[.!?]*\s*$",
    re.IGNORECASE,
)


def is_review_command(text: str) -> bool:
    """True for "review", "show my sessions", "list my sessions" and the like."""
    return bool(_COMMAND.match(text))


def money(value: float | None, currency: str) -> str:
    """An amount with its currency ("" when there is none)."""
    return "" if value is None else format_money(value, currency)


def _row(s: SessionSummary) -> dict[str, object]:
    use = s.use()
    return {
        "Script": s.title,
        "Draft": s.draft,
        "Scenes": s.scenes if s.scenes is not None else "",
        "Versions": s.versions,
        "Current": f"v{s.current_version}" if s.current_version else "",
        "Days": s.days if s.days is not None else "",
        "Likely budget": money(s.budget, s.currency),
        "Savings": money(s.savings, s.currency),
        "Local msgs": s.messages("local"),
        "Cloud msgs": s.messages("cloud"),
        "Tokens": use.tokens_in + use.tokens_out,
        "Cost": round(use.cost, 4),
        "Last activity": s.last_activity.replace("T", " "),
        "Link": f"/thread/{s.thread_id}",
    }


def review_frame(review: Review) -> pd.DataFrame:
    """One row per session, in the review's order."""
    columns = list(_row(SessionSummary(thread_id="", title="")))
    return pd.DataFrame([_row(s) for s in review.sessions], columns=columns)


async def answer_review(out: ChatOutput, engine: AsyncEngine, user_id: str) -> None:
    """Answer the review command with the user's sessions as a table."""
    review = await load_review(engine, user_id)
    if not review.sessions:
        await out.say("You have no saved sessions yet.")
        return
    count = len(review.sessions)
    text = (
        f"You have {count} saved session{'s' if count != 1 else ''}, latest activity first. "
        f"The review page ({REVIEW_PATH}) sorts and searches them and links to each one."
    )
    await out.say(text, items=[Table("Your sessions", review_frame(review))])
