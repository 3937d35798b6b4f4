"""Services: start, save a page, submit (locking, scoring, business path, plan), open T1,
re-score; permissions, idempotence, constraints and audit."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from virage.core.models import AuditEvent
from virage.diagnostics import scoring
from virage.diagnostics.models import Assessment, ScoreRecord
from virage.diagnostics.progress import page_answer_keys
from virage.diagnostics.questionnaire import pages
from virage.diagnostics.selectors import assessment_latest
from virage.diagnostics.services import (
    InvalidAnswers,
    ScoringVersionChanged,
    assessment_open_t1,
    assessment_rescore,
    assessment_save_page,
    assessment_start,
    assessment_submit,
)
from virage.enterprises.models import Business

from .conftest import needs_plans
from .factories import example_answers, improved_answers, make_assessment, page_answers

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    """Messages are checked in English here; the pages check them in French."""
    with translation.override("en"):
        yield


def verbs(assessment) -> list[str]:
    return list(
        AuditEvent.objects.filter(
            object_type="diagnostics.assessment", object_id=str(assessment.pk)
        )
        .order_by("id")
        .values_list("verb", flat=True)
    )


def answer_all(assessment, actor, answers=None) -> Assessment:
    answers = example_answers() if answers is None else answers
    for page in pages():
        assessment = assessment_save_page(
            assessment=assessment,
            page_key=page.key,
            answers=page_answers(answers, page.key),
            actor=actor,
        )
    return assessment


# --------------------------------------------------------------------------------------------
# Start
# --------------------------------------------------------------------------------------------


def test_merchant_starts_t0_once(personas, marie_business):
    first = assessment_start(business=marie_business, actor=personas.marie)
    again = assessment_start(business=marie_business, actor=personas.antoine)
    assert first.pk == again.pk
    assert (first.time_point, first.status, first.questionnaire_version) == (
        "T0",
        "draft",
        "2026.1",
    )
    assert first.started_by == personas.marie
    assert first.answers == {}
    assert Assessment.objects.count() == 1
    assert verbs(first) == ["assessment.started"]


@pytest.mark.parametrize("persona", ["luc", "sofia", "nadia", "paul", "fatou"])
def test_start_refused_out_of_scope_or_role(personas, marie_business, persona):
    with pytest.raises(PermissionDenied):
        assessment_start(business=marie_business, actor=getattr(personas, persona))
    assert Assessment.objects.count() == 0


def test_start_needs_an_enrolled_business(personas, marie_business):
    Business.objects.filter(pk=marie_business.pk).update(status="applied")
    with pytest.raises(ValidationError) as caught:
        assessment_start(business=marie_business, actor=personas.marie)
    assert caught.value.messages == [
        "The diagnostic opens once the business is enrolled in the program."
    ]
    assert Assessment.objects.count() == 0


# --------------------------------------------------------------------------------------------
# Save a page
# --------------------------------------------------------------------------------------------


def test_save_page_merges_pages_in_canonical_form(personas, marie_business):
    assessment = assessment_start(business=marie_business, actor=personas.marie)
    assessment = assessment_save_page(
        assessment=assessment,
        page_key="d1",
        answers={"m2_1_1": {"already": [8, 3], "plans": []}, "m2_1_2": [9, 1]},
        actor=personas.marie,
    )
    assessment = assessment_save_page(
        assessment=assessment,
        page_key="r5",
        answers={"r5_1": "yes", "r5_2": "na"},
        actor=personas.antoine,
    )
    assessment.refresh_from_db()
    assert assessment.answers == {
        "m2_1_1": {"already": [3, 8], "plans": []},
        "m2_1_2": [1, 9],
        "r5_1": "yes",
        "r5_2": "na",
    }
    events = AuditEvent.objects.filter(verb="assessment.page_saved").order_by("id")
    assert [(e.actor, e.after["page"]) for e in events] == [
        (personas.marie, "d1"),
        (personas.antoine, "r5"),
    ]


def test_saving_the_same_page_twice_writes_nothing_new(personas, marie_business):
    assessment = assessment_start(business=marie_business, actor=personas.marie)
    for _ in range(2):
        assessment_save_page(
            assessment=assessment,
            page_key="r5",
            answers={"r5_1": "yes", "r5_2": "no"},
            actor=personas.marie,
        )
    assert verbs(assessment) == ["assessment.started", "assessment.page_saved"]


def test_invalid_or_incomplete_page_saves_nothing(personas, marie_business):
    assessment = assessment_start(business=marie_business, actor=personas.marie)
    with pytest.raises(InvalidAnswers) as caught:
        assessment_save_page(
            assessment=assessment,
            page_key="d2",
            answers={"m2_2_3": [1, 11]},
            actor=personas.marie,
        )
    assert [(e.key, e.message_en) for e in caught.value.answer_errors] == [
        ("m2_2_3", "m2_2_3: item 11 is out of range (1 to 10)."),
        ("m2_2_4", "m2_2_4: answer missing."),
    ]
    with pytest.raises(ValidationError) as other:
        assessment_save_page(
            assessment=assessment, page_key="d2", answers={"r1_1": "yes"}, actor=personas.marie
        )
    assert other.value.messages == ["These answers do not belong on this page: r1_1."]
    with pytest.raises(ValidationError):
        assessment_save_page(assessment=assessment, page_key="d9", answers={}, actor=personas.marie)
    assessment.refresh_from_db()
    assert assessment.answers == {}
    assert verbs(assessment) == ["assessment.started"]


def test_save_page_refused_to_others(personas, marie_business):
    assessment = assessment_start(business=marie_business, actor=personas.marie)
    for persona in ("luc", "sofia", "rita", "fatou", "nadia"):
        with pytest.raises(PermissionDenied):
            assessment_save_page(
                assessment=assessment,
                page_key="r5",
                answers={"r5_1": "yes", "r5_2": "no"},
                actor=getattr(personas, persona),
            )
    assessment.refresh_from_db()
    assert assessment.answers == {}


# --------------------------------------------------------------------------------------------
# Submit
# --------------------------------------------------------------------------------------------


def test_submit_incomplete_lists_what_is_missing(personas, marie_business):
    assessment = assessment_start(business=marie_business, actor=personas.marie)
    assessment_save_page(
        assessment=assessment,
        page_key="d1",
        answers=page_answers(example_answers(), "d1"),
        actor=personas.marie,
    )
    with pytest.raises(InvalidAnswers) as caught:
        assessment_submit(assessment=assessment, actor=personas.marie)
    assert caught.value.messages == ["The diagnostic is not complete: 33 answers are missing."]
    assert caught.value.answer_errors[0].key == "m2_2_3"
    assessment.refresh_from_db()
    assert assessment.status == "draft"
    marie_business.refresh_from_db()
    assert marie_business.status == "enrolled"


@needs_plans
def test_submit_t0_scores_locks_transitions_and_drafts_the_plan(
    personas, marie_business, django_capture_on_commit_callbacks
):
    from virage.plans.models import Plan

    assessment = assessment_start(business=marie_business, actor=personas.marie)
    assessment = answer_all(assessment, personas.marie)
    with django_capture_on_commit_callbacks(execute=True):
        submitted = assessment_submit(assessment=assessment, actor=personas.marie)
    submitted.refresh_from_db()
    assert submitted.status == "submitted"
    assert submitted.submitted_by == personas.marie
    assert (submitted.scoring_version_m2, submitted.scoring_version_r) == ("dma-b1", "retail-r1")
    assert submitted.m2_result == scoring.score_m2(example_answers()).as_dict()
    assert submitted.m2_result["dimensions"] == {
        "D1": 35.0,
        "D2": 31.4,
        "D3": 33.0,
        "D4": 33.3,
        "D5": 12.0,
        "D6": 25.0,
    }
    assert (submitted.m2_result["overall"], submitted.m2_result["band"]) == (28.3, "average")
    assert (submitted.r_result["overall"], submitted.r_result["applicable"]) == (36.4, 22)
    assert sorted(ScoreRecord.objects.values_list("module", "version", "reason")) == [
        ("m2", "dma-b1", "submit"),
        ("r", "retail-r1", "submit"),
    ]
    marie_business.refresh_from_db()
    assert marie_business.status == "diagnosed"
    plan = Plan.objects.get(source_assessment=submitted)
    assert plan.business_id == marie_business.pk
    assert verbs(submitted)[-1] == "assessment.submitted"
    status_events = AuditEvent.objects.filter(verb="business.status_changed")
    assert [e.after for e in status_events] == [{"status": "diagnosed"}]
    # Antoine, Marie's advisor, is told (in French, his language)
    assert [(m.to, m.subject) for m in mail.outbox] == [
        (
            [personas.antoine.email],
            "Virage : Boutique Marie a soumis son diagnostic (T0)",
        )
    ]
    # answers are locked now
    with pytest.raises(ValidationError) as caught:
        assessment_save_page(
            assessment=submitted,
            page_key="r5",
            answers={"r5_1": "no", "r5_2": "no"},
            actor=personas.marie,
        )
    assert caught.value.messages == [
        "This diagnostic was submitted: its answers can no longer change."
    ]
    assert assessment_latest(business=marie_business, time_point="T0") == submitted


@needs_plans
def test_double_submit_creates_nothing_twice(personas, marie_business):
    from virage.plans.models import Plan

    assessment = answer_all(
        assessment_start(business=marie_business, actor=personas.marie), personas.marie
    )
    first = assessment_submit(assessment=assessment, actor=personas.marie)
    second = assessment_submit(assessment=assessment, actor=personas.antoine)
    assert first.pk == second.pk
    second.refresh_from_db()
    assert second.submitted_by == personas.marie
    assert ScoreRecord.objects.count() == 2
    assert Plan.objects.filter(business=marie_business).count() == 1
    assert AuditEvent.objects.filter(verb="assessment.submitted").count() == 1
    assert AuditEvent.objects.filter(verb="business.status_changed").count() == 1
    # and starting again returns the submitted T0, never a second one
    assert assessment_start(business=marie_business, actor=personas.marie).pk == first.pk


def test_submit_refused_out_of_scope(personas, marie_business):
    assessment = answer_all(
        assessment_start(business=marie_business, actor=personas.marie), personas.marie
    )
    for persona in ("luc", "sofia", "paul", "fatou"):
        with pytest.raises(PermissionDenied):
            assessment_submit(assessment=assessment, actor=getattr(personas, persona))
    assessment.refresh_from_db()
    assert assessment.status == "draft"


def test_a_failed_submission_rolls_everything_back(personas, marie_business):
    """A business that left the program cannot be diagnosed: nothing is stored."""
    assessment = answer_all(
        assessment_start(business=marie_business, actor=personas.marie), personas.marie
    )
    Business.objects.filter(pk=marie_business.pk).update(status="withdrawn")
    with pytest.raises(ValidationError) as caught:
        assessment_submit(assessment=assessment, actor=personas.marie)
    assert caught.value.messages == ["A business that is “withdrawn” cannot become “diagnosed”."]
    assessment.refresh_from_db()
    assert (assessment.status, assessment.m2_result, assessment.submitted_at) == (
        "draft",
        None,
        None,
    )
    assert ScoreRecord.objects.count() == 0
    assert AuditEvent.objects.filter(verb="assessment.submitted").count() == 0


# --------------------------------------------------------------------------------------------
# Constraints
# --------------------------------------------------------------------------------------------


def test_one_submitted_and_one_draft_per_business_and_time_point(personas, marie_business):
    make_assessment(marie_business)
    with pytest.raises(IntegrityError), transaction.atomic():
        make_assessment(marie_business)
    make_assessment(marie_business, submitted=False, answers={})
    with pytest.raises(IntegrityError), transaction.atomic():
        make_assessment(marie_business, submitted=False, answers={})
    # another time point is another story
    make_assessment(marie_business, time_point="T1")
    assert Assessment.objects.filter(business=marie_business).count() == 3


def test_a_submitted_assessment_must_have_its_results(personas, marie_business):
    assessment = make_assessment(marie_business, submitted=False, answers={})
    with pytest.raises(IntegrityError), transaction.atomic():
        Assessment.objects.filter(pk=assessment.pk).update(status="submitted")
    with pytest.raises(IntegrityError), transaction.atomic():
        Assessment.objects.filter(pk=assessment.pk).update(time_point="T2")


# --------------------------------------------------------------------------------------------
# T1
# --------------------------------------------------------------------------------------------


def test_t1_opened_by_the_advisor_once_the_plan_is_published(
    personas, marie_business, django_capture_on_commit_callbacks
):
    make_assessment(marie_business, by=personas.marie)
    Business.objects.filter(pk=marie_business.pk).update(status="diagnosed")
    with pytest.raises(ValidationError) as caught:
        assessment_open_t1(business=marie_business, actor=personas.antoine)
    assert caught.value.messages == [
        "The re-assessment opens once the action plan is published: the business is “diagnosed”."
    ]
    Business.objects.filter(pk=marie_business.pk).update(status="plan_published")
    with pytest.raises(PermissionDenied):
        assessment_open_t1(business=marie_business, actor=personas.marie)
    with pytest.raises(PermissionDenied):
        assessment_open_t1(business=marie_business, actor=personas.sofia)
    with django_capture_on_commit_callbacks(execute=True):
        t1 = assessment_open_t1(business=marie_business, actor=personas.antoine)
        again = assessment_open_t1(business=marie_business, actor=personas.ada)
    assert t1.pk == again.pk
    assert (t1.time_point, t1.status, t1.opened_by, t1.started_by) == (
        "T1",
        "draft",
        personas.antoine,
        personas.antoine,
    )
    assert verbs(t1) == ["assessment.t1_opened"]
    assert [(m.to, m.subject) for m in mail.outbox] == [
        ([personas.marie.email], "Virage : votre réévaluation est ouverte")
    ]


def test_t1_needs_a_submitted_t0(personas, marie_business):
    Business.objects.filter(pk=marie_business.pk).update(status="implementing")
    with pytest.raises(ValidationError) as caught:
        assessment_open_t1(business=marie_business, actor=personas.ada)
    assert caught.value.messages == [
        "The re-assessment opens after the first diagnostic (T0) is submitted."
    ]
    assert Assessment.objects.count() == 0


def test_submit_t1_reassesses_the_business(personas, marie_business):
    make_assessment(marie_business, by=personas.marie)
    Business.objects.filter(pk=marie_business.pk).update(status="implementing")
    t1 = assessment_open_t1(business=marie_business, actor=personas.antoine)
    t1 = answer_all(t1, personas.antoine, improved_answers())
    t1 = assessment_submit(assessment=t1, actor=personas.marie)
    marie_business.refresh_from_db()
    assert marie_business.status == "reassessed"
    assert t1.m2_result["overall"] == scoring.score_m2(improved_answers()).as_dict()["overall"]
    assert assessment_latest(business=marie_business, time_point="T1") == t1


# --------------------------------------------------------------------------------------------
# Re-scoring
# --------------------------------------------------------------------------------------------


def halved(answers):
    """A pretend later version of M2 scoring: half of dma-b1."""
    result = scoring.score_m2(answers)
    return scoring.M2Result(
        version="dma-test",
        questions={k: v / 2 for k, v in result.questions.items()},
        dimensions={k: v / 2 for k, v in result.dimensions.items()},
        overall=result.overall / 2,
        band=scoring.band_for(result.overall / 2),
        dimension_bands={k: scoring.band_for(v / 2) for k, v in result.dimensions.items()},
    )


@pytest.fixture
def test_version(monkeypatch):
    monkeypatch.setitem(
        scoring.SCORERS, "dma-test", scoring.Scorer("dma-test", "m2", "test", halved)
    )
    return "dma-test"


def test_rescore_keeps_every_version_in_history(personas, marie_business, test_version):
    assessment = make_assessment(marie_business)
    unchanged = assessment_rescore(assessment=assessment, version="dma-b1")
    assert not unchanged.changed
    dry = assessment_rescore(assessment=assessment, version=test_version, dry_run=True)
    assert (dry.changed, dry.before["overall"], dry.after["overall"]) == (True, 28.3, 14.1)
    assessment.refresh_from_db()
    assert assessment.scoring_version_m2 == "dma-b1"
    outcome = assessment_rescore(assessment=assessment, version=test_version)
    assert outcome.changed
    assessment.refresh_from_db()
    assert (assessment.scoring_version_m2, assessment.m2_result["overall"]) == ("dma-test", 14.1)
    assert assessment.scoring_version_r == "retail-r1"
    records = dict(assessment.score_records.values_list("version", "result"))
    assert records["dma-b1"]["overall"] == 28.3
    assert records["dma-test"]["overall"] == 14.1
    # back to dma-b1: the history keeps both, nothing is recomputed twice
    assessment_rescore(assessment=assessment, version="dma-b1")
    assessment.refresh_from_db()
    assert assessment.m2_result["overall"] == 28.3
    assert assessment.score_records.count() == 3
    event = AuditEvent.objects.filter(verb="assessment.rescored").order_by("id").first()
    assert (event.actor, event.before, event.after) == (
        None,
        {"version": "dma-b1", "overall": 28.3},
        {"version": "dma-test", "overall": 14.1},
    )


def test_rescore_refuses_an_edited_version(personas, marie_business):
    assessment = make_assessment(marie_business)
    Assessment.objects.filter(pk=assessment.pk).update(
        m2_result={**assessment.m2_result, "overall": 99.0}
    )
    assessment.refresh_from_db()
    with pytest.raises(ScoringVersionChanged):
        assessment_rescore(assessment=assessment, version="dma-b1")


def test_rescore_only_by_the_system_or_an_admin(personas, marie_business):
    assessment = make_assessment(marie_business)
    with pytest.raises(PermissionDenied):
        assessment_rescore(assessment=assessment, version="dma-b1", actor=personas.antoine)
    assert not assessment_rescore(
        assessment=assessment, version="retail-r1", actor=personas.ada
    ).changed


def test_every_page_key_set_is_disjoint_and_complete():
    keys = [k for p in pages() for k in page_answer_keys(p.key)]
    assert len(keys) == len(set(keys)) == 35
