"""A sites CSV uploaded in the chat, as the graph handles it.

Ingest recognises it (`is_site_csv`: a `.csv` name, or a sites header whatever the name) and
reads it within bounds (`read_site_csvs`); understanding turns it into a `sites` what-if, so
the corrections are saved with the session's inputs like the chat's own ("KITCHEN is in the
Miller house") and the plan is re-planned stably from the current one; planning then counts
the scenes whose site changed (`site_change_facts`) for the answer.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from graph.intents import Change, Request
from tools.sites import SiteCorrections, looks_like_corrections, read_corrections_upload

__all__ = ["is_site_csv", "read_site_csvs", "site_change_facts", "site_csv_line", "with_site_csv"]

Record = dict[str, Any]
_SHOWN_SCENES = 12


def is_site_csv(name: str, data: bytes) -> bool:
    """True for an upload to read as site corrections rather than as a script."""
    return name.lower().endswith(".csv") or looks_like_corrections(data)


def read_site_csvs(files: Sequence[tuple[str, bytes]]) -> tuple[Record | None, list[str]]:
    """The corrections of all readable sites CSVs as one record, and a notice per bad file."""
    merged, names, notices = SiteCorrections(), list[str](), list[str]()
    for name, data in files:
        try:
            corrections = read_corrections_upload(data)
        except ValueError as exc:
            notices.append(
                f"I could not use {name} as a sites CSV: {exc}. Nothing was changed (a rate "
                "card goes through the Rate card button)."
            )
            continue
        merged, names = merged.merged(corrections), [*names, name]
    if not names:
        return None, notices
    rows = len(merged.scenes) + len(merged.locations)
    record = {"names": names, "rows": rows, "corrections": merged.model_dump(mode="json")}
    return record, notices


def with_site_csv(request: Request, upload: Record) -> Request:
    """The turn's request with the uploaded corrections as a `sites` what-if change."""
    change = Change(kind="sites", sites=upload["corrections"])
    if request.kind == "what_if":
        return request.model_copy(update={"changes": [*request.changes, change]})
    return Request(kind="what_if", changes=[change], text=request.text)


def site_change_facts(upload: Record, old: Record | None, new: Record) -> Record:
    """What the upload did: its rows, the scenes whose site changed, the scenes it placed."""
    before = {a["index"]: a["site"] for a in (old or {}).get("sites") or []}
    after = new.get("sites") or []
    changed = [a["scene"] for a in after if before and before.get(a["index"]) != a["site"]]
    placed = [a for a in after if str(a.get("site_reason", "")).startswith("your correction")]
    return {
        "names": list(upload["names"]),
        "rows": upload["rows"],
        "changed": len(changed),
        "changed_scenes": changed[:_SHOWN_SCENES],
        "placed": len(placed),
        "first_plan": old is None,
    }


def site_csv_line(facts: Record) -> list[str]:
    """The answer's line about an uploaded sites CSV (none when there was no upload)."""
    csv = facts.get("site_csv")
    if not csv or "changed" not in csv:
        return []
    names = ", ".join(csv["names"])
    head = f"{names}: {_count(csv['rows'], 'site correction')} applied"
    if csv["first_plan"]:
        return [f"{head}; {_count(csv['placed'], 'scene')} placed by them."]
    if not csv["changed"]:
        return [f"{head}; no scene changed site (they agreed with the sites already in use)."]
    shown = ", ".join(csv["changed_scenes"])
    more = "" if csv["changed"] <= len(csv["changed_scenes"]) else ", ..."
    return [f"{head}; {_count(csv['changed'], 'scene')} changed site (scenes {shown}{more})."]


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
