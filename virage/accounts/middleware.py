"""Session timeouts and two-factor enforcement.

Both read the session only (no query on an ordinary request): the clocks and the
"has an authenticator" flag are written at sign-in (`security.on_user_logged_in`)."""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from .models import STAFF_ROLES
from .security import (
    AUTH_AT,
    LAST_SEEN,
    MFA_ENROLLED,
    has_mfa_device,
    mfa_required_for,
    now,
    security_event,
)

LAST_SEEN_RESOLUTION = 60  # seconds: the idle clock is written at most once a minute


def idle_limit(user) -> int:
    if user.role in STAFF_ROLES:
        return int(getattr(settings, "VIRAGE_SESSION_IDLE_STAFF_SECONDS", 30 * 60))
    return int(getattr(settings, "VIRAGE_SESSION_IDLE_MERCHANT_SECONDS", 2 * 60 * 60))


def absolute_limit() -> int:
    return int(getattr(settings, "VIRAGE_SESSION_ABSOLUTE_SECONDS", 12 * 60 * 60))


class SessionTimeoutMiddleware:
    """Idle timeout (30 min for staff, 2 h for merchants by default) and absolute timeout
    (12 h): past either, the person is signed out and asked to sign in again."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            session = request.session
            moment = now()
            auth_at = session.get(AUTH_AT)
            last_seen = session.get(LAST_SEEN)
            reason = None
            if auth_at is not None and moment - float(auth_at) > absolute_limit():
                reason = "absolute"
            elif last_seen is not None and moment - float(last_seen) > idle_limit(user):
                reason = "idle"
            if reason:
                security_event("session.expired", user=user.pk, reason=reason)
                logout(request)
                messages.info(request, _("Your session expired. Please sign in again."))
                target = request.get_full_path() if request.method == "GET" else None
                return redirect_to_login(target or reverse("accounts:home"))
            if auth_at is None:
                session[AUTH_AT] = moment
            if last_seen is None or moment - float(last_seen) > LAST_SEEN_RESOLUTION:
                session[LAST_SEEN] = moment
        return self.get_response(request)


# Pages a person must reach before the second factor is verified.
MFA_EXEMPT = frozenset(
    {
        "accounts:mfa_setup",
        "accounts:mfa_verify",
        "accounts:reauth",
        "accounts:logout",
        "set_language",
        "healthz",
        "readyz",
        "privacy:policy",
        "privacy:terms",
        "privacy:policy_version",
    }
)


class MFARequiredMiddleware:
    """Staff (advisor, trainer, partner, funder, admin) must pass a TOTP code when
    VIRAGE_MFA_REQUIRED is on; anyone who set up an authenticator (merchants may) must pass
    it too. Until then every page sends them to the code (or set-up) page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        is_verified = getattr(user, "is_verified", None)
        if is_verified is not None and is_verified():
            return None
        enrolled = bool(request.session.get(MFA_ENROLLED))
        if not (enrolled or mfa_required_for(user)):
            return None
        match = request.resolver_match
        if match is not None and match.view_name in MFA_EXEMPT:
            return None
        target = "accounts:mfa_verify" if enrolled or has_mfa_device(user) else "accounts:mfa_setup"
        query = urlencode({"next": request.get_full_path()})
        return redirect(f"{reverse(target)}?{query}")
