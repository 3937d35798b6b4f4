"""The issue's journey with the Django test client: the merchant submits her T0 diagnostic →
a draft plan appears for her advisor → the advisor publishes it → the merchant accepts it
and marks an action implemented."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation

from virage.enterprises.models import Business
from virage.plans.models import Plan

from .helpers import complete_answers, draft_t0

pytestmark = pytest.mark.django_db


def path(name, **kwargs):
    with translation.override("fr"):
        return reverse(name, kwargs=kwargs)


def submit_t0(client, assessment, actor):
    """Through the diagnostics page when it exists, else through its service."""
    try:
        url = path("diagnostics:submit", pk=assessment.pk)
    except NoReverseMatch:
        from virage.diagnostics.services import assessment_submit

        assessment_submit(assessment=assessment, actor=actor)
        return None
    return client.post(url)


def test_from_t0_to_a_solution_in_use(
    client_for, businesses, personas, django_capture_on_commit_callbacks
):
    marie, antoine = client_for("marie"), client_for("antoine")
    business = businesses.marie
    assert business.status == "enrolled"
    # no online store, no tested backups
    answers = complete_answers(r2_1="no", r7_1="no")
    assessment = draft_t0(business, answers, actor=personas.marie)
    assert "Votre plan n'est pas encore publié." in marie.get(path("plans:mine")).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        submit_t0(marie, assessment, personas.marie)
    business.refresh_from_db()
    assert business.status == "diagnosed"
    plan = Plan.objects.get(business=business)
    assert (plan.status, plan.source_assessment_id) == ("draft", assessment.pk)

    # the draft appears for the advisor, not for the merchant
    page = antoine.get(path("plans:list")).content.decode()
    assert f'href="/fr/plan/{plan.pk}/"' in page
    assert "Brouillon" in page
    assert marie.get(path("plans:detail", pk=plan.pk)).status_code == 404
    page = antoine.get(path("plans:detail", pk=plan.pk)).content.decode()
    assert "Lancer une boutique en ligne" in page
    assert "Vous avez répondu «\u00a0Non\u00a0» à «\u00a0Site Web transactionnel" in page

    # the advisor sets a target date on the first action, then publishes
    first = plan.actions.order_by("order").first()
    response = antoine.post(
        path("plans:action_edit", pk=first.pk),
        {
            "title_fr": first.title_fr,
            "title_en": first.title_en,
            "why_fr": first.why_fr,
            "why_en": first.why_en,
            "target_date": "2030-06-30",
            "owner": "merchant",
        },
    )
    assert response.status_code == 302
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = antoine.post(path("plans:publish", pk=plan.pk))
    assert response.status_code == 302
    business.refresh_from_db()
    assert business.status == "plan_published"
    assert [m.to for m in mail.outbox] == [[personas.marie.email]]

    # the merchant sees it on her home page and accepts it
    home = marie.get("/fr/account/home/").content.decode()
    assert "Votre plan est prêt" in home
    assert marie.get(path("plans:mine")).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        marie.post(path("plans:accept", pk=plan.pk))
    plan.refresh_from_db()
    assert plan.status == "accepted"

    # …and marks the online store as implemented with Shopify
    response = marie.post(
        path("plans:action_status", pk=first.pk),
        {
            "status": "implemented",
            "solution": "shopify",
            "implemented_at": timezone.localdate().isoformat(),
        },
    )
    assert response.status_code == 302
    first.refresh_from_db()
    assert (first.status, first.implemented_solution.key) == ("implemented", "shopify")
    business.refresh_from_db()
    assert business.status == Business.Status.IMPLEMENTING
    page = marie.get(path("plans:detail", pk=plan.pk)).content.decode()
    assert "Actions réalisées : 1 sur 2" in page
    assert "<td>réalisée</td>" in page  # the history shows the change
