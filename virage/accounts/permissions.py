"""Role predicates: the one place that answers "may this user …?" for roles.

Pure functions of the user (and objects passed in); views and services call them, templates
get their results. Object scoping lives in each model's `QuerySet.visible_to(user)`.
"""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

from .models import STAFF_ROLES, Role


def _role(user) -> str | None:
    if user is None or not user.is_authenticated or not user.is_active:
        return None
    return user.role


def is_merchant(user) -> bool:
    return _role(user) == Role.MERCHANT


def is_advisor(user) -> bool:
    return _role(user) == Role.ADVISOR


def is_trainer(user) -> bool:
    return _role(user) == Role.TRAINER


def is_partner(user) -> bool:
    return _role(user) == Role.PARTNER


def is_funder(user) -> bool:
    return _role(user) == Role.FUNDER


def is_program_admin(user) -> bool:
    return _role(user) == Role.ADMIN


def is_privacy_officer(user) -> bool:
    return is_program_admin(user) and bool(user.is_privacy_officer)


def is_staff_role(user) -> bool:
    """Advisors, trainers, partners, funders and admins (two-factor is mandatory for them)."""
    return _role(user) in STAFF_ROLES


def sees_personal_data(user) -> bool:
    """Partners and funders only ever see aggregates."""
    return _role(user) in {Role.MERCHANT, Role.ADVISOR, Role.TRAINER, Role.ADMIN}


def can_manage_staff(user) -> bool:
    return is_program_admin(user)


def can_edit_program_settings(user) -> bool:
    return is_program_admin(user)


def role_required(*roles: str):
    """View decorator: anonymous → login page; another role → 403 (the page exists for
    others, so its existence is no secret; objects out of scope are 404 in the views)."""

    allowed = frozenset(roles)

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            user = request.user
            if not user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if user.role not in allowed:
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
