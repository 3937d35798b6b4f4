"""Registration: seats, waitlist, duplicates, deadlines, promotion, e-mails with .ics."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from icalendar import Calendar

from virage.core.models import AuditEvent, OutgoingEmail
from virage.training import services
from virage.training.models import Registration, TrainingSession
from virage.training.tests.factories import make_merchant, make_session

pytestmark = pytest.mark.django_db


@pytest.fixture
def session(personas):
    return make_session(trainer=personas.nadia, capacity=2, days=7)


def register(session, user, business, actor=None):
    return services.registration_create(
        session=session, person=user, business=business, actor=actor or user
    )


def parse_ics(email):
    (name, content, mimetype) = email.attachments[0]
    return name, mimetype, Calendar.from_ical(content)


def test_registration_takes_a_seat_and_sends_a_confirmation_with_ics(
    session, personas, businesses, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        registration = register(session, personas.marie, businesses.marie)
    session.refresh_from_db()
    assert (registration.status, registration.waitlist_position) == ("registered", None)
    assert registration.created_by == personas.marie
    assert session.seats_taken == 1
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["marie@demo.virage.example"]
    title_fr = session.module.title_fr
    assert message.subject == f"Inscription confirmée : {title_fr}"
    assert "Votre inscription à cette séance de formation est confirmée." in message.body
    # the registered person gets the online link
    assert "https://meet.example.org/secret-room" in message.body
    name, mimetype, calendar = parse_ics(message)
    assert (name, mimetype) == ("formation.ics", "text/calendar")
    events = calendar.walk("VEVENT")
    assert len(events) == 1
    event = events[0]
    assert str(event["summary"]) == title_fr
    assert event.decoded("dtstart") == session.starts_at
    assert event.decoded("dtend") == session.ends_at
    assert str(event["uid"]) == f"virage-training-session-{session.pk}"
    assert str(event["location"]) == "https://meet.example.org/secret-room"
    assert str(event["url"]) == f"http://127.0.0.1:8000/fr/training/sessions/{session.pk}/"
    assert (
        AuditEvent.objects.filter(
            verb="training.registration_created", object_id=str(registration.pk)
        ).count()
        == 1
    )


def test_subjects_are_plain_text(personas, businesses, django_capture_on_commit_callbacks):
    from virage.training.tests.factories import make_module

    module = make_module(title_fr="Gérer l'inventaire", title_en="Inventory")
    session = make_session(trainer=personas.nadia, module=module)
    with django_capture_on_commit_callbacks(execute=True):
        register(session, personas.marie, businesses.marie)
    assert mail.outbox[0].subject == "Inscription confirmée : Gérer l'inventaire"


def test_confirmation_is_in_the_person_language(
    session, personas, businesses, django_capture_on_commit_callbacks
):
    personas.luc.language = "en"
    personas.luc.save()
    with django_capture_on_commit_callbacks(execute=True):
        register(session, personas.luc, businesses.luc)
    message = mail.outbox[0]
    assert message.subject == f"Registration confirmed: {session.module.title_en}"
    assert "Your registration for this training session is confirmed." in message.body
    name, _, calendar = parse_ics(message)
    assert name == "training.ics"
    assert str(calendar.walk("VEVENT")[0]["summary"]) == session.module.title_en


def test_full_session_puts_people_on_a_waitlist_in_order(
    session, personas, django_capture_on_commit_callbacks
):
    people = [make_merchant() for _ in range(4)]
    with django_capture_on_commit_callbacks(execute=True):
        results = [register(session, u, b) for u, b in people]
    assert [(r.status, r.waitlist_position) for r in results] == [
        ("registered", None),
        ("registered", None),
        ("waitlisted", 1),
        ("waitlisted", 2),
    ]
    session.refresh_from_db()
    assert session.seats_taken == 2
    waitlisted_mail = mail.outbox[2]
    assert waitlisted_mail.subject == f"Sur la liste d'attente : {session.module.title_fr}"
    assert "en position 1" in waitlisted_mail.body
    assert waitlisted_mail.attachments == []
    assert "secret-room" not in waitlisted_mail.body


def test_submitting_twice_registers_once(
    session, personas, businesses, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = register(session, personas.marie, businesses.marie)
        second = register(session, personas.marie, businesses.marie)
    assert first.pk == second.pk
    assert Registration.objects.filter(session=session).count() == 1
    session.refresh_from_db()
    assert session.seats_taken == 1
    assert len(mail.outbox) == 1


def test_the_database_refuses_a_second_registration_of_the_same_person(
    session, personas, businesses
):
    from django.db import IntegrityError, transaction

    register(session, personas.marie, businesses.marie)
    with pytest.raises(IntegrityError), transaction.atomic():
        Registration.objects.create(
            session=session,
            person=personas.marie,
            business=businesses.marie,
            status="waitlisted",
            waitlist_position=1,
        )


def test_the_database_refuses_more_seats_than_the_capacity(session):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        TrainingSession.objects.filter(pk=session.pk).update(seats_taken=3)
    with pytest.raises(IntegrityError), transaction.atomic():
        TrainingSession.objects.filter(pk=session.pk).update(capacity=-1)


def test_cancelling_before_the_deadline_frees_the_seat_and_promotes_exactly_one(
    session, personas, django_capture_on_commit_callbacks
):
    people = [make_merchant() for _ in range(4)]
    registrations = [register(session, u, b) for u, b in people]
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_cancel(registration=registrations[0], actor=people[0][0])
    statuses = {
        r.pk: (r.status, r.waitlist_position) for r in Registration.objects.filter(session=session)
    }
    assert statuses == {
        registrations[0].pk: ("cancelled", None),
        registrations[1].pk: ("registered", None),
        registrations[2].pk: ("registered", None),  # promoted
        registrations[3].pk: ("waitlisted", 1),  # moved up
    }
    session.refresh_from_db()
    assert session.seats_taken == 2
    subjects = sorted((m.to[0], m.subject) for m in mail.outbox)
    title = session.module.title_fr
    assert subjects == sorted(
        [
            (people[0][0].email, f"Inscription annulée : {title}"),
            (people[2][0].email, f"Une place est à vous : {title}"),
        ]
    )
    promoted = next(m for m in mail.outbox if m.to == [people[2][0].email])
    _, _, calendar = parse_ics(promoted)
    assert str(calendar.walk("VEVENT")[0]["summary"]) == title


def test_cancelling_twice_is_harmless(
    session, personas, businesses, django_capture_on_commit_callbacks
):
    registration = register(session, personas.marie, businesses.marie)
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_cancel(registration=registration, actor=personas.marie)
        services.registration_cancel(registration=registration, actor=personas.marie)
    session.refresh_from_db()
    assert session.seats_taken == 0
    assert len(mail.outbox) == 1


def test_leaving_the_waitlist_moves_the_others_up(session):
    people = [make_merchant() for _ in range(5)]
    registrations = [register(session, u, b) for u, b in people]
    services.registration_cancel(registration=registrations[2], actor=people[2][0])
    positions = list(
        Registration.objects.filter(session=session, status="waitlisted")
        .order_by("waitlist_position")
        .values_list("person__email", "waitlist_position")
    )
    assert positions == [(people[3][0].email, 1), (people[4][0].email, 2)]
    session.refresh_from_db()
    assert session.seats_taken == 2


def test_cancelling_after_the_deadline_is_refused_and_changes_nothing(personas, businesses):
    session = make_session(trainer=personas.nadia, capacity=1, hours=10, deadline_hours=24)
    registration = register(session, personas.marie, businesses.marie)
    other, other_business = make_merchant()
    waiting = register(session, other, other_business)
    with pytest.raises(ValidationError) as error:
        services.registration_cancel(registration=registration, actor=personas.marie)
    assert "Le délai d'annulation" in error.value.messages[0]
    registration.refresh_from_db()
    waiting.refresh_from_db()
    session.refresh_from_db()
    assert (registration.status, waiting.status, session.seats_taken) == (
        "registered",
        "waitlisted",
        1,
    )
    # leaving the waitlist is always possible
    services.registration_cancel(registration=waiting, actor=other)
    waiting.refresh_from_db()
    assert waiting.status == "cancelled"


def test_deadline_is_configurable_per_session(personas, businesses):
    session = make_session(trainer=personas.nadia, capacity=1, hours=10, deadline_hours=6)
    registration = register(session, personas.marie, businesses.marie)
    services.registration_cancel(registration=registration, actor=personas.marie)
    registration.refresh_from_db()
    assert registration.status == "cancelled"


def test_new_sessions_take_the_program_default_deadline(personas, program):
    from virage.training.models import TrainingSettings

    TrainingSettings.objects.update_or_create(
        program=program, defaults={"cancellation_deadline_hours": 48}
    )
    start = timezone.now() + timedelta(days=5)
    session = services.session_create(
        data={
            "module": make_session(trainer=personas.nadia).module,
            "starts_at": start,
            "ends_at": start + timedelta(hours=1),
            "mode": "online",
            "online_url": "https://meet.example.org/x",
            "language": "fr",
            "capacity": 12,
            "trainer": personas.nadia,
            "cancellation_deadline_hours": None,
        },
        actor=personas.ada,
    )
    assert session.cancellation_deadline_hours == 48


def test_program_admin_may_cancel_after_the_deadline(personas, businesses):
    session = make_session(trainer=personas.nadia, capacity=1, hours=10, deadline_hours=24)
    registration = register(session, personas.marie, businesses.marie)
    services.registration_cancel(registration=registration, actor=personas.ada)
    registration.refresh_from_db()
    assert registration.status == "cancelled"


def test_cancelled_person_may_register_again(session, personas, businesses):
    registration = register(session, personas.marie, businesses.marie)
    services.registration_cancel(registration=registration, actor=personas.marie)
    again = register(session, personas.marie, businesses.marie)
    assert (again.pk, again.status) == (registration.pk, "registered")
    session.refresh_from_db()
    assert session.seats_taken == 1


def test_advisor_registers_a_person_of_an_assigned_business(session, personas, businesses):
    registration = register(session, personas.marie, businesses.marie, actor=personas.antoine)
    assert (registration.person, registration.created_by) == (personas.marie, personas.antoine)


@pytest.mark.parametrize("actor", ["sofia", "luc", "nadia", "paul", "fatou"])
def test_others_cannot_register_marie(session, personas, businesses, actor):
    with pytest.raises(PermissionDenied):
        register(session, personas.marie, businesses.marie, actor=getattr(personas, actor))
    assert Registration.objects.count() == 0
    assert mail.outbox == []


def test_merchant_cannot_register_a_person_of_another_business(session, personas, businesses):
    with pytest.raises(PermissionDenied):
        register(session, personas.luc, businesses.luc, actor=personas.marie)


def test_only_enrolled_businesses_register(session, personas, businesses):
    businesses.marie.status = "applied"
    businesses.marie.save()
    with pytest.raises(ValidationError):
        register(session, personas.marie, businesses.marie)


def test_no_registration_once_the_session_started_or_is_cancelled(personas, businesses):
    started = make_session(trainer=personas.nadia, hours=-1)
    with pytest.raises(ValidationError):
        register(started, personas.marie, businesses.marie)
    cancelled = make_session(trainer=personas.nadia)
    services.session_cancel(session=cancelled, reason="Formatrice malade", actor=personas.ada)
    with pytest.raises(ValidationError):
        register(cancelled, personas.marie, businesses.marie)


def test_others_cannot_cancel_marie_registration(session, personas, businesses):
    registration = register(session, personas.marie, businesses.marie)
    for key in ["luc", "sofia", "nadia", "paul"]:
        with pytest.raises(PermissionDenied):
            services.registration_cancel(registration=registration, actor=getattr(personas, key))
    registration.refresh_from_db()
    assert registration.status == "registered"


def test_more_capacity_promotes_the_waitlist(session, personas):
    people = [make_merchant() for _ in range(4)]
    registrations = [register(session, u, b) for u, b in people]
    data = {
        "module": session.module,
        "starts_at": session.starts_at,
        "ends_at": session.ends_at,
        "mode": "online",
        "online_url": session.online_url,
        "language": "fr",
        "capacity": 3,
        "trainer": personas.nadia,
        "cancellation_deadline_hours": 24,
    }
    services.session_update(session=session, data=data, actor=personas.ada)
    statuses = [Registration.objects.get(pk=r.pk).status for r in registrations]
    assert statuses == ["registered", "registered", "registered", "waitlisted"]
    assert Registration.objects.get(pk=registrations[3].pk).waitlist_position == 1
    with pytest.raises(ValidationError) as error:
        services.session_update(session=session, data={**data, "capacity": 2}, actor=personas.ada)
    assert error.value.message_dict == {
        "capacity": [
            "3 personnes occupent déjà une place : la capacité ne peut pas être plus basse."
        ]
    }


def test_cancelling_a_session_tells_everyone(
    session, personas, businesses, django_capture_on_commit_callbacks
):
    people = [make_merchant() for _ in range(3)]
    for u, b in people:
        register(session, u, b)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.session_cancel(session=session, reason="Salle inondée", actor=personas.ada)
    session.refresh_from_db()
    assert (session.status, session.seats_taken) == ("cancelled", 0)
    assert sorted(m.to[0] for m in mail.outbox) == sorted(u.email for u, _ in people)
    assert all("Salle inondée" in m.body for m in mail.outbox)
    assert set(Registration.objects.values_list("status", flat=True)) == {"cancelled"}


def test_email_rolls_back_with_the_registration(session, personas, businesses):
    from django.db import transaction

    from virage.core.tests.helpers import Rollback

    try:
        with transaction.atomic():
            register(session, personas.marie, businesses.marie)
            raise Rollback
    except Rollback:
        pass
    assert OutgoingEmail.objects.count() == 0
    assert mail.outbox == []
