"""The plan's answers to a request's queries (`tools.queries`), as JSON facts for the turn.

Every answer is the query tool's own sentence, table and facts: the deterministic reply is
those sentences, and a capable model that words them is checked against those facts.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from graph.context import Context
from graph.facts import overview_facts
from tools import queries as plan_queries
from tools.queries import Answer, Query

__all__ = ["CAPABILITIES", "answer_queries", "outside_answer", "version_rows"]

Record = dict[str, Any]
CAPABILITIES = (
    "I can tell you what is shot on a day and where, who works when (start, finish, holds), "
    "when a scene is shot and who is in it, which scenes have stunts, animals or night "
    "exteriors, what a day, an account or a cast member costs, the savings, and re-plan "
    'what-ifs such as "two fewer days" or "MAYA is only available for the first three weeks".'
)


def outside_answer() -> Record:
    """The honest answer to a question the script and the plan cannot answer."""
    text = f"I don't have that: it is not in the script or the plan. {CAPABILITIES}"
    return Answer(kind="outside", text=text, found=False).model_dump(mode="json")


async def version_rows(ctx: Context, thread: str, current: int | None) -> list[Record]:
    """The thread's saved versions: number, label, days, budget, current."""
    rows = []
    for stored in await ctx.plans.versions(thread):
        o = overview_facts(stored.plan)
        rows.append(
            {
                "version": stored.version,
                "label": stored.label,
                "current": stored.version == current,
                "days": o.get("shooting_days", 0),
                "budget": o.get("budget_likely", 0.0),
            }
        )
    return rows


def answer_queries(
    plan: Record | None,
    script: Record | None,
    queries: Sequence[Query],
    versions: Sequence[Record] = (),
) -> list[Record]:
    """One answer record per query (a missing plan is said once)."""
    answers: list[Record] = []
    for query in queries:
        if query.kind == "versions":
            currency = str(((plan or {}).get("budget") or {}).get("currency") or "USD")
            found = plan_queries.versions_answer(list(versions), currency)
        elif plan is None:
            found = Answer(kind="none", text="There is no plan yet: ask me to plan the script.")
        else:
            found = plan_queries.answer(plan, query, script=script)
        answers.append(found.model_dump(mode="json"))
    return answers
