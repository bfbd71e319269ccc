"""The turn seam: real screenplays in, an honest answer with tables and downloads out."""

from __future__ import annotations

import io
import json
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from greenlight.chat.outputs import Download, Item, StepHandle, Table
from greenlight.chat.preferences import Preferences
from greenlight.chat.turn import Attachment, TurnInput, read_limits, run_turn
from greenlight.settings import Settings
from tools.script import Script, ScriptError


class Recorder:
    """A ChatOutput that keeps everything the turn sent."""

    def __init__(self) -> None:
        self.memory: dict[str, Any] = {}
        self.messages: list[tuple[str, list[Item]]] = []
        self.steps: list[StepHandle] = []
        self.titles: list[str] = []

    async def say(self, text: str, *, items: Sequence[Item] = ()) -> None:
        self.messages.append((text, list(items)))

    @asynccontextmanager
    async def step(self, name: str) -> AsyncIterator[StepHandle]:
        handle = StepHandle(name)
        yield handle
        self.steps.append(handle)

    async def stream(self, tokens: AsyncIterator[str], *, items: Sequence[Item] = ()) -> str:
        text = "".join([t async for t in tokens])
        await self.say(text, items=items)
        return text

    async def set_title(self, title: str) -> None:
        self.titles.append(title)


def _turn(text: str = "", files: tuple[Attachment, ...] = (), refusals=()) -> TurnInput:
    return TurnInput(
        thread_id="t1",
        user_id="maya",
        text=text,
        preferences=Preferences(),
        settings=Settings(max_upload_mb=2),
        attachments=files,
        refusals=refusals,
    )


@pytest.fixture(scope="module")
def truth(screenplays_dir: Path) -> dict[str, Any]:
    return json.loads((screenplays_dir / "ground_truth.json").read_text())


async def test_a_real_screenplay_gets_its_breakdown(screenplays_dir: Path, truth) -> None:
    data = (screenplays_dir / "national-stupidity.fdx").read_bytes()
    out = Recorder()
    await run_turn(_turn(files=(Attachment("national-stupidity.fdx", data),)), out)
    expected = truth["national-stupidity.fdx"]
    ((text, items),) = out.messages
    assert f"{expected['scenes']} scenes" in text
    assert f"{expected['distinct_speakers']} speaking parts" in text
    assert out.titles == ["NATIONAL STUPIDITY: A NEW BRITISH INITIATIVE"]
    assert out.memory["script"]["scenes"] == expected["scenes"]
    assert out.steps[0].name == "Read national-stupidity.fdx" and not out.steps[0].error
    table = next(i for i in items if isinstance(i, Table))
    assert len(table.frame) == expected["scenes"]
    assert table.frame["scene"].tolist() == expected["scene_numbers"]
    downloads = {i.name: i for i in items if isinstance(i, Download)}
    assert set(downloads) == {"scenes.csv", "breakdown.xlsx", "breakdown.json"}
    book = openpyxl.load_workbook(io.BytesIO(downloads["breakdown.xlsx"].data))
    assert book["Scenes"].max_row == expected["scenes"] + 1
    assert len(json.loads(downloads["breakdown.json"].data)["scenes"]) == expected["scenes"]


async def test_a_bad_file_gets_the_readers_message_and_the_next_file_is_read(
    screenplays_dir: Path,
) -> None:
    good = (screenplays_dir / "radio-studio.fountain").read_bytes()
    files = (
        Attachment("notes.txt", b"shopping list: eggs, milk"),
        Attachment("radio-studio.fountain", good),
    )
    out = Recorder()
    await run_turn(_turn(files=files), out)
    assert "I could not read notes.txt" in out.messages[0][0]
    assert "no scene headings" in out.messages[0][0]
    assert out.steps[0].error and not out.steps[1].error
    assert "scenes" in out.messages[1][0] and out.memory["script"]["source_name"]


async def test_refusals_are_said_first() -> None:
    out = Recorder()
    await run_turn(_turn(refusals=("budget.xlsx is not a screenplay file",)), out)
    assert [m for m, _ in out.messages] == ["budget.xlsx is not a screenplay file"]


async def test_text_without_a_script_asks_for_one() -> None:
    out = Recorder()
    await run_turn(_turn("plan it"), out)
    assert "Send a screenplay" in out.messages[0][0]


async def test_text_after_a_script_names_it() -> None:
    out = Recorder()
    out.memory["script"] = {"title": "Big Fish", "scenes": 3, "eighths": 20}
    await run_turn(_turn("plan it"), out)
    assert "**Big Fish**: 3 scenes, 2 4/8 pages" in out.messages[0][0]


async def test_the_reader_is_called_with_the_settings_limits() -> None:
    seen: dict[str, Any] = {}

    def reader(data: bytes, *, filename: str, limits) -> Script:
        seen.update(filename=filename, limits=limits)
        raise ScriptError("encrypted PDF: export an unprotected PDF")

    out = Recorder()
    await run_turn(_turn(files=(Attachment("a/b/locked.pdf", b"%PDF"),)), out, reader=reader)
    assert seen["filename"] == "locked.pdf"
    assert seen["limits"] == read_limits(Settings(max_upload_mb=2))
    assert seen["limits"].max_bytes == 2 * 1024 * 1024
    assert (
        out.messages[0][0]
        == "I could not read locked.pdf: encrypted PDF: export an unprotected PDF"
    )
    assert out.titles == [] and "script" not in out.memory
