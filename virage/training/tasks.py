"""Training tasks (Django Tasks API). Idempotent: running one twice sends nothing twice."""

from __future__ import annotations

from django_tasks import task


@task()
def send_training_reminders() -> int:
    """Queue the day-before reminders that are due (see services.reminders_send_due)."""
    from .services import reminders_send_due

    return reminders_send_due()
