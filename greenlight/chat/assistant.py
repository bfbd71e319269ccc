"""The server's one assistant (graph, checkpointer, models), and a session's view of it.

`AssistantHost.start()` opens the graph's assistant once per server process and keeps it open
until `close()`; every chat turn runs on it with that session's preferences applied to the
turn's settings only, so models are never rebuilt per turn.
"""

from __future__ import annotations

import hashlib
from contextlib import AsyncExitStack
from pathlib import Path
from typing import TYPE_CHECKING, Any

from greenlight.chat.preferences import Preferences
from greenlight.settings import Settings

if TYPE_CHECKING:
    from graph.providers import ModelSet
    from graph.session import Assistant

__all__ = ["AssistantHost", "fake_models", "plan_defaults", "turn_settings"]

#: Separates the scripted replies of the test-only fake model in `Settings.fake_model`.
FAKE_REPLY_SEPARATOR = "||"


def fake_models(replies: str) -> ModelSet:
    """A local provider answering with scripted replies, streamed; for tests only."""
    from langchain_core.language_models.fake_chat_models import FakeListChatModel

    from graph.providers import ModelSet, Provider

    answers = [r.strip() for r in replies.split(FAKE_REPLY_SEPARATOR) if r.strip()]
    if not answers:
        raise ValueError(f"fake_model {replies!r} has no reply")
    model = FakeListChatModel(responses=answers)
    return ModelSet(local=Provider("fake", "local", model, "fake-model"))


def rate_card_file(settings: Settings, csv_text: str) -> Path:
    """The session's uploaded rate card as a file the planner can read, named by content."""
    digest = hashlib.sha256(csv_text.encode("utf-8")).hexdigest()[:20]
    path = settings.data_dir / "ratecards" / f"{digest}.csv"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(csv_text, encoding="utf-8")
    return path


def turn_settings(
    settings: Settings, preferences: Preferences, *, rate_card_csv: str | None = None
) -> Settings:
    """The app's settings with this session's preferences on top, for one turn."""
    update: dict[str, Any] = {
        "model_preference": preferences.model_preference,
        "privacy_mode": preferences.privacy_mode,
        "pages_per_day": preferences.pages_per_day,
        "currency": preferences.currency,
    }
    if rate_card_csv:
        update["rate_card"] = rate_card_file(settings, rate_card_csv)
    return settings.model_copy(update=update)


def plan_defaults(preferences: Preferences) -> dict[str, Any]:
    """What a new plan takes from the preferences beyond the settings: a fixed day count."""
    if preferences.schedule_by == "days" and preferences.days:
        return {"days": preferences.days}
    return {}


class AssistantHost:
    """Opens the assistant at start-up and closes it at shutdown."""

    def __init__(self, settings: Settings, *, models: ModelSet | None = None) -> None:
        self.settings = settings
        self.models = models
        self._stack: AsyncExitStack | None = None
        self._assistant: Assistant | None = None

    @property
    def assistant(self) -> Assistant:
        """The open assistant; RuntimeError before `start()`."""
        if self._assistant is None:
            raise RuntimeError("the assistant is not open: call start() first")
        return self._assistant

    async def start(self) -> Assistant:
        """Open the database, checkpointer and models (once; later calls return the same)."""
        if self._assistant is not None:
            return self._assistant
        from graph.session import open_assistant

        models = self.models
        if models is None and self.settings.fake_model:
            models = fake_models(self.settings.fake_model)
        stack = AsyncExitStack()
        try:
            self._assistant = await stack.enter_async_context(
                open_assistant(self.settings, models=models, planner=self._planner())
            )
        except BaseException:
            await stack.aclose()
            raise
        self._stack = stack
        return self._assistant

    def _planner(self) -> Any:
        """Solves run as jobs (jobs/): a crash or hang ends one job, never this server."""
        import jobs

        planner = jobs.build_planner(self.settings.jobs, **self.settings.job_options())
        if isinstance(planner.runner, jobs.LocalRunner):
            planner.runner.warm()  # the first upload's solve then starts at once
        return planner

    async def close(self) -> None:
        """Close everything `start()` opened."""
        stack, self._stack, self._assistant = self._stack, None, None
        if stack is not None:
            await stack.aclose()

    async def delete_thread(self, thread_id: str) -> None:
        """Forget a deleted session: its graph memory and plan versions."""
        from graph.session import delete_thread

        await delete_thread(await self.start(), thread_id)
