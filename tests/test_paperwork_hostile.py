"""Hostile names in printed documents: markup, 300-character names, right-to-left, emoji.

Each document must still be a readable PDF, keep every glyph inside its page, and shorten what
does not fit with an ellipsis instead of running over the next column.
"""

from __future__ import annotations

import io

import pytest

from tests.paperwork_plans import ARTIFACTS, HOSTILE_NAMES, hostile_plan, pdf_text
from tools.paperwork import DOCUMENTS, build_board, render_document
from tools.paperwork.preview import page_count, preview_png

PDFS = [doc for doc in DOCUMENTS if doc not in {"ics", "json"}]


@pytest.fixture(scope="module")
def board():  # type: ignore[no-untyped-def]
    script, plan = hostile_plan()
    return build_board(plan, script, version=1, version_date="2026-12-01")


def _inside_the_page(pdf: bytes) -> None:
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTChar, LTTextContainer

    for page in extract_pages(io.BytesIO(pdf)):
        x0, y0, x1, y1 = page.bbox
        for box in page:
            if isinstance(box, LTTextContainer):
                for line in box:
                    for char in line if hasattr(line, "__iter__") else []:
                        if isinstance(char, LTChar):
                            assert x0 <= char.x0 and char.x1 <= x1 + 0.5, char.get_text()
                            assert y0 <= char.y0 and char.y1 <= y1


@pytest.mark.parametrize("doc", PDFS)
def test_hostile_text_renders_inside_the_page(board, doc: str) -> None:  # type: ignore[no-untyped-def]
    rendered = render_document(board, doc, day=1)
    pages = page_count(rendered.data)
    assert 1 <= pages <= len(board.scenes) + 3
    _inside_the_page(rendered.data)
    text = pdf_text(rendered.data)
    assert board.stamp in " ".join(text.split())
    assert "…" in text  # the 300-character names were shortened, not overflowed
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / f"hostile-{rendered.name}.png").write_bytes(preview_png(rendered.data))


def test_markup_rtl_and_emoji_come_back_as_text(board) -> None:  # type: ignore[no-untyped-def]
    text = pdf_text(render_document(board, "breakdown").data)
    assert "<script>alert('x')</script>" in text
    assert "**BOLD** [link](http://x)" in text
    assert "מ" in text and "م" in text  # Hebrew and Arabic glyphs are in the embedded font
    assert "ZOË" in text


def test_json_and_calendar_keep_hostile_names_intact(board) -> None:  # type: ignore[no-untyped-def]
    import json

    from icalendar import Calendar

    data = json.loads(render_document(board, "json").data)
    names = {c["name"] for c in data["cast"]}
    assert set(HOSTILE_NAMES) <= names
    calendar = Calendar.from_ical(render_document(board, "ics").data)
    events = calendar.walk("VEVENT")
    assert len(events) == len(board.days)
    assert any("בית החולים" in str(e["location"]) for e in events)


@pytest.mark.parametrize("which", ["hostile", "shared"])
def test_json_schedule_follows_its_published_schema(board, which: str) -> None:  # type: ignore[no-untyped-def]
    import json

    import jsonschema

    from tests.paperwork_plans import shared_plan
    from tools.paperwork import SCHEMA_PATH

    if which == "shared":
        script, plan = shared_plan()
        board = build_board(plan, script, version=2, version_date="2026-12-01")
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    document = json.loads(render_document(board, "json").data)
    jsonschema.validate(document, schema)
    assert document["format_version"] == 1 and document["plan_version"] == board.version
    assert [d["day"] for d in document["days"]] == [d.number for d in board.days]
    broken = {**document, "format_version": 2}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)
