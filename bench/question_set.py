"""The questions of `python -m bench questions`: for one plan, questions of every kind in
varied phrasing, each with the figures and names its answer must contain (computed here from
the plan's own records, not by the query tools)."""

from __future__ import annotations

import random

from bench.question_model import Question, Record, pick
from bench.question_runs import run_questions
from tools.queries import money_text, pages_text

__all__ = ["Question", "questions_for"]


def _day_costs(plan: Record) -> list[float]:
    days = plan["schedule"]["days"]
    costs = [0.0] * len(days)
    for line in plan["budget"]["lines"]:
        spread = [d for d in line.get("days") or [] if d < len(days)]
        for d in spread:
            costs[d] += float(line["amount"]) / len(spread)
    return costs


def _strips(plan: Record) -> dict[str, Record]:
    return {s["id"]: s for s in plan["problem"]["strips"]}


def _day_questions(plan: Record, rng: random.Random) -> list[Question]:
    days, strips, out = plan["schedule"]["days"], _strips(plan), []
    costs = _day_costs(plan)
    for index in rng.sample(range(len(days)), min(6, len(days))):
        d, day = index + 1, days[index]
        sites = list(
            dict.fromkeys(
                strips[s].get("main_location") or strips[s]["location"] for s in day["strips"]
            )
        )
        cast = list(dict.fromkeys(c for s in day["strips"] for c in strips[s]["cast"]))
        out += [
            Question(
                pick(
                    rng,
                    [
                        "What's on day {d}?",
                        "what are we shooting on day {d}",
                        "which scenes do we shoot day {d}?",
                    ],
                    d=d,
                ),
                [*day["strips"]],
                "day scenes",
            ),
            Question(
                pick(
                    rng,
                    ["Where are we on day {d}?", "where is day {d}", "what location is day {d}?"],
                    d=d,
                ),
                sites,
                "day sites",
            ),
            Question(
                pick(
                    rng,
                    [
                        "who works on day {d}",
                        "who's called on day {d}?",
                        "which actors are on day {d}",
                    ],
                    d=d,
                ),
                cast or ["no named cast"],
                "day cast",
            ),
            Question(
                pick(
                    rng,
                    ["how much does day {d} cost?", "what does day {d} cost", "cost of day {d}"],
                    d=d,
                ),
                [money_text(costs[index])],
                "day cost",
            ),
            Question(
                pick(rng, ["how many pages on day {d}", "page count for day {d}?"], d=d),
                [pages_text(day["eighths"])],
                "day pages",
            ),
        ]
    nxt = min(1, len(days) - 1)
    out.append(Question("what's on day 1?", [*days[0]["strips"]], "day scenes"))
    out.append(Question(f"and day {nxt + 1}?", [*days[nxt]["strips"]], "follow-up", follows=True))
    out.append(
        Question("what about the cost?", [money_text(costs[nxt])], "follow-up", follows=True)
    )
    # "why?" after it: the day's biggest account share, summed here from the lines.
    names = {a["code"]: a["name"] for a in plan["budget"]["accounts"]}
    parts: dict[str, float] = {}
    for line in plan["budget"]["lines"]:
        spread = [d for d in line.get("days") or [] if d < len(days)]
        if nxt in spread:
            name = names[line["account"]]
            parts[name] = parts.get(name, 0.0) + float(line["amount"]) / len(spread)
    if parts:
        top = max(parts, key=lambda n: parts[n])
        out.append(Question("why?", [f"{top} {money_text(parts[top])}"], "why", follows=True))
    return out


def _scene_questions(plan: Record, rng: random.Random) -> list[Question]:
    strips, out = _strips(plan), []
    first_day: dict[str, int] = {}
    spans: dict[str, int] = {}
    for day in plan["schedule"]["days"]:
        for s in day["strips"]:
            first_day.setdefault(s, day["index"] + 1)
            spans[s] = spans.get(s, 0) + 1
    for sid in rng.sample(sorted(strips), min(8, len(strips))):
        out += [
            Question(
                pick(
                    rng,
                    [
                        "When is scene {s} shot?",
                        "what day is scene {s}",
                        "when do we shoot scene {s}?",
                    ],
                    s=sid,
                ),
                [f"day{'s' if spans[sid] > 1 else ''} {first_day[sid]}"],
                "scene day",
            ),
            Question(
                pick(
                    rng, ["who's in scene {s}", "Who is in scene {s}?", "cast of scene {s}"], s=sid
                ),
                strips[sid]["cast"] or ["no named cast"],
                "scene cast",
            ),
        ]
    one, two = rng.sample(sorted(first_day), 2) if len(first_day) > 1 else (None, None)
    if one and two and first_day[one] != first_day[two] and spans[one] == spans[two] == 1:
        early = one if first_day[one] < first_day[two] else two
        phrasing = ["why does scene {a} come before scene {b}?", "how come scene {a} is after {b}?"]
        out.append(
            Question(
                pick(rng, phrasing, a=one, b=two),
                [f"day {first_day[one]}", f"day {first_day[two]}", f"so scene {early} comes first"],
                "why pair",
            )
        )
    return out


_ON_SET = {"SW", "W", "WF", "SWF"}


def _on_day(row: Record, spoken: str, rng: random.Random) -> Question:
    """'is MAYA working on day 10?' (or held, or free) on a day of their row: yes or no."""
    day = rng.randrange(len(row["codes"]))
    code = row["codes"][day]
    asked, phrasings = rng.choice(
        [
            ("work", ["is {n} working on day {d}?", "does {n} work on day {d}?"]),
            ("hold", ["is {n} on hold on day {d}?"]),
            ("free", ["is {n} free on day {d}?"]),
        ]
    )
    yes = {"work": code in _ON_SET, "hold": code == "H", "free": code not in _ON_SET}[asked]
    return Question(
        pick(rng, phrasings, n=spoken, d=day + 1),
        [f"{'Yes' if yes else 'No'}: {row['name']}", f"day {day + 1}"],
        "cast on a day",
    )


def _cast_questions(plan: Record, rng: random.Random) -> list[Question]:
    rows = [r for r in plan["dood"]["rows"] if r["work_days"]]
    out = []
    for row in rng.sample(rows, min(6, len(rows))):
        name = row["name"]
        spoken = name.title() if rng.random() < 0.5 else name
        cost = sum(
            float(ln["amount"])
            for ln in plan["budget"]["lines"]
            if ln["account"] == "1300" and ln["description"].split(" (")[0] == name
        )
        out += [
            Question(
                pick(
                    rng,
                    ["When does {n} start?", "what's {n}'s first day", "when does {n} come in?"],
                    n=spoken,
                ),
                [f"day {row['start_day'] + 1}"],
                "cast start",
            ),
            Question(
                pick(
                    rng,
                    ["when does {n} finish", "what's {n}'s last day?", "when does {n} wrap"],
                    n=spoken,
                ),
                [f"day {row['finish_day'] + 1}"],
                "cast finish",
            ),
            Question(
                pick(rng, ["how many hold days does {n} have", "{n}'s holds?"], n=spoken),
                [f"{row['hold_days']} hold day"],
                "cast holds",
            ),
            Question(
                pick(rng, ["What does {n} cost?", "how much do we pay {n}?"], n=spoken),
                [money_text(cost)],
                "cast cost",
            ),
            _on_day(row, spoken, rng),
        ]
    return out


def _whole_questions(plan: Record, rng: random.Random) -> list[Question]:
    days, strips = plan["schedule"]["days"], _strips(plan)
    budget = plan["budget"]
    likely = float(budget["likely"])
    base = float(plan["baseline"]["budget"]["likely"])
    accounts = {a["code"]: a for a in budget["accounts"]}
    biggest = max(budget["accounts"], key=lambda a: float(a["total"]))
    costs = _day_costs(plan)
    dearest = max(range(len(costs)), key=lambda i: costs[i])
    eighths = sum(s["eighths"] for s in strips.values())
    moves = sum(d["company_moves"] for d in days)
    nights = sum(d["lighting"] != "DAY" for d in days)
    stunts = [s for s, v in strips.items() if "stunts" in v["flags"]]
    out = [
        Question(
            pick(rng, ["How many days?", "how many shooting days", "how long is the shoot?"]),
            [f"{len(days)} day"],
            "total days",
        ),
        Question(
            pick(rng, ["how many scenes are there", "number of scenes"]),
            [f"{len(strips)} scene"],
            "total scenes",
        ),
        Question(
            pick(rng, ["how many pages is the script", "total pages?"]),
            [pages_text(eighths)],
            "total pages",
        ),
        Question(
            pick(rng, ["how many company moves", "how many moves are there?"]),
            [f"{moves} company move"],
            "total moves",
        ),
        Question(
            pick(rng, ["how many night shoots", "how many nights?"]),
            [f"{nights} shooting day"],
            "total nights",
        ),
        Question(
            pick(
                rng, ["what's the most expensive day", "which day costs the most?", "priciest day"]
            ),
            [
                f"day {dearest + 1}"
                if costs.count(costs[dearest]) == 1
                else money_text(costs[dearest])
            ],
            "rank day",
        ),
        Question(
            pick(
                rng,
                [
                    "what are the three most expensive days?",
                    "the 3 priciest days",
                    "which three days cost the most?",
                ],
            ),
            [money_text(c) for c in sorted(costs, reverse=True)[:3]],
            "rank top",
        ),
        Question(
            pick(
                rng,
                [
                    "the biggest account",
                    "which department costs the most",
                    "what's the largest account?",
                ],
            ),
            [biggest["name"]],
            "rank account",
        ),
        Question(
            pick(rng, ["how much is catering", "what do we spend on catering?"]),
            [money_text(float(accounts["2600"]["total"]))],
            "account",
        ),
        Question(
            pick(rng, ["what does the cast cost", "what's the cast budget?"]),
            [money_text(float(accounts["1300"]["total"]))],
            "account",
        ),
        Question(
            pick(rng, ["How much will the film cost?", "what's the budget?"]),
            [money_text(likely)],
            "budget",
        ),
        Question(
            pick(rng, ["how much do we save", "are we cheaper than the baseline?"]),
            [money_text(abs(base - likely))],
            "savings",
        ),
        Question(
            pick(rng, ["do we shoot on Saturdays?", "is there anything on a weekend?"]),
            [f"{plan['problem']['options'].get('work_days_per_week') or 5}-day weeks"],
            "weekends",
        ),
        Question(
            "How many days, and what's the budget?",
            [f"{len(days)} day", money_text(likely)],
            "several",
        ),
        Question(
            pick(rng, ["which scenes have stunts", "any stunts?", "scenes with fights"]),
            stunts or ["No scene has stunts"],
            "category",
        ),
        Question(
            pick(
                rng,
                [
                    "what's the weather on day 2?",
                    "what will it gross at the box office?",
                    "will we win an Oscar?",
                ],
            ),
            ["I don't have that"],
            "outside",
        ),
    ]
    return out


def questions_for(plan: Record, seed: int) -> list[Question]:
    """The questions about one plan, with their expected figures and names."""
    rng = random.Random(seed)
    return [
        *_day_questions(plan, rng),
        *_scene_questions(plan, rng),
        *_cast_questions(plan, rng),
        *_whole_questions(plan, rng),
        *run_questions(plan, rng),
    ]
