"""Bad input that is not PDF: each kind fails fast with one clear line, or works when it should.

Every row goes through `read_script` and through the real CLI (`greenlight.cli.main`).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

from greenlight.cli import main
from tests.conftest import SCREENPLAYS
from tools.parsing import ReadLimits, read_path, read_script
from tools.script import ScriptError

GOOD = b"INT. HOUSE - DAY\n\nJohn sits.\n\nJOHN\nHello.\n"
ACCENTED = "INT. CAFÉ - DAY\n\nZoë waits by the crème brûlée.\n\nZOË\nÇa va?\n"


def _billion_laughs() -> bytes:
    entities = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)
    ]
    return (
        '<?xml version="1.0"?>\n<!DOCTYPE FinalDraft [' + "".join(entities) + "]>\n"
        '<FinalDraft><Content><Paragraph Type="Action"><Text>&lol9;</Text></Paragraph>'
        "</Content></FinalDraft>"
    ).encode()


def _external_entity() -> bytes:
    return (
        b'<?xml version="1.0"?>\n<!DOCTYPE FinalDraft [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
        b'<FinalDraft><Content><Paragraph Type="Scene Heading"><Text>INT. &x; - DAY</Text>'
        b"</Paragraph></Content></FinalDraft>"
    )


def _many_scenes() -> bytes:
    return b"".join(b"INT. ROOM %d - DAY\n\nAction.\n\n" % i for i in range(10_001))


Maker = Callable[[], bytes]
# kind, bytes, file name, a phrase the message must contain ("" = it must work)
CASES: list[tuple[str, Maker, str, str]] = [
    ("empty file", lambda: b"", "a.fountain", "empty"),
    ("whitespace only", lambda: b" \n\t\n  \r\n", "a.fountain", "empty"),
    ("random binary", lambda: bytes(range(256)) * 64, "a.fountain", "binary"),
    ("PNG renamed", lambda: b"\x89PNG\r\n\x1a\n" + bytes(200), "a.fountain", "PNG image"),
    ("ZIP renamed", lambda: b"PK\x03\x04" + bytes(200), "a.fountain", "ZIP archive"),
    ("ELF renamed", lambda: b"\x7fELF\x02\x01\x01" + bytes(200), "a.fdx", "ELF executable"),
    ("gzip renamed", lambda: b"\x1f\x8b\x08\x00" + bytes(50), "a.txt", "gzip"),
    ("JSON document", lambda: b'{"scenes": [{"heading": "INT. A"}]}', "a.fountain", "JSON"),
    (
        "HTML page",
        lambda: b"<!DOCTYPE html><html><body>INT. A - DAY</body></html>",
        "a.txt",
        "HTML",
    ),
    (
        "prose, no headings",
        lambda: b"It was a dark night.\n\nThe end came.\n",
        "a.txt",
        "no scene headings",
    ),
    ("XML bomb .fdx", _billion_laughs, "bomb.fdx", "DTD or entities"),
    ("external entity .fdx", _external_entity, "xxe.fdx", "DTD or entities"),
    (
        "XML, not Final Draft",
        lambda: b'<?xml version="1.0"?><score><a>INT.</a></score>',
        "a.fdx",
        "not a Final Draft",
    ),
    (
        "Final Draft without content",
        lambda: b"<FinalDraft Version='5'></FinalDraft>",
        "a.fdx",
        "no script content",
    ),
    (
        "truncated FDX",
        lambda: (SCREENPLAYS / "radio-studio.fdx").read_bytes()[:2500],
        "a.fdx",
        "truncated",
    ),
    ("NUL bytes in text", lambda: GOOD + b"\x00\x00" + GOOD, "a.fountain", "NUL"),
    ("invalid UTF-16 BOM", lambda: b"\xff\xfe" + b"\x00\xd8" * 3, "a.fountain", "UTF-8"),
    ("10,001 scenes", _many_scenes, "many.fountain", "10001 scenes"),
    (
        "2 MB on one line",
        lambda: b"INT. HOUSE - DAY " + b"John sits. " * 190_000,
        "oneline.txt",
        "characters long, over the 1000-character limit",
    ),
    (
        "deeply nested FDX",
        lambda: (
            b"<FinalDraft><Content>"
            + b"<DualDialogue>" * 5000
            + b"</DualDialogue>" * 5000
            + b"</Content></FinalDraft>"
        ),
        "deep.fdx",
        "nested far deeper",
    ),
    ("UTF-16 with BOM works", lambda: ACCENTED.encode("utf-16"), "a.fountain", ""),
    ("UTF-16 without BOM works", lambda: ACCENTED.encode("utf-16-le"), "a.fountain", ""),
    ("Latin-1 works", lambda: ACCENTED.encode("latin-1"), "a.fountain", ""),
    ("Fountain named .fdx works", lambda: GOOD, "a.fdx", ""),
]


@pytest.mark.parametrize(("kind", "make", "filename", "phrase"), CASES, ids=[c[0] for c in CASES])
def test_read_script(kind: str, make: Maker, filename: str, phrase: str) -> None:
    data = make()
    start = time.perf_counter()
    if not phrase:
        script = read_script(data, filename=filename)
        assert script.scenes and script.speakers[0] in {"ZOË", "JOHN"}
        return
    with pytest.raises(ScriptError) as caught:
        read_script(data, filename=filename)
    message = str(caught.value)
    assert phrase in message and "\n" not in message and ":" in message
    assert time.perf_counter() - start < 5


@pytest.mark.parametrize(("kind", "make", "filename", "phrase"), CASES, ids=[c[0] for c in CASES])
def test_cli(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    kind: str,
    make: Maker,
    filename: str,
    phrase: str,
) -> None:
    path = tmp_path / filename
    path.write_bytes(make())
    status = main(["breakdown", str(path)])
    out, err = capsys.readouterr()
    if not phrase:
        assert (status, err) == (0, "") and "1 scenes" in out
        return
    assert status == 1 and out == ""
    assert err.startswith("error: ") and err.count("\n") == 1 and phrase in err
    assert "Traceback" not in err


def test_latin1_text_keeps_its_accents_and_warns() -> None:
    script = read_script(ACCENTED.encode("latin-1"), filename="a.fountain")
    assert script.scenes[0].heading == "INT. CAFÉ - DAY" and "crème brûlée" in script.scenes[0].text
    assert any("cp1252" in w for w in script.warnings)


def test_size_limit_small(tmp_path: Path) -> None:
    limits = ReadLimits(max_bytes=100)
    with pytest.raises(ScriptError, match="over the 100 bytes limit"):
        read_script(GOOD * 5, limits=limits)
    path = tmp_path / "big.fountain"
    path.write_bytes(GOOD * 5)
    with pytest.raises(ScriptError, match="over the 100 bytes limit"):
        read_path(path, limits=limits)


def test_size_limit_default_checked_before_reading(tmp_path: Path) -> None:
    assert ReadLimits().max_bytes == 20 * 1024 * 1024
    path = tmp_path / "huge.fountain"
    with path.open("wb") as handle:  # sparse: costs no disk, and read_path must not read it
        handle.truncate(ReadLimits().max_bytes + 1)
    start = time.perf_counter()
    with pytest.raises(ScriptError, match=r"20\.0 MB, over the 20\.0 MB limit"):
        read_path(path)
    assert time.perf_counter() - start < 1


def test_cli_size_limit_comes_from_settings(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GREENLIGHT_MAX_UPLOAD_MB", "0.00005")
    path = tmp_path / "a.fountain"
    path.write_bytes(GOOD * 10)
    assert main(["breakdown", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: the file is 420 bytes, over the 52 bytes limit")


def test_directory_is_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["breakdown", str(tmp_path)]) == 1
    assert capsys.readouterr().err.startswith("error: ")
