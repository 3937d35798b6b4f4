"""Day-before reminders: idempotent task and `training_reminders` command."""

from __future__ import annotations

from datetime import datetime, timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from virage.core.models import OutgoingEmail
from virage.training import services
from virage.training.models import Registration, TrainingSession
from virage.training.tests.factories import make_merchant, make_session

pytestmark = pytest.mark.django_db


def at(day_offset: int, hour: int, minute: int = 0):
    day = timezone.localdate() + timedelta(days=day_offset)
    return timezone.make_aware(datetime(day.year, day.month, day.day, hour, minute))


def session_at(trainer, starts):
    session = make_session(trainer=trainer)
    session.starts_at = starts
    session.ends_at = starts + timedelta(minutes=90)
    session.save()
    return session


def seat(session, user, business):
    return services.registration_create(session=session, person=user, business=business, actor=user)


def test_reminder_is_enqueued_once_on_commit_and_sent_once_even_if_run_twice(
    personas, businesses, django_capture_on_commit_callbacks
):
    tomorrow = session_at(personas.nadia, at(1, 10))
    later = session_at(personas.nadia, at(3, 10))
    seat(tomorrow, personas.marie, businesses.marie)
    seat(later, personas.marie, businesses.marie)
    OutgoingEmail.objects.all().delete()
    mail.outbox.clear()
    now = at(0, 9)

    with django_capture_on_commit_callbacks(execute=False) as first_run:
        assert services.reminders_send_due(now=now) == 1
    assert len(first_run) == 1  # enqueued once, on commit
    assert mail.outbox == []  # nothing has left before the commit
    first_run[0]()  # the commit happens: the send_email task runs (immediate backend)
    assert len(mail.outbox) == 1

    with django_capture_on_commit_callbacks(execute=True) as second_run:
        assert services.reminders_send_due(now=now) == 0
    assert second_run == []

    from virage.core.tasks import send_email

    email = OutgoingEmail.objects.get()
    assert send_email.call(email.pk) == "already-sent"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject.startswith(f"Rappel : {tomorrow.module.title_fr}, ")
    assert "Un rappel de votre séance de formation :" in message.body
    assert message.attachments[0][2] == "text/calendar"


def test_reminders_command_for_cron_is_idempotent(
    personas, businesses, django_capture_on_commit_callbacks
):
    session = session_at(personas.nadia, timezone.now() + timedelta(hours=20))
    seat(session, personas.marie, businesses.marie)
    waiting_user, waiting_business = make_merchant()
    TrainingSession.objects.filter(pk=session.pk).update(capacity=1)
    seat(session, waiting_user, waiting_business)  # waitlisted: no reminder
    mail.outbox.clear()
    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        call_command("training_reminders", stdout=out)
        call_command("training_reminders", stdout=out)
    assert out.getvalue().splitlines() == [
        "training reminders: 1 queued",
        "training reminders: 0 queued",
    ]
    assert len(callbacks) == 1
    assert [m.to for m in mail.outbox] == [["marie@demo.virage.example"]]
    registration = Registration.objects.get(person=personas.marie)
    assert registration.reminder_sent_at is not None


def test_no_reminder_for_cancelled_or_far_sessions(personas, businesses):
    far = session_at(personas.nadia, at(2, 10))
    seat(far, personas.marie, businesses.marie)
    soon = session_at(personas.nadia, at(1, 8))
    registration = seat(soon, personas.marie, businesses.marie)
    services.registration_cancel(registration=registration, actor=personas.ada)
    assert services.reminders_send_due(now=at(0, 9)) == 0


def test_moving_a_session_rearms_its_reminder(personas, businesses):
    session = session_at(personas.nadia, at(1, 10))
    seat(session, personas.marie, businesses.marie)
    assert services.reminders_send_due(now=at(0, 9)) == 1
    data = {
        "module": session.module,
        "starts_at": at(1, 14),
        "ends_at": at(1, 15),
        "mode": "online",
        "online_url": session.online_url,
        "language": "fr",
        "capacity": session.capacity,
        "trainer": personas.nadia,
        "cancellation_deadline_hours": 24,
    }
    services.session_update(session=session, data=data, actor=personas.ada)
    assert services.reminders_send_due(now=at(0, 9)) == 1
    assert OutgoingEmail.objects.filter(template="training/reminder").count() == 2


def test_the_task_runs_the_same_scan(personas, businesses):
    from virage.training.tasks import send_training_reminders

    session = session_at(personas.nadia, timezone.now() + timedelta(hours=3))
    seat(session, personas.marie, businesses.marie)
    assert send_training_reminders.call() == 1
    assert send_training_reminders.call() == 0
