"""Attendance by the trainer, closing, credited minutes and the attestation."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from virage.core.models import AuditEvent
from virage.training import selectors, services
from virage.training.models import Attendance, Registration
from virage.training.tests.factories import make_merchant, make_session

pytestmark = pytest.mark.django_db


@pytest.fixture
def running(personas, businesses):
    """A 90-minute session by Nadia that started an hour ago: Marie, Luc and one more person
    registered (rows written directly: registration is closed once a session started)."""
    session = make_session(trainer=personas.nadia, hours=-1, minutes=90, capacity=5)
    third, third_business = make_merchant()
    people = [
        (personas.marie, businesses.marie),
        (personas.luc, businesses.luc),
        (third, third_business),
    ]
    regs = [
        Registration.objects.create(
            session=session, person=p, business=b, status="registered", created_by=p
        )
        for p, b in people
    ]
    session.seats_taken = 3
    session.save(update_fields=["seats_taken"])
    return session, regs


def test_closing_credits_attended_minutes_to_each_business(running, personas, businesses):
    session, (marie, luc, third) = running
    services.session_close(
        session=session,
        entries={marie.pk: ("present", None), luc.pk: ("partial", 45), third.pk: ("absent", 500)},
        actor=personas.nadia,
    )
    rows = {
        r.pk: (r.status, r.credited_minutes, r.attendance.status, r.attendance.minutes)
        for r in Registration.objects.select_related("attendance")
    }
    assert rows == {
        marie.pk: ("attended", 90, "present", 90),
        luc.pk: ("attended", 45, "partial", 45),
        third.pk: ("absent", 0, "absent", 0),
    }
    session.refresh_from_db()
    assert (session.status, session.closed_by) == ("closed", personas.nadia)
    assert selectors.training_minutes_used(business=businesses.marie) == 90
    assert selectors.training_minutes_used(business=businesses.luc) == 45
    assert selectors.training_minutes_used(business=third.business) == 0
    assert selectors.training_minutes_used_by_business(
        business_ids=[businesses.marie.pk, businesses.luc.pk, third.business_id]
    ) == {businesses.marie.pk: 90, businesses.luc.pk: 45}
    credited = AuditEvent.objects.filter(verb="training.minutes_credited").order_by("id")
    assert [(e.object_id, e.after["minutes"], e.actor_id) for e in credited] == [
        (str(marie.pk), 90, personas.nadia.pk),
        (str(luc.pk), 45, personas.nadia.pk),
        (str(third.pk), 0, personas.nadia.pk),
    ]


def test_minutes_count_only_once_the_session_is_closed(running, personas, businesses):
    session, (marie, luc, _third) = running
    services.attendance_record(
        session=session,
        entries={marie.pk: ("present", None), luc.pk: ("absent", None)},
        actor=personas.nadia,
    )
    assert selectors.training_minutes_used(business=businesses.marie) == 0
    assert Attendance.objects.count() == 2
    # recording again updates (no duplicate)
    services.attendance_record(
        session=session, entries={marie.pk: ("partial", 30)}, actor=personas.nadia
    )
    assert list(Attendance.objects.order_by("id").values_list("status", "minutes")) == [
        ("partial", 30),
        ("absent", 0),
    ]


def test_closing_needs_everyone_recorded(running, personas):
    session, (marie, luc, third) = running
    with pytest.raises(ValidationError) as error:
        services.session_close(
            session=session, entries={marie.pk: ("present", None)}, actor=personas.nadia
        )
    assert sorted(error.value.message_dict) == [f"status_{luc.pk}", f"status_{third.pk}"]
    session.refresh_from_db()
    assert session.status == "scheduled"
    assert Attendance.objects.count() == 0  # nothing half-saved


@pytest.mark.parametrize("minutes", [None, 0, 90, 120])
def test_partial_needs_minutes_below_the_duration(running, personas, minutes):
    session, (marie, *_) = running
    with pytest.raises(ValidationError) as error:
        services.attendance_record(
            session=session, entries={marie.pk: ("partial", minutes)}, actor=personas.nadia
        )
    assert error.value.message_dict == {
        f"minutes_{marie.pk}": [
            "Pour une présence partielle, indiquez les minutes de présence (1 à 89)."
        ]
    }


def test_only_the_session_trainer_or_an_admin_takes_attendance(running, personas):
    from virage.accounts.models import User

    session, (marie, *_) = running
    other_trainer = User.objects.create_user(
        email="autre.formateur@test.example", role="trainer", first_name="Autre"
    )
    for actor in [other_trainer, personas.marie, personas.antoine, personas.paul]:
        with pytest.raises(PermissionDenied):
            services.attendance_record(
                session=session, entries={marie.pk: ("present", None)}, actor=actor
            )
    services.attendance_record(
        session=session, entries={marie.pk: ("present", None)}, actor=personas.ada
    )
    assert Attendance.objects.get().recorded_by == personas.ada


def test_attendance_waits_for_the_start_and_stops_at_closing(personas, businesses, running):
    future = make_session(trainer=personas.nadia, days=2)
    with pytest.raises(ValidationError):
        services.attendance_record(session=future, entries={}, actor=personas.nadia)
    session, (marie, luc, third) = running
    entries = {r.pk: ("present", None) for r in (marie, luc, third)}
    services.session_close(session=session, entries=entries, actor=personas.nadia)
    with pytest.raises(ValidationError):
        services.attendance_record(
            session=session, entries={marie.pk: ("absent", None)}, actor=personas.nadia
        )
    with pytest.raises(ValidationError):
        services.session_close(session=session, entries={}, actor=personas.nadia)
    assert selectors.training_minutes_used(business=businesses.marie) == 90


def attestation_url(registration, lang="fr"):
    return f"/{lang}/training/registrations/{registration.pk}/attestation/"


def test_attestation_is_printable_in_the_person_language(running, personas, client_for):
    session, (marie, luc, third) = running
    personas.luc.language = "en"
    personas.luc.save()
    services.session_close(
        session=session,
        entries={marie.pk: ("present", None), luc.pk: ("partial", 45), third.pk: ("absent", None)},
        actor=personas.nadia,
    )
    body = client_for("marie").get(attestation_url(marie)).content.decode()
    assert "<h1>Attestation de participation</h1>" in body
    assert "<strong>Marie Tremblay</strong>, de l'entreprise Boutique Marie" in body
    assert "90 minutes (1,5 h)" in body
    assert "Nadia Bouchard, École des entrepreneurs" in body
    # Luc prefers English: his attestation is in English, even from a French page
    body = client_for("luc").get(attestation_url(luc)).content.decode()
    assert "<h1>Attestation of participation</h1>" in body
    assert "45 minutes (0.8 h)" in body
    # the advisor of Marie's business and the trainer may open it too
    assert client_for("antoine").get(attestation_url(marie)).status_code == 200
    assert client_for("nadia").get(attestation_url(marie)).status_code == 200
    # other merchant, other advisor, partner: not found
    for key in ["luc", "sofia", "paul", "fatou"]:
        assert client_for(key).get(attestation_url(marie)).status_code == 404


def test_no_attestation_without_attendance(running, personas, client_for):
    session, (marie, luc, third) = running
    services.session_close(
        session=session,
        entries={marie.pk: ("absent", None), luc.pk: ("absent", None), third.pk: ("absent", None)},
        actor=personas.nadia,
    )
    assert client_for("marie").get(attestation_url(marie)).status_code == 404
    assert client_for("ada").get(attestation_url(marie)).status_code == 404


def test_minutes_attended_per_period_for_funding(running, personas):
    from datetime import timedelta

    from django.utils import timezone

    session, (marie, luc, third) = running
    services.session_close(
        session=session,
        entries={marie.pk: ("present", None), luc.pk: ("partial", 45), third.pk: ("absent", None)},
        actor=personas.nadia,
    )
    day = timezone.localtime(session.starts_at).date()
    assert selectors.training_minutes_attended(start=day, end=day + timedelta(days=1)) == 135
    assert (
        selectors.training_minutes_attended(
            start=day + timedelta(days=1), end=day + timedelta(days=30)
        )
        == 0
    )
