"""The confirmation link (single use, expires) and the status page (queue position, leaving
the list)."""

from __future__ import annotations

from datetime import timedelta
from html import unescape

import pytest
from django.core import mail
from django.utils import timezone

from virage.waitlist import services
from virage.waitlist.models import CallbackConsent, CallbackEntry, EntryStatus, InvitationStatus
from virage.waitlist.tests.factories import make_entry, make_unconfirmed, signup_data

pytestmark = pytest.mark.django_db


def text(response) -> str:
    return unescape(response.content.decode())


def test_get_shows_a_button_and_uses_nothing(client, program):
    entry, token = make_unconfirmed()
    response = client.get(f"/fr/intake/confirm/{token}/")
    assert "Confirmer mon inscription" in text(response)
    entry.refresh_from_db()
    assert entry.status == EntryStatus.UNCONFIRMED


def test_post_confirms_once_and_leads_to_the_status_page(
    client, program, django_capture_on_commit_callbacks
):
    entry, token = make_unconfirmed(language="fr")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/fr/intake/confirm/{token}/")
    entry.refresh_from_db()
    assert entry.status == EntryStatus.WAITING
    assert entry.confirmation_token_hash == ""
    assert response["Location"] == f"/fr/intake/status/{services.status_token(entry)}/"
    assert mail.outbox[0].subject == "Virage : vous êtes sur la liste de rappel"
    assert services.status_token(entry) in mail.outbox[0].body
    again = client.post(f"/fr/intake/confirm/{token}/")
    assert "Ce lien n'est plus valide" in text(again)
    assert "Ce lien n'est plus valide" in text(client.get(f"/fr/intake/confirm/{token}/"))


def test_expired_link_confirms_nothing(client, program):
    entry, token = make_unconfirmed()
    CallbackEntry.objects.filter(pk=entry.pk).update(
        confirmation_expires_at=timezone.now() - timedelta(minutes=1)
    )
    response = client.post(f"/fr/intake/confirm/{token}/")
    assert "Ce lien n'est plus valide" in text(response)
    entry.refresh_from_db()
    assert entry.status == EntryStatus.UNCONFIRMED


def test_status_page_shows_the_queue_position(client, program):
    first = make_entry()
    second = make_entry()
    make_entry(status=EntryStatus.INVITED)
    make_entry(status=EntryStatus.UNCONFIRMED)
    response = client.get(f"/fr/intake/status/{services.status_token(second)}/")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    body = text(response)
    assert "Position <strong>2</strong> sur 2 entreprises en attente." in body
    assert second.business_name in body
    body = text(client.get(f"/en/intake/status/{services.status_token(first)}/"))
    assert "Position <strong>1</strong> of 2 businesses waiting." in body


def test_same_date_is_ordered_by_sign_up_order(program):
    from virage.waitlist.selectors import queue_position

    when = timezone.now() - timedelta(days=3)
    a, b = make_entry(signed_up_at=when), make_entry(signed_up_at=when)
    assert (queue_position(a), queue_position(b)) == ((1, 2), (2, 2))


def test_bad_or_unconfirmed_status_links_are_not_found(client, program):
    entry, _token = make_unconfirmed()
    assert client.get("/fr/intake/status/nope/").status_code == 404
    tampered = services.status_token(make_entry())[:-2] + "xx"
    assert client.get(f"/fr/intake/status/{tampered}/").status_code == 404
    assert client.get(f"/fr/intake/status/{services.status_token(entry)}/").status_code == 404


def test_invited_entry_sees_its_application_link(client, program, personas):
    entry = make_entry()
    wave = services.wave_create(actor=personas.ada, name="V", places=1)
    services.wave_send_invitations(wave=wave, actor=personas.ada)
    invitation = entry.invitations.get()
    body = text(client.get(f"/fr/intake/status/{services.status_token(entry)}/"))
    assert "Vous êtes invité à présenter une demande" in body
    assert f"/fr/business/apply/{invitation.token}/" in body


def test_leaving_the_list_erases_contact_details_and_frees_the_invitation(
    client, program, personas, django_capture_on_commit_callbacks
):
    entry = make_entry(email="leave@example.com", neq="1170000777")
    wave = services.wave_create(actor=personas.ada, name="V", places=1)
    services.wave_send_invitations(wave=wave, actor=personas.ada)
    url = f"/fr/intake/status/{services.status_token(entry)}/"
    response = client.post(url, {"action": "withdraw"})
    assert response["Location"] == url
    entry.refresh_from_db()
    assert entry.status == EntryStatus.WITHDRAWN
    assert (entry.contact_name, entry.phone, entry.neq, entry.postal_code) == ("", "", None, "J2G")
    assert entry.email == f"withdrawn-{entry.public_id}@invalid.example"
    assert entry.invitations.get().status == InvitationStatus.CANCELLED
    assert CallbackConsent.objects.filter(entry=entry, withdrawn_at__isnull=True).count() == 0
    assert "Cette inscription a été retirée de la liste" in text(client.get(url))
    # the same address may join again
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/fr/intake/signup/", signup_data(email="leave@example.com", neq="1170000777"))
    assert CallbackEntry.objects.filter(email="leave@example.com").count() == 1


def test_status_page_is_rate_limited(client, program):
    from virage.waitlist.views import RATES

    url = f"/fr/intake/status/{services.status_token(make_entry())}/"
    limit = int(RATES["status"].split("/")[0])
    for _i in range(limit):
        assert client.get(url).status_code == 200
    assert client.get(url).status_code == 429
