"""The turn seam on the real graph: a real screenplay in, steps, a streamed answer naming its
model, and charts, tables and downloads whose numbers are the plan's; what-ifs, bad files,
preferences, a replaced answer and a failing tool."""

from __future__ import annotations

import io
import json
from collections.abc import AsyncIterator, MutableMapping, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from graph.providers import ModelSet, Provider
from graph.session import Assistant
from greenlight.chat.assistant import AssistantHost
from greenlight.chat.outputs import Chart, Item, StepHandle, Table
from greenlight.chat.preferences import Preferences
from greenlight.chat.turn import Attachment, TurnInput, run_turn
from greenlight.settings import PROJECT_ROOT, Settings
from tests.fakes import GARBAGE, FakeChatModel

SMALL = "radio-studio.fountain"
REAL = "national-stupidity.fdx"


class Answer:
    """An AnswerStream that records tokens, replacements and the finished message."""

    def __init__(self, rec: Recorder) -> None:
        self.rec, self.text = rec, ""

    async def token(self, text: str) -> None:
        self.rec.tokens.append(text)
        self.text += text

    async def replace(self, text: str) -> None:
        self.rec.replaced.append(text)
        self.text = text

    async def finish(self, *, footer: str = "", items: Sequence[Item] = ()) -> str:
        self.text += "\n\n" + footer if footer else ""
        self.rec.messages.append((self.text, list(items)))
        return self.text


class Recorder:
    """A ChatOutput that keeps everything the turn sent."""

    def __init__(self) -> None:
        self.memory: MutableMapping[str, Any] = {}
        self.messages: list[tuple[str, list[Item]]] = []
        self.steps: list[StepHandle] = []
        self.titles: list[str] = []
        self.tokens: list[str] = []
        self.replaced: list[str] = []

    async def say(self, text: str, *, items: Sequence[Item] = ()) -> None:
        self.messages.append((text, list(items)))

    def answer(self) -> Answer:
        return Answer(self)

    async def set_title(self, title: str) -> None:
        self.titles.append(title)

    def step(self, name: str) -> _StepCM:
        return _StepCM(self, name)

    def named(self, name: str) -> StepHandle:
        return next(s for s in self.steps if s.name == name)


class _StepCM:
    def __init__(self, rec: Recorder, name: str) -> None:
        self.rec, self.handle = rec, StepHandle(name)

    async def __aenter__(self) -> StepHandle:
        return self.handle

    async def __aexit__(self, *exc: object) -> None:
        self.rec.steps.append(self.handle)


def fake(*replies: str, mode: str = "ok") -> ModelSet:
    model = FakeChatModel(replies=list(replies) or ["Here is the plan."], mode=mode)  # type: ignore[arg-type]
    return ModelSet(local=Provider("fake", "local", model, "fake-1"))


@asynccontextmanager
async def host(tmp_path: Path, models: ModelSet | None = None) -> AsyncIterator[Assistant]:
    h = AssistantHost(Settings(data_dir=tmp_path), models=models or fake())
    try:
        yield await h.start()
    finally:
        await h.close()


def turn(
    text: str = "",
    files: tuple[Attachment, ...] = (),
    *,
    prefs: Preferences | None = None,
    refusals: tuple[str, ...] = (),
    rate_card: str | None = None,
    data_dir: Path,
) -> TurnInput:
    return TurnInput(
        thread_id="t1",
        user_id="maya",
        text=text,
        preferences=prefs or Preferences(),
        settings=Settings(data_dir=data_dir),
        attachments=files,
        refusals=refusals,
        rate_card_csv=rate_card,
    )


def attach(screenplays_dir: Path, name: str) -> tuple[Attachment, ...]:
    return (Attachment(name, (screenplays_dir / name).read_bytes()),)


def items_of(rec: Recorder) -> dict[str, Item]:
    return {item.name: item for _, items in rec.messages for item in items}


async def test_a_real_screenplay_gets_steps_a_streamed_answer_and_the_plan(
    tmp_path: Path, screenplays_dir: Path
) -> None:
    truth = json.loads((screenplays_dir / "ground_truth.json").read_text())[REAL]
    rec = Recorder()
    async with host(tmp_path, fake("Here is the plan for your script.")) as a:
        await run_turn(
            turn(files=attach(screenplays_dir, REAL), data_dir=tmp_path), rec, assistant=a
        )
        plan = (await a.context.plans.current("t1")).plan  # type: ignore[union-attr]
    assert [s.name for s in rec.steps] == [
        "Breakdown",
        "Schedule",
        "Savings",
        "Budget",
        "Model choice",
    ]
    assert f"{truth['scenes']} scenes" in rec.named("Breakdown").output
    days = len(plan["schedule"]["days"])
    assert rec.named("Schedule").output.startswith(
        f"{days} shoot days, {plan['schedule']['status']}"
    )
    likely = float(plan["budget"]["likely"])
    assert f"likely USD {likely:,.0f}" in rec.named("Budget").output
    assert "saved against script order" in rec.named("Savings").output
    assert len(rec.tokens) > 3 and "".join(rec.tokens).startswith("Here is the plan")
    ((text, _),) = rec.messages
    assert "_Answered by the fake model (fake-1): routed local" in text
    assert rec.titles == ["NATIONAL STUPIDITY: A NEW BRITISH INITIATIVE"]
    assert rec.memory["script"]["scenes"] == truth["scenes"]
    found = items_of(rec)
    assert isinstance(found["Stripboard"], Chart) and isinstance(found["Budget by account"], Chart)
    schedule = found["Schedule"]
    assert isinstance(schedule, Table) and len(schedule.frame) == truth["scenes"]
    assert schedule.frame["day"].max() == days
    book = openpyxl.load_workbook(io.BytesIO(found["plan-v1.xlsx"].data))  # type: ignore[union-attr]
    assert book.sheetnames == ["Schedule", "Days", "DOOD", "Budget"]
    budget_rows = list(book["Budget"].iter_rows(values_only=True))[1:]
    accounts = plan["budget"]["accounts"]
    assert [r[1] for r in budget_rows] == [acc["name"] for acc in accounts]
    assert [r[5] for r in budget_rows] == pytest.approx([float(acc["total"]) for acc in accounts])
    assert book["DOOD"].max_row == len(plan["dood"]["rows"]) + 1
    assert json.loads(found["plan-v1.json"].data)["summary"]["days"] == days  # type: ignore[union-attr]
    assert {"schedule-v1.csv", "dood-v1.csv", "budget-v1.csv"} <= set(found)


async def test_a_what_if_shows_what_moved_and_the_budget_change(
    tmp_path: Path, screenplays_dir: Path
) -> None:
    async with host(tmp_path) as a:
        await run_turn(
            turn(files=attach(screenplays_dir, SMALL), data_dir=tmp_path), Recorder(), assistant=a
        )
        rec = Recorder()
        await run_turn(turn("what if we shoot it in 2 days", data_dir=tmp_path), rec, assistant=a)
        versions = await a.context.plans.versions("t1")
    assert [v.version for v in versions] == [1, 2]
    old, new = versions[0].plan, versions[1].plan
    found = items_of(rec)
    moved = found["Scenes moved"].frame  # type: ignore[union-attr]
    assert len(new["schedule"]["days"]) == 2 and len(moved) >= 1
    new_day = {s: d["index"] + 1 for d in new["schedule"]["days"] for s in d["strips"]}
    assert all(new_day[row.scene] == row.to_day for row in moved.itertuples())
    change = found["Budget change by account"].frame  # type: ignore[union-attr]
    delta = float(new["budget"]["likely"]) - float(old["budget"]["likely"])
    assert change["change"].sum() == pytest.approx(delta, abs=1.0)
    assert "plan-v2.xlsx" in found and not rec.named("Schedule").error


async def test_a_bad_file_gets_the_readers_message_and_keeps_the_plan(
    tmp_path: Path, screenplays_dir: Path
) -> None:
    async with host(tmp_path) as a:
        await run_turn(
            turn(files=attach(screenplays_dir, SMALL), data_dir=tmp_path), Recorder(), assistant=a
        )
        rec = Recorder()
        bad = (Attachment("notes.txt", b"shopping list: eggs, milk"),)
        await run_turn(turn(files=bad, data_dir=tmp_path), rec, assistant=a)
        assert rec.messages[0][0].startswith("I could not read notes.txt")
        assert "no scene headings" in rec.messages[0][0]
        assert rec.named("Breakdown").error and rec.titles == []
        after = Recorder()
        await run_turn(turn("show the budget", data_dir=tmp_path), after, assistant=a)
        versions = await a.context.plans.versions("t1")
    assert [v.version for v in versions] == [1]
    assert {"Budget by account", "Budget"} <= set(items_of(after))


async def test_refused_files_alone_do_not_run_the_graph(tmp_path: Path) -> None:
    async with host(tmp_path) as a:
        rec = Recorder()
        await run_turn(
            turn(refusals=("budget.xlsx is not a screenplay file",), data_dir=tmp_path),
            rec,
            assistant=a,
        )
        state = await a.graph.aget_state({"configurable": {"thread_id": "t1"}})
    assert [m for m, _ in rec.messages] == ["budget.xlsx is not a screenplay file"]
    assert state.values == {} and rec.steps == []


async def test_preferences_shape_the_plan(tmp_path: Path, screenplays_dir: Path) -> None:
    prefs = Preferences(schedule_by="days", days=2, currency="EUR")
    card = (PROJECT_ROOT / "data" / "rate_card.csv").read_text(encoding="utf-8")
    async with host(tmp_path) as a:
        rec = Recorder()
        files = attach(screenplays_dir, SMALL)
        await run_turn(
            turn(files=files, prefs=prefs, rate_card=card, data_dir=tmp_path), rec, assistant=a
        )
        stored = await a.context.plans.current("t1")
    assert stored is not None
    assert stored.inputs["days"] == 2 and len(stored.plan["schedule"]["days"]) == 2
    assert stored.inputs["currency"] == "EUR"
    assert Path(stored.inputs["rate_card"]).read_text(encoding="utf-8") == card
    assert "EUR" in rec.named("Budget").output


async def test_an_invented_figure_is_replaced_and_said_so(
    tmp_path: Path, screenplays_dir: Path
) -> None:
    async with host(tmp_path, fake(GARBAGE)) as a:
        rec = Recorder()
        await run_turn(
            turn(files=attach(screenplays_dir, SMALL), data_dir=tmp_path), rec, assistant=a
        )
    ((text, _),) = rec.messages
    assert rec.tokens and len(rec.replaced) == 1
    assert "77 days" not in text and "I replaced the model's answer" in text
    assert "deterministic summary" in text.splitlines()[-1]


class BrokenPlanner:
    def make_plan(self, *args: Any, **kwargs: Any) -> dict[str, Any]:
        raise RuntimeError("solver crashed")

    def compare(self, old: Any, new: Any) -> dict[str, Any]:
        raise RuntimeError("unused")

    def cuts(self, plan: Any, cap: float) -> dict[str, Any]:
        raise RuntimeError("unused")


async def test_a_failing_tool_ends_the_turn_with_a_message(
    tmp_path: Path, screenplays_dir: Path
) -> None:
    async with host(tmp_path) as a:
        a.context.planner = BrokenPlanner()
        rec = Recorder()
        await run_turn(
            turn(files=attach(screenplays_dir, SMALL), data_dir=tmp_path), rec, assistant=a
        )
    assert rec.named("Schedule").error
    assert "Something went wrong" in rec.messages[-1][0]
    assert "saved plans are kept" in rec.messages[-1][0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("show the schedule", {"Stripboard", "Schedule", "Days"}),
        ("show the budget", {"Budget by account", "Budget"}),
        ("show the day out of days", {"DOOD"}),
        ("export the budget as xlsx", {"budget.xlsx"}),
    ],
)
async def test_a_view_of_the_plan_brings_its_items(
    tmp_path: Path, screenplays_dir: Path, text: str, expected: set[str]
) -> None:
    async with host(tmp_path) as a:
        await run_turn(
            turn(files=attach(screenplays_dir, SMALL), data_dir=tmp_path), Recorder(), assistant=a
        )
        rec = Recorder()
        await run_turn(turn(text, data_dir=tmp_path), rec, assistant=a)
    assert set(items_of(rec)) == expected
    assert "Answered by the deterministic summary" in rec.messages[-1][0]
