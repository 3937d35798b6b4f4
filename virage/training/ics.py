"""The iCalendar (.ics) attachment of training e-mails, built with the `icalendar` library."""

from __future__ import annotations

from datetime import UTC

from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from virage.core.i18n import localized


def session_location(session, *, include_link: bool) -> str:
    """Where the session happens, in the active language."""
    if session.is_online:
        if include_link and session.online_url:
            return session.online_url
        return _("Online")
    parts = [session.venue, session.address, session.city]
    return ", ".join(p for p in parts if p)


def session_ics(*, session, language: str, url: str, include_link: bool = True) -> str:
    """One VEVENT for the session (UTC times, stable UID so a later update replaces it)."""
    with translation.override(language):
        title = localized(session.module, "title", language)
        description = localized(session.module, "description", language)
        trainer = session.trainer.get_full_name()
        lines = [description, "", _("Trainer: %(name)s") % {"name": trainer}, url]
        location = session_location(session, include_link=include_link)
    calendar = Calendar()
    calendar.add("prodid", "-//Virage//Training//FR")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    event = Event()
    event.add("uid", f"virage-training-session-{session.pk}")
    event.add("dtstamp", timezone.now().astimezone(UTC))
    event.add("dtstart", session.starts_at.astimezone(UTC))
    event.add("dtend", session.ends_at.astimezone(UTC))
    event.add("summary", title)
    event.add("description", "\n".join(lines).strip())
    event.add("location", location)
    event.add("url", url)
    calendar.add_component(event)
    return calendar.to_ical().decode("utf-8")
