"""Sites and sets: where the company parks, and the room within it, for every scene.

`infer_sites` reads the headings' words and the story's order; `apply_corrections` lays the
user's corrections over it (from the chat via `parse_site_phrase`, or a CSV via
`read_corrections_csv`; an upload `looks_like_corrections` recognises is read, bounded, by
`read_corrections_upload`); `site_kind` prices a site as practical, stage, backlot, street or
vehicle. Framework-free: plain records in, plain records out.
"""

from tools.sites.corrections import apply_corrections, read_corrections_csv
from tools.sites.infer import HeadingLike, infer_sites
from tools.sites.kinds import KINDS, SiteKind, location_kind, site_kind
from tools.sites.model import SceneRange, SiteAssignment, SiteCorrections
from tools.sites.phrases import parse_site_phrase
from tools.sites.upload import looks_like_corrections, read_corrections_upload

__all__ = [
    "KINDS",
    "HeadingLike",
    "SceneRange",
    "SiteAssignment",
    "SiteCorrections",
    "SiteKind",
    "apply_corrections",
    "infer_sites",
    "location_kind",
    "looks_like_corrections",
    "parse_site_phrase",
    "read_corrections_csv",
    "read_corrections_upload",
    "site_kind",
]
