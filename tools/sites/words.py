"""The words site inference reads: rooms and areas, dwellings, time phrases, spelling variants.

Kept apart from the rules so a reader can see (and extend) what the inference knows. Every
entry is upper case and compared after `names.tokens` normalisation (no possessives, no
plurals, hyphens split).
"""

from __future__ import annotations

__all__ = [
    "AREAS",
    "DROPPED_PARTS",
    "DWELLINGS",
    "OUTSIDE_AREAS",
    "SPELLING",
    "VEHICLE_WORDS",
]


def _phrases(text: str) -> frozenset[str]:
    return frozenset(" ".join(line.split()) for line in text.strip().splitlines() if line.strip())


#: Rooms and areas that are parts of a larger place: a set, not a site.
AREAS: frozenset[str] = _phrases(
    """
    KITCHEN
    KITCHENETTE
    BEDROOM
    MASTER BEDROOM
    GUEST BEDROOM
    GUEST ROOM
    LIVING ROOM
    SITTING ROOM
    DINING ROOM
    FRONT ROOM
    BACK ROOM
    MAIN ROOM
    BATHROOM
    HALLWAY
    HALL
    CORRIDOR
    BASEMENT
    ATTIC
    CELLAR
    GARAGE
    BACKYARD
    BACK YARD
    FRONT YARD
    YARD
    GARDEN
    PORCH
    FRONT PORCH
    BACK PORCH
    FRONT DOOR
    BACK DOOR
    DOORWAY
    DRIVEWAY
    STAIR
    STAIRCASE
    STAIRWELL
    LANDING
    DEN
    STUDY
    FOYER
    ENTRANCE
    ROOF
    ROOFTOP
    NURSERY
    PANTRY
    LAUNDRY ROOM
    CLOSET
    LOBBY
    WAITING ROOM
    RECEPTION
    WARD
    OPERATING ROOM
    ICU
    ELEVATOR
    LOCKER ROOM
    SHOWER
    BULLPEN
    INTERROGATION ROOM
    HOLDING CELL
    CELL
    BREAK ROOM
    CONFERENCE ROOM
    CONTROL ROOM
    PARKING LOT
    LOADING DOCK
    BALCONY
    TERRACE
    PATIO
    PARLOR
    VESTIBULE
    BACKSTAGE
    COCKPIT
    ENGINE ROOM
    BOILER ROOM
    SERVER ROOM
    CAFETERIA
    GYM
    CLASSROOM
    """
)

#: Areas outside a building that a CONTINUOUS scene leads straight into (the same site).
OUTSIDE_AREAS: frozenset[str] = _phrases(
    """
    STREET
    SIDEWALK
    ALLEY
    PARKING LOT
    FRONT DOOR
    FRONT STEP
    DRIVEWAY
    PORCH
    FRONT PORCH
    BACKYARD
    YARD
    OUTSIDE
    """
)

#: Head nouns of a home: "MILLER HOUSE", "MILLER KITCHEN" and "MILLER'S" are one site.
DWELLINGS: frozenset[str] = frozenset(
    {
        "HOUSE",
        "HOME",
        "RESIDENCE",
        "APARTMENT",
        "FLAT",
        "CONDO",
        "MANSION",
        "CABIN",
        "COTTAGE",
        "FARMHOUSE",
        "FARM",
        "RANCH",
        "ESTATE",
        "PLACE",
        "TRAILER",
        "LOFT",
        "BUNGALOW",
        "VILLA",
    }
)

#: Heading parts that say when or how, never where.
DROPPED_PARTS: frozenset[str] = _phrases(
    """
    DAY
    NIGHT
    LATER
    CONTINUOUS
    CONTINUED
    SAME
    SAME TIME
    MOMENTS LATER
    A BIT LATER
    A MOMENT LATER
    A SECOND LATER
    MINUTES LATER
    SECONDS LATER
    HOURS LATER
    LATER THAT DAY
    LATER THAT NIGHT
    LATER THAT MORNING
    THE NEXT DAY
    NEXT DAY
    FLASHBACK
    FLASH BACK
    BACK TO PRESENT
    PRESENT
    PRESENT DAY
    DREAM
    DREAM SEQUENCE
    FANTASY
    MONTAGE
    SERIES OF SHOTS
    MOVING
    TRAVELING
    TRAVELLING
    ESTABLISHING
    INTERCUT
    """
)

#: British and other spellings mapped to one form (compared token by token).
SPELLING: dict[str, str] = {
    "THEATRE": "THEATER",
    "CENTRE": "CENTER",
    "HARBOUR": "HARBOR",
    "PARLOUR": "PARLOR",
    "GREY": "GRAY",
    "JEWELLERY": "JEWELRY",
    "STOREY": "STORY",
    "SAINT": "ST",
    "APT": "APARTMENT",
    "BLDG": "BUILDING",
    "DEPT": "DEPARTMENT",
    "HQ": "HEADQUARTERS",
    "MT": "MOUNT",
    "RM": "ROOM",
    "HOSP": "HOSPITAL",
    "HOTELS": "HOTEL",
}

#: Words that make a place a vehicle (a process trailer or a car rig, priced as such).
VEHICLE_WORDS: frozenset[str] = frozenset(
    {
        "CAR",
        "TRUCK",
        "PICKUP",
        "VAN",
        "TAXI",
        "CAB",
        "LIMO",
        "LIMOUSINE",
        "JEEP",
        "SUV",
        "SEDAN",
        "AMBULANCE",
        "CRUISER",
        "MOTORCYCLE",
        "HELICOPTER",
        "BOAT",
        "YACHT",
        "AIRPLANE",
        "PLANE",
        "TRAIN",
        "BUS",
        "SUBWAY",
        "RV",
        "CAMPER",
    }
)
