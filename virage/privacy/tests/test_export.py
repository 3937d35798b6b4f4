"""My data: every personal field of the covered apps is in the export; nothing private or
about other people is."""

from __future__ import annotations

import csv
import io
import json
import zipfile

import pytest

from virage.accounts.privacy import NOT_EXPORTED
from virage.core.models import AuditEvent
from virage.core.services import audit_log
from virage.enterprises.models import Business, Location
from virage.privacy.builtin import BUSINESS_FIELDS
from virage.privacy.models import PrivacyRequest
from virage.privacy.registry import exporters
from virage.privacy.services import consent_give, personal_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def marie_data(personas, businesses):
    marie = personas.marie
    marie.phone = "450-555-0101"
    marie.save()
    consent_give(person=marie, purpose="program_contact", source="application", actor=marie)
    PrivacyRequest.objects.create(
        requester=marie, kind="correction", details="Mon téléphone a changé.", due_on="2026-12-31"
    )
    audit_log(actor=personas.antoine, verb="business.note", obj=businesses.marie, reason="suivi")
    return personal_data(marie)


def test_every_exporter_is_registered():
    keys = {key for key, _fn in exporters()}
    assert sorted({"accounts", "core", "enterprises", "privacy", "programs"} - keys) == []


def test_the_profile_holds_every_personal_field_of_the_user(marie_data, personas):
    from virage.accounts.models import User

    fields = {f.name for f in User._meta.concrete_fields} - NOT_EXPORTED
    profile = marie_data["accounts"]["profile"][0]
    assert sorted(fields - set(profile)) == []
    assert (profile["email"], profile["phone"], profile["last_name"]) == (
        "marie@demo.virage.example",
        "450-555-0101",
        "Tremblay",
    )
    assert marie_data["accounts"]["security"] == [
        {"two_factor_enabled": False, "two_factor_since": None, "recovery_codes_left": 0}
    ]


def test_the_business_its_locations_and_members_are_complete(marie_data, businesses):
    business_fields = {f.name for f in Business._meta.concrete_fields if f.name not in {"id"}} - {
        "subsector",
        "region",
        "package",
        "cohort",
        "advisor",
    }
    assert sorted(business_fields - set(BUSINESS_FIELDS)) == []
    rows = marie_data["enterprises"]["businesses"]
    assert len(rows) == 1
    row = rows[0]
    for name in [*BUSINESS_FIELDS, "subsector", "region", "package", "cohort", "advisor"]:
        assert name in row
    assert (row["legal_name"], row["neq"], row["region"], row["advisor"]) == (
        "Boutique Marie inc.",
        "1170000001",
        "16 Montérégie",
        "Antoine Roy",
    )
    location_fields = {f.name for f in Location._meta.concrete_fields} - {"id", "business"}
    location = marie_data["enterprises"]["locations"][0]
    assert sorted(location_fields - set(location)) == []
    assert (location["address"], location["postal_code"]) == ("120, rue Principale", "J2G 2V5")
    assert marie_data["enterprises"]["members"][0]["person"] == "you"


def test_consents_requests_and_history_are_exported(marie_data):
    consents = marie_data["privacy"]["consents"]
    assert [(c["purpose"], c["text_version"], c["withdrawn_at"]) for c in consents] == [
        ("program_contact", "2026-01", None)
    ]
    assert marie_data["privacy"]["requests"][0]["details"] == "Mon téléphone a changé."
    history = marie_data["core"]["history"]
    # events about her business done by her advisor name the role, never the person
    assert [(e["action"], e["by"], e["reason"]) for e in history] == [
        ("consent.given", "you", ""),
        ("business.note", "advisor", "suivi"),
    ]


def test_nothing_about_other_people_or_private_notes(marie_data, personas):
    text = json.dumps(marie_data, ensure_ascii=False)
    for other in ("luc@demo.virage.example", "antoine@demo.virage.example", "Quincaillerie"):
        assert other not in text
    columns = {
        column
        for tables in marie_data.values()
        for rows in tables.values()
        for row in rows
        for column in row
    }
    assert sorted(c for c in columns if "private" in c or c == "password") == []


def test_no_registered_exporter_leaks_private_notes(personas, businesses):
    """Every app's exporter (coaching, training… once registered) is checked here too."""
    data = personal_data(personas.marie)
    leaked = [
        f"{app}.{table}.{column}"
        for app, tables in data.items()
        for table, rows in tables.items()
        for row in rows
        for column in row
        if "private" in column
    ]
    assert leaked == []


def test_the_download_is_a_zip_of_json_and_csv(client_for, personas, businesses):
    response = client_for("marie").get("/fr/privacy/my-data/download/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"].startswith('attachment; filename="virage-data-')
    assert response["Cache-Control"] == "no-store"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    names = set(archive.namelist())
    assert {
        "data.json",
        "README.txt",
        "csv/accounts-profile.csv",
        "csv/enterprises-businesses.csv",
        "csv/enterprises-locations.csv",
        "csv/privacy-consents.csv",
    } <= names
    data = json.loads(archive.read("data.json"))
    assert data["data"]["accounts"]["profile"][0]["email"] == "marie@demo.virage.example"
    rows = list(
        csv.DictReader(
            io.StringIO(archive.read("csv/enterprises-locations.csv").decode("utf-8-sig"))
        )
    )
    assert [(r["city"], r["is_primary"]) for r in rows] == [("Granby", "True")]
    assert "Vos renseignements personnels" in archive.read("README.txt").decode()
    assert AuditEvent.objects.filter(verb="privacy.data_exported").count() == 1
