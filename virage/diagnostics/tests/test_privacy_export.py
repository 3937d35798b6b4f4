"""My data: the diagnostics part of the export (a merchant's assessments; an advisor's as ids
only), nothing about another business."""

from __future__ import annotations

import json

import pytest

from virage.diagnostics.privacy import export_person
from virage.diagnostics.tests.factories import make_assessment
from virage.privacy.registry import anonymisers, exporters
from virage.privacy.services import personal_data

pytestmark = pytest.mark.django_db

MERCHANT_COLUMNS = [
    "answers",
    "assessment_id",
    "business_id",
    "last_saved_at",
    "m2_result",
    "questionnaire_version",
    "r_result",
    "scoring_version_m2",
    "scoring_version_r",
    "started_at",
    "status",
    "submitted_at",
    "time_point",
]
ADVISOR_COLUMNS = [
    "assessment_id",
    "business_id",
    "opened_by_you",
    "started_at",
    "started_by_you",
    "submitted_at",
    "submitted_by_you",
    "time_point",
]


@pytest.fixture
def assessments(personas, businesses):
    t0 = make_assessment(businesses.marie, by=personas.marie)
    t1 = make_assessment(businesses.marie, time_point="T1", submitted=False, by=personas.antoine)
    luc = make_assessment(businesses.luc, by=personas.luc)
    return t0, t1, luc


def test_the_exporter_is_registered_and_no_anonymiser_is():
    assert "diagnostics" in dict(exporters())
    assert "diagnostics" not in dict(anonymisers())


def test_marie_gets_her_business_assessments_with_exact_columns(assessments, personas):
    t0, t1, _luc = assessments
    data = export_person(personas.marie)
    assert sorted(data) == ["assessments"]
    rows = data["assessments"]
    assert [sorted(row) for row in rows] == [MERCHANT_COLUMNS, MERCHANT_COLUMNS]
    assert [(r["assessment_id"], r["time_point"], r["status"]) for r in rows] == [
        (t0.pk, "T0", "submitted"),
        (t1.pk, "T1", "draft"),
    ]
    assert rows[0]["answers"] == t0.answers
    assert rows[0]["m2_result"] == t0.m2_result
    assert rows[0]["r_result"] == t0.r_result
    assert rows[0]["submitted_at"] == t0.submitted_at
    assert (rows[1]["m2_result"], rows[1]["submitted_at"]) == (None, None)


def test_nothing_about_luc_is_in_maries_export(assessments, personas, businesses):
    _t0, _t1, luc = assessments
    section = personal_data(personas.marie)["diagnostics"]
    rows = section["assessments"]
    assert luc.pk not in [r["assessment_id"] for r in rows]
    assert {r["business_id"] for r in rows} == {businesses.marie.pk}
    text = json.dumps(section, ensure_ascii=False)
    for other in ("luc@demo.virage.example", "Gagnon", "Quincaillerie"):
        assert other not in text


def test_an_advisor_gets_the_assessments_they_handled_as_ids_only(assessments, personas):
    _t0, t1, _luc = assessments
    data = export_person(personas.antoine)
    assert sorted(data) == ["assessments_handled"]
    rows = data["assessments_handled"]
    assert [sorted(row) for row in rows] == [ADVISOR_COLUMNS]
    assert (
        rows[0]["assessment_id"],
        rows[0]["time_point"],
        rows[0]["started_by_you"],
        rows[0]["submitted_by_you"],
    ) == (t1.pk, "T1", True, False)
    # Sofia handled none; other roles have no diagnostics
    assert export_person(personas.sofia) == {"assessments_handled": []}
    assert export_person(personas.fatou) == {}
