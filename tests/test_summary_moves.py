"""What a re-plan moved, as the chat says it: every scene when few; when a change of days
pushes the whole board on, how many only shifted and the biggest moves by name."""

from __future__ import annotations

from graph.summary import moved_text


def _move(scene: int, before: int, after: int) -> dict:
    return {"scene": str(scene), "from_day": before, "to_day": after}


def test_few_moves_are_all_named() -> None:
    assert moved_text([]) == "No scene changed day."
    text = moved_text([_move(4, 2, 5), _move(9, 7, 6)])
    assert text == "2 scenes moved: scene 4 (day 2 -> 5), scene 9 (day 7 -> 6)."


def test_many_moves_say_how_many_only_shifted_and_name_the_biggest() -> None:
    shifted = [_move(s, 10 + s, 11 + s) for s in range(20)]  # a day added ahead of them
    big = [_move(40, 3, 30), _move(41, 28, 2)]
    text = moved_text(shifted + big)
    assert text.startswith("22 scenes moved, 20 of them by 1 day only; the biggest moves: ")
    assert text.index("scene 40 (day 3 -> 30)") < text.index("scene 41 (day 28 -> 2)")
    assert text.index("scene 41") < text.index("scene 0 (day 10 -> 11)")
    assert text.endswith("...")  # 22 moves, 12 named


def test_cut_scenes_are_said_apart_even_among_many_moves() -> None:
    cut = {"scene": "40", "from_day": 6, "to_day": None}
    back = {"scene": "12", "from_day": None, "to_day": 3}
    assert moved_text([cut]) == "Cut: scene 40 (was day 6). No other scene changed day."
    many = [_move(s, 10 + s, 11 + s) for s in range(20)]
    text = moved_text([cut, back, *many])
    assert text.startswith("Cut: scene 40 (was day 6). Back on the board: scene 12 (day 3). ")
    assert "20 scenes moved, 20 of them by 1 day only" in text
