"""The budget from a schedule and its DOOD: recomputed by hand, line by line."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tools.budget import cast_tiers, compute_budget, days_text, location_kind
from tools.budget.money import to_money
from tools.ratecard import RateCard, adjust_rates, parse_rate_card
from tools.schedule.model import (
    Dood,
    DoodRow,
    ScheduleOptions,
    ScheduleProblem,
    ScheduleResult,
    ShootDay,
    Strip,
)
from tools.script import Scene, Script

CARD = """kind,key,applies_to,description,unit,rate,qty,low,high,notes
param,lead_min_scene_pct,,,percent,50,,,,
param,supporting_min_scene_pct,,,percent,30,,,,
param,extras_per_crowd_scene,,,people,10,,,,
param,overtime_threshold_pct,,,percent,100,,,,
param,day_player_premium_pct,,,percent,20,,,,
param,post_weeks,,,weeks,2,,,,
param,vfx_shots_per_scene,,,shots,2,,,,
cast,lead,,,day,1000,,,,
cast,supporting,,,day,500,,,,
cast,day_player,,,day,200,,,,
crew,camera,always,Camera,person-day,100,2,,,
crew,grip,night,Night grip,person-day,50,1,,,
crew,stunts,stunts,Stunt coordinator,person-day,300,1,,,
location,practical,,,day,400,,,,
location,street,,,day,700,,,,
location,stage,,,day,900,,,,
location,backlot,,,day,800,,,,
setup,practical,,,visit,150,,,,
setup,street,,,visit,250,,,,
setup,stage,,,visit,50,,,,
equipment,camera_package,always,Camera package,day,300,,,,
equipment,night_lighting,night,Night lighting,day,120,,,,
move,company_move,,,move,1000,,,,
premium,night,,,percent,10,,,,
overtime,heavy_day,,,percent,50,,,,
extras,background,,Background,person-day,20,,,,
specialty,public_stunt,,Public stunt,scene,2000,,,,
specialty,stage_set_build,,Set build,scene,1500,,,,
specialty,animals,,Animals,scene,250,,,,
atl,director,,Director,flat,10000,,,,
post,editorial,,Editorial,week,1000,,,,
post,vfx_shot,,VFX shot,shot,500,,,,
post,sound,,Sound,flat,3000,,,,
other,catering,,Meals,person-day,10,,,,
other,insurance,,Insurance,percent,2,,,,
other,legal,,Legal,flat,1000,,,,
fringe,cast,,,percent,20,,,,
fringe,crew,,,percent,10,,,,
fringe,extras,,,percent,5,,,,
contingency,total,,,percent,10,,,,
range,pace,,,percent,0,,-50,50,
range,weather,,,percent,0,,0,100,
range,stunts,,,percent,0,,0,10,
range,vfx,,,percent,0,,0,20,
"""


@pytest.fixture
def card() -> RateCard:
    return parse_rate_card(CARD, source="test card")


@pytest.fixture
def problem() -> ScheduleProblem:
    strips = [
        Strip(id="1", main_location="HOUSE", int_ext="INT", eighths=8, cast=["A", "B"]),
        Strip(
            id="2",
            main_location="MAIN STREET",
            int_ext="EXT",
            lighting="NIGHT",
            eighths=16,
            cast=["A"],
            flags=["stunts", "extras"],
        ),
        Strip(
            id="3",
            main_location="HOUSE",
            int_ext="INT",
            eighths=4,
            cast=["B"],
            flags=["animals", "vfx"],
        ),
    ]
    return ScheduleProblem(strips=strips, options=ScheduleOptions(capacity_eighths=16))


def _result(*days: list[str]) -> ScheduleResult:
    return ScheduleResult(
        status="feasible", days=[ShootDay(index=i, strips=d) for i, d in enumerate(days)]
    )


TIERS = {"A": "lead", "B": "supporting"}
DOOD = Dood(
    days=2, rows=[DoodRow(name="A", codes=["SW", "WF"]), DoodRow(name="B", codes=["SWF", ""])]
)

# (account, description, quantity, rate, amount): every line, worked out by hand.
EXPECTED = [
    ("1100", "Director", "1", "10000", "10000"),
    ("1300", "A (lead)", "2", "1000", "2000"),  # SW + WF
    ("1300", "B (supporting)", "1", "500", "500"),  # SWF
    ("2000", "camera: crew of 2 every day", "4", "100", "400"),
    ("2000", "grip: crew of 1 every day", "2", "50", "100"),  # flat: busiest day's need
    ("2000", "stunts: crew of 1 every day", "2", "300", "600"),
    ("2000", "Night premium", "550", "0.1", "55"),  # day 2 labor 200 + 50 + 300
    ("2000", "Overtime on heavy days", "550", "0.5", "275"),  # day 2: 16/8 of 16/8
    ("2100", "Background", "10", "20", "200"),  # 10 people x scene 2
    ("2200", "HOUSE: practical fee", "1", "400", "400"),
    ("2200", "HOUSE: set-up", "1", "150", "150"),
    ("2200", "MAIN STREET: street fee", "1", "700", "700"),
    ("2200", "MAIN STREET: set-up", "1", "250", "250"),
    ("2400", "Camera package", "2", "300", "600"),
    ("2400", "Night lighting", "1", "120", "120"),
    ("2500", "Public stunt", "1", "2000", "2000"),  # stunt at a street location
    ("2500", "Animals", "1", "250", "250"),
    ("2600", "Meals", "11", "10", "110"),  # crew 4 + 4, cast 2 + 1
    ("3000", "Editorial", "3", "1000", "3000"),  # 1 shoot week + 2 post weeks
    ("3100", "VFX shot", "2", "500", "1000"),
    ("3200", "Sound", "1", "3000", "3000"),
    ("4100", "Legal", "1", "1000", "1000"),
    ("1300", "Fringes on cast wages (20%)", "2500", "0.2", "500"),
    ("2000", "Fringes on crew wages (10%)", "1430", "0.1", "143"),
    ("2100", "Fringes on extras wages (5%)", "200", "0.05", "10"),
    ("4000", "Insurance", "27363", "0.02", "547.26"),
    ("4900", "Contingency", "27910.26", "0.1", "2791.03"),
]


def test_budget_recomputed_by_hand_every_line(card, problem) -> None:
    budget = compute_budget(problem, _result(["1", "3"], ["2"]), DOOD, card, tiers=TIERS)
    got = [(x.account, x.description, x.quantity, x.rate, x.amount) for x in budget.lines]
    want = [(a, d, Decimal(q), Decimal(r), to_money(m)) for a, d, q, r, m in EXPECTED]
    assert got == want
    assert budget.likely == budget.total == Decimal("30701.29")
    assert budget.account("2000").subtotal == Decimal("1430")
    assert budget.account("2000").fringes == Decimal("143")
    assert sum(a.total for a in budget.accounts) == budget.likely
    assert budget.sections["above_the_line"] == Decimal("13000")


def test_every_line_is_quantity_times_rate(card, problem) -> None:
    budget = compute_budget(problem, _result(["1", "3"], ["2"]), DOOD, card, tiers=TIERS)
    for line in budget.lines:
        assert line.amount == to_money(line.quantity * line.rate), line.description


def test_range_low_likely_high_by_hand(card, problem) -> None:
    budget = compute_budget(problem, _result(["1", "3"], ["2"]), DOOD, card, tiers=TIERS)
    parts = {p.name: (p.low, p.high) for p in budget.range_parts}
    # Daily lines: cast 2500 + crew 1100 + location fees 1100 + equipment 720 + meals 110.
    day = Decimal("2765")
    assert parts == {
        "pace": (-day, day),  # 50% of 2 days = 1 day either way
        "weather": (Decimal(0), day),  # 100% of 1 exterior day
        "stunts": (Decimal(0), Decimal("260")),  # 10% of 600 + 2000
        "vfx": (Decimal(0), Decimal("200")),  # 20% of 1000
    }
    assert budget.low == Decimal("27936.29")
    assert budget.high == Decimal("36691.29")
    assert "low and high" in budget.method


def _amounts(budget) -> dict[tuple[str, str], Decimal]:
    return {(x.account, x.description): x.amount for x in budget.lines}


def test_schedule_change_moves_exactly_the_changed_lines(card, problem) -> None:
    before = compute_budget(problem, _result(["1", "3"], ["2"]), DOOD, card, tiers=TIERS)
    dood = Dood(
        days=2, rows=[DoodRow(name="A", codes=["SW", "WF"]), DoodRow(name="B", codes=["", "SWF"])]
    )
    after = compute_budget(problem, _result(["1"], ["2", "3"]), dood, card, tiers=TIERS)
    a, b = _amounts(before), _amounts(after)
    changed = {
        key: b.get(key, Decimal(0)) - a.get(key, Decimal(0))
        for key in {*a, *b}
        if a.get(key) != b.get(key)
    }
    assert changed == {
        ("2300", "Company moves"): Decimal("1000"),  # day 2: MAIN STREET -> HOUSE
        ("2200", "HOUSE: practical fee"): Decimal("400"),  # HOUSE now on 2 days
        ("4000", "Insurance"): Decimal("28"),  # 2% of 1400
        ("4900", "Contingency"): Decimal("142.80"),  # 10% of 1428
    }
    assert after.likely - before.likely == sum(changed.values())


def test_unknown_scene_and_infeasible_schedule_are_rejected(card, problem) -> None:
    with pytest.raises(ValueError, match="'9'"):
        compute_budget(problem, _result(["1", "9"]), DOOD, card)
    with pytest.raises(ValueError, match="infeasible"):
        compute_budget(problem, ScheduleResult(status="infeasible"), DOOD, card)


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("MAIN STREET", "street"),
        ("GOLDEN GATE BRIDGE", "street"),
        ("HIGHWAY 1", "street"),
        ("SOUND STAGE 4", "stage"),
        ("BACKLOT - WESTERN TOWN", "backlot"),
        ("SUTTER HOUSE", "practical"),
        ("KITCHEN", "practical"),
    ],
)
def test_location_kind(name: str, kind: str) -> None:
    assert location_kind(name) == kind


@pytest.mark.parametrize(
    ("days", "text"),
    [([0], "day 1"), ([0, 1, 2, 5], "days 1-3, 6"), ([4, 2, 3], "days 3-5"), ([], "no days")],
)
def test_days_text(days: list[int], text: str) -> None:
    assert days_text(days) == text


def test_cast_tiers_by_share_of_scenes(card) -> None:
    def scene(i: int, cast: list[str]) -> Scene:
        return Scene(index=i, number=str(i + 1), heading="INT. X - DAY", speakers=cast)

    script = Script(
        format="fountain",
        scenes=[
            scene(0, ["LEAD", "SUP"]),
            scene(1, ["LEAD", "SUP"]),
            scene(2, ["LEAD", "DAY"]),
            scene(3, ["X"]),
            scene(4, ["Y"]),
        ],
    )
    # 3 of 5 scenes (>= 50%) makes a lead; 2 (>= 30%) a supporting part; 1 a day player.
    assert cast_tiers(script, card) == {
        "LEAD": "lead",
        "SUP": "supporting",
        "DAY": "day_player",
        "X": "day_player",
        "Y": "day_player",
    }


def test_a_site_given_a_kind_is_paid_as_that_kind(card, problem) -> None:
    """A user's 'MAIN STREET is a stage' reaches the budget: the strip's kind, not the name."""
    before = compute_budget(problem, _result(["1", "3"], ["2"]), DOOD, card, tiers=TIERS)
    strips = [
        s.model_copy(update={"site_kind": "stage"}) if s.id == "2" else s for s in problem.strips
    ]
    staged = problem.model_copy(update={"strips": strips})
    after = compute_budget(staged, _result(["1", "3"], ["2"]), DOOD, card, tiers=TIERS)
    a, b = _amounts(before), _amounts(after)
    assert ("2200", "MAIN STREET: street fee") in a and ("2200", "MAIN STREET: street fee") not in b
    assert b[("2200", "MAIN STREET: stage fee")] == Decimal("900")
    assert b[("2200", "MAIN STREET: set-up")] == Decimal("50")
    # A stunt on a stage is not a public stunt.
    assert ("2500", "Public stunt") in a and ("2500", "Public stunt") not in b
    lines_2200 = sum(v for (acct, _), v in a.items() if acct == "2200")
    assert sum(v for (acct, _), v in b.items() if acct == "2200") - lines_2200 == Decimal(
        (900 - 700) + (50 - 250)
    )


def test_one_actors_rate_factor_prices_their_line_and_says_so(card, problem) -> None:
    dear = adjust_rates(card, rates={}, factors={"name:A": 1.5})
    budget = compute_budget(problem, _result(["1", "3"], ["2"]), DOOD, dear, tiers=TIERS)
    cast = {x.description: (x.quantity, x.rate) for x in budget.lines if x.account == "1300"}
    assert cast["A (lead x 1.5)"] == (Decimal(2), Decimal("1500.00"))
    assert cast["B (supporting)"] == (Decimal(1), Decimal(500))
