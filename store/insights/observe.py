"""Short observations about one project against the user's others, written from templates.

Every number in a sentence is one of the stored figures or an average of them, so the text is
grounded by construction and needs no model. The sentences pick the figures furthest from the
user's average; with nothing unusual they say the project is in line, and with no other
project they describe this one. There is always at least one sentence.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from store.insights.figures import ProjectFigures, Totals
from tools.budget.money import format_money

__all__ = ["NOTABLE", "Say", "observations"]

NOTABLE = 1.5
"""A figure this many times its average (or its inverse) is worth a sentence."""
_MOST = 2
"""Most sentences per observation: short enough to read in a chat."""


def _pct(value: float) -> str:
    return f"{value * 100:.0f}%"


Say = tuple[Callable[[float], str], Callable[[float], str]]
"""How to write a figure in full ("38% night exteriors") and as a bare value ("38%")."""


def _describe(f: ProjectFigures) -> dict[str, Say]:
    money = f.currency

    def cash(v: float) -> str:
        return format_money(v, money)

    return {
        "night_ext_share": (lambda v: f"{_pct(v)} night exteriors", _pct),
        f"cost_per_page@{money}": (lambda v: f"{cash(v)} per page", cash),
        "pages_per_day": (lambda v: f"{v:.1f} pages a day", lambda v: f"{v:.1f}"),
        "company_moves": (lambda v: f"{v:.0f} company moves", lambda v: f"{v:.0f}"),
        f"move_cost@{money}": (lambda v: f"{cash(v)} a company move", cash),
        "saving_share": (lambda v: f"savings of {_pct(v)} against script order", _pct),
    }


def _times(ratio: float) -> str:
    for words, target in (("twice", 2.0), ("three times", 3.0), ("half", 0.5)):
        if abs(ratio - target) <= 0.1 * target:
            return words
    if ratio > 1:
        return f"{ratio:.1f} times"
    return f"{_pct(1 - ratio)} below"


def _sentence(say: Say, value: float, average: float) -> str:
    full, bare = say
    said = full(value)
    said = said[:1].upper() + said[1:]  # a sentence of its own in the answer
    if average == 0:
        return f"{said}, where your other projects have none."
    return f"{said}, {_times(value / average)} your average ({bare(average)})."


def _notable(f: ProjectFigures, t: Totals) -> list[tuple[float, str]]:
    found = []
    values = f.metrics()
    for metric, say in _describe(f).items():
        average = t.average(metric, excluding=f)
        value = values[metric]
        if average is None or value == average or value <= 0:
            continue
        ratio = value / average if average else math.inf
        if ratio >= NOTABLE or ratio <= 1 / NOTABLE:
            found.append((abs(math.log(ratio)), _sentence(say, value, average)))
    return sorted(found, key=lambda item: -item[0])


def observations(figures: ProjectFigures, totals: Totals) -> list[str]:
    """One or two sentences on `figures` against the user's other projects.

    `totals` covers all the user's projects, this one included (it is left out of averages).
    """
    describe = _describe(figures)
    cpp = f"cost_per_page@{figures.currency}"
    if totals.average("pages_per_day", excluding=figures) is None:
        return [
            f"First planned project: {figures.pages:.1f} pages over {figures.days} days, "
            f"{describe[cpp][0](figures.cost_per_page)}, {_pct(figures.night_ext_share)} night "
            "exteriors."
        ]
    notable = _notable(figures, totals)
    if notable:
        return [sentence for _, sentence in notable[:_MOST]]
    average = totals.average("pages_per_day", excluding=figures) or 0.0
    return [
        f"In line with your other projects: {figures.pages_per_day:.1f} pages a day "
        f"(average {average:.1f}), {_pct(figures.night_ext_share)} night exteriors."
    ]
