"""The server's assistant: opened once, preferences per turn, deleted sessions forgotten,
and the line naming the model that answered."""

from __future__ import annotations

import sqlite3
import uuid
from pathlib import Path

import pytest
from chainlit.context import init_http_context
from chainlit.user import User

from graph.session import run_turn
from greenlight.chat.assistant import AssistantHost, fake_models, plan_defaults, turn_settings
from greenlight.chat.preferences import Preferences
from greenlight.chat.progress import model_line
from greenlight.chat.runtime import build_runtime
from greenlight.settings import Settings
from store import users

SMALL = "radio-studio.fountain"


def _rows(db: Path, thread_id: str) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        return {
            table: conn.execute(
                f'SELECT COUNT(*) FROM {table} WHERE "{column}" = ?', (thread_id,)
            ).fetchone()[0]
            for table, column in (
                ("threads", "id"),
                ("checkpoints", "thread_id"),
                ("gl_plan_versions", "thread_id"),
                ("gl_thread_plans", "thread_id"),
            )
        }


async def test_deleting_a_session_deletes_its_graph_memory_and_plans(
    tmp_path: Path, screenplays_dir: Path
) -> None:
    settings = Settings(data_dir=tmp_path, fake_model="Here is the plan.")
    host = AssistantHost(settings)
    runtime = build_runtime(settings, on_thread_deleted=[host.delete_thread])
    try:
        await runtime.create_tables()
        assistant = await host.start()
        assert await host.start() is assistant  # one assistant per process
        # The data layer creates only users who have a password.
        await users.create_user(runtime.engine, "maya", "maya-password")
        user = await runtime.data_layer.create_user(User(identifier="maya"))
        assert user is not None
        init_http_context(user=user)
        data = (screenplays_dir / SMALL).read_bytes()
        gone, kept = str(uuid.uuid4()), str(uuid.uuid4())
        for thread in (gone, kept):
            await runtime.data_layer.update_thread(thread, name="RADIO", user_id=user.id)
            await run_turn(
                assistant, thread_id=thread, text="", uploads=[{"name": SMALL, "data": data}]
            )
        db = settings.sqlite_path()
        assert _rows(db, gone) == _rows(db, kept)
        assert min(_rows(db, gone).values()) >= 1
        await runtime.data_layer.delete_thread(gone)
        assert _rows(db, gone) == dict.fromkeys(_rows(db, gone), 0)
        assert min(_rows(db, kept).values()) >= 1
    finally:
        await host.close()
        await runtime.engine.dispose()
        await runtime.data_layer.engine.dispose()
    with pytest.raises(RuntimeError, match="not open"):
        _ = host.assistant


@pytest.mark.parametrize(
    ("prefs", "expected"),
    [
        (Preferences(), {}),
        (Preferences(schedule_by="days", days=6), {"days": 6}),
        (Preferences(schedule_by="pages_per_day", days=6), {}),
        (Preferences(schedule_by="days", days=None), {}),
    ],
)
def test_plan_defaults(prefs: Preferences, expected: dict[str, int]) -> None:
    assert plan_defaults(prefs) == expected


def test_turn_settings_apply_the_preferences_and_keep_the_rest(tmp_path: Path) -> None:
    base = Settings(data_dir=tmp_path, ollama_model="llama3.2:3b", solver_seed=3)
    prefs = Preferences(
        model_preference="cloud", privacy_mode="local_only", pages_per_day=5.5, currency="eur"
    )
    card = "code,name\n1,x\n"
    got = turn_settings(base, prefs, rate_card_csv=card)
    assert (got.model_preference, got.privacy_mode) == ("cloud", "local_only")
    assert (got.pages_per_day, got.currency) == (5.5, "EUR")
    assert got.rate_card is not None and got.rate_card.read_text(encoding="utf-8") == card
    assert got.rate_card.parent == tmp_path / "ratecards"
    assert (got.ollama_model, got.solver_seed) == ("llama3.2:3b", 3)
    assert base.model_preference == "auto" and base.rate_card is None
    assert turn_settings(base, prefs).rate_card is None


@pytest.mark.parametrize("replies", ["", " || ", "||"])
def test_a_fake_model_needs_a_reply(replies: str) -> None:
    with pytest.raises(ValueError, match="no reply"):
        fake_models(replies)


def test_fake_models_answer_locally() -> None:
    models = fake_models("one || two")
    assert models.local is not None and models.cloud is None and models.embedded is None
    assert models.local.model.responses == ["one", "two"]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("route", "usage", "expected"),
    [
        (
            {"target": "local", "reason": "a short request"},
            {"provider": "embedded", "model": "smollm2.gguf", "outcome": "ok"},
            "_Answered by the embedded model (smollm2.gguf): routed local: a short request._",
        ),
        (
            {"target": "cloud", "reason": "complex"},
            {"provider": "ollama", "model": "llama", "outcome": "ok", "failures": ["openai: 401"]},
            "_Answered by the local model (Ollama) (llama): routed cloud: complex; "
            "fell back after openai: 401._",
        ),
        (
            None,
            {"provider": "deterministic", "outcome": "deterministic", "failures": ["x: down"]},
            "_Answered by the deterministic summary: no model answered (x: down)._",
        ),
        (
            {"target": "local", "reason": "r"},
            {"provider": "embedded", "model": "m", "outcome": "replaced"},
            "_Answered by the deterministic summary: the answer of the embedded model used a "
            "figure the tools did not give._",
        ),
        (
            {"target": "cloud", "reason": "r"},
            {"provider": "openai", "model": "gpt", "outcome": "cut"},
            "_Answered by the cloud model (gpt): routed cloud: r._",
        ),
    ],
)
def test_model_line(route: dict | None, usage: dict, expected: str) -> None:
    assert model_line(route, usage) == expected
