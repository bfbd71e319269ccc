"""Upload checks and chat settings validation, independent of the browser's own checks."""

from __future__ import annotations

import pytest

from greenlight.chat.preferences import Preferences, from_values, initial_preferences, widgets
from greenlight.chat.uploads import UploadRejected, check_upload, display_name
from greenlight.settings import Settings

MB = 1024 * 1024


@pytest.mark.parametrize(
    ("name", "suffix"),
    [
        ("script.fountain", ".fountain"),
        ("Big Fish.FDX", ".fdx"),
        ("draft.v2.pdf", ".pdf"),
        ("notes.txt", ".txt"),
        ("../../etc/script.txt", ".txt"),
    ],
)
def test_screenplay_files_are_accepted(name: str, suffix: str) -> None:
    assert check_upload(name, 10_000, max_bytes=20 * MB) == suffix


@pytest.mark.parametrize(
    ("name", "size", "message"),
    [
        ("budget.xlsx", 1000, "not a screenplay file"),
        ("script.fountain.exe", 1000, "not a screenplay file"),
        ("noextension", 1000, "not a screenplay file"),
        ("image.png", 1000, "not a screenplay file"),
        ("script.pdf", 0, "empty"),
        ("script.pdf", 21 * MB, "over the 20 MB limit"),
    ],
)
def test_other_files_are_refused_with_a_reason(name: str, size: int, message: str) -> None:
    with pytest.raises(UploadRejected, match=message):
        check_upload(name, size, max_bytes=20 * MB)


def test_limit_must_be_positive() -> None:
    with pytest.raises(ValueError, match="max_bytes"):
        check_upload("a.txt", 1, max_bytes=0)


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("C:\\Users\\me\\script.fdx", "script.fdx"),
        ("/etc/passwd", "passwd"),
        ("bad\x00name\n.txt", "bad?name?.txt"),
        ("", "file"),
        ("x" * 200 + ".txt", "x" * 77 + "..."),
    ],
)
def test_display_name_is_a_printable_base_name(raw: str, shown: str) -> None:
    assert display_name(raw) == shown


def test_initial_preferences_follow_settings() -> None:
    prefs = initial_preferences(Settings(currency="EUR", pages_per_day=3.5, privacy_mode="off"))
    assert (prefs.currency, prefs.pages_per_day, prefs.privacy_mode) == ("EUR", 3.5, "off")
    ids = [w.id for w in widgets(prefs)]
    assert ids == [
        "model_preference",
        "privacy_mode",
        "schedule_by",
        "pages_per_day",
        "days",
        "currency",
    ]


@pytest.mark.parametrize(
    ("values", "field", "expected"),
    [
        ({"model_preference": "local"}, "model_preference", "local"),
        ({"currency": "eur"}, "currency", "EUR"),
        ({"schedule_by": "days", "days": 24}, "days", 24),
        ({"days": ""}, "days", None),
        ({"pages_per_day": 5.5, "unknown": 1}, "pages_per_day", 5.5),
    ],
)
def test_settings_values_are_validated(values: dict, field: str, expected: object) -> None:
    assert getattr(from_values(values, base=Preferences()), field) == expected


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"model_preference": "gpt-9"}, "model_preference"),
        ({"pages_per_day": 0}, "pages_per_day"),
        ({"days": 400}, "days"),
        ({"currency": "E1R"}, "currency"),
        ({"currency": "EURO"}, "currency"),
    ],
)
def test_bad_settings_name_the_field(values: dict, field: str) -> None:
    with pytest.raises(ValueError, match=field):
        from_values(values, base=Preferences())


def test_read_upload_reads_only_inside_the_upload_folder(tmp_path) -> None:
    from greenlight.chat.session import read_upload

    root = tmp_path / "files"
    root.mkdir()
    (root / "abc.fdx").write_bytes(b"<FinalDraft/>")
    got = read_upload("Big Fish.fdx", root / "abc.fdx", max_bytes=MB, root=root)
    assert (got.name, got.data) == ("Big Fish.fdx", b"<FinalDraft/>")
    outside = tmp_path / "secret.txt"
    outside.write_text("INT. VAULT - NIGHT")
    with pytest.raises(UploadRejected, match="not received"):
        read_upload("secret.txt", outside, max_bytes=MB, root=root)
    with pytest.raises(UploadRejected, match="not received"):
        read_upload("x.txt", root / ".." / "secret.txt", max_bytes=MB, root=root)
    with pytest.raises(UploadRejected, match="not a screenplay"):
        read_upload("abc.exe", root / "abc.fdx", max_bytes=MB, root=root)
    with pytest.raises(UploadRejected, match="limit"):
        read_upload("abc.fdx", root / "abc.fdx", max_bytes=4, root=root)
