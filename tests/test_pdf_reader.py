"""The PDF reader: layout classification on hand-built pages, and real fixtures rendered to PDF."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bench.scriptpdf import fountain_to_pdf, render_pdf
from tools.parsing.blocks import Block
from tools.parsing.limits import ReadLimits
from tools.parsing.pdf import read_pdf
from tools.parsing.pdf_layout import classify

CHAR = 7.2  # Courier 12 advance
COLUMNS = {"heading": 108.0, "action": 108.0, "dialogue": 180.0, "paren": 216.0, "cue": 266.4}


def line(top: float, x: float, text: str, *, size: float = 12.0, char: float = CHAR) -> list[Any]:
    """One worker line: words placed as a monospaced font would place them."""
    words, cursor = [], x
    for word in text.split(" "):
        if word:
            words.append([cursor, cursor + char * len(word), word])
        cursor += char * (len(word) + 1)
    return [top, top + size, size, words]


def page(*lines: list[Any]) -> dict[str, Any]:
    return {"width": 612.0, "height": 792.0, "images": 0, "lines": list(lines)}


def numbered(top: float, text: str, number: str) -> list[Any]:
    """A heading with its scene number in both margins."""
    row = line(top, COLUMNS["heading"], text)
    row[3] = [[54.0, 54.0 + CHAR * len(number), number], *row[3], [558.0, 572.0, number]]
    return row


def kinds(blocks: list[Block]) -> list[tuple[str, str]]:
    return [(block.kind, block.text) for block in blocks]


def test_columns_decide_the_element_and_margin_numbers_become_scene_numbers() -> None:
    doc = classify(
        [
            page(
                numbered(72, "INT. KITCHEN - NIGHT", "12A"),
                line(96, 108, "Maya opens the fridge."),
                line(120, 266.4, "MAYA (V.O.)"),
                line(132, 216, "(quietly)"),
                line(144, 180, "EXT. is what the sign says."),
                line(168, 108, "Ext. of the house looms behind her."),
                line(192, 430, "CUT TO:"),
            )
        ]
    )
    assert kinds(doc.blocks) == [
        ("heading", "INT. KITCHEN - NIGHT"),
        ("action", "Maya opens the fridge."),
        ("cue", "MAYA (V.O.)"),
        ("parenthetical", "(quietly)"),
        ("dialogue", "EXT. is what the sign says."),
        ("action", "Ext. of the house looms behind her."),
        ("transition", "CUT TO:"),
    ]
    assert doc.blocks[0].scene_number == "12A"


def test_page_artefacts_are_dropped_and_a_broken_speech_is_joined() -> None:
    first = page(
        line(40, 500, "1."),
        numbered(72, "EXT. HARBOR - DAY", "3"),
        line(96, 266.4, "ORSON"),
        line(108, 180, "I never told you about"),
        line(120, 266.4, "(MORE)"),
        line(132, 430, "(CONTINUED)"),
    )
    second = page(
        line(40, 500, "2."),
        numbered(72, "CONTINUED:", "3"),
        line(96, 266.4, "ORSON (CONT'D)"),
        line(108, 180, "the night we left."),
        line(132, 108, "He walks away."),
    )
    doc = classify([first, second])
    assert kinds(doc.blocks) == [
        ("heading", "EXT. HARBOR - DAY"),
        ("cue", "ORSON"),
        ("dialogue", "I never told you about the night we left."),
        ("action", "He walks away."),
    ]


def test_a_heading_that_wraps_is_joined_and_lower_case_is_never_a_heading() -> None:
    doc = classify(
        [
            page(
                numbered(72, "INT. ST. JUDE'S HOSPITAL - THE LONG CORRIDOR BEHIND THE", "4"),
                line(84, 108, "MORGUE - NIGHT"),
                line(108, 108, "Int. is short for interior, she explains."),
            )
        ]
    )
    assert kinds(doc.blocks) == [
        ("heading", "INT. ST. JUDE'S HOSPITAL - THE LONG CORRIDOR BEHIND THE MORGUE - NIGHT"),
        ("action", "Int. is short for interior, she explains."),
    ]


def test_a_title_page_is_skipped_and_read() -> None:
    title = page(
        line(250, 230, "THE HARBOR"), line(290, 250, "Written by"), line(310, 240, "Ann Lee")
    )
    body = page(numbered(72, "EXT. HARBOR - DAY", "1"), line(96, 108, "Gulls."))
    doc = classify([title, body])
    assert doc.title_page == {"Title": "THE HARBOR", "Credit": "Written by", "Author": "Ann Lee"}
    assert kinds(doc.blocks) == [("heading", "EXT. HARBOR - DAY"), ("action", "Gulls.")]


def test_extents_are_page_fractions_whatever_the_line_pitch() -> None:
    def full_page(pitch: float, count: int) -> dict[str, Any]:
        rows = [numbered(72, "INT. HALL - DAY", "1")]
        rows += [line(72 + pitch * (i + 1), 108, f"Line {i}.") for i in range(count - 1)]
        return page(*rows)

    courier = classify([full_page(12.0, 56)])
    times = classify([full_page(13.0, 51)])
    # 56 lines, plus the blank line before a heading that the page break swallowed.
    assert sum(b.extent_lines or 0 for b in courier.blocks) == pytest.approx(57, abs=0.01)
    # 51 lines of 13 pt fill the same 672 pt: 55.25 lines of 12 pt, plus the blank (1.08).
    assert sum(b.extent_lines or 0 for b in times.blocks) == pytest.approx(56.33, abs=0.05)


def test_rendered_pdf_round_trips_blocks_and_title_page() -> None:
    blocks = [
        Block("heading", "INT. DINER - NIGHT", scene_number="1"),
        Block("action", "Rain on the glass. " * 8),
        Block("cue", "WAITRESS"),
        Block("parenthetical", "(pouring)"),
        Block("dialogue", "Coffee?"),
        Block("transition", "CUT TO:"),
        Block("heading", "EXT. DINER - CONTINUOUS", scene_number="2"),
        Block("action", "Steam rises."),
    ]
    data = render_pdf({"Title": "DINER", "Author": "Ann Lee"}, blocks)
    doc = read_pdf(data, limits=ReadLimits())
    assert doc.title_page["Title"] == "DINER" and doc.title_page["Author"] == "Ann Lee"
    assert [(b.kind, " ".join(b.text.split())) for b in doc.blocks] == [
        (b.kind, " ".join(b.text.split())) for b in blocks
    ]
    assert [b.scene_number for b in doc.blocks if b.kind == "heading"] == ["1", "2"]


FIXTURES = ["the-library-freak-out", "afterwriting-syntax-test", "radio-studio"]


@pytest.fixture(scope="module", params=FIXTURES)
def fixture_pair(request: pytest.FixtureRequest, screenplays_dir: Path) -> tuple[Any, Any, bytes]:
    """A shared Fountain fixture parsed as Fountain and as a PDF rendered from it."""
    from tools.parsing import read_script

    source = (screenplays_dir / f"{request.param}.fountain").read_bytes()
    pdf = fountain_to_pdf(source.decode("utf-8-sig"))
    fountain = read_script(source, filename=f"{request.param}.fountain")
    return fountain, read_script(pdf, filename=f"{request.param}.pdf"), pdf


def _heading(text: str) -> str:
    return " ".join(text.upper().split())


def test_fixture_pdf_gives_the_fountain_scenes(fixture_pair: tuple[Any, Any, bytes]) -> None:
    fountain, pdf, _ = fixture_pair
    assert pdf.format == "pdf"
    assert [_heading(s.heading) for s in pdf.scenes] == [
        _heading(s.heading) for s in fountain.scenes
    ]
    assert [s.number for s in pdf.scenes] == [s.number for s in fountain.scenes]
    assert [s.int_ext for s in pdf.scenes] == [s.int_ext for s in fountain.scenes]
    assert [s.time_of_day for s in pdf.scenes] == [s.time_of_day for s in fountain.scenes]


def test_fixture_pdf_gives_the_fountain_speakers(fixture_pair: tuple[Any, Any, bytes]) -> None:
    fountain, pdf, _ = fixture_pair
    assert [s.speakers for s in pdf.scenes] == [s.speakers for s in fountain.scenes]
    assert pdf.speakers == fountain.speakers


def test_fixture_pdf_keeps_the_title(fixture_pair: tuple[Any, Any, bytes]) -> None:
    fountain, pdf, _ = fixture_pair
    assert " ".join(pdf.title.split()) == " ".join(fountain.title.split())


def test_fixture_pdfs_carry_the_page_artefacts_the_reader_removes(screenplays_dir: Path) -> None:
    from tools.parsing.pdf import extract_pages

    source = (screenplays_dir / "afterwriting-syntax-test.fountain").read_text(encoding="utf-8-sig")
    pages = extract_pages(fountain_to_pdf(source), limits=ReadLimits())
    texts = [" ".join(word[2] for word in row[3]) for page in pages for row in page["lines"]]
    assert "written by" in texts[:5]
    assert "(MORE)" in texts
    assert any(text.endswith("(CONT'D)") for text in texts)
    assert "1 INT. BASIC BLOCKS - DAY 1" in texts
    assert any(text == "2." for text in texts)
