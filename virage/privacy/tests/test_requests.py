"""Correction and deletion requests: the privacy officer decides; an approved deletion
anonymises the person everywhere and leaves the dashboards' totals unchanged."""

from __future__ import annotations

import pytest
from django.contrib.auth import authenticate
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Sum

from virage.core.models import AuditEvent, OutgoingEmail
from virage.core.services import email_queue
from virage.enterprises.models import Business, BusinessMember, Location
from virage.privacy.models import ConsentRecord, PrivacyRequest
from virage.privacy.selectors import consent_has
from virage.privacy.services import (
    consent_give,
    person_anonymise,
    privacy_request_create,
    privacy_request_decide,
)

pytestmark = pytest.mark.django_db


def dashboard_totals() -> dict:
    """What the funder and partner dashboards count: businesses by region and status, by
    subsector, employees, allowances (hours), locations by region, consents by purpose."""
    businesses = Business.objects.all()
    return {
        "by_region_status": sorted(
            businesses.values_list("region__code", "status").annotate(n=Count("id"))
        ),
        "by_subsector": sorted(businesses.values_list("subsector__code").annotate(n=Count("id"))),
        "sums": businesses.aggregate(
            employees=Sum("employees"),
            coaching=Sum("coaching_minutes_allowed"),
            training=Sum("training_minutes_allowed"),
        ),
        "locations_by_region": sorted(
            Location.objects.values_list("region__code").annotate(n=Count("id"))
        ),
        "members": BusinessMember.objects.count(),
        "consents_by_purpose": sorted(
            ConsentRecord.objects.values_list("purpose").annotate(n=Count("id"))
        ),
    }


def test_a_person_asks_for_a_correction_and_the_officer_is_told(
    client_for, personas, django_capture_on_commit_callbacks
):
    client = client_for("marie")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/fr/privacy/requests/new/correction/", {"details": "Mon nom s'écrit Marie-Ève."}
        )
        # double submit: still one open request
        client.post(
            "/fr/privacy/requests/new/correction/", {"details": "Mon nom s'écrit Marie-Ève."}
        )
    assert response["Location"] == "/fr/privacy/my-data/"
    request = PrivacyRequest.objects.get()
    assert (request.kind, request.status, request.requester) == (
        "correction",
        "open",
        personas.marie,
    )
    assert (request.due_on - request.created_at.date()).days in (29, 30, 31)
    assert [m.to for m in mail.outbox] == [["vie-privee@virage.example"]]
    # the officer's e-mail names no one
    assert "Marie" not in mail.outbox[0].body


def test_a_correction_needs_details_and_keeps_what_was_typed(client_for):
    response = client_for("marie").post("/fr/privacy/requests/new/correction/", {"details": " "})
    assert response.status_code == 200
    assert "Ce champ est obligatoire." in response.content.decode()
    assert PrivacyRequest.objects.count() == 0


def test_a_deletion_request_needs_the_confirmation_box(client_for):
    response = client_for("luc").post("/en/privacy/requests/new/deletion/", {"details": "Bye"})
    body = response.content.decode()
    assert response.status_code == 200
    assert 'aria-invalid="true"' in body
    assert "Bye</textarea>" in body
    assert PrivacyRequest.objects.count() == 0


def test_only_the_privacy_officer_decides(personas):
    request = privacy_request_create(
        requester=personas.marie, kind="deletion", details="", actor=personas.marie
    )
    with pytest.raises(PermissionDenied):
        privacy_request_decide(request=request, approve=True, notes="", actor=personas.antoine)
    with pytest.raises(PermissionDenied):
        privacy_request_create(
            requester=personas.marie, kind="deletion", details="", actor=personas.luc
        )
    with pytest.raises(ValidationError):
        privacy_request_decide(request=request, approve=False, notes=" ", actor=personas.ada)
    request.refresh_from_db()
    assert request.status == "open"


def test_approved_deletion_anonymises_and_keeps_the_totals(
    personas, businesses, django_capture_on_commit_callbacks
):
    marie = personas.marie
    marie.phone = "450-555-0101"
    marie.save()
    consent_give(person=marie, purpose="program_contact", source="application", actor=marie)
    consent_give(person=marie, purpose="newsletter", source="application", actor=marie)
    email_queue(
        key="old-mail",
        to=marie.email,
        template="accounts/password_reset",
        context={"name": "Marie", "reset_url": "x"},
        language="fr",
    )
    before = dashboard_totals()
    request = privacy_request_create(
        requester=marie, kind="deletion", details="Je quitte le programme.", actor=marie
    )
    with django_capture_on_commit_callbacks(execute=True):
        privacy_request_decide(request=request, approve=True, notes="", actor=personas.ada)

    assert dashboard_totals() == before
    marie.refresh_from_db()
    assert (marie.email, marie.first_name, marie.last_name, marie.phone, marie.is_active) == (
        f"anonymised-{marie.pk}@anonymised.invalid",
        "",
        "",
        "",
        False,
    )
    assert marie.anonymised_at is not None
    assert not marie.has_usable_password()
    assert authenticate(username="marie@demo.virage.example", password="Test-password-2026") is None
    business = Business.objects.get(pk=businesses.marie.pk)
    assert (business.legal_name, business.operating_name, business.neq) == (
        f"Entreprise anonymisée {business.pk}",
        "",
        None,
    )
    assert (business.region.code, business.status, business.employees) == ("16", "enrolled", 6)
    location = business.locations.get()
    assert (location.address, location.city, location.postal_code) == ("", "", "J2G")
    # Luc's business is untouched
    assert Business.objects.get(pk=businesses.luc.pk).neq == "1170000002"
    assert consent_has(marie, "newsletter") is False
    request.refresh_from_db()
    assert (request.status, request.details) == ("completed", "")
    # the person was told at their former address; older copies of e-mails are gone
    assert [m.to for m in mail.outbox][-1] == ["marie@demo.virage.example"]
    assert sorted(OutgoingEmail.objects.values_list("template", "to")) == [
        ("privacy/request_decided", "marie@demo.virage.example"),  # purged after 30 days
        ("privacy/request_received", "vie-privee@virage.example"),
    ]
    assert AuditEvent.objects.filter(verb="person.anonymised", object_id=str(marie.pk)).count() == 1
    # idempotent
    assert person_anonymise(user=marie, actor=personas.ada, reason="again") == {}


def test_a_shared_business_stays_identified_while_another_member_is(personas, businesses):
    from virage.accounts.models import User

    colleague = User.objects.create_user(email="collegue@exemple.ca", password="x" * 14)
    BusinessMember.objects.create(business=businesses.marie, user=colleague, role="employee")
    person_anonymise(user=personas.marie, actor=personas.ada, reason="test")
    assert Business.objects.get(pk=businesses.marie.pk).neq == "1170000001"
    person_anonymise(user=colleague, actor=personas.ada, reason="test")
    assert Business.objects.get(pk=businesses.marie.pk).neq is None


def test_the_officer_decides_on_the_page(client_for, personas, django_capture_on_commit_callbacks):
    request = privacy_request_create(
        requester=personas.luc, kind="correction", details="Adresse", actor=personas.luc
    )
    client = client_for("ada")
    page = client.get(f"/fr/privacy/officer/requests/{request.pk}/")
    assert "Adresse" in page.content.decode()
    response = client.post(f"/fr/privacy/officer/requests/{request.pk}/", {"decision": "refuse"})
    assert "Indiquez le motif du refus." in response.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/fr/privacy/officer/requests/{request.pk}/",
            {"decision": "refuse", "notes": "Cette adresse est déjà la bonne."},
        )
    assert response.status_code == 302
    request.refresh_from_db()
    assert (request.status, request.decided_by) == ("refused", personas.ada)
    assert mail.outbox[-1].to == [personas.luc.email]
    assert "Cette adresse est déjà la bonne." in mail.outbox[-1].body
    # a second decision is refused
    with pytest.raises(ValidationError):
        privacy_request_decide(request=request, approve=True, notes="", actor=personas.ada)
