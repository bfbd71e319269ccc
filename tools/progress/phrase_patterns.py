"""The patterns of the production-report grammar (`tools.progress.phrases`), one per fact.

Each reads digits only (number words are rewritten first, see `numbers.digits`); scene
numbers are digits with up to two letters ("12", "12A", "12AB").
"""

from __future__ import annotations

import re

__all__ = [
    "ALL",
    "AMEND",
    "BACKGROUND",
    "CLAUSES",
    "DAY",
    "EIGHTHS",
    "EIGHTHS_SHOT",
    "EXCEPT",
    "FRACTIONS",
    "LEFT",
    "LEFT_OF",
    "LIST",
    "NEGATIVE",
    "NUM",
    "OVERTIME",
    "OVER_EIGHTHS",
    "PAGES",
    "PARTLY",
    "PICKUP",
    "POSITIVE",
    "QUESTION",
    "RAINED_OUT",
    "RANGE",
    "SCENE",
    "SEGMENTS",
    "SIGNAL",
    "WEATHER",
]

NUM = r"(\d+(?:\.\d+)?)"
SCENE = r"(?:scenes?|sc\.?)?\s*#?(\d+[a-z]{0,2})\b"
LIST = rf"{SCENE}(?:\s*(?:,|and|&|\+)\s*{SCENE})*"
DAY = re.compile(r"\bday\s*#?\s*(\d+)\b", re.I)
SIGNAL = re.compile(
    r"\b(wrap(?:ped)?|shot|finish(?:ed)?|complet(?:e|ed)|done|got|overtime|over\b|"
    r"pick[- ]?ups?|background|extras|lost|rain(?:ed)?|weather|didn'?t|not|ot|half|most|"
    r"quarter|thirds?|part(?:ially|ly)?|eighths?|missed|slipped)\b",
    re.I,
)
OVERTIME = (
    re.compile(
        rf"\b(?:went|ran|go|going)?\s*over by {NUM}\s*(hours?|hrs?|h|minutes?|mins?)\b", re.I
    ),
    re.compile(rf"{NUM}\s*(hours?|hrs?|h|minutes?|mins?)\s*(?:of\s+)?(?:over(?:time)?|ot)\b", re.I),
    re.compile(rf"\bovertime(?: of)?:?\s*{NUM}\s*(hours?|hrs?|h|minutes?|mins?)\b", re.I),
    re.compile(rf"{NUM}\s*(hours?|hrs?|h|minutes?|mins?)\s+(?:late|long|past (?:wrap|12))\b", re.I),
)
WEATHER = (
    re.compile(
        rf"\blost\s+{NUM}\s*(hours?|hrs?|h|minutes?|mins?)\s+to\s+(?:the\s+)?"
        r"(?:rain|weather|snow|wind|storms?|fog|hail|heat|lightning)\b",
        re.I,
    ),
    re.compile(
        rf"{NUM}\s*(hours?|hrs?|h|minutes?|mins?)\s+(?:lost\s+to|of)\s+(?:the\s+)?"
        r"(?:rain|weather|snow|wind|storms?|fog|hail|lightning)(?:\s+delay)?\b",
        re.I,
    ),
)
RAINED_OUT = re.compile(r"\b(?:rained|snowed|weathered) out\b", re.I)
BACKGROUND = re.compile(
    r"(\d+)\s+(?:extra|additional|more|added)\s+(?:background|bg|extras)(?:\s+performers)?\b"
    r"|(\d+)\s+extras\b",
    re.I,
)
PICKUP = re.compile(
    rf"\b(?:(\d+)\s*/\s*8\s+)?(?:pick[- ]?ups?|picked\s+up(?:\s+(?:an?|some|the|more)\s+"
    r"(?:insert|shot|angle|close[- ]?up|coverage|cutaway|line|reaction)s?)?)\s+(?:shot\s+)?"
    rf"(?:of|on|for)?\s*{LIST}",
    re.I,
)
"""'a pick-up of 22', '3/8 pick-up on 4', 'picked up an insert for 3'."""
FRACTIONS: tuple[tuple[str, float], ...] = (
    (r"half(?:\s+of)?", 0.5),
    (r"(?:a|1)\s+third\s+of", 1 / 3),
    (r"2\s+thirds\s+of", 2 / 3),
    (r"(?:a|1)\s+quarter\s+of", 0.25),
    (r"3\s+quarters\s+of", 0.75),
    (r"most\s+of", 0.75),
    (r"(?:part|some)\s+of", 0.5),
    (r"(?:partial(?:ly)?(?:\s+on)?|started(?:\s+on)?|began(?:\s+on)?|got\s+into)", 0.5),
)
_SHARE_WORDS = r"(?:half|most|part|some|(?:a|1|2)\s+thirds?|(?:a|1|3)\s+quarters?)(?:\s+of)?"
_AMOUNT = (
    r"(?:about|around|roughly|some|maybe|~)?\s*(?:(\d+)\s*(?:/\s*8|eighths?)|"
    r"(\d+(?:\.\d+)?|a|half a)\s+pages?)"
)
_STILL = r"(?:left|to go|remaining|still to (?:shoot|do|go)|outstanding|short)"
LEFT = re.compile(
    rf"(?:\b{_SHARE_WORDS}\s+)?{SCENE}\s*(?:,|\(|-+|:|with|and)?\s*(?:with\s+)?"
    rf"{_AMOUNT}\s+{_STILL}\b\)?",
    re.I,
)
"""'most of 18, about 2/8 left', '18 with a page to go': what a part-shot scene still needs."""
LEFT_OF = re.compile(
    rf"(?:\ball\s+but\s+{_AMOUNT}\s+of|{_AMOUNT}\s+{_STILL}\s+(?:on|of|in|for))\s+{SCENE}",
    re.I,
)
"""'all but 2/8 of 18', '2/8 left on 18'."""
OVER_EIGHTHS = re.compile(r"\b\d+\s*/\s*\d+\b")
"""A fraction the patterns before did not read: never a scene number."""
EIGHTHS = re.compile(rf"\b(\d+)\s*(?:/\s*8|eighths?)\s+of\s+{SCENE}", re.I)
EIGHTHS_SHOT = re.compile(
    rf"(?:\bpartial(?:ly)?\s+)?{SCENE}\s*(?::|-+|,|\()?\s*(\d+)\s*(?:/\s*8|eighths?)"
    r"(?:\s+(?:shot|done|complete|in the can|of it)\b|\s*\))",
    re.I,
)
"""'12: 3/8 shot', 'partial 12 (4/8)': the eighths a scene got, said after it."""
PAGES = re.compile(rf"\b{NUM}\s+pages?\s+of\s+{SCENE}", re.I)
PARTLY = re.compile(rf"{SCENE}\s+(?:partially|partly|in part|half done|half shot)\b", re.I)
ALL = re.compile(
    r"\b(?:all (?:done|shot|scenes|planned|of it|of them|finished|complete(?:d)?)|"
    r"everything (?:shot|done|planned|finished)|(?:got|shot|did) (?:it all|everything|all of it)|"
    r"all good|"
    r"made (?:our|the) day|on schedule)\b",
    re.I,
)
EXCEPT = re.compile(
    r"\b(?:(?:got|shot|did|finished|completed)\s+)?(?:everything|it all|all(?: of it| scenes)?)"
    rf"\s+(?:except(?:\s+for)?|but(?:\s+for)?|apart from|other than|save(?:\s+for)?|bar)\s+{LIST}",
    re.I,
)
"""'got everything except scene 22', 'all but 12 and 14': the day's board, less those."""
NEGATIVE = re.compile(
    r"\b(didn'?t|did not|not (?:shot|done|get|made|finished|shoot)|wasn'?t|weren'?t|never|"
    r"missed|dropped|skipped|couldn'?t|could not|slipped|push(?:ed)?|no time for|"
    r"ran out of (?:time|light) (?:for|on|before)|failed|lost|not (?:started|begun|touched|"
    r"reached|attempted|got to)|moved|postponed|bumped|carried over|rolled(?: over)?|"
    r"not(?=\s*$))\b",
    re.I,
)
QUESTION = re.compile(
    r"\?\s*$|^\s*(what|which|how|why|when|where|who|show|are|is|can|could|should|would|do|does|"
    r"will|pin|move|what'?s)\b",
    re.I,
)
POSITIVE = re.compile(
    r"\b(shot|finish(?:ed)?|complet(?:e|ed)|got|did|done|wrap(?:ped)?|made|all|in the can|"
    r"canned|knocked out|nailed|through)\b",
    re.I,
)
AMEND = re.compile(r"\b(?:too|also|as well|in addition|additionally|on top of that)\b", re.I)
"""'on day 1 we finished 18 too': more for a day already reported, not a new report of it."""
SEGMENTS = re.compile(r",")
CLAUSES = re.compile(r"[;.!\n]|\bbut\b|\bhowever\b", re.I)
RANGE = re.compile(r"\b(\d+)\s*(?:-|to|through|thru)\s*(\d+)\b", re.I)
