"""Deterministic answers over a plan: days, scenes, cast, elements, money, totals, rankings,
savings and versions.

Also averages per day and what holds cost.

`answer(plan, query, script=...)` reads a plan record (`Plan` as JSON) and returns an `Answer`:
a short templated sentence, a table where one helps, and the facts (numbers and names) the
sentence used. Nothing here guesses: a subject the plan lacks is answered as such.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from tools.queries.averages import average_answer, hold_cost_answer
from tools.queries.board import Board, money_text, pages_text
from tools.queries.cast import cast_answer, cast_list_answer
from tools.queries.days import day_answer, day_of
from tools.queries.model import Answer, Aspect, Query, QueryKind
from tools.queries.money import account_answer, budget_answer, savings_answer
from tools.queries.overtime import overtime_answer
from tools.queries.ranked import ranked_subject
from tools.queries.runs import span_answer
from tools.queries.scenes import category_answer, location_answer, scene_answer, scenes_answer
from tools.queries.totals import MEASURES, RANK_SUBJECTS, RANKINGS, rank_answer, total_answer
from tools.queries.versions import versions_answer
from tools.queries.why import change_reasons, why_answer

__all__ = [
    "MEASURES",
    "RANKINGS",
    "RANK_SUBJECTS",
    "Answer",
    "Aspect",
    "Board",
    "Query",
    "QueryKind",
    "answer",
    "change_reasons",
    "money_text",
    "pages_text",
    "versions_answer",
]


def answer(
    plan: dict[str, Any],
    query: Query,
    *,
    script: dict[str, Any] | None = None,
    today: date | None = None,
) -> Answer:
    """The plan's answer to one query (`versions` needs the store: see `versions_answer`);
    a day said as "today" or "tomorrow" is read from the board's dates on `today`."""
    board = Board(plan, script)
    if query.when is not None:
        day = day_of(board, query.when, today or date.today())
        if isinstance(day, Answer):
            return day
        query = query.model_copy(update={"day": day, "when": None})
    if query.of_ranked and query.kind == "rank":
        query = ranked_subject(board, query)
    if query.why:
        return why_answer(board, query)
    if query.kind == "day":
        return day_answer(board, query)
    if query.kind == "scene":
        return scene_answer(board, query)
    if query.kind == "cast":
        return cast_answer(board, query) if query.cast else cast_list_answer(board, query)
    if query.kind == "category":
        return category_answer(board, query)
    if query.kind == "scenes":
        return scenes_answer(board, query)
    if query.kind == "location":
        return location_answer(board, query)
    if query.kind == "account":
        return account_answer(board, query) if query.account else budget_answer(board)
    if query.kind == "total":
        return total_answer(board, query)
    if query.kind == "rank":
        return rank_answer(board, query)
    if query.kind == "average":
        return average_answer(board, query)
    if query.kind == "hold_cost":
        return hold_cost_answer(board, query)
    if query.kind == "span":
        return span_answer(board, query)
    if query.kind == "savings":
        return savings_answer(board, query)
    if query.kind == "overtime":
        return overtime_answer(plan, query)
    raise ValueError(f"query kind {query.kind!r} needs the plan store, not one plan")
