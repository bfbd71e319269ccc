"""A sites CSV uploaded in the chat: recognised by its header (it is not a script), read
within bounds, applied to the session's site corrections and re-planned stably, with the
scenes that changed site in the answer; a bad CSV is a clear message and nothing changes."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.providers import ModelSet
from graph.sites_upload import is_site_csv, read_site_csvs
from greenlight.chat.uploads import UploadRejected, check_upload
from tests.test_graph import assistant, provider, turn
from tests.test_graph_sites import SCRIPT
from tools.sites import looks_like_corrections, read_corrections_upload
from tools.sites.upload import MAX_CSV_BYTES, MAX_CSV_ROWS

MB = 1024 * 1024


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"scene,site,set\n2,HARBOR OFFICE,DESK\n", True),
        (b"\xef\xbb\xbfLocation , Site\nKITCHEN,MILLER HOUSE\n", True),
        (b"scene,site\n", True),
        (b"location,site,kind\nLIGHTHOUSE,LIGHTHOUSE,stage\n", True),
        (b"Title: Sites\n\nINT. KITCHEN - DAY\n", False),
        (b"category,item,rate\ncrew,camera,900\n", False),  # a rate card
        (b"scene,site,notes about the day\n1,A,b\n", False),
        (b"\xff\xfe\x00s\x00c\x00e\x00n\x00e", False),
        (b"", False),
    ],
)
def test_a_sites_csv_is_recognised_by_its_header(data: bytes, expected: bool) -> None:
    assert looks_like_corrections(data) is expected


def test_a_csv_is_never_read_as_a_script_whatever_its_name() -> None:
    assert is_site_csv("fixes.txt", b"scene,site\n1,PIER\n")
    assert is_site_csv("rates.CSV", b"category,item\n")  # read as sites CSV, refused there
    assert not is_site_csv("draft.fountain", b"INT. KITCHEN - DAY\n")


def test_rows_of_both_kinds_are_read() -> None:
    data = b"scene,site,set\n2,Harbor Office,DESK\n3,HARBOR OFFICE,\n"
    corrections = read_corrections_upload(data)
    assert [(s.first, s.site, s.set) for s in corrections.scenes] == [
        ("2", "Harbor Office", "DESK"),
        ("3", "HARBOR OFFICE", None),
    ]
    by_place = read_corrections_upload(b"location,site,kind\nKITCHEN,MILLER HOUSE,stage\n")
    assert by_place.locations == {"KITCHEN": "MILLER HOUSE"}
    assert by_place.kinds == {"MILLER HOUSE": "stage"}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"scene,site\n", "no corrections under it"),
        (b"scene,site\n2,\n", "line 2: the site is empty"),
        (b"scene,site\n,PIER\n", "give a scene number or a location"),
        (b"location,site,kind\nPIER,PIER,castle\n", "kind 'castle' is not one of"),
        (b"category,item,rate\ncrew,camera,900\n", "needs a header 'scene,site,set'"),
        ("scene,site\n2,CAFÉ\n".encode("latin-1"), "not UTF-8 text"),
        (b"scene,site\n2,PI\x00ER\n", "NUL bytes"),
        (b'scene,site\n2,"PIER\n', "not a readable CSV"),
        (b"scene,site\n2," + b"P" * 300 + b"\n", "a cell is over 200 characters"),
        (b"scene,site\n" + b"2,PIER\n" * (MAX_CSV_ROWS + 1), "more than 5,000 rows"),
        (b"scene,site\n" + b"2,PIER" + b" " * MAX_CSV_BYTES, "over the 1,024 KB"),
    ],
)
def test_a_bad_csv_says_what_to_fix(data: bytes, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        read_corrections_upload(data)


def test_bad_files_get_a_notice_and_good_ones_merge() -> None:
    record, notices = read_site_csvs(
        [
            ("a.csv", b"scene,site\n2,PIER\n"),
            ("rates.csv", b"category,item\nx,y\n"),
            ("b.csv", b"location,site\nKITCHEN,MILLER HOUSE\n"),
        ]
    )
    assert record is not None and record["names"] == ["a.csv", "b.csv"] and record["rows"] == 2
    assert len(notices) == 1 and notices[0].startswith("I could not use rates.csv as a sites CSV")


def test_the_chat_takes_a_csv_within_its_own_bound() -> None:
    assert check_upload("sites.csv", 10_000, max_bytes=20 * MB) == ".csv"
    with pytest.raises(UploadRejected, match="over the 1,024 KB a sites CSV may be"):
        check_upload("sites.csv", 2 * MB, max_bytes=20 * MB)


def _csv(tmp_path: Path, name: str, text: str) -> list[dict[str, str]]:
    path = tmp_path / name
    path.write_bytes(text.encode())
    return [{"name": name, "path": str(path)}]


async def test_an_uploaded_csv_replans_with_stability_and_says_what_changed(
    tmp_path: Path,
) -> None:
    script = tmp_path / "sites.fountain"
    script.write_text(SCRIPT, encoding="utf-8")
    async with assistant(tmp_path, ModelSet(local=provider("fake", replies=["Done."]))) as a:
        first = await turn(a, "", [{"name": script.name, "path": str(script)}])
        assert first.version == 1
        before = {s["scene"]: s["site"] for s in first.plan["sites"]}  # type: ignore[index]
        assert before["2"] == "HARBOR OFFICE" and before["3"] == "OLD PIER"

        csv = "scene,site,set\n3,harbor office,PIER DESK\n5,OLD PIER,\n"
        fixed = await turn(a, "", _csv(tmp_path, "sites.csv", csv))
        assert fixed.request is not None and fixed.request["kind"] == "what_if"
        assert fixed.version == 2
        current = await a.context.plans.current("t1")
        assert current is not None
        saved = current.inputs["site_corrections"]["scenes"]
        assert [(s["first"], s["site"]) for s in saved] == [
            ("3", "harbor office"),
            ("5", "OLD PIER"),
        ]
        after = {s["scene"]: s for s in current.plan["sites"]}
        assert after["3"]["site"] == "HARBOR OFFICE" and after["3"]["set"] == "PIER DESK"
        assert after["5"]["site"] == "OLD PIER"
        assert "sites.csv: 2 site corrections applied; 2 scenes changed site" in fixed.answer
        assert fixed.facts["site_csv"]["changed_scenes"] == ["3", "5"]
        # As in test_graph_sites: turnaround is a rule, so when the day scenes share a day the
        # nights cannot go first before ANNA's day call and move up too.
        assert len(current.plan["schedule"]["moved_strips"]) <= 4

        # A chat correction afterwards adds to the CSV's: both stay in force.
        more = await turn(a, "KITCHEN is in the Miller house")
        assert more.version == 3
        current = await a.context.plans.current("t1")
        assert current is not None and len(current.inputs["site_corrections"]["scenes"]) == 2

        bad = await turn(a, "", _csv(tmp_path, "wrong.csv", "scene,site\n40,LIGHTHOUSE\n"))
        assert "no scene 40" in bad.answer and bad.version == 3
        broken = await turn(a, "", _csv(tmp_path, "rates.csv", "category,item\ncrew,x\n"))
        assert "I could not use rates.csv as a sites CSV" in broken.answer
        assert broken.version == 3
        again = await turn(a, "what is the budget")
        assert again.version == 3 and "budget" in again.answer.lower()


async def test_a_csv_before_any_script_is_kept_out(tmp_path: Path) -> None:
    async with assistant(tmp_path, ModelSet()) as a:
        alone = await turn(a, "", _csv(tmp_path, "sites.csv", "scene,site\n1,PIER\n"))
    assert "there is no script yet" in alone.answer and alone.version is None


async def test_a_csv_through_the_chat_turn_is_applied_and_answered(tmp_path: Path) -> None:
    from greenlight.chat.assistant import AssistantHost
    from greenlight.chat.preferences import Preferences
    from greenlight.chat.turn import Attachment, TurnInput
    from greenlight.chat.turn import run_turn as chat_turn
    from greenlight.settings import Settings
    from tests.test_chat_turn import Recorder

    settings = Settings(data_dir=tmp_path, _env_file=None)  # type: ignore[call-arg]
    host = AssistantHost(settings, models=ModelSet())

    def message(name: str, data: bytes) -> TurnInput:
        return TurnInput(
            thread_id="t1",
            user_id="maya",
            text="",
            preferences=Preferences(),
            settings=settings,
            attachments=(Attachment(name, data),),
        )

    rec = Recorder()
    try:
        assistant = await host.start()
        await chat_turn(message("sites.fountain", SCRIPT.encode()), rec, assistant=assistant)
        await chat_turn(
            message("sites.csv", b"location,site\nOLD PIER,LIGHTHOUSE\n"), rec, assistant=assistant
        )
    finally:
        await host.close()
    answer = rec.messages[-1][0]
    assert "Re-planned as version 2" in answer
    assert "sites.csv: 1 site correction applied; 1 scene changed site (scenes 3)" in answer
    assert "Current plan: version 2" in answer
