"""Documents in the chat: the request rules, and printing through the real graph and tools.

A document of an old version is byte for byte what it was after a what-if made a new one.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from graph.documents import parse_document_request, resolve_day, resolve_days
from graph.intents import Request
from graph.providers import ModelSet
from graph.session import open_assistant, run_turn
from greenlight.chat.outputs import Download, Preview
from greenlight.chat.results import turn_items
from greenlight.settings import Settings
from tests.paperwork_plans import feature_plan, pdf_text, shared_plan
from tools.paperwork import build_board, render_document


@pytest.mark.parametrize(
    ("text", "doc", "day", "version"),
    [
        ("print the one-liner", "oneliner", None, None),
        ("call sheet for day 3", "callsheet", 3, None),
        ("call sheet for tomorrow", "callsheet", None, None),
        ("send me the stripboard", "stripboard", None, None),
        ("stripboard pdf for version 2", "stripboard", None, 2),
        ("print the DOOD on A4", "dood", None, None),
        ("breakdown sheets please", "breakdown", None, None),
        ("give me the shooting days as an ics file", "ics", None, None),
    ],
)
def test_document_requests(text: str, doc: str, day: int | None, version: int | None) -> None:
    request = parse_document_request(text)
    assert request is not None and request.kind == "document"
    assert (request.document, request.day) == (doc, day)
    assert request.versions == ([version] if version else [])


@pytest.mark.parametrize(
    ("text", "doc", "first", "last", "week"),
    [
        ("give me a one-liner for week two", "oneliner", None, None, 2),
        ("print the shooting schedule for the third week", "schedule", None, None, 3),
        ("one-liner for days 6 to 10", "oneliner", 6, 10, None),
        ("send me the stripboard for days 12-9", "stripboard", 9, 12, None),
        ("call sheet for day 3 of week 2", "callsheet", 3, None, None),
        ("print the one-liner", "oneliner", None, None, None),
    ],
)
def test_a_schedule_document_for_a_stretch_of_days(
    text: str, doc: str, first: int | None, last: int | None, week: int | None
) -> None:
    request = parse_document_request(text)
    assert request is not None and request.document == doc
    assert (request.day, request.last_day, request.week) == (first, last, week)


def test_a_weeks_one_liner_prints_that_weeks_days_counted_against_the_whole() -> None:
    script, plan = feature_plan()
    total, week = len(plan.schedule.days), plan.inputs.work_days_per_week
    request = parse_document_request("give me a one-liner for week two")
    assert request is not None
    days = resolve_days(request, plan)
    assert days == (week + 1, min(2 * week, total))
    board = build_board(plan, script, version=1, version_date=date(2026, 1, 5)).stretch(*days)
    text = pdf_text(render_document(board, "oneliner").data)
    shown = [int(n) for n in re.findall(rf"Day (\d+) of {total}\b", text)]
    assert shown == list(range(days[0], days[1] + 1))
    past = Request(kind="document", document="oneliner", week=total)
    with pytest.raises(ValueError, match=f"the plan has {total} shooting days"):
        resolve_days(past, plan)


@pytest.mark.parametrize("text", ["show the stripboard", "what's the budget", "day 3 schedule"])
def test_views_stay_views(text: str) -> None:
    assert parse_document_request(text) is None


def test_tomorrow_is_found_by_the_plans_dates() -> None:
    _, plan = shared_plan()
    first = date.fromisoformat(plan.schedule.days[1].date or "")
    request = Request(kind="document", document="callsheet", text="call sheet for tomorrow")
    assert resolve_day(request, plan, today=first.replace(day=first.day - 1)) == 2
    with pytest.raises(ValueError, match="is not a shooting day"):
        resolve_day(request, plan, today=date(2030, 1, 1))


async def test_documents_through_the_graph_and_old_versions_unchanged(
    tmp_path: Path, screenplays_dir: Path
) -> None:
    settings = Settings(data_dir=tmp_path, solver_time_limit_s=2.0, _env_file=None)  # type: ignore[call-arg]
    name = "national-stupidity.fdx"
    async with open_assistant(settings, models=ModelSet()) as a:

        async def turn(text: str, uploads: list[dict[str, str]] | None = None):  # type: ignore[no-untyped-def]
            return await run_turn(a, thread_id="docs", text=text, uploads=uploads)

        await turn("", [{"name": name, "path": str(screenplays_dir / name)}])
        one = await turn("print the one-liner")
        record = one.facts["document"]
        assert record["version"] == 1 and record["name"] == "oneliner-v1-letter.pdf"
        assert f"one-liner of plan version 1 ({date.today().isoformat()})" in one.answer
        first_bytes = Path(record["path"]).read_bytes()
        assert "Plan version 1 of" in pdf_text(first_bytes)
        items = turn_items(one.facts, one.plan, version=one.version)
        download, preview = items
        assert isinstance(download, Download) and isinstance(preview, Preview)
        assert download.data == first_bytes and preview.data.startswith(b"\x89PNG")

        sheet = await turn("call sheet for day 2")
        assert "CALL SHEET · Day 2 of" in pdf_text(
            Path(sheet.facts["document"]["path"]).read_bytes()
        )
        missing = await turn("call sheet for tomorrow")
        assert "no calendar dates" in missing.answer
        past = await turn("call sheet for day 40")
        assert "there is no shooting day 40" in past.answer

        moved = await turn("pin scene 3 to day 2")
        assert moved.version == 2
        again = await turn("print the one-liner for version 1")
        assert Path(again.facts["document"]["path"]).read_bytes() == first_bytes
        Path(again.facts["document"]["path"]).unlink()  # printed anew from the saved record
        fresh = await turn("print the one-liner for version 1")
        assert Path(fresh.facts["document"]["path"]).read_bytes() == first_bytes
        new = await turn("print the one-liner")
        assert new.facts["document"]["version"] == 2
        assert "Plan version 2 of" in pdf_text(Path(new.facts["document"]["path"]).read_bytes())
