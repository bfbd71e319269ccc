"""The revision report as sentences: the chat's deterministic answer to a new draft.

Days are written 1-based ("day 3") as a stripboard shows them; the records stay 0-based.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tools.budget.money import format_money
from tools.plan import StripMove

if TYPE_CHECKING:
    from decimal import Decimal

    from tools.revisions.diff import SceneChange
    from tools.revisions.replan import RevisionReport

__all__ = ["revision_text"]

_LISTED = 6
"""Most scenes, moves or accounts named in one sentence."""


def _names(items: list[str]) -> str:
    shown = ", ".join(items[:_LISTED])
    return shown + (f" and {len(items) - _LISTED} more" if len(items) > _LISTED else "")


def _signed(value: Decimal, currency: str) -> str:
    return ("+" if value > 0 else "") + format_money(value, currency)


def _change(s: SceneChange) -> str:
    parts = []
    if "heading" in s.fields:
        parts.append(f"heading {s.old_heading!r} -> {s.heading!r}")
    if "eighths" in s.fields:
        parts.append(f"length {s.old_eighths}/8 -> {s.new_eighths}/8")
    if s.cast_added or s.cast_removed:
        parts.append(
            "cast "
            + " ".join([*(f"+{n}" for n in s.cast_added), *(f"-{n}" for n in s.cast_removed)])
        )
    if "elements" in s.fields:
        parts.append("elements")
    if "text" in s.fields and not parts:
        parts.append("text only")
    return f"{s.new_id} ({', '.join(parts)})"


def _scene_lines(report: RevisionReport) -> list[str]:
    diff = report.diff
    added, removed, changed = diff.of("added"), diff.of("removed"), diff.of("changed")
    lines = [
        f"New draft: {len(added)} scenes added, {len(removed)} removed, {len(changed)} changed, "
        f"{len(diff.of('unchanged'))} unchanged."
    ]
    if added:
        lines.append("Added: " + _names([s.new_id or "" for s in added]) + ".")
    if removed:
        lines.append("Removed: " + _names([s.old_id or "" for s in removed]) + ".")
    if changed:
        lines.append("Changed: " + _names([_change(s) for s in changed]) + ".")
    return lines


def _move(m: StripMove) -> str:
    if m.old_day is None or m.new_day is None:
        day = m.new_day if m.old_day is None else m.old_day
        return f"{m.scene} (day {(day or 0) + 1})"
    return f"{m.scene} day {m.old_day + 1} -> day {m.new_day + 1}"


def _schedule_lines(report: RevisionReport) -> list[str]:
    if "schedule" not in report.diff.affects:
        what = "the breakdown" if report.diff.affects else "nothing"
        return [f"Only {what} changed: the schedule and budget stand as they were."]
    lines = [
        f"{report.unchanged_kept} of {report.unchanged} unchanged scenes kept their day; "
        f"{len(report.moved)} strips moved"
        + (": " + _names([_move(m) for m in report.moved]) + "." if report.moved else ".")
    ]
    if report.placed:
        lines.append("New scenes go to: " + _names([_move(m) for m in report.placed]) + ".")
    return lines


def _budget_lines(report: RevisionReport, currency: str) -> list[str]:
    d = report.plan_diff
    lines = [
        f"Shooting days {d.days_before} -> {d.days_after}; likely budget "
        f"{format_money(d.total_before, currency)} -> {format_money(d.total_after, currency)} "
        f"({_signed(d.total_delta, currency)})."
    ]
    changed = sorted((a for a in d.accounts if a.delta), key=lambda a: -abs(a.delta))
    if changed:
        lines.append(
            "By account: "
            + _names([f"{a.code} {a.name} {_signed(a.delta, currency)}" for a in changed])
            + "."
        )
    return lines


def revision_text(report: RevisionReport, currency: str) -> list[str]:
    """Scenes added, removed and changed; strips moved; days and budget by account."""
    lines = _scene_lines(report) + _schedule_lines(report)
    if "budget" in report.diff.affects:
        lines += _budget_lines(report, currency)
    return lines
