"""Writes on businesses. The status of a business changes only through
`business_transition`, which checks the path (rules.TRANSITIONS) and writes an audit event."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from virage.core.services import audit_log

from . import rules
from .models import Business


def business_transition(*, business: Business, to_status: str, actor, reason: str = "") -> Business:
    """Move a business along its path. Refuses an invalid transition with a clear message.

    Locks the row so that two simultaneous transitions cannot both start from the same status.
    Permission checks belong to the calling service (who may decide what depends on the step).
    """
    with transaction.atomic():
        locked = Business.objects.select_for_update().get(pk=business.pk)
        current = locked.status
        if not rules.can_transition(current, to_status):
            raise ValidationError(
                _("A business that is “%(current)s” cannot become “%(target)s”.")
                % {
                    "current": Business.Status(current).label,
                    "target": Business.Status(to_status).label
                    if to_status in Business.Status.values
                    else to_status,
                }
            )
        now = timezone.now()
        locked.status = to_status
        locked.status_changed_at = now
        fields = ["status", "status_changed_at"]
        if to_status == rules.APPLIED and locked.applied_at is None:
            locked.applied_at = now
            fields.append("applied_at")
        if to_status == rules.ENROLLED and locked.enrolled_at is None:
            locked.enrolled_at = now
            fields.append("enrolled_at")
        locked.save(update_fields=fields)
        audit_log(
            actor=actor,
            verb="business.status_changed",
            obj=locked,
            before={"status": current},
            after={"status": to_status},
            reason=reason,
        )
    business.refresh_from_db()
    return business
