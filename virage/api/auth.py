"""API authentication: an organisation's key (X-API-Key or Authorization: Bearer), or the
signed-in session for the platform's own pages. Rate limits per key (429 + Retry-After)."""

from __future__ import annotations

import time

from django.core.cache import cache
from django.utils import timezone
from ninja.security import APIKeyHeader, HttpBearer, SessionAuth

from .models import ApiKey, hash_secret


class RateLimited(Exception):
    def __init__(self, retry_after: int):
        self.retry_after = retry_after


def _lookup(request, secret: str | None) -> ApiKey | None:
    if not secret or len(secret) > 200:
        return None
    key = (
        ApiKey.objects.select_related("region", "funder")
        .filter(hashed_key=hash_secret(secret), revoked_at__isnull=True)
        .first()
    )
    if key is None:
        return None
    window = int(time.time() // 60)
    counter = f"api-rate:{key.pk}:{window}"
    cache.add(counter, 0, timeout=120)
    try:
        used = cache.incr(counter)
    except ValueError:
        cache.set(counter, 1, timeout=120)
        used = 1
    if used > key.rate_per_minute:
        raise RateLimited(retry_after=60 - int(time.time()) % 60)
    if key.last_used_at is None or (timezone.now() - key.last_used_at).total_seconds() > 60:
        ApiKey.objects.filter(pk=key.pk).update(last_used_at=timezone.now())
    request.api_key = key
    return key


class KeyHeader(APIKeyHeader):
    param_name = "X-API-Key"

    def authenticate(self, request, key):
        return _lookup(request, key)


class KeyBearer(HttpBearer):
    def authenticate(self, request, token):
        return _lookup(request, token)


class Session(SessionAuth):
    """The platform's own pages (CSRF-protected for unsafe methods)."""

    def authenticate(self, request, key):
        user = super().authenticate(request, key)
        if user is not None:
            request.api_key = None
        return user


key_header = KeyHeader()
key_bearer = KeyBearer()
session = Session()
ANY_KEY = [key_header, key_bearer]
KEY_OR_SESSION = [key_header, key_bearer, session]


def require_scope(request, scope: str) -> ApiKey | None:
    """The calling key must hold `scope` (403 otherwise); session calls return None."""
    from ninja.errors import HttpError

    key = getattr(request, "api_key", None)
    if key is None:
        return None
    if scope not in key.scopes:
        raise HttpError(403, f"This key lacks the scope {scope}.")
    return key
