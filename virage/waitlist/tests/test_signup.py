"""Joining the callback list: consents, confirmation e-mail, duplicates without enumeration,
referral attribution, rate limit."""

from __future__ import annotations

from datetime import timedelta
from html import unescape

import pytest
from django.core import mail
from django.utils import timezone

from virage.core.models import AuditEvent
from virage.waitlist import services
from virage.waitlist.models import CallbackConsent, CallbackEntry, EntryStatus
from virage.waitlist.tests.factories import make_entry, signup_data
from virage.waitlist.views import RATES

pytestmark = pytest.mark.django_db

URL = "/fr/intake/signup/"


def post(client, capture, **changes):
    with capture(execute=True):
        return client.post(URL, signup_data(**changes))


def test_form_has_separate_unticked_consent_boxes(client, program):
    body = unescape(client.get(URL).content.decode())
    for name in ("consent_contact", "consent_newsletter", "consent_research"):
        assert f'name="{name}"' in body
    assert "checked" not in body
    assert "Je veux recevoir l'infolettre du programme" in body


def test_values_from_the_eligibility_check_are_kept(client, program):
    body = client.get(URL + "?subsector=445&employees=12&postal_code=H2X+1Y4&region=06").content
    body = body.decode()
    assert 'value="12"' in body
    assert 'value="H2X 1Y4"' in body
    assert '<option value="06" selected>' in body
    assert '<option value="445" selected>' in body


def test_signup_creates_an_unconfirmed_entry_with_consents_and_sends_a_link(
    client, program, django_capture_on_commit_callbacks
):
    response = post(
        client,
        django_capture_on_commit_callbacks,
        email="Helene@Example.com",
        consent_research="on",
        neq="1170 000 123",
    )
    assert response.status_code == 302
    assert response["Location"] == "/fr/intake/signup/sent/"
    entry = CallbackEntry.objects.get()
    assert (entry.email, entry.neq, entry.postal_code, entry.status, entry.language) == (
        "helene@example.com",
        "1170000123",
        "J2G 2V5",
        EntryStatus.UNCONFIRMED,
        "fr",
    )
    assert (entry.eligibility_outcome, entry.eligibility_reasons) == ("eligible", [])
    consents = list(entry.consents.values_list("purpose", "text_version", "language", "source"))
    assert consents == [
        ("contact", services.CONSENT_TEXT_VERSION, "fr", "web"),
        ("research", services.CONSENT_TEXT_VERSION, "fr", "web"),
    ]
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["helene@example.com"]
    assert message.subject == "Virage : confirmez votre place sur la liste de rappel"
    assert "http://127.0.0.1:8000/fr/intake/confirm/" in message.body
    assert "72 heures" in message.body
    assert AuditEvent.objects.filter(verb="waitlist.signed_up").count() == 1


def test_without_contact_consent_nothing_is_saved_and_typed_values_are_kept(
    client, program, django_capture_on_commit_callbacks
):
    response = post(client, django_capture_on_commit_callbacks, consent_contact=None)
    assert response.status_code == 200
    body = unescape(response.content.decode())
    assert "Vous devez accepter d'être joint au sujet du programme" in body
    assert 'value="Boutique Hélène"' in body
    assert CallbackEntry.objects.count() == 0
    assert mail.outbox == []


def test_english_signup_stores_the_language_and_e_mails_in_english(
    client, program, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/en/intake/signup/", signup_data())
    assert CallbackEntry.objects.get().language == "en"
    assert mail.outbox[0].subject == "Virage: confirm your place on the callback list"


def test_same_email_twice_creates_one_entry_and_the_same_page(
    client, program, django_capture_on_commit_callbacks
):
    first = post(client, django_capture_on_commit_callbacks)
    second = post(
        client,
        django_capture_on_commit_callbacks,
        email="HELENE@example.com",
        business_name="Autre",
    )
    assert first["Location"] == second["Location"] == "/fr/intake/signup/sent/"
    assert CallbackEntry.objects.count() == 1
    # a double submit within the notice interval sends nothing more
    assert len(mail.outbox) == 1


def test_unconfirmed_duplicate_later_gets_a_fresh_link_and_the_old_one_dies(
    client, program, django_capture_on_commit_callbacks
):
    post(client, django_capture_on_commit_callbacks)
    old_link = mail.outbox[0].body.split("/intake/confirm/")[1].split("/")[0]
    CallbackEntry.objects.update(last_notice_at=timezone.now() - timedelta(hours=2))
    post(client, django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 2
    new_link = mail.outbox[1].body.split("/intake/confirm/")[1].split("/")[0]
    assert new_link != old_link
    assert services.callback_confirm(token=old_link) is None
    assert services.callback_confirm(token=new_link).status == EntryStatus.WAITING


def test_confirmed_duplicate_gets_a_notice_with_its_status_link(
    client, program, django_capture_on_commit_callbacks
):
    entry = make_entry(email="helene@example.com", language="en")
    CallbackEntry.objects.update(last_notice_at=None)
    post(client, django_capture_on_commit_callbacks)
    assert CallbackEntry.objects.count() == 1
    assert [m.to for m in mail.outbox] == [["helene@example.com"]]
    assert mail.outbox[0].subject == "Virage: your business is already on the callback list"
    assert services.status_token(entry) in mail.outbox[0].body


def test_same_neq_from_another_address_tells_only_the_address_on_the_list(
    client, program, django_capture_on_commit_callbacks
):
    make_entry(email="owner@example.com", neq="1170000123")
    response = post(
        client,
        django_capture_on_commit_callbacks,
        email="someone@example.com",
        neq="1170000123",
    )
    assert response["Location"] == "/fr/intake/signup/sent/"
    assert CallbackEntry.objects.count() == 1
    assert [m.to for m in mail.outbox] == [["owner@example.com"]]
    assert "même numéro d'entreprise du Québec" in mail.outbox[0].body


def test_the_done_page_says_the_same_thing_either_way(client, program):
    body = unescape(client.get("/fr/intake/signup/sent/").content.decode())
    assert "Si cette adresse peut s'inscrire" in body


def test_referral_link_attributes_the_signup_to_the_partner(
    client, personas, program, django_capture_on_commit_callbacks
):
    code = services.referral_code_ensure(partner=personas.paul).code
    response = client.get(f"/fr/intake/r/{code}/")
    assert (response.status_code, response["Location"]) == (302, "/fr/")
    post(client, django_capture_on_commit_callbacks)
    assert CallbackEntry.objects.get().referral_partner == personas.paul


def test_unknown_referral_code_attributes_nothing(
    client, program, django_capture_on_commit_callbacks
):
    client.get("/fr/intake/r/nosuchcode/")
    post(client, django_capture_on_commit_callbacks)
    assert CallbackEntry.objects.get().referral_partner is None


def test_signups_are_rate_limited_per_ip_with_a_page_in_the_visitor_language(
    client, program, django_capture_on_commit_callbacks
):
    limit = int(RATES["signup"].split("/")[0])
    for i in range(limit):
        response = post(client, django_capture_on_commit_callbacks, email=f"p{i}@example.com")
        assert response.status_code == 302
    blocked = post(client, django_capture_on_commit_callbacks, email="late@example.com")
    assert blocked.status_code == 429
    assert "Trop de tentatives" in blocked.content.decode()
    english = client.post("/en/intake/signup/", signup_data(email="late@example.com"))
    assert english.status_code == 429
    assert "Too many attempts" in english.content.decode()
    assert CallbackEntry.objects.filter(email="late@example.com").count() == 0
    # another address (IP) is not affected
    other = client.post(URL, signup_data(email="other@example.com"), REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 302


def test_invalid_postal_code_and_neq_are_explained(
    client, program, django_capture_on_commit_callbacks
):
    response = post(client, django_capture_on_commit_callbacks, postal_code="12345", neq="123")
    body = unescape(response.content.decode())
    assert "Entrez un code postal canadien, par exemple J2G 2V5." in body
    assert "Le NEQ compte exactement 10 chiffres." in body
    assert CallbackEntry.objects.count() == 0


def test_consents_are_stored_only_for_ticked_purposes(program):
    from virage.programs.models import Region, Subsector

    result = services.callback_signup(
        data={
            "business_name": "A",
            "contact_name": "B",
            "email": "a@example.com",
            "postal_code": "H2X 1Y4",
            "region": Region.objects.get(code="06"),
            "subsector": Subsector.objects.get(code="445"),
            "employees": 150,
            "locations_count": 1,
            "consent_contact": True,
            "consent_newsletter": True,
        },
        language="en",
    )
    assert result.created is True
    assert list(CallbackConsent.objects.values_list("purpose", flat=True)) == [
        "contact",
        "newsletter",
    ]
    # indicative eligibility is kept for the admins; sign-up is not refused
    assert result.entry.eligibility_outcome == "ineligible"
    assert result.entry.eligibility_reasons == ["employees_over_limit"]
