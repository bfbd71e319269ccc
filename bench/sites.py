"""Site inference accuracy: scene pairs correctly same-site / different-site on generated features.

`python -m bench sites [--quick]`. Each feature comes from `bench.scriptgen` with realistic site
structure (sites with several sets, headings written many ways, story runs, secondary
headings), is written as Fountain, parsed by the product's parser and grouped by
`tools.sites.infer_sites`; the truth is the generator's. Target: at least 95% of pairs right.
"""

from __future__ import annotations

import argparse
import itertools

from bench.scriptfmt import to_fountain
from bench.scriptgen import GenOptions, generate
from tools.parsing import read_script
from tools.sites import infer_sites

__all__ = ["pair_accuracy", "run"]

TARGET = 0.95


def pair_accuracy(truth: list[str], found: list[str]) -> float:
    """Share of scene pairs whose same-site / different-site verdict matches the truth."""
    pairs = list(itertools.combinations(range(len(truth)), 2))
    if not pairs:
        return 1.0
    right = sum((truth[a] == truth[b]) == (found[a] == found[b]) for a, b in pairs)
    return right / len(pairs)


def feature_accuracy(seed: int, scenes: int) -> tuple[float, int, int]:
    """(pair accuracy, true sites, found sites) of one generated feature."""
    gen = generate(GenOptions(seed=seed, scenes=scenes, pages=max(10, scenes * 4 // 5), sites=True))
    text = to_fountain(gen.title_page, gen.blocks())
    script = read_script(text.encode("utf-8"), filename="feature.fountain")
    if len(script.scenes) != len(gen.scenes):
        raise RuntimeError(f"parsed {len(script.scenes)} scenes of {len(gen.scenes)}")
    found = [a.site for a in infer_sites(script.scenes)]
    truth = [scene.site for scene in gen.scenes]
    return pair_accuracy(truth, found), len(set(truth)), len(set(found))


def run(args: argparse.Namespace) -> None:
    """Print pair accuracy per generated feature and the worst against the target."""
    seeds = range(1, 4) if args.quick else range(1, 11)
    scenes = 120 if args.quick else 180
    worst = 1.0
    for seed in seeds:
        accuracy, true_sites, found_sites = feature_accuracy(seed, scenes)
        worst = min(worst, accuracy)
        print(
            f"seed {seed:>2}: {scenes} scenes, {true_sites} sites (found {found_sites}), "
            f"pairs right {accuracy:.2%}"
        )
    verdict = "meets" if worst >= TARGET else "MISSES"
    print(f"worst {worst:.2%}: {verdict} the {TARGET:.0%} target")
