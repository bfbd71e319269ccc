"""The progress facts as sentences: the day as shot, what the re-plan moved, the cost report.

`schedule_text` answers "are we on schedule?" and `cost_text` "what's our cost to complete?";
every figure comes from the records, nothing is estimated here.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING

from tools.budget import ACCOUNTS, format_money
from tools.plan import StripMove
from tools.progress.forecast import Forecast
from tools.progress.ledger import ResolvedDay
from tools.progress.offer import MoveOffer
from tools.progress.replan import RestReport

if TYPE_CHECKING:
    from tools.progress.evening import Progress

__all__ = [
    "cost_text",
    "day_cost_text",
    "day_text",
    "hot_costs_text",
    "progress_text",
    "schedule_text",
]


def _scenes(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


def _pages(eighths: int) -> str:
    whole, part = divmod(abs(eighths), 8)
    sign = "-" if eighths < 0 else ""
    if not part:
        return f"{sign}{whole} pages" if whole != 1 else f"{sign}1 page"
    return f"{sign}{whole} {part}/8 pages" if whole else f"{sign}{part}/8 page"


def _hours(hours: float) -> str:
    return f"{hours:g} hour" if hours == 1 else f"{hours:g} hours"


def day_text(day: ResolvedDay) -> str:
    """One reported day in a sentence."""
    parts = []
    finished = [p.scene for p in day.shot if p.finished]
    if finished:
        parts.append(f"finished {_scenes(finished)}")
    part = [f"{_pages(p.eighths)} of {p.scene}" for p in day.shot if not p.finished]
    if part:
        parts.append(f"shot {_scenes(part)}")
    if day.pickups:
        parts.append(f"picked up {_scenes([p.scene for p in day.pickups])}")
    if day.not_shot:
        parts.append(f"did not shoot {_scenes(day.not_shot)}")
    extra = []
    if day.overtime_hours:
        extra.append(f"{_hours(day.overtime_hours)} of overtime")
    if day.extra_background:
        extra.append(f"{day.extra_background} extra background")
    if day.weather_hours:
        extra.append(f"{_hours(day.weather_hours)} lost to weather")
    said = "; ".join(parts) or "shot nothing"
    tail = f" ({', '.join(extra)})" if extra else ""
    note = f" Not mentioned, counted as not shot: {_scenes(day.assumed)}." if day.assumed else ""
    return f"Day {day.day + 1}: {said}, {_pages(day.eighths)} in all{tail}.{note}"


def _moves(label: str, moves: list[StripMove]) -> str:
    shown = [f"{m.scene} to day {(m.new_day or 0) + 1}" for m in moves[:8]]
    more = f" and {len(moves) - 8} more" if len(moves) > 8 else ""
    return f"{label}: {', '.join(shown)}{more}."


def schedule_text(f: Forecast) -> str:
    """Are we on schedule: pages against plan and the days the re-plan needs."""
    behind = f.planned_eighths - f.shot_eighths
    pace = (
        "on pace"
        if behind == 0
        else f"{_pages(behind)} behind"
        if behind > 0
        else f"{_pages(-behind)} ahead"
    )
    days = f.forecast_days - f.approved_days
    finish = (
        f"the re-plan finishes on day {f.forecast_days}, as approved"
        if days == 0
        else f"the re-plan needs {f.forecast_days} days, {abs(days)} "
        f"{'more' if days > 0 else 'fewer'} than the approved {f.approved_days}"
    )
    return (
        f"After {f.reported_days} of {f.approved_days} days: {_pages(f.shot_eighths)} shot "
        f"against {_pages(f.planned_eighths)} planned ({pace}); {finish}."
    )


def cost_text(f: Forecast, *, accounts: int = 3) -> list[str]:
    """Cost to complete, the forecast at completion and the largest variances by account."""
    money = lambda v: format_money(v, f.currency)  # noqa: E731
    if f.reported_days < _FEW_DAYS and f.allowance and f.forecast_days > f.reported_days:
        return _early_cost_text(f, accounts)
    lines = [
        f"Actual to date {money(f.actual)}; cost to complete {money(f.to_complete)}; "
        f"forecast at completion {money(f.at_completion)} against the approved "
        f"{money(f.approved)} ({_variance(f.variance, money)})."
    ]
    if f.allowance:
        lines.append(
            f"The forecast includes {money(f.allowance)} for the days left at the run rate so "
            "far (hot costs a day and the days the slips add)."
        )
    lines.append(_assumes(f))
    worst = sorted((a for a in f.accounts if a.variance), key=lambda a: -abs(a.variance))
    for a in worst[:accounts]:
        lines.append(
            f"- {a.code} {ACCOUNTS[a.code][0]}: {money(a.variance)} "
            f"({money(a.at_completion)} forecast)"
        )
    return lines


def _variance(amount: Decimal, money: Callable[[Decimal], str]) -> str:
    if not amount:
        return "on budget"
    return f"{'over' if amount > 0 else 'under'} by {money(abs(amount))}"


def _early_cost_text(f: Forecast, accounts: int) -> list[str]:
    """After one or two shot days: the board as the re-plan books it first, and the run rate
    of those days as what it is, those days repeated ("if every day left went as day 1")."""
    money = lambda v: format_money(v, f.currency)  # noqa: E731
    booked = f.at_completion - f.allowance
    over = booked - f.approved
    left = f.forecast_days - f.reported_days
    shot = "day 1" if f.reported_days == 1 else f"days 1-{f.reported_days}"
    lines = [
        f"Actual to date {money(f.actual)}; cost to complete {money(f.to_complete - f.allowance)} "
        f"and forecast at completion {money(booked)} as the re-plan books the "
        f"{_days_left(left)}, against the approved {money(f.approved)} "
        f"({_variance(over, money)}).",
        f"If every day left went as {shot} did, it would add {money(f.allowance)}: cost to "
        f"complete {money(f.to_complete)}, forecast at completion {money(f.at_completion)}.",
        _assumes(f),
    ]
    worst = sorted(
        (a for a in f.accounts if a.variance - a.allowance),
        key=lambda a: -abs(a.variance - a.allowance),
    )
    for a in worst[:accounts]:
        lines.append(
            f"- {a.code} {ACCOUNTS[a.code][0]}: {money(a.variance - a.allowance)} "
            f"({money(a.at_completion - a.allowance)} as booked)"
        )
    return lines


def _assumes(f: Forecast) -> str:
    """What the forecast assumes about the days not shot, in words."""
    left = f.forecast_days - f.reported_days
    if left <= 0:
        return "Every day is shot: the forecast is the actual cost."
    hot = sum((line.amount for line in f.hot_costs), Decimal(0)) / max(f.reported_days, 1)
    rate = f"with hot costs of {format_money(hot, f.currency)} a day"
    tail = "each day the board later gains or loses moves it by about a day's cost."
    if f.rollouts:
        shot = "shot day" if f.reported_days == 1 else f"{f.reported_days} shot days"
        return (
            f"It assumes the {_days_left(left)} on the re-plan {_verb('go', left)} as the {shot} "
            "went, in turn "
            f"({f.slip_days} of {f.reported_days} left booked work undone): the work "
            "left goes to a later day at its site, else to one with room for a company move, "
            f"else to a day of its own, about {float(f.extra_days):.1f} more days "
            f"({_spread_words(f)}), {rate}; {_day_words(f, hot)}"
        )
    pace = (
        f"take {1 + float(f.pace):.2f} days for each day booked, as the shot days did (about "
        f"{float(f.pace) * left:.1f} more days)"
        if f.pace
        else "go as booked, as the shot days did"
    )
    if left == 1:
        pace = pace.replace("take ", "takes ", 1).replace("go as", "goes as", 1)
    return f"It assumes the {_days_left(left)} on the re-plan {pace}, {rate}; {tail}"


_FEW_DAYS = 3
"""Fewer shot days than this are too few to say how much the days go vary: the rollouts are
those days repeated, and the answer says so instead of a spread of zero."""


def _spread_words(f: Forecast) -> str:
    if f.reported_days < _FEW_DAYS:
        shot = "one shot day" if f.reported_days == 1 else f"{f.reported_days} shot days"
        return (
            f"from {shot}, too few to tell how much the days vary: read it as every day left "
            "going that way, a warning more than a forecast, until more days are shot"
        )
    return (
        f"give or take {f.extra_spread:.1f} over {f.rollouts} rollouts; "
        f"{f.extra_sample_spread:.1f} with the shot days taken as a sample"
    )


def _day_words(f: Forecast, hot: Decimal) -> str:
    """What a day more or less costs, and what the days' spread makes of the forecast."""
    if not f.day_price or f.at_completion <= 0:
        return "each day the board later gains or loses moves it by about a day's cost."
    day = f.day_price + hot
    if f.reported_days < _FEW_DAYS:
        return (
            f"each day more or less moves it by about {format_money(day, f.currency)} "
            "(insurance, contingency and the hot costs a day included)."
        )
    spread = Decimal(str(f.extra_sample_spread)) * day
    return (
        f"each day more or less moves it by about {format_money(day, f.currency)} (insurance, "
        "contingency and the hot costs a day included), so the days' spread alone makes the "
        f"forecast at completion good to about {format_money(spread, f.currency)} either way "
        f"(one standard deviation, {float(spread / f.at_completion * 100):.1f}%)."
    )


def _days_left(left: int) -> str:
    return "day left" if left == 1 else f"{left} days left"


def _verb(verb: str, count: int) -> str:
    """'go' for several days left, 'goes' for one."""
    return verb + ("es" if verb.endswith("o") else "s") if count == 1 else verb


def progress_text(p: Progress) -> list[str]:
    """The evening's answer: the newest day, what moved, what it costs, the cost report."""
    rest, money = p.rest, lambda v: format_money(v, p.forecast.currency)
    lines = [day_text(p.days[-1])] if p.days else []
    if rest.relaxed:
        lines.append(f"Note: {rest.relaxed}.")
    if rest.placed:
        lines.append(_moves("Back on the board", rest.placed))
    lines.append(
        _moves(
            f"Re-plan moved {len(rest.moved)} strip{'' if len(rest.moved) == 1 else 's'}",
            rest.moved,
        )
        if rest.moved
        else "The re-plan moved no other strip."
    )
    lines += [f"- {change}" for change in rest.cast_changes[:5]]
    delta = rest.budget_after - rest.budget_before
    lines.append(
        f"The board's budget goes from {money(rest.budget_before)} to {money(rest.budget_after)} "
        f"({'+' if delta >= 0 else ''}{money(delta)}); {rest.days_after} shooting days."
    )
    if (offer := rest.second_move) is not None:
        lines.append(_offer_text(offer, rest, money))
    lines.append(schedule_text(p.forecast))
    lines += cost_text(p.forecast)
    return lines


def _offer_text(offer: MoveOffer, rest: RestReport, money: Callable[[Decimal], str]) -> str:
    """'Allowing 2 company moves on day 6 keeps the shoot at 12 days ...': the AD's choice."""
    days = offer.move_days
    on = (
        ""
        if not days
        else f" on day {days[0] + 1}"
        if len(days) == 1
        else " on days " + ", ".join(str(d + 1) for d in days[:-1]) + f" and {days[-1] + 1}"
    )
    saved = rest.budget_after - offer.budget
    return (
        f"Allowing {offer.moves} company moves{on} instead would keep the shoot at "
        f"{offer.days} days, {money(offer.budget)} ({money(saved)} less than this re-plan): say "
        f'"allow {offer.moves} moves a day" to re-plan with it.'
    )


def hot_costs_text(f: Forecast) -> str:
    """'how much overtime have we paid so far?': the hot costs to date, line by line in day
    order (each line names its day)."""
    money = lambda v: format_money(v, f.currency)  # noqa: E731
    lines = sorted(f.hot_costs, key=lambda line: (min(line.days or [0]), line.description))
    if not lines:
        return f"No hot costs so far: {_reported(f.reported_days)}, none with overtime or extras."
    total = sum((line.amount for line in lines), Decimal(0))
    said = "; ".join(f"{line.description} {money(line.amount)}" for line in lines)
    return f"Hot costs so far {money(total)} ({_reported(f.reported_days)}): {said}."


def day_cost_text(f: Forecast, day: int) -> str:
    """What a shot day cost: its share of the accounts as recorded that evening, and the hot
    costs (overtime, extra background) its report added, line by line."""
    if not 0 <= day < f.reported_days or day >= len(f.day_costs):
        return f"Day {day + 1} has no production report yet: {_reported(f.reported_days)} so far."
    shares = sum((Decimal(str(v)) for v in f.day_costs[day].values()), Decimal(0))
    hot = [line for line in f.hot_costs if day in line.days]
    extra = sum((line.amount for line in hot), Decimal(0))
    money = lambda v: format_money(v, f.currency)  # noqa: E731
    said = "; ".join(f"{line.description} {money(line.amount)}" for line in hot)
    return (
        f"Day {day + 1} cost {money(shares + extra)}: {money(shares)} of the budget's day "
        f"lines and {money(extra)} of hot costs" + (f" ({said})." if hot else ".")
    )


def _reported(days: int) -> str:
    return "1 day is reported" if days == 1 else f"{days} days are reported"
