"""Sign-in throttling and lockout, kept in the cache (Redis in production).

Failures are counted per account (the typed e-mail address) and per client IP over a window;
reaching the limit locks that account or IP for the lockout time. Cache keys hold a keyed
hash, never the address or the IP themselves. Limits come from settings
(VIRAGE_LOGIN_FAILURES_PER_ACCOUNT, VIRAGE_LOGIN_FAILURES_PER_IP, VIRAGE_LOGIN_WINDOW_SECONDS,
VIRAGE_LOGIN_LOCKOUT_SECONDS).

The per-account lock is temporary on purpose: someone who knows an address can lock it for
fifteen minutes, not forever, and the password-reset link keeps working.
"""

from __future__ import annotations

import base64
import logging
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.utils.crypto import salted_hmac

logger = logging.getLogger("virage.security")

DEFAULTS = {
    "VIRAGE_LOGIN_FAILURES_PER_ACCOUNT": 5,
    "VIRAGE_LOGIN_FAILURES_PER_IP": 20,
    "VIRAGE_LOGIN_WINDOW_SECONDS": 15 * 60,
    "VIRAGE_LOGIN_LOCKOUT_SECONDS": 15 * 60,
}


def _setting(name: str) -> int:
    return int(getattr(settings, name, DEFAULTS[name]))


def lockout_minutes() -> int:
    return max(1, _setting("VIRAGE_LOGIN_LOCKOUT_SECONDS") // 60)


def fingerprint(value: str) -> str:
    """A keyed hash of an identifier (e-mail, IP): usable in cache keys and logs."""
    digest = salted_hmac("virage.throttle", (value or "").strip().lower()).digest()
    return base64.b32encode(digest[:15]).decode().lower()


def client_ip(request) -> str:
    """The client address. Behind a reverse proxy, set VIRAGE_CLIENT_IP_HEADER (e.g.
    "HTTP_X_REAL_IP") to the header the proxy overwrites; never trust X-Forwarded-For as is."""
    header = getattr(settings, "VIRAGE_CLIENT_IP_HEADER", None)
    if header and request.META.get(header):
        return request.META[header].split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def _keys(scope: str, kind: str, value: str) -> tuple[str, str]:
    digest = fingerprint(value)
    return f"throttle:{scope}:{kind}:{digest}:n", f"throttle:{scope}:{kind}:{digest}:locked"


def _subjects(account: str | None, ip: str | None):
    if account:
        yield "account", account, _setting("VIRAGE_LOGIN_FAILURES_PER_ACCOUNT")
    if ip:
        yield "ip", ip, _setting("VIRAGE_LOGIN_FAILURES_PER_IP")


def _fail_open(default):
    """A cache outage must not lock everybody out: the check is skipped and logged."""

    def decorator(fn):
        @wraps(fn)
        def wrapper(*args, **kwargs):
            try:
                return fn(*args, **kwargs)
            except Exception as exc:  # noqa: BLE001 - any cache backend error
                logger.error("throttle.cache_unavailable error=%s", exc.__class__.__name__)
                return default

        return wrapper

    return decorator


@_fail_open(False)
def is_locked(*, scope: str, account: str | None = None, ip: str | None = None) -> bool:
    """True while the account or the IP is locked for this scope (login, mfa, reauth)."""
    keys = [_keys(scope, kind, value)[1] for kind, value, _limit in _subjects(account, ip)]
    if not keys:
        return False
    return any(cache.get_many(keys).values())


@_fail_open(False)
def register_failure(*, scope: str, account: str | None = None, ip: str | None = None) -> bool:
    """Count one failure; returns True when this failure locks the account or the IP."""
    window = _setting("VIRAGE_LOGIN_WINDOW_SECONDS")
    lockout = _setting("VIRAGE_LOGIN_LOCKOUT_SECONDS")
    locked = False
    for kind, value, limit in _subjects(account, ip):
        counter, lock = _keys(scope, kind, value)
        cache.add(counter, 0, window)
        try:
            count = cache.incr(counter)
        except ValueError:  # expired between add and incr
            cache.set(counter, 1, window)
            count = 1
        if count >= limit:
            cache.set(lock, 1, lockout)
            cache.delete(counter)
            locked = True
    return locked


@_fail_open(None)
def reset(*, scope: str, account: str) -> None:
    """A success clears the account's failure count (the IP count keeps running)."""
    counter, _lock = _keys(scope, "account", account)
    cache.delete(counter)
