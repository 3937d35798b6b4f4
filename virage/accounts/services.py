"""Writes on accounts: every change goes through here (atomic, permission-checked, audited)."""

from __future__ import annotations

import uuid

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


# --- two-factor authentication and sensitive changes ---------------------------------------------

RECOVERY_CODE_COUNT = 10


def _recovery_codes(device) -> list[str]:
    from django_otp.plugins.otp_static.models import StaticToken

    codes = [StaticToken.random_token() for _i in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=c) for c in codes])
    return codes


def mfa_enable(*, user: User, key_hex: str, token: str, actor: User):
    """Confirm a new authenticator: `token` must be a valid code for the secret `key_hex` the
    person scanned. Replaces any previous authenticator and issues fresh recovery codes.
    Returns (device, recovery_codes)."""
    from binascii import unhexlify

    from django_otp.oath import TOTP
    from django_otp.plugins.otp_static.models import StaticDevice
    from django_otp.plugins.otp_totp.models import TOTPDevice

    if actor.pk != user.pk:
        raise PermissionDenied
    token = "".join(token.split())
    totp = TOTP(unhexlify(key_hex.encode()), step=30, t0=0, digits=6)
    if not token.isdigit() or not totp.verify(int(token), tolerance=1):
        raise ValidationError({"token": _("This code is not valid. Type the 6 digits shown now.")})
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        StaticDevice.objects.filter(user=user).delete()
        device = TOTPDevice.objects.create(
            user=user, name=_("Authenticator app"), key=key_hex, confirmed=True
        )
        recovery = StaticDevice.objects.create(user=user, name=_("Recovery codes"), confirmed=True)
        codes = _recovery_codes(recovery)
        audit_log(actor=actor, verb="user.mfa_enabled", obj=user)
    return device, codes


def mfa_recovery_codes_regenerate(*, user: User, actor: User) -> list[str]:
    """Replace the recovery codes (the old ones stop working)."""
    from django_otp.plugins.otp_static.models import StaticDevice

    if actor.pk != user.pk:
        raise PermissionDenied
    with transaction.atomic():
        device = StaticDevice.objects.filter(user=user).first()
        if device is None:
            raise ValidationError(_("Set up two-factor authentication first."))
        device.token_set.all().delete()
        codes = _recovery_codes(device)
        audit_log(actor=actor, verb="user.mfa_recovery_codes_renewed", obj=user)
    return codes


def mfa_disable(*, user: User, actor: User) -> int:
    """Remove the person's authenticator and recovery codes. Staff who must use two-factor are
    asked to set up a new one at their next page."""
    from django_otp.plugins.otp_static.models import StaticDevice
    from django_otp.plugins.otp_totp.models import TOTPDevice

    if actor.pk != user.pk:
        raise PermissionDenied
    with transaction.atomic():
        removed = TOTPDevice.objects.filter(user=user).delete()[0]
        removed += StaticDevice.objects.filter(user=user).delete()[0]
        if removed:
            audit_log(actor=actor, verb="user.mfa_disabled", obj=user)
    return removed


def user_change_email(*, user: User, actor: User, email: str) -> User:
    """A person changes their sign-in address (after re-authentication, checked by the view).
    The former address is told, so a hijacked account does not go unnoticed."""
    if actor.pk != user.pk:
        raise PermissionDenied
    email = User.objects.normalize_email(email).strip().lower()
    if email == user.email:
        return user
    former = user.email
    try:
        with transaction.atomic():
            user.email = email
            user.save(update_fields=["email"])
            audit_log(actor=actor, verb="user.email_changed", obj=user, after={"fields": ["email"]})
            email_queue(
                key=f"email-changed:{user.pk}:{uuid.uuid4().hex}",
                to=former,
                template="accounts/email_changed",
                context={"name": user.get_short_name()},
                language=user.language,
            )
    except IntegrityError:
        user.email = former
        raise ValidationError(
            {"email": _("An account already uses this e-mail address.")}
        ) from None
    return user
