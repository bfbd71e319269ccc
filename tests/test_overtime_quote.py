"""'How much is an hour of overtime?': the rate card's overtime rules priced on the board's days,
against the wages worked out by hand from the plan's crew and DOOD."""

from __future__ import annotations

from decimal import Decimal

import pytest

from graph.progress_intent import progress_fields
from tests.builders import scene
from tools.plan import Plan, PlanInputs, make_plan
from tools.progress.overtime_quote import overtime_quote
from tools.queries import Query, answer
from tools.ratecard import load_rate_card
from tools.script import Script

PLACES = ["HOUSE", "DINER", "OFFICE", "MAIN STREET"]
CASTS = [["MAYA", "JO"], ["SAM"], ["MAYA", "SAM"], ["JO", "LEE"]]


@pytest.fixture(scope="module")
def plan() -> Plan:
    scenes = [scene(i, PLACES[i % 4], CASTS[i % 4], 6 + (i % 5) * 2) for i in range(16)]
    script = Script(title="Overtime", format="fountain", scenes=scenes, content_hash="ot-v1")
    return make_plan(script, PlanInputs(time_limit_s=4.0, pages_per_day=4.0))


def _by_hand(plan: Plan, day: int) -> Decimal:
    """One hour over on `day`: each worker's day rate / 12 x 1.5, plus 22% (crew) or 21%
    (cast) fringes, from the default rate card's rows."""
    card = load_rate_card()
    assert plan.crew is not None and plan.dood is not None
    premium = 1 + Decimal(plan.crew.premium)
    crew = sum(
        Decimal(d.rate) * (d.core + d.day_players[day] * premium) for d in plan.crew.departments
    )
    cast = Decimal(0)
    for row in plan.dood.rows:
        if row.codes[day] in {"W", "SW", "WF", "SWF"}:
            named = card.find("cast_name", row.name)
            cast += named.rate if named else card.rate("cast", plan.tiers[row.name])
    hour = Decimal("1.5") / 12
    return crew * hour * Decimal("1.22") + cast * hour * Decimal("1.21")


def test_an_hour_over_is_each_days_wages_at_time_and_a_half_with_fringes(plan: Plan) -> None:
    quote = overtime_quote(plan, 1.0)
    assert quote is not None and len(quote.per_day) == len(plan.schedule.days)
    for day, cost in enumerate(quote.per_day):
        assert float(cost) == pytest.approx(float(_by_hand(plan, day)), abs=0.05)
    assert len(set(quote.per_day)) > 1  # the days differ: who works, day players


def test_hours_past_the_double_time_hour_are_paid_double(plan: Plan) -> None:
    one, two, three = (overtime_quote(plan, h) for h in (1.0, 2.0, 3.0))
    assert one is not None and two is not None and three is not None
    # Time and a half to the 14th hour, then double: 2 h = 2 x 1 h, 3 h = (3 + 2) / 1.5 x 1 h.
    for a, b, c in zip(one.per_day, two.per_day, three.per_day, strict=True):
        assert float(b) == pytest.approx(2 * float(a), abs=0.05)
        assert float(c) == pytest.approx(float(a) * 5 / 1.5, abs=0.05)


def test_the_chat_question_names_the_average_day_and_the_range(plan: Plan) -> None:
    record = plan.model_dump(mode="json")
    quote = overtime_quote(plan, 2.0)
    assert quote is not None
    got = answer(record, Query(kind="overtime", hours=2.0))
    assert got.facts["average"] == pytest.approx(float(quote.average), abs=0.01)
    assert got.text.startswith("Two hours over costs about $")
    hi = max(range(len(quote.per_day)), key=lambda d: quote.per_day[d])
    assert f"(day {hi + 1})" in got.text
    one_day = answer(record, Query(kind="overtime", day=1))
    assert one_day.text.startswith("An hour over on day 2 costs $")
    assert answer(record, Query(kind="overtime", day=99)).found is False


@pytest.mark.parametrize(
    ("message", "ask"),
    [
        ("what was the overtime on day 3?", "day"),
        ("what did day 1 cost us in overtime?", "day"),
        ("day 4's overtime so far", "day"),
        ("what does overtime on day 12 cost?", None),
        ("what would overtime for day 2 cost?", None),
    ],
)
def test_a_shot_days_overtime_is_its_actual_and_a_price_asked_ahead_is_not(
    message: str, ask: str | None
) -> None:
    fields = progress_fields(message)
    assert (fields or {}).get("ask") == ask
