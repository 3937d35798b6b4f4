"""Platform tasks (Django Tasks API). Tasks are idempotent: re-running one is harmless."""

from __future__ import annotations

from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from .models import OutgoingEmail


@task(queue_name="email")
def send_email(email_id: int) -> str:
    """Send one queued e-mail once. Already sent → nothing happens."""
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
        except Exception as exc:
            email.status = OutgoingEmail.Status.FAILED
            email.last_error = f"{exc.__class__.__name__}"[:300]
            email.save(update_fields=["status", "attempts", "last_error"])
            raise
        email.status = OutgoingEmail.Status.SENT
        email.sent_at = timezone.now()
        email.save(update_fields=["status", "attempts", "sent_at"])
    return "sent"
