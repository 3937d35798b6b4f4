"""Personal data held by the accounts app: export (access, portability) and anonymisation
(deletion), plugged into virage.privacy.registry in AccountsConfig.ready()."""

from __future__ import annotations

from django.utils import timezone

from .models import User

# Fields of User that are not information about the person (or are secrets).
NOT_EXPORTED = {"id", "password", "is_staff", "is_superuser", "groups", "user_permissions"}


def export_account(user: User) -> dict[str, list[dict]]:
    from django_otp.plugins.otp_static.models import StaticToken
    from django_otp.plugins.otp_totp.models import TOTPDevice

    profile = {
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "phone": user.phone,
        "role": user.get_role_display(),
        "region": str(user.region) if user.region_id else None,
        "organisation": user.organisation,
        "is_privacy_officer": user.is_privacy_officer,
        "language": user.language,
        "is_active": user.is_active,
        "date_joined": user.date_joined,
        "last_login": user.last_login,
        "anonymised_at": user.anonymised_at,
    }
    devices = TOTPDevice.objects.filter(user=user, confirmed=True)
    security = {
        "two_factor_enabled": devices.exists(),
        "two_factor_since": devices.values_list("created_at", flat=True).first(),
        "recovery_codes_left": StaticToken.objects.filter(device__user=user).count(),
    }
    return {"profile": [profile], "security": [security]}


def anonymise_account(user: User, *, actor) -> dict[str, int]:
    """Erase what identifies the person; keep role, region and dates for statistics. The
    account can no longer sign in (inactive, unusable password, no authenticator)."""
    from django_otp.plugins.otp_static.models import StaticDevice
    from django_otp.plugins.otp_totp.models import TOTPDevice

    user.email = f"anonymised-{user.pk}@anonymised.invalid"
    user.first_name = ""
    user.last_name = ""
    user.phone = ""
    user.organisation = ""
    user.is_privacy_officer = False
    user.is_active = False
    user.is_staff = False
    user.is_superuser = False
    user.set_unusable_password()
    user.anonymised_at = timezone.now()
    user.save()
    devices = TOTPDevice.objects.filter(user=user).delete()[0]
    devices += StaticDevice.objects.filter(user=user).delete()[0]
    return {"users": 1, "authenticators": devices}
