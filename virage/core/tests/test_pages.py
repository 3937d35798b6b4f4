"""Shell pages: French by default, English complete, health check, errors, language switch."""

from __future__ import annotations

import pytest
from django.core import mail

from virage.core.models import AuditEvent, OutgoingEmail
from virage.core.services import audit_log, email_queue

pytestmark = pytest.mark.django_db


def test_root_redirects_to_french(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/fr/"


def test_landing_in_french_and_english(client):
    fr = client.get("/fr/")
    assert fr.status_code == 200
    assert '<html lang="fr-CA">' in fr.content.decode()
    assert "Ce que votre commerce obtient" in fr.content.decode()
    assert "Aller au contenu principal" in fr.content.decode()
    en = client.get("/en/")
    assert '<html lang="en-CA">' in en.content.decode()
    assert "What your business gets" in en.content.decode()


def test_landing_shows_the_program_allowances_and_privacy_officer(client, program):
    body = client.get("/fr/").content.decode()
    assert "Environ 10 heures de formation" in body
    assert program.privacy_officer_email in body


def test_healthz_checks_the_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert response["Cache-Control"].startswith("max-age=0")


def test_404_page_in_each_language(client):
    fr = client.get("/fr/nowhere/")
    assert fr.status_code == 404
    assert "Page introuvable" in fr.content.decode()
    en = client.get("/en/nowhere/")
    assert "Page not found" in en.content.decode()


def test_500_page_is_bilingual_and_standalone(client):
    from virage.core.views import server_error

    response = server_error(client.get("/fr/").wsgi_request)
    body = response.content.decode()
    assert response.status_code == 500
    assert "Une erreur est survenue" in body
    assert "Something went wrong" in body


def test_language_switch_translates_the_url_and_remembers_the_user(client_for, personas):
    client = client_for("marie")
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/fr/account/profile/"})
    assert response.status_code == 302
    assert response["Location"] == "/en/account/profile/"
    personas.marie.refresh_from_db()
    assert personas.marie.language == "en"


def test_language_switch_refuses_foreign_redirects(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "https://evil.example/"})
    assert response["Location"] == "/en/"


def test_personal_pages_are_not_cached(client_for):
    response = client_for("marie").get("/fr/account/home/")
    assert response["Cache-Control"] == "no-store"


def test_security_headers(client):
    response = client.get("/fr/")
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp


def test_audit_log_records_actor_object_and_change(personas):
    event = audit_log(
        actor=personas.ada,
        verb="user.role_changed",
        obj=personas.marie,
        before={"role": "merchant"},
        after={"role": "merchant"},
        reason="test",
    )
    stored = AuditEvent.objects.get(pk=event.pk)
    assert (stored.actor_id, stored.verb, stored.object_type, stored.object_id, stored.reason) == (
        personas.ada.pk,
        "user.role_changed",
        "accounts.user",
        str(personas.marie.pk),
        "test",
    )


def test_email_is_sent_once_after_commit_in_the_recipient_language(
    personas, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        email_queue(
            key="k1",
            to="marie@example.com",
            template="accounts/password_reset",
            context={"name": "Marie", "reset_url": "https://x/"},
            language="fr",
        )
        again = email_queue(
            key="k1",
            to="marie@example.com",
            template="accounts/password_reset",
            context={"name": "Marie", "reset_url": "https://x/"},
            language="fr",
        )
    assert again is None
    assert len(callbacks) == 1
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "Virage : choisissez un nouveau mot de passe"
    assert OutgoingEmail.objects.get(key="k1").status == "sent"
    # re-running the task does not send twice
    from virage.core.tasks import send_email

    assert send_email.call(OutgoingEmail.objects.get(key="k1").pk) == "already-sent"
    assert len(mail.outbox) == 1


def test_email_not_sent_when_the_transaction_rolls_back(personas):
    from django.db import transaction

    from virage.core.tests.helpers import Rollback

    try:
        with transaction.atomic():
            email_queue(
                key="k2",
                to="luc@example.com",
                template="accounts/password_reset",
                context={"name": "Luc", "reset_url": "https://x/"},
                language="en",
            )
            raise Rollback
    except Rollback:
        pass
    assert OutgoingEmail.objects.filter(key="k2").count() == 0
    assert mail.outbox == []
