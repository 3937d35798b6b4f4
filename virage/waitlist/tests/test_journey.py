"""A visitor goes from the landing page to a confirmed entry and its status page, in French
and in English, following only links, forms and the e-mail (Django test client)."""

from __future__ import annotations

import re
from html import unescape

import pytest
from django.core import mail

from virage.waitlist.models import CallbackEntry, EntryStatus

pytestmark = pytest.mark.django_db

TEXT = {
    "fr": {
        "check": "Vérifier mon admissibilité",
        "eligible": "Bonne nouvelle : votre commerce semble admissible",
        "done": "Consultez vos courriels",
        "confirm": "Confirmer mon inscription",
        "confirmed": "Merci : votre inscription est confirmée.",
        "position": "Position <strong>1</strong> sur 1 entreprises en attente.",
        "hours": "Environ 10 heures d'accompagnement",
    },
    "en": {
        "check": "Check my eligibility",
        "eligible": "Good news: your business appears eligible",
        "done": "Check your e-mail",
        "confirm": "Confirm my entry",
        "confirmed": "Thank you: your entry is confirmed.",
        "position": "Position <strong>1</strong> of 1 businesses waiting.",
        "hours": "About 10 hours of coaching",
    },
}


def href(body: str, text: str) -> str:
    match = re.search(r'<a class="button[^"]*" href="([^"]+)">' + re.escape(text) + "</a>", body)
    assert match, text
    return unescape(match.group(1))


@pytest.mark.parametrize("language", ["fr", "en"])
def test_landing_to_confirmed_entry(client, program, language, django_capture_on_commit_callbacks):
    words = TEXT[language]
    landing = client.get(f"/{language}/").content.decode()
    assert words["hours"] in unescape(landing)
    check_url = href(landing, words["check"])
    assert check_url == f"/{language}/intake/eligibility/"

    answers = {"subsector": "445", "employees": "12", "postal_code": "G1K 3Y5", "region": "03"}
    result = client.get(check_url, answers).content.decode()
    assert words["eligible"] in unescape(result)
    signup_url = re.search(r'href="(/' + language + r'/intake/signup/\?[^"]+)"', result).group(1)
    form = client.get(unescape(signup_url)).content.decode()
    assert 'value="G1K 3Y5"' in form and 'value="12"' in form
    assert '<option value="03" selected>' in form

    data = {
        **answers,
        "business_name": "Épicerie du Port",
        "contact_name": "Julie",
        "email": f"julie-{language}@example.com",
        "locations_count": "1",
        "consent_contact": "on",
    }
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(f"/{language}/intake/signup/", data, follow=True)
    assert words["done"] in unescape(done.content.decode())

    link = re.search(r"http://127\.0\.0\.1:8000(/\S+/confirm/\S+/)", mail.outbox[-1].body).group(1)
    assert link.startswith(f"/{language}/")
    assert words["confirm"] in unescape(client.get(link).content.decode())
    with django_capture_on_commit_callbacks(execute=True):
        status = client.post(link, follow=True)
    body = unescape(status.content.decode())
    assert words["confirmed"] in body
    assert words["position"] in body
    assert "Épicerie du Port" in body
    entry = CallbackEntry.objects.get()
    assert (entry.status, entry.language, entry.region.code) == (
        EntryStatus.WAITING,
        language,
        "03",
    )
    # the confirmation e-mail carries the same status page
    assert status.redirect_chain[-1][0] in mail.outbox[-1].body
