"""The journey in French: Marie completes T0 and sees her results; Antoine, her advisor,
opens T1 and completes it with her; both see the T0 → T1 deltas."""

from __future__ import annotations

import re

import pytest

from virage.diagnostics.models import Assessment
from virage.diagnostics.questionnaire import pages
from virage.enterprises.models import Business

from .conftest import needs_plans
from .factories import example_answers, improved_answers
from .test_views import form_data

pytestmark = pytest.mark.django_db


def text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


def answer_every_page(client, assessment, answers):
    url = f"/fr/diagnostic/{assessment.pk}/page/{pages()[0].key}/"
    for page in pages():
        assert client.get(url).status_code == 200
        response = client.post(url, form_data(answers, page.key))
        assert response.status_code == 302, text(response)[:2000]
        url = response["Location"]
    return url


@needs_plans
def test_t0_then_t1_in_french(client_for, personas, businesses, django_capture_on_commit_callbacks):
    marie_business = businesses.marie
    marie = client_for("marie")

    # Marie starts from her home page
    home = text(marie.get("/fr/account/home/"))
    assert "Commencer mon diagnostic" in home
    start = marie.post(f"/fr/diagnostic/business/{marie_business.pk}/start/")
    t0 = Assessment.objects.get(business=marie_business, time_point="T0")

    # she answers in two sittings: three pages, then the rest the next day
    url = start["Location"]
    for page in pages()[:3]:
        url = marie.post(url, form_data(example_answers(), page.key))["Location"]
    assert (
        marie.get("/fr/diagnostic/")["Location"] == f"/fr/diagnostic/business/{marie_business.pk}/"
    )
    resume = text(marie.get(f"/fr/diagnostic/business/{marie_business.pk}/"))
    assert f'href="/fr/diagnostic/{t0.pk}/page/d4/">Continuer</a>' in resume
    url = f"/fr/diagnostic/{t0.pk}/page/d4/"
    for page in pages()[3:]:
        url = marie.post(url, form_data(example_answers(), page.key))["Location"]
    assert url == f"/fr/diagnostic/{t0.pk}/"
    review = text(marie.get(url))
    assert "13 pages complétées sur 13" in review
    with django_capture_on_commit_callbacks(execute=True):
        results_url = marie.post(f"/fr/diagnostic/{t0.pk}/submit/")["Location"]
    results = text(marie.get(results_url))
    assert "Votre diagnostic est soumis. Voici vos résultats." in results
    assert "Score global : <strong>28,3</strong> sur 100" in results
    assert "De T0 à T1" not in results
    marie_business.refresh_from_db()
    assert marie_business.status == "diagnosed"

    # months later, the plan is under way: Antoine opens the re-assessment
    Business.objects.filter(pk=marie_business.pk).update(status="implementing")
    antoine = client_for("antoine")
    overview = text(antoine.get(f"/fr/diagnostic/business/{marie_business.pk}/"))
    assert "Ouvrir la réévaluation (T1)" in overview
    opened = antoine.post(f"/fr/diagnostic/business/{marie_business.pk}/reassessment/")
    t1 = Assessment.objects.get(business=marie_business, time_point="T1")
    assert opened["Location"] == f"/fr/diagnostic/{t1.pk}/page/d1/"
    assert t1.opened_by == personas.antoine

    # they answer it together: Antoine on his screen for the first half, Marie the rest
    url = opened["Location"]
    for page in pages()[:7]:
        url = antoine.post(url, form_data(improved_answers(), page.key))["Location"]
    home = text(marie.get("/fr/account/home/"))
    assert "Votre réévaluation (T1) est en cours." in home
    for page in pages()[7:]:
        url = marie.post(url, form_data(improved_answers(), page.key))["Location"]
    t1_results = marie.post(f"/fr/diagnostic/{t1.pk}/submit/")["Location"]
    marie_business.refresh_from_db()
    assert marie_business.status == "reassessed"

    # both see the deltas, on either results page
    for client in (marie, antoine):
        for path in (t1_results, results_url):
            page = text(client.get(path))
            assert "De T0 à T1 : 28,3 → 43,6 (+15,3 points)" in page
            assert '<td class="num diag-up">+21,7</td>' in page
