"""Sign-in, sign-out, password reset, profile, the home page of each role, two-factor
authentication, re-authentication and e-mail change."""

from __future__ import annotations

import secrets
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy, translate_url
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp import DEVICE_ID_SESSION_KEY, match_token
from django_otp import login as otp_login

from virage.core.navigation import panels_for

from . import throttle
from .forms import (
    EmailAuthenticationForm,
    EmailChangeForm,
    MFASetupForm,
    OTPTokenForm,
    PasswordResetForm,
    ProfileForm,
    ReauthForm,
)
from .security import (
    MFA_ENROLLED,
    MFA_PENDING_KEY,
    has_mfa_device,
    mark_reauthenticated,
    mfa_required_for,
    reauth_required,
    recently_reauthenticated,
    safe_next,
    security_event,
)
from .services import (
    mfa_disable,
    mfa_enable,
    mfa_recovery_codes_regenerate,
    user_change_email,
    user_update_profile,
)


def _locked_page(request, template: str, context: dict):
    """429 with a clear message in the page's language."""
    context = {
        **context,
        "locked": True,
        "lockout_minutes": throttle.lockout_minutes(),
    }
    return render(request, template, context, status=429)


class LoginView(auth_views.LoginView):
    """E-mail and password, throttled per account and per IP; then the second factor when
    the account has one (or must have one)."""

    form_class = EmailAuthenticationForm
    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def _is_locked(self) -> bool:
        return throttle.is_locked(
            scope="login",
            account=self.request.POST.get("username", ""),
            ip=throttle.client_ip(self.request),
        )

    def post(self, request, *args, **kwargs):
        if self._is_locked():
            security_event(
                "login.locked_page", ip=throttle.fingerprint(throttle.client_ip(request))
            )
            return _locked_page(request, self.template_name, self.get_context_data())
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form):
        if self._is_locked():
            return _locked_page(self.request, self.template_name, self.get_context_data(form=form))
        return super().form_invalid(form)

    def form_valid(self, form):
        response = super().form_valid(form)
        user = form.get_user()
        mark_reauthenticated(self.request)
        language = user.language
        location = translate_url(response["Location"], language)
        if self.request.session.get(MFA_ENROLLED) or mfa_required_for(user):
            step = (
                "accounts:mfa_verify"
                if self.request.session.get(MFA_ENROLLED)
                else ("accounts:mfa_setup")
            )
            with translation.override(language):
                location = f"{reverse(step)}?{urlencode({'next': location})}"
        response["Location"] = location
        translation.activate(language)
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            language,
            samesite="Lax",
            secure=self.request.is_secure(),
            httponly=True,
            max_age=365 * 24 * 3600,
        )
        return response


class LogoutView(auth_views.LogoutView):
    template_name = "accounts/logged_out.html"


class PasswordResetView(auth_views.PasswordResetView):
    form_class = PasswordResetForm
    template_name = "accounts/password_reset_form.html"
    success_url = reverse_lazy("accounts:password_reset_done")


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"


@login_required
def home(request):
    """The signed-in home page: panels contributed by each app for the user's role."""
    return render(request, "accounts/home.html", {"panels": panels_for(request)})


@login_required
def profile(request):
    user = request.user
    if request.method == "POST":
        form = ProfileForm(request.POST)
        if form.is_valid():
            user_update_profile(user=user, actor=user, **form.cleaned_data)
            language = form.cleaned_data["language"]
            translation.activate(language)
            messages.success(request, _("Your profile was saved."))
            response = redirect(reverse("accounts:profile"))
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                language,
                samesite="Lax",
                secure=request.is_secure(),
                httponly=True,
            )
            return response
    else:
        form = ProfileForm(
            initial={
                "first_name": user.first_name,
                "last_name": user.last_name,
                "phone": user.phone,
                "language": user.language,
            }
        )
    return render(request, "accounts/profile.html", {"form": form})


# --- two-factor authentication ----------------------------------------------------------------


def _verified(request) -> bool:
    check = getattr(request.user, "is_verified", None)
    return bool(check and check())


@login_required
def mfa(request):
    """Two-factor status: set up, renew recovery codes, remove."""
    from django_otp.plugins.otp_static.models import StaticToken

    user = request.user
    return render(
        request,
        "accounts/mfa.html",
        {
            "enabled": has_mfa_device(user),
            "required": mfa_required_for(user),
            "codes_left": StaticToken.objects.filter(device__user=user).count(),
        },
    )


@login_required
@reauth_required
def mfa_setup(request):
    """Scan the QR code (or type the key), confirm with a code, keep the recovery codes."""
    import segno
    from django_otp.plugins.otp_totp.models import TOTPDevice

    user = request.user
    key_hex = request.session.get(MFA_PENDING_KEY)
    if not key_hex:
        key_hex = secrets.token_hex(20)
        request.session[MFA_PENDING_KEY] = key_hex
    form = MFASetupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            device, codes = mfa_enable(
                user=user, key_hex=key_hex, token=form.cleaned_data["token"], actor=user
            )
        except ValidationError as exc:
            form.add_error("token", exc.message_dict.get("token", exc.messages))
        else:
            otp_login(request, device)
            request.session[MFA_ENROLLED] = True
            request.session.pop(MFA_PENDING_KEY, None)
            security_event("mfa.enabled", user=user.pk)
            return render(
                request,
                "accounts/mfa_codes.html",
                {"codes": codes, "next": safe_next(request, reverse("accounts:home"))},
            )
    draft = TOTPDevice(user=user, key=key_hex, name="draft")
    secret = draft.config_url.split("secret=")[1].split("&")[0]
    return render(
        request,
        "accounts/mfa_setup.html",
        {
            "form": form,
            "qr": segno.make(draft.config_url, error="m").svg_data_uri(scale=5, border=2),
            "secret_groups": [secret[i : i + 4] for i in range(0, len(secret), 4)],
            "next": safe_next(request, ""),
        },
    )


@login_required
def mfa_verify(request):
    """The second step of sign-in: a code from the app or a recovery code."""
    user = request.user
    next_url = safe_next(request, reverse("accounts:home"))
    if _verified(request):
        return redirect(next_url)
    if not has_mfa_device(user):
        return redirect(f"{reverse('accounts:mfa_setup')}?{urlencode({'next': next_url})}")
    account = str(user.pk)
    form = OTPTokenForm(request.POST or None)
    if request.method == "POST":
        if throttle.is_locked(scope="mfa", account=account):
            return _locked_page(
                request, "accounts/mfa_verify.html", {"form": form, "next": next_url}
            )
        if form.is_valid():
            device = match_token(user, "".join(form.cleaned_data["token"].split()))
            if device is not None:
                otp_login(request, device)
                request.session[MFA_ENROLLED] = True
                mark_reauthenticated(request)
                throttle.reset(scope="mfa", account=account)
                security_event("mfa.verified", user=user.pk, device=device.persistent_id)
                if device.persistent_id.startswith("otp_static"):
                    messages.warning(
                        request,
                        _("You used a recovery code. %(n)s left: renew them on the security page.")
                        % {"n": device.token_set.count()},
                    )
                return redirect(next_url)
            locked = throttle.register_failure(scope="mfa", account=account)
            security_event("mfa.failed", user=user.pk, locked=locked)
            if locked:
                return _locked_page(
                    request, "accounts/mfa_verify.html", {"form": form, "next": next_url}
                )
            form.add_error("token", _("This code is not valid."))
    return render(request, "accounts/mfa_verify.html", {"form": form, "next": next_url})


def _reauth_then(request, url_name: str):
    query = urlencode({"next": reverse(url_name)})
    return redirect(f"{reverse('accounts:reauth')}?{query}")


@login_required
@require_POST
def mfa_recovery(request):
    if not recently_reauthenticated(request):
        return _reauth_then(request, "accounts:mfa")
    try:
        codes = mfa_recovery_codes_regenerate(user=request.user, actor=request.user)
    except ValidationError as exc:
        for error in exc.messages:
            messages.error(request, error)
        return redirect("accounts:mfa")
    security_event("mfa.recovery_codes_renewed", user=request.user.pk)
    return render(
        request, "accounts/mfa_codes.html", {"codes": codes, "next": reverse("accounts:mfa")}
    )


@login_required
@require_POST
def mfa_remove(request):
    if not recently_reauthenticated(request):
        return _reauth_then(request, "accounts:mfa")
    mfa_disable(user=request.user, actor=request.user)
    request.session[MFA_ENROLLED] = False
    request.session.pop(DEVICE_ID_SESSION_KEY, None)
    security_event("mfa.disabled", user=request.user.pk)
    if mfa_required_for(request.user):
        messages.info(
            request,
            _(
                "Two-factor authentication is required for your role: "
                "set up your new authenticator now."
            ),
        )
        return redirect("accounts:mfa_setup")
    messages.success(request, _("Two-factor authentication is turned off."))
    return redirect("accounts:mfa")


@login_required
def reauth(request):
    """Confirm it is you (password, and code when the account has an authenticator) before a
    sensitive change."""
    user = request.user
    with_token = has_mfa_device(user)
    next_url = safe_next(request, reverse("accounts:profile"))
    form = ReauthForm(request.POST or None, with_token=with_token)
    account = str(user.pk)
    if request.method == "POST":
        if throttle.is_locked(scope="reauth", account=account):
            return _locked_page(request, "accounts/reauth.html", {"form": form, "next": next_url})
        if form.is_valid():
            ok = user.check_password(form.cleaned_data["password"])
            device = None
            if ok and with_token:
                device = match_token(user, "".join(form.cleaned_data["token"].split()))
                ok = device is not None
            if ok:
                mark_reauthenticated(request)
                if device is not None:
                    otp_login(request, device)
                throttle.reset(scope="reauth", account=account)
                security_event("reauth.succeeded", user=user.pk)
                return redirect(next_url)
            locked = throttle.register_failure(scope="reauth", account=account)
            security_event("reauth.failed", user=user.pk, locked=locked)
            if locked:
                return _locked_page(
                    request, "accounts/reauth.html", {"form": form, "next": next_url}
                )
            form.add_error(None, _("The password or the code is incorrect."))
    return render(request, "accounts/reauth.html", {"form": form, "next": next_url})


@login_required
@reauth_required
def email_change(request):
    form = EmailChangeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user_change_email(
                user=request.user, actor=request.user, email=form.cleaned_data["email"]
            )
        except ValidationError as exc:
            form.add_error("email", exc.message_dict.get("email", exc.messages))
        else:
            security_event("email.changed", user=request.user.pk)
            messages.success(
                request, _("Your e-mail address was changed. Your former address was told.")
            )
            return redirect("accounts:profile")
    return render(request, "accounts/email_change.html", {"form": form})
