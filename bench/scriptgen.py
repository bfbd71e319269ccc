"""A seeded generator of realistic feature-length screenplays, with the truth about each.

`generate(GenOptions(...))` returns a `GeneratedScript`: the structured model (per scene the
heading as written, INT/EXT, location, time of day, speakers) plus the body as format-neutral
`Block`s. `bench.scriptfmt` writes it as Fountain, Final Draft XML and typewriter plain text;
`bench.scriptpdf` renders it (or any Fountain file) to an industry-layout PDF.

Knobs (all in `GenOptions`, same seed -> same script, byte for byte):
- `seed`: the random seed.
- `scenes`: number of scenes (150 gives a feature).
- `pages`: target length in 56-line pages; scene bodies are sized so the total lands near it.
- `speaking_parts`: distinct speaking characters (at most len(SPEAKERS)); every one speaks.
- `non_speaking`: named characters who appear only in action lines.
- `secondary_headings`: scenes whose heading is a forced secondary heading (no INT/EXT).
- `a_scenes`: scenes numbered as inserts ("12A") instead of the next integer.
- `messy`: fraction of headings written with an irregular separator, case or spacing
  (`--`, `,`, `. `, en dash, double spaces, odd case), as PARSING.md lists from real files.
- `night`: fraction of scenes at night (the rest are day words: DAY, MORNING, DUSK, ...).
- `sites`: realistic site structure (`bench.scriptsites`): sites with several sets, written
  many ways, in story runs; each scene's truth then carries its `site` and `set`.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from bench.scriptsites import SitePlanner
from bench.scriptwords import (
    DAY_WORDS,
    ELEMENT_LINES,
    EXTENSIONS,
    LINE_WORDS,
    LOCATIONS,
    NIGHT_WORDS,
    NON_SPEAKING,
    PARENTHETICALS,
    SECONDARY,
    SPEAKERS,
    SUBLOCATIONS,
)
from tools.parsing.blocks import Block

__all__ = ["GenOptions", "GeneratedScript", "SceneTruth", "generate"]

LINES_PER_PAGE = 56
_PREFIXES = (("INT.", "INT"), ("EXT.", "EXT"), ("INT./EXT.", "INT/EXT"), ("EXT/INT.", "INT/EXT"))
_SEPARATORS = (" -- ", "--", ", ", ". ", " – ")
_INHERITING = ("CONTINUOUS", "LATER", "MOMENTS LATER", "SAME")


@dataclass(frozen=True)
class GenOptions:
    """The generator's knobs; see the module docstring."""

    seed: int = 7
    scenes: int = 150
    pages: int = 120
    speaking_parts: int = 40
    non_speaking: int = 12
    secondary_headings: int = 4
    a_scenes: int = 2
    messy: float = 0.3
    night: float = 0.35
    sites: bool = False


@dataclass
class SceneTruth:
    """What a correct parser must find in one generated scene."""

    number: str
    heading: str
    """As written in Fountain, FDX and plain text (PDF renders it upper case)."""
    int_ext: str | None
    location: str
    time_of_day: str | None
    lighting: str
    site: str = ""
    """With `GenOptions.sites`: the site the scene is truly at (the set's site)."""
    set: str = ""
    speakers: list[str] = field(default_factory=list)
    non_speaking: list[str] = field(default_factory=list)
    elements: dict[str, list[str]] = field(default_factory=dict)
    """Planted breakdown elements by category (the action line's key phrase)."""
    blocks: list[Block] = field(default_factory=list)
    """The body after the heading: action, cue, parenthetical, dialogue, transition."""


@dataclass
class GeneratedScript:
    """A generated screenplay: title page and scenes, each with its truth."""

    title: str
    author: str
    scenes: list[SceneTruth]
    options: GenOptions

    @property
    def title_page(self) -> dict[str, str]:
        """Title page fields as a Fountain title page would carry them."""
        return {"Title": self.title, "Credit": "Written by", "Author": self.author}

    @property
    def speakers(self) -> list[str]:
        """Every speaking character, in order of first line."""
        seen: dict[str, None] = {}
        for scene in self.scenes:
            seen.update(dict.fromkeys(scene.speakers))
        return list(seen)

    def blocks(self) -> list[Block]:
        """The whole script as blocks, headings carrying their scene numbers."""
        out: list[Block] = [Block("transition", "FADE IN:")]
        for scene in self.scenes:
            forced = scene.int_ext is None
            out.append(Block("heading", scene.heading, scene_number=scene.number, forced=forced))
            out.extend(scene.blocks)
        out.append(Block("transition", "FADE OUT."))
        return out


def generate(options: GenOptions | None = None) -> GeneratedScript:
    """Generate a screenplay and its truth from `options` (deterministic in the seed)."""
    opts = options or GenOptions()
    if opts.scenes < 1 or not 1 <= opts.speaking_parts <= len(SPEAKERS):
        raise ValueError(f"bad generator options: {opts!r}")
    rng = random.Random(opts.seed)
    cast = SPEAKERS[: opts.speaking_parts]
    extras = NON_SPEAKING[: opts.non_speaking]
    secondary = set(
        rng.sample(range(1, opts.scenes), min(opts.secondary_headings, opts.scenes - 1))
    )
    inserts = set(rng.sample(range(2, opts.scenes), min(opts.a_scenes, max(opts.scenes - 2, 0))))
    budget = opts.pages * LINES_PER_PAGE / opts.scenes
    scenes: list[SceneTruth] = []
    number, lighting = 0, "DAY"
    planner = SitePlanner(random.Random(opts.seed + 1)) if opts.sites else None
    for index in range(opts.scenes):
        label = f"{number}A" if index in inserts else str(number := number + 1)
        if index in secondary:
            scene = _secondary_scene(rng, label, scenes[-1])
        else:
            scene = _scene_heading(rng, opts, label, lighting, planner)
        lighting = scene.lighting
        # Everyone gets a line early on, so all speaking parts appear even in short scripts.
        must = [cast[index % len(cast)], cast[(index * 7 + 3) % len(cast)]]
        _fill_body(rng, scene, cast, extras, must, lines=rng.uniform(0.2, 1.25) * budget)
        scenes.append(scene)
    return GeneratedScript(
        "THE LONG NIGHT OF ORSON BELL", "Generated by bench.scriptgen", scenes, opts
    )


def _scene_heading(
    rng: random.Random, opts: GenOptions, label: str, lighting: str, planner: SitePlanner | None
) -> SceneTruth:
    written, int_ext = rng.choices(_PREFIXES, weights=(10, 8, 1, 1))[0]
    location = rng.choice(LOCATIONS)
    if rng.random() < 0.25:
        location = f"{location} - {rng.choice(SUBLOCATIONS)}"
    place = planner.next() if planner is not None else None
    if place is not None:
        location, int_ext = place.location, place.int_ext
        written = "INT." if int_ext == "INT" else "EXT."
    roll = rng.random()
    if roll < 0.1:
        time, light = rng.choice(_INHERITING), lighting
    elif roll < 0.14:
        time, light = None, "DAY"
    else:
        light = "NIGHT" if rng.random() < opts.night else "DAY"
        time = rng.choice(NIGHT_WORDS if light == "NIGHT" else DAY_WORDS)
    messy = rng.random() < opts.messy
    sep = rng.choice(_SEPARATORS) if messy else " - "
    if sep == ". " and " - " in location:
        sep = " -- "
    shown_location = location.title() if messy and rng.random() < 0.3 else location
    shown_time = time
    if time and messy and rng.random() < 0.3:
        shown_time = time[0].lower() + time[1:]
    space = "  " if messy and rng.random() < 0.3 else " "
    heading = f"{written}{space}{shown_location}" + (f"{sep}{shown_time}" if shown_time else "")
    site, set_ = (place.site, place.set) if place is not None else ("", "")
    return SceneTruth(label, heading, int_ext, location, time, light, site, set_)


def _secondary_scene(rng: random.Random, label: str, before: SceneTruth) -> SceneTruth:
    text = rng.choice(SECONDARY)
    return SceneTruth(label, text, None, text, None, before.lighting, before.site, before.set)


def _fill_body(
    rng: random.Random,
    scene: SceneTruth,
    cast: tuple[str, ...],
    extras: tuple[str, ...],
    must: list[str],
    *,
    lines: float,
) -> None:
    """Alternate action and speeches until the scene's line budget is spent."""
    used = 0.0
    people = list(dict.fromkeys([*must, *rng.sample(cast, k=rng.randint(0, 3))]))
    pending = list(people)
    last_speaker = ""
    first = True
    while first or used < lines or pending:
        if first or rng.random() < 0.35:
            used += _add_action(rng, scene, extras, first=first)
            first = False
            last_speaker = ""
            continue
        speaker = pending.pop(0) if pending else rng.choice(people)
        used += _add_speech(rng, scene, speaker, cont=speaker == last_speaker)
        last_speaker = speaker
        if used > 4 * lines + 40:
            break


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(LINE_WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + rng.choice((".", ".", "?", "!", "..."))


def _add_action(
    rng: random.Random, scene: SceneTruth, extras: tuple[str, ...], *, first: bool
) -> float:
    parts = [_sentence(rng, rng.randint(6, 14)) for _ in range(rng.randint(1, 4))]
    if first and extras and rng.random() < 0.3:
        name = rng.choice(extras)
        parts.insert(0, f"{name} ({rng.randint(20, 70)}s) waits by the door, saying nothing.")
        if name not in scene.non_speaking:
            scene.non_speaking.append(name)
    if rng.random() < 0.3:
        category, phrase, line = rng.choice(ELEMENT_LINES)
        parts.append(line)
        scene.elements.setdefault(category, []).append(phrase)
    text = " ".join(parts)
    scene.blocks.append(Block("action", text))
    return 1 + -(-len(text) // 60)


def _add_speech(rng: random.Random, scene: SceneTruth, speaker: str, *, cont: bool) -> float:
    ext = rng.choice(EXTENSIONS) if rng.random() < 0.12 else ""
    if cont:
        ext = f"{ext}(CONT'D)" if ext else " (CONT'D)"
    scene.blocks.append(Block("cue", f"{speaker}{ext}"))
    used = 1.0
    if rng.random() < 0.2:
        scene.blocks.append(Block("parenthetical", rng.choice(PARENTHETICALS)))
        used += 1
    # A few long speeches, so page breaks fall inside dialogue and produce (MORE)/(CONT'D).
    count = rng.randint(6, 12) if rng.random() < 0.1 else rng.randint(1, 3)
    text = " ".join(_sentence(rng, rng.randint(4, 11)) for _ in range(count))
    scene.blocks.append(Block("dialogue", text))
    if speaker not in scene.speakers:
        scene.speakers.append(speaker)
    return used + -(-len(text) // 35)
