"""iCalendar (RFC 5545) invitations for coaching meetings, built with the `icalendar` library.

Times are written in UTC (no VTIMEZONE block needed; calendar apps show local time). A
cancellation reuses the meeting's UID with a higher SEQUENCE and METHOD:CANCEL, so calendar
apps update the event they already hold. Private notes never go into an invitation."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from icalendar import Calendar, Event, vCalAddress, vText

PRODID = "-//Virage//Coaching//FR"
MIMETYPE = "text/calendar"


@dataclass(frozen=True)
class IcsEvent:
    uid: str
    sequence: int
    starts_at: datetime
    minutes: int
    summary: str
    description: str
    location: str
    organizer_email: str
    organizer_name: str
    attendees: tuple[tuple[str, str], ...] = field(default_factory=tuple)
    cancelled: bool = False
    stamp: datetime | None = None


def _address(email: str, name: str, **params: str) -> vCalAddress:
    address = vCalAddress(f"mailto:{email}")
    if name:
        address.params["cn"] = vText(name)
    for key, value in params.items():
        address.params[key] = value
    return address


def build_ics(event: IcsEvent) -> str:
    """The invitation (or cancellation) as iCalendar text with CRLF line endings."""
    if event.starts_at.tzinfo is None:
        raise ValueError("starts_at must be timezone-aware")
    start = event.starts_at.astimezone(UTC)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", "CANCEL" if event.cancelled else "REQUEST")
    vevent = Event()
    vevent.add("uid", event.uid)
    vevent.add("sequence", event.sequence)
    vevent.add("dtstamp", (event.stamp or datetime.now(UTC)).astimezone(UTC))
    vevent.add("dtstart", start)
    vevent.add("dtend", start + timedelta(minutes=event.minutes))
    vevent.add("summary", event.summary)
    if event.description:
        vevent.add("description", event.description)
    if event.location:
        vevent.add("location", event.location)
    vevent.add("organizer", _address(event.organizer_email, event.organizer_name))
    for email, name in event.attendees:
        vevent.add(
            "attendee",
            _address(email, name, role="REQ-PARTICIPANT", partstat="NEEDS-ACTION", rsvp="TRUE"),
        )
    vevent.add("status", "CANCELLED" if event.cancelled else "CONFIRMED")
    calendar.add_component(vevent)
    return calendar.to_ical().decode("utf-8")
