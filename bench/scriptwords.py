"""Word lists for `bench.scriptgen`: names, places, times of day and planted breakdown lines."""

from __future__ import annotations

__all__ = [
    "DAY_WORDS",
    "ELEMENT_LINES",
    "EXTENSIONS",
    "LINE_WORDS",
    "LOCATIONS",
    "NIGHT_WORDS",
    "NON_SPEAKING",
    "PARENTHETICALS",
    "SECONDARY",
    "SPEAKERS",
    "SUBLOCATIONS",
]

#: Speaking parts; digits, apostrophes and titles as real cues have them.
SPEAKERS: tuple[str, ...] = (
    "ORSON", "MAYA", "DETECTIVE RUIZ", "HELEN", "TOMMY", "GRACE", "VICTOR", "NADIA",
    "1ST COP", "2ND COP", "WILL'S DATE", "DR. OKAFOR", "FATHER DOYLE", "BARTENDER", "LENA",
    "MARCUS", "OLD WOMAN", "PILOT", "SERGEANT PIKE", "JUNE", "ABE", "KOVAC", "PRIYA",
    "MRS. DALE", "THE STRANGER", "REPORTER", "NURSE", "CAPTAIN REYES", "EDDIE", "SOFIA",
    "WALTER", "BEA", "DISPATCHER", "RANGER", "FRANKIE", "MILO", "TEACHER", "KID", "JUDGE",
    "GUARD", "CLERK", "DRIVER", "MECHANIC", "WAITRESS", "COACH",
)  # fmt: skip

#: Named characters who never speak (introduced in action, upper case, with an age).
NON_SPEAKING: tuple[str, ...] = (
    "MARGARET HOLT", "SILAS", "THE TWINS", "BRUNO", "AUNT CLEO", "MR. FENWICK", "DEACON",
    "ROSALIND", "OTTO", "IVY", "GUS", "WREN", "HOLLIS", "PETRA",
)  # fmt: skip

LOCATIONS: tuple[str, ...] = (
    "BELL HOUSE", "POLICE STATION", "HARBOR", "DINER", "SUTTER HOUSE", "HIGHWAY 9",
    "ST. JUDE'S HOSPITAL", "RIVERSIDE MOTEL", "ORSON'S CAR", "COURTHOUSE", "FOREST ROAD",
    "WAREHOUSE", "SCHOOL GYM", "CHURCH", "RADIO STATION", "CITY PARK", "AIRFIELD",
    "MAYA'S APARTMENT", "BUS DEPOT", "LIGHTHOUSE", "MARKET SQUARE", "SAN FRANCISCO APARTMENT",
    "JUNKYARD", "RANGER STATION",
)  # fmt: skip

SUBLOCATIONS: tuple[str, ...] = (
    "KITCHEN",
    "FRONT DOOR",
    "BASEMENT",
    "ROOF",
    "HALLWAY",
    "PARKING LOT",
    "BACK ROOM",
)

DAY_WORDS: tuple[str, ...] = ("DAY", "DAY", "DAY", "MORNING", "AFTERNOON", "DAWN", "SUNRISE")
NIGHT_WORDS: tuple[str, ...] = ("NIGHT", "NIGHT", "NIGHT", "EVENING", "DUSK")

#: Forced secondary headings: no INT/EXT, no time of day.
SECONDARY: tuple[str, ...] = (
    "BACK IN THE APARTMENT",
    "LATER IN THE CAR",
    "THE ROOFTOP",
    "INSIDE THE VAN",
    "BACK AT THE DINER",
)

EXTENSIONS: tuple[str, ...] = (" (V.O.)", " (O.S.)", " (O.C.)")

PARENTHETICALS: tuple[str, ...] = (
    "(quietly)",
    "(beat)",
    "(into the phone)",
    "(not looking up)",
    "(to Maya)",
    "(laughing)",
)

_TEXT = """you never told me about the night we left the harbor and the car was still running
    there is nothing here for us now so keep your voice down they will hear every word
    listen I know what I saw out there by the old road before the lights went out again
    maybe tomorrow we can try the other way around the hills but not with him along
    what did the doctor say about the letter she found in the drawer last winter"""
LINE_WORDS: tuple[str, ...] = tuple(_TEXT.split())

#: (category, key phrase, action line) planted in action paragraphs.
ELEMENT_LINES: tuple[tuple[str, str, str], ...] = (
    ("stunts", "crashes through", "Orson crashes through the railing and falls ten feet."),
    ("stunts", "fight", "A brutal fight breaks out; Kovac is thrown across the bar."),
    ("vehicles", "POLICE CAR", "A POLICE CAR screeches to a halt, lights flashing."),
    ("vehicles", "PICKUP TRUCK", "An old PICKUP TRUCK rattles past and skids off the road."),
    ("animals", "horse", "A horse rears up in its stall, eyes white with fear."),
    ("animals", "dog", "A German shepherd dog barks at the fence."),
    ("extras", "crowd", "A crowd of fifty protesters surges toward the courthouse steps."),
    ("extras", "patrons", "Diner patrons turn to stare."),
    ("vfx", "glow", "The lighthouse lamp begins to glow a sickly green, impossibly bright."),
    ("vfx", "monitor", "On the monitor, a face appears that should not be there."),
    ("sfx", "rain", "Heavy rain hammers the windows."),
    ("sfx", "explosion", "An explosion rocks the warehouse; smoke pours out of the doors."),
    ("sfx", "fire", "Fire races up the curtains."),
    ("minors", "TOMMY (9)", "TOMMY (9) hides under the table, clutching a toy plane."),
    ("weapons", "revolver", "Pike draws a revolver and levels it at the door."),
)
