"""Light sign-up without a password: a signed one-time link by e-mail."""

import re
from datetime import timedelta

import pytest
from django.core import mail, signing
from django.urls import reverse
from django.utils import timezone

from virage.capsules import services
from virage.capsules.models import Learner
from virage.capsules.session import SESSION_KEY
from virage.programs.models import Region, Subsector

from .factories import make_light_learner

pytestmark = pytest.mark.django_db
LINK = re.compile(r"http://127\.0\.0\.1:8000(/(?:fr|en)/capsules/learner/link/[^/\s]+/)")


def signup(client, capture, **overrides):
    data = {
        "email": "Lea@Example.com",
        "business_name": "Fleuriste Léa",
        "region": Region.objects.get(code="12").pk,
        "subsector": Subsector.objects.get(code="459").pk,
        **overrides,
    }
    with capture(execute=True):
        return client.post(reverse("capsules:signup"), data)


def link_in(message) -> str:
    return LINK.search(message.body).group(1)


def test_signup_form_has_consent_unticked_by_default(client):
    content = client.get(reverse("capsules:signup")).content.decode()
    box = re.search(r'<input type="checkbox" name="consent_contact"[^>]*>', content).group(0)
    assert "checked" not in box
    assert "facultatif" in content


def test_signup_sends_a_link_and_the_link_signs_in_once(client, django_capture_on_commit_callbacks):
    response = signup(client, django_capture_on_commit_callbacks)
    assert response.status_code == 200
    assert "Consultez vos courriels" in response.content.decode()
    learner = Learner.objects.get()
    assert (learner.email, learner.confirmed_at, learner.consent_contact, learner.language) == (
        "lea@example.com",
        None,
        False,
        "fr",
    )
    assert learner.business_key == "n:12:fleuriste lea"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject == "Capsules Virage : confirmez votre adresse courriel"
    assert "lea@example.com" not in link_in(message)
    url = link_in(message)
    # GET only shows a button: a mail scanner opening the link signs nobody in
    assert client.get(url).status_code == 200
    assert SESSION_KEY not in client.session
    response = client.post(url)
    assert response.status_code == 302
    assert response["Location"] == reverse("capsules:me")
    assert client.session[SESSION_KEY] == learner.pk
    learner.refresh_from_db()
    assert learner.confirmed_at is not None
    # the same link a second time
    other = client.__class__()
    response = other.post(url)
    assert response.status_code == 400
    assert "Le lien a déjà servi" in response.content.decode()
    assert SESSION_KEY not in other.session


def test_double_submit_sends_one_e_mail_and_keeps_one_learner(
    client, django_capture_on_commit_callbacks, monkeypatch
):
    # both submissions fall in the same resend window, whatever the clock says
    monkeypatch.setattr(services, "LINK_RESEND_WINDOW_SECONDS", 10**12)
    signup(client, django_capture_on_commit_callbacks)
    signup(client, django_capture_on_commit_callbacks)
    assert Learner.objects.count() == 1
    assert len(mail.outbox) == 1


def test_typing_the_details_again_replaces_the_earlier_link(
    client, django_capture_on_commit_callbacks
):
    signup(client, django_capture_on_commit_callbacks)
    signup(
        client,
        django_capture_on_commit_callbacks,
        business_name="Fleuriste Léa inc.",
        consent_contact="on",
    )
    assert Learner.objects.count() == 1
    assert len(mail.outbox) == 2
    learner = Learner.objects.get()
    assert (learner.business_name, learner.consent_contact) == ("Fleuriste Léa inc.", True)
    assert learner.consent_contact_at is not None
    first, second = (link_in(m) for m in mail.outbox)
    assert client.post(first).status_code == 400
    assert client.post(second).status_code == 302


def test_an_expired_link_does_not_work(client, django_capture_on_commit_callbacks, monkeypatch):
    signup(client, django_capture_on_commit_callbacks)
    url = link_in(mail.outbox[0])
    monkeypatch.setattr(services, "LINK_MAX_AGE", timedelta(seconds=-1))
    response = client.post(url)
    assert response.status_code == 400
    assert "Le lien est expiré" in response.content.decode()
    assert Learner.objects.get().confirmed_at is None


def test_a_forged_link_does_not_work(client):
    learner = make_light_learner()
    forged = signing.dumps({"l": learner.pk, "t": 0}, salt="another-salt")
    url = reverse("capsules:learner_confirm", kwargs={"token": forged})
    assert "Le lien est incomplet" in client.get(url).content.decode()
    assert client.post(url).status_code == 400
    assert SESSION_KEY not in client.session


def test_a_confirmed_learner_only_gets_a_sign_in_link(client, django_capture_on_commit_callbacks):
    learner = make_light_learner()
    signup(
        client,
        django_capture_on_commit_callbacks,
        email="LEA@example.com",
        business_name="Un autre nom",
    )
    learner.refresh_from_db()
    assert learner.business_name == "Fleuriste Léa"
    assert mail.outbox[0].subject == "Capsules Virage : votre lien de connexion"
    assert client.post(link_in(mail.outbox[0])).status_code == 302
    learner.refresh_from_db()
    assert learner.last_signin_at is not None


def test_sign_in_link_page_says_the_same_for_unknown_addresses(
    client, django_capture_on_commit_callbacks
):
    make_light_learner()
    url = reverse("capsules:signin")
    with django_capture_on_commit_callbacks(execute=True):
        known = client.post(url, {"email": "lea@example.com"})
        unknown = client.post(url, {"email": "personne@example.com"})
    assert known.status_code == unknown.status_code == 200

    def page(response, email):
        text = response.content.decode().replace(email, "X")
        return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", text)

    assert page(known, "lea@example.com") == page(unknown, "personne@example.com")
    assert [m.to for m in mail.outbox] == [["lea@example.com"]]


def test_an_address_with_an_account_is_told_to_sign_in(
    client, personas, django_capture_on_commit_callbacks
):
    response = signup(client, django_capture_on_commit_callbacks, email="marie@demo.virage.example")
    assert "Consultez vos courriels" in response.content.decode()
    assert Learner.objects.count() == 0
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "Capsules Virage : connectez-vous avec votre compte"


def test_bad_input_keeps_what_was_typed_and_saves_nothing(client):
    response = client.post(
        reverse("capsules:signup"),
        {"email": "pas-une-adresse", "business_name": "Fleuriste Léa", "region": ""},
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert "Veuillez corriger ce qui suit" in content
    assert 'value="Fleuriste Léa"' in content
    assert 'value="pas-une-adresse"' in content
    assert Learner.objects.count() == 0
    assert len(mail.outbox) == 0


def test_light_learner_matching_an_enrolled_business_counts_for_it(
    client, businesses, django_capture_on_commit_callbacks
):
    signup(
        client,
        django_capture_on_commit_callbacks,
        email="employee@boutiquemarie.example",
        business_name="boutique marie INC",
        region=Region.objects.get(code="16").pk,
    )
    learner = Learner.objects.get()
    assert learner.business_key == f"b:{businesses.marie.pk}"
    assert learner.business is None  # counted for it, but not visible to its advisor


def test_preferences_consent_can_be_withdrawn(learner_client):
    learner = make_light_learner()
    learner.consent_contact = True
    learner.consent_contact_at = timezone.now()
    learner.save()
    client = learner_client(learner)
    response = client.post(reverse("capsules:me"), {"language": "en"})
    assert response.status_code == 302
    learner.refresh_from_db()
    assert (learner.consent_contact, learner.consent_contact_at, learner.language) == (
        False,
        None,
        "en",
    )


def test_sign_out(learner_client):
    client = learner_client(make_light_learner())
    response = client.post(reverse("capsules:signout"))
    assert response.status_code == 302
    assert SESSION_KEY not in client.session
    assert client.get(reverse("capsules:me")).status_code == 302


def test_me_page_lists_progress_and_certificates(learner_client):
    from .factories import make_capsule, make_path, post_data, right_answers

    capsule = make_capsule()
    make_path("solo", [capsule])
    learner = make_light_learner()
    client = learner_client(learner)
    client.post(
        reverse("capsules:quiz", kwargs={"key": capsule.key}), post_data(right_answers(capsule))
    )
    content = client.get(reverse("capsules:me")).content.decode()
    assert "Parcours solo" in content
    assert "Capsule d&#x27;essai" in content
    assert "100 %" in content
    assert "Adresse courriel : lea@example.com" in content


def test_link_requests_are_rate_limited_per_ip(
    client, django_capture_on_commit_callbacks, monkeypatch
):
    from virage.capsules.views import LINK_RATE

    monkeypatch.setattr(services, "LINK_RESEND_WINDOW_SECONDS", 10**12)
    make_light_learner()
    limit = int(LINK_RATE.split("/")[0])
    url = reverse("capsules:signin")
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(limit):
            assert client.post(url, {"email": "lea@example.com"}).status_code == 200
        blocked = client.post(url, {"email": "lea@example.com"})
        signup_blocked = client.post(reverse("capsules:signup"), {"email": "x@example.com"})
        other_ip = client.post(url, {"email": "lea@example.com"}, REMOTE_ADDR="10.0.0.9")
    assert (blocked.status_code, signup_blocked.status_code, other_ip.status_code) == (
        429,
        429,
        200,
    )
    assert "Trop de demandes" in blocked.content.decode()
    # one e-mail: the same link is not sent again within the resend window
    assert len(mail.outbox) == 1
