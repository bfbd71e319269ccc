"""A run of scene numbers ("scenes 5 to 8") asks of each scene in it, as a list does."""

from __future__ import annotations

import pytest

from graph.grammar import Lexicon, parse_message
from graph.grammar.omits import omit_changes
from graph.grammar.runs import MAX_RANGE

PEOPLE = Lexicon(cast=("MAYA", "NARRATOR"))


@pytest.mark.parametrize(
    ("text", "scenes"),
    [
        ("show scenes 5 to 8", ["5", "6", "7", "8"]),
        ("when do we shoot scenes 5 through 7?", ["5", "6", "7"]),
        ("who is in scenes 2-4?", ["2", "3", "4"]),
        ("what do scenes 10 thru 12 need?", ["10", "11", "12"]),
        ("tell me about scenes from 3 to scene 4", ["3", "4"]),
    ],
)
def test_a_run_of_scenes_asks_of_each(text: str, scenes: list[str]) -> None:
    request = parse_message(text, lexicon=PEOPLE)
    assert request is not None and request.kind == "question"
    assert [q.scene for q in request.queries] == scenes
    assert {q.kind for q in request.queries} == {"scene"}
    assert len({q.aspect for q in request.queries}) == 1


def test_a_run_too_long_or_backwards_is_not_read_as_a_list() -> None:
    for text in (f"show scenes 1 to {MAX_RANGE + 5}", "show scenes 8 to 5"):
        request = parse_message(text, lexicon=PEOPLE)
        scenes = [q.scene for q in request.queries] if request is not None else []
        assert len(scenes) <= 1, (text, scenes)


@pytest.mark.parametrize(
    ("text", "kind", "scenes"),
    [
        ("what if we cut scenes 20 to 22?", "omit", ["20", "21", "22"]),
        ("drop scenes 3-5 and 9", "omit", ["3", "4", "5", "9"]),
        ("put scenes 20 through 21 back", "restore", ["20", "21"]),
        ("restore scenes 7 to 8", "restore", ["7", "8"]),
    ],
)
def test_a_run_of_scenes_is_cut_or_restored_whole(text: str, kind: str, scenes: list[str]) -> None:
    changes = omit_changes(text)
    assert [(c.kind, c.scene) for c in changes] == [(kind, s) for s in scenes]
