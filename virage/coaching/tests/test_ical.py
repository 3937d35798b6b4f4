"""iCalendar invitations, validated by parsing them back with the icalendar library."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from virage.coaching.ical import IcsEvent, build_ics

MONTREAL = ZoneInfo("America/Toronto")


def event(**changes):
    values = {
        "uid": "coaching-meeting-42@virage",
        "sequence": 0,
        "starts_at": datetime(2026, 3, 10, 14, 30, tzinfo=MONTREAL),
        "minutes": 90,
        "summary": "Rencontre d'accompagnement Virage : Boutique Marie",
        "description": "Mode : vidéo\n\nBoutique en ligne; choix, paiements et livraison",
        "location": "120, rue Principale, Granby J2G 2V5",
        "organizer_email": "antoine@demo.virage.example",
        "organizer_name": "Antoine Roy",
        "attendees": (("marie@demo.virage.example", "Marie Tremblay"),),
        "stamp": datetime(2026, 3, 1, 9, 0, tzinfo=UTC),
    }
    values.update(changes)
    return IcsEvent(**values)


def parse(text: str):
    calendar = Calendar.from_ical(text)
    events = calendar.walk("VEVENT")
    assert len(events) == 1
    return calendar, events[0]


def test_invitation_round_trips():
    text = build_ics(event())
    assert "\r\n" in text
    calendar, vevent = parse(text)
    assert str(calendar["METHOD"]) == "REQUEST"
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["PRODID"]) == "-//Virage//Coaching//FR"
    assert str(vevent["UID"]) == "coaching-meeting-42@virage"
    assert vevent["SEQUENCE"] == 0
    # 14:30 in Montréal (EDT, UTC−4 on 10 March 2026) is 18:30 UTC
    assert vevent["DTSTART"].dt == datetime(2026, 3, 10, 18, 30, tzinfo=UTC)
    assert vevent["DTEND"].dt - vevent["DTSTART"].dt == timedelta(minutes=90)
    assert vevent["DTSTAMP"].dt == datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
    assert str(vevent["SUMMARY"]) == "Rencontre d'accompagnement Virage : Boutique Marie"
    assert str(vevent["DESCRIPTION"]) == (
        "Mode : vidéo\n\nBoutique en ligne; choix, paiements et livraison"
    )
    assert str(vevent["LOCATION"]) == "120, rue Principale, Granby J2G 2V5"
    assert str(vevent["ORGANIZER"]) == "mailto:antoine@demo.virage.example"
    assert str(vevent["ORGANIZER"].params["CN"]) == "Antoine Roy"
    attendee = vevent["ATTENDEE"]
    assert str(attendee) == "mailto:marie@demo.virage.example"
    assert str(attendee.params["CN"]) == "Marie Tremblay"
    assert attendee.params["RSVP"] == "TRUE"
    assert str(vevent["STATUS"]) == "CONFIRMED"


def test_several_attendees():
    _calendar, vevent = parse(
        build_ics(event(attendees=(("a@x.example", "A"), ("b@x.example", "B"))))
    )
    assert [str(a) for a in vevent["ATTENDEE"]] == ["mailto:a@x.example", "mailto:b@x.example"]


def test_cancellation_reuses_the_uid_with_a_higher_sequence():
    calendar, vevent = parse(build_ics(event(sequence=1, cancelled=True)))
    assert str(calendar["METHOD"]) == "CANCEL"
    assert str(vevent["STATUS"]) == "CANCELLED"
    assert str(vevent["UID"]) == "coaching-meeting-42@virage"
    assert vevent["SEQUENCE"] == 1


def test_naive_datetimes_are_refused():
    with pytest.raises(ValueError, match="timezone-aware"):
        build_ics(event(starts_at=datetime(2026, 3, 10, 14, 30)))
