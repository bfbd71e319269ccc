"""The real embedded model (SmolLM2 in llama.cpp) answering through the whole graph."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.grounding import check_grounding
from graph.providers import build_models
from graph.session import open_assistant, run_turn
from greenlight.settings import Settings

pytestmark = pytest.mark.model


async def test_the_embedded_model_streams_a_grounded_answer(
    tmp_path: Path, screenplays_dir: Path
) -> None:
    settings = Settings(data_dir=tmp_path, solver_time_limit_s=2.0, _env_file=None)  # type: ignore[call-arg]
    models = await build_models(settings, probe=False)
    assert models.embedded is not None and models.local is None and models.cloud is None
    models.embedded.model.max_tokens = 24  # type: ignore[attr-defined]
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
    assert result.usage["provider"] == "embedded"
    assert result.usage["outcome"] == "ok", result.answer
    assert len(tokens) > 3
    words = "".join(tokens)
    assert result.answer.startswith(words.strip()[:20])
    assert check_grounding(words, result.facts).ok
    assert "2 scenes have animals: scene 2 (" in result.answer  # the figures follow the words
    assert 0 < result.usage["tokens_out"] <= 25 and result.usage["first_token_s"] < 30
