"""API key lifecycle (program admin only, audited)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from virage.accounts.permissions import is_program_admin
from virage.core.services import audit_log

from .models import ApiKey


def api_key_create(
    *,
    actor,
    name: str,
    kind: str,
    scopes: list[str],
    region=None,
    funder=None,
    rate_per_minute: int = 120,
) -> tuple[ApiKey, str]:
    """Create a key; returns (key, full secret) — the secret is never stored or shown again."""
    if not is_program_admin(actor):
        raise PermissionDenied
    allowed = set(ApiKey.Scope.values)
    if not scopes or not set(scopes) <= allowed:
        raise ValidationError({"scopes": _("Choose at least one scope.")})
    if kind == ApiKey.Kind.PARTNER and region is None:
        raise ValidationError({"region": _("A partner key needs the partner's region.")})
    if kind != ApiKey.Kind.OPERATOR and ApiKey.Scope.CALLBACKS_WRITE in scopes:
        raise ValidationError({"scopes": _("Only the operator's web site signs businesses up.")})
    secret, prefix, hashed = ApiKey.generate()
    with transaction.atomic():
        key = ApiKey.objects.create(
            name=name,
            kind=kind,
            scopes=sorted(scopes),
            region=region if kind == ApiKey.Kind.PARTNER else None,
            funder=funder if kind == ApiKey.Kind.FUNDER else None,
            prefix=prefix,
            hashed_key=hashed,
            rate_per_minute=rate_per_minute,
            created_by=actor,
        )
        audit_log(
            actor=actor,
            verb="apikey.created",
            obj=key,
            after={"kind": kind, "scopes": sorted(scopes)},
        )
    return key, secret


def api_key_revoke(*, actor, key: ApiKey, reason: str = "") -> ApiKey:
    if not is_program_admin(actor):
        raise PermissionDenied
    with transaction.atomic():
        updated = ApiKey.objects.filter(pk=key.pk, revoked_at__isnull=True).update(
            revoked_at=timezone.now()
        )
        if updated:
            audit_log(actor=actor, verb="apikey.revoked", obj=key, reason=reason)
    key.refresh_from_db()
    return key
