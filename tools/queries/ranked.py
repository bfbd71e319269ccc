"""A question about a ranking's first ("who works the most days and what do they cost?"): the
ranking is answered, and the cast member, day, account or location it names is the subject."""

from __future__ import annotations

from tools.queries.board import Board
from tools.queries.model import Query
from tools.queries.totals import RANK_SUBJECTS, rank_answer

__all__ = ["ranked_subject"]


def ranked_subject(board: Board, query: Query) -> Query:
    """The query about what `query`'s ranking puts first, with its aspect; the ranking itself
    (flag cleared) when it names nobody."""
    ranking = query.model_copy(update={"of_ranked": False, "aspect": "all"})
    name = str(rank_answer(board, ranking).facts.get("name") or "")
    measure = query.measure or "day_cost"
    aspect, ranks = query.aspect, RANK_SUBJECTS.get(measure)
    if ranks == "day" and name.startswith("day ") and name.split()[-1].isdigit():
        return Query(kind="day", day=int(name.split()[-1]) - 1, aspect=aspect)
    if ranks == "cast" and name:
        return Query(kind="cast", cast=name, aspect=aspect)
    if measure == "account" and name:
        return Query(kind="account", account=name, aspect=aspect)
    if measure == "location" and name:
        return Query(kind="location", location=name, aspect=aspect)
    return ranking
