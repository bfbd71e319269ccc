"""The real embedded model (SmolLM2 in llama.cpp) answering through the whole graph."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.grounding import check_grounding
from graph.providers import build_models
from graph.session import open_assistant, run_turn
from greenlight.settings import Settings

pytestmark = pytest.mark.model


async def test_the_embedded_model_never_writes_the_answer(
    tmp_path: Path, screenplays_dir: Path
) -> None:
    # SmolLM2-135M writes fluent nonsense (issue 13): with it alone the templates answer.
    settings = Settings(data_dir=tmp_path, solver_time_limit_s=2.0, _env_file=None)  # type: ignore[call-arg]
    models = await build_models(settings, probe=False)
    assert models.embedded is not None and models.local is None and models.cloud is None
    tokens: list[str] = []
    name = "the-library-freak-out.fountain"
    async with open_assistant(settings, models=models) as assistant:
        result = await run_turn(
            assistant,
            thread_id="model",
            text="which scenes have animals",
            uploads=[{"name": name, "path": str(screenplays_dir / name)}],
            on_token=tokens.append,
        )
    assert result.usage is not None
    assert result.usage["provider"] == "deterministic"
    assert result.usage["outcome"] == "deterministic", result.answer
    assert result.usage["tokens_out"] == 0 and not tokens
    assert check_grounding(result.answer, result.facts).ok
    assert "2 scenes have animals: scene " in result.answer and "scene 2 (" in result.answer
