"""Detail lines for what the days and scenes use: background, locations, moves, equipment,
special requirements, catering, post and flat other costs."""

from __future__ import annotations

import math
from decimal import Decimal
from itertools import pairwise

from tools.budget.crew import CrewPlan
from tools.budget.days import RELOCATED, DayFacts, days_text, main_location, strip_kind
from tools.budget.lines import WORK_CODES, make_line
from tools.budget.model import BudgetLine
from tools.ratecard import RateCard
from tools.schedule.model import Dood
from tools.script import CATEGORIES

__all__ = [
    "catering_lines",
    "equipment_lines",
    "extras_lines",
    "location_lines",
    "move_lines",
    "other_lines",
    "post_lines",
    "scenes_with",
    "special_lines",
]


def scenes_with(facts: list[DayFacts], flag: str) -> list[tuple[str, int]]:
    """(scene, day) for every strip carrying `flag`, in shooting order."""
    return [(strip.id, day.index) for day in facts for strip in day.strips if flag in strip.flags]


def _scene_line(
    account: str,
    description: str,
    found: list[tuple[str, int]],
    per_scene: int,
    unit: str,
    rate: Decimal,
    **extra: object,
) -> BudgetLine:
    scenes = [scene for scene, _ in found]
    return make_line(
        account,
        description,
        len(found) * per_scene,
        unit,
        rate,
        source=f"{per_scene} x scenes {', '.join(scenes)}"
        if per_scene != 1
        else f"scenes {', '.join(scenes)}",
        scenes=scenes,
        days=sorted({day for _, day in found}),
        **extra,
    )


def extras_lines(facts: list[DayFacts], card: RateCard) -> list[BudgetLine]:
    """Background performers for every crowd scene."""
    found = scenes_with(facts, "extras")
    item = card.find("extras", "background")
    if not found or item is None:
        return []
    per_scene = int(card.rate("param", "extras_per_crowd_scene", Decimal(0)))
    if per_scene == 0:
        return []
    return [
        _scene_line(
            "2100", item.description, found, per_scene, "person-day", item.rate, labor="extras"
        )
    ]


def location_lines(facts: list[DayFacts], card: RateCard) -> list[BudgetLine]:
    """Per main location: a fee for each day used and a set-up for each visit block."""
    lines = []
    used: dict[str, list[int]] = {}
    kinds: dict[str, str] = {}
    for day in facts:
        for where in day.locations:
            used.setdefault(where, []).append(day.index)
        for strip in day.strips:
            kinds.setdefault(main_location(strip), strip_kind(strip))
    for where, days in used.items():
        kind = kinds[where]
        blocks = 1 + sum(1 for a, b in pairwise(days) if b != a + 1)
        lines.append(
            make_line(
                "2200",
                f"{where}: {kind} fee",
                len(days),
                "day",
                card.rate("location", kind),
                source=days_text(days),
                days=days,
                tags=["daily"],
            )
        )
        setup = card.find("setup", kind)
        if setup is not None:
            lines.append(
                make_line(
                    "2200",
                    f"{where}: set-up",
                    blocks,
                    "visit",
                    setup.rate,
                    source=f"{blocks} visit block(s): {days_text(days)}",
                    days=days,
                )
            )
    return lines


def move_lines(facts: list[DayFacts], card: RateCard) -> list[BudgetLine]:
    """Company moves within a day, counted from the order of strips."""
    moved = [day for day in facts if day.moves]
    if not moved:
        return []
    source = "; ".join(f"day {day.index + 1}: {' -> '.join(day.locations)}" for day in moved)
    return [
        make_line(
            "2300",
            "Company moves",
            sum(day.moves for day in moved),
            "move",
            card.rate("move", "company_move"),
            source=source,
            days=[day.index for day in moved],
        )
    ]


def equipment_lines(facts: list[DayFacts], card: RateCard) -> list[BudgetLine]:
    """Equipment packages on the days whose condition they apply to."""
    lines = []
    for item in card.of_kind("equipment"):
        days = [day.index for day in facts if item.applies_to in day.conditions]
        if days:
            lines.append(
                make_line(
                    "2400",
                    item.description or item.key,
                    len(days),
                    "day",
                    item.rate,
                    source=days_text(days),
                    days=days,
                    tags=["daily"],
                )
            )
    return lines


def _public_stunts(facts: list[DayFacts]) -> list[tuple[str, int]]:
    return [
        (strip.id, day.index)
        for day in facts
        for strip in day.strips
        if "stunts" in strip.flags
        and RELOCATED not in strip.flags
        and strip_kind(strip) == "street"
    ]


def special_lines(facts: list[DayFacts], card: RateCard) -> list[BudgetLine]:
    """Per-scene costs: public stunts, relocated set builds and flagged elements."""
    lines = []
    for item in card.of_kind("specialty"):
        if item.key == "public_stunt":
            found, tags = _public_stunts(facts), ["stunts"]
        elif item.key == "stage_set_build":
            found, tags = scenes_with(facts, RELOCATED), ["stunts"]
        elif item.key in CATEGORIES:
            found, tags = scenes_with(facts, item.key), []
        else:
            continue
        if found:
            lines.append(
                _scene_line(
                    "2500", item.description or item.key, found, 1, "scene", item.rate, tags=tags
                )
            )
    return lines


def catering_lines(
    facts: list[DayFacts], crew: CrewPlan, dood: Dood, card: RateCard
) -> list[BudgetLine]:
    """Meals for the crew and the cast working each day."""
    item = card.find("other", "catering")
    if item is None or not facts:
        return []
    cast = [
        sum(1 for row in dood.rows if day < len(row.codes) and row.codes[day] in WORK_CODES)
        for day in range(len(facts))
    ]
    crew_days = sum(crew.headcount(day) for day in range(len(facts)))
    return [
        make_line(
            "2600",
            item.description,
            crew_days + sum(cast),
            "person-day",
            item.rate,
            source=f"{crew_days} crew + {sum(cast)} cast person-days",
            days=list(range(len(facts))),
            tags=["daily"],
        )
    ]


def post_lines(
    facts: list[DayFacts], card: RateCard, *, work_days_per_week: int = 5
) -> list[BudgetLine]:
    """Editorial (shoot weeks plus post weeks), VFX shots and flat finishing costs."""
    lines = []
    for item in card.of_kind("post"):
        if item.key == "editorial":
            shoot = math.ceil(len(facts) / work_days_per_week)
            post = int(card.rate("param", "post_weeks", Decimal(0)))
            lines.append(
                make_line(
                    "3000",
                    item.description,
                    shoot + post,
                    "week",
                    item.rate,
                    source=f"{shoot} shoot weeks + {post} post weeks",
                )
            )
        elif item.key == "vfx_shot":
            found = scenes_with(facts, "vfx")
            per = int(card.rate("param", "vfx_shots_per_scene", Decimal(1)))
            if found:
                lines.append(
                    _scene_line(
                        "3100", item.description, found, per, "shot", item.rate, tags=["vfx"]
                    )
                )
        else:
            lines.append(
                make_line(
                    "3200",
                    item.description or item.key,
                    1,
                    "flat",
                    item.rate,
                    source=f"rate card line {item.line}",
                )
            )
    return lines


def other_lines(card: RateCard) -> list[BudgetLine]:
    """Flat other costs (legal and accounting, ...); catering and insurance are computed."""
    return [
        make_line(
            "4100",
            item.description or item.key,
            1,
            "flat",
            item.rate,
            source=f"rate card line {item.line}",
        )
        for item in card.of_kind("other")
        if item.key not in {"catering", "insurance"}
    ]
