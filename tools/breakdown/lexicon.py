"""The breakdown lexicons: what words in action lines put an element on the sheet.

One readable table: category -> element name -> regular-expression alternatives, matched
case-insensitively as whole words (so "horse" finds "horses" but never "horseradish").
Add a word by adding a row; the tests in tests/test_breakdown.py say which must not match.
"""

from __future__ import annotations

__all__ = ["LEXICON", "MINOR_AGE"]

#: Ages below this make a character a minor (studio teacher, limited hours).
MINOR_AGE = 18

_P = "s?"  # optional plural

LEXICON: dict[str, dict[str, tuple[str, ...]]] = {
    "extras": {
        "crowd": (r"crowds?", r"throngs?", r"mob"),
        "patrons": (r"patrons",),
        "passers-by": (r"passers-?by", r"pedestrians", r"bystanders", r"onlookers"),
        "guests": (r"guests", r"partygoers", r"party-goers", r"diners", r"customers"),
        "audience": (r"audience", r"spectators", r"fans"),
        "students": (r"students", r"pupils", r"classmates"),
        "soldiers": (r"soldiers", r"troops", r"guards", r"police officers", r"cops"),
        "workers": (r"workers", r"commuters", r"shoppers", r"tourists", r"protesters"),
        "dancers": (r"dancers",),
        "background": (r"extras", r"background (?:actors|people)"),
    },
    "stunts": {
        "fight": (r"fights?", r"fighting", r"brawls?", r"punch(?:es|ed)?", r"kicks?", r"tackles?"),
        "fall": (r"falls? (?:off|from|down|through|into)", r"fell (?:off|from|down|through)"),
        "crash": (r"crash(?:es|ed)?", r"collides?", r"collision", r"slams into"),
        "chase": (r"chases?", r"chasing", r"pursuit"),
        "jump": (r"leaps? (?:from|off|over|onto)", r"jumps? (?:from|off|over|onto|out of)"),
        "stunt": (r"stunts?", r"thrown (?:across|through|against)", r"knocked (?:down|out)"),
    },
    "vehicles": {
        "car": (r"cars?", r"sedans?", r"suvs?", r"jeeps?", r"convertibles?"),
        "police car": (r"police cars?", r"squad cars?", r"cruisers?"),
        "truck": (r"trucks?", r"pick-?ups?", r"lorr(?:y|ies)"),
        "van": (r"vans?",),
        "bus": (r"bus(?:es)?",),
        "taxi": (r"taxis?", r"taxi ?cabs?", r"yellow cabs?"),
        "motorcycle": (r"motorcycles?", r"motorbikes?"),
        "bicycle": (r"bicycles?", r"bikes?"),
        "ambulance": (r"ambulances?",),
        "helicopter": (r"helicopters?", r"choppers?"),
        "airplane": (r"airplanes?", r"aeroplanes?", r"planes?", r"jets?"),
        "boat": (r"boats?", r"ships?", r"yachts?", r"canoes?"),
        "train": (r"trains?",),
        "limousine": (r"limos?", r"limousines?"),
        "tractor": (r"tractors?",),
    },
    "animals": {
        "horse": (r"horses?", r"ponies", r"pony", r"mares?", r"stallions?"),
        "unicorn": (r"unicorns?",),
        "dog": (r"dogs?", r"pupp(?:y|ies)", r"hounds?"),
        "cat": (r"cats?", r"kittens?"),
        "bird": (r"birds?", r"pigeons?", r"crows?", r"parrots?", r"chickens?"),
        "cow": (r"cows?", r"cattle"),
        "sheep": (r"sheep", r"goats?"),
        "fish": (r"fish",),
        "snake": (r"snakes?",),
        "rat": (r"rats?", r"mice", r"mouse"),
    },
    "weapons": {
        "gun": (r"guns?", r"pistols?", r"revolvers?", r"handguns?", r"firearms?"),
        "rifle": (r"rifles?", r"shotguns?", r"machine guns?"),
        "knife": (r"knives", r"knife", r"daggers?", r"machetes?", r"blades?"),
        "sword": (r"swords?", r"sabres?", r"sabers?"),
        "axe": (r"axes?",),
        "bow": (r"crossbows?", r"bows? and arrows?", r"arrows"),
        "grenade": (r"grenades?",),
    },
    "sfx": {
        "fire": (r"fires?", r"flames?", r"burn(?:s|ing|ed)?", r"blaze"),
        "smoke": (r"smoke", r"smoky", r"smoking"),
        "rain": (r"rain(?:s|ing)?", r"downpour", r"drizzle"),
        "snow": (r"snow(?:s|ing)?", r"blizzard"),
        "fog": (r"fog", r"mist"),
        "wind": (r"wind", r"gusts?"),
        "explosion": (r"explosions?", r"explod(?:es|ed|ing)", r"blasts?"),
        "sparks": (r"sparks?",),
        "gunfire": (r"gunfire", r"gunshots?", r"shoots?", r"fires? (?:a|the|his|her) gun"),
        "rubble": (r"rubble", r"razed", r"debris"),
        "breaking glass": (r"shatter(?:s|ed|ing)?", r"smash(?:es|ed)?"),
        "lightning": (r"lightning", r"thunder"),
    },
    "vfx": {
        "creature": (r"dragons?", r"monsters?", r"creatures?", r"aliens?", r"unicorns?"),
        "ghost": (r"ghosts?", r"spirits?", r"phantoms?"),
        "magic": (r"magic(?:al)?", r"spells?", r"enchanted"),
        "magic shields": (r"glowy (?:magic )?shields?", r"force fields?", r"shields? intact"),
        "glowing eyes": (r"eyes glow\w*", r"glowing eyes", r"eyes (?:\w+ )?glowing"),
        "transformation": (
            r"transform(?:s|ed|ing|ation)?",
            r"morph(?:s|ed|ing)?",
            r"unfolds and rises",
        ),
        "fire breath": (r"breathes? fire", r"fire[- ]breath", r"flames [\w\s-]*? pour"),
        "screen insert": (r"green ?screen", r"holograms?", r"screen (?:shows|displays)"),
        "set extension": (r"in full spectacular form", r"set extension", r"skyline"),
    },
    "props": {
        "backpacks": (r"backpacks?", r"rucksacks?"),
        "books": (r"books?",),
        "papers": (r"papers?", r"documents?"),
        "pencils": (r"pencils?", r"pens?"),
        "notebooks": (r"notebooks?", r"notepads?"),
        "folder": (r"folders?", r"files?", r"clipboards?"),
        "phone": (r"phones?", r"cell ?phones?", r"smartphones?", r"mobiles?"),
        "laptop": (r"laptops?", r"computers?", r"tablets?"),
        "bag": (r"bags?", r"briefcases?", r"suitcases?", r"purses?", r"handbags?"),
        "letter": (r"letters?", r"envelopes?", r"newspapers?", r"photographs?", r"photos?"),
        "drink": (r"cups?", r"mugs?", r"bottles?", r"glass(?:es)? of", r"coffee", r"beers?"),
        "cigarette": (r"cigarettes?", r"cigars?", r"lighters?"),
        "money": (r"money", r"cash", r"wallets?", r"coins?"),
        "keys": (r"keys",),
        "camera": (r"cameras?", r"microphones?"),
        "sign": (r"signs?", r"posters?", r"placards?", r"banners?"),
        "flashlight": (r"flashlights?", r"torch(?:es)?", r"lanterns?"),
        "coffee machine": (r"coffee machines?",),
        "metal brush": (r"brush(?:es)?",),
    },
    "wardrobe": {
        "robe": (r"robes?",),
        "hat": (r"hats?", r"beanies?", r"caps?", r"helmets?"),
        "suit": (r"suits?", r"suited", r"tuxedos?"),
        "uniform": (r"uniforms?",),
        "dress": (r"dress(?:es)?", r"gowns?", r"skirts?"),
        "coat": (r"coats?", r"jackets?", r"overcoats?", r"raincoats?"),
        "attire": (r"attire", r"costumes?", r"outfits?"),
        "accessories": (r"scarf", r"scarves", r"gloves?", r"sunglasses", r"boots", r"aprons?"),
    },
    "makeup": {
        "blood": (r"blood", r"bloody", r"bloodied", r"bleeding"),
        "wounds": (r"wounds?", r"bruises?", r"bruised", r"scars?", r"black eye"),
        "sweat": (r"sweat(?:s|ing|y)?", r"drenched"),
        "hair": (r"wigs?", r"braids?", r"mane", r"beards?", r"moustaches?", r"bald"),
        "makeup": (r"make-?up", r"tattoos?", r"prosthetics?", r"face paint"),
    },
    "minors": {
        "child": (r"child", r"children", r"kids?", r"toddlers?", r"infants?", r"bab(?:y|ies)"),
        "teenager": (r"teenagers?", r"teens?", r"schoolboys?", r"schoolgirls?"),
        "boy or girl": (r"boys?", r"girls?"),
    },
}
