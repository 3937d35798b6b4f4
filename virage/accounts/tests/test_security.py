"""Security of sign-in and sessions: two-factor for staff, throttling and lockout, session
timeouts, re-authentication, safe redirects, redacted logs and production headers."""

from __future__ import annotations

import io
import json
import logging
import os
import re
import subprocess
import sys
import time
from binascii import unhexlify
from pathlib import Path

import pytest
from django.core import mail
from django.test import Client
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from virage.accounts.security import AUTH_AT, LAST_SEEN, MFA_PENDING_KEY, REAUTH_AT
from virage.core.logging import RedactFilter
from virage.core.models import AuditEvent

pytestmark = pytest.mark.django_db

PASSWORD = "Test-password-2026"
BASE = Path(__file__).resolve().parents[3]
STAFF = ["antoine", "sofia", "nadia", "paul", "rita", "fatou", "ada"]


def totp_now(key_hex: str) -> str:
    return f"{TOTP(unhexlify(key_hex), step=30, t0=0, digits=6).token():06d}"


def login(client: Client, email: str, password: str = PASSWORD, lang: str = "fr"):
    return client.post(f"/{lang}/account/login/", {"username": email, "password": password})


def enrol(client: Client) -> tuple[str, list[str]]:
    """Set up an authenticator for the signed-in client; returns (key, recovery codes)."""
    page = client.get("/fr/account/security/setup/")
    assert page.status_code == 200, page.get("Location")
    assert 'src="data:image/svg+xml' in page.content.decode()
    key = client.session[MFA_PENDING_KEY]
    response = client.post("/fr/account/security/setup/", {"token": totp_now(key)})
    assert response.status_code == 200
    codes = re.findall(r"<li><code>([a-z0-9]+)</code></li>", response.content.decode())
    return key, codes


# --- two-factor ------------------------------------------------------------------------------


@pytest.mark.parametrize("persona", STAFF)
def test_two_factor_is_enforced_for_every_staff_role(settings, personas, persona):
    settings.VIRAGE_MFA_REQUIRED = True
    client = Client()
    client.force_login(getattr(personas, persona))
    response = client.get("/fr/account/home/")
    assert response.status_code == 302
    assert response["Location"] == "/fr/account/security/setup/?next=%2Ffr%2Faccount%2Fhome%2F"
    # every page, the admin included, until the code is given
    assert client.get("/fr/privacy/my-data/").status_code == 302
    # public pages and sign-out stay reachable
    assert client.get("/fr/privacy/").status_code == 200


def test_two_factor_stays_optional_for_merchants(settings, client_for):
    settings.VIRAGE_MFA_REQUIRED = True
    assert client_for("marie").get("/fr/account/home/").status_code == 200


def test_two_factor_is_off_by_default_under_tests_and_in_development(settings):
    from django.conf import settings as live

    assert live.VIRAGE_MFA_REQUIRED is False


def _settings_in_subprocess(env: dict, code: str) -> dict:
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DEBUG", "VIRAGE_TESTING", "SECRET_KEY", "DATABASE_URL", "VIRAGE_MFA_REQUIRED"}
    }
    clean.update(env)
    result = subprocess.run(  # noqa: S603 - our own interpreter
        [sys.executable, "-c", code],
        cwd=BASE,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "k" * 20 + "-production-like-secret-key-0123456789abcdef",
    "ALLOWED_HOSTS": "virage.example",
}

HEADERS_SCRIPT = """
import json, os, django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
django.setup()
from django.conf import settings
from django.test import Client
response = Client().get("/healthz", secure=True, HTTP_HOST="virage.example")
print(json.dumps({
    "mfa": settings.VIRAGE_MFA_REQUIRED,
    "session_cookie": settings.SESSION_COOKIE_NAME,
    "csrf_cookie": settings.CSRF_COOKIE_NAME,
    "secure_cookies": [settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE],
    "httponly": settings.SESSION_COOKIE_HTTPONLY,
    "ssl_redirect": settings.SECURE_SSL_REDIRECT,
    "headers": {k: v for k, v in response.items()},
}))
"""


def test_production_settings_turn_two_factor_on_and_send_the_security_headers(tmp_path):
    env = {**PRODUCTION, "DATABASE_URL": f"sqlite:///{tmp_path / 'prod.sqlite3'}"}
    prod = _settings_in_subprocess(env, HEADERS_SCRIPT)
    assert prod["mfa"] is True
    assert (prod["session_cookie"], prod["csrf_cookie"]) == (
        "__Host-virage_session",
        "__Host-virage_csrf",
    )
    assert (prod["secure_cookies"], prod["httponly"], prod["ssl_redirect"]) == (
        [True, True],
        True,
        True,
    )
    headers = prod["headers"]
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
    csp = headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in csp
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    dev = _settings_in_subprocess(
        {"DEBUG": "1", "DATABASE_URL": env["DATABASE_URL"]}, HEADERS_SCRIPT
    )
    assert dev["mfa"] is False
    dev_forced = _settings_in_subprocess(
        {"DEBUG": "1", "VIRAGE_MFA_REQUIRED": "1", "DATABASE_URL": env["DATABASE_URL"]},
        HEADERS_SCRIPT,
    )
    assert dev_forced["mfa"] is True


def test_staff_sign_in_with_a_totp_code_and_recovery_codes(settings, personas):
    settings.VIRAGE_MFA_REQUIRED = True
    client = Client()
    response = login(client, personas.antoine.email)
    # the password was just typed: straight to the set-up page, then back home
    assert response["Location"] == "/fr/account/security/setup/?next=%2Ffr%2Faccount%2Fhome%2F"
    key, codes = enrol(client)
    assert len(codes) == 10
    assert client.get("/fr/account/home/").status_code == 200
    assert TOTPDevice.objects.filter(user=personas.antoine, confirmed=True).count() == 1
    assert AuditEvent.objects.filter(verb="user.mfa_enabled").count() == 1

    client.post("/fr/account/logout/")
    response = login(client, personas.antoine.email)
    assert response["Location"] == "/fr/account/security/verify/?next=%2Ffr%2Faccount%2Fhome%2F"
    assert client.get("/fr/account/home/").status_code == 302
    bad = client.post(
        "/fr/account/security/verify/", {"token": "000000", "next": "/fr/account/home/"}
    )
    assert "Ce code n&#x27;est pas valide." in bad.content.decode()
    # django-otp also slows down guessing per device (1 s, 2 s, 4 s… after failures)
    TOTPDevice.objects.update(throttling_failure_count=0, throttling_failure_timestamp=None)
    StaticDevice.objects.update(throttling_failure_count=0, throttling_failure_timestamp=None)
    ok = client.post(
        "/fr/account/security/verify/", {"token": totp_now(key), "next": "/fr/account/home/"}
    )
    assert ok["Location"] == "/fr/account/home/"
    assert client.get("/fr/account/home/").status_code == 200

    # a recovery code works once
    other = Client()
    login(other, personas.antoine.email)
    assert other.post("/fr/account/security/verify/", {"token": codes[0]})["Location"] == (
        "/fr/account/home/"
    )
    assert StaticToken.objects.filter(device__user=personas.antoine).count() == 9
    third = Client()
    login(third, personas.antoine.email)
    again = third.post("/fr/account/security/verify/", {"token": codes[0]})
    assert again.status_code == 200


def test_a_merchant_who_turned_two_factor_on_must_use_it(personas):
    client = Client()
    login(client, personas.marie.email)
    client.session  # noqa: B018 - load the session
    session = client.session
    session[REAUTH_AT] = time.time()
    session.save()
    enrol(client)
    client.post("/fr/account/logout/")
    response = login(client, personas.marie.email)
    assert response["Location"].startswith("/fr/account/security/verify/")
    assert client.get("/fr/privacy/my-data/").status_code == 302


def test_verification_never_redirects_off_site(personas):
    client = Client()
    login(client, personas.marie.email)
    key, _codes = enrol(client)
    client.post("/fr/account/logout/")
    login(client, personas.marie.email)
    response = client.post(
        "/fr/account/security/verify/", {"token": totp_now(key), "next": "https://evil.example/"}
    )
    assert response["Location"] == "/fr/account/home/"


def test_setting_up_or_removing_two_factor_asks_for_the_password_again(client_for, personas):
    client = client_for("marie")
    response = client.get("/fr/account/security/setup/")
    assert (
        response["Location"]
        == "/fr/account/security/confirm/?next=%2Ffr%2Faccount%2Fsecurity%2Fsetup%2F"
    )
    wrong = client.post(
        "/fr/account/security/confirm/",
        {"password": "nope", "next": "/fr/account/security/setup/"},
    )
    assert "Le mot de passe ou le code est incorrect." in wrong.content.decode()
    right = client.post(
        "/fr/account/security/confirm/",
        {"password": PASSWORD, "next": "/fr/account/security/setup/"},
    )
    assert right["Location"] == "/fr/account/security/setup/"
    enrol(client)
    # a stale confirmation: removing asks again, and then needs the code too
    session = client.session
    session[REAUTH_AT] = time.time() - 3600
    session.save()
    response = client.post("/fr/account/security/remove/")
    assert response["Location"].startswith("/fr/account/security/confirm/")
    form = client.get(response["Location"]).content.decode()
    assert 'name="token"' in form
    assert TOTPDevice.objects.filter(user=personas.marie).count() == 1


# --- throttling and lockout ----------------------------------------------------------------


def test_five_failures_lock_the_account_with_a_429_in_the_users_language(personas):
    client = Client()
    statuses = [login(client, personas.marie.email, "wrong-password").status_code for _ in range(5)]
    assert statuses == [200, 200, 200, 200, 429]  # the fifth failure locks
    locked = login(client, personas.marie.email)  # even the right password
    assert locked.status_code == 429
    assert "Trop de tentatives échouées" in locked.content.decode()
    assert "15 minutes" in locked.content.decode()
    english = login(Client(), personas.marie.email, lang="en")
    assert english.status_code == 429
    assert "Too many failed attempts" in english.content.decode()
    assert "_auth_user_id" not in client.session
    # the Django admin's sign-in form is refused too
    admin = Client().post(
        "/fr/admin/login/", {"username": personas.marie.email, "password": PASSWORD}
    )
    assert admin.status_code == 200 and "_auth_user_id" not in admin.wsgi_request.session
    # other accounts are not affected
    assert login(Client(), personas.luc.email).status_code == 302


def test_a_success_resets_the_account_count(personas):
    client = Client()
    for _ in range(4):
        login(client, personas.luc.email, "wrong-password")
    assert login(client, personas.luc.email).status_code == 302
    client.post("/fr/account/logout/")
    for _ in range(4):
        login(client, personas.luc.email, "wrong-password")
    assert login(client, personas.luc.email).status_code == 302


def test_many_failures_from_one_ip_lock_that_ip(personas, settings):
    settings.VIRAGE_LOGIN_FAILURES_PER_IP = 6
    client = Client(REMOTE_ADDR="203.0.113.9")
    for i in range(6):
        login(client, f"nobody{i}@example.com", "wrong-password")
    assert login(client, personas.luc.email).status_code == 429
    assert login(Client(REMOTE_ADDR="203.0.113.10"), personas.luc.email).status_code == 302


def test_wrong_codes_lock_the_second_step(personas):
    client = Client()
    login(client, personas.marie.email)
    enrol(client)
    client.post("/fr/account/logout/")
    login(client, personas.marie.email)
    statuses = [
        client.post("/fr/account/security/verify/", {"token": "123456"}).status_code
        for _ in range(6)
    ]
    assert statuses == [200, 200, 200, 200, 429, 429]


# --- sessions --------------------------------------------------------------------------------


def _age(client: Client, **seconds_ago) -> None:
    session = client.session
    now = time.time()
    for key, ago in seconds_ago.items():
        session[key] = now - ago
    session.save()


def test_idle_timeout_is_shorter_for_staff(client_for):
    antoine = client_for("antoine")
    _age(antoine, **{LAST_SEEN: 31 * 60})
    response = antoine.get("/fr/account/home/")
    assert response["Location"] == "/fr/account/login/?next=/fr/account/home/"
    assert antoine.get("/fr/account/home/").status_code == 302  # signed out for good
    marie = client_for("marie")
    _age(marie, **{LAST_SEEN: 31 * 60})
    assert marie.get("/fr/account/home/").status_code == 200
    _age(marie, **{LAST_SEEN: 2 * 3600 + 60})
    assert marie.get("/fr/account/home/").status_code == 302


def test_absolute_timeout(client_for):
    marie = client_for("marie")
    _age(marie, **{AUTH_AT: 12 * 3600 + 60, LAST_SEEN: 10})
    assert marie.get("/fr/account/home/").status_code == 302


def test_the_session_clock_adds_no_query_to_an_ordinary_page(client_for, assert_queries):
    client = client_for("marie")
    client.get("/fr/privacy/")
    # 1 session, 1 user, 1 program (context), 1 current policy versions
    with assert_queries(4):
        client.get("/fr/privacy/")


# --- e-mail change ----------------------------------------------------------------------------


def test_changing_the_email_needs_reauthentication_and_tells_the_former_address(
    client_for, personas, django_capture_on_commit_callbacks
):
    client = client_for("marie")
    response = client.get("/fr/account/profile/email/")
    assert (
        response["Location"]
        == "/fr/account/security/confirm/?next=%2Ffr%2Faccount%2Fprofile%2Femail%2F"
    )
    client.post("/fr/account/security/confirm/", {"password": PASSWORD})
    taken = client.post("/fr/account/profile/email/", {"email": personas.luc.email})
    assert "Un compte utilise déjà cette adresse courriel." in taken.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post("/fr/account/profile/email/", {"email": "Marie.T@Exemple.ca"})
    assert done["Location"] == "/fr/account/profile/"
    personas.marie.refresh_from_db()
    assert personas.marie.email == "marie.t@exemple.ca"
    assert [m.to for m in mail.outbox] == [["marie@demo.virage.example"]]
    assert AuditEvent.objects.get(verb="user.email_changed").after == {"fields": ["email"]}


# --- logs ------------------------------------------------------------------------------------


@pytest.fixture
def written_logs():
    """What the configured console handler (with its redaction filter) writes."""
    handler = next(
        h
        for h in logging.getLogger().handlers
        if any(isinstance(f, RedactFilter) for f in h.filters)
    )
    buffer = io.StringIO()
    previous = handler.setStream(buffer)
    try:
        yield buffer
    finally:
        handler.setStream(previous)


def test_logs_hold_no_password_email_phone_or_neq(written_logs, personas, businesses):
    client = Client()
    login(client, personas.marie.email, "Wrong-password-1")
    login(client, personas.marie.email)
    client.post(
        "/fr/account/profile/",
        {"first_name": "Marie", "last_name": "Tremblay", "phone": "450-555-0199", "language": "fr"},
    )
    # a careless log line from anywhere is redacted too
    logging.getLogger("virage.test").warning(
        "lookup %s %s %s", personas.marie.email, "450 555 0199", businesses.marie.neq
    )
    output = written_logs.getvalue()
    assert "login.failed" in output
    assert f"login.succeeded user={personas.marie.pk}" in output
    for secret in (
        "marie@demo.virage.example",
        "Wrong-password-1",
        PASSWORD,
        "450-555-0199",
        "450 555 0199",
        "1170000001",
    ):
        assert secret not in output
