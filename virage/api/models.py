"""API keys per organisation (hashed, shown once, with scopes) and idempotency records."""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

KEY_PREFIX = "vrg_"


def hash_secret(secret: str) -> str:
    """Keys are 256-bit random values: a plain SHA-256 is enough (not a password)."""
    return hashlib.sha256(secret.encode()).hexdigest()


class ApiKey(models.Model):
    """A key held by a partner, a funder or the operator's web site. Only its SHA-256 hash
    is stored; the full key is shown once at creation."""

    class Kind(models.TextChoices):
        PARTNER = "partner", _("regional partner")
        FUNDER = "funder", _("funder")
        OPERATOR = "operator", _("operator web site")

    class Scope(models.TextChoices):
        CALLBACKS_WRITE = "callbacks:write", _("sign businesses up to the callback list")
        CATALOG_READ = "catalog:read", _("read public capsules and training sessions")
        AGGREGATES_READ = "aggregates:read", _("read aggregates (program, or its region)")
        EXPORTS_READ = "exports:read", _("read anonymous bulk exports")

    name = models.CharField(_("name"), max_length=120)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    scopes = models.JSONField(_("scopes"), default=list)
    region = models.ForeignKey(
        "programs.Region",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("region"),
    )
    funder = models.ForeignKey(
        "funding.Funder",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("funder"),
    )
    prefix = models.CharField(max_length=12, unique=True)
    hashed_key = models.CharField(max_length=64, unique=True)
    rate_per_minute = models.PositiveIntegerField(_("requests per minute"), default=120)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("API key")
        verbose_name_plural = _("API keys")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(kind="partner") | models.Q(region__isnull=False),
                name="apikey_partner_has_region",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None

    @staticmethod
    def generate() -> tuple[str, str, str]:
        """(full key, prefix, hash)."""
        prefix = secrets.token_hex(4)
        secret = f"{KEY_PREFIX}{prefix}_{secrets.token_urlsafe(32)}"
        return secret, prefix, hash_secret(secret)


class IdempotencyRecord(models.Model):
    """The stored answer to a POST sent with an `Idempotency-Key` header, replayed when the
    same key is used again by the same API key (retries never create twice)."""

    api_key = models.ForeignKey(ApiKey, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=100)
    request_hash = models.CharField(max_length=64)
    status_code = models.PositiveSmallIntegerField()
    body = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["api_key", "key"], name="idempotency_unique"),
        ]

    def __str__(self) -> str:
        return self.key
