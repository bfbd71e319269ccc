"""Spans of days and the nights' runs through the real graph: the reply is the query tool's
sentence, its figures are the plan's own days, and a follow-up moves the span on."""

from __future__ import annotations

from pathlib import Path

from graph.providers import ModelSet
from tests.test_graph import assistant, turn, upload


async def test_a_range_of_days_the_days_after_and_the_nights(
    tmp_path: Path, screenplays_dir: Path
) -> None:
    async with assistant(tmp_path, ModelSet()) as a:
        first = await turn(a, "", upload(screenplays_dir))
        assert first.plan
        days = first.plan["schedule"]["days"]

        span = await turn(a, "show me days 1 to 2")
        got = span.facts["answers"][0]
        assert got["facts"]["days"] == [1, 2][: len(days)]
        assert got["text"] in span.answer and days[0]["strips"][0] in span.answer

        after = await turn(a, "and the days after?")
        moved = after.facts["answers"][0]
        assert moved["kind"] == "span"
        assert moved["facts"].get("days", []) == [d for d in (3, 4) if d <= len(days)]

        nights = [i + 1 for i, d in enumerate(days) if d["lighting"] in {"NIGHT", "SPLIT"}]
        runs = await turn(a, "how many nights in a row do we shoot?")
        text = runs.facts["answers"][0]["text"]
        assert text in runs.answer
        assert f"Nights start on day {nights[0]}" in text if nights else "no night work" in text

        block = await turn(a, "move the nights to the end")
        assert block.plan == first.plan  # nothing re-planned
        assert "no such rule" in block.answer or "no night work" in block.answer
