"""Writes on accounts: every change goes through here (atomic, permission-checked, audited)."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from virage.core.services import audit_log, email_queue

from .models import Role, User
from .permissions import can_manage_staff


def user_set_language(*, user: User, language: str) -> User:
    if language not in dict(settings.LANGUAGES):
        raise ValidationError({"language": _("Unknown language.")})
    User.objects.filter(pk=user.pk).update(language=language)
    user.language = language
    return user


def user_update_profile(
    *, user: User, actor: User, first_name: str, last_name: str, phone: str, language: str
) -> User:
    """A person edits their own name, phone and language."""
    if actor.pk != user.pk:
        raise PermissionDenied
    fields = {
        "first_name": first_name,
        "last_name": last_name,
        "phone": phone,
        "language": language,
    }
    with transaction.atomic():
        changed = [name for name, value in fields.items() if getattr(user, name) != value]
        for name in changed:
            setattr(user, name, fields[name])
        if changed:
            user.save(update_fields=changed)
            # field names only: the audit trail holds no personal values
            audit_log(actor=actor, verb="user.profile_updated", obj=user, after={"fields": changed})
    return user


def password_reset_url(user: User, *, language: str | None = None) -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    with translation.override(language or user.language):
        path = reverse("accounts:password_reset_confirm", kwargs={"uidb64": uid, "token": token})
    return f"{settings.VIRAGE_SITE_URL}{path}"


def password_reset_send(*, user: User) -> None:
    """E-mail a password-reset link in the user's language (idempotent per token)."""
    url = password_reset_url(user)
    email_queue(
        key=f"password-reset:{user.pk}:{url.rsplit('/', 2)[-2]}",
        to=user.email,
        template="accounts/password_reset",
        context={"name": user.get_short_name(), "reset_url": url},
        language=user.language,
    )


def staff_user_create(
    *,
    actor: User,
    email: str,
    role: str,
    first_name: str = "",
    last_name: str = "",
    region=None,
    organisation: str = "",
    language: str = "fr",
    is_privacy_officer: bool = False,
) -> User:
    """The program admin creates a staff account; the person receives an e-mail to choose
    their password. Merchants never come through here (they sign up through intake)."""
    if not can_manage_staff(actor):
        raise PermissionDenied
    if role not in {r.value for r in Role} or role == Role.MERCHANT:
        raise ValidationError({"role": _("Choose a staff role.")})
    if role == Role.PARTNER and region is None:
        raise ValidationError({"region": _("A regional partner needs a region.")})
    email = User.objects.normalize_email(email).lower()
    try:
        with transaction.atomic():
            user = User.objects.create_user(
                email=email,
                password=None,
                role=role,
                first_name=first_name,
                last_name=last_name,
                region=region if role == Role.PARTNER else None,
                organisation=organisation,
                language=language,
                is_privacy_officer=is_privacy_officer and role == Role.ADMIN,
                is_staff=role == Role.ADMIN,
                is_superuser=role == Role.ADMIN,
            )
            audit_log(actor=actor, verb="user.staff_created", obj=user, after={"role": role})
            email_queue(
                key=f"staff-welcome:{user.pk}",
                to=user.email,
                template="accounts/staff_welcome",
                context={
                    "name": user.get_short_name(),
                    "role": user.get_role_display(),
                    "reset_url": password_reset_url(user),
                },
                language=user.language,
            )
    except IntegrityError:
        raise ValidationError(
            {"email": _("An account already uses this e-mail address.")}
        ) from None
    return user
