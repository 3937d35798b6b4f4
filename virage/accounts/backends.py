"""The authentication backend: Django's model backend behind sign-in throttling.

Every form that signs people in (ours, the Django admin's) goes through `authenticate()`, so
the lockout applies everywhere. While an account or an IP is locked, authentication stops
(PermissionDenied) even with the right password."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied

from . import throttle
from .security import security_event

SCOPE = "login"


class ThrottledModelBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:  # programmatic checks (tests, shell) are not throttled
            return super().authenticate(request, username=username, password=password, **kwargs)
        account = username or kwargs.get(get_user_model().USERNAME_FIELD) or ""
        ip = throttle.client_ip(request)
        if throttle.is_locked(scope=SCOPE, account=account, ip=ip):
            security_event(
                "login.refused_locked",
                account=throttle.fingerprint(account),
                ip=throttle.fingerprint(ip),
            )
            raise PermissionDenied
        user = super().authenticate(request, username=username, password=password, **kwargs)
        if user is None:
            locked = throttle.register_failure(scope=SCOPE, account=account, ip=ip)
            security_event(
                "login.failed",
                account=throttle.fingerprint(account),
                ip=throttle.fingerprint(ip),
                locked=locked,
            )
        else:
            throttle.reset(scope=SCOPE, account=account)
        return user
