"""Platform tasks (Django Tasks API). Tasks are idempotent: re-running one is harmless."""

from __future__ import annotations

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from .models import OutgoingEmail

logger = logging.getLogger(__name__)


def retry_delay(attempt: int) -> timedelta:
    """Exponential back-off: 1, 2, 4, 8… minutes, at most one hour."""
    return timedelta(minutes=min(2 ** (attempt - 1), 60))


@task(queue_name="email")
def send_email(email_id: int) -> str:
    """Send one queued e-mail once. Already sent → nothing happens. A failure is retried
    with back-off (EMAIL_MAX_ATTEMPTS) when the task backend can defer tasks."""
    with transaction.atomic():
        email = OutgoingEmail.objects.select_for_update().filter(pk=email_id).first()
        if email is None:
            return "missing"
        if email.status == OutgoingEmail.Status.SENT:
            return "already-sent"
        message = EmailMultiAlternatives(subject=email.subject, body=email.body_text, to=[email.to])
        if email.body_html:
            message.attach_alternative(email.body_html, "text/html")
        for attachment in email.attachments:
            message.attach(
                attachment["filename"], attachment["content"], attachment.get("mimetype")
            )
        email.attempts += 1
        try:
            message.send()
        except Exception as exc:  # noqa: BLE001 - recorded, then retried or marked failed
            email.last_error = exc.__class__.__name__[:300]
            retry = (
                email.attempts < settings.EMAIL_MAX_ATTEMPTS
                and send_email.get_backend().supports_defer
            )
            email.status = OutgoingEmail.Status.QUEUED if retry else OutgoingEmail.Status.FAILED
            email.save(update_fields=["status", "attempts", "last_error"])
            logger.warning(
                "e-mail %s attempt %s failed: %s", email.pk, email.attempts, email.last_error
            )
            if retry:
                run_after = timezone.now() + retry_delay(email.attempts)
                transaction.on_commit(
                    lambda: send_email.using(run_after=run_after).enqueue(email_id)
                )
                return "retry-scheduled"
            return "failed"
        email.status = OutgoingEmail.Status.SENT
        email.sent_at = timezone.now()
        email.save(update_fields=["status", "attempts", "sent_at"])
    return "sent"
