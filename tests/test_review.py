"""The session review: the store's aggregate, the page, the chat command, the comparison files."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker

from greenlight.chat.compare import compare_items
from greenlight.chat.outputs import Download, Table
from greenlight.chat.review import is_review_command, review_frame
from greenlight.chat.review_page import render_review_page
from greenlight.cli import main
from store import users
from store.chat_schema import create_chat_tables
from store.db import create_tables, make_engine
from store.insights.store import ProjectFiguresRow
from store.models import PlanVersionRow, RouteRow, ThreadPlanRow, UsageRow
from store.review import load_review

THREAD_SQL = text(
    'INSERT INTO threads ("id", "name", "createdAt", "userIdentifier", "metadata") '
    "VALUES (:id, :name, :created, :user, :meta)"
)
STEP_SQL = text(
    'INSERT INTO steps ("id", "name", "type", "threadId", "streaming", "createdAt") '
    "VALUES (:id, 'm', 'user_message', :thread, 0, :created)"
)


def figures(title: str, days: int, likely: float) -> dict[str, Any]:
    return {
        "title": title, "plan_key": "k", "currency": "USD", "pages": 10.0, "days": days,
        "likely": likely, "cost_per_page": likely / 10, "pages_per_day": 10 / days,
        "night_ext_share": 0.1, "company_moves": 1, "move_cost": 500.0, "saving": 1000.0,
        "saving_share": 0.05,
    }  # fmt: skip


async def add_thread(
    engine: AsyncEngine, tid: str, user: str, *, title: str, created: str, scenes: int = 0
) -> None:
    meta = json.dumps({"greenlight": {"script": {"title": title, "scenes": scenes}}})
    async with engine.begin() as conn:
        await conn.execute(
            THREAD_SQL, {"id": tid, "name": title, "created": created, "user": user, "meta": meta}
        )


ALPHA = figures("Alpha", 5, 90_000)
BRAVO = figures("<b>Bravo</b>", 3, 120_000)


@pytest.fixture
async def engine(tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    eng = make_engine(f"sqlite:///{tmp_path / 'review.db'}")
    await create_chat_tables(eng)
    await create_tables(eng)
    await add_thread(eng, "a1", "ann", title="Alpha", created="2026-01-01T10:00:00", scenes=12)
    await add_thread(eng, "a2", "ann", title="<b>Bravo</b>", created="2026-01-02T10:00:00")
    await add_thread(eng, "b1", "bob", title="Bob's secret", created="2026-01-03T10:00:00")
    async with eng.begin() as conn:
        await conn.execute(STEP_SQL, {"id": "s1", "thread": "a1", "created": "2026-02-01T09:00:00"})
    rows: list[Any] = [
        PlanVersionRow(thread_id="a1", version=1, label="initial plan", inputs={}, plan={}),
        PlanVersionRow(thread_id="a1", version=2, label="new draft (d2)", inputs={}, plan={}),
        PlanVersionRow(thread_id="a1", version=3, label="4 days", inputs={}, plan={}),
        ThreadPlanRow(thread_id="a1", current_version=2),
        PlanVersionRow(thread_id="b1", version=1, label="initial plan", inputs={}, plan={}),
        ProjectFiguresRow(user_id="ann", thread_id="a1", plan_key="k", figures=ALPHA),
        ProjectFiguresRow(user_id="ann", thread_id="a2", plan_key="k", figures=BRAVO),
        UsageRow(thread_id="a1", provider="ollama", tokens_in=100, tokens_out=50, cost=0.0),
        UsageRow(thread_id="a1", provider="openai", tokens_in=10, tokens_out=5, cost=0.25),
        UsageRow(thread_id="a1", provider="openai", tokens_in=10, tokens_out=5, cost=0.25),
        UsageRow(thread_id="a2", provider="deterministic"),
        UsageRow(thread_id="b1", provider="openai", tokens_in=999, cost=9.0),
        RouteRow(thread_id="a1", complexity="low", score=0.1, route="local", reason="r"),
        RouteRow(thread_id="a1", complexity="high", score=0.9, route="cloud", reason="r"),
        RouteRow(thread_id="b1", complexity="high", score=0.9, route="cloud", reason="r"),
    ]  # fmt: skip
    for row in rows:
        if isinstance(row, PlanVersionRow):
            row.created_at = datetime(2026, 1, 5, tzinfo=UTC)
    async with async_sessionmaker(eng).begin() as session:
        session.add_all(rows)
    yield eng
    await eng.dispose()


async def test_a_user_sees_only_their_sessions_with_what_matters(engine: AsyncEngine) -> None:
    review = await load_review(engine, "ann")
    assert [s.thread_id for s in review.sessions] == ["a1", "a2"]  # latest activity first
    a1 = review.sessions[0]
    assert (a1.title, a1.scenes, a1.versions, a1.current_version, a1.draft) == (
        "Alpha",
        12,
        3,
        2,
        2,
    )
    assert (a1.days, a1.budget, a1.savings) == (5, 90_000, 1000.0)
    assert (a1.messages("local"), a1.messages("cloud")) == (1, 2)
    assert a1.use().tokens_in == 120 and a1.use().cost == pytest.approx(0.5)
    assert a1.routes == {"local": 1, "cloud": 1}
    assert a1.last_activity.startswith("2026-02-01T09:00")
    assert review.by_provider["openai"].messages == 2
    assert review.by_provider["openai"].cost == pytest.approx(0.5)  # bob's 9.0 never counted
    assert review.routes == {"local": 1, "cloud": 1}
    bob = await load_review(engine, "bob")
    assert [s.thread_id for s in bob.sessions] == ["b1"]
    assert (await load_review(engine, "nobody")).sessions == []


@pytest.mark.parametrize(
    ("sort", "search", "expected"),
    [
        ("activity", "", ["a1", "a2"]),
        ("title", "", ["a2", "a1"]),
        ("budget", "", ["a2", "a1"]),
        ("activity", "alp", ["a1"]),
        ("activity", "BRAVO", ["a2"]),
        ("activity", "secret", []),
    ],
)
async def test_sorting_and_search(
    engine: AsyncEngine, sort: str, search: str, expected: list[str]
) -> None:
    review = await load_review(engine, "ann", sort=sort, search=search)
    assert [s.thread_id for s in review.sessions] == expected


async def test_an_unknown_sort_is_refused(engine: AsyncEngine) -> None:
    with pytest.raises(ValueError, match="'price'"):
        await load_review(engine, "ann", sort="price")


async def test_the_page_escapes_titles_and_links_each_session(engine: AsyncEngine) -> None:
    review = await load_review(engine, "ann")
    page = render_review_page(review, user="ann", sort="activity", search='"><script>')
    assert "<b>Bravo</b>" not in page and "&lt;b&gt;Bravo&lt;/b&gt;" in page
    assert "<script>" not in page and "&quot;&gt;&lt;script&gt;" in page
    assert 'href="/thread/a1"' in page and 'href="/thread/a2"' in page
    assert "Bob" not in page and "http" not in page  # nothing loaded from elsewhere
    assert 'id="usage"' in page and "<td>openai</td>" in page


async def test_the_chat_table_lists_the_same_sessions(engine: AsyncEngine) -> None:
    frame = review_frame(await load_review(engine, "ann"))
    assert list(frame["Link"]) == ["/thread/a1", "/thread/a2"]
    assert list(frame["Cloud msgs"]) == [2, 0] and frame.iloc[0]["Current"] == "v2"


async def test_the_cli_lists_one_users_sessions_from_the_same_query(
    engine: AsyncEngine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    await users.create_user(engine, "ann", "ann-password-1")
    monkeypatch.setenv("GREENLIGHT_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("GREENLIGHT_DATABASE_URL", f"sqlite:///{tmp_path / 'review.db'}")

    def run(*argv: str) -> tuple[int, str, str]:
        status = main(["review", *argv])
        out, err = capsys.readouterr()
        return status, out, err

    status, out, _ = await asyncio.to_thread(run, "ann", "--json")
    listed = json.loads(out)
    assert status == 0 and [s["thread_id"] for s in listed["sessions"]] == ["a1", "a2"]
    assert listed["by_provider"]["openai"]["messages"] == 2
    status, out, _ = await asyncio.to_thread(run, "ann", "--sort", "budget")
    lines = out.splitlines()
    assert status == 0 and "Likely budget" in lines[0] and "Link" not in lines[0]
    assert [line.split()[0] for line in lines[1:]] == ["<b>Bravo</b>", "Alpha"]
    assert "Bob's secret" not in out
    assert await asyncio.to_thread(run, "ann", "--search", "nothing") == (
        0,
        "ann has no saved sessions matching that\n",
        "",
    )
    status, out, err = await asyncio.to_thread(run, "bob")  # bob has sessions, no account
    assert (status, out) == (1, "") and err == "error: no user 'bob': see greenlight users list\n"
    status, out, err = await asyncio.to_thread(run, "ann", "--sort", "price")
    assert (status, out) == (1, "") and err.startswith("error: sort 'price' is not one of")


@pytest.mark.parametrize(
    ("message", "command"),
    [
        ("review", True),
        ("Show my sessions", True),
        ("show me my sessions.", True),
        ("list all my sessions?", True),
        ("review the budget", False),
        ("plan it", False),
    ],
)
def test_the_review_command_is_recognised(message: str, command: bool) -> None:
    assert is_review_command(message) is command


def test_a_comparison_is_tables_and_files() -> None:
    facts = {
        "kind": "compare",
        "compared": [1, 2],
        "diff": {
            "moved": [{"scene": "1", "from_day": 1, "to_day": 3}],
            "accounts": [{"account": "Crew", "change": 100.0, "total": 900.0}],
        },
        "versions": [
            {"version": 1, "label": "initial plan", "current": False, "days": 3, "budget": 800.0},
            {"version": 2, "label": "pin", "current": True, "days": 3, "budget": 900.0},
            {"version": 3, "label": "4 days", "current": False, "days": 4, "budget": 950.0},
        ],
    }
    items = compare_items(facts)
    tables = {i.name: i.frame for i in items if isinstance(i, Table)}
    assert list(tables["Versions compared"]["version"]) == [1, 2]
    assert tables["Scenes moved"].iloc[0]["to_day"] == 3
    files = {i.name: i.data for i in items if isinstance(i, Download)}
    assert set(files) == {"compare-v1-v2.csv", "compare-v1-v2.xlsx"}
    assert b"initial plan" in files["compare-v1-v2.csv"]
    assert files["compare-v1-v2.xlsx"][:2] == b"PK"
    assert compare_items({**facts, "compared": [1]}) == []


@pytest.mark.parametrize(
    ("user", "query", "status", "shown", "hidden"),
    [
        ("ann", "", 200, ["Alpha", "/thread/a2"], ["Bob&#x27;s secret", "/thread/b1"]),
        ("ann", "?q=secret", 200, ["No sessions match"], ["/thread/b1"]),
        ("bob", "?sort=title&q=", 200, ["/thread/b1"], ["Alpha", "/thread/a1"]),
        ("bob", "?q=alpha", 200, ["No sessions match"], ["/thread/a1"]),
        ("ann", "?sort=price", 400, [], ["/thread/"]),
        (None, "", 401, [], ["/thread/"]),
    ],
)
async def test_the_route_serves_only_the_signed_in_users_sessions(
    engine: AsyncEngine,
    user: str | None,
    query: str,
    status: int,
    shown: list[str],
    hidden: list[str],
) -> None:
    import httpx
    from chainlit.auth import get_current_user
    from chainlit.user import User
    from fastapi import FastAPI

    from greenlight.chat.review_page import review_router

    app = FastAPI()
    app.include_router(review_router(engine))
    app.dependency_overrides[get_current_user] = lambda: User(identifier=user) if user else None
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        response = await client.get(f"/review{query}")
    assert response.status_code == status
    for text_ in shown:
        assert text_ in response.text
    for text_ in hidden:
        assert text_ not in response.text
    if status == 200:
        assert "default-src 'none'" in response.headers["content-security-policy"]
