"""The rate card: the default loads, a malformed one names the line and the column."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from tools.ratecard import DEFAULT_RATE_CARD, RateCardError, load_rate_card, parse_rate_card

HEADER = "kind,key,applies_to,description,unit,rate,qty,low,high,notes"


def _valid_rows() -> list[str]:
    return DEFAULT_RATE_CARD.read_text(encoding="utf-8").splitlines()[1:]


def test_default_card_loads_with_realistic_values() -> None:
    card = load_rate_card()
    assert card.currency == "USD"
    assert (
        card.rate("cast", "lead")
        > card.rate("cast", "supporting")
        > card.rate("cast", "day_player")
    )
    departments = {item.key for item in card.of_kind("crew")}
    for dept in (
        "camera",
        "grip",
        "electric",
        "sound",
        "art",
        "wardrobe",
        "makeup",
        "production",
        "locations",
        "transport",
        "stunts",
        "sfx",
        "wranglers",
        "teacher",
        "extras_pa",
        "armorer",
    ):
        assert dept in departments
    assert 0 < card.rate("contingency", "total") <= 15
    assert len(card.content_hash) == 64


def test_currency_is_configurable_and_validated(tmp_path: Path) -> None:
    assert load_rate_card(currency="EUR").currency == "EUR"
    assert load_rate_card(currency="EUR").content_hash != load_rate_card().content_hash
    with pytest.raises(RateCardError, match="'EURO'"):
        load_rate_card(currency="EURO")


BAD_ROWS = [
    # (row replacing line 2, expected message fragments)
    ("weird,lead,,,day,100,,,,", ["line 2", "column 'kind'", "'weird'"]),
    ("cast,,,,day,100,,,,", ["line 2", "column 'key'", "empty"]),
    ("cast,hero,,,day,abc,,,,", ["line 2", "column 'rate'", "'abc'"]),
    ("cast,hero,,,day,,,,,", ["line 2", "column 'rate'", "required"]),
    ("cast,hero,,,day,-5,,,,", ["line 2", "column 'rate'", "negative"]),
    ("cast,hero,,,,100,,,,", ["line 2", "column 'unit'", "empty"]),
    ("crew,medic,sometimes,,person-day,100,1,,,", ["line 2", "column 'applies_to'"]),
    ("crew,medic,always,,person-day,100,,,,", ["line 2", "column 'qty'", "required"]),
    ("crew,medic,always,,person-day,100,-1,,,", ["line 2", "column 'qty'", "negative"]),
    ("fringe,stunt,,,percent,150,,,,", ["line 2", "column 'rate'", "over 100"]),
    ("range,rain,,,percent,0,,10,5,", ["line 2", "column 'low'", "above high"]),
    ("range,rain,,,percent,0,,,5,", ["line 2", "column 'low'", "required"]),
    ("cast,hero,,,day,nan,,,,", ["line 2", "column 'rate'", "finite"]),
    ("cast,hero,,,day,100,,,,,extra", ["line 2", "more cells"]),
    ("cast,lead,,,day,100,,,,", ["repeats the row"]),
    ("crew,camera,night,,person-day,1,1,,,", ["column 'rate'", "differs", "'camera'"]),
]


@pytest.mark.parametrize(("row", "fragments"), BAD_ROWS, ids=[r[0][:24] for r in BAD_ROWS])
def test_malformed_row_names_line_and_column(row: str, fragments: list[str]) -> None:
    text = "\n".join([HEADER, row, *_valid_rows()]) + "\n"
    with pytest.raises(RateCardError) as error:
        parse_rate_card(text, source="mine.csv")
    message = str(error.value)
    assert message.startswith("mine.csv")
    for fragment in fragments:
        assert fragment in message


def test_missing_column_and_missing_required_row() -> None:
    with pytest.raises(RateCardError, match=r"lacks the column.*rate"):
        parse_rate_card("kind,key,applies_to,description,unit,qty,low,high,notes\n")
    rows = [r for r in _valid_rows() if not r.startswith("contingency,")]
    with pytest.raises(RateCardError, match="kind=contingency and key=total"):
        parse_rate_card("\n".join([HEADER, *rows]))


def test_files_missing_or_not_text(tmp_path: Path) -> None:
    with pytest.raises(RateCardError, match="does not exist"):
        load_rate_card(tmp_path / "none.csv")
    binary = tmp_path / "card.csv"
    binary.write_bytes(b"\xff\xfe\x00\x81garbage")
    with pytest.raises(RateCardError, match="not UTF-8"):
        load_rate_card(binary)


def test_user_card_replaces_default(tmp_path: Path) -> None:
    rows = [
        r.replace("cast,lead,,Lead actor day rate,day,5000", "cast,lead,,Lead,day,9000")
        for r in _valid_rows()
    ]
    mine = tmp_path / "mine.csv"
    mine.write_text("\n".join([HEADER, *rows, "cast_name,MAYA,,Maya's deal,day,12000,,,,"]))
    card = load_rate_card(mine)
    assert card.rate("cast", "lead") == Decimal(9000)
    assert card.item("cast_name", "MAYA").rate == Decimal(12000)
    assert card.source == "mine.csv"
