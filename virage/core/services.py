"""Platform services: audit trail and e-mail queueing. Other apps call these."""

from __future__ import annotations

from typing import Any

from django.db import models, transaction
from django.template.loader import render_to_string
from django.utils import translation

from .models import AuditEvent, OutgoingEmail


def audit_log(
    *,
    actor,
    verb: str,
    obj: models.Model,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    reason: str = "",
) -> AuditEvent:
    """Record an audit event. `actor` may be None for the system (tasks, imports)."""
    actor_id = actor.pk if actor is not None and getattr(actor, "is_authenticated", False) else None
    return AuditEvent.objects.create(
        actor_id=actor_id,
        verb=verb,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        before=before,
        after=after,
        reason=reason,
    )


def email_queue(
    *,
    key: str,
    to: str,
    template: str,
    context: dict[str, Any],
    language: str,
    attachments: list[dict[str, str]] | None = None,
) -> OutgoingEmail | None:
    """Render an e-mail in the recipient's language and send it by a task after commit.

    `template` names `emails/<template>_subject.txt`, `emails/<template>.txt` and optionally
    `emails/<template>.html`. `key` makes it idempotent: a second call with the same key does
    nothing. Attachments are dicts {filename, content, mimetype} with text content.
    """
    with translation.override(language):
        subject = " ".join(render_to_string(f"emails/{template}_subject.txt", context).split())
        body_text = render_to_string(f"emails/{template}.txt", context)
        try:
            body_html = render_to_string(f"emails/{template}.html", context)
        except Exception:  # noqa: BLE001 - the HTML part is optional
            body_html = ""
    email, created = OutgoingEmail.objects.get_or_create(
        key=key,
        defaults={
            "to": to,
            "language": language,
            "template": template,
            "subject": subject[:250],
            "body_text": body_text,
            "body_html": body_html,
            "attachments": attachments or [],
        },
    )
    if not created:
        return None
    from .tasks import send_email

    transaction.on_commit(lambda: send_email.enqueue(email.pk))
    return email
