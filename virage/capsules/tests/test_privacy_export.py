"""My data: the capsules part of the export (learner profile, progress, certificates) and the
anonymiser (identifying fields replaced, completions and reach kept)."""

from __future__ import annotations

import json

import pytest
from django.db.models import Sum

from virage.capsules.models import BusinessReach, CapsuleProgress, Learner, PathCertificate
from virage.capsules.privacy import anonymise_person, export_person
from virage.capsules.services import quiz_submit
from virage.capsules.tests.factories import (
    make_capsule,
    make_light_learner,
    make_path,
    right_answers,
    wrong_answers,
)
from virage.privacy.registry import anonymisers, exporters
from virage.privacy.services import personal_data

pytestmark = pytest.mark.django_db

PROFILE_COLUMNS = [
    "business_id",
    "business_name",
    "confirmed_at",
    "consent_contact",
    "consent_contact_at",
    "created_at",
    "details_changed_at",
    "email",
    "language",
    "last_signin_at",
    "learner_id",
    "region",
    "subsector",
    "with_account",
]
PROGRESS_COLUMNS = [
    "attempts",
    "best_score_percent",
    "capsule",
    "capsule_title",
    "completed_at",
    "last_attempt_at",
    "learner_id",
    "passed",
    "started_at",
]
CERTIFICATE_COLUMNS = [
    "business_name",
    "code",
    "holder_name",
    "issued_at",
    "language",
    "learner_id",
    "path",
    "path_title",
]


@pytest.fixture
def learning(personas, businesses):
    """Marie passed the one-capsule path with her account (a certificate) and, before she had
    an account, tried the other capsule as a light learner with the same address; Luc failed
    the first capsule."""
    capsule = make_capsule("vendre-en-ligne")
    other = make_capsule("avis-clients", title_fr="Les avis clients")
    make_path("parcours-boutique", [capsule])
    quiz_submit(capsule=capsule, answers=right_answers(capsule), learner=None, user=personas.marie)
    light = make_light_learner(email="Marie@Demo.Virage.example", business_name="Boutique Marie")
    Learner.objects.filter(pk=light.pk).update(consent_contact=True)
    quiz_submit(capsule=other, answers=right_answers(other), learner=light)
    quiz_submit(capsule=capsule, answers=wrong_answers(capsule), learner=None, user=personas.luc)
    return capsule, other, light


def test_the_exporter_and_the_anonymiser_are_registered():
    assert "capsules" in dict(exporters())
    assert "capsules" in dict(anonymisers())


def test_marie_gets_her_profiles_progress_and_certificate(learning, personas, businesses):
    _capsule, _other, _light = learning
    data = export_person(personas.marie)
    assert sorted(data) == ["capsule_certificates", "capsule_learner", "capsule_progress"]
    profiles = data["capsule_learner"]
    assert [sorted(p) for p in profiles] == [PROFILE_COLUMNS, PROFILE_COLUMNS]
    assert [(p["with_account"], p["email"], p["business_id"]) for p in profiles] == [
        (True, "", businesses.marie.pk),
        (False, "Marie@Demo.Virage.example", None),
    ]
    assert (profiles[1]["business_name"], profiles[1]["consent_contact"]) == (
        "Boutique Marie",
        True,
    )
    progress = data["capsule_progress"]
    assert [sorted(p) for p in progress] == [PROGRESS_COLUMNS, PROGRESS_COLUMNS]
    assert [
        (p["capsule"], p["attempts"], p["best_score_percent"], p["passed"]) for p in progress
    ] == [
        ("vendre-en-ligne", 1, 100, True),
        ("avis-clients", 1, 100, True),
    ]
    [certificate] = data["capsule_certificates"]
    assert sorted(certificate) == CERTIFICATE_COLUMNS
    assert (certificate["path"], certificate["holder_name"], certificate["business_name"]) == (
        "parcours-boutique",
        "Marie Tremblay",
        "Boutique Marie",
    )


def test_nothing_about_luc_is_in_maries_export(learning, personas):
    section = personal_data(personas.marie)["capsules"]
    luc_learner = Learner.objects.get(user=personas.luc)
    ids = {row["learner_id"] for rows in section.values() for row in rows}
    assert luc_learner.pk not in ids
    text = json.dumps(section, ensure_ascii=False)
    for other in ("luc@demo.virage.example", "Gagnon", "Quincaillerie"):
        assert other not in text
    assert [p["passed"] for p in export_person(personas.luc)["capsule_progress"]] == [False]
    assert export_person(personas.fatou) == {}


def _totals():
    return (
        Learner.objects.count(),
        CapsuleProgress.objects.count(),
        CapsuleProgress.objects.filter(completed_at__isnull=False).count(),
        CapsuleProgress.objects.aggregate(n=Sum("attempts"))["n"],
        PathCertificate.objects.count(),
        BusinessReach.objects.count(),
    )


def test_anonymising_marie_replaces_what_identifies_her_and_keeps_the_totals(learning, personas):
    _capsule, _other, light = learning
    old_key = light.business_key
    before = _totals()
    assert before == (3, 3, 2, 3, 1, 2)
    touched = anonymise_person(personas.marie, actor=personas.ada)
    assert touched == {"learners": 2, "certificates": 1, "business_keys": 1}
    assert _totals() == before
    light.refresh_from_db()
    assert (light.email, light.business_name, light.consent_contact) == (
        f"anonymised-learner-{light.pk}@anonymised.invalid",
        "—",
        False,
    )
    new_key = f"n:12:anonymised-{light.pk}"
    assert light.business_key == new_key
    assert BusinessReach.objects.filter(business_key=old_key).count() == 0
    assert BusinessReach.objects.filter(business_key=new_key).count() == 1
    certificate = PathCertificate.objects.get()
    assert (certificate.holder_name, certificate.business_name) == ("", "—")
    # Luc's profile is untouched
    assert Learner.objects.get(user=personas.luc).progress.get().attempts == 1
