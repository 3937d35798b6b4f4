"""Simultaneous requests on PostgreSQL: starting T0 from two screens creates one draft;
submitting twice at once submits once; pages saved at once by the merchant and the advisor
are both kept."""

from __future__ import annotations

import pytest

from virage.core.models import AuditEvent
from virage.core.testing.concurrency import run_concurrently
from virage.diagnostics.models import Assessment, ScoreRecord
from virage.diagnostics.questionnaire import pages
from virage.diagnostics.services import assessment_save_page, assessment_start, assessment_submit

from .conftest import needs_plans
from .factories import example_answers, make_assessment, page_answers

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_simultaneous_starts_create_one_draft(personas, businesses):
    actors = [personas.marie, personas.antoine, personas.ada] * 4
    results = run_concurrently(
        lambda i: assessment_start(business=businesses.marie, actor=actors[i]).pk, n=12
    )
    assert {status for status, _ in results} == {"ok"}
    assert len({pk for _, pk in results}) == 1
    assert Assessment.objects.count() == 1
    assert AuditEvent.objects.filter(verb="assessment.started").count() == 1


@needs_plans
def test_simultaneous_submissions_submit_once(personas, businesses):
    assessment = make_assessment(businesses.marie, submitted=False, answers=example_answers())
    results = run_concurrently(
        lambda i: assessment_submit(assessment=assessment, actor=personas.marie).status, n=8
    )
    assert results == [("ok", "submitted")] * 8
    assert ScoreRecord.objects.count() == 2
    assert AuditEvent.objects.filter(verb="assessment.submitted").count() == 1
    assert AuditEvent.objects.filter(verb="business.status_changed").count() == 1


def test_pages_saved_at_once_are_all_kept(personas, businesses):
    assessment = make_assessment(businesses.marie, submitted=False, answers={})
    answers = example_answers()
    keys = [p.key for p in pages()]
    actors = [personas.marie, personas.antoine]
    results = run_concurrently(
        lambda i: (
            assessment_save_page(
                assessment=assessment,
                page_key=keys[i],
                answers=page_answers(answers, keys[i]),
                actor=actors[i % 2],
            ).pk
        ),
        n=len(keys),
    )
    assert {status for status, _ in results} == {"ok"}
    assessment.refresh_from_db()
    assert assessment.answers == answers
