"""Reader specifics: Fountain syntax, typewriter plain text, Final Draft XML, detection."""

from __future__ import annotations

import pytest

from tools.parsing import ReadLimits, read_document, read_script
from tools.parsing.decode import decode_text
from tools.parsing.detect import detect_format
from tools.script import ScriptError

TYPEWRITER = """\
                                                            1.
               FADE IN:

          1    INT. DINER - NIGHT                                   1

               Rain streaks the windows. MARGE, 40s, wipes the
               counter with a rag while a TRUCKER eats pie at the
               far end of the room.

                                     MARGE
                          You want more coffee, hon? We got
                          fresh pie too.

                                     TRUCKER (O.S.)(CONT'D)
                               (not looking up)
                          Just the check.

                                                       CUT TO:

          2    EXT. PARKING LOT - CONTINUOUS                        2

               The TRUCKER climbs into his rig. A DOG barks
               from the passenger seat.

                                     MARGE
                          Drive safe!

                                     (MORE)
                                                            2.
                                     MARGE (CONT'D)
                          And call your mother.
"""


def test_typewriter_layout_scenes_speakers_and_numbers() -> None:
    script = read_script(TYPEWRITER.encode(), filename="diner.txt")
    assert script.format == "text"
    assert [s.heading for s in script.scenes] == [
        "INT. DINER - NIGHT",
        "EXT. PARKING LOT - CONTINUOUS",
    ]
    assert [s.number for s in script.scenes] == ["1", "2"]
    first, second = script.scenes
    assert first.speakers == ["MARGE", "TRUCKER"]
    assert first.extensions == {"TRUCKER": ["O.S.", "CONT'D"]}
    assert second.speakers == ["MARGE"]
    assert second.non_speaking == ["TRUCKER"]
    assert (second.lighting, second.time_of_day_inferred) == ("NIGHT", True)
    assert "(MORE)" not in second.text and "And call your mother." in second.text


def test_typewriter_layout_keeps_source_lines_for_elements() -> None:
    script = read_script(TYPEWRITER.encode(), filename="diner.txt")
    dog = script.scenes[1].elements["animals"][0]
    assert dog.name == "dog" and dog.line_no == 22 and "A DOG barks" in dog.line
    rain = script.scenes[0].elements["sfx"][0]
    assert (
        rain.line_no
        == TYPEWRITER.split("\n").index(
            "               Rain streaks the windows. MARGE, 40s, wipes the"
        )
        + 1
    )


def test_typewriter_detected_from_content_whatever_the_name() -> None:
    assert read_script(TYPEWRITER.encode(), filename="diner.fountain").format == "text"


def test_flat_plain_text_reads_like_fountain() -> None:
    text = b"INT. OFFICE - DAY\n\nPAM types.\n\nPAM\nMorning.\n\nJIM\nMorning.\n"
    script = read_script(text, filename="office.txt")
    assert script.format == "text"
    assert script.speakers == ["PAM", "JIM"]


FOUNTAIN = """\
Title: **The Test**
Author: Someone
Draft date: 1 May
    revised

/* A boneyard /* nested */ still ignored */

INT. HALL - DAY #3#

= Our hero arrives.

[[Production note: needs a crane
across two lines]]

.BACK IN THE HALL

!INT. THIS IS ACTION

ALICE ^
Hello.

BOB ^
Hi.

~Happy birthday

> FADE TO:

===

# Act Two

EXT. YARD - NIGHT

CAROL
(whispers)
Quiet, quiet.

> THE END <
"""


def test_fountain_syntax() -> None:
    script = read_script(FOUNTAIN.encode(), filename="t.fountain")
    assert script.title == "The Test"
    assert script.title_page["Draft Date"] == "1 May revised"
    assert [s.heading for s in script.scenes] == [
        "INT. HALL - DAY",
        "BACK IN THE HALL",
        "EXT. YARD - NIGHT",
    ]
    hall, back, yard = script.scenes
    assert hall.number == "3" and hall.synopsis == "Our hero arrives."
    assert hall.notes == ["Production note: needs a crane across two lines"]
    assert back.int_ext is None and back.time_of_day_inferred
    assert "INT. THIS IS ACTION" in back.text
    assert back.speakers == ["ALICE", "BOB"]
    assert yard.speakers == ["CAROL"] and "(whispers)" in yard.text
    assert "boneyard" not in " ".join(s.text for s in script.scenes)


def test_fountain_dual_dialogue_marks_both_cues() -> None:
    doc = read_document(FOUNTAIN.encode(), filename="t.fountain", limits=ReadLimits())
    dual = [(b.text, b.dual) for b in doc.blocks if b.kind == "cue"]
    assert dual == [("ALICE ^", True), ("BOB ^", True), ("CAROL", False)]


def test_crlf_and_bom_are_normalised() -> None:
    text = "\ufeffINT. A - DAY\r\n\r\nBOB\r\nHi.\r\n".encode()
    script = read_script(text, filename="a.fountain")
    assert script.scenes[0].speakers == ["BOB"]


FDX = """\ufeffsome junk a mail client added
<?xml version="1.0" encoding="UTF-8"?>
<FinalDraft DocumentType="Script" Version="5">
<Content>
  <Paragraph Number="4A" Type="Scene Heading">
    <SceneProperties Length="1 2/8" Page="3">
      <Summary><Paragraph><Text>SUMMARY TEXT</Text></Paragraph></Summary>
    </SceneProperties>
    <Text>INT. BANK - </Text><Text>NIGHT</Text>
  </Paragraph>
  <Paragraph Type="Action">
    <Text>A GUARD </Text><Text TagNumber="1">snores</Text><Text> by the </Text>
    <Text TagNumber="2">vault</Text><Text>.</Text>
    <ScriptNote><Paragraph><Text>Check the vault size</Text></Paragraph></ScriptNote>
  </Paragraph>
  <Paragraph Type="General">
    <DualDialogue>
      <Paragraph Type="Character"><Text>ROSA</Text></Paragraph>
      <Paragraph Type="Dialogue"><Text>Now.</Text></Paragraph>
      <Paragraph Type="Character"><Text>LEO (V.O.)</Text></Paragraph>
      <Paragraph Type="Dialogue"><Text>Not yet.</Text></Paragraph>
    </DualDialogue>
  </Paragraph>
  <Paragraph Type="Mystery Type"><Text>Something odd.</Text></Paragraph>
  <Paragraph Type="Scene Heading"><Text>EXT. STREET - CONTINUOUS</Text></Paragraph>
  <Paragraph Type="Action"><Text>Sirens.</Text></Paragraph>
</Content>
<TitlePage><Content><Paragraph><Text>THE HEIST</Text></Paragraph></Content></TitlePage>
<TagData>
  <TagCategories>
    <TagCategory Id="c1" Name="Cast Members" Number="1"/>
    <TagCategory Id="c5" Name="Props" Number="5"/>
  </TagCategories>
  <TagDefinitions>
    <TagDefinition CatId="c1" Id="d1" Label="GUARD" Number="1"/>
    <TagDefinition CatId="c5" Id="d2" Label="vault door" Number="2"/>
  </TagDefinitions>
  <Tags>
    <Tag Number="1"><DefId>d1</DefId></Tag>
    <Tag Number="2"><DefId>d2</DefId></Tag>
  </Tags>
</TagData>
</FinalDraft>
"""


def test_final_draft_reader() -> None:
    script = read_script(FDX.encode(), filename="heist.fdx")
    assert script.format == "fdx" and script.title == "THE HEIST"
    bank, street = script.scenes
    assert (bank.number, bank.heading, bank.page) == ("4A", "INT. BANK - NIGHT", "3")
    assert (bank.eighths, bank.eighths_stored) == (10, True)
    assert bank.synopsis == "SUMMARY TEXT" and "SUMMARY" not in bank.text
    assert bank.speakers == ["ROSA", "LEO"] and bank.extensions == {"LEO": ["V.O."]}
    assert bank.notes == ["Check the vault size"]
    assert "Something odd." in bank.text
    assert any("Mystery Type" in w for w in script.warnings)
    assert (street.number, street.lighting, street.time_of_day_inferred) == ("2", "NIGHT", True)
    assert not street.eighths_stored


def test_final_draft_tags_are_imported_as_explicit_elements() -> None:
    bank = read_script(FDX.encode(), filename="heist.fdx").scenes[0]
    vault = bank.elements["props"][0]
    assert (vault.name, vault.explicit) == ("vault door", True)
    assert "GUARD" in bank.non_speaking
    assert any(e.name == "GUARD" for e in bank.elements["cast"])


def test_final_draft_dual_dialogue_cues_are_marked() -> None:
    doc = read_document(FDX.encode(), filename="heist.fdx", limits=ReadLimits())
    assert [(b.text, b.dual) for b in doc.blocks if b.kind == "cue"] == [
        ("ROSA", True),
        ("LEO (V.O.)", True),
    ]


@pytest.mark.parametrize(
    ("data", "filename", "expected"),
    [
        (b"%PDF-1.7\n...", "script.fountain", "pdf"),
        (b"junk\n%PDF-1.4\n", "x.bin", "pdf"),
        (FDX.encode(), "heist.txt", "fdx"),
        (b"INT. A - DAY\n\nGo.\n", "a.pdf", "fountain"),
        (b"INT. A - DAY\n\nGo.\n", "a.txt", "text"),
        (TYPEWRITER.encode(), "a.fountain", "text"),
    ],
)
def test_format_from_content(data: bytes, filename: str, expected: str) -> None:
    assert detect_format(data, filename=filename) == expected


@pytest.mark.parametrize(
    ("data", "text", "guessed"),
    [
        ("INT. CAFÉ".encode(), "INT. CAFÉ", None),
        ("INT. CAFÉ".encode("utf-16"), "INT. CAFÉ", None),
        ("INT. CAFÉ\n".encode("utf-16-be"), "INT. CAFÉ\n", None),
        ("\ufeffINT. CAFÉ".encode(), "INT. CAFÉ", None),
        ("INT. CAFÉ - crème brûlée\r\n".encode("latin-1"), "INT. CAFÉ - crème brûlée\n", "cp1252"),
        (
            "INT. DOM - DZIEŃ\n\nZośka czeka. Żółć gęślą jaźń.\n".encode("cp1250"),
            "INT. DOM - DZIEŃ\n\nZośka czeka. Żółć gęślą jaźń.\n",
            "cp1250",
        ),
    ],
)
def test_decode(data: bytes, text: str, guessed: str | None) -> None:
    assert decode_text(data) == (text, guessed)


def test_decode_refuses_binary() -> None:
    with pytest.raises(ScriptError, match="binary"):
        decode_text(bytes(range(1, 32)) * 100)


def test_typewriter_secondary_heading_needs_blank_lines_around_it() -> None:
    text = (
        "INT. HOUSE - NIGHT\n\nAnna waits.\n\n"
        "                      ANNA\n          Where is he?\n\n\n"
        "BACK IN THE KITCHEN\n\nThe kettle screams.\n\n"
        "                      ANNA\n          Coming!\n\n"
        "                      ANNA (O.S.)\n          Now!\n\n"
        "SILENCE\nfills the room.\n"
    )
    script = read_script(text.encode(), filename="house.txt")
    assert [s.heading for s in script.scenes] == ["INT. HOUSE - NIGHT", "BACK IN THE KITCHEN"]
    assert script.scenes[1].int_ext is None and script.scenes[1].lighting == "NIGHT"
    assert "SILENCE" in script.scenes[1].text
