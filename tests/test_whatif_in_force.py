"""What-ifs as users mean them: relative figures made absolute, changes in force, rates."""

from __future__ import annotations

from decimal import Decimal

import pytest

from graph.grammar.model import LAST_DAY, Change
from graph.whatif import apply_changes, in_force, resolve_changes
from tools.ratecard import adjust_rates, load_rate_card

SCRIPT = {"scenes": [{"number": "1", "speakers": ["MAYA", "JONAH"]}]}
DAYS18 = Change(kind="days", value=18)
PIN = Change(kind="pin", scene="1", days=[2])


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (Change(kind="days", value=-2, relative=True), Change(kind="days", value=18, base=20)),
        (Change(kind="days", value=5, relative=True), Change(kind="days", value=25, base=20)),
        (
            Change(kind="pages_per_day", value=1, relative=True),
            Change(kind="pages_per_day", value=5),
        ),
        (Change(kind="pin", scene="1", days=[LAST_DAY]), Change(kind="pin", scene="1", days=[19])),
        (DAYS18, DAYS18),
    ],
)
def test_relative_changes_resolve_against_the_current_plan(
    change: Change, expected: Change
) -> None:
    assert resolve_changes([change], {"pages_per_day": 4.0}, 20) == [expected]


def test_a_relative_change_instead_is_read_against_the_replaced_ones_plan() -> None:
    # "cut two days" on 20 made 18; "and three?" instead is 17, not 15.
    got = resolve_changes([Change(kind="days", value=-3, relative=True)], {}, 18, 20.0)
    assert got == [Change(kind="days", value=17, base=20)]


@pytest.mark.parametrize(
    ("groups", "new", "instead", "reset", "expected"),
    [
        ([[PIN]], [DAYS18], False, False, [[PIN], [DAYS18]]),
        ([[PIN], [DAYS18]], [Change(kind="days", value=20)], True, False,
         [[PIN], [Change(kind="days", value=20)]]),
        ([[PIN], [DAYS18]], [Change(kind="days", value=20)], False, False,
         [[PIN], [Change(kind="days", value=20)]]),
        ([[DAYS18]], [PIN], True, False, [[DAYS18], [PIN]]),  # "instead" of nothing alike
        ([[PIN], [DAYS18]], [Change(kind="pages_per_day", value=5)], False, True,
         [[Change(kind="pages_per_day", value=5)]]),
    ],
)  # fmt: skip
def test_changes_in_force(
    groups: list[list[Change]],
    new: list[Change],
    instead: bool,
    reset: bool,
    expected: list[list[Change]],
) -> None:
    assert in_force(groups, new, instead=instead, reset=reset) == expected


def test_availability_and_rates_become_plan_inputs() -> None:
    inputs = apply_changes(
        {"unavailable": {}, "rates": {}, "rate_factors": {}},
        [
            Change(kind="available", actor="MAYA", from_day=2, to_day=4),
            Change(kind="rate", actor="JONAH", value=20000),
            Change(kind="rate", department="cast", factor=0.9),
            Change(kind="rate", department="cast", factor=0.9),
        ],
        SCRIPT,
    )
    assert inputs["unavailable"]["MAYA"][:3] == [0, 1, 5]
    assert 2 not in inputs["unavailable"]["MAYA"] and 4 not in inputs["unavailable"]["MAYA"]
    assert inputs["rates"] == {"cast:JONAH": 20000}
    assert inputs["rate_factors"] == {"cast": 0.81}
    with pytest.raises(ValueError, match="nobody called ZED"):
        apply_changes({}, [Change(kind="rate", actor="ZED", value=1)], SCRIPT)


def test_adjusted_rates_change_the_card_and_its_hash() -> None:
    card = load_rate_card()
    new = adjust_rates(card, rates={"cast:JONAH": 20000, "crew:camera": 900}, factors={"cast": 0.5})
    named = new.find("cast_name", "JONAH")
    assert named is not None and named.rate == Decimal("20000.00")
    assert new.rate("cast", "lead") == card.rate("cast", "lead") * Decimal("0.5")
    assert all(i.rate == 900 for i in new.of_kind("crew") if i.key == "camera")
    assert new.content_hash != card.content_hash
    assert adjust_rates(card, rates={}, factors={}) is card
    # A tier's factor prices that tier's rate only.
    leads = adjust_rates(card, rates={}, factors={"cast:lead": 1.1})
    assert leads.rate("cast", "lead") == (card.rate("cast", "lead") * Decimal("1.1")).quantize(
        Decimal("0.01")
    )
    assert leads.rate("cast", "supporting") == card.rate("cast", "supporting")


def test_one_actors_percentage_prices_only_that_actor() -> None:
    """'MAYA costs 20% more' is a factor on her rate (her tier's, or her own what-if rate);
    a day rate said after it replaces it."""
    inputs = apply_changes(
        {"rates": {}, "rate_factors": {}},
        [
            Change(kind="rate", actor="MAYA", factor=1.2),
            Change(kind="rate", actor="MAYA", factor=1.1),
        ],
        SCRIPT,
    )
    assert inputs["rate_factors"] == {"name:MAYA": 1.32} and inputs["rates"] == {}
    set_rate = apply_changes(inputs, [Change(kind="rate", actor="MAYA", value=3000)], SCRIPT)
    assert set_rate["rates"] == {"cast:MAYA": 3000} and set_rate["rate_factors"] == {}
    then_up = apply_changes(set_rate, [Change(kind="rate", actor="MAYA", factor=1.1)], SCRIPT)
    assert then_up["rates"] == {"cast:MAYA": 3300} and then_up["rate_factors"] == {}

    card = load_rate_card()
    new = adjust_rates(card, rates={}, factors={"name:MAYA": 1.2, "cast:lead": 1.1})
    lead = card.rate("cast", "lead")
    assert new.cast_rate("MAYA", "lead") == (lead * Decimal("1.1") * Decimal("1.2")).quantize(
        Decimal("0.01")
    )
    assert new.cast_rate("JONAH", "lead") == (lead * Decimal("1.1")).quantize(Decimal("0.01"))
    assert new.cast_rate("MAYA", "supporting") == (
        card.rate("cast", "supporting") * Decimal("1.2")
    ).quantize(Decimal("0.01"))
    assert new.content_hash != adjust_rates(card, rates={}, factors={"cast:lead": 1.1}).content_hash
