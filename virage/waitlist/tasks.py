"""Background work of the callback list. Every task is idempotent: running it again (or
twice at once) changes nothing more."""

from __future__ import annotations

from django_tasks import task


def _user(actor_id):
    from virage.accounts.models import User

    return User.objects.filter(pk=actor_id).first() if actor_id else None


@task()
def wave_send_invitations_task(wave_id: int, actor_id: int | None = None) -> int:
    """Fill a wave's free places with invitations (see services.wave_send_invitations)."""
    from .models import IntakeWave
    from .services import wave_send_invitations

    wave = IntakeWave.objects.filter(pk=wave_id).first()
    if wave is None:
        return 0
    return wave_send_invitations(wave=wave, actor=_user(actor_id))


@task()
def callback_import_apply_task(import_id: int, actor_id: int | None = None) -> str:
    """Apply a checked import of the callback list, all or nothing."""
    from .models import CallbackImport
    from .services import callback_import_apply

    batch = CallbackImport.objects.filter(pk=import_id).first()
    if batch is None:
        return "missing"
    return callback_import_apply(batch=batch, actor=_user(actor_id)).status


@task()
def intake_housekeeping_task() -> dict:
    """Reminders, expiries and erasure of unconfirmed sign-ups (see intake_housekeeping)."""
    from .services import intake_housekeeping

    return intake_housekeeping()
