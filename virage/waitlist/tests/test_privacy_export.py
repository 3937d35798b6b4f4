"""My data: the callback list's part of the export (the entry with the person's address, its
consents and invitations) and the anonymiser (identifying fields replaced, counts kept)."""

from __future__ import annotations

import json

import pytest
from django.db.models import Count

from virage.privacy.registry import anonymisers, exporters
from virage.privacy.services import personal_data
from virage.waitlist import services
from virage.waitlist.models import CallbackConsent, CallbackEntry, Invitation
from virage.waitlist.privacy import anonymise_person, export_person
from virage.waitlist.tests.factories import make_entry

pytestmark = pytest.mark.django_db

ENTRY_COLUMNS = [
    "business_name",
    "confirmed_at",
    "contact_name",
    "eligibility_outcome",
    "eligibility_reasons",
    "email",
    "employees",
    "entry_id",
    "language",
    "locations_count",
    "neq",
    "phone",
    "postal_code",
    "referred_by_a_partner",
    "region",
    "signed_up_at",
    "source",
    "status",
    "subsector",
]
CONSENT_COLUMNS = [
    "entry_id",
    "given_at",
    "language",
    "purpose",
    "source",
    "text_version",
    "withdrawn_at",
]
INVITATION_COLUMNS = [
    "accepted_at",
    "business_id",
    "ended_at",
    "entry_id",
    "expires_at",
    "language",
    "reminded_at",
    "sent_at",
    "status",
    "wave",
]


@pytest.fixture
def entries(personas, program):
    """Marie's entry (signed up first, with a partner's referral, invited by a wave of one
    place) and Luc's, still waiting."""
    marie = make_entry(
        email="Marie@Demo.Virage.example",
        business_name="Boutique Marie",
        neq="1170000001",
        partner=personas.paul,
    )
    CallbackEntry.objects.filter(pk=marie.pk).update(
        contact_name="Marie Tremblay", phone="450-555-0101"
    )
    luc = make_entry(
        email="luc@demo.virage.example", business_name="Quincaillerie Luc", region="05"
    )
    CallbackEntry.objects.filter(pk=luc.pk).update(contact_name="Luc Gagnon")
    wave = services.wave_create(actor=personas.ada, name="Vague d'automne", places=1)
    assert services.wave_send_invitations(wave=wave, actor=personas.ada) == 1
    marie.refresh_from_db()
    luc.refresh_from_db()
    return marie, luc


def test_the_exporter_and_the_anonymiser_are_registered():
    assert "waitlist" in dict(exporters())
    assert "waitlist" in dict(anonymisers())


def test_marie_gets_her_entry_its_consent_and_invitation(entries, personas):
    marie, _luc = entries
    data = export_person(personas.marie)
    assert sorted(data) == ["callback_consents", "callback_entry", "callback_invitations"]
    [entry] = data["callback_entry"]
    assert sorted(entry) == ENTRY_COLUMNS
    assert (
        entry["entry_id"],
        entry["contact_name"],
        entry["email"],
        entry["phone"],
        entry["neq"],
        entry["postal_code"],
        entry["referred_by_a_partner"],
    ) == (
        marie.pk,
        "Marie Tremblay",
        "Marie@Demo.Virage.example",
        "450-555-0101",
        "1170000001",
        "J2G 2V5",
        True,
    )
    [consent] = data["callback_consents"]
    assert sorted(consent) == CONSENT_COLUMNS
    assert (consent["purpose"], consent["withdrawn_at"]) == ("contact", None)
    [invitation] = data["callback_invitations"]
    assert sorted(invitation) == INVITATION_COLUMNS
    assert (invitation["wave"], invitation["status"]) == ("Vague d'automne", "sent")


def test_nothing_about_luc_or_the_partner_is_in_maries_export(entries, personas):
    _marie, _luc = entries
    section = personal_data(personas.marie)["waitlist"]
    ids = {row["entry_id"] for rows in section.values() for row in rows}
    assert ids == {entries[0].pk}
    text = json.dumps(section, ensure_ascii=False)
    token = Invitation.objects.get().token
    for other in ("luc@demo.virage.example", "Luc Gagnon", "Quincaillerie", "Gauthier", token):
        assert other not in text
    assert export_person(personas.antoine) == {}


def _totals():
    return (
        CallbackEntry.objects.count(),
        sorted(CallbackEntry.objects.values_list("status", "region__code", "employees")),
        list(CallbackConsent.objects.values("purpose").annotate(n=Count("id")).order_by("purpose")),
        sorted(Invitation.objects.values_list("status", flat=True)),
    )


def test_anonymising_marie_replaces_her_details_and_keeps_the_totals(entries, personas):
    marie, luc = entries
    before = _totals()
    touched = anonymise_person(personas.marie, actor=personas.ada)
    assert touched == {"entries": 1, "consents": 1}
    assert _totals() == before
    marie.refresh_from_db()
    assert (
        marie.contact_name,
        marie.business_name,
        marie.email,
        marie.phone,
        marie.neq,
        marie.postal_code,
    ) == (
        "Personne anonymisée",
        f"Entreprise anonymisée {marie.pk}",
        f"anonymised-entry-{marie.pk}@anonymised.invalid",
        "",
        None,
        "J2G",
    )
    assert CallbackConsent.objects.get(entry=marie).withdrawn_at is not None
    luc_after = CallbackEntry.objects.get(pk=luc.pk)
    assert (luc_after.contact_name, luc_after.email) == ("Luc Gagnon", "luc@demo.virage.example")
    assert CallbackConsent.objects.get(entry=luc).withdrawn_at is None
    # nothing is left to match her address: a second run touches nothing
    assert anonymise_person(personas.marie, actor=personas.ada) == {"entries": 0, "consents": 0}
