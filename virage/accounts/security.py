"""Security events and session bookkeeping shared by the login, two-factor and session code.

Security events go to the `virage.security` logger with identifiers only (user id, keyed
hashes of the typed address and of the IP): never an e-mail address, a password, a code or
an IP in clear (ASVS 7.1, Law 25)."""

from __future__ import annotations

import logging
import time
from functools import wraps
from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from .models import STAFF_ROLES

logger = logging.getLogger("virage.security")

AUTH_AT = "virage_auth_at"  # when the person signed in (absolute timeout)
LAST_SEEN = "virage_last_seen"  # last request (idle timeout), refreshed at most every minute
REAUTH_AT = "virage_reauth_at"  # last time the password (and code) were typed again
MFA_ENROLLED = "virage_mfa_enrolled"  # the account has a confirmed authenticator
MFA_PENDING_KEY = "virage_mfa_pending_key"  # secret of an authenticator being set up


def security_event(event: str, **fields) -> None:
    """Log one security event as `event key=value …` (values must be ids or hashes)."""
    details = " ".join(f"{key}={value}" for key, value in sorted(fields.items()))
    logger.info("%s %s", event, details)


def now() -> float:
    return time.time()


def has_mfa_device(user) -> bool:
    from django_otp.plugins.otp_totp.models import TOTPDevice

    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def mfa_required_for(user) -> bool:
    """Two-factor is mandatory for staff roles when VIRAGE_MFA_REQUIRED is on."""
    return bool(getattr(settings, "VIRAGE_MFA_REQUIRED", False)) and user.role in STAFF_ROLES


def on_user_logged_in(sender, request, user, **kwargs) -> None:
    """Start the session clocks and remember whether the account has an authenticator (one
    query at sign-in, so the middleware reads the session only on later requests)."""
    if request is None or not hasattr(request, "session"):
        return
    moment = now()
    request.session[AUTH_AT] = moment
    request.session[LAST_SEEN] = moment
    request.session[MFA_ENROLLED] = has_mfa_device(user)
    security_event("login.succeeded", user=user.pk)


def mark_reauthenticated(request) -> None:
    request.session[REAUTH_AT] = now()


def recently_reauthenticated(request) -> bool:
    max_age = int(getattr(settings, "VIRAGE_REAUTH_MAX_AGE_SECONDS", 600))
    at = request.session.get(REAUTH_AT)
    return at is not None and now() - float(at) <= max_age


def safe_next(request, default: str) -> str:
    """The `next` parameter when it stays on this site, else `default` (no open redirect)."""
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return default


def reauth_required(view):
    """Sensitive changes (e-mail, two-factor) ask for the password (and code) again when the
    last confirmation is older than VIRAGE_REAUTH_MAX_AGE_SECONDS."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.user.is_authenticated and not recently_reauthenticated(request):
            query = urlencode({"next": request.get_full_path()})
            return redirect(f"{reverse('accounts:reauth')}?{query}")
        return view(request, *args, **kwargs)

    return wrapper
