"""The review page made for looking: the chat's light and dark palettes, a stripboard
thumbnail per session built from colours only, and the saved plan's board read from the store."""

from __future__ import annotations

import re
from pathlib import Path

from greenlight.chat.review_page import render_review_page
from store.review import Review, SessionSummary, load_review
from tests.paperwork_plans import shared_plan
from tools.paperwork import COLOURS
from tools.paperwork.thumbnail import board_keys, thumbnail_svg


def test_board_keys_follow_the_plan() -> None:
    _, plan = shared_plan()
    keys = board_keys(plan.model_dump(mode="json"))
    assert [len(day) for day in keys] == [len(d.strips) for d in plan.schedule.days]
    strips = {s.id: s for s in plan.problem.strips}
    first = strips[plan.schedule.days[0].strips[0]]
    night = "night" if first.lighting == "NIGHT" else "day"
    assert keys[0][0] == f"{'ext' if (first.int_ext or 'INT') != 'INT' else 'int'}-{night}"


def test_thumbnail_is_colours_and_counts_only() -> None:
    svg = thumbnail_svg([["int-day", "ext-night"], ["ext-day"]])
    assert svg.count("<rect") == 5  # three strips and two day breaks
    assert "#{:02x}{:02x}{:02x}".format(*COLOURS["ext-night"]) in svg
    assert "<title>Stripboard: 3 scenes over 2 days</title>" in svg
    assert thumbnail_svg([]) == ""


def test_page_has_both_themes_and_escapes_titles_next_to_thumbnails() -> None:
    session = SessionSummary(
        thread_id="t<1>", title="<script>alert(1)</script>", board=[["int-day"], ["ext-day"]]
    )
    page = render_review_page(Review(sessions=[session]), user="ann", sort="activity", search="")
    assert "prefers-color-scheme:dark" in page and "--bg:" in page
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert re.search(r"<td><svg class=\"thumb\"[^>]*>.*?</svg></td>", page)
    assert "http" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")


async def test_load_review_reads_the_current_versions_board(tmp_path: Path) -> None:
    from sqlalchemy import text

    from store.chat_schema import create_chat_tables
    from store.db import create_tables, make_engine
    from store.plans import PlanStore

    engine = make_engine(f"sqlite+aiosqlite:///{tmp_path / 'r.db'}")
    await create_tables(engine)
    await create_chat_tables(engine)
    async with engine.begin() as conn:
        await conn.execute(
            text(
                'INSERT INTO threads (id, "createdAt", name, "userIdentifier") '
                "VALUES ('t1', '2026-12-01T10:00:00', 'One', 'ann')"
            )
        )
    _, plan = shared_plan()
    record = plan.model_dump(mode="json")
    store = PlanStore(engine)
    await store.save("t1", inputs={}, plan={"schedule": {"days": []}})
    await store.save("t1", inputs={}, plan=record)
    review = await load_review(engine, "ann")
    assert review.sessions[0].board == board_keys(record)
    await engine.dispose()
