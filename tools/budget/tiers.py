"""How a character gets a cast tier: by the share of scenes they are in.

Lead: in at least `lead_min_scene_pct` percent of the scenes (rate-card param); supporting:
in at least `supporting_min_scene_pct` percent; everyone else is a day player. A `cast_name` row
in the rate card gives a named character their own rate, whatever the tier.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

from tools.ratecard import RateCard
from tools.script import Script

__all__ = ["TIERS", "cast_tiers"]

TIERS = ("lead", "supporting", "day_player")


def cast_tiers(script: Script, card: RateCard) -> dict[str, str]:
    """Character name -> tier, for everyone in any scene's cast."""
    counts: Counter[str] = Counter()
    for scene in script.scenes:
        counts.update(set(scene.cast))
    scenes = max(1, len(script.scenes))
    lead_pct = card.rate("param", "lead_min_scene_pct", Decimal(25))
    supporting_pct = card.rate("param", "supporting_min_scene_pct", Decimal(8))
    tiers = {}
    for name, count in counts.items():
        if Decimal(count) * 100 >= lead_pct * scenes:
            tiers[name] = "lead"
        elif Decimal(count) * 100 >= supporting_pct * scenes:
            tiers[name] = "supporting"
        else:
            tiers[name] = "day_player"
    return tiers
