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


async def test_session_page_and_version_documents_only_for_the_owner(tmp_path: Path) -> None:
    import httpx
    from chainlit.auth import get_current_user
    from chainlit.user import User
    from fastapi import FastAPI
    from sqlalchemy import text

    from greenlight.chat.review_page import review_router
    from store.chat_schema import create_chat_tables
    from store.db import create_tables, make_engine
    from store.plans import PlanStore
    from tests.paperwork_plans import pdf_text

    engine = make_engine(f"sqlite+aiosqlite:///{tmp_path / 's.db'}")
    await create_tables(engine)
    await create_chat_tables(engine)
    async with engine.begin() as conn:
        await conn.execute(
            text(
                'INSERT INTO threads (id, "createdAt", name, "userIdentifier") '
                "VALUES ('t1', '2026-12-01T10:00:00', '<b>Mine</b>', 'ann')"
            )
        )
    _, plan = shared_plan()
    store = PlanStore(engine)
    await store.save("t1", inputs={}, plan=plan.model_dump(mode="json"), label="initial plan")
    await store.save("t1", inputs={}, plan=plan.model_dump(mode="json"), label="pin <x>")
    app = FastAPI()
    app.include_router(review_router(engine))
    who = {"user": "ann"}
    app.dependency_overrides[get_current_user] = lambda: User(identifier=who["user"])
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        listing = await client.get("/review")
        assert "/review/session/t1" in listing.text and '<svg class="thumb"' in listing.text
        page = await client.get("/review/session/t1")
        assert page.status_code == 200
        assert "default-src 'none'" in page.headers["content-security-policy"]
        assert "&lt;b&gt;Mine&lt;/b&gt;" in page.text and "pin &lt;x&gt;" in page.text
        assert page.text.count("<li><b>v") == 2 and page.text.count('class="chart"') == 2
        assert f"{len(plan.schedule.days)} days" in page.text
        pdf = await client.get("/review/session/t1/v1/oneliner")
        assert pdf.headers["content-type"] == "application/pdf"
        assert "Plan version 1 of" in pdf_text(pdf.content)
        assert (await client.get("/review/session/t1/v1/../../x")).status_code == 404
        assert (await client.get("/review/session/t1/v9/oneliner")).status_code == 404
        who["user"] = "bob"
        assert (await client.get("/review/session/t1")).status_code == 404
        assert (await client.get("/review/session/t1/v1/oneliner")).status_code == 404
    await engine.dispose()
