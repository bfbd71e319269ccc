"""The user's corrections applied over inference, and the corrections CSV reader.

Corrections win: a scene range puts those scenes at a site; a location (a heading's place
or a set) puts every scene naming it at a site; a kind changes how a site is priced. A CSV
upload has either `scene,site,set` rows or `location,site` rows.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from tools.sites.infer import HeadingLike
from tools.sites.kinds import KINDS, SiteKind, site_kind
from tools.sites.model import SceneRange, SiteAssignment, SiteCorrections
from tools.sites.names import joined, tokens

__all__ = ["apply_corrections", "read_corrections_csv"]


def _key(text: str) -> str:
    return joined(tokens(text))


def _range_indexes(scenes: Sequence[HeadingLike], span: SceneRange) -> range:
    numbers = [s.number.upper() for s in scenes]
    for end in (span.first, span.last):
        if end.upper() not in numbers:
            raise ValueError(f"scene {end!r} is not in the script")
    first, last = numbers.index(span.first.upper()), numbers.index(span.last.upper())
    if last < first:
        raise ValueError(f"scene {span.last!r} comes before scene {span.first!r}")
    return range(first, last + 1)


def _canonical(site: str, known: Sequence[SiteAssignment]) -> str:
    """The user's site spelled as an existing site when it is one ("the lighthouse")."""
    key = _key(site)
    sites = list(dict.fromkeys(a.site for a in known))
    exact = [s for s in sites if _key(s) == key]
    inside = [s for s in sites if key and key in _key(s)]
    if exact or len(inside) == 1:
        return (exact or inside)[0]
    return site.strip().upper()


def apply_corrections(
    scenes: Sequence[HeadingLike],
    assignments: Sequence[SiteAssignment],
    corrections: SiteCorrections,
) -> list[SiteAssignment]:
    """Assignments with the corrections applied (ValueError names an unknown scene)."""
    out = list(assignments)
    for location, site in corrections.locations.items():
        loc = _key(location)
        target = _canonical(site, out)
        for i, scene in enumerate(scenes):
            if loc in (_key(scene.location), _key(out[i].set), _key(out[i].site)):
                out[i] = out[i].model_copy(
                    update=dict(
                        site=target, site_reason=f"your correction: {location} is at {target}"
                    )
                )
    for span in corrections.scenes:
        target = _canonical(span.site, out)
        for i in _range_indexes(scenes, span):
            why = f"your correction: scenes {span.first}-{span.last} are at {target}"
            update = dict(site=target, site_reason=why)
            if span.set:
                update["set"] = span.set.upper()
            out[i] = out[i].model_copy(update=update)
    kinds = {_key(site): kind for site, kind in corrections.kinds.items()}
    return [_finish(a, corrections, kinds) for a in out]


def _finish(a: SiteAssignment, c: SiteCorrections, kinds: dict[str, SiteKind]) -> SiteAssignment:
    corrected = a.site_reason.startswith("your correction")
    kind = kinds.get(_key(a.site)) or next(
        (k for s, k in kinds.items() if s and s in _key(a.site)), None
    )
    update: dict = {"kind": kind or (a.kind if not corrected else site_kind(a.site))}
    if corrected:
        update["confidence"] = 1.0
    return a.model_copy(update=update)


def read_corrections_csv(text: str) -> SiteCorrections:
    """Corrections from CSV text with a `scene,site[,set]` or `location,site` header.

    An optional `kind` column sets the site's kind. ValueError names the bad row or header.
    """
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    header = [h.strip().lower() for h in reader.fieldnames or []]
    if "site" not in header or not ({"scene", "location"} & set(header)):
        raise ValueError("a sites CSV needs a header 'scene,site,set' or 'location,site'")
    out = SiteCorrections()
    for line, row in enumerate(reader, start=2):
        cells = {k.strip().lower(): (v or "").strip() for k, v in row.items() if k}
        site = cells.get("site", "")
        if not site:
            raise ValueError(f"line {line}: the site is empty")
        if cells.get("scene"):
            scene = cells["scene"]
            out.scenes.append(
                SceneRange(first=scene, last=scene, site=site, set=cells.get("set") or None)
            )
        elif cells.get("location"):
            out.locations[cells["location"].upper()] = site
        else:
            raise ValueError(f"line {line}: give a scene number or a location")
        kind = cells.get("kind", "").lower()
        if kind and kind not in KINDS:
            raise ValueError(f"line {line}: kind {kind!r} is not one of {', '.join(KINDS)}")
        if kind:
            out.kinds[site.upper()] = kind  # type: ignore[assignment]
    return out
