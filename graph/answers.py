"""The plan's answers to a request's queries (`tools.queries`), as JSON facts for the turn.

Every answer is the query tool's own sentence, table and facts: the deterministic reply is
those sentences, and a capable model that words them is checked against those facts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from graph.context import Context
from graph.facts import overview_facts
from graph.intent_patterns import WEEKLY_CAP
from tools import queries as plan_queries
from tools.queries import Answer, Query
from tools.queries.why import EXPLAINABLE

__all__ = ["CAPABILITIES", "LOSE", "answer_queries", "outside_answer", "version_rows", "why_answer"]

Record = dict[str, Any]
CAPABILITIES = (
    "I can tell you what is shot on a day and where, who works when (start, finish, holds), "
    "when a scene is shot and who is in it, which scenes have stunts, animals or night "
    "exteriors, what a day, an account or a cast member costs, the savings, and re-plan "
    'what-ifs such as "two fewer days" or "MAYA is only available for the first three weeks".'
)


LOSE = re.compile(
    r"\b(?:lose|lost|losing|can'?t (?:get|have|use)|cannot (?:get|have|use)|no longer have|"
    r"falls? through|fell through|pulls? out of)\b",
    re.I,
)
"""'what if we lose the warehouse?': a location gone, which needs to know where it goes."""


def _said(words: str, lower: str) -> bool:
    return bool(re.search(rf"\b{re.escape(words.lower())}\b", lower))


def _place_of(scene: Record) -> str:
    return str(scene.get("main_location") or scene.get("location") or "")


def _lost_location(text: str, script: Record | None) -> str | None:
    """The script's location a 'we lose the X' message names, if it names one."""
    if not LOSE.search(text):
        return None
    lower = text.lower()
    places = {_place_of(s) for s in (script or {}).get("scenes") or []}
    named = [p for p in places if p and _said(p, lower)]
    if not named:
        # "the motel" for RIVERSIDE MOTEL: one of its longer words.
        named = [p for p in places if any(_said(w, lower) for w in p.split() if len(w) > 3)]
    if not named:
        return None
    # The place most of the script's scenes are at ("the hospital": ST. JUDE'S HOSPITAL, not
    # the one corridor written CORRIDOR, ST JUDES HOSPITAL); of those, the fullest name.
    counts = [_place_of(s) for s in (script or {}).get("scenes") or []]
    return max(named, key=lambda p: (counts.count(p), len(p)))


def outside_answer(text: str = "", script: Record | None = None) -> Record:
    """The honest answer to a question the script and the plan cannot answer (a lost
    location: how to say where its scenes go instead, in words the chat reads)."""
    if place := _lost_location(text, script):
        scenes = list((script or {}).get("scenes") or [])
        first = next(str(s.get("number")) for s in scenes if _place_of(s) == place)
        others = [_place_of(s) for s in scenes if _place_of(s) not in {place, ""}]
        where = max(set(others), key=others.count).lower() if others else "the new location"
        words = " ".join(w for w in place.lower().split() if len(w) > 2)
        text = (
            f"Losing {place} is not a change I can re-plan by itself: its scenes need a new "
            f'home. Say where they go ("what if we shoot the {words} scenes on a stage?", or '
            f'"scene {first} is at the {where}") and I will re-plan with them there.'
        )
        return Answer(kind="outside", text=text, found=False).model_dump(mode="json")
    if WEEKLY_CAP.search(text):
        text = (
            "A cap on how many days a week one person works is not a rule I can plan by. Say "
            'the days they cannot work ("ORSON can\'t work Fridays", "ORSON is unavailable on '
            'days 3-5") or their window ("ORSON is only available for the first two weeks") '
            "and I will re-plan with it."
        )
        return Answer(kind="outside", text=text, found=False).model_dump(mode="json")
    text = f"I don't have that: it is not in the script or the plan. {CAPABILITIES}"
    return Answer(kind="outside", text=text, found=False).model_dump(mode="json")


def why_answer(outcome: Record | None = None) -> Record:
    """A "why?" with no figure before it to break down: the failed turn's reason again, or
    what can be explained."""
    notices = [str(n) for n in (outcome or {}).get("notices") or []]
    if notices:
        text = " ".join(notices)
    else:
        text = f"There is no figure just given that I can break down. {EXPLAINABLE}"
    return Answer(kind="why", text=text, found=False).model_dump(mode="json")


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
