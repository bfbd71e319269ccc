"""`python -m bench questions`: producers' questions through the real graph, each answer
checked against the plan's own records (computed here from the plan, not by the query tools).

Two shared screenplays and a generated feature; for each, questions of every kind (a day, a
scene, a cast member, categories, money, totals, rankings, savings, several in one message,
follow-ups, outside topics) in varied phrasing. Reports the share answered right with the
embedded default, answers whose words are not the templates' or fail the check of figures
and names (invented prose), and the median turn time of questions that do not re-plan.
Timings on a shared machine are noisy: read them as an upper bound.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
from dataclasses import dataclass
from pathlib import Path

from bench.question_set import Question, questions_for
from bench.scriptfmt import to_fountain
from bench.scriptgen import GenOptions, generate
from graph.grounding import check_grounding
from graph.providers import build_models
from graph.session import Assistant, open_assistant, run_turn
from greenlight.settings import Settings

__all__ = ["run"]

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data" / "screenplays"
SCRIPTS = ("national-stupidity.fdx", "the-library-freak-out.fountain")


@dataclass
class Outcome:
    question: Question
    answer: str
    right: bool
    prose: bool
    seconds: float


async def _ask(a: Assistant, thread: str, q: Question) -> Outcome:
    result = await run_turn(a, thread_id=thread, text=q.text)
    right = all(e.lower() in result.answer.lower() for e in q.expect)
    provider = (result.usage or {}).get("provider", "deterministic")
    # Invented prose: words from a model (not the templates) that fail the figures-and-names
    # check; with the embedded default no model words an answer at all.
    grounded = check_grounding(result.answer, result.facts, user_text=q.text).ok
    prose = provider != "deterministic" and not grounded
    return Outcome(q, result.answer, right, prose, result.seconds)


def _feature(folder: Path, quick: bool) -> Path:
    gen = generate(
        GenOptions(scenes=40 if quick else 90, pages=35 if quick else 80, speaking_parts=20)
    )
    path = folder / "generated-feature.fountain"
    path.write_text(to_fountain(gen.title_page, gen.blocks()), encoding="utf-8")
    return path


async def _bench(quick: bool) -> list[Outcome]:
    folder = Path(tempfile.mkdtemp(prefix="bench-questions-"))
    settings = Settings(data_dir=folder, solver_time_limit_s=5.0 if quick else 10.0, _env_file=None)  # type: ignore[call-arg]
    models = await build_models(settings, probe=False)
    paths = [SHARED / name for name in SCRIPTS] + [_feature(folder, quick)]
    outcomes: list[Outcome] = []
    async with open_assistant(settings, models=models) as a:
        for n, path in enumerate(paths):
            thread = f"bench-{n}"
            first = await run_turn(
                a, thread_id=thread, text="", uploads=[{"name": path.name, "path": str(path)}]
            )
            if first.plan is None:
                print(f"{path.name}: no plan ({first.answer[:120]})")
                continue
            for q in questions_for(first.plan, seed=n):
                outcomes.append(await _ask(a, thread, q))
    return outcomes


def run(args: argparse.Namespace) -> None:
    """Ask every question and print the shares, the misses and the median time."""
    outcomes = asyncio.run(_bench(bool(getattr(args, "quick", False))))
    right = sum(o.right for o in outcomes)
    prose = sum(o.prose for o in outcomes)
    times = [o.seconds for o in outcomes if not o.question.replans]
    print(f"questions: {len(outcomes)}")
    print(
        f"right with the embedded default: {right}/{len(outcomes)} = "
        f"{100 * right / max(1, len(outcomes)):.1f}% (target >= 95%)"
    )
    print(f"answers with invented prose: {prose} (target 0)")
    print(
        f"median turn, no re-plan: {statistics.median(times):.3f} s (target < 2 s)" if times else ""
    )
    by_kind: dict[str, list[bool]] = {}
    for o in outcomes:
        by_kind.setdefault(o.question.kind, []).append(o.right)
    print("by kind: " + ", ".join(f"{k} {sum(v)}/{len(v)}" for k, v in sorted(by_kind.items())))
    for o in [o for o in outcomes if not o.right][:15]:
        print(f"  MISS {o.question.text!r}: expected {o.question.expect} in {o.answer[:160]!r}")
