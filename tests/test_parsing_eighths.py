"""Scene length in eighths: the measure agrees with Final Draft's stored lengths."""

from __future__ import annotations

import random
import textwrap

import pytest

from tests.conftest import SCREENPLAYS
from tools.parsing import ReadLimits, read_document, read_path, read_script
from tools.parsing.blocks import Block
from tools.parsing.build import split_scenes
from tools.parsing.eighths import (
    _wrapped,
    block_lines,
    eighths_from_lines,
    format_eighths,
    parse_length,
    scene_lines,
)

FDX = ["radio-studio.fdx", "national-stupidity.fdx"]


def _stored_and_measured(name: str) -> list[tuple[int, int]]:
    data = (SCREENPLAYS / name).read_bytes()
    doc = read_document(data, filename=name, limits=ReadLimits())
    pairs = []
    for raw in split_scenes(doc.blocks):
        assert raw.heading.stored_eighths is not None
        pairs.append((raw.heading.stored_eighths, eighths_from_lines(scene_lines(raw.measured))))
    return pairs


@pytest.mark.parametrize("name", FDX)
def test_measured_length_within_an_eighth_of_final_drafts_on_every_scene(name: str) -> None:
    pairs = _stored_and_measured(name)
    off = [(i + 1, s, m) for i, (s, m) in enumerate(pairs) if abs(s - m) > 1]
    assert not off, f"scenes off by more than 1/8 (scene, stored, measured): {off}"


@pytest.mark.parametrize("name", FDX)
def test_measured_total_within_one_page(name: str) -> None:
    pairs = _stored_and_measured(name)
    assert abs(sum(s for s, _ in pairs) - sum(m for _, m in pairs)) <= 8


def test_measure_is_mostly_exact() -> None:
    pairs = _stored_and_measured("national-stupidity.fdx")
    exact = sum(s == m for s, m in pairs)
    assert exact >= 0.75 * len(pairs), f"{exact}/{len(pairs)} exact"


@pytest.mark.parametrize("name", FDX)
def test_stored_length_is_preferred_and_flagged(name: str) -> None:
    script = read_path(SCREENPLAYS / name)
    assert all(scene.eighths_stored for scene in script.scenes)
    assert [s.eighths for s in script.scenes] == [s for s, _ in _stored_and_measured(name)]


def test_fountain_twin_measures_like_final_draft() -> None:
    fountain = read_path(SCREENPLAYS / "radio-studio.fountain")
    fdx = read_path(SCREENPLAYS / "radio-studio.fdx")
    assert not any(s.eighths_stored for s in fountain.scenes)
    for ours, theirs in zip(fountain.scenes, fdx.scenes, strict=True):
        assert abs(ours.eighths - theirs.eighths) <= 1


@pytest.mark.parametrize(
    ("text", "eighths"),
    [("3/8", 3), ("1 3/8", 11), ("2", 16), ("0 1/8", 1), ("", None), ("abc", None), ("1/4", None)],
)
def test_parse_length(text: str, eighths: int | None) -> None:
    assert parse_length(text) == eighths


@pytest.mark.parametrize(("eighths", "text"), [(1, "1/8"), (8, "1"), (11, "1 3/8"), (16, "2")])
def test_format_eighths(eighths: int, text: str) -> None:
    assert format_eighths(eighths) == text


@pytest.mark.parametrize(("lines", "eighths"), [(0, 1), (1, 1), (7, 1), (7.5, 2), (56, 8), (57, 9)])
def test_eighths_from_lines(lines: float, eighths: int) -> None:
    assert eighths_from_lines(lines) == eighths


def test_wrapping_widths_and_blank_lines() -> None:
    action = Block("action", "word " * 30)  # 150 characters: three 60-column lines
    dialogue = Block("dialogue", "word " * 14)  # 70 characters: two 35-column lines
    assert block_lines(action) == 1 + 3
    assert block_lines(dialogue) == 0 + 2
    assert block_lines(Block("note", "not printed")) == 0
    assert block_lines(Block("action", "x", extent_lines=4.5)) == 4.5


def test_rejoin_measures_hard_wrapped_lines_as_one_paragraph() -> None:
    block = Block("action", "short line\nanother short line\nthird")
    assert block_lines(block) == 1 + 3
    assert block_lines(block, rejoin=True) == 1 + 1


def test_measurement_stops_at_the_end() -> None:
    body = "\n\n".join(["Action line."] * 20)
    text = f"INT. A - DAY\n\nShort.\n\n> THE END <\n\n{body}\n".encode()
    assert read_script(text, filename="e.fountain").scenes[0].eighths == 1


@pytest.mark.parametrize("seed", range(5))
def test_fast_wrap_agrees_with_textwrap(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(400):
        sizes = [
            rng.choice([1, 2, 3, 5, 8, 12, 24, 25, 26, 35, 36, 60, 61, 130]) for _ in range(30)
        ]
        text = " ".join("x" * size for size in sizes[: rng.randint(1, 30)])
        width = rng.choice([25, 35, 60])
        expected = max(1, len(textwrap.wrap(text, width=width, break_long_words=True)))
        assert _wrapped(text, width) == expected
