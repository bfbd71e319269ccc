"""Printed documents read back: each PDF's text against the plan, strip colours from pixels.

Every document is rendered for the shared script and a generated feature, its text extracted
with pdfminer and checked against the plan's scenes, days, cast and pages; the stripboard's
PNG is sampled down one column and must show the strips' colours in board order. The PNGs are
kept in test-artifacts/paperwork/ for a person to look at.
"""

from __future__ import annotations

import re
from typing import cast

import pytest

from tests.paperwork_plans import ARTIFACTS, feature_plan, pdf_rows, pdf_text, shared_plan
from tools.paperwork import COLOURS, Board, build_board, cast_calls, pages, render_document
from tools.paperwork.callsheet import NO_ADDRESS, CallOptions, starts
from tools.paperwork.preview import page_count, preview_png
from tools.paperwork.stripboard import BANNER, DAY_BREAK

PLANS = {"shared": shared_plan, "feature": feature_plan}


@pytest.fixture(scope="module", params=sorted(PLANS))
def board(request: pytest.FixtureRequest) -> Board:
    script, plan = PLANS[request.param]()
    return build_board(plan, script, version=3, version_date="2026-12-01")


def _render(board: Board, doc: str, **kw: object) -> tuple[bytes, str]:
    rendered = render_document(board, doc, **kw)  # type: ignore[arg-type]
    assert rendered.data.startswith(b"%PDF")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    tag = f"{board.title[:12]}-{rendered.name}".replace(" ", "_").replace("/", "_")
    (ARTIFACTS / f"{tag}.png").write_bytes(preview_png(rendered.data))
    return rendered.data, " ".join(pdf_text(rendered.data).split())


def test_the_board_follows_the_plan(board: Board) -> None:
    _script, plan = PLANS["shared" if "STUPIDITY" in board.title else "feature"]()
    assert [[s.number for s in d.scenes] for d in board.days] == [
        d.strips for d in plan.schedule.days
    ]
    assert board.detailed
    assert sorted(n for _, n in board.cast) == sorted(
        {n for s in plan.problem.strips for n in s.cast}
    )


def test_stripboard_text_has_every_scene_day_and_cast_member(board: Board) -> None:
    pdf, text = _render(board, "stripboard")
    assert board.stamp in text
    for day in board.days:
        assert f"END OF DAY {day.number} of {len(board.days)} · {day.date}" in text
        assert f"{pages(day.eighths)} pages" in text
    rows = pdf_rows(pdf)
    strips = [r for r in rows if re.match(r"^\S+ [DN] (INT|EXT)", r)]
    assert [r.split()[0] for r in strips] == [s.number for s in board.scenes]
    for row, scene in zip(strips, board.scenes, strict=True):
        night = "N" if scene.lighting == "NIGHT" else "D"
        assert row.startswith(f"{scene.number} {night} {scene.int_ext}. ")
        assert f" {pages(scene.eighths)} {','.join(map(str, scene.cast_ids))}" in row
    for cast_id, name in board.cast:
        assert f"{cast_id}. {name}" in text
    assert 1 <= page_count(pdf) <= len(board.scenes) // 10 + 3


def _runs(png: bytes, x_mm: float) -> list[str]:
    """Colour names down a vertical line of a page, one per strip-high run."""
    import io

    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("RGB")
    x = round(x_mm / 25.4 * 100)
    palette = {**{k: v for k, v in COLOURS.items()}, "move": BANNER, "break": DAY_BREAK}
    names: list[str | None] = []
    runs: list[str] = []
    for y in range(image.height):
        pixel = cast(tuple[int, int, int], image.getpixel((x, y)))
        name = min(
            palette,
            key=lambda k: sum((a - b) ** 2 for a, b in zip(palette[k], pixel, strict=False)),
        )
        close = sum((a - b) ** 2 for a, b in zip(palette[name], pixel, strict=False)) < 900
        names.append(name if close else None)
    start = 0
    for y in range(1, len(names) + 1):
        if y == len(names) or names[y] != names[start]:
            if (found := names[start]) and 18 <= y - start <= 26:  # a strip is 6 mm, 23 px
                runs.append(found)
            start = y
    return runs


def test_strip_colours_sampled_from_the_png_follow_the_board(board: Board) -> None:
    pdf, _ = _render(board, "stripboard")
    expected = []
    for day in board.days:
        previous = None
        for scene in day.scenes:
            if previous is not None and scene.site != previous:
                expected.append("move")
            expected.append(scene.colour_key)
            previous = scene.site
        expected.append("break")
    # Just inside the right edge (10 mm margin + 195.9 mm): text always stops 1 mm short of it.
    x_mm = 10 + 195.9 - 0.6
    seen = []
    for page in range(page_count(pdf)):
        seen += _runs(preview_png(pdf, page=page), x_mm)
    assert seen == expected
    assert {"int-day", "ext-day"} <= set(seen)


def test_oneliner_and_schedule_have_days_totals_and_scenes(board: Board) -> None:
    _, one = _render(board, "oneliner")
    _, long = _render(board, "schedule", paper="a4")
    for day in board.days:
        total = f"End of day {day.number}: {len(day.scenes)} scenes · {pages(day.eighths)} pages"
        assert total in one and total in long
        assert f"Day {day.number} of {len(board.days)} · {day.date}" in one
    for scene in board.scenes:
        assert f"Sc. {scene.number} " in long
        assert f"{pages(scene.eighths)} pgs" in one
    shown = [s for s in board.scenes if len(s.heading) < 60]
    missing = [s.heading for s in shown if " ".join(s.heading.split()) not in long]
    assert not missing
    moves = sum(
        1
        for d in board.days
        for a, b in zip(d.scenes, d.scenes[1:], strict=False)
        if a.site != b.site
    )
    assert one.count("COMPANY MOVE to") == moves == long.count("COMPANY MOVE to")


def test_dood_rows_read_back_code_by_code_in_id_order(board: Board) -> None:
    pdf, text = _render(board, "dood")
    assert len(board.days) <= 24 and page_count(pdf) == 1
    rows = [r for r in pdf_rows(pdf) if re.match(r"^\d+ ", r) and not re.fullmatch(r"[\d ]+", r)]
    expected = []
    for row in board.dood:
        codes = " ".join(c for c in row["codes"] if c)
        start, finish = (board.days[row[k]].date for k in ("start_day", "finish_day"))
        totals = f"{row['work_days']} {row['hold_days']} {row['drop_days']} {start} {finish}"
        expected.append(f"{row['id']} {row['name']} {codes} {totals}")
    assert rows == expected
    assert [row["id"] for row in board.dood] == list(range(1, len(board.dood) + 1))
    assert "SW start work" in text


def test_breakdown_has_one_page_per_scene(board: Board) -> None:
    pdf, text = _render(board, "breakdown")
    assert page_count(pdf) == len(board.scenes)
    for scene in board.scenes:
        assert f"Scene {scene.number} " in text
    for box in ("Cast", "Extras", "Stunts", "Vehicles", "Props", "Wardrobe", "Make-up", "VFX"):
        assert text.count(box) >= len(board.scenes)


def test_call_sheet_times_sites_and_advance(board: Board) -> None:
    options = CallOptions(
        crew_call="06:30",
        shooting_call="07:30",
        makeup_lead_minutes=60,
        addresses={board.days[1].sites[0]: "12 Dock Road, Leith"},
    )
    pdf, text = _render(board, "callsheet", day=2, options=options)
    rows = pdf_rows(pdf)
    day = board.days[1]
    assert day.date and f"Day 2 of {len(board.days)} Date: {day.date}" in text
    assert "Crew call 06:30" in text and "Shooting call 07:30" in text
    assert "12 Dock Road, Leith" in text
    assert text.count(NO_ADDRESS) == len(day.sites) - 1
    calls = cast_calls(board, day, options)
    assert calls and calls[0].on_set >= "07:30"
    for call in calls:
        line = f"{call.cast_id} {call.name} {call.first_scene} {call.on_set} {call.call}"
        assert line in rows
    for scene, start in starts(day, options):
        assert any(
            r.startswith(f"{scene.number} {scene.int_ext}. ") and r.endswith(start) for r in rows
        )
    first_call = min(c.call for c in calls if c.on_set == "07:30")
    assert first_call == "06:30"
    advance = text.split("Advance schedule")[1]
    assert all(s.number in advance for s in board.days[2].scenes)


def test_call_sheet_for_a_day_that_does_not_exist_says_so(board: Board) -> None:
    with pytest.raises(ValueError, match=f"has {len(board.days)} days"):
        render_document(board, "callsheet", day=len(board.days) + 1)


def test_letter_and_a4_differ_in_page_size(board: Board) -> None:
    import pypdfium2 as pdfium

    sizes = {}
    for paper in ("letter", "a4"):
        doc = pdfium.PdfDocument(render_document(board, "oneliner", paper=paper).data)
        sizes[paper] = tuple(round(v) for v in doc[0].get_size())
        doc.close()
    assert sizes == {"letter": (612, 792), "a4": (595, 842)}


def test_fonts_are_embedded() -> None:
    script, plan = shared_plan()
    pdf = render_document(
        build_board(plan, script, version=1, version_date="2026-12-01"), "stripboard"
    ).data
    assert b"/FontFile2" in pdf and b"DejaVu" in pdf
