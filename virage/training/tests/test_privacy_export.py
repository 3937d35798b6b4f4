"""My data: the training part of the export (a participant's registrations, attendance and
attestations; a trainer's sessions without the participants)."""

from __future__ import annotations

import json

import pytest

from virage.privacy.registry import anonymisers, exporters
from virage.privacy.services import personal_data
from virage.training import services
from virage.training.models import Registration
from virage.training.privacy import export_person
from virage.training.tests.factories import make_module, make_session

pytestmark = pytest.mark.django_db

REGISTRATION_COLUMNS = [
    "business_id",
    "credited_minutes",
    "ends_at",
    "language",
    "mode",
    "module",
    "module_en",
    "registered_at",
    "registered_by_you",
    "registration_id",
    "reminder_sent_at",
    "session_status",
    "starts_at",
    "status",
    "status_changed_at",
    "waitlist_position",
]
ATTENDANCE_COLUMNS = ["minutes", "recorded_at", "registration_id", "status"]
ATTESTATION_COLUMNS = ["credited_minutes", "date", "module", "module_en", "registration_id"]
SESSION_COLUMNS = [
    "cancelled_at",
    "capacity",
    "city",
    "closed_at",
    "ends_at",
    "language",
    "mode",
    "module",
    "module_en",
    "region",
    "seats_taken",
    "session_id",
    "starts_at",
    "status",
    "venue",
]


@pytest.fixture
def trainings(personas, businesses):
    """A closed 90-minute session (Marie present, Luc partial 45) and an upcoming one Marie
    registered for herself."""
    past = make_session(
        trainer=personas.nadia,
        module=make_module(title_fr="Vendre en ligne", title_en="Selling online"),
        hours=-2,
        minutes=90,
    )
    marie_reg, luc_reg = (
        Registration.objects.create(
            session=past, person=p, business=b, status="registered", created_by=p
        )
        for p, b in ((personas.marie, businesses.marie), (personas.luc, businesses.luc))
    )
    past.seats_taken = 2
    past.save(update_fields=["seats_taken"])
    services.session_close(
        session=past,
        entries={marie_reg.pk: ("present", None), luc_reg.pk: ("partial", 45)},
        actor=personas.nadia,
    )
    upcoming = make_session(trainer=personas.nadia, days=10)
    next_reg = services.registration_create(
        session=upcoming, person=personas.marie, business=businesses.marie, actor=personas.marie
    )
    return marie_reg, luc_reg, next_reg


def test_the_exporter_is_registered_and_no_anonymiser_is():
    assert "training" in dict(exporters())
    assert "training" not in dict(anonymisers())


def test_marie_gets_her_registrations_attendance_and_attestation(trainings, personas):
    marie_reg, _luc_reg, next_reg = trainings
    data = export_person(personas.marie)
    assert sorted(data) == [
        "training_attendance",
        "training_attestations",
        "training_registrations",
    ]
    rows = data["training_registrations"]
    assert [sorted(r) for r in rows] == [REGISTRATION_COLUMNS, REGISTRATION_COLUMNS]
    assert [
        (r["registration_id"], r["status"], r["credited_minutes"], r["registered_by_you"])
        for r in rows
    ] == [(marie_reg.pk, "attended", 90, True), (next_reg.pk, "registered", 0, True)]
    assert (rows[0]["module"], rows[0]["session_status"]) == ("Vendre en ligne", "closed")
    [attendance] = data["training_attendance"]
    assert sorted(attendance) == ATTENDANCE_COLUMNS
    assert (attendance["registration_id"], attendance["status"], attendance["minutes"]) == (
        marie_reg.pk,
        "present",
        90,
    )
    [attestation] = data["training_attestations"]
    assert sorted(attestation) == ATTESTATION_COLUMNS
    assert (attestation["module_en"], attestation["credited_minutes"]) == ("Selling online", 90)


def test_nothing_about_luc_is_in_maries_export(trainings, personas):
    _marie_reg, luc_reg, _next = trainings
    section = personal_data(personas.marie)["training"]
    ids = {row["registration_id"] for rows in section.values() for row in rows}
    assert luc_reg.pk not in ids
    text = json.dumps(section, ensure_ascii=False)
    for other in ("luc@demo.virage.example", "Gagnon", "Quincaillerie"):
        assert other not in text
    # Luc's own export: his partial attendance only
    luc = export_person(personas.luc)
    assert [(a["status"], a["minutes"]) for a in luc["training_attendance"]] == [("partial", 45)]


def test_a_trainer_gets_her_sessions_without_the_participants(trainings, personas):
    data = export_person(personas.nadia)
    assert sorted(data) == ["training_sessions_given"]
    rows = data["training_sessions_given"]
    assert [sorted(r) for r in rows] == [SESSION_COLUMNS, SESSION_COLUMNS]
    assert [(r["status"], r["capacity"], r["seats_taken"]) for r in rows] == [
        ("closed", 10, 2),
        ("scheduled", 10, 1),
    ]
    text = json.dumps(personal_data(personas.nadia)["training"], ensure_ascii=False)
    for other in ("Marie", "Tremblay", "Luc", "marie@demo.virage.example", "Boutique"):
        assert other not in text
    assert export_person(personas.fatou) == {}
