"""Overtime rules and the forecast at completion, against figures worked out by hand."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Any

import pytest

from tools.budget import Account, Budget, BudgetLine
from tools.budget.lines import make_line
from tools.progress import Forecast, forecast, overtime_lines
from tools.progress.daycosts import day_more
from tools.progress.rollout import Outlook
from tools.progress.text import cost_text, hot_costs_text
from tools.ratecard import (
    DEFAULT_RATE_CARD,
    RateCardError,
    load_rate_card,
    overtime_rules,
    parse_rate_card,
)

D = Decimal


@pytest.mark.parametrize(
    ("over", "paid"),
    [("0", "0"), ("0.5", "0.75"), ("1.5", "2.25"), ("2", "3"), ("3", "5"), ("4.5", "8")],
)
def test_time_and_a_half_after_12_hours_then_double_after_14(over: str, paid: str) -> None:
    rules = overtime_rules(load_rate_card())
    assert rules.straight_hours(D(over)) == D(paid)


def _card(rows: str) -> str:
    """The default card with its overtime rows replaced by `rows`."""
    lines = DEFAULT_RATE_CARD.read_text().splitlines()
    kept = [line for line in lines if "overtime_after" not in line and "double_time" not in line]
    return "\n".join([*kept, *rows.strip().splitlines()]) + "\n"


def test_a_card_with_its_own_rules_prices_by_them() -> None:
    card = parse_rate_card(
        _card(
            """
param,overtime_after_hours,,,hours,10,,,,
param,double_time_after_hours,,,hours,12,,,,
param,double_time_multiplier,,,times,2.5,,,,
"""
        )
    )
    rules = overtime_rules(card)
    assert rules.straight_hours(D(3)) == D(2) * D("1.5") + D(1) * D("2.5")
    bad = parse_rate_card(_card("param,double_time_after_hours,,,hours,8,,,,"))
    with pytest.raises(RateCardError, match="double_time_after_hours"):
        overtime_rules(bad)
    with pytest.raises(ValueError, match="negative"):
        rules.straight_hours(D(-1))


def test_overtime_lines_price_crew_and_cast_with_fringes() -> None:
    card = load_rate_card()  # crew fringe 22%, cast fringe 21%
    lines = overtime_lines(2, 1.5, crew=D(12000), cast=D(6000), card=card)
    amounts = {(line.account, "fringe" in line.tags): line.amount for line in lines}
    # 1.5 hours over = 2.25 straight hours; 12,000 a day / 12 hours = 1,000 an hour.
    assert amounts == {
        ("2000", False): D("2250.00"),
        ("2000", True): D("495.00"),
        ("1300", False): D("1125.00"),
        ("1300", True): D("236.25"),
    }
    assert all(line.days == [2] for line in lines)
    assert overtime_lines(2, 0, crew=D(12000), cast=D(6000), card=card) == []


def _budget(days: int, lines: list[BudgetLine]) -> Budget:
    accounts = []
    for code in sorted({line.account for line in lines}):
        mine = [line for line in lines if line.account == code]
        fringes = sum((line.amount for line in mine if "fringe" in line.tags), D(0))
        total = sum((line.amount for line in mine), D(0))
        accounts.append(
            Account(
                code=code,
                name=code,
                section="production",
                subtotal=total - fringes,
                fringes=fringes,
                total=total,
            )
        )
    return Budget(days=days, lines=lines, accounts=accounts, total=sum(a.total for a in accounts))


def test_the_forecast_of_a_small_case_matches_the_hand_computation() -> None:
    approved = _budget(
        2,
        [
            make_line("2000", "crew", 2, "day", D(500), days=[0, 1], labor="crew", tags=["daily"]),
            make_line("1100", "director", 1, "flat", D(500)),
        ],
    )
    final = _budget(
        3,
        [
            make_line(
                "2000", "crew", 3, "day", D(500), days=[0, 1, 2], labor="crew", tags=["daily"]
            ),
            make_line("2000", "fringe", D(1500), "wages", D("0.2"), tags=["fringe"]),
            make_line("1100", "director", 1, "flat", D(500)),
        ],
    )
    hot = [make_line("2000", "overtime", 1, "hour", D(90), days=[0], tags=["hot"])]
    f = forecast(
        approved,
        final,
        hot,
        approved_eighths=[32, 32],
        final_eighths=[24, 32, 8],
        shot_eighths=[24],
    )
    rows = {row.code: row for row in f.accounts if row.approved or row.at_completion}
    # Pace: 32/8 planned, 24/8 shot: each of the 2 days left stretches by 32/24 - 1 = 1/3.
    # Crew: 1,500 + 300 fringes + 90 overtime, plus the allowance: 90 a day x 2 days left
    # + 600 a day x 2 days x 1/3 = 580. Day 1 is a third of 1,800, plus the 90 of overtime.
    crew = rows["2000"]
    assert (crew.actual, crew.allowance, crew.to_complete, crew.at_completion) == (
        D(690),
        D(580),
        D(1780),
        D(2470),
    )
    assert (crew.approved, crew.variance) == (D(1000), D(1470))
    atl = rows["1100"]
    assert (atl.actual, atl.allowance, atl.to_complete, atl.variance) == (D(0), D(0), D(500), D(0))
    assert (f.approved, f.actual, f.allowance, f.to_complete, f.at_completion, f.variance) == (
        D(1500),
        D(690),
        D(580),
        D(2280),
        D(2970),
        D(1470),
    )
    assert f.pace == D(32) / D(24) - 1
    assert f.approved_cumulative == [1000.0, 1500.0]
    assert f.forecast_cumulative == [1190.0, 2080.0, 2970.0]
    assert (f.planned_eighths, f.shot_eighths) == (32, 24)
    assert f.actual_pages == [3.0] and f.forecast_pages == [3.0, 4.0, 1.0]


def test_the_rollouts_extra_days_replace_the_pace_in_the_allowance() -> None:
    lines = [
        make_line("2000", "crew", 3, "day", D(500), days=[0, 1, 2], labor="crew", tags=["daily"]),
        make_line("2000", "fringe", D(1500), "wages", D("0.2"), tags=["fringe"]),
    ]
    final = _budget(3, lines)
    hot = [make_line("2000", "overtime", 1, "hour", D(90), days=[0], tags=["hot"])]
    ahead = Outlook(extra_days=0.5, spread=0.5, slip_days=1, shot_days=1, rollouts=1)
    f = forecast(
        final,
        final,
        hot,
        approved_eighths=[32] * 3,
        final_eighths=[24, 32, 32],
        shot_eighths=[24],
        outlook=ahead,
    )
    # The rollouts add half a day at 600 a day (500 + 20% fringes); the overtime's 90 a day
    # runs over the 2 days left and that half day: 90 x 2.5 + 600 x 0.5 = 525.
    assert (f.allowance, f.at_completion, f.actual) == (D(525), D(2415), D(690))
    assert (f.extra_days, f.rollouts, f.extra_spread) == (D("0.5"), 1, 0.5)
    assert f.forecast_cumulative[-1] == 2415.0


def test_the_extra_days_carry_insurance_and_contingency_but_the_hot_costs_do_not() -> None:
    crew = make_line("2000", "crew", 3, "day", D(500), days=[0, 1, 2], labor="crew", tags=["daily"])
    insurance = make_line("4000", "insurance", D(1500), "direct costs", D("0.025"))
    contingency = make_line(
        "4900", "contingency", D("1537.50"), "total before contingency", D("0.1")
    )
    final = _budget(3, [crew, insurance, contingency])  # 1,500 + 37.50 + 153.75 = 1,691.25
    hot = [make_line("2000", "overtime", 1, "hour", D(90), days=[0], tags=["hot"])]
    ahead = Outlook(extra_days=1.0, spread=0.0, slip_days=1, shot_days=1, rollouts=1)
    f = forecast(
        final,
        final,
        hot,
        approved_eighths=[32] * 3,
        final_eighths=[24, 32, 32],
        shot_eighths=[24],
        outlook=ahead,
    )
    rows = {row.code: row.allowance for row in f.accounts if row.allowance}
    # The extra day: crew 500; insurance 2.5% of it, 12.50; contingency 10% of 512.50, 51.25.
    # The overtime's 90 a day over the 2 days left and the extra day (270) is marked up by
    # nothing: the final board's percent lines never see the hot costs.
    assert rows == {"2000": D(770), "4000": D("12.50"), "4900": D("51.25")}
    assert f.allowance == D("833.75")
    assert f.at_completion == D("1691.25") + D(90) + D("833.75")
    assert f.day_price == D("563.75")  # a day more: 500 x 1.025 x 1.1


def test_a_day_more_is_the_lines_that_scale_with_days_not_the_average_day() -> None:
    crew = make_line("2000", "crew", 3, "day", D(500), days=[0, 1, 2], tags=["daily"])
    fringe = make_line("2000", "fringe", D(1500), "wages", D("0.2"), tags=["fringe"])
    site = make_line("2200", "site fee", 1, "day", D(900), days=[2])  # day 3's scenes bring it
    final = _budget(3, [crew, fringe, site])
    assert day_more(final) == {"2000": D(600)}  # 500 a day and its 20% fringes
    ahead = Outlook(extra_days=1.0, spread=0.0, slip_days=1, shot_days=1, rollouts=1)
    f = forecast(
        final,
        final,
        [],
        approved_eighths=[32] * 3,
        final_eighths=[24, 32, 32],
        shot_eighths=[24],
        outlook=ahead,
    )
    # The average remaining day would add the site fee's 450 a day left: 1,050.
    assert (f.day_price, f.allowance, f.at_completion) == (D(600), D(600), D(3300))


def test_the_answer_puts_the_days_spread_in_money() -> None:
    crew = make_line("2000", "crew", 5, "day", D(500), days=[0, 1, 2, 3, 4], labor="crew",
                     tags=["daily"])  # fmt: skip
    contingency = make_line("4900", "contingency", D(2500), "total before contingency", D("0.1"))
    final = _budget(5, [crew, contingency])
    hot = [make_line("2000", "overtime", 3, "hour", D(50), days=[0], tags=["hot"])]
    ahead = Outlook(extra_days=1.0, spread=0.5, slip_days=1, shot_days=3, rollouts=3)
    ahead = replace(ahead, sample_spread=2.0)
    f = forecast(
        final,
        final,
        hot,
        approved_eighths=[32] * 5,
        final_eighths=[24, 32, 32, 32, 32],
        shot_eighths=[24, 32, 32],
        outlook=ahead,
    )
    # A day more: 500 + 10% contingency = 550, and 150 of hot costs over 3 days, 50 a day:
    # 600. The shot days taken as a sample spread the days by 2, so 1,200 either way; the
    # forecast is 2,750 + 150 + 550 (the extra day) + 50 x 3 (hot costs over 2 days left and
    # the extra one) = 3,600.
    assert (f.day_price, f.at_completion) == (D(550), D(3600))
    words = " ".join(cost_text(f))
    assert "each day more or less moves it by about USD 600 (" in words
    assert "good to about USD 1,200 either way (one standard deviation, 33.3%)" in words
    assert "give or take 0.5 over 3 rollouts; 2.0 with the shot days taken as a sample" in words


def _one_day_slipped() -> Forecast:
    """Three days of crew at 500; day 1 shot 24 of its 32 eighths, and the rollout of it
    repeated adds one day."""
    crew = make_line("2000", "crew", 3, "day", D(500), days=[0, 1, 2], labor="crew", tags=["daily"])
    final = _budget(3, [crew])
    ahead = Outlook(extra_days=1.0, spread=0.0, slip_days=1, shot_days=1, rollouts=1)
    return forecast(
        final,
        final,
        [],
        approved_eighths=[32] * 3,
        final_eighths=[24, 32, 32],
        shot_eighths=[24],
        outlook=ahead,
    )


def test_after_one_shot_day_the_answer_says_its_spread_is_not_known() -> None:
    f = _one_day_slipped()
    words = " ".join(cost_text(f))
    # One day repeated for every day left: no spread of 0.0 is claimed, the limit is said.
    assert "from one shot day, too few to tell how much the days vary" in words
    assert "give or take" not in words and "either way" not in words
    assert "each day more or less moves it by about USD 500 (" in words


def test_on_pace_without_hot_costs_the_forecast_is_the_board() -> None:
    lines = [
        make_line("2000", "crew", 3, "day", D(500), days=[0, 1, 2], labor="crew", tags=["daily"])
    ]
    final = _budget(3, lines)
    f = forecast(
        final,
        final,
        [],
        approved_eighths=[32, 32, 32],
        final_eighths=[32, 32, 32],
        shot_eighths=[33],
        progress_eighths=[32],
    )
    assert (f.pace, f.allowance, f.at_completion, f.variance) == (D(0), D(0), D(1500), D(0))


def test_a_shot_days_recorded_cost_stays_its_actual_and_the_rest_follows_the_board() -> None:
    # The board now prices crew at 600 a day (a what-if raised it); day 1 was recorded at 500.
    final = _budget(
        3,
        [make_line("2000", "crew", 3, "day", D(600), days=[0, 1, 2], labor="crew", tags=["daily"])],
    )

    def after_one_day(**extra: Any) -> Forecast:
        eighths = [32] * 3
        return forecast(
            final,
            final,
            [],
            approved_eighths=eighths,
            final_eighths=eighths,
            shot_eighths=[32],
            **extra,
        )

    recorded = after_one_day(recorded=[{"2000": "500.00"}])
    # Actual: day 1 as recorded (500); to complete: days 2 and 3 at the board's 600.
    assert (recorded.actual, recorded.to_complete, recorded.at_completion) == (
        D(500),
        D(1200),
        D(1700),
    )
    assert recorded.day_costs == [{"2000": D(500)}]
    assert recorded.forecast_cumulative == [500.0, 1100.0, 1700.0]
    # Unrecorded, the day is priced on the board at the rates it was shot at (`repriced`).
    before = _budget(
        3,
        [make_line("2000", "crew", 3, "day", D(500), days=[0, 1, 2], labor="crew", tags=["daily"])],
    )
    repriced = after_one_day(repriced=[([0], before)])
    assert (repriced.actual, repriced.at_completion) == (D(500), D(1700))
    plain = after_one_day()
    assert (plain.actual, plain.at_completion, plain.day_costs) == (
        D(600),
        D(1800),
        [{"2000": D(600)}],
    )


@pytest.mark.parametrize(
    ("history", "day", "expected"),
    [
        ([], 3, [(0, 100.0), (3, 200.0)]),  # the rates before held from day 1
        ([(0, 100.0), (3, 200.0)], 5, [(0, 100.0), (3, 200.0), (5, 300.0)]),
        ([(0, 100.0), (3, 200.0)], 3, [(0, 100.0), (3, 300.0)]),  # asked again the same evening
        ([(0, 100.0)], 2, [(0, 100.0), (2, 300.0)]),
    ],
)
def test_rate_history_keeps_the_rates_each_shot_day_had(
    history: list[tuple[int, float]], day: int, expected: list[tuple[int, float]]
) -> None:
    from tools.plan import PlanInputs
    from tools.progress import RatesFrom, rate_history

    def inputs(rate: float) -> PlanInputs:
        return PlanInputs(rates={"cast:MAYA": rate})

    before = inputs(history[-1][1] if history else 100.0)
    after = inputs(200.0 if not history else 300.0)
    entries = [RatesFrom(day=d, rates={"cast:MAYA": r}) for d, r in history]
    got = rate_history(entries, before, after, day)
    assert [(h.day, h.rates["cast:MAYA"]) for h in got] == expected
    assert rate_history(got, after, after, day + 1) == got  # unchanged rates add nothing


def test_after_one_shot_day_the_board_as_booked_leads_and_the_run_rate_is_a_scenario() -> None:
    f = _one_day_slipped()
    assert f.allowance == D(500) and f.at_completion == D(2000)  # one day more at 500
    first, scenario, assumes, *_ = cost_text(f)
    # The board as booked: 1,500 against the approved 1,500; the slip repeated is apart.
    assert (
        "cost to complete USD 1,000 and forecast at completion USD 1,500 as the re-plan books"
        in first
    )
    assert "the 2 days left, against the approved USD 1,500 (on budget)" in first
    assert scenario == (
        "If every day left went as day 1 did, it would add USD 500: cost to complete USD 1,500, "
        "forecast at completion USD 2,000."
    )
    assert "about 1.0 more days" in assumes and "a warning more than a forecast" in assumes


def test_the_hot_costs_to_date_are_listed_by_day_with_their_total() -> None:
    final = _budget(3, [make_line("2000", "crew", 3, "day", D(500), days=[0, 1, 2])])
    hot = [
        make_line("2000", "Overtime, day 2", 1, "hour", D(90), days=[1], tags=["hot"]),
        make_line("2100", "Extra background, day 1", 4, "person", D(150), days=[0], tags=["hot"]),
    ]
    shot = dict(approved_eighths=[32] * 3, final_eighths=[32] * 3, shot_eighths=[32, 32])
    f = forecast(final, final, hot, **shot)  # type: ignore[arg-type]
    assert hot_costs_text(f) == (
        "Hot costs so far USD 690 (2 days are reported): Extra background, day 1 USD 600; "
        "Overtime, day 2 USD 90."
    )
    none = forecast(final, final, [], **shot)  # type: ignore[arg-type]
    assert hot_costs_text(none).startswith("No hot costs so far: 2 days are reported")
