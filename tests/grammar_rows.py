"""The labelled phrasings of the grammar: (message, expected) rows, several per intent.

`expected` holds the fields the request must have: "kind", and for a question its first
query's fields ("q"), for a what-if its first change's fields ("c"). Cast: MAYA, JONAH,
DR. ELLEN PARK, TOM; locations: LIGHTHOUSE, MILLER HOUSE, MAIN STREET.
"""

from __future__ import annotations

from typing import Any

Row = tuple[str, dict[str, Any]]


def q(**fields: Any) -> dict[str, Any]:
    """A question whose first query has these fields."""
    return {"kind": "question", "q": fields}


def c(**fields: Any) -> dict[str, Any]:
    """A what-if whose first change has these fields."""
    return {"kind": "what_if", "c": fields}


def _days(templates: list[str], days: list[int], **fields: Any) -> list[Row]:
    return [(t.format(n=n), q(kind="day", day=n - 1, **fields)) for t in templates for n in days]


DAY_ROWS: list[Row] = [
    *_days(
        [
            "What's on day {n}?",
            "what are we shooting on day {n}",
            "what do we shoot on day {n}?",
            "which scenes are on day {n}",
            "What scenes do we shoot on day {n}?",
            "what's being shot day {n}",
        ],
        [3, 12],
        aspect="scenes",
    ),
    *_days(
        [
            "Where are we on day {n}?",
            "where is day {n}",
            "what location is day {n} at",
            "which sites are we at on day {n}",
        ],
        [2, 9],
        aspect="locations",
    ),
    *_days(
        [
            "who works on day {n}",
            "who's called on day {n}?",
            "which actors are on day {n}",
            "what cast do we need on day {n}",
            "who is working day {n}?",
        ],
        [4, 7],
        aspect="cast",
    ),
    *_days(
        [
            "how many pages on day {n}",
            "how many pages do we shoot on day {n}?",
            "page count for day {n}",
        ],
        [2, 5],
        aspect="pages",
    ),
    *_days(
        [
            "how much does day {n} cost?",
            "what does day {n} cost",
            "cost of day {n}",
            "how expensive is day {n}?",
        ],
        [6, 1],
        aspect="cost",
    ),
    *_days(
        ["how long is day {n}", "how many hours is day {n}?", "why is day {n} so long?"],
        [3, 8],
        aspect="minutes",
    ),
    *_days(["day {n}", "tell me about day {n}", "day {n}?"], [1, 10], aspect="all"),
    ("what do we shoot on the first day", q(kind="day", day=0, aspect="scenes")),
    ("what's shot on the second day?", q(kind="day", day=1, aspect="scenes")),
    ("who's in on the third day", q(kind="day", day=2, aspect="cast")),
    ("what's shot on day one", q(kind="day", day=0, aspect="scenes")),
    ("what's on day twelve?", q(kind="day", day=11, aspect="scenes")),
    ("what's the last day", q(kind="day", day=-1)),
    ("where are we on the final day?", q(kind="day", day=-1, aspect="locations")),
]


def _scenes(templates: list[str], scenes: list[str], **fields: Any) -> list[Row]:
    return [(t.format(s=s), q(kind="scene", scene=s, **fields)) for t in templates for s in scenes]


SCENE_ROWS: list[Row] = [
    *_scenes(
        [
            "When is scene {s} shot?",
            "what day is scene {s}",
            "when do we shoot scene {s}",
            "which day do we shoot scene {s}?",
            "when's scene {s} scheduled",
        ],
        ["14", "3A"],
        aspect="days",
    ),
    *_scenes(
        [
            "who's in scene {s}",
            "Who is in scene {s}?",
            "who appears in scene {s}",
            "cast of scene {s}",
            "which actors are in scene {s}?",
        ],
        ["12", "7"],
        aspect="cast",
    ),
    *_scenes(
        ["where is scene {s}", "what's the location of scene {s}", "where do we shoot scene {s}?"],
        ["7", "21"],
        aspect="locations",
    ),
    *_scenes(
        [
            "what does scene {s} need?",
            "props for scene {s}",
            "scene {s} breakdown",
            "what elements are in scene {s}",
        ],
        ["12", "4"],
        aspect="elements",
    ),
    *_scenes(["scene {s}", "tell me about scene {s}", "sc {s}"], ["5", "30"], aspect="all"),
    ("what day is scene twelve", q(kind="scene", scene="12", aspect="days")),
]


def _cast(templates: list[str], names: list[tuple[str, str]], **fields: Any) -> list[Row]:
    return [(t.format(a=a), q(kind="cast", cast=b, **fields)) for t in templates for a, b in names]


_NAMES = [("Maya", "MAYA"), ("JONAH", "JONAH")]
CAST_ROWS: list[Row] = [
    ("when does the lead finish?", q(kind="cast", cast="MAYA", aspect="finish")),
    ("when is MAYA free?", q(kind="cast", cast="MAYA", aspect="free")),
    ("which days is TOM off?", q(kind="cast", cast="TOM", aspect="free")),
    ("is JONAH free on day 3?", q(kind="cast", cast="JONAH", day=2, aspect="free_on_day")),
    ("how many days does our star work?", q(kind="cast", cast="MAYA", aspect="days")),
    *_cast(
        [
            "When does {a} start?",
            "what's {a}'s first day",
            "when does {a} begin",
            "when does {a} come in?",
            "{a} start date",
        ],
        _NAMES,
        aspect="start",
    ),
    *_cast(
        [
            "when does {a} finish",
            "what's {a}'s last day?",
            "when does {a} wrap",
            "when is {a} done",
        ],
        _NAMES,
        aspect="finish",
    ),
    *_cast(
        [
            "how many hold days does {a} have",
            "{a}'s holds",
            "is {a} on hold at all?",
            "hold days for {a}",
        ],
        _NAMES,
        aspect="holds",
    ),
    *_cast(
        ["What does {a} cost?", "how much is {a} paid", "how much do we pay {a}?", "{a}'s cost"],
        _NAMES,
        aspect="cost",
    ),
    *_cast(
        ["which scenes is {a} in", "what scenes does {a} have?", "{a}'s scenes"],
        _NAMES,
        aspect="scenes",
    ),
    *_cast(
        ["when does {a} work", "which days is {a} working?", "{a}'s days", "what's {a}'s schedule"],
        _NAMES,
        aspect="days",
    ),
    ("when does maya start", q(kind="cast", cast="MAYA", aspect="start")),
    ("Dr. Park's days", q(kind="cast", cast="DR. ELLEN PARK", aspect="days")),
    ("when does Ellen Park finish?", q(kind="cast", cast="DR. ELLEN PARK", aspect="finish")),
    ("which scenes is Tom in", q(kind="cast", cast="TOM", aspect="scenes")),
    ("who's in the cast", q(kind="cast")),
    ("who are the leads?", q(kind="cast", tier="lead")),
    ("which actors are day players?", q(kind="cast", tier="day_player")),
    ("list the supporting cast", q(kind="cast", tier="supporting")),
    ("how many day players do we have?", q(kind="cast", tier="day_player")),
    ("list the cast", q(kind="cast")),
    ("who are the actors?", q(kind="cast")),
]

CATEGORY_ROWS: list[Row] = [
    (t, q(kind="category", category=cat))
    for cat, phrases in {
        "animals": [
            "which scenes have horses",
            "any animals?",
            "scenes with dogs",
            "where do we need wranglers",
        ],
        "stunts": [
            "scenes with stunts",
            "Which scenes have stunts?",
            "list the fight scenes",
            "which scenes have a chase",
        ],
        "vehicles": ["which scenes have cars", "scenes with picture cars", "any vehicles?"],
        "extras": ["which scenes need extras", "scenes with crowds", "where do we need background"],
        "vfx": ["which scenes have vfx", "any visual effects scenes?", "scenes with CGI"],
        "sfx": ["which scenes have rain", "scenes with explosions", "special effects scenes"],
        "weapons": ["scenes with guns", "which scenes have weapons?"],
        "minors": ["what scenes have kids in them", "which scenes have children"],
    }.items()
    for t in phrases
]

FILTER_ROWS: list[Row] = [
    ("which scenes are night exteriors", q(kind="scenes", lighting="NIGHT", int_ext="EXT")),
    ("list the night scenes", q(kind="scenes", lighting="NIGHT")),
    ("any day interiors?", q(kind="scenes", lighting="DAY", int_ext="INT")),
    ("what are the night exteriors?", q(kind="scenes", lighting="NIGHT", int_ext="EXT")),
    ("which scenes are exteriors", q(kind="scenes", int_ext="EXT")),
    ("show me the night shoots", q(kind="scenes", lighting="NIGHT")),
    ("which scenes are shot outside at night", q(kind="scenes", lighting="NIGHT", int_ext="EXT")),
    ("list the interiors", q(kind="scenes", int_ext="INT")),
]

LOCATION_ROWS: list[Row] = [
    ("when are we at the lighthouse", q(kind="location", location="LIGHTHOUSE")),
    ("which scenes are at the miller house", q(kind="location", location="MILLER HOUSE")),
    ("what do we shoot at the lighthouse?", q(kind="location", location="LIGHTHOUSE")),
    ("which days are on main street", q(kind="location", location="MAIN STREET")),
    ("scenes at the Miller house", q(kind="location", location="MILLER HOUSE")),
    ("how many scenes at the lighthouse", q(kind="location", location="LIGHTHOUSE")),
]

TOTAL_ROWS: list[Row] = [
    (t, q(kind="total", measure=m))
    for m, phrases in {
        "days": [
            "How many days?",
            "how many shooting days",
            "how many days is the shoot",
            "number of shooting days",
            "how long is the shoot?",
            "total days",
        ],
        "scenes": ["how many scenes are there", "number of scenes", "how many scenes in total"],
        "pages": ["how many pages is the script", "total pages", "how many pages in all?"],
        "moves": ["how many company moves", "how many moves are there?", "number of moves"],
        "nights": ["how many night shoots", "how many nights", "how many night days?"],
        "exteriors": ["how many exteriors", "number of exteriors"],
        "cast": [
            "how many actors",
            "how many speaking parts?",
            "how many characters are there",
            "how many cast members",
        ],
        "locations": ["how many locations", "how many sites do we use?", "number of locations"],
        "sets": ["how many sets", "how many sets do we have?", "number of sets"],
        "holds": ["how many hold days in total", "how many hold days are there?"],
    }.items()
    for t in phrases
]

_RANKS: list[tuple[dict[str, Any], list[str]]] = [
    (
        {"measure": "day_cost"},
        [
            "what's the most expensive day",
            "which day costs the most?",
            "priciest day",
            "the costliest day",
            "dearest day",
        ],
    ),
    (
        {"measure": "day_cost", "least": True},
        ["which day is cheapest", "the cheapest day", "which day costs the least?"],
    ),
    (
        {"measure": "pages"},
        ["busiest day", "which day has the most pages?", "the heaviest day"],
    ),
    (
        {"measure": "pages", "least": True},
        ["the lightest day", "which day has the fewest pages"],
    ),
    (
        {"measure": "account"},
        [
            "the biggest account",
            "which department costs the most",
            "what's the largest account?",
            "biggest expense",
        ],
    ),
    (
        {"measure": "hold"},
        ["who has the longest hold", "longest hold?", "who is held the most"],
    ),
    (
        {"measure": "cast_cost"},
        [
            "which actor costs the most",
            "who is the most expensive actor",
            "most expensive cast member",
        ],
    ),
    ({"measure": "work"}, ["who works the most days", "which actor works the most?"]),
    ({"measure": "cast_scenes"}, ["who's in the most scenes?", "which actor has the most scenes"]),
    (
        {"measure": "moves"},
        ["which day has the most company moves?", "the day with the most moves"],
    ),
    ({"measure": "minutes"}, ["what's the longest day?", "which day has the most hours"]),
    ({"measure": "minutes", "least": True}, ["the shortest day"]),
    ({"measure": "location"}, ["which location has the most scenes", "the busiest location"]),
]

RANK_ROWS: list[Row] = [(t, q(kind="rank", **f)) for f, phrases in _RANKS for t in phrases]

MONEY_ROWS: list[Row] = [
    ("how much is catering", q(kind="account", account="catering")),
    ("what does the cast cost", q(kind="account", account="cast")),
    ("how much do we spend on locations", q(kind="account", account="locations")),
    ("what's the cast budget?", q(kind="account", account="cast")),
    ("how much is insurance", q(kind="account", account="insurance")),
    ("what's our contingency?", q(kind="account", account="contingency")),
    ("what's the turnaround like after the night work?", q(kind="total", measure="turnaround")),
    (
        "what are we shooting on the first day of nights?",
        q(kind="day", day=0, lighting="NIGHT", aspect="all"),
    ),
    ("who is on the last night?", q(kind="day", day=-1, lighting="NIGHT", aspect="cast")),
    ("what's on the second night", q(kind="day", day=1, lighting="NIGHT")),
    ("who works the nights?", q(kind="cast", lighting="NIGHT")),
    ("who's on nights", q(kind="cast", lighting="NIGHT")),
    ("which is the first night scene?", q(kind="scenes", lighting="NIGHT")),
    ("does the crew get its rest between nights?", q(kind="total", measure="turnaround")),
    ("what is the insurance", q(kind="account", account="insurance")),
    ("what do we spend on equipment?", q(kind="account", account="equipment")),
    ("how much for visual effects", q(kind="account", account="visual effects")),
    ("contingency amount?", q(kind="account", account="contingency")),
    ("How much will the film cost?", q(kind="account")),
    ("what's the total cost", {"kind": "show", "view": "budget"}),
    ("what does it cost?", {"kind": "show", "view": "budget"}),
    ("how much do we save", q(kind="savings")),
    ("how much does the plan save against script order?", q(kind="savings")),
    ("what's the saving compared to the baseline", {"kind": "show", "view": "savings"}),
    ("are we cheaper than the baseline?", q(kind="savings")),
    ("what versions do we have", q(kind="versions")),
    ("show the version history", q(kind="versions")),
]

MULTI_ROWS: list[Row] = [
    ("How many days, and what's the budget?", {"kind": "question", "n": 2}),
    ("how many scenes and how many pages?", {"kind": "question", "n": 2}),
    ("what's on day 2? and who works on day 3?", {"kind": "question", "n": 2}),
    ("When does Maya start and when does she finish?", {"kind": "question", "n": 2}),
    ("how many night shoots; how many company moves", {"kind": "question", "n": 2}),
    ("Who is in scene 4, and where is it?", {"kind": "question", "n": 2}),
    ("What's on day 1, and who works?", {"kind": "question", "n": 2}),
    ("when does MAYA start and finish?", {"kind": "question", "n": 2}),
    ("when does MAYA start and finish, and what does she cost?", {"kind": "question", "n": 3}),
    ("what's on day three and day four?", {"kind": "question", "n": 2}),
    ("how many pages and scenes is day 2?", {"kind": "question", "n": 2}),
    ("what does day 2 cost and how long is it?", {"kind": "question", "n": 2}),
    ("when does TOM start?", {"kind": "question", "n": 1}),
    ("what's shooting on day 2", {"kind": "question", "n": 1}),
]

OUTSIDE_ROWS: list[Row] = [
    (t, {"kind": "question", "topic": "outside"})
    for t in [
        "what's the weather on day 3",
        "what will it gross at the box office?",
        "will we win an Oscar?",
        "what's the forecast for next week",
        "how much revenue will the film make",
        "when is the release date?",
        "who will distribute it?",
        "what's the capital of France",
    ]
]


def _wi(templates: list[str], values: list[int], build: Any) -> list[Row]:
    return [(t.format(n=n), c(**build(n))) for t in templates for n in values]


WHAT_IF_ROWS: list[Row] = [
    # "The lead" is the cast member in the most scenes (MAYA here: first on a tie).
    (
        "what happens if we lose the lead for the first three days",
        c(kind="unavailable", actor="MAYA", days=[0, 1, 2]),
    ),
    (
        "what if our star can't work days 1 to 3?",
        c(kind="unavailable", actor="MAYA", days=[0, 1, 2]),
    ),
    ("what if the lead is out the first week?", c(kind="unavailable", days=[0, 1, 2, 3, 4])),
    ("what if TOM can't make the first 2 days", c(kind="unavailable", actor="TOM", days=[0, 1])),
    ("how much would we save with two moves a day?", c(kind="moves_per_day", value=2.0)),
    ("put scene 12 on the last day", c(kind="pin", scene="12", days=[-999])),
    ("scene 5 must be shot before scene 9", c(kind="before", scene="5", then="9")),
    ("what if scene 9 has to come after scene 5?", c(kind="before", scene="5", then="9")),
    ("shoot scene 12 after 4", c(kind="before", scene="4", then="12")),
    ("pin scene 3 to the first day", c(kind="pin", scene="3", days=[0])),
    ("what if MAYA costs 2k a day", c(kind="rate", actor="MAYA", value=2000.0)),
    ("what if TOM gets 2,500 dollars a day", c(kind="rate", actor="TOM", value=2500.0)),
    ("what if we had 2 moves a day", c(kind="moves_per_day", value=2.0)),
    *_wi(
        [
            "Shoot it in {n} days",
            "what if we only have {n} shooting days?",
            "can we do it in {n} days",
            "{n}-day shoot",
            "make it {n} days",
        ],
        [18, 22],
        lambda n: {"kind": "days", "value": n},
    ),
    ("shoot it in eighteen days", c(kind="days", value=18)),
    ("what if we had twenty-five days?", c(kind="days", value=25)),
    ("in four weeks", c(kind="days", value=20)),
    ("a 3-week shoot", c(kind="days", value=15)),
    *_wi(
        [
            "{n} fewer days",
            "what about {n} fewer days?",
            "cut {n} days",
            "lose {n} days",
            "{n} days shorter",
        ],
        [2, 3],
        lambda n: {"kind": "days", "value": -n, "relative": True},
    ),
    ("two fewer days", c(kind="days", value=-2, relative=True)),
    ("three more days", c(kind="days", value=3, relative=True)),
    ("add three days", c(kind="days", value=3, relative=True)),
    ("give us a couple more days", c(kind="days", value=2, relative=True)),
    ("a week shorter", c(kind="days", value=-5, relative=True)),
    ("one week longer", c(kind="days", value=5, relative=True)),
    ("a day more", c(kind="days", value=1, relative=True)),
    ("can we drop a day?", c(kind="days", value=-1, relative=True)),
    ("what if we had an extra week", c(kind="days", value=5, relative=True)),
    ("add another day", c(kind="days", value=1, relative=True)),
    (
        "what happens if we lose Maya for week two",
        c(kind="unavailable", actor="MAYA", days=[5, 6, 7, 8, 9]),
    ),
    ("what's JONAH's day rate", q(kind="cast", cast="JONAH", aspect="cost")),
    *_wi(
        ["Let's do {n} pages a day", "{n} pages per day", "what if we shoot {n} pages a day?"],
        [5, 3],
        lambda n: {"kind": "pages_per_day", "value": n},
    ),
    ("two more pages a day", c(kind="pages_per_day", value=2, relative=True)),
    ("a page less a day", c(kind="pages_per_day", value=-1, relative=True)),
    ("one more page per day", c(kind="pages_per_day", value=1, relative=True)),
    ("half a page more a day", c(kind="pages_per_day", value=0.5, relative=True)),
    ("Can we shoot with 10-hour days?", c(kind="hours_per_day", value=10)),
    ("what if we shoot 11 hours a day", c(kind="hours_per_day", value=11)),
    ("twelve-hour days", c(kind="hours_per_day", value=12)),
    ("10% cheaper cast", c(kind="rate", department="cast", factor=0.9)),
    ("pay the leads 10% more", c(kind="rate", department="cast:lead", factor=1.1)),
    ("day players 5% cheaper", c(kind="rate", department="cast:day_player", factor=0.95)),
    ("what if the cast were 20% cheaper", c(kind="rate", department="cast", factor=0.8)),
    ("cut the crew by 15%", c(kind="rate", department="crew", factor=0.85)),
    ("crew rates 10 percent higher", c(kind="rate", department="crew", factor=1.1)),
    ("reduce cast costs by 5%", c(kind="rate", department="cast", factor=0.95)),
    ("5% more expensive crew", c(kind="rate", department="crew", factor=1.05)),
    ("what if MAYA costs 20% more?", c(kind="rate", actor="MAYA", factor=1.2)),
    ("could we finish a day early?", c(kind="days", value=-1.0, relative=True)),
    ("what if we wrap 2 days earlier", c(kind="days", value=-2.0, relative=True)),
    ("what if we finish a week early", c(kind="days", value=-5.0, relative=True)),
    ("if we end 3 days late", c(kind="days", value=3.0, relative=True)),
    ("what if we wrap on day 12?", c(kind="days", value=12.0)),
    ("what if we start 2 days earlier", c(kind="start_date", value=-2.0, relative=True)),
    ("pay Jonah 15 percent less", c(kind="rate", actor="JONAH", factor=0.85)),
    ("cut Maya's rate by 10%", c(kind="rate", actor="MAYA", factor=0.9)),
    ("give Tom a 5% raise", c(kind="rate", actor="TOM", factor=1.05)),
    ("what if Jonah's day rate goes up 25%?", c(kind="rate", actor="JONAH", factor=1.25)),
    ("what if JONAH costs $20,000 a day?", c(kind="rate", actor="JONAH", value=20000)),
    ("pay Maya $8k a day", c(kind="rate", actor="MAYA", value=8000)),
    ("Tom's day rate is $2,500", c(kind="rate", actor="TOM", value=2500)),
    ("what if maya gets $12,000 per day", c(kind="rate", actor="MAYA", value=12000)),
    ("camera crew at $900 a day", c(kind="rate", department="camera", value=900)),
    ("grips cost $600 a day", c(kind="rate", department="grip", value=600)),
    (
        "Maya is unavailable the first week",
        c(kind="unavailable", actor="MAYA", days=[0, 1, 2, 3, 4]),
    ),
    ("Tom can't work days 3 to 5", c(kind="unavailable", actor="TOM", days=[2, 3, 4])),
    ("JONAH is away on day 2 and 4", c(kind="unavailable", actor="JONAH", days=[1, 3])),
    (
        "MAYA is only available for the first three weeks",
        c(kind="available", actor="MAYA", to_day=14),
    ),
    ("Maya is only available for the first 2 weeks", c(kind="available", actor="MAYA", to_day=9)),
    ("jonah is only around for the first ten days", c(kind="available", actor="JONAH", to_day=9)),
    ("what if Maya is only available for two weeks?", c(kind="available", actor="MAYA", to_day=9)),
    ("we only have JONAH for ten days", c(kind="available", actor="JONAH", to_day=9)),
    ("Maya is available for only 3 weeks", c(kind="available", actor="MAYA", to_day=14)),
    ("JONAH only has two weeks with us", c(kind="available", actor="JONAH", to_day=9)),
    ("JONAH is not available until day 10", c(kind="available", actor="JONAH", from_day=9)),
    ("Jonah is not here until day 6", c(kind="available", actor="JONAH", from_day=5)),
    ("maya is available from the 14th", c(kind="available", actor="MAYA", from_day=13)),
    ("Maya can't start until day 4", c(kind="available", actor="MAYA", from_day=3)),
    ("what if maya can't work from the 14th?", c(kind="available", actor="MAYA", to_day=12)),
    ("Maya can start on the 14th", c(kind="available", actor="MAYA", from_of_month=14)),
    ("Jonah is out from day 10", c(kind="available", actor="JONAH", to_day=8)),
    ("Tom is not available after day 6", c(kind="available", actor="TOM", to_day=5)),
    ("maya is unavailable starting day 5", c(kind="available", actor="MAYA", to_day=3)),
    ("Jonah isn't available until day 3", c(kind="available", actor="JONAH", from_day=2)),
    ("Tom leaves after day 12", c(kind="available", actor="TOM", to_day=11)),
    ("Tom must wrap by day 8", c(kind="available", actor="TOM", to_day=7)),
    ("MAYA only available days 3-9", c(kind="available", actor="MAYA", from_day=2, to_day=8)),
    ("pin scene 12 to day 3", c(kind="pin", scene="12", days=[2])),
    ("shoot scene 4A on day 1", c(kind="pin", scene="4A", days=[0])),
    ("move scene 7 to day 5", c(kind="pin", scene="7", days=[4])),
    ("could scene 3 be shot on day 2?", c(kind="pin", scene="3", days=[1])),
    ("put scene 9 on day 1", c(kind="pin", scene="9", days=[0])),
    ("lock scene 2 to day 6", c(kind="pin", scene="2", days=[5])),
    ("move scene 14 to the stage", c(kind="stage", scene="14")),
    ("what if the bridge stunt moves to the stage", c(kind="stage", hint="bridge")),
    ("We have $400k: what do we cut?", c(kind="budget_cap", value=400000)),
    ("Budget cap is $2.5M", c(kind="budget_cap", value=2500000)),
    ("we only have $1,200,000", c(kind="budget_cap", value=1200000)),
    ("18 days instead", {"kind": "what_if", "instead": True, "c": {"kind": "days", "value": 18}}),
    (
        "start over with 20 days",
        {"kind": "what_if", "reset": True, "c": {"kind": "days", "value": 20}},
    ),
    (
        "forget the changes and do 5 pages a day",
        {"kind": "what_if", "reset": True, "c": {"kind": "pages_per_day", "value": 5}},
    ),
    (
        "shoot in 18 days and what's the budget?",
        {"kind": "what_if", "c": {"kind": "days", "value": 18}, "nq": 1},
    ),
]

AVERAGE_ROWS: list[Row] = [
    ("how much is an hour of overtime?", q(kind="overtime")),
    ("how many extras do we need on day 5?", q(kind="category", category="extras", day=4)),
    ("any stunts on day 9?", q(kind="category", category="stunts", day=8)),
    ("what would two hours over cost us?", q(kind="overtime", hours=2.0)),
    ("what's the price of going 1.5 hours over?", q(kind="overtime", hours=1.5)),
    ("what does overtime on day 12 cost?", q(kind="overtime", day=11)),
    ("what does half an hour of OT cost", q(kind="overtime", hours=0.5)),
    ("what are the three most expensive days?", q(kind="rank", measure="day_cost", top=3)),
    ("top 5 cast by cost", q(kind="rank", measure="cast_cost", top=5)),
    ("which two locations have the most scenes?", q(kind="rank", measure="location", top=2)),
    ("the 3 days with the most pages", q(kind="rank", measure="pages", top=3)),
    ("is anyone held more than 3 days?", q(kind="rank", measure="hold", over=3)),
    ("who works more than five days?", q(kind="rank", measure="work", over=5)),
    ("is anybody on hold for at least 2 days", q(kind="rank", measure="hold", over=1)),
    ("which locations do we visit more than once?", q(kind="total", measure="revisits")),
    ("do we go back to any location a second time?", q(kind="total", measure="revisits")),
    ("any revisits?", q(kind="total", measure="revisits")),
    ("what's the cost per page?", q(kind="average", measure="page_cost")),
    ("how much do we spend per page", q(kind="average", measure="page_cost")),
    ("how long is the script?", q(kind="total", measure="pages")),
    ("what date is day 5?", q(kind="day", day=4, aspect="date")),
    ("when do we wrap?", q(kind="day", day=-1, aspect="date")),
    ("what's our wrap date", q(kind="day", day=-1, aspect="date")),
    ("what day of the week is day 3", q(kind="day", day=2, aspect="date")),
    ("what's the page count", q(kind="total", measure="pages")),
    ("what's the cast's total cost?", q(kind="account", account="cast")),
    ("what do the actors cost in total?", q(kind="account", account="actors")),
    ("how many actors are there?", q(kind="total", measure="cast")),
    (
        "how much does Maya cost and how many days does she work?",
        {"kind": "question", "q": {"kind": "cast", "cast": "MAYA", "aspect": "cost"}, "nq": 2},
    ),
    (
        "how many days is Maya on hold and what does that cost us?",
        {
            "kind": "question",
            "q": {"kind": "cast", "cast": "MAYA", "aspect": "holds"},
            "q2": {"kind": "hold_cost", "cast": "MAYA"},
        },
    ),
    (
        "how many days is Maya on hold and what does she cost?",
        {
            "kind": "question",
            "q": {"kind": "cast", "cast": "MAYA", "aspect": "holds"},
            "q2": {"kind": "cast", "cast": "MAYA", "aspect": "cost"},
        },
    ),
    ("what's the average cost per day?", q(kind="average", measure="day_cost")),
    ("what does a day cost on average", q(kind="average", measure="day_cost")),
    ("what's a typical day cost us", q(kind="average", measure="day_cost")),
    ("how many pages a day on average?", q(kind="average", measure="pages")),
    ("average scenes per day", q(kind="average", measure="scenes")),
    ("how long is the average day", q(kind="average", measure="minutes")),
    ("average company moves per day", q(kind="average", measure="moves")),
    ("how much is catering per day?", q(kind="average", measure="account", account="catering")),
    (
        "what do we spend on equipment a day",
        q(kind="average", measure="account", account="equipment"),
    ),
    ("how much do holds cost us?", q(kind="hold_cost", cast=None)),
    ("what are we paying for hold days", q(kind="hold_cost", cast=None)),
    ("the cost of holds", q(kind="hold_cost", cast=None)),
    ("what do Maya's holds cost?", q(kind="hold_cost", cast="MAYA")),
    ("how much is Jonah's holding costing", q(kind="hold_cost", cast="JONAH")),
]

_EVERY_WEEK = 40
WEEKDAY_ROWS: list[Row] = [
    (
        "Maya can only work Mondays",
        c(kind="unavailable", actor="MAYA", weekdays=[1, 2, 3, 4, 5, 6]),
    ),
    (
        "what if Jonah can only work Mondays and Thursdays?",
        c(kind="unavailable", actor="JONAH", weekdays=[1, 2, 4, 5, 6]),
    ),
    (
        "Maya can't work Fridays",
        c(
            kind="unavailable",
            actor="MAYA",
            weekdays=[4],
            days=[5 * w + 4 for w in range(_EVERY_WEEK)],
        ),
    ),
    (
        "Tom doesn't work Tuesdays or Wednesdays",
        c(kind="unavailable", actor="TOM", weekdays=[1, 2]),
    ),
    ("what if Jonah is only available on Wednesdays", c(kind="unavailable", actor="JONAH")),
    (
        "what if MAYA can't work Thursdays or Fridays?",
        c(kind="unavailable", actor="MAYA", weekdays=[3, 4]),
    ),
]

OTHER_ROWS: list[Row] = [
    ("", {"kind": "plan"}),
    ("Plan this script", {"kind": "plan"}),
    ("schedule it", {"kind": "plan"}),
    ("please optimise the schedule", {"kind": "plan"}),
    ("hi", {"kind": "chat"}),
    ("thanks!", {"kind": "chat"}),
    ("good morning", {"kind": "chat"}),
    ("show the schedule", {"kind": "show", "view": "schedule"}),
    ("Show me the stripboard", {"kind": "show", "view": "stripboard"}),
    ("dood please", {"kind": "show", "view": "dood"}),
    ("budget", {"kind": "show", "view": "budget"}),
    ("what's the budget?", {"kind": "show", "view": "budget"}),
    ("show me the top sheet", {"kind": "show", "view": "budget"}),
    ("give me the summary", {"kind": "show", "view": "summary"}),
    ("start over", {"kind": "revert", "versions": [1]}),
    ("go back to the first version", {"kind": "revert", "versions": [1]}),
    ("go back to the original plan", {"kind": "revert", "versions": [1]}),
    ("back to the initial schedule", {"kind": "revert", "versions": [1]}),
    ("go back to version 2", {"kind": "revert", "versions": [2]}),
    ("back to version two", {"kind": "revert", "versions": [2]}),
    ("undo that", {"kind": "revert", "versions": []}),
    ("revert to v1", {"kind": "revert", "versions": [1]}),
    ("compare version 2 and 3", {"kind": "compare", "versions": [2, 3]}),
    ("compare the first and second versions", {"kind": "compare", "versions": [1, 2]}),
    ("what changed?", {"kind": "compare", "versions": []}),
    ("export the schedule as a spreadsheet", {"kind": "export", "view": "schedule"}),
    ("download the DOOD as csv", {"kind": "export", "view": "dood"}),
    ("Estimate the cost of an AI-generated shot, 10 seconds", {"kind": "render_cost"}),
    ("What do you think of the second act?", {"kind": None}),
    ("could the opening scene happen on the final day instead", {"kind": None}),
]

#: (previous message, follow-up, expected): follow-ups read with the last request.
FOLLOW_ROWS: list[tuple[str, str, dict[str, Any]]] = [
    # A list of one tier, then another (or the whole cast), is asked afresh.
    ("who are the day players?", "list the supporting cast", q(kind="cast", tier="supporting")),
    ("who are the day players?", "and the leads?", q(kind="cast", tier="lead")),
    ("who are the leads?", "who's in the cast?", q(kind="cast", tier=None)),
    # Every question of the last message again, for the new subject.
    (
        "when does MAYA start, and what does she cost?",
        "what about TOM?",
        {"kind": "question", "n": 2, "q": {"kind": "cast", "cast": "TOM", "aspect": "start"}},
    ),
    ("what if we cut two days", "and three?", c(kind="days", value=-3, relative=True)),
    ("what if we cut two days", "and in eleven?", c(kind="days", value=11, relative=False)),
    ("one more day", "what about 2?", c(kind="days", value=2, relative=True)),
    ("what's on day 3?", "and day 4?", q(kind="day", day=3, aspect="scenes")),
    ("any stunts on day 9?", "and on day 6?", q(kind="category", category="stunts", day=5)),
    (
        "any stunts on day 9?",
        "which scenes have animals?",
        q(kind="category", category="animals", day=None),
    ),
    ("what's on day 3?", "what about day 7", q(kind="day", day=6, aspect="scenes")),
    ("what's on day 3?", "what about the cost?", q(kind="day", day=2, aspect="cost")),
    ("what's on day 3?", "and who's working?", q(kind="day", day=2, aspect="cast")),
    ("how much does day 2 cost", "and day 5?", q(kind="day", day=4, aspect="cost")),
    ("who's in scene 12?", "and scene 14?", q(kind="scene", scene="14", aspect="cast")),
    ("who's in scene 12?", "when is it shot?", q(kind="scene", scene="12", aspect="days")),
    ("When does Maya start?", "and Jonah?", q(kind="cast", cast="JONAH", aspect="start")),
    (
        "When does Maya start?",
        "and when does she finish?",
        q(kind="cast", cast="MAYA", aspect="finish"),
    ),
    ("When does Maya start?", "what about her holds", q(kind="cast", cast="MAYA", aspect="holds")),
    ("What does JONAH cost?", "and Tom?", q(kind="cast", cast="TOM", aspect="cost")),
    ("who's in scene 12?", "move it to day 2", c(kind="pin", scene="12", days=[1])),
    ("when is scene 5 shot?", "pin that scene to day 3", c(kind="pin", scene="5", days=[2])),
    (
        "shoot it in 18 days",
        "what about 20 instead?",
        {"kind": "what_if", "instead": True, "c": {"kind": "days", "value": 20}},
    ),
    ("shoot it in 18 days", "and 16?", {"kind": "what_if", "c": {"kind": "days", "value": 16}}),
    (
        "can we do it in ten days?",
        "and in eleven?",
        {"kind": "what_if", "c": {"kind": "days", "value": 11}},
    ),
    (
        "can we do it in ten days?",
        "what about with 12 days?",
        {"kind": "what_if", "c": {"kind": "days", "value": 12}},
    ),
    (
        "What does JONAH cost?",
        "how many days does he work?",
        q(kind="cast", cast="JONAH", aspect="days"),
    ),
    (
        "let's do 5 pages a day",
        "try 6",
        {"kind": "what_if", "c": {"kind": "pages_per_day", "value": 6}},
    ),
]

ROWS: list[Row] = [
    *DAY_ROWS,
    *SCENE_ROWS,
    *CAST_ROWS,
    *CATEGORY_ROWS,
    *FILTER_ROWS,
    *LOCATION_ROWS,
    *TOTAL_ROWS,
    *RANK_ROWS,
    *MONEY_ROWS,
    *MULTI_ROWS,
    *OUTSIDE_ROWS,
    *WHAT_IF_ROWS,
    *AVERAGE_ROWS,
    *WEEKDAY_ROWS,
    *OTHER_ROWS,
]
