"""Reporting reads other apps' data only. Its writes: the audit trail of the program admin's
export of every business (Law 25: who took which personal data out, when) and the discarding
of the dashboards' pre-computed figures when the program admin asks for fresh ones."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied

from virage.accounts.permissions import is_program_admin
from virage.core.services import audit_log

from .filters import Filters


def businesses_export_record(*, actor, program, filters: Filters, contact: bool, fmt: str):
    """Record that `actor` exported the list of businesses (with contact details or not).
    Only program admins may export it."""
    if not is_program_admin(actor):
        raise PermissionDenied
    return audit_log(
        actor=actor,
        verb="reporting.businesses_exported",
        obj=program if program is not None else actor,
        after={"contact": contact, "format": fmt, "filters": filters.as_dict()},
    )


def snapshots_discard(*, actor) -> int:
    """Drop every pre-computed dashboard figure (snapshots.py), so the next view of each
    dashboard computes them from the data as it is now. Program admins only; returns how
    many were dropped."""
    from .models import ReportSnapshot

    if not is_program_admin(actor):
        raise PermissionDenied
    dropped, _ = ReportSnapshot.objects.all().delete()
    return dropped
