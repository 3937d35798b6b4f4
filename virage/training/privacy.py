"""Training's part of a person's data export (Law 25), plugged into
`virage.privacy.registry` in apps.py.

A merchant's export holds their own registrations (session, date, status, who registered
them, credited minutes), the attendance the trainer recorded for them and their attestations
(attended registrations of closed sessions). A trainer's export holds the sessions they run,
with seat counts only: never the names or attendance of the participants.

No anonymiser: a registration holds no free text or contact details about the person, only
links to their (anonymised) account and business, statuses, dates and minutes, which every
training total needs as they are."""

from __future__ import annotations

from .models import Attendance, Registration, TrainingSession


def export_person(user) -> dict[str, list[dict]]:
    tables: dict[str, list[dict]] = {}
    registrations = list(
        Registration.objects.filter(person=user)
        .select_related("session__module")
        .order_by("session__starts_at", "id")
    )
    if registrations or user.role == "merchant":
        tables.update(_participant_tables(user, registrations))
    if user.role == "trainer":
        tables["training_sessions_given"] = _sessions_given(user)
    return tables


def _participant_tables(user, registrations: list[Registration]) -> dict[str, list[dict]]:
    rows, attestations = [], []
    for r in registrations:
        session = r.session
        rows.append(
            {
                "registration_id": r.pk,
                "business_id": r.business_id,
                "module": session.module.title_fr,
                "module_en": session.module.title_en,
                "starts_at": session.starts_at,
                "ends_at": session.ends_at,
                "mode": session.mode,
                "language": session.language,
                "session_status": session.status,
                "status": r.status,
                "waitlist_position": r.waitlist_position,
                "registered_by_you": r.created_by_id == user.pk,
                "registered_at": r.created_at,
                "status_changed_at": r.status_changed_at,
                "reminder_sent_at": r.reminder_sent_at,
                "credited_minutes": r.credited_minutes,
            }
        )
        if (
            r.status == Registration.Status.ATTENDED
            and session.status == TrainingSession.Status.CLOSED
        ):
            attestations.append(
                {
                    "registration_id": r.pk,
                    "module": session.module.title_fr,
                    "module_en": session.module.title_en,
                    "date": session.starts_at,
                    "credited_minutes": r.credited_minutes,
                }
            )
    attendance = [
        {
            "registration_id": a.registration_id,
            "status": a.status,
            "minutes": a.minutes,
            "recorded_at": a.recorded_at,
        }
        for a in Attendance.objects.filter(registration__person=user).order_by("registration_id")
    ]
    return {
        "training_registrations": rows,
        "training_attendance": attendance,
        "training_attestations": attestations,
    }


def _sessions_given(user) -> list[dict]:
    sessions = (
        TrainingSession.objects.filter(trainer=user)
        .select_related("module", "region")
        .order_by("starts_at", "id")
    )
    return [
        {
            "session_id": s.pk,
            "module": s.module.title_fr,
            "module_en": s.module.title_en,
            "starts_at": s.starts_at,
            "ends_at": s.ends_at,
            "mode": s.mode,
            "venue": s.venue,
            "city": s.city,
            "region": str(s.region) if s.region_id else None,
            "language": s.language,
            "capacity": s.capacity,
            "seats_taken": s.seats_taken,
            "status": s.status,
            "closed_at": s.closed_at,
            "cancelled_at": s.cancelled_at,
        }
        for s in sessions
    ]
