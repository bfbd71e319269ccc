"""Feature-length generated scripts: every format gives the generator's truth and agrees.

One 150-scene, ~120-page script (seed 7) is written as Fountain, Final Draft, typewriter plain
text and an industry-layout PDF, and each is read by `tools.parsing.read_script`. A second,
smaller script renders in 11 pt Times on 13 pt lines to exercise the non-Courier PDF path.

Eighths tolerance: the PDF measures each scene's vertical extent on the page, the text formats
wrap and count lines. Totals must agree within one page (8 eighths); each scene within 1/8,
which holds on every scene (ceil rounding of nearly equal line counts is the only difference).
"""

from __future__ import annotations

from typing import Any

import pytest

from bench.parse import documents
from bench.scriptgen import GeneratedScript, GenOptions, generate
from bench.scriptpdf import render_pdf
from tools.parsing.limits import ReadLimits
from tools.script import Script

FORMATS = ["fountain", "fdx", "text", "pdf"]
#: Formats with a title page the reader takes (typewriter text's centred title is not read).
TITLED = ["fountain", "fdx", "pdf"]


@pytest.fixture(scope="module")
def truth() -> GeneratedScript:
    return generate(GenOptions())


@pytest.fixture(scope="module")
def parsed() -> dict[str, Script]:
    """The generated script read from each format."""
    from tools.parsing import read_script

    return {fmt: read_script(data, filename=name) for fmt, (name, data) in documents().items()}


def _collapse(text: str) -> str:
    return " ".join(text.upper().split())


def test_the_generator_makes_a_feature(truth: GeneratedScript) -> None:
    assert len(truth.scenes) == 150
    assert len(truth.speakers) == 40
    assert len({scene.lighting for scene in truth.scenes}) == 2
    assert {"stunts", "vehicles", "animals", "extras", "vfx", "sfx", "minors"} <= {
        category for scene in truth.scenes for category in scene.elements
    }
    assert sum(scene.int_ext is None for scene in truth.scenes) == 4
    assert any(scene.number.endswith("A") for scene in truth.scenes)
    assert any("--" in s.heading or ", " in s.heading for s in truth.scenes)
    assert any(
        s.time_of_day in ("CONTINUOUS", "LATER", "MOMENTS LATER", "SAME") for s in truth.scenes
    )


def test_the_generator_is_deterministic_and_seeded() -> None:
    assert generate(GenOptions(seed=11, scenes=20)) == generate(GenOptions(seed=11, scenes=20))
    assert generate(GenOptions(seed=11, scenes=20)) != generate(GenOptions(seed=12, scenes=20))


def test_the_generated_pdf_is_about_120_pages(parsed: dict[str, Script]) -> None:
    pages = parsed["pdf"].total_eighths / 8
    assert 110 <= pages <= 135


@pytest.mark.parametrize("fmt", FORMATS)
def test_scenes_match_the_truth(
    fmt: str, parsed: dict[str, Script], truth: GeneratedScript
) -> None:
    script = parsed[fmt]
    assert script.format == fmt
    assert len(script.scenes) == len(truth.scenes)
    assert [_collapse(s.heading) for s in script.scenes] == [
        _collapse(t.heading) for t in truth.scenes
    ]
    assert [s.int_ext for s in script.scenes] == [t.int_ext for t in truth.scenes]
    assert [s.time_of_day for s in script.scenes] == [t.time_of_day for t in truth.scenes]
    assert [s.lighting for s in script.scenes] == [t.lighting for t in truth.scenes]
    primary = [(s, t) for s, t in zip(script.scenes, truth.scenes, strict=True) if t.int_ext]
    assert [s.location for s, _ in primary] == [t.location for _, t in primary]


@pytest.mark.parametrize("fmt", ["fountain", "fdx", "pdf"])
def test_scene_numbers_come_from_the_file(
    fmt: str, parsed: dict[str, Script], truth: GeneratedScript
) -> None:
    assert [s.number for s in parsed[fmt].scenes] == [t.number for t in truth.scenes]


@pytest.mark.parametrize("fmt", FORMATS)
def test_speakers_match_the_truth(
    fmt: str, parsed: dict[str, Script], truth: GeneratedScript
) -> None:
    script = parsed[fmt]
    assert [s.speakers for s in script.scenes] == [t.speakers for t in truth.scenes]
    assert script.speakers == truth.speakers
    assert len(script.speakers) == 40


@pytest.mark.parametrize("fmt", TITLED)
def test_title_page_is_read(fmt: str, parsed: dict[str, Script], truth: GeneratedScript) -> None:
    assert _collapse(parsed[fmt].title) == truth.title


def _facts(script: Script) -> list[tuple[Any, ...]]:
    return [
        (_collapse(s.heading), s.int_ext, s.location, s.time_of_day, s.lighting, tuple(s.speakers))
        for s in script.scenes
    ]


@pytest.mark.parametrize("fmt", ["fdx", "text", "pdf"])
def test_every_format_agrees_with_fountain(fmt: str, parsed: dict[str, Script]) -> None:
    assert _facts(parsed[fmt]) == _facts(parsed["fountain"])


def test_pdf_eighths_match_the_fountain_measure(parsed: dict[str, Script]) -> None:
    fountain, pdf = parsed["fountain"], parsed["pdf"]
    assert abs(pdf.total_eighths - fountain.total_eighths) <= 8
    for ours, theirs in zip(pdf.scenes, fountain.scenes, strict=True):
        assert abs(ours.eighths - theirs.eighths) <= 1, ours.heading


def test_a_non_courier_pdf_measures_pages_not_lines() -> None:
    from tools.parsing import read_script
    from tools.parsing.pdf import extract_pages

    script = generate(GenOptions(scenes=24, pages=18, seed=5))
    courier = render_pdf(script.title_page, script.blocks())
    times = render_pdf(script.title_page, script.blocks(), font="times", continueds=True)
    a, b = read_script(courier, filename="c.pdf"), read_script(times, filename="t.pdf")
    assert _facts(a) == _facts(b)
    assert [s.number for s in b.scenes] == [t.number for t in script.scenes]
    # Fewer lines a page: more pages, and each page still measures about 8/8.
    body_pages = len(extract_pages(times, limits=ReadLimits())) - 1
    assert body_pages > len(extract_pages(courier, limits=ReadLimits())) - 1
    assert abs(b.total_eighths / 8 - body_pages) <= 2
