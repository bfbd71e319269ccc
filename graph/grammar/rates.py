"""Rate what-ifs: a day rate ("JONAH costs $20,000 a day", "camera at $900 a day"), a
percentage for the cast, a tier, the crew or a department ("10% cheaper cast", "pay the leads
10% more"), or for one named actor ("what if MAYA costs 20% more?", "pay BEN 15% less",
"give JONAH a 5% raise"). Each clause is read on its own, so "MAYA 10% cheaper and JONAH 5%
more" is two changes. Numbers arrive as digits."""

from __future__ import annotations

import re
from collections.abc import Iterator

from graph.grammar.model import Change

__all__ = ["clauses", "rate_changes"]

_NUM = r"(\d+(?:\.\d+)?)"
_MONEY = (
    r"[$€£]\s*(\d[\d,]*(?:\.\d+)?)\s*(k|thousand)?"
    r"|\b(\d[\d,]*(?:\.\d+)?)\s*(k|thousand|grand)\b(?=\s*(?:dollars\s+)?(?:a|per|each|/)\s*day)"
    r"|\b(\d[\d,]*(?:\.\d+)?)\s+(?:dollars|bucks)\b"
)
"""'$5,000', '2k a day', '2,500 dollars' (a bare number with no unit is no money)."""
_TIERS = r"leads?|lead actors?|supporting(?:\s+(?:cast|actors?))?|day players?"
"""Cast tiers a rate factor can name ("pay the leads 10% more")."""
_PERCENT = re.compile(
    rf"\b{_NUM}\s*(?:%|percent)\s+(cheaper|less|lower|more expensive|more|higher|dearer|off|up|"
    rf"down|raise|cut)?\s*"
    r"(?:on\s+|for\s+|in\s+)?(?:the\s+)?(cast|actors?|talent|crew|\w+ crew|\w+ department|camera|"
    rf"{_TIERS}|"
    r"grip|electric|sound|art|wardrobe|makeup|locations|transport|catering|stunts)\b"
    r"|\b(?:cut|reduce|lower|raise|increase|drop)\s+(?:the\s+)?(cast|crew|actors?|"
    r"\w+)\s+(?:rates?\s+|costs?\s+|pay\s+)?by\s+(\d+(?:\.\d+)?)\s*(?:%|percent)"
    rf"|\b(cast|crew|actors?|{_TIERS})\s+(?:rates?\s+|costs?\s+)?(?:is|are|were|was|gets?|"
    r"costs?)?\s*(\d+(?:\.\d+)?)\s*(?:%|percent)\s+(cheaper|less|lower|more expensive|more|"
    r"higher|dearer)",
    re.I,
)
_UP = {"more expensive", "more", "higher", "dearer", "up", "raise", "increase"}
_DEPARTMENTS = {"camera", "grip", "electric", "sound", "art", "wardrobe", "makeup", "locations",
                "transport", "catering", "stunts", "production"}  # fmt: skip
_PCT = re.compile(r"\b(\d+(?:\.\d+)?)\s*(?:%|percent\b)", re.I)
_UP_WORD = re.compile(
    r"\b(more(?: expensive)?|higher|dearer|pricier|raise[sd]?|increase[sd]?|up|rises?|"
    r"bump(?:ed)?|premium)\b",
    re.I,
)
_DOWN_WORD = re.compile(
    r"\b(less|cheaper|lower(?:ed)?|cuts?|reduce[sd]?|drops?|down|off|discount(?:ed)?|"
    r"decrease[sd]?)\b",
    re.I,
)
_OTHER_TARGET = re.compile(
    r"\b(crew|department|cast|actors|talent|leads?|supporting|day players?|camera|grip|"
    r"electric|sound|art|wardrobe|makeup|locations|transport|catering|stunts|pages?|hours?|"
    r"budget|scenes?)\b",
    re.I,
)


def _direction(text: str, after: int, whole: str) -> float | None:
    """+1 or -1: the direction word right after the percentage, else the first in the
    message ("raise the crew by 10% and MAYA by 20%")."""
    near = text[after : after + 24]
    for pattern, sign in ((_UP_WORD, 1.0), (_DOWN_WORD, -1.0)):
        if pattern.match(near.lstrip()):
            return sign
    up, down = _UP_WORD.search(whole), _DOWN_WORD.search(whole)
    if up and down:
        return 1.0 if up.start() < down.start() else -1.0
    if up or down:
        return 1.0 if up else -1.0
    return None


def _named_percent(clause: str, names: list[str], whole: str) -> list[Change]:
    """A rate factor for each cast member named, when the clause changes their rate by a
    percentage; [] when no one is named or the percentage is about something else."""
    found = _PCT.search(clause)
    if not names or not found or _OTHER_TARGET.search(clause):
        return []
    sign = _direction(clause, found.end(), whole)
    pct = float(found.group(1))
    if sign is None or not 0 < pct < 1000 or (sign < 0 and pct >= 100):
        return []
    factor = round(1 + sign * pct / 100, 4)
    return [Change(kind="rate", actor=name, factor=factor) for name in dict.fromkeys(names)]


_CLAUSE = re.compile(r",(?!\d)\s*(?:and\s+)?|;\s*|\s+(?:and|plus|then|also|but|while)\s+", re.I)


def clauses(text: str, names: list[str]) -> Iterator[tuple[str, list[str]]]:
    """The message's clauses, each with the cast `names` it mentions (by full or first name)."""
    for part in _CLAUSE.split(text):
        said = [
            n
            for n in names
            if re.search(rf"\b(?:{re.escape(n)}|{re.escape(n.split()[0])})\b", part, re.I)
        ]
        yield part, said


_FILLER = re.compile(r"\b(?:what|if|say|suppose|both|we|pay|paid|give|make|and|the|only)\b", re.I)


def _only_names(part: str, said: list[str]) -> bool:
    """Whether a clause is only names ("what if CHALF" before "and the crew cost 10% more"),
    not a change of its own ("MAYA is out" does not share the next clause's rate)."""
    rest = part
    for name in said:
        rest = re.sub(
            rf"\b(?:{re.escape(name)}|{re.escape(name.split()[0])})\b", " ", rest, flags=re.I
        )
    return not re.search(r"\w", _FILLER.sub(" ", rest))


def rate_changes(text: str, names: list[str]) -> list[Change]:
    """Every rate change the message makes, clause by clause; names said in a clause with
    no rate of their own share the next one's ("MAYA and JONAH cost 20% more")."""
    out: list[Change] = []
    waiting: list[str] = []
    for part, said in clauses(text, names):
        who = [*waiting, *said]
        found = _named_percent(part, who, text) or _rates(part, who) or _percent(part)
        if who and not any(c.actor for c in found):  # "CHALF and the crew cost 10% more"
            found += [
                Change(kind="rate", actor=name, factor=c.factor)
                for c in found
                if c.factor is not None
                for name in who
            ]
        out += [c for c in found if c not in out]
        waiting = who if not found and _only_names(part, said) else []
    return out


def _department(word: str) -> str:
    word = word.lower().replace(" department", "").replace(" crew", "")
    if word in {"actor", "actors", "talent", "cast"}:
        return "cast"
    if word.startswith("lead"):
        return "cast:lead"
    if word.startswith("supporting"):
        return "cast:supporting"
    if word.startswith("day player"):
        return "cast:day_player"
    return word if word in _DEPARTMENTS else "crew"


def _percent(text: str) -> list[Change]:
    match = _PERCENT.search(text)
    if not match:
        return []
    g = match.groups()
    if g[0]:
        pct, direction, who = float(g[0]), (g[1] or "cheaper").lower(), g[2]
    elif g[3]:
        verb = re.search(r"\b(cut|reduce|lower|raise|increase|drop)\b", match.group(0), re.I)
        pct, direction, who = float(g[4]), (verb.group(1) if verb else "cut").lower(), g[3]
    else:
        pct, direction, who = float(g[6]), g[7].lower(), g[5]
    factor = 1 + pct / 100 if direction in _UP else 1 - pct / 100
    return [Change(kind="rate", department=_department(who), factor=round(factor, 4))]


def _money(text: str) -> float | None:
    match = re.search(_MONEY, text, re.I)
    if not match:
        return None
    number = match.group(1) or match.group(3) or match.group(5)
    unit = match.group(2) or match.group(4)
    value = float(number.replace(",", ""))
    return value * 1000 if unit else value


def _rates(text: str, names: list[str]) -> list[Change]:
    if not re.search(r"\b(a|per|each|/)\s*day\b|\bday rate\b|\brate\b", text, re.I):
        return []
    value = _money(text)
    if value is None:
        return [] if not (pct := _percent(text)) else pct
    if names:
        return [Change(kind="rate", actor=name, value=value) for name in names]
    for word in [*sorted(_DEPARTMENTS), "cast", "actors", "crew"]:  # the specific one first
        if re.search(rf"\b{word}s?\b", text, re.I):
            return [Change(kind="rate", department=_department(word), value=value)]
    return []
