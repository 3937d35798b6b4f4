"""Consents: privacy by default, per purpose, one click to give and one to withdraw."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from virage.accounts.models import Role
from virage.accounts.services import staff_user_create
from virage.core.models import AuditEvent
from virage.privacy import purposes as P
from virage.privacy.models import ConsentRecord
from virage.privacy.registry import purposes
from virage.privacy.selectors import consent_current, consent_emails, consent_has
from virage.privacy.services import consent_give, consent_withdraw

pytestmark = pytest.mark.django_db

OPTIONAL = [P.NEWSLETTER, P.RESEARCH, P.SHARE_DIAGNOSTIC_WITH_PARTNER]


def test_the_registry_holds_the_program_purposes():
    assert [(p.key, p.required) for p in purposes()] == [
        ("program_contact", True),
        ("newsletter", False),
        ("research", False),
        ("share_diagnostic_with_partner", False),
    ]


def test_new_accounts_have_no_consent_and_share_nothing(
    personas, django_capture_on_commit_callbacks
):
    """Privacy by default: a new merchant and a new staff account start with every optional
    purpose off, and nothing is shared with partners."""
    from virage.accounts.models import User

    merchant = User.objects.create_user(email="nouveau@exemple.ca", password="x" * 14)
    with django_capture_on_commit_callbacks(execute=True):
        staff = staff_user_create(actor=personas.ada, email="conseil@exemple.ca", role=Role.ADVISOR)
    for person in (merchant, staff):
        assert [consent_has(person, key) for key in [P.PROGRAM_CONTACT, *OPTIONAL]] == [
            False,
            False,
            False,
            False,
        ]
    assert ConsentRecord.objects.count() == 0
    assert consent_emails(P.SHARE_DIAGNOSTIC_WITH_PARTNER) == set()


def test_the_consents_page_starts_with_every_optional_box_off(client_for):
    body = client_for("marie").get("/fr/privacy/consents/").content.decode()
    assert body.count('name="action" value="give"') == 3
    assert body.count('name="action" value="withdraw"') == 0
    assert "checked" not in body
    # the required purpose has no button: it is withdrawn by leaving the program
    assert "Nécessaire pour participer au programme" in body


def test_give_and_withdraw_are_one_click_each(client_for, personas):
    client = client_for("marie")
    response = client.post("/fr/privacy/consents/", {"purpose": "newsletter", "action": "give"})
    assert response.status_code == 302
    assert consent_has(personas.marie, "newsletter") is True
    record = ConsentRecord.objects.get(user=personas.marie, purpose="newsletter")
    assert (record.text_version, record.language, record.source, record.withdrawn_at) == (
        "2026-01",
        "fr",
        "my_consents",
        None,
    )
    page = client.get("/fr/privacy/consents/").content.decode()
    assert page.count('name="action" value="withdraw"') == 1
    response = client.post("/fr/privacy/consents/", {"purpose": "newsletter", "action": "withdraw"})
    assert response.status_code == 302
    assert consent_has(personas.marie, "newsletter") is False
    record.refresh_from_db()
    assert record.withdrawn_at is not None
    assert list(AuditEvent.objects.order_by("id").values_list("verb", flat=True)) == [
        "consent.given",
        "consent.withdrawn",
    ]


def test_double_submit_records_one_consent(client_for, personas):
    client = client_for("marie")
    for _ in range(2):
        client.post("/fr/privacy/consents/", {"purpose": "research", "action": "give"})
    assert ConsentRecord.objects.filter(user=personas.marie, purpose="research").count() == 1


def test_giving_again_after_withdrawal_keeps_the_history(personas):
    marie = personas.marie
    consent_give(person=marie, purpose="newsletter", source="test", actor=marie)
    consent_withdraw(person=marie, purpose="newsletter", source="test", actor=marie)
    consent_give(person=marie, purpose="newsletter", source="test", actor=marie)
    rows = ConsentRecord.objects.filter(user=marie, purpose="newsletter").order_by("id")
    assert [r.withdrawn_at is None for r in rows] == [False, True]
    assert consent_has(marie, "newsletter") is True


def test_the_required_purpose_cannot_be_withdrawn_on_the_page(client_for, personas):
    marie = personas.marie
    consent_give(person=marie, purpose=P.PROGRAM_CONTACT, source="application", actor=marie)
    response = client_for("marie").post(
        "/fr/privacy/consents/", {"purpose": P.PROGRAM_CONTACT, "action": "withdraw"}, follow=True
    )
    assert (
        "Ce consentement est nécessaire pour participer au programme" in response.content.decode()
    )
    assert consent_has(marie, P.PROGRAM_CONTACT) is True


def test_an_unknown_purpose_is_refused_in_the_users_language(client_for):
    response = client_for("luc").post(
        "/en/privacy/consents/", {"purpose": "sell_my_data", "action": "give"}, follow=True
    )
    assert "This choice is not available." in response.content.decode()
    assert ConsentRecord.objects.count() == 0


def test_a_consent_given_without_an_account_follows_the_person(personas):
    """Given on the callback list with an address; honoured once the person has an account,
    and withdrawn everywhere by one withdrawal."""
    consent_give(person="MARIE@demo.virage.example", purpose="research", source="waitlist")
    assert consent_has("marie@demo.virage.example", "research") is True
    assert consent_has(personas.marie, "research") is True
    closed = consent_withdraw(
        person=personas.marie, purpose="research", source="my_consents", actor=personas.marie
    )
    assert closed == 1
    assert consent_has("marie@demo.virage.example", "research") is False


def test_nobody_changes_someone_elses_consent(personas):
    with pytest.raises(PermissionDenied):
        consent_give(person=personas.marie, purpose="newsletter", source="x", actor=personas.luc)
    with pytest.raises(PermissionDenied):
        consent_give(person=personas.marie, purpose="newsletter", source="x", actor=None)
    with pytest.raises(ValidationError):
        consent_give(person=personas.marie, purpose="nope", source="x", actor=personas.marie)
    # the privacy officer records a withdrawal received by mail
    consent_give(person=personas.marie, purpose="newsletter", source="x", actor=personas.marie)
    assert (
        consent_withdraw(
            person=personas.marie, purpose="newsletter", source="mail", actor=personas.ada
        )
        == 1
    )


def test_consent_emails_filters_a_mailing_in_two_queries(personas, django_assert_num_queries):
    marie, luc = personas.marie, personas.luc
    consent_give(person=marie, purpose="newsletter", source="t", actor=marie)
    consent_give(person="visiteur@exemple.ca", purpose="newsletter", source="waitlist")
    consent_give(person=luc, purpose="research", source="t", actor=luc)
    # 1 users with an active consent, 2 addresses without an account
    with django_assert_num_queries(2):
        emails = consent_emails("newsletter")
    assert emails == {"marie@demo.virage.example", "visiteur@exemple.ca"}
    assert consent_emails("newsletter", emails=[luc.email, "VISITEUR@exemple.ca"]) == {
        "visiteur@exemple.ca"
    }


def test_consent_current_lists_the_purposes_of_the_role(personas, django_assert_num_queries):
    consent_give(person=personas.marie, purpose="newsletter", source="t", actor=personas.marie)
    with django_assert_num_queries(1):
        rows = consent_current(personas.marie)
    assert [(r["purpose"].key, r["record"] is not None) for r in rows] == [
        ("program_contact", False),
        ("newsletter", True),
        ("research", False),
        ("share_diagnostic_with_partner", False),
    ]
    assert [r["purpose"].key for r in consent_current(personas.antoine)] == ["newsletter"]


def test_sign_up_forms_get_separate_unticked_boxes():
    from django import forms

    from virage.privacy.forms import ConsentCheckboxesMixin

    class SignUp(ConsentCheckboxesMixin, forms.Form):
        email = forms.EmailField()

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.add_consent_fields(role="merchant")

    form = SignUp()
    boxes = [name for name in form.fields if name.startswith("consent_")]
    assert boxes == [
        "consent_newsletter",
        "consent_research",
        "consent_share_diagnostic_with_partner",
    ]
    assert "checked" not in str(form)
    bound = SignUp({"email": "a@b.ca", "consent_research": "on"})
    assert bound.is_valid()
    assert bound.ticked_purposes(bound.cleaned_data) == ["research"]
