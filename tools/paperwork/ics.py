"""The shooting days as an iCalendar file (RFC 5545): one all-day event per dated day.

Written with the `icalendar` package, which folds long lines and escapes commas, semicolons,
backslashes and newlines in text values. Event UIDs are stable per plan version and day, so a
calendar that imports version 3 again updates its events instead of duplicating them.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from icalendar import Calendar, Event

from tools.paperwork.board import Board, pages

__all__ = ["render_ics"]


def render_ics(board: Board, *, uid_domain: str = "greenlight.local") -> bytes:
    """The calendar as bytes; ValueError when the plan has no calendar dates."""
    if not any(day.date for day in board.days):
        raise ValueError("the plan has no calendar dates: set a start date first")
    calendar = Calendar()
    calendar.add("prodid", "-//Greenlight//Shooting schedule//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"{board.title} (plan v{board.version})")
    # The version's own date, not the clock: the same version always gives the same file.
    stamp = datetime.combine(date.fromisoformat(board.version_date[:10]), datetime.min.time(), UTC)
    for day in board.days:
        if not day.date:
            continue
        when = date.fromisoformat(day.date)
        event = Event()
        event.add("uid", f"v{board.version}-day{day.number}@{uid_domain}")
        event.add("dtstamp", stamp)
        event.add("dtstart", when)
        event.add("dtend", when + timedelta(days=1))
        event.add("summary", f"{board.title}: shooting day {day.number} of {len(board.days)}")
        event.add("location", "; ".join(day.sites))
        scenes = ", ".join(scene.number for scene in day.scenes)
        event.add(
            "description",
            f"Scenes {scenes}. {pages(day.eighths)} pages. Sites: {', '.join(day.sites)}. "
            f"{board.stamp}.",
        )
        calendar.add_component(event)
    return calendar.to_ical()
