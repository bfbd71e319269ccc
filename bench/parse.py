"""Parse time per format for a generated 150-scene, ~120-page script, against the targets.

`python -m bench parse [--quick]`: the same generated script as Fountain, Final Draft, typewriter
plain text and PDF, each read end to end by `tools.parsing.read_script` (PDF includes the
bounded child process). Median of five runs (one with --quick).
"""

from __future__ import annotations

import argparse
import statistics
import time

from bench.scriptfmt import to_fdx, to_fountain, to_text
from bench.scriptgen import GenOptions, generate
from bench.scriptpdf import render_pdf

__all__ = ["TARGETS", "documents", "run", "time_parse"]

#: Seconds allowed per format (issue #2): 0.5 s for Fountain and FDX, 5 s for PDF.
TARGETS: dict[str, float | None] = {"fountain": 0.5, "fdx": 0.5, "text": None, "pdf": 5.0}


def documents(options: GenOptions | None = None) -> dict[str, tuple[str, bytes]]:
    """The generated script in every format, as (file name, bytes)."""
    script = generate(options or GenOptions())
    page, blocks = script.title_page, script.blocks()
    return {
        "fountain": ("long.fountain", to_fountain(page, blocks).encode()),
        "fdx": ("long.fdx", to_fdx(page, blocks).encode()),
        "text": ("long.txt", to_text(page, blocks).encode()),
        "pdf": ("long.pdf", render_pdf(page, blocks)),
    }


def time_parse(name: str, data: bytes, *, runs: int) -> tuple[float, int]:
    """Median seconds of `runs` reads, and the scene count read."""
    from tools.parsing import read_script

    times, scenes = [], 0
    for _ in range(runs):
        started = time.perf_counter()
        script = read_script(data, filename=name)
        times.append(time.perf_counter() - started)
        scenes = len(script.scenes)
    return statistics.median(times), scenes


def run(args: argparse.Namespace) -> None:
    """Print one row per format: scenes, size, median seconds, target, verdict."""
    runs = 1 if getattr(args, "quick", False) else 5
    docs = documents()
    print(f"{'format':<9} {'scenes':>6} {'KB':>7} {'median s':>9} {'target s':>9}  verdict")
    for fmt, (name, data) in docs.items():
        seconds, scenes = time_parse(name, data, runs=runs)
        target = TARGETS[fmt]
        verdict = "-" if target is None else ("ok" if seconds < target else "SLOW")
        shown = "-" if target is None else f"{target:.1f}"
        print(
            f"{fmt:<9} {scenes:>6} {len(data) / 1024:>7.0f} {seconds:>9.3f} {shown:>9}  {verdict}"
        )
